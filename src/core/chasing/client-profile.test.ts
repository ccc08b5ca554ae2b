import { describe, expect, it } from 'vitest';
import { clientTraits, isRepeatLatePayer, isSmallAmount, latePaymentRecord, type ClientInvoiceRecord } from './client-profile';

const inv = (invoiceId: string, dueDate: string | null, paidOn: string | null): ClientInvoiceRecord => ({ invoiceId, dueDate, paidOn });
const TODAY = '2026-06-30';

describe('latePaymentRecord / isRepeatLatePayer', () => {
  it('two invoices paid more than 5 days late among the last five: repeat late payer', () => {
    const history = [inv('a', '2026-01-31', '2026-02-20'), inv('b', '2026-02-28', '2026-03-01'), inv('c', '2026-03-31', '2026-04-15')];
    expect(latePaymentRecord(history, TODAY)).toEqual({ considered: 3, late: 2, averageDaysLate: (20 + 1 + 15) / 3 });
    expect(isRepeatLatePayer(history, TODAY)).toBe(true);
  });

  it('a few days late is within the grace ("payeur malin"), not a habit', () => {
    const history = [inv('a', '2026-01-31', '2026-02-05'), inv('b', '2026-02-28', '2026-03-05'), inv('c', '2026-03-31', '2026-04-05')];
    expect(latePaymentRecord(history, TODAY).late).toBe(0);
    expect(isRepeatLatePayer(history, TODAY)).toBe(false);
  });

  it('one late invoice is not a repeat', () => {
    expect(isRepeatLatePayer([inv('a', '2026-01-31', '2026-03-20'), inv('b', '2026-02-28', '2026-02-27')], TODAY)).toBe(false);
  });

  it('an unpaid invoice past its grace counts as late; one still within it does not', () => {
    const history = [inv('a', '2026-05-01', null), inv('b', '2026-06-27', null), inv('c', '2026-03-01', '2026-03-30')];
    expect(latePaymentRecord(history, TODAY)).toMatchObject({ considered: 2, late: 2 });
    expect(isRepeatLatePayer(history, TODAY)).toBe(true);
  });

  it('looks at the latest five invoices only: old habits fade', () => {
    const old = [inv('o1', '2024-01-31', '2024-03-31'), inv('o2', '2024-02-28', '2024-04-30')];
    const recent = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'].map((due, i) => inv(`r${i}`, due, due));
    expect(isRepeatLatePayer([...old, ...recent], TODAY)).toBe(false);
    expect(isRepeatLatePayer([...old, ...recent.slice(0, 3)], TODAY)).toBe(true);
  });

  it('ignores the invoice being chased and invoices without a due date', () => {
    const history = [inv('this', '2026-01-31', null), inv('a', '2026-02-28', '2026-04-01'), inv('b', null, null)];
    expect(latePaymentRecord(history, TODAY, { excludeInvoiceId: 'this' })).toMatchObject({ considered: 1, late: 1 });
    expect(isRepeatLatePayer(history, TODAY, { excludeInvoiceId: 'this' })).toBe(false);
  });

  it('takes a custom rule', () => {
    const history = [inv('a', '2026-01-31', '2026-02-20')];
    expect(isRepeatLatePayer(history, TODAY, { rule: { lookback: 3, minLateInvoices: 1, graceDays: 0 } })).toBe(true);
  });
});

describe('isSmallAmount', () => {
  it('compares the invoice amount with the threshold, included', () => {
    expect(isSmallAmount(200, 200)).toBe(true);
    expect(isSmallAmount(200.01, 200)).toBe(false);
    expect(isSmallAmount(null, 200)).toBe(false);
    expect(isSmallAmount(Number.NaN, 200)).toBe(false);
  });
});

describe('clientTraits', () => {
  it('merges flags, cause and computed traits', () => {
    const traits = clientTraits({
      profile: { flags: ['long_standing', 'key_account'] },
      cause: 'cash_trouble',
      history: [inv('a', '2026-01-31', '2026-03-01'), inv('b', '2026-02-28', '2026-04-01')],
      invoiceId: 'x',
      amount: 150,
      smallAmountThreshold: 200,
      today: TODAY,
    });
    expect(traits).toEqual({ longStanding: true, keyAccount: true, knownDifficulty: false, smallAmount: true, repeatLatePayer: true, cause: 'cash_trouble' });
  });

  it('defaults to an ordinary client with an unknown cause', () => {
    expect(clientTraits({ invoiceId: 'x', amount: 1000, smallAmountThreshold: 200, today: TODAY })).toEqual({
      longStanding: false, keyAccount: false, knownDifficulty: false, smallAmount: false, repeatLatePayer: false, cause: 'unknown',
    });
  });
});
