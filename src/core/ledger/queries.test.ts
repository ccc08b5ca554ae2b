import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../model';
import { deriveInvoiceState, type InvoiceState } from './derive';
import type { LedgerEvent } from './events';
import { CLIENT, SETTINGS, events, invoice } from './ledger.test-support';
import type { EventInput } from './ledger.test-support';
import type { LedgerInvoice } from './model';
import { actionsDueToday, agingBucketOf, agingBuckets, badgeCount, clientHistory, daysSalesOutstanding, dueToday, outstandingByCurrency, overdue } from './queries';

/** Tuesday 31 March 2026. */
const TODAY = '2026-03-31';

/** An invoice with its logbook (day → event), derived on `today`. */
function state(number: string, fields: Partial<LedgerInvoice>, log: Array<[IsoDate, EventInput]> = [], today: IsoDate = TODAY): InvoiceState {
  const inv = invoice({ id: `inv-${number}`, invoiceNumber: number, ...fields });
  const ev = events(inv.id);
  const logbook: LedgerEvent[] = [ev(inv.issueDate ?? '2026-01-01', { kind: 'tracked' }), ...log.map(([day, input]) => ev(day, input))];
  return deriveInvoiceState(inv, logbook, SETTINGS, today);
}

/**
 * The book on 31 March 2026 (EUR unless said):
 *   F-001 1,000 issued 5 Jan, due 4 Feb (55 days late)                         open 1,000
 *   F-002 2,000 issued 20 Nov 2025, due 20 Dec 2025 (101 days), 500 paid       open 1,500
 *   F-003 3,000 issued 2 Mar, due 1 Apr (not due)                              open 3,000
 *   F-004 1,500 issued 1 Feb, due 3 Mar, paid 10 Mar                           paid
 *   F-005   800 GBP issued 15 Feb, due 17 Mar (14 days)                        open 800 GBP
 *   F-006   600 issued 10 Jan, due 31 Jan, written off                         closed
 *   F-007 amount unknown, due 10 Mar                                           open, unknown
 *   F-008   400 issued and due 31 Mar (today)                                  open 400
 *   F-009   700 issued 1 Dec 2025, due 1 Jan (89 days)                         open 700
 *   F-010 1,200 issued 20 Mar, no due date                                     open 1,200
 */
const BOOK: InvoiceState[] = [
  state('F-001', { amount: 1000, issueDate: '2026-01-05', dueDate: '2026-02-04' }),
  state('F-002', { amount: 2000, issueDate: '2025-11-20', dueDate: '2025-12-20' }, [['2026-01-15', { kind: 'partial_payment', amount: 500, paidOn: '2026-01-15' }]]),
  state('F-003', { amount: 3000, issueDate: '2026-03-02', dueDate: '2026-04-01' }),
  state('F-004', { amount: 1500, issueDate: '2026-02-01', dueDate: '2026-03-03' }, [['2026-03-10', { kind: 'payment', paidOn: '2026-03-10' }]]),
  state('F-005', { amount: 800, currency: 'GBP', issueDate: '2026-02-15', dueDate: '2026-03-17' }),
  state('F-006', { amount: 600, issueDate: '2026-01-10', dueDate: '2026-01-31' }, [['2026-03-15', { kind: 'write_off', reason: 'too small to chase' }]]),
  state('F-007', { amount: null, issueDate: '2026-02-08', dueDate: '2026-03-10' }),
  state('F-008', { amount: 400, issueDate: '2026-03-31', dueDate: '2026-03-31' }),
  state('F-009', { amount: 700, issueDate: '2025-12-01', dueDate: '2026-01-01' }),
  state('F-010', { amount: 1200, issueDate: '2026-03-20', dueDate: null }),
];
const numbers = (states: InvoiceState[]) => states.map((s) => s.invoiceNumber);

describe('due today, overdue', () => {
  it('due today: open invoices whose due date is today', () => {
    expect(numbers(dueToday(BOOK, TODAY))).toEqual(['F-008']);
    // Paid on its due date: not due any more.
    const paid = state('F-011', { dueDate: TODAY }, [[TODAY, { kind: 'payment', paidOn: TODAY }]]);
    expect(dueToday([...BOOK, paid], TODAY).map((s) => s.invoiceNumber)).toEqual(['F-008']);
  });

  it('overdue: open and past due, oldest due date first (paid and written off left out)', () => {
    expect(numbers(overdue(BOOK, TODAY))).toEqual(['F-002', 'F-009', 'F-001', 'F-007', 'F-005']);
  });

  it('refuses states derived for another day', () => {
    expect(() => dueToday(BOOK, '2026-04-01')).toThrow(RangeError);
  });
});

