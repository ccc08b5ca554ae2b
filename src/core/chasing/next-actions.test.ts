import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/events';
import type { IsoDate } from '../model';
import { ACTION_REASON_CODES, ADVICE_CODES, nextActions, suggestPlan, type ActionReasonCode, type ChasingAction, type ChasingContext, type ChasingInvoice } from './next-actions';
import { ChasingSettingsError, DEFAULT_CHASING_SETTINGS, type ChasingSettings } from './settings';
import type { EventInput } from './simulation.test-support';

/**
 * The reference invoice: due Wednesday 4 March 2026. With the default settings its ladder is
 * pre-reminder Fri 27 Feb (Sun 1 Mar moved back), first reminder Wed 11 Mar, call Mon 16 Mar
 * (Sun 15 moved on) if the first reminder is unanswered, second reminder Thu 19 Mar, one further
 * reminder Thu 26 Mar, formal notice Fri 3 Apr, escalation Mon 13 Apr (deadline Sat 11 Apr).
 */
const INVOICE: ChasingInvoice = { id: 'inv-1', dueDate: '2026-03-04', amount: 1200, currency: 'EUR', issueDate: '2026-02-02' };
const S = DEFAULT_CHASING_SETTINGS;

let clock = 0;
function ev(day: IsoDate, event: EventInput): LedgerEvent {
  clock += 1;
  // Events of a day are recorded in the order they are written here.
  const time = [8 + Math.floor(clock / 3600), Math.floor(clock / 60) % 60, clock % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return { ...event, invoiceId: 'inv-1', day, at: `${day}T${time}.000Z` } as LedgerEvent;
}
const drafted = (day: IsoDate, step: ChasingAction['step']) => ev(day, { kind: 'reminder_drafted', step });
const call = (day: IsoDate, outcome: 'answered' | 'no_answer', nextCallDate: IsoDate, extra: { promisedDate?: IsoDate; promisedAmount?: number } = {}) =>
  ev(day, { kind: 'call', calledAt: `${day}T10:00`, who: 'Mme Martin', outcome, nextCallDate, ...extra });

function plan(events: LedgerEvent[], today: IsoDate, context: ChasingContext = {}, settings: ChasingSettings = S, invoice: ChasingInvoice = INVOICE) {
  return nextActions(invoice, events, settings, today, context);
}
const brief = (action: ChasingAction | null | undefined) => (action ? `${action.date} ${action.type}` : null);
const briefs = (actions: ChasingAction[]) => actions.map((action) => brief(action));

const PRE_DONE = [drafted('2026-02-27', 'pre_reminder')];
const FIRST_DONE = [...PRE_DONE, drafted('2026-03-11', 'first_reminder')];

describe('nothing to chase', () => {
  it('no due date: only the note that it is missing', () => {
    const result = plan([], '2026-03-10', {}, S, { ...INVOICE, dueDate: null });
    expect(result).toMatchObject({ status: 'no_due_date', today: [], next: null, daysPastDue: null });
    expect(result.advice).toEqual(['due_date_missing']);
  });

  it('paid: a payment event', () => {
    const result = plan([...FIRST_DONE, ev('2026-03-12', { kind: 'payment', paidOn: '2026-03-12' })], '2026-03-20');
    expect(result).toMatchObject({ status: 'paid', outstanding: 0, today: [], next: null });
  });

  it('paid: partial payments reaching the amount', () => {
    const events = [ev('2026-03-05', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-05' }), ev('2026-03-12', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-12' })];
    expect(plan(events, '2026-03-20')).toMatchObject({ status: 'paid', outstanding: 0, paidSoFar: 1200, today: [], next: null });
  });

  it('a partial payment lowers the outstanding amount and is to be mentioned', () => {
    const result = plan([...PRE_DONE, ev('2026-03-05', { kind: 'partial_payment', amount: 500, paidOn: '2026-03-05' })], '2026-03-11');
    expect(result).toMatchObject({ status: 'overdue', outstanding: 700, paidSoFar: 500 });
    expect(result.advice).toContain('mention_partial_payments');
    expect(briefs(result.today)).toEqual(['2026-03-11 first_reminder']);
  });

  it('written off', () => {
    expect(plan([ev('2026-03-20', { kind: 'write_off', reason: 'client closed' })], '2026-04-20')).toMatchObject({ status: 'written_off', today: [], next: null });
  });

  it('disputed: nothing until the dispute is resolved', () => {
    const result = plan([...FIRST_DONE, ev('2026-03-13', { kind: 'dispute_opened', reason: 'quantities' })], '2026-04-20');
    expect(result).toMatchObject({ status: 'disputed', today: [], next: null });
    expect(result.advice).toEqual(['resolve_dispute_first', 'bill_undisputed_part']);
  });

  it('the dispute cause counts as an open dispute, unless the logbook says it was resolved', () => {
    expect(plan(FIRST_DONE, '2026-03-20', { cause: 'dispute' }).status).toBe('disputed');
    const resolved = [...FIRST_DONE, ev('2026-03-12', { kind: 'dispute_opened', reason: 'x' }), ev('2026-03-13', { kind: 'dispute_resolved', resolution: 'y' })];
    expect(plan(resolved, '2026-03-20', { cause: 'dispute' }).status).toBe('overdue');
  });

  it('escalated: the procedure runs outside the ladder', () => {
    const result = plan([ev('2026-04-13', { kind: 'escalation', route: 'injonction_de_payer', filedOn: '2026-04-13' })], '2026-04-20');
    expect(result).toMatchObject({ status: 'escalated', today: [], next: null, advice: ['follow_procedure'] });
  });
});

