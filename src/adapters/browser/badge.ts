/**
 * The toolbar badge: how many tracked invoices need the user today (core/attention.ts), counted
 * by the store on its `attentionFrom` index (LedgerStore.attentionCount; the first count of a day
 * brings that index up to the day).
 */
import { badgeText } from '../../core/attention';
import type { LedgerStore } from '../storage/ledger-store';
import type { Clock } from './clock';

// Orange like the icon's dot: "something to do", not an alarm (issue 6 adds urgency colours).
const BADGE_COLOUR = '#D9480F';

export async function refreshBadge(ledger: LedgerStore, clock: Clock): Promise<number> {
  const count = await ledger.attentionCount(await clock.today());
  await chrome.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  await chrome.action.setBadgeText({ text: badgeText(count) });
  return count;
}
