/**
 * The store's summary of an invoice (schema v3): what the badge, the dashboard and the client
 * history read instead of the logbook, written on the invoice record in the same transaction as
 * every event, by this ONE function of (invoice, logbook, settings, client). A cache of the
 * logbook with its rule beside it, never a second truth: `deriveInvoiceState` does not read it,
 * and the property tests (summary.test.ts) prove it equals a fresh derivation.
 *
 * What does not depend on the day (for any `today` on or after the latest event, when every event
 * is known): the status (open, paid, written off), the amount and currency, what is outstanding,
 * the day it was paid, the current step (the furthest step recorded, calls included).
 *
 * What does: whether the invoice needs the user (queries.ts `needsUserToday`: due today, or an
 * item in `actionsDueToday`). That set of days has holes (weekends, the days between two ladder
 * steps), so no single date answers it for every day. `attentionFrom` is the FIRST day on or after
 * `searchedFrom` that needs the user (absent: none, until an event changes it), which guarantees:
 *
 *   no day in [searchedFrom, attentionFrom) needs the user, and attentionFrom does.
 *
 * The store keeps one "attention day" D (the day the badge was last counted for) and searches from
 * max(latest event day, D). On a new day T > D, only the invoices whose key is ≤ T can be wrong
 * (the others need nobody before their key, which is > T): it re-searches exactly those from T and
 * sets D = T. Then for every invoice `attentionFrom ≤ T` ⇔ attentionFrom = T ⇔ it needs the user on
 * T, so the badge is an index count. The re-search costs what the answer does (the invoices that
 * needed the user yesterday or start today), never the history.
 */
import { CHASING_STEPS, ChasingSettingsError, type ChasingStep } from '../chasing';
import { furthestStep } from '../chasing/logbook';
import type { IsoDate } from '../model';
import { attentionFacts, type DeriveContext } from './derive';
import type { LedgerEvent } from './events';
import { readMoney } from './money';
import type { Client, LedgerInvoice, LedgerSettings } from './model';
import { needsUserToday, type LedgerRow } from './queries';

export type SummaryStatus = 'open' | 'paid' | 'written_off';

export interface InvoiceSummary {
  /** `open`: neither paid nor written off (disputed, promised, on a plan… included). */
  status: SummaryStatus;
  amountCents: number | null;
  currency: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** Still receivable: 0 once paid or written off, null for an open invoice of unknown amount. */
  outstandingCents: number | null;
  /** The day it was paid in full, null while not. */
  paidOn: IsoDate | null;
  /** The furthest ladder step recorded (a call or visit counts as `call`), null before any. */
  currentStep: ChasingStep | null;
  /** The latest event's day, null without events. */
  lastEventDay: IsoDate | null;
  /** The day the attention search started from. */
  searchedFrom: IsoDate;
  /** The first day on or after `searchedFrom` that needs the user; null: none (closed, or nothing ahead). */
  attentionFrom: IsoDate | null;
}

/** Where the search starts for an invoice without events (before any invoice's dates). */
const EARLIEST_DAY = '1900-01-01';

/** How far ahead the attention search looks, in steps (each step jumps to the next dated action). */
const MAX_JUMPS = 400;

export interface SummaryInput {
  invoice: LedgerInvoice;
  /** Every event of the invoice, any order. */
  logbook: readonly LedgerEvent[];
  settings: LedgerSettings;
  /** The invoice's client (profile flags and ladder override move dates); null: none. */
  client: Client | null;
  /** The store's attention day, when it has one: the search starts at the latest of it and the latest event day. */
  attentionDay?: IsoDate | null;
}

