/**
 * The chasing ladder: what to do about one invoice today and next, and why
 * (chasing-practice.md "The graduated ladder", "Tone rules", "Payment plans"). Pure: the logbook,
 * the settings and `today` come in; nothing is stored, sent or read from a clock.
 *
 * How the plan is made (each rule is tested in next-actions.test.ts):
 *
 * - Nothing to do for a paid invoice (a `payment` event, or partial payments reaching the amount),
 *   a written-off one, or one under dispute (from `dispute_opened` until `dispute_resolved`; the
 *   `dispute` cause counts as an open dispute when the logbook has no dispute event). Once a formal
 *   notice led to an `escalation`, the procedure runs outside the ladder: nothing more is proposed.
 *   Without a due date nothing is proposed either: the advice `due_date_missing` asks for one.
 * - The ladder's dated steps count their delays from the due date on the ladder's clock: paused
 *   days (a dispute, a promise, a payment plan) do not count, so chasing resumes where it left off
 *   and nothing already done is proposed again.
 * - A step is done when the logbook records it: `reminder_drafted` / `reminder_sent` / `letter` with
 *   that `step`, a `formal_notice` event, and for the call step a `call` or `visit` (see `Rung`).
 *   Steps before the latest step done are superseded, never proposed.
 * - Catch-up: when several steps fell due (the browser was closed), only the furthest one is
 *   proposed, once, with the others listed in `skipped`. A step due and not done stays in `today`
 *   (with `overdueSince`) until it is done or a later step supersedes it.
 * - Every contact (email, call, letter) lands on a business day of the settings' country: weekends
 *   and public holidays are avoided for emails too (late-payment-law.md 8: no contact at weekends; a
 *   reminder read on Monday morning works better). Dates move to the next business day, except the
 *   pre-reminder which moves back to the previous one, so it still comes before the due date. On a
 *   weekend or holiday `today` is empty and `next` says when.
 * - Minimum gap: a contact comes at least `minimumGap` days after the previous contact in the
 *   logbook (and after any contact proposed before it). Exempt: the written follow-up of a call and
 *   the written confirmation of a plan (they complete the contact they follow), a call on the date
 *   agreed with the client (a commitment: "say what you do, do what you say"), and the escalation
 *   (a procedure, not a contact).
 * - Promise to pay: no chasing from the promise until the promised date. The day after it, if the
 *   promise is not kept (payments since the promise below the promised amount; a promise without
 *   amount is kept by full payment only), a phone call asks what happened and agrees a new date
 *   (`promise_follow_up`, reason `promise_broken`; practice: get a commitment). Email-only clients
 *   (small amount) get the ladder's next step the day after instead, with that reason. The ladder
 *   resumes after it. Once a promise has been broken, later promises no longer pause the ladder
 *   (a client stringing promises along would otherwise never be chased); each is still checked the
 *   day after its date, and the advice `broken_promise_on_record` says why.
 * - Payment plan: the ladder is frozen from the plan until its last instalment; instead: a written
 *   confirmation of the plan (practice: "always confirm the arrangement in writing"), a courteous
 *   reminder `instalmentReminder` days before each instalment (none for an instalment due within
 *   that many days of the plan: it was just agreed), and the day after a missed instalment a call
 *   (email for small amounts). All instalments paid = the amount is paid = `paid`. A plan covering
 *   less than the outstanding amount hands back to the ladder after its last instalment.
 * - Calls: a call's `nextCallDate` becomes an `agreed_call` on that date. "Call first" plans
 *   (long-standing client, key account, or the `callFirst` setting) call at due + `delays.call`
 *   before the first written reminder; other plans call `callAfterUnansweredReminder` days after an
 *   unanswered first reminder. A pending agreed call replaces the ladder's call. Small amounts get
 *   no ladder call (agreed calls are still honoured: the user gave their word).
 * - Further reminders follow the second reminder every `furtherReminderInterval` days, at most
 *   `furtherReminderCount`, and only while they leave `minimumGap` days before the formal notice
 *   (which they never delay). The formal notice is a registered letter at due +
 *   `delays.formalNotice`, never the first written reminder (an invoice tracked long after its due
 *   date gets the latest reminder due first); the escalation is proposed the day after its
 *   deadline (from the `formal_notice` event, else sending day + `formalNoticeDeadline`), with the
 *   routes that fit.
 * - Profiles and causes (chasing-practice.md "Tone rules"): long-standing client and key account
 *   call first and get a softer tone; small amount: email only; known difficulty or cash trouble:
 *   advice to offer a plan (`suggestedPlan`); repeat late payer: advice, no softening; bad faith:
 *   no further reminders, firm from the first reminder, court before mediator; oversight: resend
 *   the invoice; dispute: treated as disputed. See `adjustTone` and `profileAdvice`.
 */
import type { EscalationRoute, PlanInstalment, LedgerEvent } from '../ledger/events';
import type { IsoDate, TrackedInvoice } from '../model';
import { addDays, daysBetween, isValidIsoDate } from '../dates';
import { clientTraits, type ClientInvoiceRecord, type ClientProfile, type ClientTraits, type DelayCause } from './client-profile';
import { isBusinessDay, previousBusinessDay } from './holidays';
import { cents } from '../ledger/money';
import { isAnswer, isContact, isWritten, paidCentsSince, readLogbook, type PlanRecord, type PromiseRecord, type ReadLogbook } from './logbook';
import { ChasingSettingsError, validateSettings, type ChasingSettings } from './settings';
import type { ChasingStep } from './steps';
import { advance, maxDate, mergePauses, pauseAt, pausedDaysBetween, settle, type BusinessCalendar, type Pause } from './timeline';

/** What the ladder needs of an invoice (a `TrackedInvoice` fits). */
export type ChasingInvoice = Pick<TrackedInvoice, 'id' | 'dueDate' | 'amount' | 'currency' | 'issueDate'>;

/** `procedure`: a filing or referral (mediator, court, agency), not a message to the client. */
export type Channel = 'email' | 'phone' | 'letter' | 'procedure';

