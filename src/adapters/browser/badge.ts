/** The toolbar badge: how many tracked invoices need the user today. */
import { badgeText, countNeedingAttention } from '../../core/attention';
import type { LedgerStore } from '../storage/ledger-store';
import type { Clock } from './clock';

// Orange like the icon's dot: "something to do", not an alarm (issue 6 adds urgency colours).
const BADGE_COLOUR = '#D9480F';

export async function refreshBadge(ledger: LedgerStore, clock: Clock): Promise<number> {
  const [today, all] = await Promise.all([clock.today(), ledger.all()]);
  const count = countNeedingAttention(all, today);
  await chrome.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  await chrome.action.setBadgeText({ text: badgeText(count) });
  return count;
}
