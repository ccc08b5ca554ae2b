/**
 * The ledger's queries (issue 5), used by the badge, the panel and the dashboard: pure functions
 * over derived invoice states (`deriveInvoiceState`). Every function also works on any superset
 * (it filters).
 *
 * AT SCALE the store does not derive: since schema v3 each invoice record carries its summary
 * (summary.ts `invoiceSummary`, rewritten in the transaction of every event) and each client its
 * totals (client-totals.ts), and the same rules read them, so a query's cost follows its answer:
 *
 * | query                 | what the store reads (src/adapters/storage/ledger-store.ts)                 | function                              |
 * | --------------------- | --------------------------------------------------------------------------- | ------------------------------------- |
 * | one invoice           | invoices.get(id), events [invoiceId+seq]                                    | deriveInvoiceState                    |
 * | badge                 | a count on `attentionFrom` ≤ today (nothing loaded)                         | needsUserToday (summary.ts keeps it)  |
 * | outstanding, aging    | the open invoices' summaries (index `open`)                                 | outstandingByCurrency, agingOfRows    |
 * | DSO (N days)          | + the window's sales: dailySales [day+currency] (one row per day, currency) | dsoOfRows                             |
 * | client history        | clientTotals[id] + its latest invoices due ([clientId+dueDate], a few)      | clientHistoryFromTotals               |
 * | actions due today     | invoices `attentionFrom` ≤ today, their events and clients                  | actionsDueToday                       |
 * | due today, overdue    | invoices `openDueDate` = / < today, their events                            | dueToday, overdue                     |
 *
 * The summary-based functions equal these over derived states (summary.test.ts, and the store's
 * summaries.test.ts). The repeat-late-payer history (`DeriveContext.history`) changes only tone and
 * advice, never dates or counts: lists and the badge derive without it; the invoice page loads the
 * client's invoices for it.
 */
import type { ChasingAction, LatePaymentRecord, RepeatLatePayerRule } from '../chasing';
import { DEFAULT_REPEAT_LATE_PAYER_RULE, isRepeatLatePayer, latePaymentRecord } from '../chasing';
import { addDays, daysBetween, isValidIsoDate } from '../dates';
import type { IsoDate } from '../model';
import type { AttentionFacts, InvoiceState } from './derive';

function requireToday(states: readonly InvoiceState[], today: IsoDate): void {
  if (!isValidIsoDate(today)) throw new RangeError(`today is not a calendar date (YYYY-MM-DD): "${today}"`);
  const stale = states.find((state) => state.today !== today);
  if (stale) throw new RangeError(`invoice ${stale.invoiceId} was derived for ${stale.today}, not ${today}`);
}

const cents = (amount: number): number => Math.round(amount * 100);
const byNumber = (a: InvoiceState, b: InvoiceState): number => (a.invoiceNumber < b.invoiceNumber ? -1 : a.invoiceNumber > b.invoiceNumber ? 1 : 0);

// ---- due and overdue ----------------------------------------------------------------------------

/** Open invoices due today, by number. */
export function dueToday(states: readonly InvoiceState[], today: IsoDate): InvoiceState[] {
  requireToday(states, today);
  return states.filter((state) => state.open && state.dueDate === today).sort(byNumber);
}

/** Open invoices past their due date (disputed ones included), oldest due date first. */
export function overdue(states: readonly InvoiceState[], today: IsoDate): InvoiceState[] {
  requireToday(states, today);
  return states
    .filter((state): state is InvoiceState & { dueDate: IsoDate } => state.open && state.dueDate !== null && state.dueDate < today)
    .sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : byNumber(a, b)));
}

// ---- actions due today --------------------------------------------------------------------------

export type ActionCategory =
  /** A written step of the ladder (reminder, formal notice) or the escalation. */
  | 'ladder_step'
  /** A call to make: the ladder's call, the call agreed in the last call, after a broken promise or a missed instalment. */
  | 'call'
  /** A promise to pay: due today (check the payment came in), or broken yesterday (emailed follow-up). */
  | 'promise'
  /** A payment plan's instalment: due today, a reminder before it, a follow-up after a missed one. */
  | 'instalment'
  /** The written follow-up of a call, or the written confirmation of a plan. */
  | 'follow_up';