describe('before the due date', () => {
  it('not due yet: next is the pre-reminder, moved back from Sunday to Friday', () => {
    const result = plan([], '2026-02-10');
    expect(result).toMatchObject({ status: 'not_due', today: [], daysPastDue: -22 });
    expect(result.next).toMatchObject({ type: 'pre_reminder', date: '2026-02-27', channel: 'email', tone: 'friendly', reason: { code: 'due_date_approaching', dueDate: '2026-03-04', daysBeforeDue: 5 } });
  });

  it('on the pre-reminder day: due soon, pre-reminder today', () => {
    const result = plan([], '2026-02-27');
    expect(result.status).toBe('due_soon');
    expect(briefs(result.today)).toEqual(['2026-02-27 pre_reminder']);
    expect(brief(result.next)).toBe('2026-03-11 first_reminder');
  });

  it('missed on Friday: not proposed on the weekend, proposed Monday (still before the due date)', () => {
    const saturday = plan([], '2026-02-28');
    expect(saturday.today).toEqual([]);
    expect(saturday.next).toMatchObject({ type: 'pre_reminder', date: '2026-03-02' });
    const monday = plan([], '2026-03-02');
    expect(monday.today).toMatchObject([{ type: 'pre_reminder', date: '2026-03-02', overdueSince: '2026-02-27' }]);
  });

  it('never on or after the due date: a missed pre-reminder is dropped', () => {
    const dueMonday = { ...INVOICE, dueDate: '2026-03-02' };
    const result = plan([], '2026-02-28', {}, S, dueMonday);
    expect(result.today).toEqual([]);
    expect(brief(result.next)).toBe('2026-03-09 first_reminder');
  });

  it('switched off: the first reminder comes next', () => {
    const noPre = { ...S, delays: { ...S.delays, preReminder: null } };
    expect(brief(plan([], '2026-02-27', {}, noPre).next)).toBe('2026-03-11 first_reminder');
  });
});