describe('outstanding by currency', () => {
  it('sums open invoices per currency, to the cent; unknown amounts counted apart', () => {
    // EUR: 1,000 + 1,500 + 3,000 + 400 + 700 + 1,200 = 7,800 (F-004 paid, F-006 written off).
    expect(outstandingByCurrency(BOOK)).toEqual({
      byCurrency: [
        { currency: 'EUR', amount: 7800, count: 6 },
        { currency: 'GBP', amount: 800, count: 1 },
      ],
      unknownCount: 1,
    });
  });

  it('no float drift: 0.10 + 0.20', () => {
    const a = state('C-1', { amount: 0.1 });
    const b = state('C-2', { amount: 0.2 });
    expect(outstandingByCurrency([a, b]).byCurrency).toEqual([{ currency: 'EUR', amount: 0.3, count: 2 }]);
  });
});

describe('aging', () => {
  it('bucket boundaries: ≤ 0 not due, 1-30, 31-60, 61-90, ≥ 91', () => {
    expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 400].map((days) => agingBucketOf(days))).toEqual(['not_due', 'not_due', '1_30', '1_30', '31_60', '31_60', '61_90', '61_90', 'over_90', 'over_90']);
    expect(agingBucketOf(null)).toBe('undated');
  });

  it('the book by age, per currency', () => {
    const report = agingBuckets(BOOK, TODAY);
    expect(report.unknownCount).toBe(1);
    expect(report.rows).toEqual([
      {
        currency: 'EUR',
        buckets: {
          // F-003 (due tomorrow) 3,000 + F-008 (due today) 400.
          not_due: { amount: 3400, count: 2 },
          '1_30': { amount: 0, count: 0 },
          // F-001, 55 days.
          '31_60': { amount: 1000, count: 1 },
          // F-009, 89 days.
          '61_90': { amount: 700, count: 1 },
          // F-002, 101 days, 2,000 - 500.
          over_90: { amount: 1500, count: 1 },
          // F-010.
          undated: { amount: 1200, count: 1 },
        },
        total: 7800,
      },
      {
        currency: 'GBP',
        buckets: {
          not_due: { amount: 0, count: 0 },
          '1_30': { amount: 800, count: 1 },
          '31_60': { amount: 0, count: 0 },
          '61_90': { amount: 0, count: 0 },
          over_90: { amount: 0, count: 0 },
          undated: { amount: 0, count: 0 },
        },
        total: 800,
      },
    ]);
  });

  it('totals agree with the outstanding amounts', () => {
    const outstanding = outstandingByCurrency(BOOK).byCurrency;
    expect(agingBuckets(BOOK, TODAY).rows.map((row) => [row.currency, row.total])).toEqual(outstanding.map((total) => [total.currency, total.amount]));
  });
});

describe('DSO', () => {
  it('90 days (1 January to 31 March): receivables / sales × 90, per currency', () => {
    // EUR receivables 7,800. Sales issued 1 Jan - 31 Mar: F-001 1,000, F-003 3,000, F-004 1,500,
    // F-006 600, F-008 400, F-010 1,200 = 7,700 (F-002, F-009 issued in 2025; F-007 no amount).
    // DSO = 7,800 / 7,700 × 90 = 91.17 → 91.2. GBP: 800 / 800 × 90 = 90.
    expect(daysSalesOutstanding(BOOK, TODAY)).toEqual({
      from: '2026-01-01',
      to: TODAY,
      days: 90,
      rows: [
        { currency: 'EUR', receivables: 7800, sales: 7700, dso: 91.2 },
        { currency: 'GBP', receivables: 800, sales: 800, dso: 90 },
      ],
    });
  });

  it('30 days (2 to 31 March): no GBP sales, DSO undefined', () => {
    // EUR sales: F-003 3,000, F-008 400, F-010 1,200 = 4,600. 7,800 / 4,600 × 30 = 50.87 → 50.9.
    expect(daysSalesOutstanding(BOOK, TODAY, { days: 30 })).toEqual({
      from: '2026-03-02',
      to: TODAY,
      days: 30,
      rows: [
        { currency: 'EUR', receivables: 7800, sales: 4600, dso: 50.9 },
        { currency: 'GBP', receivables: 800, sales: 0, dso: null },
      ],
    });
  });

  it('a simple case: half the quarter’s sales unpaid is 45 days', () => {
    const paid = state('S-1', { amount: 5000, issueDate: '2026-01-15', dueDate: '2026-02-14' }, [['2026-02-10', { kind: 'payment', paidOn: '2026-02-10' }]]);
    const open = state('S-2', { amount: 5000, issueDate: '2026-03-01', dueDate: '2026-03-31' });
    expect(daysSalesOutstanding([paid, open], TODAY).rows).toEqual([{ currency: 'EUR', receivables: 5000, sales: 10000, dso: 45 }]);
  });

  it('refuses a window that is not a whole number of days', () => {
    expect(() => daysSalesOutstanding(BOOK, TODAY, { days: 0 })).toThrow(RangeError);
    expect(() => daysSalesOutstanding(BOOK, TODAY, { days: 1.5 })).toThrow(RangeError);
  });
});