/**
 * The register the ladder asks for (issue 4: friendly, firm, formal). templates/tone.ts has a finer
 * `ToneRegister` for its wording checks (e.g. `courteous` for calls and call follow-ups, `file` for
 * the escalation summary); this one says how the action should feel after the client profile.
 */
export type ChasingTone = 'friendly' | 'firm' | 'formal';

/** A ladder step, or an action outside the ladder. */
export type ActionType =
  | ChasingStep
  /** A call on the date agreed with the client in the last call. */
  | 'agreed_call'
  /** The day after a broken promise to pay. */
  | 'promise_follow_up'
  /** Confirm a payment plan in writing. */
  | 'plan_confirmation'
  /** Courteous reminder before an instalment. */
  | 'instalment_reminder'
  /** The day after a missed instalment. */
  | 'instalment_follow_up';

/** Why an action is proposed: a code and its parameters, translated by the UI (never prose). */
export type ActionReason =
  /** Pre-reminder: the due date is near. */
  | { code: 'due_date_approaching'; dueDate: IsoDate; daysBeforeDue: number }
  /** First/second reminder, formal notice: the step's delay after the due date is reached. */
  | { code: 'days_past_due'; step: ChasingStep; dueDate: IsoDate; daysPastDue: number; pausedDays: number }
  /** The call of "call first" plans, and why the plan calls first. */
  | { code: 'call_first'; profile: 'long_standing' | 'key_account' | 'setting'; dueDate: IsoDate; daysPastDue: number }
  /** The call after a reminder the client has not answered. */
  | { code: 'reminder_unanswered'; reminderStep: ChasingStep; reminderDate: IsoDate; daysSinceReminder: number }
  /** A weekly further reminder; it should announce the formal notice date. */
  | { code: 'weekly_reminder'; number: number; previousStep: ChasingStep; previousDate: IsoDate; formalNoticeDate: IsoDate }
  /** After the formal notice deadline: the routes that fit, best first. */
  | { code: 'formal_notice_deadline_passed'; sentOn: IsoDate; deadline: IsoDate; routes: EscalationRoute[] }
  /** Written follow-up of a call (or visit) where the client was reached. */
  | { code: 'call_answered'; callDate: IsoDate }
  /** The next call date agreed during a call. */
  | { code: 'next_call_agreed'; callDate: IsoDate; agreedDate: IsoDate }
  /** `next` while a promise runs: check on the day after the promised date. */
  | { code: 'promise_due'; promisedDate: IsoDate; promisedAmount: number | null }
  | { code: 'promise_broken'; promisedDate: IsoDate; promisedAmount: number | null }
  | { code: 'plan_agreed'; planDate: IsoDate }
  | { code: 'instalment_upcoming'; instalmentDate: IsoDate; amount: number; number: number; of: number }
  | { code: 'instalment_missed'; instalmentDate: IsoDate; amount: number; number: number; of: number; missedAmount: number };

export type ActionReasonCode = ActionReason['code'];

export interface ChasingAction {
  /** Stable identifier of the action (e.g. `further_reminder:2`, `agreed_call:2026-03-10`). */
  key: string;
  type: ActionType;
  /**
   * The step to record in the logbook when the user carries it out (`reminder_drafted.step`,
   * `letter.step`), which is also the template family: the ladder step itself, `call` for calls,
   * `pre_reminder` for an instalment reminder, `first_reminder` for an emailed missed-instalment
   * follow-up, `call_follow_up` for a plan confirmation.
   */
  step: ChasingStep;
  /** The day it is proposed for: `today` for today's actions. */
  date: IsoDate;
  /** For an action of `today` that fell due earlier (browser closed, not done yet). */
  overdueSince: IsoDate | null;
  channel: Channel;
  tone: ChasingTone;
  reason: ActionReason;
  /** Catch-up: earlier steps that fell due and are superseded by this one (never proposed). */
  skipped: ChasingStep[];
}

export type ChasingStatus =
  | 'no_due_date'
  /** Before the pre-reminder window. */
  | 'not_due'
  /** From the pre-reminder date to the due date, included. */
  | 'due_soon'
  | 'overdue'
  /** A promise to pay runs (chasing paused until the promised date). */
  | 'promised'
  /** A payment plan runs (until its last instalment date). */
  | 'on_plan'
  | 'disputed'
  /** The formal notice went out; waiting for its deadline. */
  | 'formal_notice_sent'
  /** A procedure was started (mediator, court, agency): outside the ladder. */
  | 'escalated'
  | 'paid'
  | 'written_off';

/** Advice shown beside the actions (codes, translated by the UI): every code, for translation tables. */
export const ADVICE_CODES = [
  /** No due date: ask the user for it (nothing is proposed without one). */
  'due_date_missing',
  /** Disputed: settle the dispute before chasing. */
  'resolve_dispute_first',
  /** Disputed: invoice the undisputed part separately to get it paid. */
  'bill_undisputed_part',
  /** Escalated: follow the procedure started (mediator, court, agency). */
  'follow_procedure',
  /** Long-standing client or key account: phone before writing. */
  'call_before_writing',
  /** Key account: involve sales management. */
  'involve_sales_management',
  /** Known difficulty or cash trouble: offer a payment plan (see `suggestedPlan`). */
  'offer_payment_plan',
  /** Repeat late payer: keep the history of delays… */
  'document_history',
  /** …ask a deposit on future work… */
  'ask_deposit_on_future_work',
  /** …consider suspending service (deliver against payment). */
  'consider_suspending_service',
  /** Small amount: chased by email only. */
  'emails_only_small_amount',
  /** Cause oversight: resend a copy of the invoice and the bank details. */
  'resend_invoice_copy',
  /** Cause bad faith: keep written evidence of every exchange… */
  'keep_written_evidence',
  /** …and the further reminders are skipped: straight to the formal notice at its date. */
  'skip_further_reminders',
  /** Partial payments received: mention them and the balance. */
  'mention_partial_payments',
  /** A promise to pay was broken: later promises no longer pause chasing. */
  'broken_promise_on_record',
  /** First reminder after the due date: check the payment has not arrived first. */
  'check_payment_received',
  /** Catch-up skipped steps and no contact was ever logged: the user may have chased outside Relance. */
  'no_prior_contact_logged',
] as const;

