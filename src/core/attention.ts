/**
 * What makes an invoice need the user today: the rule behind the toolbar badge.
 *
 * Since the ledger (issue 5) the rule is the ladder's: an open invoice needs the user on a day when
 * it is due that day, or when `actionsDueToday` has an item for it (a ladder step, a call, a
 * follow-up, a promise or an instalment falling due); see src/core/ledger/queries.ts
 * `needsUserToday`. The badge shows how many invoices need the user; the store counts them on its
 * `attentionFrom` index (src/core/ledger/summary.ts) instead of deriving every open invoice.
 *
 * (Until 2026-11 the badge counted invoices due or overdue and not chased that day, whatever the
 * ladder said: an overdue invoice between two reminders counted every day, a paid one too.)
 */
export { needsUserToday } from './ledger/queries';

/** The badge text: empty when nothing is due (Chrome hides an empty badge), "99+" past 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
