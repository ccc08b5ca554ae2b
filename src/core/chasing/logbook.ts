/**
 * Reading an invoice's logbook for the ladder: events in order, payments, contacts, the steps
 * already carried out, and the arrangements (disputes, promises, payment plans) that pause it.
 * Internal to src/core/chasing.
 */
import type { EventOf, LedgerEvent, PlanInstalment } from '../ledger/events';
import { partialCentsBetween, positiveAmount, readMoney, type Money } from '../ledger/money';
import type { IsoDate } from '../model';
import { daysBetween } from '../dates';
import type { ChasingStep } from './steps';
import type { Pause } from './timeline';

/** An event with its position in the sorted logbook (later position = recorded later). */
export interface Positioned<E extends LedgerEvent = LedgerEvent> {
  event: E;
  pos: number;
}

/** One carried-out instance of a written step: its records (draft, sent copy, letter) grouped. */
export interface StepInstance {
  step: ChasingStep;
  /** Position of the first record. */
  pos: number;
  firstDay: IsoDate;
  /** The latest record's day: when the message actually went out (a draft may be sent later). */
  lastDay: IsoDate;
}

export interface PromiseRecord {
  pos: number;
  day: IsoDate;
  promisedDate: IsoDate;
  amount: number | null;
}

export interface PlanRecord {
  pos: number;
  day: IsoDate;
  /** Deposit first (when any), then the instalments, by date. */
  instalments: PlanInstalment[];
  lastDate: IsoDate;
}

export interface ReadLogbook {
  events: Positioned[];
  /**
   * What came in and what is owed, in cents (src/core/ledger/money.ts `readMoney`, the reading the
   * derived state and the store's summary use too): paid in full, partial payments, balance.
   */
  money: Money;
  /** Sum of partial payments, in currency units (`money.partialCents` / 100). */
  partialTotal: number;
  writtenOff: boolean;
  lastContactDay: IsoDate | null;
  openDisputeSince: IsoDate | null;
  /** True when the logbook has any dispute event (then the logbook, not the cause, decides). */
  everDisputed: boolean;
  disputePauses: Pause[];
  promises: PromiseRecord[];
  plans: PlanRecord[];
  /** Carried-out written steps, grouped into instances (see `groupInstances`). */
  instances: StepInstance[];
  /** Calls and visits: talking to the client. */
  talks: Positioned<EventOf<'call'> | EventOf<'visit'>>[];
  formalNotice: { day: IsoDate; deadline: IsoDate | null } | null;
  escalated: boolean;
}

/** Events counting as a contact with the client for the minimum gap. */
export function isContact(event: LedgerEvent): boolean {
  switch (event.kind) {
    case 'reminder_drafted':
    case 'reminder_sent':
    case 'letter':
      // The written follow-up of a call completes that call: it is not a new contact.
      return event.step !== 'call_follow_up';
    case 'call':
    case 'visit':
    case 'formal_notice':
      return true;
    default:
      return false;
  }
}

/** A message or letter to the client (what confirms a call or a plan in writing). */
export function isWritten(event: LedgerEvent): boolean {
  return event.kind === 'reminder_drafted' || event.kind === 'reminder_sent' || event.kind === 'letter' || event.kind === 'formal_notice';
}

/** The client answered (so a reminder is no longer "unanswered"). */
export function isAnswer(event: LedgerEvent): boolean {
  return (
    event.kind === 'promise' ||
    event.kind === 'partial_payment' ||
    event.kind === 'payment' ||
    event.kind === 'dispute_opened' ||
    event.kind === 'payment_plan' ||
    event.kind === 'debt_acknowledged' ||
    (event.kind === 'call' && event.outcome === 'answered')
  );
}

/**
 * The ladder step an event records, calls and visits included (`call`): the one reading of "which
 * step is this", used for the invoice's current step (derive.ts, summary.ts) and, without calls
 * (`writtenStepOf`), for the ladder's step instances.
 */
export function recordedStep(event: LedgerEvent): ChasingStep | null {
  switch (event.kind) {
    case 'reminder_drafted':
    case 'reminder_sent':
      return event.step;
    case 'letter':
      return event.step ?? null;
    case 'call':
    case 'visit':
      return 'call';
    case 'formal_notice':
      return 'formal_notice';
    case 'escalation':
      return 'escalation';
    default:
      return null;
  }
}

/** The step of a written record (message, letter, formal notice, escalation): calls and visits are talks, not instances. */
function writtenStepOf(event: LedgerEvent): ChasingStep | null {
  return event.kind === 'call' || event.kind === 'visit' ? null : recordedStep(event);
}

/**
 * The furthest ladder step the events record (calls count as the `call` step), null when none:
 * the invoice's current step.
 */