describe('actions due today and the badge', () => {
  // A promise falling due today: the ladder waits (paused), the user checks the payment.
  const promised = state('A-1', { amount: 900, issueDate: '2026-02-01', dueDate: '2026-03-03' }, [['2026-03-20', { kind: 'promise', promisedDate: TODAY, amount: 900 }]]);
  // An instalment due today (the plan was confirmed in writing, the instalment's reminder sent).
  const PLAN: Array<[IsoDate, EventInput]> = [
    ['2026-03-16', { kind: 'payment_plan', instalments: [{ dueDate: TODAY, amount: 500 }, { dueDate: '2026-04-30', amount: 500 }] }],
    ['2026-03-16', { kind: 'reminder_drafted', step: 'call_follow_up' }],
  ];
  const onPlan = state('A-2', { amount: 1000, issueDate: '2026-02-01', dueDate: '2026-03-03' }, [...PLAN, ['2026-03-27', { kind: 'reminder_drafted', step: 'pre_reminder' }]]);
  // The call agreed last week.
  const agreed = state('A-3', { amount: 1500, issueDate: '2026-02-20', dueDate: '2026-03-20' }, [
    ['2026-03-20', { kind: 'reminder_drafted', step: 'pre_reminder' }],
    ['2026-03-24', { kind: 'call', calledAt: '2026-03-24T11:00', who: 'Mme Petit', outcome: 'no_answer', nextCallDate: TODAY }],
  ]);
  // The ladder's first reminder: due 24 March + 7.
  const firstReminder = state('A-4', { amount: 2000, issueDate: '2026-02-22', dueDate: '2026-03-24' }, [['2026-03-19', { kind: 'reminder_drafted', step: 'pre_reminder' }]]);
  // Due today, nothing to do yet (the pre-reminder was sent).
  const due = state('A-5', { amount: 300, issueDate: '2026-03-01', dueDate: TODAY }, [['2026-03-26', { kind: 'reminder_drafted', step: 'pre_reminder' }]]);
  // Paid: nothing, even with an old agreed call.
  const paid = state('A-6', { amount: 300, issueDate: '2026-02-01', dueDate: '2026-03-03' }, [
    ['2026-03-10', { kind: 'call', calledAt: '2026-03-10T09:00', who: 'X', outcome: 'answered', nextCallDate: TODAY }],
    ['2026-03-12', { kind: 'payment', paidOn: '2026-03-12' }],
  ]);
  const ALL = [due, paid, firstReminder, agreed, onPlan, promised];

  it('lists the ladder’s actions and the payments expected today, most overdue invoice first', () => {
    const items = actionsDueToday(ALL, TODAY);
    expect(items.map((item) => [item.invoiceNumber, item.category, item.type, item.expectedAmount])).toEqual([
      ['A-1', 'promise', 'promise_due', 900],
      ['A-2', 'instalment', 'instalment_due', 500],
      ['A-3', 'call', 'agreed_call', null],
      ['A-4', 'ladder_step', 'first_reminder', null],
    ]);
    expect(items[2]!.action).toMatchObject({ type: 'agreed_call', channel: 'phone', date: TODAY });
    expect(items[0]!.action).toBeNull();
  });

  it('an instalment whose reminder is still to send today is one item, the reminder', () => {
    const reminderLate = state('A-2', { amount: 1000, issueDate: '2026-02-01', dueDate: '2026-03-03' }, PLAN);
    expect(actionsDueToday([reminderLate], TODAY).map((item) => [item.type, item.action?.overdueSince])).toEqual([['instalment_reminder', '2026-03-27']]);
  });

  it('the badge: every item, plus the invoices due today that have none', () => {
    // 4 items + A-5 due today.
    expect(badgeCount(ALL, TODAY)).toBe(5);
    expect(badgeCount([], TODAY)).toBe(0);
  });

  it('an invoice due today with an action counts once', () => {
    const callFirst = deriveInvoiceState(invoice({ id: 'B-1', invoiceNumber: 'B-1', dueDate: TODAY }), [events('B-1')('2026-03-01', { kind: 'tracked' }), events('B-1')('2026-03-27', { kind: 'call', calledAt: '2026-03-27T10:00', who: 'X', outcome: 'no_answer', nextCallDate: TODAY })], SETTINGS, TODAY, {
      client: CLIENT,
    });
    expect(actionsDueToday([callFirst], TODAY).map((item) => item.type)).toEqual(['agreed_call']);
    expect(badgeCount([callFirst], TODAY)).toBe(1);
  });

  it('at the weekend the ladder proposes nothing: only what is due or expected that day', () => {
    const saturday = '2026-04-04';
    const dueSaturday = state('W-1', { amount: 100, dueDate: saturday }, [], saturday);
    const overdueInvoice = state('W-2', { amount: 100, dueDate: '2026-03-03' }, [], saturday);
    expect(actionsDueToday([dueSaturday, overdueInvoice], saturday)).toEqual([]);
    expect(badgeCount([dueSaturday, overdueInvoice], saturday)).toBe(1);
  });
});

