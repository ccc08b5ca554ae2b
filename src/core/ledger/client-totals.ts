/**
 * A client's running totals (schema v3's `clientTotals` table): the sums `clientHistory` needs,
 * kept by the store in the same transaction as every change of one of the client's invoice
 * summaries (`moveClientTotals`: take the old summary out, put the new one in), so one client's
 * history reads one small record and its last few due invoices, not its whole history.
 *
 * The totals are a function of the client's summaries (`clientTotalsOf`); the property test
 * (summary.test.ts) checks that `clientHistoryFromTotals` equals `clientHistory` over the derived
 * states.
 */
import { DEFAULT_REPEAT_LATE_PAYER_RULE, isRepeatLatePayer, latePaymentRecord, type ClientInvoiceRecord, type RepeatLatePayerRule } from '../chasing';
import { addDays, daysBetween } from '../dates';
import type { IsoDate } from '../model';
import type { ClientHistory } from './queries';
import type { InvoiceSummary } from './summary';

export interface ClientTotals {
  clientId: string;
  invoiceCount: number;
  openCount: number;
  paidCount: number;
  writtenOffCount: number;
  /** Paid invoices with a due date and a payment day: how many, their days late summed (0 when on time). */
  paidWithDueCount: number;
  daysLateSum: number;
  /** Of those, paid after their due date. */
  paidLateCount: number;
  /** The latest payment day of a paid invoice. */
  lastPaidOn: IsoDate | null;
  /** Open invoices with something outstanding, per currency: cents and how many. */
  outstanding: Record<string, { cents: number; count: number }>;
}

export function emptyClientTotals(clientId: string): ClientTotals {
  return { clientId, invoiceCount: 0, openCount: 0, paidCount: 0, writtenOffCount: 0, paidWithDueCount: 0, daysLateSum: 0, paidLateCount: 0, lastPaidOn: null, outstanding: {} };
}

type Part = Pick<InvoiceSummary, 'status' | 'dueDate' | 'paidOn' | 'currency' | 'outstandingCents'>;

function daysLateOf(summary: Part): number | null {
  if (summary.status !== 'paid' || summary.dueDate === null || summary.paidOn === null) return null;
  return Math.max(0, daysBetween(summary.dueDate, summary.paidOn));
}

/** Adds (`sign` 1) or takes out (−1) one summary's share; `lastPaidOn` only grows here (see `moveClientTotals`). */
function apply(totals: ClientTotals, summary: Part, sign: 1 | -1): void {
  totals.invoiceCount += sign;
  if (summary.status === 'open') totals.openCount += sign;
  if (summary.status === 'paid') totals.paidCount += sign;
  if (summary.status === 'written_off') totals.writtenOffCount += sign;
  const late = daysLateOf(summary);
  if (late !== null) {
    totals.paidWithDueCount += sign;
    totals.daysLateSum += sign * late;
    if (late > 0) totals.paidLateCount += sign;
  }
  if (sign > 0 && summary.status === 'paid' && summary.paidOn !== null && (totals.lastPaidOn === null || summary.paidOn > totals.lastPaidOn)) totals.lastPaidOn = summary.paidOn;
  if (summary.status === 'open' && summary.currency !== null && summary.outstandingCents !== null && summary.outstandingCents > 0) {
    const entry = totals.outstanding[summary.currency] ?? { cents: 0, count: 0 };
    entry.cents += sign * summary.outstandingCents;
    entry.count += sign;
    if (entry.count === 0) delete totals.outstanding[summary.currency];
    else totals.outstanding[summary.currency] = entry;
  }
}

/** The totals of a client's invoices, from their summaries. */
export function clientTotalsOf(clientId: string, summaries: Iterable<Part>): ClientTotals {
  const totals = emptyClientTotals(clientId);
  for (const summary of summaries) apply(totals, summary, 1);
  return totals;
}

/**
 * The totals after one invoice's summary changed from `before` (null: a new invoice) to `after`
 * (null: removed). Null when they cannot be updated in place: the latest payment day was taken
 * out (the next latest is not known); the store then recounts the client (`clientTotalsOf`).
 */
