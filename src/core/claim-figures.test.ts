import { describe, expect, it } from 'vitest';
import { claimFigures } from './claim-figures';

const A = { number: 'F-2025-031', amount: 1000, currency: 'EUR', issueDate: '2025-05-01', dueDate: '2025-05-31' };
// 500 × 12.15 % × 45 / 365 = 7.4897 → 7.49 (1 Jul - 14 Aug 2025, all in 2025-H2).
const B = { number: 'F-2025-040', amount: 500, currency: 'EUR', issueDate: '2025-05-31', dueDate: '2025-06-30' };

describe('claimFigures', () => {
  it('sums a B2B claim per currency: invoiced principal, interest rounded per invoice, 40 EUR per invoice', () => {
    const outcome = claimFigures([A, B], { jurisdiction: 'FR', b2b: true, asOf: '2025-08-14' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // A: 30 d × 13.15 % + 45 d × 12.15 % on 1,000 = 25.79 (late-payment-law.md 1.3).
    expect(outcome.claims).toEqual([{ currency: 'EUR', principal: 1500, paid: null, interest: 33.28, interestPeriods: null, fixedIndemnity: 80, total: 1613.28 }]);
    expect(outcome.penaltyRatePercent).toBe(12.15);
  });

  it('gives the interest periods of a single invoice, and deducts a partial payment once', () => {
    const outcome = claimFigures([{ ...A, partialPayments: [{ date: '2025-07-10', amount: 400 }] }], { jurisdiction: 'FR', b2b: true, asOf: '2025-08-14' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [claim] = outcome.claims;
    expect(claim).toMatchObject({ principal: 1000, paid: 400, fixedIndemnity: 40 });
    // 1,000 × 13.15 % × 30/365 + 1,000 × 12.15 % × 10/365 + 600 × 12.15 % × 35/365 = 21.13
    expect(claim?.interest).toBe(21.13);
    expect(claim?.total).toBe(661.13);
    expect(claim?.interestPeriods?.map((p) => [p.from, p.to, p.ratePercent])).toEqual([
      ['2025-06-01', '2025-06-30', 13.15],
      ['2025-07-01', '2025-07-10', 12.15],
      ['2025-07-11', '2025-08-14', 12.15],
    ]);
  });

  it('no indemnity for a consumer, and interest only from a formal notice', () => {
    const outcome = claimFigures([A], { jurisdiction: 'FR', b2b: false, asOf: '2025-08-14' });
    expect(outcome.ok && outcome.claims[0]).toMatchObject({ fixedIndemnity: null, interest: 0, total: 1000 });
  });

  it('refuses to extrapolate an unknown rate: names the invoice, the table and the half-year', () => {
    const outcome = claimFigures([A, { ...B, dueDate: '2026-09-30' }], { jurisdiction: 'FR', b2b: true, asOf: '2026-11-22' });
    expect(outcome).toMatchObject({ ok: false, invoice: 'F-2025-031', error: { code: 'rate_unknown', table: 'ECB_MRO', period: '2026-H2' } });
    const entered = claimFigures([A], { jurisdiction: 'FR', b2b: true, asOf: '2026-11-22', rateOverrides: [{ table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.15 }] });
    expect(entered.ok).toBe(true);
  });
});