export type AdviceCode = (typeof ADVICE_CODES)[number];

/** Every reason code, for translation tables. */
export const ACTION_REASON_CODES = [
  'due_date_approaching',
  'days_past_due',
  'call_first',
  'reminder_unanswered',
  'weekly_reminder',
  'formal_notice_deadline_passed',
  'call_answered',
  'next_call_agreed',
  'promise_due',
  'promise_broken',
  'plan_agreed',
  'instalment_upcoming',
  'instalment_missed',
] as const satisfies readonly ActionReasonCode[];

/** A payment plan to offer (practice: deposit now, 15 days, balance at 30 days). */
export interface SuggestedPlan {
  deposit: PlanInstalment;
  instalments: PlanInstalment[];
}

export interface ChasingPlan {
  status: ChasingStatus;
  /** Amount minus partial payments (0 when paid), null when the amount is unknown. */
  outstanding: number | null;
  /** Sum of partial payments. */
  paidSoFar: number;
  /** Days since the due date (negative before it), null without a due date. */
  daysPastDue: number | null;
  /** What to do today, most important first (may be several: e.g. a call and its written follow-up). */
  today: ChasingAction[];
  /** The next action after today's ones (assuming today's are done today). */
  next: ChasingAction | null;
  /** The register of the first action of today, else of `next`. */
  tone: ChasingTone;
  advice: AdviceCode[];
  traits: ClientTraits;
  suggestedPlan: SuggestedPlan | null;
  /** While `promised` or `on_plan`: the last day of the pause (promised date, last instalment). */
  pausedUntil: IsoDate | null;
}

export interface ChasingContext {
  profile?: ClientProfile | null;
  /** Why this invoice is late, when the user knows. */
  cause?: DelayCause | null;
  /** The client's invoices (this one is ignored), for the repeat-late-payer trait. */
  history?: readonly ClientInvoiceRecord[] | null;
}


/** Ties on the same day: follow-ups first, then commitments, then the ladder. */
const PRIORITY = { follow_up: 0, agreed_call: 1, promise: 2, instalment_follow_up: 3, instalment_reminder: 4, ladder: 5, escalation: 6 } as const;

/** The simplified small-claims procedure's ceiling, in euros (late-payment-law.md 5). */
const SMALL_CLAIMS_LIMIT_EUR = 5000;

export function nextActions(
  invoice: ChasingInvoice,
  logbook: readonly LedgerEvent[],
  settings: ChasingSettings,
  today: IsoDate,
  context: ChasingContext = {},
): ChasingPlan {
  const problems = validateSettings(settings);
  if (problems.length > 0) throw new ChasingSettingsError(problems);
  if (!isValidIsoDate(today)) throw new RangeError(`today is not a calendar date (YYYY-MM-DD): "${today}"`);

  const amount = invoice.amount !== null && Number.isFinite(invoice.amount) ? invoice.amount : null;
  const book = readLogbook(logbook, today, settings.minimumGap, amount);
  const traits = clientTraits({
    profile: context.profile,
    cause: context.cause,
    history: context.history,
    invoiceId: invoice.id,
    amount: invoice.amount,
    smallAmountThreshold: settings.smallAmountThreshold,
    today,
  });
  // The money module's reading, in cents (the derived state and the store's summary read the same).
  const paid = book.money.fullyPaid;
  const outstanding = book.money.balanceCents === null ? null : book.money.balanceCents / 100;
  const daysPastDue = invoice.dueDate === null ? null : daysBetween(invoice.dueDate, today);
  const result = (status: ChasingStatus, advice: AdviceCode[], extra: Partial<ChasingPlan> = {}): ChasingPlan => ({
    status,
    outstanding,
    paidSoFar: book.money.partialCents / 100,
    daysPastDue,
    today: [],
    next: null,
    tone: 'friendly',
    advice,
    traits,
    suggestedPlan: null,
    pausedUntil: null,
    ...extra,
  });

  if (paid) return result('paid', []);
  if (book.writtenOff) return result('written_off', []);
  if (invoice.dueDate === null) return result('no_due_date', ['due_date_missing', ...profileAdvice(traits, book, outstanding, false)]);
  if (book.openDisputeSince !== null || (traits.cause === 'dispute' && !book.everDisputed)) {
    return result('disputed', ['resolve_dispute_first', 'bill_undisputed_part']);
  }
  if (book.escalated) return result('escalated', ['follow_procedure']);

  const planner = new Planner(invoice.dueDate, invoice.currency, outstanding, settings, today, traits, book);
  return planner.plan(result);
}

// ---------------------------------------------------------------------------------------------

/** One rung of the ladder, in climbing order. */
interface Rung {
  kind: 'pre' | 'call_first' | 'first' | 'call_after' | 'second' | 'further' | 'notice' | 'escalation';
  step: ChasingStep;
  key: string;
  /** Further reminders: 1, 2, 3… */
  number: number;
  /** The record that carried it out: the day it went out and its logbook position. */
  done: { day: IsoDate; pos: number } | null;
}

interface Candidate {
  key: string;
  type: ActionType;
  step: ChasingStep;
  channel: Channel;
  /** Earliest day it may be proposed (may be past: overdue). */
  date: IsoDate;
  priority: number;
  /** Waits `minimumGap` days after the previous contact. */
  gapBound: boolean;
  /** Counts as a contact for the gap of the actions after it. */
  contact: boolean;
  /** Days it may not be proposed (besides weekends and holidays). */
  pauses: readonly Pause[];
  /** Last day it makes sense (e.g. the pre-reminder: the day before the due date). */
  expiresAfter: IsoDate | null;
  skipped: ChasingStep[];
  tone: ChasingTone;
  reason: (date: IsoDate) => ActionReason;
}

interface Scheduled extends Candidate {
  when: IsoDate;
}