describe('the ladder after the due date', () => {
  it('first reminder at due + 7, friendly, with the payment check advice', () => {
    const result = plan(PRE_DONE, '2026-03-11');
    expect(result.status).toBe('overdue');
    expect(result.today).toEqual([
      {
        key: 'first_reminder',
        type: 'first_reminder',
        step: 'first_reminder',
        date: '2026-03-11',
        overdueSince: null,
        channel: 'email',
        tone: 'friendly',
        reason: { code: 'days_past_due', step: 'first_reminder', dueDate: '2026-03-04', daysPastDue: 7, pausedDays: 0 },
        skipped: [],
      },
    ]);
    expect(result.advice).toEqual(['check_payment_received']);
    expect(result.next).toMatchObject({ type: 'call', date: '2026-03-16', channel: 'phone', reason: { code: 'reminder_unanswered', reminderDate: '2026-03-11', daysSinceReminder: 5 } });
  });

  it('an action not done stays due today, with the day it fell due', () => {
    expect(plan(PRE_DONE, '2026-03-13').today).toMatchObject([{ type: 'first_reminder', date: '2026-03-13', overdueSince: '2026-03-11' }]);
  });

  it('the call after an unanswered reminder', () => {
    const result = plan(FIRST_DONE, '2026-03-16');
    expect(result.today).toMatchObject([{ type: 'call', channel: 'phone', tone: 'friendly', reason: { code: 'reminder_unanswered', reminderStep: 'first_reminder', reminderDate: '2026-03-11', daysSinceReminder: 5 } }]);
    expect(brief(result.next)).toBe('2026-03-19 second_reminder');
  });

  it('no such call when the client answered (a partial payment)', () => {
    const result = plan([...FIRST_DONE, ev('2026-03-13', { kind: 'partial_payment', amount: 200, paidOn: '2026-03-13' })], '2026-03-16');
    expect(result.today).toEqual([]);
    expect(brief(result.next)).toBe('2026-03-19 second_reminder');
  });

  it('catch-up: only the furthest step due, once, with the skipped ones listed', () => {
    const result = plan(PRE_DONE, '2026-03-20');
    expect(result.today).toMatchObject([{ type: 'second_reminder', overdueSince: '2026-03-19', skipped: ['first_reminder'], tone: 'firm' }]);
    expect(result.advice).toEqual(['check_payment_received']);
    expect(brief(result.next)).toBe('2026-03-27 further_reminder');
    // Once the second reminder is done, the first one never comes back.
    const after = plan([...PRE_DONE, drafted('2026-03-20', 'second_reminder')], '2026-03-24');
    expect(after.today).toEqual([]);
    expect(brief(after.next)).toBe('2026-03-27 further_reminder');
  });

  it('a step done early supersedes the steps before it', () => {
    const result = plan([...PRE_DONE, drafted('2026-03-12', 'second_reminder')], '2026-03-16');
    expect(result.today).toEqual([]);
    expect(result.next).toMatchObject({ type: 'further_reminder', date: '2026-03-19', reason: { code: 'weekly_reminder', number: 1, previousStep: 'second_reminder', previousDate: '2026-03-12', formalNoticeDate: '2026-04-03' } });
  });

  it('a draft and its sent copy are one reminder', () => {
    const events = [...FIRST_DONE, drafted('2026-03-19', 'second_reminder'), ev('2026-03-20', { kind: 'reminder_sent', step: 'second_reminder' })];
    // The weekly reminder counts from the day it went out (Friday 20).
    expect(brief(plan(events, '2026-03-23').next)).toBe('2026-03-27 further_reminder');
  });

  it('further reminders: as many as fit before the formal notice (one with the defaults)', () => {
    const second = [...FIRST_DONE, call('2026-03-16', 'no_answer', '2026-04-30'), drafted('2026-03-19', 'second_reminder')];
    expect(plan(second, '2026-03-26').today).toMatchObject([{ key: 'further_reminder:1', reason: { code: 'weekly_reminder', number: 1, formalNoticeDate: '2026-04-03' } }]);
    const further = [...second, drafted('2026-03-26', 'further_reminder')];
    expect(brief(plan(further, '2026-03-27').next)).toBe('2026-04-03 formal_notice');
  });

  it('further reminders: up to the count when the formal notice comes later', () => {
    const later = { ...S, delays: { ...S.delays, formalNotice: 45 } };
    const events = [...FIRST_DONE, call('2026-03-16', 'no_answer', '2026-06-30'), drafted('2026-03-19', 'second_reminder'), drafted('2026-03-26', 'further_reminder'), drafted('2026-04-02', 'further_reminder')];
    const result = plan(events, '2026-04-03', {}, later);
    expect(result.next).toMatchObject({ key: 'further_reminder:3', date: '2026-04-09' });
    const all = [...events, drafted('2026-04-09', 'further_reminder')];
    expect(brief(plan(all, '2026-04-10', {}, later).next)).toBe('2026-04-20 formal_notice');
  });

  it('formal notice: registered letter, formal; then the escalation the day after its deadline', () => {
    const events = [...FIRST_DONE, call('2026-03-16', 'no_answer', '2026-06-30'), drafted('2026-03-19', 'second_reminder'), drafted('2026-03-26', 'further_reminder')];
    const result = plan(events, '2026-04-03');
    expect(result.today).toMatchObject([{ type: 'formal_notice', channel: 'letter', tone: 'formal', reason: { code: 'days_past_due', daysPastDue: 30 } }]);
    const sent = [...events, ev('2026-04-03', { kind: 'formal_notice', sentOn: '2026-04-03', deadline: '2026-04-11' })];
    const waiting = plan(sent, '2026-04-06');
    expect(waiting.status).toBe('formal_notice_sent');
    expect(waiting.next).toMatchObject({
      type: 'escalation',
      date: '2026-04-13',
      channel: 'procedure',
      tone: 'formal',
      reason: { code: 'formal_notice_deadline_passed', sentOn: '2026-04-03', deadline: '2026-04-11', routes: ['business_mediator', 'small_claims_procedure', 'injonction_de_payer', 'collection_agency'] },
    });
    expect(briefs(plan(sent, '2026-04-13').today)).toEqual(['2026-04-13 escalation']);
  });

  it('a formal notice recorded as a letter: deadline = sending day + the setting', () => {
    const events = [...FIRST_DONE, ev('2026-04-03', { kind: 'letter', step: 'formal_notice', registered: true })];
    expect(plan(events, '2026-04-06').next).toMatchObject({ type: 'escalation', date: '2026-04-13', reason: { deadline: '2026-04-11' } });
  });

  it('large amounts do not get the small-claims procedure', () => {
    const big = { ...INVOICE, amount: 12000 };
    const sent = [ev('2026-04-03', { kind: 'formal_notice', sentOn: '2026-04-03', deadline: '2026-04-11' })];
    expect(plan(sent, '2026-04-13', {}, S, big).today[0]?.reason).toMatchObject({ routes: ['business_mediator', 'injonction_de_payer', 'collection_agency'] });
  });

  it('an invoice tracked long after its due date does not open with a formal notice', () => {
    const result = plan([], '2026-04-10');
    expect(result.today).toMatchObject([{ type: 'second_reminder', skipped: ['first_reminder'] }]);
    expect(result.advice).toEqual(['no_prior_contact_logged', 'check_payment_received']);
    expect(brief(result.next)).toBe('2026-04-13 formal_notice');
  });
});

