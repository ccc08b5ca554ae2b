/**
 * Worked examples for the whole computation. Every figure is computed by hand in the comments:
 * interest = principal × days × rate % / 365 per segment, summed exactly, rounded once half-up.
 */
import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal';
import type { LawError } from './errors';
import { computePenalty, type PenaltyInput, type PenaltyResult } from './penalty';

const FR_B2B: PenaltyInput = { jurisdiction: 'FR', b2b: true, amount: 1000, currency: 'EUR', invoiceDate: '2025-05-01', terms: { kind: 'due_date', dueDate: '2025-05-31' }, asOf: '2025-08-14' };

function ok(input: PenaltyInput): PenaltyResult {
  const outcome = computePenalty(input);
  if (!outcome.ok) throw new Error(`expected a result, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

function error(input: PenaltyInput): LawError {
  const outcome = computePenalty(input);
  if (outcome.ok) throw new Error('expected an error');
  return outcome.error;
}

/** [from, to, days, rate %, principal cents, interest cents] */
function segments(result: PenaltyResult) {
  return result.segments.map((s) => [s.from, s.to, s.days, formatDecimal(s.ratePercent), s.principalCents, s.interestCents]);
}

const codes = (result: PenaltyResult) => result.warnings.map((warning) => warning.code);

describe('FR B2B: ECB + 10 by half-year, 40 EUR', () => {
  it('crosses 1 July: due 2025-05-31, paid 2025-08-14 = 30 days at 13.15 % + 45 days at 12.15 %', () => {
    // Interest runs 1 Jun .. 14 Aug inclusive = 75 days = overdue_days (14 Aug - 31 May).
    // 2025-H1: ECB 3.15 + 10 = 13.15 % for 1-30 June (30 d): 1000 x 30 x 13.15 / 36500 = 10.808219
    // 2025-H2: ECB 2.15 + 10 = 12.15 % for 1 Jul - 14 Aug (45 d): 1000 x 45 x 12.15 / 36500 = 14.979452
    // exact sum 25.787671 -> 25.79 ; + 40.00 fee ; total 1065.79
    const result = ok(FR_B2B);
    expect(result.dueDate).toBe('2025-05-31');
    expect(result.overdueDays).toBe(75);
    expect(result.interestStart).toBe('2025-06-01');
    expect(segments(result)).toEqual([
      ['2025-06-01', '2025-06-30', 30, '13.15', 100_000n, 1081n],
      ['2025-07-01', '2025-08-14', 45, '12.15', 100_000n, 1498n],
    ]);
    expect(result.interestCents).toBe(2579n);
    expect(result.fixedFee).toMatchObject({ cents: 4000n, currency: 'EUR' });
    expect(result.principalOutstandingCents).toBe(100_000n);
    expect(result.totalCents).toBe(106_579n);
    expect(result.referenceRates.map((r) => [r.table, r.period, r.referenceDay, formatDecimal(r.value)])).toEqual([
      ['ECB_MRO', '2025-H1', '2025-01-01', '3.15'],
      ['ECB_MRO', '2025-H2', '2025-07-01', '2.15'],
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.prescription).toMatchObject({ periodYears: 5, expiresOn: '2030-05-31' });
  });

  it('not late: no interest, no fee, no rate needed (even in the unknown 2026-H2)', () => {
    const onTime = ok({ ...FR_B2B, terms: { kind: 'due_date', dueDate: '2026-08-31' }, asOf: '2026-08-31' });
    expect(onTime).toMatchObject({ overdueDays: 0, interestCents: 0n, fixedFee: null, totalCents: 100_000n, segments: [], interestStart: null });
  });

  it('one day late in 2020 at 10 %, and paid in full by the due date means not late', () => {
    // 1000 x 1 x 10 / 36500 = 0.273973 -> 0.27, + 40
    const oneDay = ok({ ...FR_B2B, terms: { kind: 'due_date', dueDate: '2020-03-01' }, asOf: '2020-03-02' });
    expect([oneDay.overdueDays, oneDay.interestCents, oneDay.fixedFee?.cents, oneDay.totalCents]).toEqual([1, 27n, 4000n, 104_027n]);
    const paidOnTime = ok({ ...FR_B2B, partialPayments: [{ date: '2025-05-31', amount: 1000 }] });
    expect([paidOnTime.interestCents, paidOnTime.fixedFee, paidOnTime.principalOutstandingCents, paidOnTime.totalCents]).toEqual([0n, null, 0n, 0n]);
  });

  it('a leap year is still /365: 2024, 29 February included', () => {
    // 10,000.00 due 2024-02-15, as_of 2024-03-15: 16 Feb .. 15 Mar = 14 + 15 = 29 days at 14.50 % (ECB 4.50 + 10)
    // 10000 x 29 x 14.5 / 36500 = 115.205479 -> 115.21 (a /366 count would give 114.89)
    const result = ok({ ...FR_B2B, amount: 10000, invoiceDate: '2024-01-16', terms: { kind: 'due_date', dueDate: '2024-02-15' }, asOf: '2024-03-15' });
    expect(result.overdueDays).toBe(29);
    expect(result.interestCents).toBe(11_521n);
    // A whole leap year: due 2023-12-31, as_of 2024-12-31 = 366 days: 182 at 14.50 % + 184 at 14.25 %
    // 1000 x (182 x 14.5 + 184 x 14.25) / 36500 = 1000 x (2639 + 2622) / 36500 = 144.136986 -> 144.14
    const year = ok({ ...FR_B2B, invoiceDate: '2023-12-01', terms: { kind: 'due_date', dueDate: '2023-12-31' }, asOf: '2024-12-31' });
    expect(segments(year).map((s) => s.slice(2, 4))).toEqual([[182, '14.5'], [184, '14.25']]);
    expect(year.interestCents).toBe(14_414n);
  });

  it('partial payments, principal first (default)', () => {
    // 400.00 paid on 2025-07-10. Day 10 Jul still accrues on 1000; 600 from 11 Jul.
    // 1000 x 30 x 13.15 = 394500 ; 1000 x 10 x 12.15 = 121500 ; 600 x 35 x 12.15 = 255150
    // (394500 + 121500 + 255150) / 36500 = 21.127397 -> 21.13 ; total 600 + 21.13 + 40 = 661.13
    const result = ok({ ...FR_B2B, partialPayments: [{ date: '2025-07-10', amount: 400 }] });
    expect(segments(result)).toEqual([
      ['2025-06-01', '2025-06-30', 30, '13.15', 100_000n, 1081n],
      ['2025-07-01', '2025-07-10', 10, '12.15', 100_000n, 333n],
      ['2025-07-11', '2025-08-14', 35, '12.15', 60_000n, 699n],
    ]);
    expect([result.principalOutstandingCents, result.interestCents, result.totalCents, result.paidCents]).toEqual([60_000n, 2113n, 66_113n, 40_000n]);
    expect(result.imputation).toBe('principal_first');
  });

  it('partial payments, interest first (C. civ. 1343-1)', () => {
    // Interest accrued through 10 Jul: (394500 + 121500) / 36500 = 14.136986 -> 14.14, paid first;
    // 400 - 14.14 = 385.86 to principal -> 614.14 from 11 Jul: 614.14 x 35 x 12.15 = 261163.035
    // accrued: (394500 + 121500 + 261163.035) / 36500 = 21.292138 -> 21.29 ; still owed 21.29 - 14.14 = 7.15
    // total 614.14 + 7.15 + 40 = 661.29
    const result = ok({ ...FR_B2B, partialPayments: [{ date: '2025-07-10', amount: 400 }], imputation: 'interest_first' });
    expect([result.principalOutstandingCents, result.interestAccruedCents, result.interestPaidCents, result.interestCents, result.totalCents]).toEqual([61_414n, 2129n, 1414n, 715n, 66_129n]);
  });

  it('payments before the due date reduce the principal; after as_of they are ignored; overpayment leaves 0', () => {
    // 300 paid on 2025-05-20 (before the due date): 700 x (30 x 13.15 + 45 x 12.15) / 36500 = 18.051370 -> 18.05
    const early = ok({ ...FR_B2B, partialPayments: [{ date: '2025-05-20', amount: 300 }, { date: '2025-09-01', amount: 700 }] });
    expect([early.principalOutstandingCents, early.interestCents, early.totalCents]).toEqual([70_000n, 1805n, 70_000n + 1805n + 4000n]);
    expect(codes(early)).toEqual(['payments_after_as_of']);
    // 1,500 paid on 10 June for a 1,000 invoice: 10 days on 1000 at 13.15 % = 3.602740 -> 3.60, principal 0.
    const over = ok({ ...FR_B2B, partialPayments: [{ date: '2025-06-10', amount: 1500 }] });
    expect([over.principalOutstandingCents, over.interestCents, over.overpaidCents, over.fixedFee?.cents, over.totalCents]).toEqual([0n, 360n, 50_000n, 4000n, 4360n]);
    expect(codes(over)).toContain('overpaid');
  });

  it('rounds half-up at exactly x.xx5', () => {
    // 2020-H1: ECB 0.00 + 10 = 10 %. One day on 45,059.25: 45059.25 x 10 / 36500 = 12.345 exactly -> 12.35
    const half = { ...FR_B2B, invoiceDate: '2020-02-01', terms: { kind: 'due_date' as const, dueDate: '2020-03-01' }, asOf: '2020-03-02' };
    expect(ok({ ...half, amount: 45059.25 }).interestCents).toBe(1235n);
    // 3,668.25: 3668.25 x 10 / 36500 = 1.005 exactly -> 1.01 (floats give 1.0049999... and round to 1.00)
    expect(ok({ ...half, amount: 3668.25 }).interestCents).toBe(101n);
    // 45,059.24: 12.344997... -> 12.34
    expect(ok({ ...half, amount: 45059.24 }).interestCents).toBe(1234n);
  });

  it('2026-H2 is unknown: a clear error naming the table and period; a user override makes it compute', () => {
    // Due 2026-06-15, as_of 2026-07-15: 16-30 June (15 d, 2026-H1, 12.15 %) + 1-15 July (15 d, 2026-H2, unknown)
    const input = { ...FR_B2B, invoiceDate: '2026-05-15', terms: { kind: 'due_date' as const, dueDate: '2026-06-15' }, asOf: '2026-07-15' };
    expect(error(input)).toEqual({
      code: 'rate_unknown',
      message: 'rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings',
      table: 'ECB_MRO',
      period: '2026-H2',
    });
    // With ECB 2026-H2 = 2.15: 30 days at 12.15 %: 1000 x 30 x 12.15 / 36500 = 9.986301 -> 9.99
    const same = ok({ ...input, rateOverrides: [{ table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.15 }] });
    expect(same.interestCents).toBe(999n);
    expect(same.referenceRates.find((r) => r.period === '2026-H2')).toMatchObject({ userEntered: true, source: 'entered by the user' });
    // With 2.40: 15 x 12.15 + 15 x 12.40 = 368.25 ; 1000 x 368.25 / 36500 = 10.089041 -> 10.09
    const raised = ok({ ...input, rateOverrides: [{ table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.4 }] });
    expect(segments(raised).map((s) => s[3])).toEqual(['12.15', '12.4']);
    expect(raised.interestCents).toBe(1009n);
  });

  it('before 2019 nothing is known: error, never a guess', () => {
    expect(error({ ...FR_B2B, invoiceDate: '2018-11-01', terms: { kind: 'due_date', dueDate: '2018-12-15' }, asOf: '2019-01-15' }).message).toBe(
      'rate unknown for 2018-H2 (ECB main refinancing rate on 1 July 2018): enter it in the settings',
    );
  });

  it('an agreed rate applies to every day; below 3 x the legal rate it is kept, with a warning', () => {
    // 9 % for 75 days: 1000 x 75 x 9 / 36500 = 18.493151 -> 18.49
    // Floors: 2025-H1 3 x 3.71 = 11.13 % (9 is below: warning); 2025-H2 3 x 2.76 = 8.28 % (9 is above).
    const result = ok({ ...FR_B2B, agreedRatePercent: 9 });
    expect(result.interestCents).toBe(1849n);
    expect(segments(result).map((s) => s[3])).toEqual(['9', '9']);
    expect(result.warnings).toEqual([
      {
        code: 'agreed_rate_below_floor',
        message: 'the agreed rate 9 % is below 3 × the legal interest rate for 2025-H1 (3 × 3.71 % = 11.13 %), the minimum of C. com. L441-10 II; computed at the agreed rate as entered',
      },
    ]);
    // 12 % in 2024-H1 (floor 15.21 %) and 2024-H2 (floor 14.76 %): two warnings.
    const y2024 = ok({ ...FR_B2B, invoiceDate: '2024-05-01', terms: { kind: 'due_date', dueDate: '2024-05-31' }, asOf: '2024-08-14', agreedRatePercent: 12 });
    expect(codes(y2024)).toEqual(['agreed_rate_below_floor', 'agreed_rate_below_floor']);
    // An agreed rate needs no ECB rate: 2026-H2 computes, but the floor there cannot be checked.
    const future = ok({ ...FR_B2B, invoiceDate: '2026-06-01', terms: { kind: 'due_date', dueDate: '2026-06-30' }, asOf: '2026-07-30', agreedRatePercent: 15 });
    // 1000 x 30 x 15 / 36500 = 12.328767 -> 12.33
    expect(future.interestCents).toBe(1233n);
    expect(codes(future)).toEqual(['agreed_rate_floor_unknown']);
  });

  it('rate_basis 3x_legal_rate: 3 x the legal rate of each half-year', () => {
    // 30 d at 3 x 3.71 = 11.13 % + 45 d at 3 x 2.76 = 8.28 %: 1000 x (333.9 + 372.6) / 36500 = 19.356164 -> 19.36
    const result = ok({ ...FR_B2B, rateBasis: '3x_legal_rate' });
    expect(segments(result).map((s) => s[3])).toEqual(['11.13', '8.28']);
    expect(result.interestCents).toBe(1936n);
    expect(result.warnings).toEqual([]);
    expect(error({ ...FR_B2B, rateBasis: '3x_legal_rate', agreedRatePercent: 9 }).code).toBe('invalid_input');
    expect(error({ ...FR_B2B, jurisdiction: 'DE', rateBasis: '3x_legal_rate' }).code).toBe('invalid_input');
  });

  it('terms: FR default 30 days after the service, and a warning beyond the caps', () => {
    // Service 2025-03-10 + 30 = 2025-04-09; as_of 2025-04-19 = 10 days at 13.15 %: 1000 x 10 x 13.15 / 36500 = 3.602740 -> 3.60
    const result = ok({ ...FR_B2B, invoiceDate: '2025-03-20', serviceDate: '2025-03-10', terms: null, asOf: '2025-04-19' });
    expect([result.dueDate, result.overdueDays, result.interestCents]).toEqual(['2025-04-09', 10, 360n]);
    expect(codes(result)).toEqual(['default_terms']);
    const long = ok({ ...FR_B2B, invoiceDate: '2025-01-15', terms: { kind: 'net', days: 90, from: 'invoice' }, asOf: '2025-04-15' });
    expect([long.dueDate, long.overdueDays]).toEqual(['2025-04-15', 0]);
    expect(codes(long)).toEqual(['terms_exceed_cap']);
  });

  it('refuses bad input', () => {
    expect(error({ ...FR_B2B, amount: -1 })).toMatchObject({ code: 'invalid_input', field: 'amount' });
    expect(error({ ...FR_B2B, amount: 10.005 })).toMatchObject({ code: 'invalid_input', field: 'amount' });
    expect(error({ ...FR_B2B, asOf: '2025-02-29' })).toMatchObject({ code: 'invalid_input', field: 'as_of' });
    expect(error({ ...FR_B2B, currency: 'euro' })).toMatchObject({ code: 'invalid_input', field: 'currency' });
    expect(error({ ...FR_B2B, partialPayments: [{ date: '2025-06-31', amount: 1 }] })).toMatchObject({ code: 'invalid_input', field: 'partial_payments' });
    expect(error({ ...FR_B2B, partialPayments: [{ date: '2025-06-30', amount: -1 }] })).toMatchObject({ code: 'invalid_input', field: 'partial_payments' });
    expect(error({ ...FR_B2B, agreedRatePercent: -2 })).toMatchObject({ code: 'invalid_input', field: 'agreed_rate_percent' });
    expect(error({ ...FR_B2B, terms: { kind: 'net', days: 30, from: 'service' } })).toMatchObject({ code: 'invalid_input', field: 'service_date' });
  });
});

describe('FR B2C: legal rate from the formal notice, no indemnity', () => {
  const B2C: PenaltyInput = { ...FR_B2B, b2b: false, amount: 2000, invoiceDate: '2025-03-01', terms: { kind: 'due_date', dueDate: '2025-03-31' }, asOf: '2025-08-14' };

  it('runs from the day after the formal notice at the professional-creditor legal rate of each half-year', () => {
    // Notice 2025-05-10 -> interest from 11 May: 11 May - 30 Jun = 21 + 30 = 51 days at 3.71 % (2025-H1),
    // 1 Jul - 14 Aug = 45 days at 2.76 % (2025-H2).
    // 2000 x (51 x 3.71 + 45 x 2.76) / 36500 = 2000 x (189.21 + 124.2) / 36500 = 17.173151 -> 17.17 ; no fee
    const result = ok({ ...B2C, formalNoticeDate: '2025-05-10' });
    expect(result.overdueDays).toBe(136);
    expect(segments(result)).toEqual([
      ['2025-05-11', '2025-06-30', 51, '3.71', 200_000n, 1037n],
      ['2025-07-01', '2025-08-14', 45, '2.76', 200_000n, 681n],
    ]);
    expect([result.interestCents, result.fixedFee, result.totalCents]).toEqual([1717n, null, 201_717n]);
    expect(result.prescription).toMatchObject({ periodYears: 2, expiresOn: '2027-03-31' });
  });

  it('without a formal notice: no interest, and a warning saying why', () => {
    const result = ok(B2C);
    expect([result.interestCents, result.fixedFee, result.totalCents, result.segments]).toEqual([0n, null, 200_000n, []]);
    expect(codes(result)).toEqual(['no_formal_notice']);
  });

  it('an agreed rate is ignored for a consumer', () => {
    const result = ok({ ...B2C, formalNoticeDate: '2025-05-10', agreedRatePercent: 10 });
    expect(result.interestCents).toBe(1717n);
    expect(codes(result)).toEqual(['agreed_rate_ignored']);
  });
});

describe('EU directive default: ECB + 8, 40 EUR', () => {
  it('computes', () => {
    // Due 2024-06-30, as_of 2024-07-31: 31 days in 2024-H2 at 4.25 + 8 = 12.25 %: 1000 x 31 x 12.25 / 36500 = 10.404110 -> 10.40
    const result = ok({ ...FR_B2B, jurisdiction: 'EU', invoiceDate: '2024-06-01', terms: { kind: 'due_date', dueDate: '2024-06-30' }, asOf: '2024-07-31' });
    expect(segments(result)).toEqual([['2024-07-01', '2024-07-31', 31, '12.25', 100_000n, 1040n]]);
    expect([result.interestCents, result.fixedFee?.cents, result.totalCents, result.prescription]).toEqual([1040n, 4000n, 105_040n, null]);
  });

  it('consumers are out of the directive', () => {
    expect(error({ ...FR_B2B, jurisdiction: 'EU', b2b: false }).code).toBe('out_of_scope');
  });
});

describe('DE: Basiszinssatz + 9 (B2B) / + 5 (consumer)', () => {
  const DE: PenaltyInput = { ...FR_B2B, jurisdiction: 'DE', amount: 5000, invoiceDate: '2025-05-16', terms: { kind: 'due_date', dueDate: '2025-06-15' }, asOf: '2025-07-15' };

  it('B2B: + 9 points and 40 EUR', () => {
    // 16-30 June: 15 d at 2.27 + 9 = 11.27 % ; 1-15 July: 15 d at 1.27 + 9 = 10.27 %
    // 5000 x (15 x 11.27 + 15 x 10.27) / 36500 = 5000 x (169.05 + 154.05) / 36500 = 44.260274 -> 44.26 ; total 5084.26
    const result = ok(DE);
    expect(segments(result).map((s) => s.slice(2, 4))).toEqual([[15, '11.27'], [15, '10.27']]);
    expect([result.interestCents, result.fixedFee?.cents, result.totalCents]).toEqual([4426n, 4000n, 508_426n]);
  });

  it('consumer: + 5 points, no Pauschale', () => {
    // 15 d at 7.27 % + 15 d at 6.27 %: 5000 x (109.05 + 94.05) / 36500 = 27.821918 -> 27.82
    const result = ok({ ...DE, b2b: false });
    expect(segments(result).map((s) => s[3])).toEqual(['7.27', '6.27']);
    expect([result.interestCents, result.fixedFee, result.totalCents]).toEqual([2782n, null, 502_782n]);
    expect(codes(result)).toEqual(['de_consumer_default']);
  });

  it('the negative base rate years: -0.88 + 9 = 8.12 %', () => {
    // 1000 due 2020-03-31, as_of 2020-04-30: 30 d at 8.12 %: 1000 x 30 x 8.12 / 36500 = 6.673973 -> 6.67
    const result = ok({ ...DE, amount: 1000, invoiceDate: '2020-03-01', terms: { kind: 'due_date', dueDate: '2020-03-31' }, asOf: '2020-04-30' });
    expect(result.interestCents).toBe(667n);
  });

  it('a derived base rate is flagged', () => {
    const result = ok({ ...DE, invoiceDate: '2024-01-01', terms: { kind: 'due_date', dueDate: '2024-01-31' }, asOf: '2024-02-29' });
    // 29 days at 3.62 + 9 = 12.62 %: 5000 x 29 x 12.62 / 36500 = 50.134247 -> 50.13
    expect(result.interestCents).toBe(5013n);
    expect(codes(result)).toEqual(['rate_derived']);
  });
});

describe('UK: Bank Rate on the reference day before interest starts + 8, fixed; £40 / £70 / £100', () => {
  const UK: PenaltyInput = { jurisdiction: 'UK', b2b: true, amount: 5000, currency: 'GBP', invoiceDate: '2025-05-21', terms: { kind: 'due_date', dueDate: '2025-06-20' }, asOf: '2025-07-20' };

  it('keeps the rate fixed across 1 July', () => {
    // Interest starts 21 Jun 2025 -> reference day 31 Dec 2024: 4.75 + 8 = 12.75 % for the whole debt.
    // 21-30 June (10 d) + 1-20 July (20 d) = 30 days: 5000 x 30 x 12.75 / 36500 = 52.397260 -> 52.40
    // (a rate reset on 1 July to 12.25 % would give 51.03). £70 (debt from £1,000 to under £10,000). Total 5122.40
    const result = ok(UK);
    expect(segments(result)).toEqual([
      ['2025-06-21', '2025-06-30', 10, '12.75', 500_000n, 1747n],
      ['2025-07-01', '2025-07-20', 20, '12.75', 500_000n, 3493n],
    ]);
    expect([result.interestCents, result.fixedFee?.cents, result.fixedFee?.currency, result.totalCents]).toEqual([5240n, 7000n, 'GBP', 512_240n]);
    expect(result.referenceRates.map((r) => [r.table, r.referenceDay, formatDecimal(r.value)])).toEqual([['UK_BANK_RATE', '2024-12-31', '4.75']]);
  });

  it('interest starting on 1 July reads 30 June', () => {
    // Due 2025-06-30 -> starts 1 Jul 2025 -> Bank Rate 30 Jun 2025 = 4.25 + 8 = 12.25 %
    // 30 days: 5000 x 30 x 12.25 / 36500 = 50.342466 -> 50.34
    const result = ok({ ...UK, terms: { kind: 'due_date', dueDate: '2025-06-30' }, asOf: '2025-07-30' });
    expect(result.interestCents).toBe(5034n);
  });

  it('interest started before 1 Jul 2026 runs on into 2026-H2; starting after it, the rate is unknown', () => {
    // Due 2026-06-29 -> starts 30 Jun 2026 -> 31 Dec 2025: 3.75 + 8 = 11.75 % ; as_of 2026-08-31 = 1 + 31 + 31 = 63 days
    // 1000 x 63 x 11.75 / 36500 = 20.280822 -> 20.28 ; £70 for exactly £1,000
    const known = ok({ ...UK, amount: 1000, terms: { kind: 'due_date', dueDate: '2026-06-29' }, asOf: '2026-08-31' });
    expect([known.overdueDays, known.interestCents, known.fixedFee?.cents]).toEqual([63, 2028n, 7000n]);
    expect(error({ ...UK, terms: { kind: 'due_date', dueDate: '2026-06-30' }, asOf: '2026-08-31' })).toMatchObject({
      code: 'rate_unknown',
      message: 'rate unknown for 2026-H2 (Bank of England Bank Rate on 30 June 2026): enter it in the settings',
      table: 'UK_BANK_RATE',
      period: '2026-H2',
    });
  });

  it('bands: £40 under £1,000, £70 to under £10,000, £100 from £10,000, on the invoiced amount', () => {
    const fee = (amount: number) => ok({ ...UK, amount }).fixedFee?.cents;
    expect([fee(999.99), fee(1000), fee(9999.99), fee(10000)]).toEqual([4000n, 7000n, 7000n, 10_000n]);
    // A partial payment does not move the band: 10,000 invoiced, 9,500 paid before the due date -> still £100.
    expect(ok({ ...UK, amount: 10000, partialPayments: [{ date: '2025-06-01', amount: 9500 }] }).fixedFee?.cents).toBe(10_000n);
  });

  it('a fee in another currency than the invoice stays out of the total', () => {
    const result = ok({ ...UK, currency: 'EUR' });
    expect([result.fixedFee?.currency, result.totalIncludesFixedFee, result.totalCents]).toEqual(['GBP', false, 505_240n]);
    expect(codes(result)).toEqual(['fixed_fee_currency', 'uk_band_currency']);
  });

  it('consumers are out of the 1998 Act', () => {
    expect(error({ ...UK, b2b: false })).toMatchObject({ code: 'out_of_scope' });
  });

  it('flags a Bank Rate from professional knowledge', () => {
    // Starts 1 Jan 2019 -> 31 Dec 2018: 0.75 [K] + 8 = 8.75 %
    const result = ok({ ...UK, amount: 1000, invoiceDate: '2018-12-01', terms: { kind: 'due_date', dueDate: '2018-12-31' }, asOf: '2019-01-30' });
    // 30 days: 1000 x 30 x 8.75 / 36500 = 7.191781 -> 7.19
    expect(result.interestCents).toBe(719n);
    expect(codes(result)).toEqual(['rate_unverified']);
  });
});