class Planner {
  private readonly calendar: BusinessCalendar;
  private readonly gap: number;
  /** Days the ladder's clock stands still: disputes, promises, payment plans. */
  private readonly ladderPauses: Pause[];
  /** Days nothing is chased at all: disputes and promises (a plan has its own actions). */
  private readonly chasePauses: Pause[];
  private readonly callsAllowed: boolean;
  private readonly callFirst: 'long_standing' | 'key_account' | 'setting' | null;
  private readonly promise: PromiseRecord | null;
  /** Positions of the promises that pause the ladder (those made before any promise was broken). */
  private readonly pausingPromises: Set<number>;
  /** Promises whose date passed unkept (the latest one included once its date is past). */
  private readonly brokenPromises: number;
  private readonly plan_: PlanRecord | null;
  private readonly rungs: Rung[];

  constructor(
    private readonly due: IsoDate,
    private readonly currency: string | null,
    private readonly outstanding: number | null,
    private readonly settings: ChasingSettings,
    private readonly today: IsoDate,
    private readonly traits: ClientTraits,
    private readonly book: ReadLogbook,
  ) {
    this.calendar = { country: settings.country, options: { alsaceMoselle: settings.alsaceMoselle } };
    this.gap = settings.minimumGap;
    const arrangements = [...book.promises.map((p) => ({ pos: p.pos, day: p.day })), ...book.plans.map((p) => ({ pos: p.pos, day: p.day }))];
    // A promise pauses until its date, or until the next promise or plan replaces it. Once a
    // promise has been broken, later promises no longer pause the ladder (a client stringing
    // promises along would never be chased): they are only checked the day after their date.
    const promisePauses: Pause[] = [];
    this.pausingPromises = new Set();
    this.brokenPromises = 0;
    for (const promise of book.promises) {
      const next = arrangements.filter((a) => a.pos > promise.pos).sort((a, b) => a.pos - b.pos)[0];
      const end = next && addDays(next.day, -1) < promise.promisedDate ? addDays(next.day, -1) : promise.promisedDate;
      if (this.brokenPromises === 0) {
        promisePauses.push({ start: promise.day, end });
        this.pausingPromises.add(promise.pos);
      }
      // Broken: its date passed before anything replaced it, without the promised amount paid.
      const closedOn = next?.day ?? today;
      if (closedOn > promise.promisedDate && !promiseKept(book, promise, next?.day ?? null)) this.brokenPromises += 1;
    }
    const planPauses = book.plans.map((plan) => {
      const next = book.plans.find((other) => other.pos > plan.pos);
      const end = next && addDays(next.day, -1) < plan.lastDate ? addDays(next.day, -1) : plan.lastDate;
      return { start: plan.day, end };
    });
    this.chasePauses = mergePauses([...book.disputePauses, ...promisePauses]);
    this.ladderPauses = mergePauses([...book.disputePauses, ...promisePauses, ...planPauses]);
    this.callsAllowed = !traits.smallAmount;
    this.callFirst = !this.callsAllowed
      ? null
      : traits.longStanding
        ? 'long_standing'
        : traits.keyAccount
          ? 'key_account'
          : settings.callFirst
            ? 'setting'
            : null;
    const latestPromise = book.promises[book.promises.length - 1] ?? null;
    const latestPlan = book.plans[book.plans.length - 1] ?? null;
    // A plan agreed after a promise replaces it.
    this.promise = latestPromise && !(latestPlan && latestPlan.pos > latestPromise.pos) ? latestPromise : null;
    this.plan_ = latestPlan;
    this.rungs = this.buildRungs();
  }

  plan(result: (status: ChasingStatus, advice: AdviceCode[], extra?: Partial<ChasingPlan>) => ChasingPlan): ChasingPlan {
    const candidates: Candidate[] = [];
    const followUp = this.callFollowUp();
    if (followUp) candidates.push(followUp);
    const promise = this.promiseFollowUp();
    if (promise?.candidate) candidates.push(promise.candidate);
    const agreed = this.agreedCall(promise?.candidate ?? null);
    if (agreed) candidates.push(agreed);
    candidates.push(...this.planActions());
    const ladder = this.ladder();
    if (promise && !promise.candidate && ladder[0]) {
      // Email-only client: the ladder's next step is the promise follow-up, the day after.
      const first = ladder[0];
      const reason = promise.reason;
      if (promise.date < first.date) first.date = promise.date;
      first.reason = () => reason;
    }
    candidates.push(...ladder);

    const scheduled = this.schedule(candidates);
    const todays = scheduled.filter((s) => s.when === this.today).map((s) => this.toAction(s));
    const nextOne = scheduled.find((s) => s.when > this.today);
    const next = nextOne ? this.toAction(nextOne) : null;

    const status = this.status();
    const advice = profileAdvice(this.traits, this.book, this.outstanding, this.plan_ !== null && this.today <= this.plan_.lastDate);
    if (this.brokenPromises > 0) advice.push('broken_promise_on_record');
    const ladderToday = todays.find((action) => isLadderStep(action.type));
    if (ladderToday && ladderToday.skipped.length > 0 && this.book.lastContactDay === null) advice.push('no_prior_contact_logged');
    // Practice: before the first reminder after the due date, check the payment has not arrived.
    if (ladderToday && this.today > this.due && (this.book.lastContactDay === null || this.book.lastContactDay <= this.due)) {
      advice.push('check_payment_received');
    }
    const suggestedPlan = advice.includes('offer_payment_plan') && this.outstanding !== null && this.outstanding > 0 ? suggestPlan(this.outstanding, this.today) : null;
    return result(status, advice, {
      today: todays,
      next,
      tone: todays[0]?.tone ?? next?.tone ?? 'friendly',
      suggestedPlan,
      pausedUntil: status === 'promised' ? (this.promise?.promisedDate ?? null) : status === 'on_plan' ? (this.plan_?.lastDate ?? null) : null,
    });
  }

  private status(): ChasingStatus {
    const promise = this.promise;
    if (promise && this.pausingPromises.has(promise.pos) && promise.day <= this.today && this.today <= promise.promisedDate) return 'promised';
    if (this.plan_ && this.today <= this.plan_.lastDate) return 'on_plan';
    if (this.book.formalNotice) return 'formal_notice_sent';
    if (this.today > this.due) return 'overdue';
    // From the pre-reminder's day (moved back to a business day), or 3 days before without one.
    const from = previousBusinessDay(addDays(this.due, this.settings.delays.preReminder ?? -3), this.calendar.country, this.calendar.options);
    return this.today >= from ? 'due_soon' : 'not_due';
  }