describe('business days and the minimum gap', () => {
  it('a step falling on a public holiday moves to the next business day (Ascension)', () => {
    const invoice = { ...INVOICE, dueDate: '2026-05-07' };
    expect(brief(plan([drafted('2026-05-04', 'pre_reminder')], '2026-05-08', {}, S, invoice).next)).toBe('2026-05-15 first_reminder');
    expect(brief(plan([drafted('2026-05-04', 'pre_reminder')], '2026-05-08', {}, { ...S, country: 'none' }, invoice).next)).toBe('2026-05-14 first_reminder');
  });

  it('Alsace-Moselle: the formal notice avoids Good Friday and Easter Monday', () => {
    const events = [...FIRST_DONE, drafted('2026-03-19', 'second_reminder'), drafted('2026-03-26', 'further_reminder')];
    expect(brief(plan(events, '2026-03-30').next)).toBe('2026-04-03 formal_notice');
    // Moved to Tuesday 7, the formal notice leaves room for a second weekly reminder.
    const alsace = { ...S, alsaceMoselle: true };
    expect(brief(plan(events, '2026-03-30', {}, alsace).next)).toBe('2026-04-02 further_reminder');
    expect(brief(plan([...events, drafted('2026-04-02', 'further_reminder')], '2026-04-03', {}, alsace).next)).toBe('2026-04-07 formal_notice');
  });

  it('nothing proposed on a weekend: an overdue step waits for Monday', () => {
    const saturday = plan(PRE_DONE, '2026-03-14');
    expect(saturday.today).toEqual([]);
    expect(brief(saturday.next)).toBe('2026-03-16 first_reminder');
  });

  it('a contact pushes the next one to the minimum gap', () => {
    const events = [...FIRST_DONE, call('2026-03-17', 'no_answer', '2026-04-30')];
    expect(brief(plan(events, '2026-03-18').next)).toBe('2026-03-20 second_reminder');
    expect(brief(plan(events, '2026-03-18', {}, { ...S, minimumGap: 0 }).next)).toBe('2026-03-19 second_reminder');
  });

  it('the written follow-up of a call is due the same day and does not count as a new contact', () => {
    const events = [...FIRST_DONE, call('2026-03-16', 'answered', '2026-04-30')];
    const result = plan(events, '2026-03-16');
    expect(result.today).toMatchObject([{ type: 'call_follow_up', step: 'call_follow_up', channel: 'email', tone: 'firm', reason: { code: 'call_answered', callDate: '2026-03-16' } }]);
    const followed = [...events, drafted('2026-03-16', 'call_follow_up')];
    expect(plan(followed, '2026-03-17').today).toEqual([]);
    expect(brief(plan(followed, '2026-03-17').next)).toBe('2026-03-19 second_reminder');
  });

  it('no follow-up for an unanswered call', () => {
    expect(plan([...FIRST_DONE, call('2026-03-16', 'no_answer', '2026-03-23')], '2026-03-16').today).toEqual([]);
  });
});

