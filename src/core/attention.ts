/**
 * What makes an invoice need the user today: the rule behind the toolbar badge.
 * An invoice counts when it is due today or overdue and nobody chased it today. Pure: `today` is
 * injected, events are the invoice's logbook.
 */
import type { IsoDate, LogEvent, TrackedInvoice } from './model';

/** Logbook kinds that count as having chased the client that day. */
const CHASING_KINDS = new Set<LogEvent['kind']>(['reminder_drafted']);

export function needsAttentionToday(invoice: Pick<TrackedInvoice, 'dueDate'>, events: readonly LogEvent[], today: IsoDate): boolean {
  if (invoice.dueDate === null || invoice.dueDate > today) return false;
  return !events.some((event) => event.day === today && CHASING_KINDS.has(event.kind));
}

export function countNeedingAttention(
  ledger: ReadonlyArray<{ invoice: Pick<TrackedInvoice, 'dueDate'>; events: readonly LogEvent[] }>,
  today: IsoDate,
): number {
  return ledger.filter(({ invoice, events }) => needsAttentionToday(invoice, events, today)).length;
}

/** The badge text: empty when nothing is due (Chrome hides an empty badge), "99+" past 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
