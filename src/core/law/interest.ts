/**
 * Simple late-payment interest, exactly (late-payment-law.md section 9 rule 6):
 *
 * - Day-by-day accrual on the outstanding principal, from `start` through `end` INCLUSIVE.
 * - Actual days / 365, leap years included (29 February is one more day at /365, not /366).
 * - Each day at the rate of its half-year (`rateFor(period)`; a constant function for the UK).
 *   Segments are split at every 1 January / 1 July and after every payment day.
 * - A payment on day d: day d still accrues on the old principal; the new principal applies from d+1.
 *   Payments dated before `start` (before or on the due date) simply reduce the principal.
 * - Exactness: principal in integer cents, rates as exact decimals. A segment's interest in cents is
 *   principal_cents × days × rate_units / (365 × 100 × 10^rate_scale); every segment is brought to
 *   the largest rate scale and the numerators are summed as BigInt over that one denominator, then
 *   rounded ONCE, half-up, to the cent. A segment's own `interestCents` is only its display value,
 *   rounded on its own, so the segments may add up to a cent more or less than the total.
 * - Imputation of partial payments (who gets the money first):
 *   - 'principal_first' (default, the product convention): the whole payment reduces the principal;
 *     accrued interest stays owed. Money beyond the principal is reported as `overpaidCents`.
 *   - 'interest_first' (Code civil 1343-1): the payment first pays the interest accrued and still
 *     unpaid through its day (the exact accrued sum rounded half-up to the cent at that day, minus
 *     interest already paid), the rest reduces the principal. Paid interest never bears interest
 *     (simple interest: no capitalisation). Any fixed indemnity is not part of the imputation.
 */
import { addDays, compareIsoDates, daysBetween } from '../dates';
import type { IsoDate } from '../model';
import { formatDecimal, roundHalfUp, unitsAt, type Decimal } from './decimal';
import { invalidInput } from './errors';
import { halfYearEnd, halfYearOf, type HalfYear } from './half-year';

export type Imputation = 'principal_first' | 'interest_first';

export interface AccrualPayment {
  date: IsoDate;
  cents: bigint;
}

export interface AccrualInput {
  principalCents: bigint;
  /** First day that bears interest (the day after the due date, or after the formal notice). */
  start: IsoDate;
  /** Last day that bears interest, inclusive (`as_of`). No accrual when end < start. */
  end: IsoDate;
  /** Payments on or before `end` (the caller drops later ones). Any order; same-day payments add up. */
  payments: readonly AccrualPayment[];
  /** Percent per year for a day of this half-year. Called only for segments that bear interest. */
  rateFor: (period: HalfYear) => Decimal;
  imputation: Imputation;
}

export interface AccrualSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  period: HalfYear;
  ratePercent: Decimal;
  principalCents: bigint;
  /** Exact interest = numerator / (36500 × 10^ratePercent.scale) cents. */
  numerator: bigint;
  /** Display value: this segment alone, rounded half-up to the cent. */
  interestCents: bigint;
}

export interface AppliedPayment {
  date: IsoDate;
  cents: bigint;
  toInterestCents: bigint;
  toPrincipalCents: bigint;
  /** Beyond what was owed (principal, and accrued interest when imputed interest-first). */
  excessCents: bigint;
}

export interface AccrualResult {
  segments: AccrualSegment[];
  /** The exact interest accrued over all segments, in cents: numerator / denominator. */
  exactNumerator: bigint;
  exactDenominator: bigint;
  /** The exact sum rounded once, half-up. */
  interestAccruedCents: bigint;
  /** Interest paid by payments (interest_first only). */
  interestPaidCents: bigint;
  /** Accrued minus paid: what is still owed in interest. */
  interestOutstandingCents: bigint;
  principalOutstandingCents: bigint;
  /** Principal left after the payments made before `start` (0 = nothing was outstanding when interest began). */
  principalAtStartCents: bigint;
  overpaidCents: bigint;
  payments: AppliedPayment[];
}

/** 365 days × 100 (percent). */
const DAY_PERCENT_DENOMINATOR = 36_500n;