describe('calls', () => {
  it('the next call date agreed in a call (a Saturday) becomes a call on Monday', () => {
    const events = [...FIRST_DONE, call('2026-03-16', 'no_answer', '2026-03-21'), drafted('2026-03-19', 'second_reminder')];
    const result = plan(events, '2026-03-23');
    expect(result.today).toMatchObject([{ key: 'agreed_call:2026-03-21', type: 'agreed_call', step: 'call', channel: 'phone', reason: { code: 'next_call_agreed', callDate: '2026-03-16', agreedDate: '2026-03-21' } }]);
    expect(brief(result.next)).toBe('2026-03-26 further_reminder');
  });

  it('a pending agreed call replaces the ladder call', () => {
    const events = [...PRE_DONE, call('2026-03-09', 'no_answer', '2026-03-17'), drafted('2026-03-12', 'first_reminder')];
    const result = plan(events, '2026-03-13');
    expect(brief(result.next)).toBe('2026-03-17 agreed_call');
    expect(plan(events, '2026-03-16').today).toEqual([]);
  });

  it('long-standing client: call first at due + 3, friendly, before any written reminder', () => {
    const result = plan(PRE_DONE, '2026-03-05', { profile: { flags: ['long_standing'] } });
    expect(result.next).toMatchObject({ type: 'call', date: '2026-03-09', tone: 'friendly', reason: { code: 'call_first', profile: 'long_standing', daysPastDue: 5 } });
    expect(result.advice).toEqual(['call_before_writing']);
    // After the call, the first reminder comes at due + 7, but the minimum gap after the call
    // (Monday 9) moves it from Wednesday 11 to Thursday 12.
    const called = [...PRE_DONE, call('2026-03-09', 'no_answer', '2026-03-20')];
    expect(plan(called, '2026-03-11', { profile: { flags: ['long_standing'] } }).today).toEqual([]);
    expect(plan(called, '2026-03-12', { profile: { flags: ['long_standing'] } }).today).toMatchObject([{ type: 'first_reminder', tone: 'friendly' }]);
  });

  it('key account: call first, involve sales management', () => {
    const result = plan(PRE_DONE, '2026-03-05', { profile: { flags: ['key_account'] } });
    expect(result.next).toMatchObject({ type: 'call', date: '2026-03-09', reason: { code: 'call_first', profile: 'key_account' } });
    expect(result.advice).toEqual(['call_before_writing', 'involve_sales_management']);
  });

  it('call first for everyone with the setting, even before the due date', () => {
    const early = { ...S, callFirst: true, delays: { ...S.delays, call: -2 } };
    expect(plan([], '2026-02-20', {}, early).next).toMatchObject({ type: 'pre_reminder', date: '2026-02-27' });
    expect(plan(PRE_DONE, '2026-02-28', {}, early).next).toMatchObject({ type: 'call', date: '2026-03-02', reason: { code: 'call_first', profile: 'setting' } });
  });

  it('small amount: emails only, no call even for a long-standing client', () => {
    const small = { ...INVOICE, amount: 150 };
    const result = plan(FIRST_DONE, '2026-03-12', { profile: { flags: ['long_standing'] } }, S, small);
    expect(brief(result.next)).toBe('2026-03-19 second_reminder');
    expect(result.advice).toEqual(['emails_only_small_amount']);
    expect(result.traits.smallAmount).toBe(true);
  });
});

describe('dispute', () => {
  const DISPUTED = [...FIRST_DONE, ev('2026-03-13', { kind: 'dispute_opened', reason: 'wrong quantity' }), ev('2026-04-10', { kind: 'dispute_resolved', resolution: 'credit note' })];

  it('resumes where it left off: the remaining delay runs after the resolution, the call is dropped', () => {
    const result = plan(DISPUTED, '2026-04-13');
    expect(result.status).toBe('overdue');
    expect(result.today).toEqual([]);
    expect(result.next).toMatchObject({ type: 'second_reminder', date: '2026-04-17', reason: { code: 'days_past_due', daysPastDue: 44, pausedDays: 29 } });
  });

  it('nothing is proposed twice: the first reminder stays done', () => {
    expect(plan(DISPUTED, '2026-04-17').today).toMatchObject([{ type: 'second_reminder', skipped: [] }]);
  });
});