export function invoiceSummary({ invoice, logbook, settings, client, attentionDay = null }: SummaryInput): InvoiceSummary {
  let lastEventDay: IsoDate | null = null;
  for (const event of logbook) if (lastEventDay === null || event.day > lastEventDay) lastEventDay = event.day;
  const money = readMoney(invoice.amount, logbook);
  const status: SummaryStatus = money.fullyPaid ? 'paid' : money.writeOff ? 'written_off' : 'open';
  // Without events nor attention day (not written by this store, which logs `tracked` first):
  // every day may be asked about, so the search starts before any invoice.
  const starts = [lastEventDay, attentionDay].filter((day): day is IsoDate => day !== null);
  const searchedFrom = starts.length > 0 ? starts.reduce((a, b) => (b > a ? b : a)) : EARLIEST_DAY;
  return {
    status,
    amountCents: money.amountCents,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    outstandingCents: status === 'open' ? money.balanceCents : 0,
    paidOn: money.paidOn,
    currentStep: furthestStep(logbook, CHASING_STEPS),
    lastEventDay,
    searchedFrom,
    attentionFrom: status === 'open' ? attentionOrFallback(invoice, logbook, settings, client, searchedFrom) : null,
  };
}

/**
 * The attention search; when the client's ladder override does not combine with the user's
 * settings (each was checked alone), the user's settings, then the defaults: a write must never
 * fail because of it (the invoice page shows the settings problem).
 */
function attentionOrFallback(invoice: LedgerInvoice, logbook: readonly LedgerEvent[], settings: LedgerSettings, client: Client | null, from: IsoDate): IsoDate | null {
  try {
    return firstAttentionDay(invoice, logbook, settings, { client }, from);
  } catch (error) {
    if (!(error instanceof ChasingSettingsError)) throw error;
  }
  const own = client ? { ...client, chasing: null } : null;
  try {
    return firstAttentionDay(invoice, logbook, settings, { client: own }, from);
  } catch (error) {
    if (!(error instanceof ChasingSettingsError)) throw error;
    return firstAttentionDay(invoice, logbook, { ...settings, chasing: {} }, { client: own }, from);
  }
}

/**
 * The first day on or after `from` when the invoice needs the user (`needsUserToday`), with no
 * event after its logbook; null when none comes. Jumps from day to day along the dates the
 * derivation announces (the ladder's next action, the due date, the promised date, the instalments),
 * so it derives a few days, not every day; the property test checks every day in between.
 */
export function firstAttentionDay(invoice: LedgerInvoice, logbook: readonly LedgerEvent[], settings: LedgerSettings, context: DeriveContext, from: IsoDate): IsoDate | null {
  let day = from;
  for (let jump = 0; jump < MAX_JUMPS; jump += 1) {
    const facts = attentionFacts(invoice, logbook, settings, day, context);
    if (!facts.open) return null;
    if (needsUserToday(facts, day)) return day;
    const ahead = [facts.ladder.next?.date, invoice.dueDate, facts.promise?.promisedDate, ...(facts.paymentPlan?.instalments.filter((i) => !i.paid).map((i) => i.dueDate) ?? [])].filter(
      (date): date is IsoDate => typeof date === 'string' && date > day,
    );
    if (ahead.length === 0) return null;
    day = ahead.reduce((a, b) => (b < a ? b : a));
  }
  // Not reached in practice (each jump is a dated action). The day reached is a "look again"
  // mark: nothing needs the user before it, and the store re-searches it once that day comes.
  return day;
}

/** The summary as the money queries read it (queries.ts `LedgerRow`). */
export function summaryRow(summary: InvoiceSummary): LedgerRow {
  return {
    open: summary.status === 'open',
    currency: summary.currency,
    amount: summary.amountCents === null ? null : summary.amountCents / 100,
    outstanding: summary.outstandingCents === null ? null : summary.outstandingCents / 100,
    dueDate: summary.dueDate,
    issueDate: summary.issueDate,
  };
}

/**
 * The index keys a stored invoice carries, from its summary: `open` and `openDueDate` (schema v2's,
 * same rule as `ledgerIndexKeys`), `attentionFrom`. Absent keys leave the record out of the index.
 */
export interface SummaryIndexKeys {
  open?: 1;
  openDueDate?: IsoDate;
  attentionFrom?: IsoDate;
}

export function summaryIndexKeys(summary: InvoiceSummary): SummaryIndexKeys {
  if (summary.status !== 'open') return {};
  return {
    open: 1,
    ...(summary.dueDate === null ? {} : { openDueDate: summary.dueDate }),
    ...(summary.attentionFrom === null ? {} : { attentionFrom: summary.attentionFrom }),
  };
}
