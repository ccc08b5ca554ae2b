/**
 * An invoice's state, derived from the invoice record and its logbook (issue 5): status, what was
 * paid and what is outstanding, the ladder's step and next action, disputes, promises, payment
 * plan, formal notice, interest and indemnity today, prescription. Nothing here is stored: the
 * store keeps invoices and events, plus a summary of each invoice for its indexes (summary.ts),
 * rewritten from the logbook in the transaction of every event and proven equal to this
 * derivation by the property tests; this function never reads it.
 *
 * Rules (each tested in derive.test.ts):
 * - Events dated after `today` are not known yet (as for the ladder); the others are read by day,
 *   then by recording instant (the ladder's order), whatever order they come in.
 * - Status, outstanding amount, days past due and actions are the ladder's (`nextActions`), with
 *   the user's settings and the client's override, profile and the invoice's delay cause. The
 *   status is `ChasingStatus`: paid and written_off are closed, every other status is open.
 * - Paid in full: a `payment` event, or partial payments reaching the amount (to the half cent).
 *   `paidOn` is the earliest of the payment's `paidOn` and the day the partial payments reached the
 *   amount. `received` is what came in: partial payments plus the payments' amounts (a payment
 *   without amount brings the total to the invoice amount).
 * - `outstanding` is what is still receivable: 0 once paid or written off (even with an unknown
 *   amount), amount minus partial payments otherwise, null when the amount is unknown. Never
 *   negative. It is the ladder's `outstanding` except there (the ladder keeps null for an unknown
 *   amount, and the unpaid part of a written-off invoice). `balance` is the debt in law: 0 once
 *   paid, the unpaid part otherwise (a written-off invoice keeps it).
 * - Interest and indemnity (`penalty`): computePenalty with the settings' jurisdiction (or the
 *   client's), the client's B2B flag, the settings' agreed rate, the due date on record, partial
 *   payments, the formal notice's date; as of the payment day for a paid invoice, else today.
 *   An unknown reference rate gives `rate_unknown` with the table and half-year to ask the user for:
 *   never a guess.
 * - Prescription: French law only (the law module's scope), for unpaid invoices with a due date.
 */
import { furthestStep } from '../chasing/logbook';
import { CHASING_STEPS, DEFAULT_CHASING_SETTINGS, nextActions, resolveSettings, type ChasingAction, type ChasingPlan, type ChasingSettings, type ChasingStatus, type ChasingStep, type ClientInvoiceRecord } from '../chasing';
import { daysBetween } from '../dates';
import { amountFromCents, computePenalty, prescriptionOf, type Jurisdiction, type LawError, type LawWarning, type PenaltyResult, type PrescriptionResult, type RateTableId } from '../law';
import type { HalfYear } from '../law/half-year';
import type { IsoDate } from '../model';
import type { EscalationRoute, LedgerEvent, LedgerEventKind, PlanInstalment } from './events';
import { cents, fromCents, partialCentsBetween, positiveAmount as positive, readMoney, type Money } from './money';
import type { Client, LedgerInvoice, LedgerSettings } from './model';

export interface DeriveContext {
  /** The invoice's client: profile flags, ladder override, B2B, jurisdiction. */
  client?: Client | null;
  /**
   * The client's invoices, for the repeat-late-payer trait (`clientInvoiceRecord` of each). Only
   * the tone and the advice depend on it, never the dates or the count of actions.
   */
  history?: readonly ClientInvoiceRecord[] | null;
}

export type PenaltyState =
  | {
      kind: 'computed';
      /** The last day bearing interest: the payment day for a paid invoice, else today. */
      asOf: IsoDate;
      currency: string;
      /** Interest still owed, in currency units. */
      interest: number;
      /** The fixed indemnity (in its own currency, EUR or GBP), null when none is owed. */
      fixedIndemnity: { amount: number; currency: string } | null;
      /** Principal outstanding + interest + indemnity when in the invoice's currency. */
      total: number;
      rateRule: string;
      warnings: LawWarning[];
      /** The calculator's whole result (segments, rate sources…). */
      result: PenaltyResult;
    }
  /** A reference rate is not known: ask the user for it (settings' rate overrides). */
  | { kind: 'rate_unknown'; table: RateTableId; period: HalfYear; message: string }
  /** Not enough facts to compute. */
  | { kind: 'not_computed'; reason: 'amount_unknown' | 'currency_unknown' | 'due_date_unknown' }
  /** The calculator refused (e.g. a consumer debt under the UK act, an amount with 3 decimals). */
  | { kind: 'error'; error: LawError };