  // --- the ladder ------------------------------------------------------------------------------

  private buildRungs(): Rung[] {
    const { settings, book } = this;
    const instancesOf = (step: ChasingStep) => book.instances.filter((instance) => instance.step === step);
    const doneBy = (step: ChasingStep) => {
      const instance = instancesOf(step)[0];
      return instance ? { day: instance.lastDay, pos: instance.pos } : null;
    };
    const rungs: Rung[] = [];
    const rung = (kind: Rung['kind'], step: ChasingStep, done: Rung['done'], number = 0): void => {
      rungs.push({ kind, step, key: number > 0 ? `${step}:${number}` : step, number, done });
    };
    if (settings.delays.preReminder !== null) rung('pre', 'pre_reminder', doneBy('pre_reminder'));
    if (this.callFirst) {
      // A call in the week before the planned call counts as that call (the user called early).
      const from = addDays(advance(this.due, settings.delays.call, this.ladderPauses), -7);
      const talk = book.talks.find((t) => t.event.day >= from);
      rung('call_first', 'call', talk ? { day: talk.event.day, pos: talk.pos } : null);
    }
    const first = doneBy('first_reminder');
    rung('first', 'first_reminder', first);
    if (this.callsAllowed && !this.callFirst && settings.callAfterUnansweredReminder !== null) {
      const talk = first ? book.talks.find((t) => t.pos > first.pos) : undefined;
      rung('call_after', 'call', talk ? { day: talk.event.day, pos: talk.pos } : null);
    }
    rung('second', 'second_reminder', doneBy('second_reminder'));
    if (this.traits.cause !== 'bad_faith') {
      const further = instancesOf('further_reminder');
      for (let number = 1; number <= settings.furtherReminderCount; number += 1) {
        const instance = further[number - 1];
        rung('further', 'further_reminder', instance ? { day: instance.lastDay, pos: instance.pos } : null, number);
      }
    }
    const notice = instancesOf('formal_notice')[0];
    rung('notice', 'formal_notice', notice && book.formalNotice ? { day: book.formalNotice.day, pos: notice.pos } : null);
    rung('escalation', 'escalation', null);
    return rungs;
  }

  private agreedCallPending(): boolean {
    const call = this.latestCall();
    return call !== null && call.nextCallDate > call.day && !this.book.talks.some((t) => t.pos > call.pos);
  }

  private latestCall(): { day: IsoDate; pos: number; nextCallDate: IsoDate } | null {
    for (let i = this.book.talks.length - 1; i >= 0; i -= 1) {
      const talk = this.book.talks[i];
      if (talk && talk.event.kind === 'call') return { day: talk.event.day, pos: talk.pos, nextCallDate: talk.event.nextCallDate };
    }
    return null;
  }

  /** The formal notice's planned date, without the gap (the date further reminders must leave room before). */
  private noticeDate(): IsoDate {
    return settle(advance(this.due, this.settings.delays.formalNotice, this.ladderPauses), this.ladderPauses, this.calendar);
  }

  /**
   * The day a rung falls due: `null` when it cannot be dated yet (it follows a step not done),
   * `'drop'` when it no longer applies. `contact` is the last contact the gap counts from; `baseOf`
   * gives the day a previous rung was (or will be) carried out.
   */
  private rungDate(index: number, contact: IsoDate | null, baseOf: (index: number) => IsoDate | null): IsoDate | null | 'drop' {
    const r = this.rungs[index];
    if (!r) return 'drop';
    const { settings, ladderPauses: pauses, calendar } = this;
    const floor = contact === null ? null : addDays(contact, this.gap);
    const dated = (nominal: IsoDate): IsoDate => settle(floor !== null && floor > nominal ? floor : nominal, pauses, calendar);
    switch (r.kind) {
      case 'pre': {
        if (settings.delays.preReminder === null || this.today >= this.due) return 'drop';
        let day = previousBusinessDay(addDays(this.due, settings.delays.preReminder), calendar.country, calendar.options);
        if (pauseAt(day, pauses) || (floor !== null && floor > day)) day = dated(day);
        return day < this.due ? day : 'drop';
      }
      case 'call_first':
        if (this.agreedCallPending()) return 'drop';
        return dated(advance(this.due, settings.delays.call, pauses));
      case 'first':
        return dated(advance(this.due, settings.delays.firstReminder, pauses));
      case 'second':
        return dated(advance(this.due, settings.delays.secondReminder, pauses));
      case 'notice':
        return dated(advance(this.due, settings.delays.formalNotice, pauses));
      case 'call_after': {
        const firstIndex = this.rungs.findIndex((other) => other.kind === 'first');
        const first = this.rungs[firstIndex];
        const base = baseOf(firstIndex);
        if (!first || base === null || settings.callAfterUnansweredReminder === null) return null;
        const done = first.done;
        if (done && this.book.events.some((e) => e.pos > done.pos && isAnswer(e.event))) return 'drop';
        if (this.agreedCallPending()) return 'drop';
        return dated(advance(base, settings.callAfterUnansweredReminder, pauses));
      }
      case 'further': {
        const base = baseOf(index - 1);
        if (base === null) return null;
        const day = dated(advance(base, settings.furtherReminderInterval, pauses));
        // Never delay the formal notice: a further reminder must leave the gap before it.
        return addDays(day, Math.max(1, this.gap)) <= this.noticeDate() ? day : 'drop';
      }
      case 'escalation': {
        const notice = this.book.formalNotice;
        const sentOn = notice?.day ?? baseOf(index - 1);
        if (sentOn === null) return null;
        const deadline = notice?.deadline ?? addDays(sentOn, settings.formalNoticeDeadline);
        return settle(addDays(deadline, 1), pauses, calendar);
      }
    }
  }