export interface ActionItem {
  invoiceId: string;
  clientId: string;
  invoiceNumber: string;
  category: ActionCategory;
  /** The ladder's action type, or `promise_due` / `instalment_due` for a payment expected today. */
  type: ChasingAction['type'] | 'promise_due' | 'instalment_due';
  /** The ladder's action, null for a payment expected today. */
  action: ChasingAction | null;
  /** For a payment expected today: the amount promised or due (null when the promise gave none). */
  expectedAmount: number | null;
}

function categoryOf(action: ChasingAction): ActionCategory {
  switch (action.type) {
    case 'agreed_call':
      return 'call';
    case 'promise_follow_up':
      return action.channel === 'phone' ? 'call' : 'promise';
    case 'instalment_reminder':
      return 'instalment';
    case 'instalment_follow_up':
      return action.channel === 'phone' ? 'call' : 'instalment';
    case 'plan_confirmation':
    case 'call_follow_up':
      return 'follow_up';
    case 'call':
      return 'call';
    default:
      // An email-only client's ladder step that follows up a broken promise is still a ladder step.
      return 'ladder_step';
  }
}

/**
 * What needs the user today, most overdue invoice first, each invoice's items in the ladder's order
 * (most important first), then the payments expected today: the ladder's actions for today (steps,
 * calls, follow-ups, instalment reminders and missed-instalment follow-ups, broken promises), a
 * promise whose date is today, an instalment due today (unless its reminder is among today's
 * actions: one item per instalment).
 */
export function actionsDueToday(states: readonly InvoiceState[], today: IsoDate): ActionItem[] {
  requireToday(states, today);
  const items: ActionItem[] = [];
  const ordered = states.filter((state) => state.open).sort((a, b) => (b.daysPastDue ?? -Infinity) - (a.daysPastDue ?? -Infinity) || byNumber(a, b));
  for (const state of ordered) {
    const base = { invoiceId: state.invoiceId, clientId: state.clientId, invoiceNumber: state.invoiceNumber };
    for (const item of itemsOf(state, today)) items.push({ ...base, ...item });
  }
  return items;
}

type OwnItem = Omit<ActionItem, 'invoiceId' | 'clientId' | 'invoiceNumber'>;

/** One open invoice's items due today, in `actionsDueToday`'s order. */
function itemsOf(state: Pick<AttentionFacts, 'ladder' | 'promise' | 'paymentPlan'>, today: IsoDate): OwnItem[] {
  const items: OwnItem[] = [];
  for (const action of state.ladder.today) items.push({ category: categoryOf(action), type: action.type, action, expectedAmount: null });
  if (state.promise?.state === 'pending' && state.promise.promisedDate === today) {
    items.push({ category: 'promise', type: 'promise_due', action: null, expectedAmount: state.promise.amount });
  }
  for (const instalment of state.paymentPlan?.instalments ?? []) {
    if (instalment.paid || instalment.dueDate !== today) continue;
    // The instalment's reminder, still to send on its last useful day, already covers it.
    if (state.ladder.today.some((action) => action.reason.code === 'instalment_upcoming' && action.reason.instalmentDate === today)) continue;
    items.push({ category: 'instalment', type: 'instalment_due', action: null, expectedAmount: instalment.amount });
  }
  return items;
}

/**
 * The badge's rule for one invoice: it needs the user today when it is open and due today, or has
 * an item in `actionsDueToday` (exactly the invoices `badgeCount` counts at least once). The badge
 * shows how many invoices need the user (the store counts them on its `attentionFrom` index,
 * summary.ts); `badgeCount` counts the items (an invoice with a call and a follow-up counts twice).
 * Reads `attentionFacts` or a whole `InvoiceState`.
 */