export interface PromiseState {
  /** The day the promise was made (the promise or call event's day). */
  madeOn: IsoDate;
  promisedDate: IsoDate;
  amount: number | null;
  /**
   * pending: its date has not passed; kept: the promised amount came in since (or the invoice was
   * paid); broken: its date passed without it; replaced: a payment plan was agreed after it.
   */
  state: 'pending' | 'kept' | 'broken' | 'replaced';
}

export interface InstalmentState extends PlanInstalment {
  /** Payments since the plan cover this instalment and every one before it. */
  paid: boolean;
}

export interface PaymentPlanState {
  agreedOn: IsoDate;
  /** Deposit first (when any), then the instalments, by date. */
  instalments: InstalmentState[];
  /** The first instalment not paid, null when all are. */
  nextInstalment: InstalmentState | null;
  /** Unpaid instalments whose date is before today. */
  missed: InstalmentState[];
}

export interface InvoiceState {
  invoiceId: string;
  clientId: string;
  invoiceNumber: string;
  today: IsoDate;
  amount: number | null;
  currency: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  status: ChasingStatus;
  /** Not paid and not written off. */
  open: boolean;
  /** Still receivable: 0 once paid or written off, null when the amount is unknown. Never negative. */
  outstanding: number | null;
  /** The debt in law: 0 once paid, the unpaid part otherwise (written off included). */
  balance: number | null;
  /** Everything received (partial payments and payments). */
  received: number;
  /** Received beyond the amount. */
  overpaid: number;
  /** The day it was paid in full, null while not. */
  paidOn: IsoDate | null;
  writtenOff: { on: IsoDate; reason: string } | null;
  /** Days since the due date (negative before), null without a due date. */
  daysPastDue: number | null;
  /** Paid: days between the due date and the payment (0 when on time); open: days past due so far (≥ 0). */
  daysLate: number | null;
  /** The latest contact with the client (message, letter, call, visit, formal notice). */
  lastContact: { day: IsoDate; kind: LedgerEventKind } | null;
  /** The furthest ladder step carried out (in `CHASING_STEPS` order), null before any. */
  currentStep: ChasingStep | null;
  /** The first action of today, else the next one. */
  nextAction: ChasingAction | null;
  /** The ladder's whole plan (today's actions, next, advice, tone…). */
  ladder: ChasingPlan;
  /** The ladder's status is `disputed` (an open dispute, or the dispute cause). */
  disputed: boolean;
  /** The open dispute, from the logbook. */
  dispute: { since: IsoDate; reason: string } | null;
  /** The latest promise to pay. */
  promise: PromiseState | null;
  /** The promised date while a promise is pending. */
  promisedDate: IsoDate | null;
  paymentPlan: PaymentPlanState | null;
  formalNotice: { sentOn: IsoDate; deadline: IsoDate; trackingNumber: string | null; acknowledgedOn: IsoDate | null } | null;
  escalation: { route: EscalationRoute; filedOn: IsoDate } | null;
  /** The call agreed in the latest call (for a later day) while no call or visit followed it (open invoices). */
  agreedCall: { date: IsoDate; agreedOn: IsoDate } | null;
  penalty: PenaltyState;
  /** French prescription, for unpaid invoices with a due date; null otherwise. */
  prescription: PrescriptionResult | null;
  /** Events read (dated today or before) and ignored (dated after today). */
  eventCount: number;
  futureEventCount: number;
}

/** The ladder settings for an invoice: the defaults, the user's changes, the client's override. */
export function ledgerChasingSettings(settings: Pick<LedgerSettings, 'chasing'>, client?: Pick<Client, 'chasing'> | null): ChasingSettings {
  const user = resolveSettings(DEFAULT_CHASING_SETTINGS, settings.chasing);
  return client?.chasing ? resolveSettings(user, client.chasing) : user;
}

export function isOpenStatus(status: ChasingStatus): boolean {
  return status !== 'paid' && status !== 'written_off';
}