  /** The ladder's candidates: the step due today (the furthest one due) and the one after it. */
  private ladder(): Candidate[] {
    if (this.outstanding !== null && this.outstanding <= 0) return [];
    const rungs = this.rungs;
    let lastDone = -1;
    rungs.forEach((r, i) => {
      if (r.done) lastDone = i;
    });
    // Pass 1: which rungs are due today, from what is done.
    const doneDay = (i: number) => rungs[i]?.done?.day ?? null;
    const due: { index: number; date: IsoDate }[] = [];
    for (let i = lastDone + 1; i < rungs.length; i += 1) {
      const date = this.rungDate(i, this.book.lastContactDay, doneDay);
      if (date !== null && date !== 'drop' && date <= this.today) due.push({ index: i, date });
    }
    // The formal notice is never the first written reminder: when catch-up would jump to it with no
    // reminder on record (an invoice tracked long after its due date), the latest reminder due
    // goes first and the formal notice follows after the gap.
    const reminderOnRecord = this.book.instances.some((i) => i.step === 'first_reminder' || i.step === 'second_reminder' || i.step === 'further_reminder');
    if (!reminderOnRecord && due.length > 1 && rungs[due[due.length - 1]?.index ?? -1]?.kind === 'notice') {
      const lastReminder = due.map((d) => rungs[d.index]?.kind).lastIndexOf('second') >= 0 ? 'second' : 'first';
      while (due.length > 0 && rungs[due[due.length - 1]?.index ?? -1]?.kind !== lastReminder) due.pop();
    }
    const current = due[due.length - 1] ?? null;
    const candidates: Candidate[] = [];
    let contact = this.book.lastContactDay;
    const projected = new Map<number, IsoDate>();
    if (current) {
      const when = settle(maxDate(current.date, this.today), this.ladderPauses, this.calendar);
      projected.set(current.index, when);
      if (rungs[current.index]?.kind !== 'escalation') contact = contact === null ? when : maxDate(contact, when);
      const skipped = due.slice(0, -1).map((d) => rungs[d.index]?.step).filter((step): step is ChasingStep => step !== undefined);
      candidates.push(this.rungCandidate(current.index, current.date, skipped));
    }
    // Pass 2: the rung after it, as if today's step were done when proposed.
    const baseOf = (i: number) => doneDay(i) ?? projected.get(i) ?? null;
    for (let i = current ? current.index + 1 : lastDone + 1; i < rungs.length; i += 1) {
      const date = this.rungDate(i, contact, baseOf);
      if (date === null || date === 'drop') continue;
      candidates.push(this.rungCandidate(i, date, []));
      break;
    }
    return candidates;
  }

  private rungCandidate(index: number, date: IsoDate, skipped: ChasingStep[]): Candidate {
    const r = this.rungs[index];
    if (!r) throw new Error(`no rung ${index}`);
    const escalation = r.kind === 'escalation';
    const channel: Channel = r.step === 'call' ? 'phone' : r.step === 'formal_notice' ? 'letter' : escalation ? 'procedure' : 'email';
    return {
      key: r.key,
      type: r.step,
      step: r.step,
      channel,
      date,
      priority: escalation ? PRIORITY.escalation : PRIORITY.ladder,
      gapBound: !escalation,
      contact: !escalation,
      pauses: this.ladderPauses,
      expiresAfter: r.kind === 'pre' ? addDays(this.due, -1) : null,
      skipped,
      tone: stepTone(r.step),
      reason: (at) => this.rungReason(index, at),
    };
  }

  private rungReason(index: number, at: IsoDate): ActionReason {
    const r = this.rungs[index];
    const due = this.due;
    switch (r?.kind) {
      case 'pre':
        return { code: 'due_date_approaching', dueDate: due, daysBeforeDue: daysBetween(at, due) };
      case 'call_first':
        return { code: 'call_first', profile: this.callFirst ?? 'setting', dueDate: due, daysPastDue: daysBetween(due, at) };
      case 'call_after': {
        const first = this.rungs.find((other) => other.kind === 'first');
        const reminderDate = first?.done?.day ?? this.today;
        return { code: 'reminder_unanswered', reminderStep: 'first_reminder', reminderDate, daysSinceReminder: daysBetween(reminderDate, at) };
      }
      case 'further': {
        const previous = this.rungs[index - 1];
        const previousDate = previous?.done?.day ?? this.today;
        return { code: 'weekly_reminder', number: r.number, previousStep: previous?.step ?? 'second_reminder', previousDate, formalNoticeDate: maxDate(this.noticeDate(), addDays(at, Math.max(1, this.gap))) };
      }
      case 'escalation': {
        const notice = this.book.formalNotice;
        const sentOn = notice?.day ?? this.today;
        const deadline = notice?.deadline ?? addDays(sentOn, this.settings.formalNoticeDeadline);
        return { code: 'formal_notice_deadline_passed', sentOn, deadline, routes: this.escalationRoutes() };
      }
      default:
        return { code: 'days_past_due', step: r?.step ?? 'first_reminder', dueDate: due, daysPastDue: daysBetween(due, at), pausedDays: pausedDaysBetween(due, at, this.ladderPauses) };
    }
  }

  /**
   * Best first. Good relations (long-standing, key account) start with the free, confidential
   * business mediator; bad faith goes to court first (a mediator needs goodwill). The simplified
   * small-claims procedure needs euros and at most 5,000 (late-payment-law.md 5).
   */
  private escalationRoutes(): EscalationRoute[] {
    const small = this.currency === 'EUR' && this.outstanding !== null && this.outstanding <= SMALL_CLAIMS_LIMIT_EUR;
    if (this.traits.cause === 'bad_faith') return ['injonction_de_payer', ...(small ? (['small_claims_procedure'] as const) : []), 'collection_agency'];
    return ['business_mediator', ...(small ? (['small_claims_procedure'] as const) : []), 'injonction_de_payer', 'collection_agency'];
  }

  // --- actions outside the ladder ---------------------------------------------------------------

