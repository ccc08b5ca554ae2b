import { describe, expect, it } from 'vitest';
import { parseDecimal, type Decimal } from './decimal';
import type { HalfYear } from './half-year';
import { accrueInterest, type AccrualInput } from './interest';

// FR B2B default rates (ECB MRO + 10) used by these engine tests.
const FR_B2B: Record<string, string> = { '2024-H1': '14.5', '2024-H2': '14.25', '2025-H1': '13.15', '2025-H2': '12.15' };
const frRate = (period: HalfYear): Decimal => parseDecimal(FR_B2B[period] ?? 'x') ?? (() => { throw new Error(`no rate for ${period}`); })();

function run(overrides: Partial<AccrualInput>) {
  return accrueInterest({ principalCents: 100_000n, start: '2025-06-01', end: '2025-08-14', payments: [], rateFor: frRate, imputation: 'principal_first', ...overrides });
}

describe('accrueInterest', () => {
  it('splits at 1 July, counts start and end inclusive, rounds once', () => {
    // 1,000.00 from 2025-06-01 to 2025-08-14 inclusive = 30 days (June) + 45 days (1 Jul - 14 Aug).
    // 1000 x 30 x 13.15 % / 365 = 10.80822 ; 1000 x 45 x 12.15 % / 365 = 14.97945
    // exact sum = 1000 x (394.5 + 546.75) / 36500 = 25.787671... -> 25.79
    const result = run({});
    expect(result.segments.map((s) => [s.from, s.to, s.days, s.period, s.interestCents])).toEqual([
      ['2025-06-01', '2025-06-30', 30, '2025-H1', 1081n],
      ['2025-07-01', '2025-08-14', 45, '2025-H2', 1498n],
    ]);
    expect(result.interestAccruedCents).toBe(2579n);
    // exact: 100000 cents x (30 x 1315 + 45 x 1215) / (36500 x 100) cents
    expect(result.exactNumerator).toBe(100_000n * (30n * 1315n + 45n * 1215n));
    expect(result.exactDenominator).toBe(3_650_000n);
  });

  it('rounds the exact sum once: the rounded segments can differ from the total by a cent', () => {
    // 1,000.00: 1 day (30 Jun 2025) at 13.15 % = 0.360274 -> 0.36 ; 26 days (1-26 Jul) at 12.15 % = 8.654795 -> 8.65
    // segments add up to 9.01, but the exact sum 0.360274 + 8.654795 = 9.015068 -> 9.02.
    const result = run({ start: '2025-06-30', end: '2025-07-26' });
    expect(result.segments.map((s) => s.interestCents)).toEqual([36n, 865n]);
    expect(result.interestAccruedCents).toBe(902n);
  });

  it('a payment day accrues on the old principal; the new one applies from the next day', () => {
    // 400.00 paid on 2025-07-10: Jun 1-30 on 1000 (30 d @ 13.15), Jul 1-10 on 1000 (10 d @ 12.15), Jul 11-Aug 14 on 600 (35 d @ 12.15)
    // 1000x30x13.15 = 394500 ; 1000x10x12.15 = 121500 ; 600x35x12.15 = 255150 ; sum 771150 / 36500 = 21.127397 -> 21.13
    const result = run({ payments: [{ date: '2025-07-10', cents: 40_000n }] });
    expect(result.segments.map((s) => [s.from, s.to, s.days, s.principalCents, s.interestCents])).toEqual([
      ['2025-06-01', '2025-06-30', 30, 100_000n, 1081n],
      ['2025-07-01', '2025-07-10', 10, 100_000n, 333n],
      ['2025-07-11', '2025-08-14', 35, 60_000n, 699n],
    ]);
    expect(result.interestAccruedCents).toBe(2113n);
    expect(result.interestOutstandingCents).toBe(2113n);
    expect(result.principalOutstandingCents).toBe(60_000n);
  });

  it('interest-first imputation (C. civ. 1343-1) pays the accrued interest first', () => {
    // Accrued through 2025-07-10: (394500 + 121500) / 36500 = 14.136986 -> 14.14 paid as interest;
    // 400 - 14.14 = 385.86 to principal -> 614.14 from 11 Jul.
    // 614.14 x 35 x 12.15 = 261163.035 ; total exact (394500 + 121500 + 261163.035) / 36500 = 21.292138 -> 21.29
    // interest still owed = 21.29 - 14.14 = 7.15
    const result = run({ payments: [{ date: '2025-07-10', cents: 40_000n }], imputation: 'interest_first' });
    expect(result.payments).toEqual([{ date: '2025-07-10', cents: 40_000n, toInterestCents: 1414n, toPrincipalCents: 38_586n, excessCents: 0n }]);
    expect(result.segments.at(-1)?.principalCents).toBe(61_414n);
    expect(result.interestAccruedCents).toBe(2129n);
    expect(result.interestPaidCents).toBe(1414n);
    expect(result.interestOutstandingCents).toBe(715n);
    expect(result.principalOutstandingCents).toBe(61_414n);
  });

  it('payments before the start reduce the principal; overpayment stops at 0', () => {
    const early = run({ payments: [{ date: '2025-05-20', cents: 30_000n }] });
    // 700.00 x (394.5 + 546.75) / 36500 = 18.051370 -> 18.05
    expect(early.principalAtStartCents).toBe(70_000n);
    expect(early.interestAccruedCents).toBe(1805n);

    const over = run({ payments: [{ date: '2025-06-10', cents: 150_000n }] });
    // 10 days (1-10 June) on 1000 at 13.15 % = 3.60274 -> 3.60, then nothing is owed.
    expect(over.principalOutstandingCents).toBe(0n);
    expect(over.overpaidCents).toBe(50_000n);
    expect(over.interestAccruedCents).toBe(360n);
    expect(over.segments).toHaveLength(1);
  });

  it('a leap year is still counted /365', () => {
    // 10,000.00 from 16 Feb to 15 Mar 2024 = 29 days (29 February included) at 14.50 %:
    // 10000 x 29 x 14.5 / 36500 = 115.205479 -> 115.21 (with /366 it would be 114.89)
    const result = accrueInterest({ principalCents: 1_000_000n, start: '2024-02-16', end: '2024-03-15', payments: [], rateFor: frRate, imputation: 'principal_first' });
    expect(result.segments[0]?.days).toBe(29);
    expect(result.interestAccruedCents).toBe(11_521n);
  });

  it('accrues nothing when end is before start, and applies the payments', () => {
    const result = run({ start: '2025-06-01', end: '2025-05-31', payments: [{ date: '2025-05-01', cents: 10_000n }] });
    expect(result.segments).toEqual([]);
    expect(result.interestAccruedCents).toBe(0n);
    expect(result.principalOutstandingCents).toBe(90_000n);
  });
});