describe('promise to pay', () => {
  const PROMISED = [...FIRST_DONE, ev('2026-03-12', { kind: 'promise', promisedDate: '2026-03-25' })];

  it('pauses chasing until the promised date; next is the check the day after', () => {
    const result = plan(PROMISED, '2026-03-16');
    expect(result).toMatchObject({ status: 'promised', today: [], pausedUntil: '2026-03-25' });
    expect(result.next).toMatchObject({ type: 'promise_follow_up', date: '2026-03-26', channel: 'phone', reason: { code: 'promise_due', promisedDate: '2026-03-25', promisedAmount: null } });
  });

  it('broken: a call the day after, firm', () => {
    const result = plan(PROMISED, '2026-03-26');
    expect(result.status).toBe('overdue');
    expect(result.today).toMatchObject([{ type: 'promise_follow_up', step: 'call', tone: 'firm', reason: { code: 'promise_broken', promisedDate: '2026-03-25' } }]);
    expect(result.advice).toEqual(['broken_promise_on_record']);
  });

  it('after the follow-up call, the ladder resumes where it left off', () => {
    const events = [...PROMISED, call('2026-03-26', 'no_answer', '2026-04-30')];
    expect(brief(plan(events, '2026-03-27').next)).toBe('2026-04-02 second_reminder');
  });

  it('kept (the promised part paid): no follow-up, the ladder resumes for the rest', () => {
    const events = [...FIRST_DONE, ev('2026-03-12', { kind: 'promise', promisedDate: '2026-03-25', amount: 400 }), ev('2026-03-20', { kind: 'partial_payment', amount: 400, paidOn: '2026-03-20' })];
    const result = plan(events, '2026-03-26');
    expect(result).toMatchObject({ status: 'overdue', outstanding: 800, today: [] });
    expect(brief(result.next)).toBe('2026-04-02 second_reminder');
    expect(result.advice).not.toContain('broken_promise_on_record');
  });

  it('a promise made in a call: the call is followed up in writing the same day', () => {
    const events = [...FIRST_DONE, call('2026-03-16', 'answered', '2026-03-27', { promisedDate: '2026-03-20' })];
    const result = plan(events, '2026-03-16');
    expect(result.status).toBe('promised');
    expect(briefs(result.today)).toEqual(['2026-03-16 call_follow_up']);
    // The promise check comes first (Monday 23, after Saturday 21); that call will replace the one agreed for the 27th.
    expect(brief(result.next)).toBe('2026-03-23 promise_follow_up');
  });

  it('once a promise is broken, a new promise no longer pauses the ladder', () => {
    const events = [...PROMISED, call('2026-03-26', 'answered', '2026-04-20', { promisedDate: '2026-04-10' }), drafted('2026-03-26', 'call_follow_up')];
    const result = plan(events, '2026-04-02');
    expect(result.status).toBe('overdue');
    expect(briefs(result.today)).toEqual(['2026-04-02 second_reminder']);
    expect(result.advice).toContain('broken_promise_on_record');
    // The new promise is still checked the day after its date.
    const later = plan([...events, drafted('2026-04-02', 'second_reminder')], '2026-04-13');
    expect(later.today).toMatchObject([{ type: 'promise_follow_up', reason: { code: 'promise_broken', promisedDate: '2026-04-10' } }]);
  });

  it('a call agreed inside the promise is replaced by the call the day after a broken promise', () => {
    const events = [...FIRST_DONE, call('2026-03-12', 'answered', '2026-03-20', { promisedDate: '2026-03-25' }), drafted('2026-03-12', 'call_follow_up')];
    expect(plan(events, '2026-03-20')).toMatchObject({ status: 'promised', today: [], next: { type: 'promise_follow_up', date: '2026-03-26' } });
    expect(briefs(plan(events, '2026-03-26').today)).toEqual(['2026-03-26 promise_follow_up']);
  });

  it('email-only client: the ladder’s next step comes the day after the broken promise', () => {
    const small = { ...INVOICE, amount: 150 };
    const result = plan(PROMISED, '2026-03-26', {}, S, small);
    expect(result.today).toMatchObject([{ type: 'second_reminder', channel: 'email', reason: { code: 'promise_broken', promisedDate: '2026-03-25' } }]);
  });
});