/** Events by day, then by recording instant, then as given (the ladder's order). */
function byDay(events: readonly LedgerEvent[]): LedgerEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.day !== b.event.day ? (a.event.day < b.event.day ? -1 : 1) : a.event.at !== b.event.at ? (a.event.at < b.event.at ? -1 : 1) : a.index - b.index))
    .map(({ event }) => event);
}

const readInvoiceMoney = (invoice: Pick<LedgerInvoice, 'amount'>, events: readonly LedgerEvent[]): Money => readMoney(invoice.amount, events);

/**
 * The invoice as the repeat-late-payer rule reads it (due date, day paid in full). Cheap: no
 * settings, no ladder; for `DeriveContext.history`.
 */
export function clientInvoiceRecord(invoice: Pick<LedgerInvoice, 'id' | 'amount' | 'dueDate'>, events: readonly LedgerEvent[], today: IsoDate): ClientInvoiceRecord {
  const money = readInvoiceMoney(invoice, byDay(events.filter((event) => event.day <= today)));
  return { invoiceId: invoice.id, dueDate: invoice.dueDate, paidOn: money.paidOn };
}

const CONTACT_KINDS = new Set<LedgerEventKind>(['reminder_drafted', 'reminder_sent', 'letter', 'call', 'visit', 'formal_notice']);

function readPromise(events: readonly LedgerEvent[], money: Money, today: IsoDate): PromiseState | null {
  let latest: { index: number; madeOn: IsoDate; promisedDate: IsoDate; amount: number | null } | null = null;
  let latestPlan = -1;
  for (const [index, event] of events.entries()) {
    // As for the ladder: a promised date already past when recorded promises nothing.
    if (event.kind === 'promise' && event.promisedDate >= event.day) latest = { index, madeOn: event.day, promisedDate: event.promisedDate, amount: positive(event.amount) ? event.amount : null };
    if (event.kind === 'call' && event.promisedDate && event.promisedDate >= event.day) {
      latest = { index, madeOn: event.day, promisedDate: event.promisedDate, amount: positive(event.promisedAmount) ? event.promisedAmount : null };
    }
    if (event.kind === 'payment_plan') latestPlan = index;
  }
  if (!latest) return null;
  const { index, ...promise } = latest;
  const since = partialCentsBetween(events, promise.madeOn);
  const kept = money.fullyPaid || (promise.amount !== null && since >= cents(promise.amount));
  const state: PromiseState['state'] = latestPlan > index ? 'replaced' : kept ? 'kept' : today <= promise.promisedDate ? 'pending' : 'broken';
  return { ...promise, state };
}

function readPlan(events: readonly LedgerEvent[], money: Money, today: IsoDate): PaymentPlanState | null {
  const plan = [...events].reverse().find((event): event is Extract<LedgerEvent, { kind: 'payment_plan' }> => event.kind === 'payment_plan');
  if (!plan) return null;
  const all = [...(plan.deposit ? [plan.deposit] : []), ...plan.instalments].filter((instalment) => positive(instalment.amount)).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const paidSince = partialCentsBetween(events, plan.day);
  let cumulative = 0;
  const instalments = all.map((instalment): InstalmentState => {
    cumulative += cents(instalment.amount);
    return { dueDate: instalment.dueDate, amount: instalment.amount, paid: money.fullyPaid || paidSince >= cumulative };
  });
  return {
    agreedOn: plan.day,
    instalments,
    nextInstalment: instalments.find((instalment) => !instalment.paid) ?? null,
    missed: instalments.filter((instalment) => !instalment.paid && instalment.dueDate < today),
  };
}

