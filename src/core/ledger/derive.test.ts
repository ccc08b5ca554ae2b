import { describe, expect, it } from 'vitest';
import { ChasingSettingsError, DEFAULT_CHASING_SETTINGS, nextActions } from '../chasing';
import type { LedgerEvent } from './events';
import { clientInvoiceRecord, deriveInvoiceState, isOpenStatus, ledgerChasingSettings, ledgerIndexKeys, type DeriveContext } from './derive';
import { CLIENT, SETTINGS, events, invoice } from './ledger.test-support';
import type { Client, LedgerInvoice, LedgerSettings } from './model';

const INVOICE = invoice();
const ev = events();
const TRACKED = ev('2026-02-02', { kind: 'tracked' });

function derive(logbook: LedgerEvent[], today: string, options: { invoice?: LedgerInvoice; settings?: LedgerSettings; client?: Client | null; history?: DeriveContext['history'] } = {}) {
  return deriveInvoiceState(options.invoice ?? INVOICE, [TRACKED, ...logbook], options.settings ?? SETTINGS, today, { client: options.client === undefined ? CLIENT : options.client, history: options.history ?? null });
}

describe('an invoice just tracked', () => {
  it('before the pre-reminder window: open, nothing received, nothing done', () => {
    const state = derive([], '2026-02-10');
    expect(state).toMatchObject({
      status: 'not_due',
      open: true,
      outstanding: 1200,
      balance: 1200,
      received: 0,
      overpaid: 0,
      paidOn: null,
      daysPastDue: -22,
      daysLate: 0,
      lastContact: null,
      currentStep: null,
      disputed: false,
      promise: null,
      promisedDate: null,
      paymentPlan: null,
      formalNotice: null,
      escalation: null,
      agreedCall: null,
      eventCount: 1,
      futureEventCount: 0,
    });
    expect(state.nextAction).toMatchObject({ type: 'pre_reminder', date: '2026-02-27' });
    // Not late: no interest, no indemnity; the rate is not even looked up.
    expect(state.penalty).toMatchObject({ kind: 'computed', interest: 0, fixedIndemnity: null, total: 1200 });
    // 5 years from the due date (B2B).
    expect(state.prescription).toMatchObject({ periodYears: 5, expiresOn: '2031-03-04', level: 'none' });
  });

  it('the status and next action are the ladder’s, with the same settings and today', () => {
    const state = derive([], '2026-03-24');
    const plan = nextActions(INVOICE, [TRACKED], DEFAULT_CHASING_SETTINGS, '2026-03-24');
    expect(state.ladder).toEqual(plan);
    expect(state.status).toBe('overdue');
    expect(state.nextAction).toEqual(plan.today[0]);
    expect(state.nextAction).toMatchObject({ type: 'second_reminder', skipped: ['first_reminder'], overdueSince: '2026-03-19' });
  });

  it('nextAction is the next one when nothing is due today', () => {
    const state = derive([ev('2026-02-27', { kind: 'reminder_drafted', step: 'pre_reminder' })], '2026-03-02');
    expect(state.ladder.today).toEqual([]);
    expect(state.nextAction).toEqual(state.ladder.next);
    expect(state.nextAction).toMatchObject({ type: 'first_reminder', date: '2026-03-11' });
  });
});