describe('payment plan', () => {
  const PLAN = [
    ...FIRST_DONE,
    ev('2026-03-16', {
      kind: 'payment_plan',
      deposit: { dueDate: '2026-03-16', amount: 400 },
      instalments: [
        { dueDate: '2026-03-31', amount: 400 },
        { dueDate: '2026-04-15', amount: 400 },
      ],
    }),
    ev('2026-03-16', { kind: 'partial_payment', amount: 400, paidOn: '2026-03-16' }),
  ];
  const CONFIRMED = [...PLAN, drafted('2026-03-16', 'call_follow_up')];

  it('replaces the ladder: written confirmation the same day, then a reminder before each instalment', () => {
    const result = plan(PLAN, '2026-03-16');
    expect(result).toMatchObject({ status: 'on_plan', pausedUntil: '2026-04-15', outstanding: 800 });
    expect(result.today).toMatchObject([{ type: 'plan_confirmation', step: 'call_follow_up', tone: 'friendly', reason: { code: 'plan_agreed', planDate: '2026-03-16' } }]);
    expect(result.next).toMatchObject({ type: 'instalment_reminder', date: '2026-03-27', step: 'pre_reminder', reason: { code: 'instalment_upcoming', instalmentDate: '2026-03-31', amount: 400, number: 2, of: 3 } });
  });

  it('the instalment reminder, then nothing while instalments are paid', () => {
    expect(briefs(plan(CONFIRMED, '2026-03-27').today)).toEqual(['2026-03-27 instalment_reminder']);
    const paid = [...CONFIRMED, drafted('2026-03-27', 'pre_reminder'), ev('2026-03-31', { kind: 'partial_payment', amount: 400, paidOn: '2026-03-31' })];
    const result = plan(paid, '2026-04-01');
    expect(result.today).toEqual([]);
    expect(result.next).toMatchObject({ type: 'instalment_reminder', date: '2026-04-10', reason: { instalmentDate: '2026-04-15', number: 3 } });
  });

  it('a missed instalment: a call the day after', () => {
    const result = plan([...CONFIRMED, drafted('2026-03-27', 'pre_reminder')], '2026-04-01');
    expect(result.today).toMatchObject([{ type: 'instalment_follow_up', channel: 'phone', step: 'call', reason: { code: 'instalment_missed', instalmentDate: '2026-03-31', number: 2, of: 3, missedAmount: 400 } }]);
  });

  it('all instalments paid: paid', () => {
    const events = [...CONFIRMED, ev('2026-03-31', { kind: 'partial_payment', amount: 400, paidOn: '2026-03-31' }), ev('2026-04-15', { kind: 'partial_payment', amount: 400, paidOn: '2026-04-15' })];
    expect(plan(events, '2026-04-16')).toMatchObject({ status: 'paid', today: [], next: null });
  });

  it('the plan over with an instalment unpaid: its follow-up, then the ladder resumes', () => {
    const events = [...CONFIRMED, drafted('2026-03-27', 'pre_reminder'), ev('2026-03-31', { kind: 'partial_payment', amount: 400, paidOn: '2026-03-31' }), drafted('2026-04-10', 'pre_reminder')];
    const result = plan(events, '2026-04-16');
    expect(result.status).toBe('overdue');
    expect(briefs(result.today)).toEqual(['2026-04-16 instalment_follow_up']);
    expect(brief(result.next)).toBe('2026-04-20 second_reminder');
  });

  it('client in difficulty: offer a plan (deposit now, 15 days, 30 days)', () => {
    const result = plan(PRE_DONE, '2026-03-11', { profile: { flags: ['known_difficulty'] } });
    expect(result.advice).toEqual(['offer_payment_plan', 'check_payment_received']);
    expect(result.suggestedPlan).toEqual({ deposit: { dueDate: '2026-03-11', amount: 400 }, instalments: [{ dueDate: '2026-03-26', amount: 400 }, { dueDate: '2026-04-10', amount: 400 }] });
    expect(plan(CONFIRMED, '2026-03-20', { profile: { flags: ['known_difficulty'] } }).advice).not.toContain('offer_payment_plan');
  });

  it('suggestPlan: the balance takes the rounding', () => {
    expect(suggestPlan(1000, '2026-03-11')).toEqual({ deposit: { dueDate: '2026-03-11', amount: 333.33 }, instalments: [{ dueDate: '2026-03-26', amount: 333.33 }, { dueDate: '2026-04-10', amount: 333.34 }] });
  });
});