function penaltyState(invoice: LedgerInvoice, events: readonly LedgerEvent[], money: Money, settings: LedgerSettings, jurisdiction: Jurisdiction, b2b: boolean, formalNoticeDate: IsoDate | null, today: IsoDate): PenaltyState {
  if (money.amount === null) return { kind: 'not_computed', reason: 'amount_unknown' };
  if (invoice.currency === null) return { kind: 'not_computed', reason: 'currency_unknown' };
  if (invoice.dueDate === null) return { kind: 'not_computed', reason: 'due_date_unknown' };
  const asOf = money.fullyPaid && money.paidOn !== null && money.paidOn < today ? money.paidOn : today;
  const { agreedRatePercent, rateBasis, rateOverrides } = settings.penalty;
  const outcome = computePenalty({
    jurisdiction,
    b2b,
    amount: money.amount,
    currency: invoice.currency,
    invoiceDate: invoice.issueDate,
    terms: { kind: 'due_date', dueDate: invoice.dueDate },
    asOf,
    partialPayments: events.flatMap((event) => (event.kind === 'partial_payment' && positive(event.amount) ? [{ date: event.paidOn, amount: event.amount }] : [])),
    agreedRatePercent: agreedRatePercent ?? null,
    rateBasis: jurisdiction === 'FR' && agreedRatePercent === null ? rateBasis : null,
    formalNoticeDate,
    rateOverrides,
    events,
  });
  if (!outcome.ok) {
    const { error } = outcome;
    if (error.code === 'rate_unknown' && error.table && error.period) return { kind: 'rate_unknown', table: error.table, period: error.period, message: error.message };
    return { kind: 'error', error };
  }
  const result = outcome.value;
  return {
    kind: 'computed',
    asOf,
    currency: result.currency,
    interest: amountFromCents(result.interestCents),
    fixedIndemnity: result.fixedFee ? { amount: amountFromCents(result.fixedFee.cents), currency: result.fixedFee.currency } : null,
    total: amountFromCents(result.totalCents),
    rateRule: result.rateRule,
    warnings: result.warnings,
    result,
  };
}

/**
 * What says whether an invoice needs the user on `today` (queries.ts `needsUserToday`): the part
 * of `deriveInvoiceState` the badge and the store's attention index read, computed by the same
 * helpers (the ladder, the promise, the plan), without the penalty, prescription and the rest.
 * `deriveInvoiceState(...)` has these same fields, equal.
 */
export type AttentionFacts = Pick<InvoiceState, 'invoiceId' | 'open' | 'status' | 'dueDate' | 'ladder' | 'promise' | 'paymentPlan' | 'today'>;

export function attentionFacts(invoice: LedgerInvoice, events: readonly LedgerEvent[], settings: LedgerSettings, today: IsoDate, context: DeriveContext = {}): AttentionFacts {
  const client = context.client ?? null;
  const ladder = nextActions(invoice, events, ledgerChasingSettings(settings, client), today, { profile: client ? { flags: client.flags } : null, cause: invoice.cause ?? null, history: context.history ?? null });
  const known = byDay(events.filter((event) => event.day <= today));
  const money = readInvoiceMoney(invoice, known);
  return {
    invoiceId: invoice.id,
    today,
    open: isOpenStatus(ladder.status),
    status: ladder.status,
    dueDate: invoice.dueDate,
    ladder,
    promise: readPromise(known, money, today),
    paymentPlan: readPlan(known, money, today),
  };
}

/**
 * The state of one invoice on `today`. `events` is its logbook (any order; every event must be of
 * this invoice). Throws a RangeError for an event of another invoice or a `today` that is not a
 * date, and a ChasingSettingsError when the settings (with the client's override) are invalid.
 */