export function needsUserToday(state: AttentionFacts, today: IsoDate): boolean {
  if (state.today !== today) throw new RangeError(`invoice ${state.invoiceId} was derived for ${state.today}, not ${today}`);
  return state.open && (state.dueDate === today || itemsOf(state, today).length > 0);
}

/**
 * The badge's count from now on (replaces attention.ts `countNeedingAttention`): the items due
 * today, that is every action due today (`actionsDueToday`) plus every open invoice due today that
 * has no such item (an invoice due today with a call to make counts once, for the call). Format
 * it with attention.ts `badgeText`.
 */
export function badgeCount(states: readonly InvoiceState[], today: IsoDate): number {
  const actions = actionsDueToday(states, today);
  const withItems = new Set(actions.map((item) => item.invoiceId));
  return actions.length + dueToday(states, today).filter((state) => !withItems.has(state.invoiceId)).length;
}

// ---- amounts by currency ------------------------------------------------------------------------

export interface CurrencyTotal {
  currency: string;
  /** Sum of the outstanding amounts, to the cent. */
  amount: number;
  /** Invoices summed. */
  count: number;
}

export interface OutstandingTotals {
  /** By currency code, alphabetical. */
  byCurrency: CurrencyTotal[];
  /** Open invoices left out because their amount or currency is unknown. */
  unknownCount: number;
}

function totals(entries: ReadonlyArray<{ currency: string; amount: number }>): CurrencyTotal[] {
  const sums = new Map<string, { cents: number; count: number }>();
  for (const { currency, amount } of entries) {
    const sum = sums.get(currency) ?? { cents: 0, count: 0 };
    sum.cents += cents(amount);
    sum.count += 1;
    sums.set(currency, sum);
  }
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sum]) => ({ currency, amount: sum.cents / 100, count: sum.count }));
}

/**
 * What the money queries (outstanding, aging, DSO) read of an invoice: an `InvoiceState`, or the
 * store's summary of it (summary.ts `summaryRow`), so the dashboard never needs the logbooks.
 */
export interface LedgerRow {
  open: boolean;
  currency: string | null;
  amount: number | null;
  /** Still receivable: 0 once closed, null for an unknown amount. */
  outstanding: number | null;
  dueDate: IsoDate | null;
  issueDate: IsoDate | null;
}

/** What is still receivable, per currency (open invoices with something outstanding). */
export function outstandingByCurrency(states: readonly LedgerRow[]): OutstandingTotals {
  const open = states.filter((state) => state.open);
  const known = open.filter((state): state is LedgerRow & { outstanding: number; currency: string } => state.outstanding !== null && state.currency !== null);
  return {
    byCurrency: totals(known.filter((state) => state.outstanding > 0).map((state) => ({ currency: state.currency, amount: state.outstanding }))),
    unknownCount: open.length - known.length,
  };
}

// ---- aging --------------------------------------------------------------------------------------

/**
 * Aging buckets, by days past the due date on `today`: `not_due` ≤ 0 (due today included),
 * `1_30`, `31_60`, `61_90`, `over_90` ≥ 91. Open invoices without a due date go to `undated`.
 */
export const AGING_BUCKETS = ['not_due', '1_30', '31_60', '61_90', 'over_90'] as const;

export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface AgingRow {
  currency: string;
  buckets: Record<AgingBucket | 'undated', { amount: number; count: number }>;
  /** Every bucket together (the currency's outstanding total). */
  total: number;
}

export interface AgingReport {
  /** By currency code, alphabetical. */
  rows: AgingRow[];
  /** Open invoices left out because their amount or currency is unknown. */
  unknownCount: number;
}

export function agingBucketOf(daysPastDue: number | null): AgingBucket | 'undated' {
  if (daysPastDue === null) return 'undated';
  if (daysPastDue <= 0) return 'not_due';
  if (daysPastDue <= 30) return '1_30';
  if (daysPastDue <= 60) return '31_60';
  if (daysPastDue <= 90) return '61_90';
  return 'over_90';
}