  /** The written follow-up of the latest call or visit where the client was reached. */
  private callFollowUp(): Candidate | null {
    const talk = this.book.talks[this.book.talks.length - 1];
    if (!talk) return null;
    if (talk.event.kind === 'call' && talk.event.outcome !== 'answered') return null;
    const after = this.book.events.filter((e) => e.pos > talk.pos);
    if (after.some((e) => isWritten(e.event) || e.event.kind === 'payment_plan')) return null;
    const callDate = talk.event.day;
    return {
      key: `call_follow_up:${callDate}`,
      type: 'call_follow_up',
      step: 'call_follow_up',
      channel: 'email',
      date: callDate,
      priority: PRIORITY.follow_up,
      gapBound: false,
      contact: false,
      pauses: [],
      expiresAfter: null,
      skipped: [],
      tone: stepTone('call_follow_up'),
      reason: () => ({ code: 'call_answered', callDate }),
    };
  }

  /**
   * The latest promise: while it runs, `next` is the check on the day after it; once broken, a
   * call that day (or, for email-only clients, `reason` for the ladder's next step).
   */
  private promiseFollowUp(): { candidate: Candidate | null; date: IsoDate; reason: ActionReason } | null {
    const promise = this.promise;
    if (!promise || (this.outstanding !== null && this.outstanding <= 0)) return null;
    const { promisedDate, amount } = promise;
    const running = this.today <= promisedDate;
    if (!running) {
      if (promiseKept(this.book, promise, null)) return null;
      if (this.book.events.some((e) => e.event.day > promisedDate && isContact(e.event))) return null;
    }
    const date = settle(addDays(promisedDate, 1), this.chasePauses, this.calendar);
    const reason: ActionReason = { code: running ? 'promise_due' : 'promise_broken', promisedDate, promisedAmount: amount };
    const candidate: Candidate | null = this.callsAllowed
      ? {
          key: `promise_follow_up:${promisedDate}`,
          type: 'promise_follow_up',
          step: 'call',
          channel: 'phone',
          date,
          priority: PRIORITY.promise,
          gapBound: true,
          contact: true,
          pauses: this.chasePauses,
          expiresAfter: null,
          skipped: [],
          tone: 'firm',
          reason: () => reason,
        }
      : null;
    return { candidate, date, reason };
  }

  /** The call agreed during the latest call. A broken-promise call on or after it replaces it. */
  private agreedCall(promiseCall: Candidate | null): Candidate | null {
    if (!this.agreedCallPending()) return null;
    const call = this.latestCall();
    if (!call) return null;
    if (promiseCall && call.nextCallDate <= promiseCall.date) return null;
    return {
      key: `agreed_call:${call.nextCallDate}`,
      type: 'agreed_call',
      step: 'call',
      channel: 'phone',
      date: call.nextCallDate,
      priority: PRIORITY.agreed_call,
      gapBound: false,
      contact: true,
      pauses: this.chasePauses,
      expiresAfter: null,
      skipped: [],
      tone: 'friendly',
      reason: () => ({ code: 'next_call_agreed', callDate: call.day, agreedDate: call.nextCallDate }),
    };
  }

  /** The latest payment plan: its written confirmation, instalment reminders, missed-instalment follow-up. */
  private planActions(): Candidate[] {
    const plan = this.plan_;
    if (!plan || (this.outstanding !== null && this.outstanding <= 0)) return [];
    const { book, today, settings } = this;
    const candidates: Candidate[] = [];
    const count = plan.instalments.length;
    const firstLater = plan.instalments.find((i) => i.dueDate > plan.day);
    if (!book.events.some((e) => e.pos > plan.pos && isWritten(e.event))) {
      candidates.push({
        key: `plan_confirmation:${plan.day}`,
        type: 'plan_confirmation',
        step: 'call_follow_up',
        channel: 'email',
        date: plan.day,
        priority: PRIORITY.follow_up,
        gapBound: false,
        contact: false,
        pauses: [],
        expiresAfter: firstLater?.dueDate ?? plan.lastDate,
        skipped: [],
        tone: 'friendly',
        reason: () => ({ code: 'plan_agreed', planDate: plan.day }),
      });
    }
    const paid = paidCentsSince(book, plan.day);
    let cumulative = 0;
    let missed: { index: number; instalment: PlanInstalment; cumulative: number } | null = null;
    const contactBetween = (from: IsoDate, to: IsoDate) => book.events.some((e) => isContact(e.event) && e.event.day >= from && e.event.day <= to);
    for (const [index, instalment] of plan.instalments.entries()) {
      cumulative += cents(instalment.amount);
      if (paid >= cumulative) continue;
      if (instalment.dueDate < today) {
        missed = { index, instalment, cumulative };
        continue;
      }
      if (settings.instalmentReminder === null || instalment.dueDate <= plan.day) continue;
      const date = previousBusinessDay(addDays(instalment.dueDate, settings.instalmentReminder), this.calendar.country, this.calendar.options);
      // No reminder for an instalment due within the reminder's lead of the plan: it was just agreed.
      if (date <= plan.day) continue;
      const from = maxDate(addDays(plan.day, 1), addDays(date, -this.gap));
      if (contactBetween(from, instalment.dueDate)) continue;
      candidates.push({
        key: `instalment_reminder:${instalment.dueDate}`,
        type: 'instalment_reminder',
        step: 'pre_reminder',
        channel: 'email',
        date,
        priority: PRIORITY.instalment_reminder,
        gapBound: true,
        contact: true,
        pauses: this.chasePauses,
        expiresAfter: instalment.dueDate,
        skipped: [],
        tone: 'friendly',
        reason: () => ({ code: 'instalment_upcoming', instalmentDate: instalment.dueDate, amount: instalment.amount, number: index + 1, of: count }),
      });
    }
    // Only the latest missed instalment gets a follow-up: it covers the earlier ones.
    if (missed) {
      const { instalment, index } = missed;
      const missedAmount = (missed.cumulative - paid) / 100;
      if (!book.events.some((e) => isContact(e.event) && e.event.day > instalment.dueDate)) {
        candidates.push({
          key: `instalment_follow_up:${instalment.dueDate}`,
          type: 'instalment_follow_up',
          step: this.callsAllowed ? 'call' : 'first_reminder',
          channel: this.callsAllowed ? 'phone' : 'email',
          date: addDays(instalment.dueDate, 1),
          priority: PRIORITY.instalment_follow_up,
          gapBound: true,
          contact: true,
          pauses: this.chasePauses,
          expiresAfter: null,
          skipped: [],
          tone: 'friendly',
          reason: () => ({ code: 'instalment_missed', instalmentDate: instalment.dueDate, amount: instalment.amount, number: index + 1, of: count, missedAmount }),
        });
      }
    }
    return candidates;
  }