describe('client history', () => {
  const c = (number: string, fields: Partial<LedgerInvoice>, log: Array<[IsoDate, EventInput]> = []) => state(number, { amount: 500, issueDate: '2025-12-01', ...fields }, log);
  const HISTORY = [
    // 10 days late.
    c('X-1', { dueDate: '2026-01-10' }, [['2026-01-20', { kind: 'payment', paidOn: '2026-01-20' }]]),
    // Early: 0.
    c('X-2', { dueDate: '2026-02-01' }, [['2026-01-28', { kind: 'payment', paidOn: '2026-01-28' }]]),
    // 15 February to 17 March: 30 days late, by two partial payments.
    c('X-3', { dueDate: '2026-02-15' }, [
      ['2026-03-01', { kind: 'partial_payment', amount: 200, paidOn: '2026-03-01' }],
      ['2026-03-17', { kind: 'partial_payment', amount: 300, paidOn: '2026-03-17' }],
    ]),
    // Open, 100 paid: 400 outstanding, 11 days late so far.
    c('X-4', { dueDate: '2026-03-20' }, [['2026-03-25', { kind: 'partial_payment', amount: 100, paidOn: '2026-03-25' }]]),
    // Written off, never paid: 85 days late so far for the rule.
    c('X-5', { dueDate: '2026-01-05' }, [['2026-03-01', { kind: 'write_off', reason: 'gone' }]]),
  ];

  it('counts, average days late over the invoices paid, the repeat-late-payer rule, what is owed', () => {
    const history = clientHistory(CLIENT.id, HISTORY, TODAY);
    expect(history).toMatchObject({
      clientId: CLIENT.id,
      invoiceCount: 5,
      openCount: 1,
      paidCount: 3,
      writtenOffCount: 1,
      paidLateCount: 2,
      repeatLatePayer: true,
      outstanding: [{ currency: 'EUR', amount: 400, count: 1 }],
      lastPaidOn: '2026-03-17',
    });
    // (10 + 0 + 30) / 3.
    expect(history.averageDaysLate).toBeCloseTo(40 / 3, 10);
    // The rule's window: the 5 invoices (all due; unpaid ones past the 5-day grace), late > 5 days:
    // X-1 10, X-3 30, X-4 11, X-5 85 → 4; mean (10 + 0 + 30 + 11 + 85) / 5 = 27.2.
    expect(history.latePayment).toEqual({ considered: 5, late: 4, averageDaysLate: 27.2 });
  });

  it('one late payment is not a habit', () => {
    const history = clientHistory(CLIENT.id, HISTORY.slice(0, 2), TODAY);
    expect(history).toMatchObject({ averageDaysLate: 5, paidLateCount: 1, repeatLatePayer: false });
  });

  it('no invoice paid: no average', () => {
    expect(clientHistory(CLIENT.id, [HISTORY[3]!], TODAY).averageDaysLate).toBeNull();
    expect(clientHistory('nobody', [], TODAY)).toMatchObject({ invoiceCount: 0, averageDaysLate: null, repeatLatePayer: false, outstanding: [] });
  });

  it('refuses an invoice of another client', () => {
    expect(() => clientHistory('someone-else', HISTORY, TODAY)).toThrow(RangeError);
  });
});