/** The outstanding amounts of open invoices by age, per currency. */
export function agingBuckets(states: readonly InvoiceState[], today: IsoDate): AgingReport {
  requireToday(states, today);
  return agingOfRows(states, today);
}

/** `agingBuckets` over rows read on `today` (the store's summaries). */
export function agingOfRows(states: readonly LedgerRow[], today: IsoDate): AgingReport {
  if (!isValidIsoDate(today)) throw new RangeError(`today is not a calendar date (YYYY-MM-DD): "${today}"`);
  const open = states.filter((state) => state.open);
  const rows = new Map<string, { buckets: Record<AgingBucket | 'undated', { cents: number; count: number }>; cents: number }>();
  let unknownCount = 0;
  for (const state of open) {
    if (state.outstanding === null || state.currency === null) {
      unknownCount += 1;
      continue;
    }
    if (state.outstanding <= 0) continue;
    const row = rows.get(state.currency) ?? { buckets: Object.fromEntries([...AGING_BUCKETS, 'undated'].map((bucket) => [bucket, { cents: 0, count: 0 }])) as Record<AgingBucket | 'undated', { cents: number; count: number }>, cents: 0 };
    const bucket = row.buckets[agingBucketOf(state.dueDate === null ? null : daysBetween(state.dueDate, today))];
    bucket.cents += cents(state.outstanding);
    bucket.count += 1;
    row.cents += cents(state.outstanding);
    rows.set(state.currency, row);
  }
  return {
    rows: [...rows]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, row]) => ({
        currency,
        buckets: Object.fromEntries(Object.entries(row.buckets).map(([bucket, sum]) => [bucket, { amount: sum.cents / 100, count: sum.count }])) as AgingRow['buckets'],
        total: row.cents / 100,
      })),
    unknownCount,
  };
}

// ---- DSO ----------------------------------------------------------------------------------------

export interface DsoRow {
  currency: string;
  /** Outstanding on `today` of every open invoice in this currency (whenever issued). */
  receivables: number;
  /** Amounts of the invoices issued in the window (paid, open or written off). */
  sales: number;
  /** receivables / sales × days, rounded to 0.1 day; null when there were no sales in the window. */
  dso: number | null;
}

export interface DsoReport {
  /** The window: `days` days ending today, both ends included. */
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** By currency code, alphabetical: every currency with receivables or sales. */
  rows: DsoRow[];
}

/**
 * Days sales outstanding, per currency (amounts in different currencies are never added):
 *
 *   DSO = receivables on `today` / credit sales of the last N days × N        (N = 90 by default)
 *
 * - receivables: the outstanding amounts (tax included, as invoiced, minus partial payments) of
 *   every open invoice, whatever its issue date; written-off and paid invoices owe nothing.
 * - credit sales: the amounts (tax included) of every invoice whose issue date falls in the N days
 *   ending today (today − N + 1 to today, both included), paid, open or written off alike.
 * - Invoices with an unknown amount or currency are left out of both; an invoice without issue date
 *   counts in receivables only. No sales in the window: DSO is undefined (null), not infinite.
 *
 * E.g. N = 90 on 2026-03-31 (window 1 January to 31 March): 3,000 EUR outstanding, 9,000 EUR
 * invoiced in the window → DSO = 3,000 / 9,000 × 90 = 30 days.
 */
export function daysSalesOutstanding(states: readonly InvoiceState[], today: IsoDate, options: { days?: number } = {}): DsoReport {
  requireToday(states, today);
  return dsoOfRows(states, states, today, options);
}

/** A sale for the DSO: what an invoice was issued for (the store reads these from an index's keys alone). */
export type SaleRow = Pick<LedgerRow, 'currency' | 'amount' | 'issueDate'>;

/**
 * `daysSalesOutstanding` from its two parts: the receivables of `rows` (open invoices; any others
 * owe nothing) and the `sales` (any superset of the window's invoices: filtered by issue date).
 */