export function furthestStep(events: readonly LedgerEvent[], order: readonly ChasingStep[]): ChasingStep | null {
  let furthest = -1;
  for (const event of events) {
    const step = recordedStep(event);
    if (step !== null) furthest = Math.max(furthest, order.indexOf(step));
  }
  return furthest >= 0 ? (order[furthest] ?? null) : null;
}

/** Events by day, then by recording instant; events after `today` are not known yet. */
export function sortEvents(events: readonly LedgerEvent[], today: IsoDate): Positioned[] {
  return events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.day <= today)
    .sort((a, b) => (a.event.day !== b.event.day ? (a.event.day < b.event.day ? -1 : 1) : a.event.at !== b.event.at ? (a.event.at < b.event.at ? -1 : 1) : a.index - b.index))
    .map(({ event }, pos) => ({ event, pos }));
}

/**
 * Records of the same step less than `sameContactDays` apart (at least 1: the same day) are one
 * instance: a draft and the sent copy seen later, or an email and the letter of the same reminder.
 * Two further reminders are always at least the minimum gap apart, so they never merge.
 */
export function readLogbook(events: readonly LedgerEvent[], today: IsoDate, sameContactDays: number, amount: number | null = null): ReadLogbook {
  const sorted = sortEvents(events, today);
  const money = readMoney(amount, sorted.map(({ event }) => event));
  const book: ReadLogbook = {
    events: sorted,
    money,
    partialTotal: money.partialCents / 100,
    writtenOff: false,
    lastContactDay: null,
    openDisputeSince: null,
    everDisputed: false,
    disputePauses: [],
    promises: [],
    plans: [],
    instances: [],
    talks: [],
    formalNotice: null,
    escalated: false,
  };
  const window = Math.max(1, sameContactDays);
  for (const { event, pos } of sorted) {
    if (isContact(event) && (book.lastContactDay === null || event.day > book.lastContactDay)) book.lastContactDay = event.day;
    const step = writtenStepOf(event);
    if (step !== null) {
      const last = [...book.instances].reverse().find((instance) => instance.step === step);
      if (last && daysBetween(last.firstDay, event.day) < window) {
        if (event.day > last.lastDay) last.lastDay = event.day;
      } else {
        book.instances.push({ step, pos, firstDay: event.day, lastDay: event.day });
      }
    }
    switch (event.kind) {
      case 'write_off':
        book.writtenOff = true;
        break;
      case 'dispute_opened':
        book.everDisputed = true;
        if (book.openDisputeSince === null) book.openDisputeSince = event.day;
        break;
      case 'dispute_resolved':
        book.everDisputed = true;
        if (book.openDisputeSince !== null) book.disputePauses.push({ start: book.openDisputeSince, end: event.day });
        book.openDisputeSince = null;
        break;
      case 'promise':
        addPromise(book, pos, event.day, event.promisedDate, event.amount ?? null);
        break;
      case 'call':
        book.talks.push({ event, pos });
        if (event.promisedDate) addPromise(book, pos, event.day, event.promisedDate, event.promisedAmount ?? null);
        break;
      case 'visit':
        book.talks.push({ event, pos });
        break;
      case 'payment_plan': {
        const instalments = [...(event.deposit ? [event.deposit] : []), ...event.instalments]
          .filter((instalment) => positiveAmount(instalment.amount))
          .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
        const last = instalments[instalments.length - 1];
        if (last) book.plans.push({ pos, day: event.day, instalments, lastDate: last.dueDate > event.day ? last.dueDate : event.day });
        break;
      }
      case 'formal_notice':
        // The sending itself wins over a draft of the formal notice recorded before it.
        if (book.formalNotice === null || book.formalNotice.deadline === null) book.formalNotice = { day: event.sentOn, deadline: event.deadline };
        break;
      case 'escalation':
        book.escalated = true;
        break;
      default:
        if (step === 'formal_notice' && book.formalNotice === null) book.formalNotice = { day: event.day, deadline: null };
        if (step === 'escalation') book.escalated = true;
    }
  }
  return book;
}

function addPromise(book: ReadLogbook, pos: number, day: IsoDate, promisedDate: IsoDate, amount: number | null): void {
  // A promised date already past when recorded promises nothing to wait for.
  if (promisedDate < day) return;
  book.promises.push({ pos, day, promisedDate, amount: positiveAmount(amount) ? amount : null });
}

/** Partial payments made on or after `from` (and before `until` when given), in cents. */
export function paidCentsSince(book: ReadLogbook, from: IsoDate, until: IsoDate | null = null): number {
  return partialCentsBetween(
    book.events.map(({ event }) => event),
    from,
    until,
  );
}