describe('profiles, causes and tone', () => {
  const SECOND_DUE = [...FIRST_DONE, call('2026-03-16', 'no_answer', '2026-04-30')];

  it('long-standing client: firm steps are softened, the formal notice stays formal', () => {
    const ctx = { profile: { flags: ['long_standing' as const] } };
    const events = [...PRE_DONE, call('2026-03-09', 'no_answer', '2026-04-30'), drafted('2026-03-11', 'first_reminder')];
    expect(plan(events, '2026-03-19', ctx).today).toMatchObject([{ type: 'second_reminder', tone: 'friendly' }]);
    expect(plan(events, '2026-04-03', ctx).today).toMatchObject([{ type: 'formal_notice', tone: 'formal' }]);
  });

  it('repeat late payer: advice from the history, and no softening', () => {
    const history = [
      { invoiceId: 'old-1', dueDate: '2025-10-31', paidOn: '2025-12-01' },
      { invoiceId: 'old-2', dueDate: '2025-12-31', paidOn: '2026-01-20' },
    ];
    const result = plan(SECOND_DUE, '2026-03-19', { profile: { flags: ['long_standing'] }, history });
    expect(result.traits.repeatLatePayer).toBe(true);
    expect(result.today).toMatchObject([{ type: 'second_reminder', tone: 'firm' }]);
    expect(result.advice).toEqual(['call_before_writing', 'document_history', 'ask_deposit_on_future_work', 'consider_suspending_service']);
  });

  it('bad faith: firm from the first reminder, no further reminders, the formal notice at its date', () => {
    const ctx = { cause: 'bad_faith' as const };
    expect(plan(PRE_DONE, '2026-03-11', ctx).today).toMatchObject([{ type: 'first_reminder', tone: 'firm' }]);
    const second = [...SECOND_DUE, drafted('2026-03-19', 'second_reminder')];
    const result = plan(second, '2026-03-20', ctx);
    expect(brief(result.next)).toBe('2026-04-03 formal_notice');
    expect(result.advice).toEqual(['keep_written_evidence', 'skip_further_reminders']);
    const sent = [...second, ev('2026-04-03', { kind: 'formal_notice', sentOn: '2026-04-03', deadline: '2026-04-11' })];
    expect(plan(sent, '2026-04-13', ctx).today[0]?.reason).toMatchObject({ routes: ['injonction_de_payer', 'small_claims_procedure', 'collection_agency'] });
  });

  it('oversight: resend the invoice; cash trouble: offer a plan', () => {
    expect(plan(PRE_DONE, '2026-03-11', { cause: 'oversight' }).advice).toEqual(['resend_invoice_copy', 'check_payment_received']);
    expect(plan(PRE_DONE, '2026-03-11', { cause: 'cash_trouble' }).advice).toContain('offer_payment_plan');
  });

  it('the plan tone is the tone of the first action today, else of the next one', () => {
    expect(plan(PRE_DONE, '2026-03-05').tone).toBe('friendly');
    expect(plan(SECOND_DUE, '2026-03-19').tone).toBe('firm');
  });
});

describe('input', () => {
  it('events in any order give the same plan', () => {
    const events = [...FIRST_DONE, call('2026-03-16', 'no_answer', '2026-04-30'), drafted('2026-03-19', 'second_reminder')];
    expect(plan([...events].reverse(), '2026-03-26')).toEqual(plan(events, '2026-03-26'));
  });

  it('events dated after today are not known yet', () => {
    const events = [...PRE_DONE, ev('2026-03-20', { kind: 'payment', paidOn: '2026-03-20' })];
    expect(plan(events, '2026-03-11').today).toMatchObject([{ type: 'first_reminder' }]);
  });

  it('refuses invalid settings and dates', () => {
    expect(() => plan([], '2026-03-11', {}, { ...S, minimumGap: -1 })).toThrow(ChasingSettingsError);
    expect(() => plan([], '11/03/2026')).toThrow(RangeError);
  });
});

describe('codes for the UI', () => {
  it('lists every reason and advice code once', () => {
    // Compile-time: a reason code missing from ACTION_REASON_CODES fails the type check here.
    const complete: [Exclude<ActionReasonCode, (typeof ACTION_REASON_CODES)[number]>] extends [never] ? true : false = true;
    expect(complete).toBe(true);
    expect(new Set(ACTION_REASON_CODES).size).toBe(ACTION_REASON_CODES.length);
    expect(new Set(ADVICE_CODES).size).toBe(ADVICE_CODES.length);
  });
});