export function dsoOfRows(open: readonly LedgerRow[], sales: readonly SaleRow[], today: IsoDate, options: { days?: number } = {}): DsoReport {
  if (!isValidIsoDate(today)) throw new RangeError(`today is not a calendar date (YYYY-MM-DD): "${today}"`);
  const days = options.days ?? 90;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`the DSO window must be a whole number of days ≥ 1, got ${days}`);
  const from = addDays(today, -(days - 1));
  const rows = new Map<string, { receivables: number; sales: number }>();
  const row = (currency: string) => {
    const found = rows.get(currency) ?? { receivables: 0, sales: 0 };
    rows.set(currency, found);
    return found;
  };
  for (const state of open) {
    if (state.currency === null || state.amount === null) continue;
    if (state.open && state.outstanding !== null && state.outstanding > 0) row(state.currency).receivables += cents(state.outstanding);
  }
  for (const sale of sales) {
    if (sale.currency === null || sale.amount === null) continue;
    if (sale.issueDate !== null && sale.issueDate >= from && sale.issueDate <= today) row(sale.currency).sales += cents(sale.amount);
  }
  return {
    from,
    to: today,
    days,
    rows: [...rows]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, sum]) => ({
        currency,
        receivables: sum.receivables / 100,
        sales: sum.sales / 100,
        dso: sum.sales === 0 ? null : Math.round((sum.receivables / sum.sales) * days * 10) / 10,
      })),
  };
}

// ---- client history -----------------------------------------------------------------------------

export interface ClientHistory {
  clientId: string;
  invoiceCount: number;
  openCount: number;
  paidCount: number;
  writtenOffCount: number;
  /**
   * Mean days late over the invoices paid in full that have a due date: max(0, paid on − due date)
   * for each (an early or on-time payment counts 0), null when there is none. Open invoices are not
   * in it (see `latePayment` for the rule's view, which counts them).
   */
  averageDaysLate: number | null;
  /** Invoices paid in full after their due date. */
  paidLateCount: number;
  /** The chasing module's rule (`isRepeatLatePayer`) on these invoices. */
  repeatLatePayer: boolean;
  /** The rule's window: the last invoices due, how many were late, their mean delay. */
  latePayment: LatePaymentRecord;
  /** What the client still owes, per currency. */
  outstanding: CurrencyTotal[];
  lastPaidOn: IsoDate | null;
}

/** One client's record, from the states of all its invoices (every state must be of that client). */
export function clientHistory(clientId: string, states: readonly InvoiceState[], today: IsoDate, options: { rule?: RepeatLatePayerRule } = {}): ClientHistory {
  requireToday(states, today);
  const stranger = states.find((state) => state.clientId !== clientId);
  if (stranger) throw new RangeError(`invoice ${stranger.invoiceId} is of client ${stranger.clientId}, not ${clientId}`);
  const rule = options.rule ?? DEFAULT_REPEAT_LATE_PAYER_RULE;
  const paid = states.filter((state) => state.status === 'paid');
  const delays = paid.flatMap((state) => (state.dueDate !== null && state.paidOn !== null ? [Math.max(0, daysBetween(state.dueDate, state.paidOn))] : []));
  const records = states.map((state) => ({ invoiceId: state.invoiceId, dueDate: state.dueDate, paidOn: state.paidOn }));
  const lastPaidOn = paid.reduce<IsoDate | null>((last, state) => (state.paidOn !== null && (last === null || state.paidOn > last) ? state.paidOn : last), null);
  return {
    clientId,
    invoiceCount: states.length,
    openCount: states.filter((state) => state.open).length,
    paidCount: paid.length,
    writtenOffCount: states.filter((state) => state.status === 'written_off').length,
    averageDaysLate: delays.length === 0 ? null : delays.reduce((sum, days) => sum + days, 0) / delays.length,
    paidLateCount: delays.filter((days) => days > 0).length,
    repeatLatePayer: isRepeatLatePayer(records, today, { rule }),
    latePayment: latePaymentRecord(records, today, { rule }),
    outstanding: outstandingByCurrency(states).byCurrency,
    lastPaidOn,
  };
}