describe('payments', () => {
  it('a partial payment lowers the outstanding amount (as the ladder counts it)', () => {
    const state = derive([ev('2026-03-05', { kind: 'partial_payment', amount: 500, paidOn: '2026-03-05' })], '2026-03-11');
    expect(state).toMatchObject({ status: 'overdue', open: true, outstanding: 700, balance: 700, received: 500, paidOn: null, daysLate: 7 });
    expect(state.outstanding).toBe(state.ladder.outstanding);
  });

  it('partial payments reaching the amount: paid on the day the last needed one was made', () => {
    // Recorded out of order: the 600 paid on the 12th is logged after the 600 paid on the 20th.
    const state = derive(
      [
        ev('2026-03-20', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-20' }),
        ev('2026-03-21', { kind: 'partial_payment', amount: 600.0, paidOn: '2026-03-12' }),
      ],
      '2026-03-25',
    );
    expect(state).toMatchObject({ status: 'paid', open: false, outstanding: 0, balance: 0, received: 1200, paidOn: '2026-03-20', daysLate: 16 });
    expect(state.ladder.today).toEqual([]);
    expect(state.ladder.next).toBeNull();
    expect(state.nextAction).toBeNull();
    expect(state.prescription).toBeNull();
  });

  it('cents add up exactly: 0.10 + 0.20 + … reaching 0.30', () => {
    const state = derive([ev('2026-03-05', { kind: 'partial_payment', amount: 0.1, paidOn: '2026-03-05' }), ev('2026-03-06', { kind: 'partial_payment', amount: 0.2, paidOn: '2026-03-06' })], '2026-03-10', {
      invoice: invoice({ amount: 0.3 }),
    });
    expect(state).toMatchObject({ status: 'paid', outstanding: 0, received: 0.3, paidOn: '2026-03-06' });
  });

  it('a payment without amount settles the balance; interest runs to the payment day', () => {
    const state = derive([ev('2026-03-10', { kind: 'partial_payment', amount: 200, paidOn: '2026-03-10' }), ev('2026-03-30', { kind: 'payment', paidOn: '2026-03-24' })], '2026-04-15');
    expect(state).toMatchObject({ status: 'paid', outstanding: 0, received: 1200, overpaid: 0, paidOn: '2026-03-24', daysLate: 20 });
    // 1,200 from 5 to 10 March (6 days), 1,000 from 11 to 24 March (14 days), at 12.15 %:
    // (1200 × 6 + 1000 × 14) × 0.1215 / 365 = 21,200 × 0.1215 / 365 = 7.0570 → 7.06.
    expect(state.penalty).toMatchObject({ kind: 'computed', asOf: '2026-03-24', interest: 7.06, fixedIndemnity: { amount: 40, currency: 'EUR' } });
  });

  it('a payment of more than the amount: overpaid', () => {
    const state = derive([ev('2026-03-04', { kind: 'payment', paidOn: '2026-03-04', amount: 1250 })], '2026-03-10');
    expect(state).toMatchObject({ status: 'paid', outstanding: 0, received: 1250, overpaid: 50, paidOn: '2026-03-04', daysLate: 0 });
    expect(state.penalty).toMatchObject({ kind: 'computed', interest: 0, fixedIndemnity: null });
  });

  it('paid early: days late 0, never negative', () => {
    expect(derive([ev('2026-02-20', { kind: 'payment', paidOn: '2026-02-20' })], '2026-03-10')).toMatchObject({ status: 'paid', daysLate: 0, paidOn: '2026-02-20' });
  });

  it('an unknown amount: outstanding unknown until a payment closes it', () => {
    const unknown = invoice({ amount: null });
    expect(derive([ev('2026-03-05', { kind: 'partial_payment', amount: 100, paidOn: '2026-03-05' })], '2026-03-10', { invoice: unknown })).toMatchObject({ open: true, outstanding: null, balance: null, received: 100 });
    expect(derive([ev('2026-03-05', { kind: 'payment', paidOn: '2026-03-05' })], '2026-03-10', { invoice: unknown })).toMatchObject({ status: 'paid', outstanding: 0, balance: 0, received: 0 });
    expect(derive([], '2026-03-10', { invoice: unknown }).penalty).toEqual({ kind: 'not_computed', reason: 'amount_unknown' });
  });
});

describe('write-off', () => {
  it('closes the invoice: nothing receivable, the balance stays the debt in law', () => {
    const state = derive([ev('2026-03-05', { kind: 'partial_payment', amount: 300, paidOn: '2026-03-05' }), ev('2026-06-01', { kind: 'write_off', reason: 'client liquidated' })], '2026-06-02');
    expect(state).toMatchObject({ status: 'written_off', open: false, outstanding: 0, balance: 900, received: 300, paidOn: null, daysLate: null, writtenOff: { on: '2026-06-01', reason: 'client liquidated' } });
    expect(state.ladder.today).toEqual([]);
    expect(state.nextAction).toBeNull();
  });

  it('a payment after a write-off wins: paid', () => {
    expect(derive([ev('2026-06-01', { kind: 'write_off', reason: 'gave up' }), ev('2026-06-10', { kind: 'payment', paidOn: '2026-06-10' })], '2026-06-11')).toMatchObject({ status: 'paid', writtenOff: null });
  });
});

describe('disputes, promises, plans', () => {
  it('an open dispute: disputed with its reason and start; resolved: chasing resumes', () => {
    const opened = ev('2026-03-12', { kind: 'dispute_opened', reason: 'missing delivery note' });
    expect(derive([opened], '2026-03-20')).toMatchObject({ status: 'disputed', disputed: true, dispute: { since: '2026-03-12', reason: 'missing delivery note' }, nextAction: null });
    const resolved = derive([opened, ev('2026-03-18', { kind: 'dispute_resolved', resolution: 'note sent' })], '2026-03-20');
    expect(resolved).toMatchObject({ status: 'overdue', disputed: false, dispute: null });
  });

  it('the dispute cause without dispute events: disputed, no dispute record', () => {
    expect(derive([], '2026-03-20', { invoice: invoice({ cause: 'dispute' }) })).toMatchObject({ status: 'disputed', disputed: true, dispute: null });
  });

  it('a promise: pending until its date, then broken, or kept by the amount', () => {
    const promise = ev('2026-03-12', { kind: 'promise', promisedDate: '2026-03-20', amount: 1200 });
    expect(derive([promise], '2026-03-15')).toMatchObject({ status: 'promised', promisedDate: '2026-03-20', promise: { madeOn: '2026-03-12', promisedDate: '2026-03-20', amount: 1200, state: 'pending' } });
    expect(derive([promise], '2026-03-21')).toMatchObject({ promisedDate: null, promise: { state: 'broken' } });
    const half = ev('2026-03-19', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-19' });
    expect(derive([promise, half], '2026-03-21')).toMatchObject({ promise: { state: 'broken' }, outstanding: 600 });
    const kept = derive([ev('2026-03-12', { kind: 'promise', promisedDate: '2026-03-20', amount: 600 }), half], '2026-03-21');
    expect(kept).toMatchObject({ promise: { state: 'kept', amount: 600 }, outstanding: 600 });
  });

  it('a promise made during a call counts; a promised date already past when recorded does not', () => {
    const call = ev('2026-03-16', { kind: 'call', calledAt: '2026-03-16T10:00', who: 'M. Bernard', outcome: 'answered', promisedDate: '2026-03-25', promisedAmount: 1200, nextCallDate: '2026-03-26' });
    expect(derive([call], '2026-03-17')).toMatchObject({ promise: { madeOn: '2026-03-16', promisedDate: '2026-03-25', state: 'pending' }, promisedDate: '2026-03-25' });
    expect(derive([ev('2026-03-16', { kind: 'promise', promisedDate: '2026-03-10' })], '2026-03-17').promise).toBeNull();
  });

  it('a plan agreed after a promise replaces it', () => {
    const state = derive(
      [ev('2026-03-12', { kind: 'promise', promisedDate: '2026-03-20' }), ev('2026-03-14', { kind: 'payment_plan', instalments: [{ dueDate: '2026-03-30', amount: 600 }, { dueDate: '2026-04-30', amount: 600 }] })],
      '2026-03-15',
    );
    expect(state).toMatchObject({ status: 'on_plan', promise: { state: 'replaced' }, promisedDate: null });
  });

  it('a payment plan: instalments paid by the payments since it, the next one, the missed ones', () => {
    const plan = ev('2026-03-16', {
      kind: 'payment_plan',
      deposit: { dueDate: '2026-03-16', amount: 200 },
      instalments: [
        { dueDate: '2026-04-15', amount: 500 },
        { dueDate: '2026-03-31', amount: 500 },
      ],
    });
    const deposit = ev('2026-03-16', { kind: 'partial_payment', amount: 200, paidOn: '2026-03-16' });
    const state = derive([plan, deposit], '2026-04-02');
    expect(state.status).toBe('on_plan');
    expect(state.paymentPlan).toEqual({
      agreedOn: '2026-03-16',
      instalments: [
        { dueDate: '2026-03-16', amount: 200, paid: true },
        { dueDate: '2026-03-31', amount: 500, paid: false },
        { dueDate: '2026-04-15', amount: 500, paid: false },
      ],
      nextInstalment: { dueDate: '2026-03-31', amount: 500, paid: false },
      missed: [{ dueDate: '2026-03-31', amount: 500, paid: false }],
    });
    // A payment made before the plan does not pay its instalments.
    const before = derive([ev('2026-03-10', { kind: 'partial_payment', amount: 200, paidOn: '2026-03-10' }), plan], '2026-03-17');
    expect(before.paymentPlan?.instalments[0]).toMatchObject({ paid: false });
  });
});

describe('contacts, steps, formal notice, escalation', () => {
  it('the furthest step done and the latest contact', () => {
    const log = [
      ev('2026-02-27', { kind: 'reminder_drafted', step: 'pre_reminder' }),
      ev('2026-03-11', { kind: 'reminder_sent', step: 'first_reminder', messageId: '#msg-a:r1' }),
      ev('2026-03-16', { kind: 'call', calledAt: '2026-03-16T10:00', who: 'M. Bernard', outcome: 'no_answer', nextCallDate: '2026-03-23' }),
      ev('2026-03-17', { kind: 'note', text: 'accounts department closed until Monday' }),
    ];
    expect(derive(log, '2026-03-17')).toMatchObject({ currentStep: 'call', lastContact: { day: '2026-03-16', kind: 'call' }, agreedCall: { date: '2026-03-23', agreedOn: '2026-03-16' } });
    const second = [...log, ev('2026-03-19', { kind: 'reminder_drafted', step: 'second_reminder' })];
    expect(derive(second, '2026-03-20')).toMatchObject({ currentStep: 'second_reminder', lastContact: { day: '2026-03-19', kind: 'reminder_drafted' } });
    // A visit after the call: the agreed call is no longer pending.
    expect(derive([...log, ev('2026-03-18', { kind: 'visit', who: 'M. Bernard' })], '2026-03-20').agreedCall).toBeNull();
  });

  it('formal notice with its registered letter, then escalation', () => {
    const log = [
      ev('2026-03-11', { kind: 'reminder_drafted', step: 'first_reminder' }),
      ev('2026-03-19', { kind: 'reminder_drafted', step: 'second_reminder' }),
      ev('2026-04-03', { kind: 'formal_notice', sentOn: '2026-04-03', deadline: '2026-04-11' }),
      ev('2026-04-03', { kind: 'letter', step: 'formal_notice', registered: true, trackingNumber: '1A 234 567 8901 2' }),
      ev('2026-04-06', { kind: 'letter', step: 'formal_notice', registered: true, trackingNumber: '1A 234 567 8901 2', acknowledgedOn: '2026-04-06' }),
    ];
    const noticed = derive(log, '2026-04-08');
    expect(noticed).toMatchObject({ status: 'formal_notice_sent', currentStep: 'formal_notice', formalNotice: { sentOn: '2026-04-03', deadline: '2026-04-11', trackingNumber: '1A 234 567 8901 2', acknowledgedOn: '2026-04-06' } });
    const escalated = derive([...log, ev('2026-04-14', { kind: 'escalation', route: 'injonction_de_payer', filedOn: '2026-04-14' })], '2026-04-15');
    expect(escalated).toMatchObject({ status: 'escalated', currentStep: 'escalation', escalation: { route: 'injonction_de_payer', filedOn: '2026-04-14' }, nextAction: null });
    // A court action interrupts prescription: a new 5-year period from the filing.
    expect(escalated.prescription).toMatchObject({ runsFrom: '2026-04-14', expiresOn: '2031-04-14' });
  });
});

describe('what the derivation reads', () => {
  const log = [
    ev('2026-03-05', { kind: 'partial_payment', amount: 500, paidOn: '2026-03-05' }),
    ev('2026-03-11', { kind: 'reminder_drafted', step: 'first_reminder' }),
    ev('2026-03-12', { kind: 'promise', promisedDate: '2026-03-20' }),
  ];

  it('events dated after today are not known yet', () => {
    const later = ev('2026-04-01', { kind: 'payment', paidOn: '2026-04-01' });
    const state = derive([...log, later], '2026-03-15');
    expect(state).toMatchObject({ status: 'promised', outstanding: 700, eventCount: 4, futureEventCount: 1 });
    expect(state).toEqual({ ...derive(log, '2026-03-15'), futureEventCount: 1 });
  });

  it('the order events are given in does not matter', () => {
    const all = [TRACKED, ...log];
    const forward = deriveInvoiceState(INVOICE, all, SETTINGS, '2026-03-15', { client: CLIENT });
    expect(deriveInvoiceState(INVOICE, [...all].reverse(), SETTINGS, '2026-03-15', { client: CLIENT })).toEqual(forward);
  });

  it('an event of another invoice is refused', () => {
    const stranger = { ...log[0]!, invoiceId: 'other' };
    expect(() => derive([stranger], '2026-03-15')).toThrow(RangeError);
  });

  it('a today that is not a date is refused', () => {
    expect(() => derive([], '2026-02-30')).toThrow(RangeError);
  });
});

describe('settings and client', () => {
  it('the client’s profile: a long-standing client is called first', () => {
    const state = derive([ev('2026-02-27', { kind: 'reminder_drafted', step: 'pre_reminder' })], '2026-03-09', { client: { ...CLIENT, flags: ['long_standing'] } });
    expect(state.nextAction).toMatchObject({ type: 'call', channel: 'phone', reason: { code: 'call_first', profile: 'long_standing' } });
  });

  it('the user’s ladder settings, then the client’s override', () => {
    const settings: LedgerSettings = { ...SETTINGS, chasing: { delays: { firstReminder: 10 } } };
    expect(ledgerChasingSettings(settings).delays.firstReminder).toBe(10);
    expect(ledgerChasingSettings(settings, { chasing: { delays: { firstReminder: 5 } } }).delays.firstReminder).toBe(5);
    expect(ledgerChasingSettings(settings, { chasing: null }).delays).toEqual({ ...DEFAULT_CHASING_SETTINGS.delays, firstReminder: 10 });
    const state = derive([ev('2026-02-27', { kind: 'reminder_drafted', step: 'pre_reminder' })], '2026-03-05', { settings, client: { ...CLIENT, chasing: { delays: { firstReminder: 12 } } } });
    // Due 4 March + 12 = Monday 16 March.
    expect(state.nextAction).toMatchObject({ type: 'first_reminder', date: '2026-03-16' });
  });

  it('invalid settings throw the ladder’s error', () => {
    expect(() => derive([], '2026-03-05', { settings: { ...SETTINGS, chasing: { minimumGap: -1 } } })).toThrow(ChasingSettingsError);
  });

  it('the history makes a repeat late payer (tone and advice only)', () => {
    const history = [
      { invoiceId: 'a', dueDate: '2025-10-01', paidOn: '2025-11-15' },
      { invoiceId: 'b', dueDate: '2025-12-01', paidOn: '2026-01-20' },
    ];
    const with_ = derive([], '2026-03-24', { history });
    const without = derive([], '2026-03-24');
    expect(with_.ladder.traits.repeatLatePayer).toBe(true);
    expect(with_.ladder.advice).toContain('document_history');
    expect(with_.ladder.today.map((a) => [a.type, a.date])).toEqual(without.ladder.today.map((a) => [a.type, a.date]));
  });
});

describe('interest and indemnity today', () => {
  it('FR B2B at ECB + 10 points: 20 days on 1,200 EUR', () => {
    // 5 to 24 March 2026 = 20 days at 2.15 + 10 = 12.15 %: 1,200 × 0.1215 × 20 / 365 = 7.989 → 7.99.
    const state = derive([], '2026-03-24');
    expect(state.penalty).toMatchObject({ kind: 'computed', asOf: '2026-03-24', currency: 'EUR', interest: 7.99, fixedIndemnity: { amount: 40, currency: 'EUR' }, total: 1247.99 });
  });

  it('an unknown reference rate: rate_unknown with the table and half-year, never a guess', () => {
    expect(derive([], '2026-07-10').penalty).toEqual({
      kind: 'rate_unknown',
      table: 'ECB_MRO',
      period: '2026-H2',
      message: 'rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings',
    });
  });

  it('a rate the user entered is used', () => {
    const settings: LedgerSettings = { ...SETTINGS, penalty: { ...SETTINGS.penalty, rateOverrides: [{ table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.15 }] } };
    expect(derive([], '2026-07-10', { settings }).penalty).toMatchObject({ kind: 'computed', asOf: '2026-07-10' });
  });

  it('an agreed rate from the terms of sale', () => {
    // 20 days at 15 %: 1,200 × 0.15 × 20 / 365 = 9.863 → 9.86.
    const settings: LedgerSettings = { ...SETTINGS, penalty: { ...SETTINGS.penalty, agreedRatePercent: 15 } };
    expect(derive([], '2026-03-24', { settings }).penalty).toMatchObject({ kind: 'computed', interest: 9.86 });
  });

  it('a consumer in France: no indemnity, interest only from the formal notice, 2-year prescription', () => {
    const consumer = { ...CLIENT, b2b: false };
    const state = derive([], '2026-03-24', { client: consumer });
    expect(state.penalty).toMatchObject({ kind: 'computed', interest: 0, fixedIndemnity: null });
    expect(state.prescription).toMatchObject({ periodYears: 2, expiresOn: '2028-03-04' });
    // Formal notice on 3 April: interest from 4 to 23 April = 20 days at the legal rate of 2026-H1,
    // "all other cases" column (the creditor is a professional), 2.62 %: 1,200 × 0.0262 × 20 / 365
    // = 1.7227 → 1.72.
    const noticed = derive([ev('2026-04-03', { kind: 'formal_notice', sentOn: '2026-04-03', deadline: '2026-04-11' })], '2026-04-23', { client: consumer });
    expect(noticed.penalty).toMatchObject({ kind: 'computed', interest: 1.72 });
  });

  it('the client’s jurisdiction: a UK consumer is out of the act’s scope (an error, not a figure)', () => {
    const state = derive([], '2026-03-24', { client: { ...CLIENT, b2b: false, jurisdiction: 'UK' } });
    expect(state.penalty).toMatchObject({ kind: 'error', error: { code: 'out_of_scope' } });
    expect(state.prescription).toBeNull();
  });

  it('without due date or currency: not computed', () => {
    expect(derive([], '2026-03-24', { invoice: invoice({ dueDate: null }) }).penalty).toEqual({ kind: 'not_computed', reason: 'due_date_unknown' });
    expect(derive([], '2026-03-24', { invoice: invoice({ currency: null }) }).penalty).toEqual({ kind: 'not_computed', reason: 'currency_unknown' });
  });
});

describe('helpers for the store', () => {
  it('ledgerIndexKeys: open with its due date; nothing once paid or written off', () => {
    expect(ledgerIndexKeys(INVOICE, [TRACKED])).toEqual({ open: 1, openDueDate: '2026-03-04' });
    expect(ledgerIndexKeys(invoice({ dueDate: null }), [TRACKED])).toEqual({ open: 1 });
    expect(ledgerIndexKeys(INVOICE, [TRACKED, ev('2026-03-05', { kind: 'payment', paidOn: '2026-03-05' })])).toEqual({});
    expect(ledgerIndexKeys(INVOICE, [TRACKED, ev('2026-03-05', { kind: 'partial_payment', amount: 1200, paidOn: '2026-03-05' })])).toEqual({});
    expect(ledgerIndexKeys(INVOICE, [TRACKED, ev('2026-03-05', { kind: 'write_off', reason: 'x' })])).toEqual({});
    expect(ledgerIndexKeys(INVOICE, [TRACKED, ev('2026-03-05', { kind: 'partial_payment', amount: 1199.99, paidOn: '2026-03-05' })])).toEqual({ open: 1, openDueDate: '2026-03-04' });
  });

  it('clientInvoiceRecord: the due date and the day paid in full', () => {
    expect(clientInvoiceRecord(INVOICE, [TRACKED, ev('2026-03-20', { kind: 'payment', paidOn: '2026-03-18' })], '2026-03-25')).toEqual({ invoiceId: INVOICE.id, dueDate: '2026-03-04', paidOn: '2026-03-18' });
    expect(clientInvoiceRecord(INVOICE, [TRACKED, ev('2026-03-20', { kind: 'payment', paidOn: '2026-03-18' })], '2026-03-19')).toEqual({ invoiceId: INVOICE.id, dueDate: '2026-03-04', paidOn: null });
  });

  it('isOpenStatus', () => {
    expect(isOpenStatus('paid')).toBe(false);
    expect(isOpenStatus('written_off')).toBe(false);
    expect(isOpenStatus('disputed')).toBe(true);
    expect(isOpenStatus('escalated')).toBe(true);
  });
});