export function moveClientTotals(totals: ClientTotals, before: Part | null, after: Part | null): ClientTotals | null {
  const next: ClientTotals = { ...totals, outstanding: Object.fromEntries(Object.entries(totals.outstanding).map(([currency, entry]) => [currency, { ...entry }])) };
  if (before) {
    const paidOnLeaves = before.status === 'paid' && before.paidOn !== null && before.paidOn === totals.lastPaidOn && !(after && after.status === 'paid' && after.paidOn !== null && after.paidOn >= before.paidOn);
    if (paidOnLeaves) return null;
    apply(next, before, -1);
  }
  if (after) apply(next, after, 1);
  return next;
}

/**
 * `clientHistory` (queries.ts) from the totals and the client's latest invoices due: `recentDue`
 * must hold every invoice the late-payment rule may look at, that is at least the `lookback` latest
 * by due date among those paid or past their grace on `today` (with every invoice due the same day
 * as the last one taken), in the order `clientHistory` is given its states (by invoice id).
 */
export function clientHistoryFromTotals(totals: ClientTotals, recentDue: readonly ClientInvoiceRecord[], today: IsoDate, options: { rule?: RepeatLatePayerRule } = {}): ClientHistory {
  const rule = options.rule ?? DEFAULT_REPEAT_LATE_PAYER_RULE;
  return {
    clientId: totals.clientId,
    invoiceCount: totals.invoiceCount,
    openCount: totals.openCount,
    paidCount: totals.paidCount,
    writtenOffCount: totals.writtenOffCount,
    averageDaysLate: totals.paidWithDueCount === 0 ? null : totals.daysLateSum / totals.paidWithDueCount,
    paidLateCount: totals.paidLateCount,
    repeatLatePayer: isRepeatLatePayer(recentDue, today, { rule }),
    latePayment: latePaymentRecord(recentDue, today, { rule }),
    outstanding: Object.entries(totals.outstanding)
      .filter(([, entry]) => entry.count > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, entry]) => ({ currency, amount: entry.cents / 100, count: entry.count })),
    lastPaidOn: totals.lastPaidOn,
  };
}

/** Whether the late-payment rule may look at this invoice on `today` (paid, or past its grace). */
export function countsForLatePayment(record: ClientInvoiceRecord, today: IsoDate, rule: RepeatLatePayerRule = DEFAULT_REPEAT_LATE_PAYER_RULE): boolean {
  if (record.dueDate === null) return false;
  if (record.paidOn !== null) return true;
  return addDays(record.dueDate, rule.graceDays) < today;
}

// ---- sales per day ------------------------------------------------------------------------------

/**
 * What was invoiced on one day in one currency (schema v3's `dailySales` table): the DSO's sales
 * read as at most one record per day and currency of its window, kept like the client totals (the
 * store moves an invoice's sale when its summary changes). Invoices of unknown issue date, amount
 * or currency are not sales (as `daysSalesOutstanding` leaves them out).
 */
export interface DailySales {
  day: IsoDate;
  currency: string;
  cents: number;
  count: number;
}

type SalePart = Pick<InvoiceSummary, 'issueDate' | 'currency' | 'amountCents'>;

/** The invoice's sale (day, currency, cents), null when it is not one. */
export function saleOf(summary: SalePart | null): { day: IsoDate; currency: string; cents: number } | null {
  if (!summary || summary.issueDate === null || summary.currency === null || summary.amountCents === null) return null;
  return { day: summary.issueDate, currency: summary.currency, cents: summary.amountCents };
}

/** The sales per day and currency of these summaries (day order, then currency). */
export function dailySalesOf(summaries: Iterable<SalePart>): DailySales[] {
  const byKey = new Map<string, DailySales>();
  for (const summary of summaries) {
    const sale = saleOf(summary);
    if (!sale) continue;
    const key = `${sale.day}\u0000${sale.currency}`;
    const row = byKey.get(key) ?? { day: sale.day, currency: sale.currency, cents: 0, count: 0 };
    row.cents += sale.cents;
    row.count += 1;
    byKey.set(key, row);
  }
  return [...byKey.values()].sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
