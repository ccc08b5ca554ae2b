/**
 * The toolbar badge: how many items need the user today (invoices due today and actions due today,
 * src/background/today-attention.ts), in the colour of the day's urgency:
 * - red (#C92A2A) when one of them is seriously late: more than 30 days past due, at the formal
 *   notice step or beyond, or after a broken promise to pay;
 * - orange (#D9480F, like the icon's dot) otherwise: "something to do", not an alarm.
 * Recomputed after every ledger write, at start-up, and by the daily alarm (service-worker.ts).
 */
import { badgeText } from '../../core/attention';
import type { Urgency } from '../../protocol/dashboard-messages';

export const BADGE_COLOURS: Readonly<Record<Exclude<Urgency, 'none'>, string>> = { urgent: '#C92A2A', due: '#D9480F' };

export async function showBadge(count: number, urgency: Urgency): Promise<void> {
  await chrome.action.setBadgeBackgroundColor({ color: urgency === 'urgent' ? BADGE_COLOURS.urgent : BADGE_COLOURS.due });
  await chrome.action.setBadgeText({ text: badgeText(count) });
}