export function accrueInterest(input: AccrualInput): AccrualResult {
  if (input.principalCents < 0n) invalidInput('the principal cannot be negative', 'amount');
  const payments = mergeSameDay(input.payments);
  const segments: AccrualSegment[] = [];
  const applied: AppliedPayment[] = [];
  let principal = input.principalCents;
  let interestPaid = 0n;
  let overpaid = 0n;
  let next = 0;

  const apply = (payment: AccrualPayment): void => {
    let toInterest = 0n;
    if (input.imputation === 'interest_first') {
      const { numerator, denominator } = exactSum(segments);
      const owed = roundHalfUp(numerator, denominator) - interestPaid;
      toInterest = owed > 0n ? min(payment.cents, owed) : 0n;
    }
    const rest = payment.cents - toInterest;
    const toPrincipal = min(rest, principal);
    interestPaid += toInterest;
    principal -= toPrincipal;
    overpaid += rest - toPrincipal;
    applied.push({ date: payment.date, cents: payment.cents, toInterestCents: toInterest, toPrincipalCents: toPrincipal, excessCents: rest - toPrincipal });
  };

  // Payments before the first interest day only reduce the principal (nothing has accrued yet).
  while (next < payments.length && compareIsoDates(payments[next]!.date, input.start) < 0) apply(payments[next++]!);
  const principalAtStart = principal;

  let cursor = input.start;
  while (compareIsoDates(cursor, input.end) <= 0 && principal > 0n) {
    const period = halfYearOf(cursor);
    let to = minDate(input.end, halfYearEnd(period));
    const payment = payments[next];
    if (payment && compareIsoDates(payment.date, to) < 0) to = payment.date;
    const days = daysBetween(cursor, to) + 1;
    const ratePercent = input.rateFor(period);
    if (ratePercent.units < 0n) invalidInput(`the interest rate for ${period} is negative (${formatDecimal(ratePercent)} %)`);
    const numerator = principal * BigInt(days) * ratePercent.units;
    const denominator = DAY_PERCENT_DENOMINATOR * 10n ** BigInt(ratePercent.scale);
    segments.push({ from: cursor, to, days, period, ratePercent, principalCents: principal, numerator, interestCents: roundHalfUp(numerator, denominator) });
    // The payment day itself has accrued on the old principal; the new one applies from the next day.
    while (next < payments.length && payments[next]!.date === to) apply(payments[next++]!);
    cursor = addDays(to, 1);
  }
  // Payments after the principal reached 0 (or after an accrual that never started).
  while (next < payments.length) apply(payments[next++]!);

  const { numerator, denominator } = exactSum(segments);
  const accrued = roundHalfUp(numerator, denominator);
  return {
    segments,
    exactNumerator: numerator,
    exactDenominator: denominator,
    interestAccruedCents: accrued,
    interestPaidCents: interestPaid,
    interestOutstandingCents: accrued - interestPaid,
    principalOutstandingCents: principal,
    principalAtStartCents: principalAtStart,
    overpaidCents: overpaid,
    payments: applied,
  };
}

/** The segments' exact interest over one common denominator (the largest rate scale). */
export function exactSum(segments: readonly AccrualSegment[]): { numerator: bigint; denominator: bigint } {
  const scale = segments.reduce((largest, segment) => Math.max(largest, segment.ratePercent.scale), 0);
  let numerator = 0n;
  for (const segment of segments) numerator += unitsAt({ units: segment.numerator, scale: segment.ratePercent.scale }, scale);
  return { numerator, denominator: DAY_PERCENT_DENOMINATOR * 10n ** BigInt(scale) };
}

function mergeSameDay(payments: readonly AccrualPayment[]): AccrualPayment[] {
  const byDay = new Map<IsoDate, bigint>();
  for (const payment of payments) {
    if (payment.cents < 0n) invalidInput(`a payment cannot be negative (${payment.date})`, 'partial_payments');
    byDay.set(payment.date, (byDay.get(payment.date) ?? 0n) + payment.cents);
  }
  return [...byDay].map(([date, cents]) => ({ date, cents })).sort((a, b) => compareIsoDates(a.date, b.date));
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}