export function deriveInvoiceState(invoice: LedgerInvoice, events: readonly LedgerEvent[], settings: LedgerSettings, today: IsoDate, context: DeriveContext = {}): InvoiceState {
  const stranger = events.find((event) => event.invoiceId !== invoice.id);
  if (stranger) throw new RangeError(`event of invoice ${stranger.invoiceId} given with invoice ${invoice.id}`);
  const client = context.client ?? null;
  const chasing = ledgerChasingSettings(settings, client);
  const ladder = nextActions(invoice, events, chasing, today, { profile: client ? { flags: client.flags } : null, cause: invoice.cause ?? null, history: context.history ?? null });

  const known = byDay(events.filter((event) => event.day <= today));
  const money = readInvoiceMoney(invoice, known);
  const status = ladder.status;
  const open = isOpenStatus(status);
  const { amountCents, balanceCents } = money;

  let lastContact = null as InvoiceState['lastContact'];
  let dispute = null as InvoiceState['dispute'];
  let formalNotice = null as InvoiceState['formalNotice'];
  let escalation = null as InvoiceState['escalation'];
  let latestCall = null as { date: IsoDate; agreedOn: IsoDate; index: number } | null;
  let latestTalk = -1;
  let noticeLetter = null as { trackingNumber: string | null; acknowledgedOn: IsoDate | null } | null;
  for (const [index, event] of known.entries()) {
    if (CONTACT_KINDS.has(event.kind) && (lastContact === null || event.day >= lastContact.day)) lastContact = { day: event.day, kind: event.kind };
    switch (event.kind) {
      case 'dispute_opened':
        if (dispute === null) dispute = { since: event.day, reason: event.reason };
        break;
      case 'dispute_resolved':
        dispute = null;
        break;
      case 'formal_notice':
        formalNotice = { sentOn: event.sentOn, deadline: event.deadline, trackingNumber: null, acknowledgedOn: null };
        break;
      case 'letter':
        if (event.step === 'formal_notice') noticeLetter = { trackingNumber: event.trackingNumber ?? null, acknowledgedOn: event.acknowledgedOn ?? null };
        break;
      case 'escalation':
        escalation = { route: event.route, filedOn: event.filedOn };
        break;
      case 'call':
        latestCall = { date: event.nextCallDate, agreedOn: event.day, index };
        latestTalk = index;
        break;
      case 'visit':
        latestTalk = index;
        break;
      default:
        break;
    }
  }
  const notice = formalNotice;
  const letter = noticeLetter;
  const call = latestCall;

  const promise = readPromise(known, money, today);
  const jurisdiction = client?.jurisdiction ?? settings.penalty.jurisdiction;
  const b2b = client?.b2b ?? true;
  let prescription: PrescriptionResult | null = null;
  if (jurisdiction === 'FR' && invoice.dueDate !== null && !money.fullyPaid) {
    prescription = prescriptionOf({ b2b, dueDate: invoice.dueDate, today, events: known });
  }
  const daysPastDue = ladder.daysPastDue;
  return {
    invoiceId: invoice.id,
    clientId: invoice.clientId,
    invoiceNumber: invoice.invoiceNumber,
    today,
    amount: money.amount,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    status,
    open,
    outstanding: !open ? 0 : balanceCents === null ? null : fromCents(balanceCents),
    balance: balanceCents === null ? null : fromCents(balanceCents),
    received: fromCents(money.receivedCents),
    overpaid: amountCents === null ? 0 : fromCents(Math.max(0, money.receivedCents - amountCents)),
    paidOn: money.paidOn,
    writtenOff: status === 'written_off' ? money.writeOff : null,
    daysPastDue,
    daysLate:
      invoice.dueDate === null
        ? null
        : money.fullyPaid
          ? money.paidOn === null
            ? null
            : Math.max(0, daysBetween(invoice.dueDate, money.paidOn))
          : open && daysPastDue !== null
            ? Math.max(0, daysPastDue)
            : null,
    lastContact,
    currentStep: furthestStep(known, CHASING_STEPS),
    nextAction: ladder.today[0] ?? ladder.next,
    ladder,
    disputed: status === 'disputed',
    dispute,
    promise,
    promisedDate: promise?.state === 'pending' && open ? promise.promisedDate : null,
    paymentPlan: readPlan(known, money, today),
    formalNotice: notice ? { ...notice, trackingNumber: letter?.trackingNumber ?? null, acknowledgedOn: letter?.acknowledgedOn ?? null } : null,
    escalation,
    agreedCall: open && call && latestTalk === call.index && call.date > call.agreedOn ? { date: call.date, agreedOn: call.agreedOn } : null,
    penalty: penaltyState(invoice, known, money, settings, jurisdiction, b2b, notice?.sentOn ?? null, today),
    prescription,
    eventCount: known.length,
    futureEventCount: events.length - known.length,
  };
}

/**
 * What the store writes beside an invoice so its indexes can find the open ones (see queries.ts):
 * `open: 1` and `openDueDate` while the invoice is neither paid nor written off, absent once it is
 * (IndexedDB leaves a record without the key out of the index). A cache of the logbook, never read
 * by `deriveInvoiceState`: the store recomputes it in the transaction that appends an event or
 * corrects the invoice. It reads every event whatever its day (a payment is final when recorded).
 */
export interface LedgerIndexKeys {
  open?: 1;
  openDueDate?: IsoDate;
}

export function ledgerIndexKeys(invoice: Pick<LedgerInvoice, 'amount' | 'dueDate'>, events: readonly LedgerEvent[]): LedgerIndexKeys {
  const money = readInvoiceMoney(invoice, events);
  if (money.fullyPaid || money.writeOff) return {};
  return invoice.dueDate === null ? { open: 1 } : { open: 1, openDueDate: invoice.dueDate };
}