  // --- scheduling ------------------------------------------------------------------------------

  /**
   * Places the candidates one after the other, earliest first: each on a business day outside its
   * pauses, not before today, and, when gap-bound, `minimumGap` days after the previous contact
   * (done or placed before it). Candidates past their last useful day are dropped.
   */
  private schedule(candidates: Candidate[]): Scheduled[] {
    let cursor = this.book.lastContactDay;
    let pool = [...candidates];
    const placed: Scheduled[] = [];
    while (pool.length > 0) {
      let best: Scheduled | null = null;
      const keep: Candidate[] = [];
      for (const candidate of pool) {
        let day = candidate.date;
        if (candidate.gapBound && cursor !== null) day = maxDate(day, addDays(cursor, this.gap));
        const when = settle(maxDate(day, this.today), candidate.pauses, this.calendar);
        if (candidate.expiresAfter !== null && when > candidate.expiresAfter) continue;
        keep.push(candidate);
        if (!best || when < best.when || (when === best.when && candidate.priority < best.priority)) best = { ...candidate, when };
      }
      if (!best) break;
      const chosen: Scheduled = best;
      placed.push(chosen);
      if (chosen.contact) cursor = cursor === null ? chosen.when : maxDate(cursor, chosen.when);
      pool = keep.filter((candidate) => candidate.key !== chosen.key);
    }
    return placed;
  }

  private toAction(s: Scheduled): ChasingAction {
    return {
      key: s.key,
      type: s.type,
      step: s.step,
      date: s.when,
      overdueSince: s.when === this.today && s.date < this.today ? s.date : null,
      channel: s.channel,
      tone: adjustTone(s.tone, s.type, this.traits),
      reason: s.reason(s.when),
      skipped: s.skipped,
    };
  }
}

// ---------------------------------------------------------------------------------------------

function isLadderStep(type: ActionType): type is ChasingStep {
  return type !== 'agreed_call' && type !== 'promise_follow_up' && type !== 'plan_confirmation' && type !== 'instalment_reminder' && type !== 'instalment_follow_up';
}

/** chasing-practice.md: friendly first steps, firmer from the second reminder, formal notice formal. */
export const TONE_OF_LADDER_STEP: Readonly<Record<ChasingStep, ChasingTone>> = {
  pre_reminder: 'friendly',
  first_reminder: 'friendly',
  call: 'friendly',
  call_follow_up: 'firm',
  second_reminder: 'firm',
  further_reminder: 'firm',
  formal_notice: 'formal',
  escalation: 'formal',
};

function stepTone(step: ChasingStep): ChasingTone {
  return TONE_OF_LADDER_STEP[step];
}

/**
 * Profiles adjust the register: a long-standing client or a key account (unless a repeat late
 * payer or in bad faith) gets friendly instead of firm; known bad faith gets firm instead of
 * friendly (no "assume an oversight"), except for the courteous pre-reminder, plan confirmation and
 * instalment reminder. Formal stays formal: a mise en demeure must be unambiguous.
 */
export function adjustTone(tone: ChasingTone, type: ActionType, traits: ClientTraits): ChasingTone {
  if (tone === 'formal') return tone;
  if (traits.cause === 'bad_faith') {
    return type === 'pre_reminder' || type === 'plan_confirmation' || type === 'instalment_reminder' ? tone : 'firm';
  }
  if ((traits.longStanding || traits.keyAccount) && !traits.repeatLatePayer) return 'friendly';
  return tone;
}

function profileAdvice(traits: ClientTraits, book: ReadLogbook, outstanding: number | null, onPlan: boolean): AdviceCode[] {
  const advice: AdviceCode[] = [];
  if ((traits.longStanding || traits.keyAccount) && !traits.smallAmount) advice.push('call_before_writing');
  if (traits.keyAccount) advice.push('involve_sales_management');
  if ((traits.knownDifficulty || traits.cause === 'cash_trouble') && !onPlan) advice.push('offer_payment_plan');
  if (traits.repeatLatePayer) advice.push('document_history', 'ask_deposit_on_future_work', 'consider_suspending_service');
  if (traits.smallAmount) advice.push('emails_only_small_amount');
  if (traits.cause === 'oversight') advice.push('resend_invoice_copy');
  if (traits.cause === 'bad_faith') advice.push('keep_written_evidence', 'skip_further_reminders');
  if (book.partialTotal > 0 && outstanding !== null && outstanding > 0) advice.push('mention_partial_payments');
  return advice;
}

/** Deposit today, then 15 and 30 days: thirds, the balance taking the rounding. */
export function suggestPlan(outstanding: number, today: IsoDate): SuggestedPlan {
  const third = Math.floor((outstanding * 100) / 3) / 100;
  return {
    deposit: { dueDate: today, amount: third },
    instalments: [
      { dueDate: addDays(today, 15), amount: third },
      { dueDate: addDays(today, 30), amount: round2(outstanding - 2 * third) },
    ],
  };
}

/** Partial payments since the promise (until `until`, excluded) reach the promised amount. */
function promiseKept(book: ReadLogbook, promise: PromiseRecord, until: IsoDate | null): boolean {
  if (promise.amount === null) return false;
  return paidCentsSince(book, promise.day, until) >= cents(promise.amount);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** True on a day contacts may be proposed in this country (exported for the UI's date pickers). */
export function isContactDay(date: IsoDate, settings: Pick<ChasingSettings, 'country' | 'alsaceMoselle'>): boolean {
  return isBusinessDay(date, settings.country, { alsaceMoselle: settings.alsaceMoselle });
}
