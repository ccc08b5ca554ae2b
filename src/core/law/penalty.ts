/**
 * The whole late-payment computation for one invoice: due date, interest (or penalties), fixed
 * indemnity, total, and, for France, the prescription date. Pure: the caller passes `asOf`.
 *
 * Conventions (late-payment-law.md section 9; each is tested in penalty.test.ts):
 * - overdue_days = as_of - due_date, 0 when as_of is on or before the due date (then no interest and no
 *   fixed fee, and no rate is looked up, so an unknown future rate does not matter).
 * - Interest runs from the day AFTER the due date through as_of INCLUSIVE (L441-10 II: penalties are
 *   due "the day after" the payment date), so 2025-05-31 -> 2025-08-14 is 30 days in 2025-H1
 *   (1-30 June) and 45 days in 2025-H2 (1 July - 14 August).
 * - FR B2C: interest at the legal rate ("all other cases" column: the user is a professional
 *   creditor) of each half-year, from the day AFTER the formal notice (same "day after" rule as the
 *   B2B penalties; C. civ. 1231-6, 1344-1), and never before the day after the due date. Without a
 *   formal notice date: no interest, and a warning that it only runs from a formal notice.
 * - Rate per day: FR B2B: ECB MRO on 1 Jan / 1 Jul of the day's half-year + 10 points, or the agreed
 *   rate for every day (a warning, never a correction, when it is below 3 × the legal rate of a
 *   half-year it covers), or `3x_legal_rate` (3 × the legal rate of each half-year). EU: ECB MRO + 8.
 *   DE: Basiszinssatz of the half-year + 9 (B2B) / + 5 (consumer). UK: Bank Rate on the 31 Dec /
 *   30 Jun immediately before the day interest starts + 8, FIXED for the whole debt.
 *   An agreed rate applies to business debtors only; for consumers it is ignored (warning).
 * - Money: exact (decimal.ts, interest.ts): integer cents, exact rates, one half-up rounding.
 * - Payments: `partial_payments` dated after as_of are ignored (warning). Overpayment leaves a
 *   principal of 0, never negative (warning with the excess).
 * - Fixed fee: owed when the invoice is late (as_of after the due date and something still unpaid
 *   at the end of the due date). It is in its own currency: when that differs from the invoice's,
 *   `total` leaves it out (warning).
 * - total = principal outstanding + interest outstanding + fixed fee (same currency).
 */
import { addDays, compareIsoDates, daysBetween, isValidIsoDate } from '../dates';
import type { LedgerEvent } from '../ledger/events';
import type { IsoDate } from '../model';
import { addDecimals, centsFromAmount, compareDecimals, decimalFromNumber, decimalOf, formatCents, formatDecimal, multiplyDecimal, type Decimal } from './decimal';
import { LawFailure, invalidInput, lawOutcome, type LawOutcome, type LawWarning } from './errors';
import { fixedFee, type FixedFee } from './fixed-fee';
import { halfYearOf, type HalfYear } from './half-year';
import { accrueInterest, type AccrualPayment, type AppliedPayment, type Imputation } from './interest';
import type { Jurisdiction } from './jurisdiction';
import { prescriptionOf, type PrescriptionResult } from './prescription';
import { lookupReferenceRate, type RateOverride, type ReferenceRate } from './rates';
import type { RateTableId } from './rate-tables';
import { dueDateOf, type TermsInput } from './terms';

export type RateBasis = '3x_legal_rate';

export interface PartialPaymentInput {
  date: IsoDate;
  /** Currency units, at most 2 decimals (like the logbook's amounts). */
  amount: number | string;
}

export interface PenaltyInput {
  jurisdiction: Jurisdiction;
  /** False when the debtor is a consumer. */
  b2b: boolean;
  /** The invoice amount in currency units (tax included when the invoice says so), at most 2 decimals. */
  amount: number | string;
  /** ISO 4217 code of the invoice. */
  currency: string;
  invoiceDate?: IsoDate | null;
  /** Null or absent: nothing agreed (legal default). */
  terms?: TermsInput | null;
  serviceDate?: IsoDate | null;
  receiptDate?: IsoDate | null;
  /** The payment date when paid, else today: the last day that bears interest. */
  asOf: IsoDate;
  partialPayments?: readonly PartialPaymentInput[];
  /** A contractual rate, percent per year, for every day. */
  agreedRatePercent?: number | null;
  rateBasis?: RateBasis | null;
  /** FR B2C: interest runs from the day after it. */
  formalNoticeDate?: IsoDate | null;
  /** Reference-rate values entered by the user (unknown periods, or corrections). */
  rateOverrides?: readonly RateOverride[];
  imputation?: Imputation;
  /** The invoice's logbook, for prescription interruptions (acknowledgement, court action). */
  events?: readonly LedgerEvent[];
}

export interface PenaltySegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  period: HalfYear;
  ratePercent: Decimal;
  /** How the rate was made ("ECB MRO 2.15 % + 10 points"). */
  rateBasis: string;
  principalCents: bigint;
  /** This segment alone, rounded half-up: display only (the total is rounded once from the exact sum). */
  interestCents: bigint;
}

export interface PenaltyResult {
  jurisdiction: Jurisdiction;
  b2b: boolean;
  currency: string;
  dueDate: IsoDate;
  dueDateBasis: string;
  overdueDays: number;
  /** First day bearing interest, or null when none can run (not late, FR B2C without formal notice). */
  interestStart: IsoDate | null;
  /** How the rate is made, in words. */
  rateRule: string;
  amountCents: bigint;
  /** Sum of the payments taken into account (dated on or before as_of). */
  paidCents: bigint;
  principalOutstandingCents: bigint;
  /** Interest accrued: the exact sum rounded once, half-up. */
  interestAccruedCents: bigint;
  /** Part of it paid by partial payments (interest_first imputation only). */
  interestPaidCents: bigint;
  /** Accrued minus paid: the interest still owed. */
  interestCents: bigint;
  /** The exact accrued interest in cents, numerator / denominator. */
  interestExact: { numerator: bigint; denominator: bigint };
  fixedFee: FixedFee | null;
  /** principal outstanding + interest + fixed fee when its currency is the invoice's. */
  totalCents: bigint;
  totalIncludesFixedFee: boolean;
  segments: PenaltySegment[];
  /** Every reference-rate value used, with its source (or "entered by the user"). */
  referenceRates: ReferenceRate[];
  imputation: Imputation;
  payments: AppliedPayment[];
  overpaidCents: bigint;
  /** France only (the reference document covers French prescription only). */
  prescription: PrescriptionResult | null;
  warnings: LawWarning[];
}

export function computePenalty(input: PenaltyInput): LawOutcome<PenaltyResult> {
  return lawOutcome(() => penalty(input));
}

interface DayRate {
  rate: Decimal;
  basis: string;
}

function penalty(input: PenaltyInput): PenaltyResult {
  const { jurisdiction, b2b } = input;
  const warnings: LawWarning[] = [];
  const warn = (code: string, message: string): void => {
    if (!warnings.some((warning) => warning.message === message)) warnings.push({ code, message });
  };

  // ---- input checks
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) invalidInput(`currency must be a 3-letter ISO 4217 code, got "${input.currency}"`, 'currency');
  const amountCents = checkedCents(input.amount, 'amount');
  if (!isValidIsoDate(input.asOf)) invalidInput(`as_of is not a real calendar date (YYYY-MM-DD): "${input.asOf}"`, 'as_of');
  const asOf = input.asOf;
  const notice = input.formalNoticeDate ?? null;
  if (notice !== null && !isValidIsoDate(notice)) invalidInput(`formal_notice_date is not a real calendar date (YYYY-MM-DD): "${notice}"`, 'formal_notice_date');
  if (!b2b && (jurisdiction === 'UK' || jurisdiction === 'EU')) {
    throw new LawFailure({
      code: 'out_of_scope',
      message:
        jurisdiction === 'UK'
          ? 'UK: the Late Payment of Commercial Debts (Interest) Act 1998 only covers debts between businesses; a consumer debt is out of its scope'
          : 'EU: Directive 2011/7/EU only covers commercial transactions; a consumer debt is out of its scope (use the national law, e.g. FR or DE)',
    });
  }
  const imputation = input.imputation ?? 'principal_first';
  const agreed = input.agreedRatePercent ?? null;
  const rateBasis = input.rateBasis ?? null;
  if (agreed !== null && rateBasis !== null) invalidInput('give either agreed_rate_percent or rate_basis, not both', 'agreed_rate_percent');
  const agreedRate = agreed === null ? null : (decimalFromNumber(agreed) ?? invalidInput(`agreed_rate_percent is not a number: ${String(agreed)}`, 'agreed_rate_percent'));
  if (agreedRate && agreedRate.units < 0n) invalidInput(`agreed_rate_percent cannot be negative, got ${formatDecimal(agreedRate)}`, 'agreed_rate_percent');
  if (rateBasis !== null && rateBasis !== '3x_legal_rate') invalidInput(`rate_basis must be "3x_legal_rate", got "${String(rateBasis)}"`, 'rate_basis');
  if (rateBasis !== null && jurisdiction !== 'FR') invalidInput(`rate_basis "3x_legal_rate" is a French rule (C. com. L441-10 II), not for ${jurisdiction}`, 'rate_basis');

  const payments: AccrualPayment[] = [];
  const ignored: AccrualPayment[] = [];
  for (const [index, payment] of (input.partialPayments ?? []).entries()) {
    if (!isValidIsoDate(payment.date)) invalidInput(`partial_payments[${index}].date is not a real calendar date (YYYY-MM-DD): "${payment.date}"`, 'partial_payments');
    const cents = checkedCents(payment.amount, `partial_payments[${index}].amount`);
    (compareIsoDates(payment.date, asOf) > 0 ? ignored : payments).push({ date: payment.date, cents });
  }
  if (ignored.length) {
    warn('payments_after_as_of', `${ignored.length} partial payment${ignored.length === 1 ? '' : 's'} dated after as_of (${asOf}) ignored: ${ignored.map((p) => `${formatCents(p.cents)} on ${p.date}`).join(', ')}`);
  }

  // ---- due date
  const due = dueDateOf({ jurisdiction, b2b, invoiceDate: input.invoiceDate ?? null, serviceDate: input.serviceDate ?? null, receiptDate: input.receiptDate ?? null, terms: input.terms ?? null });
  for (const warning of due.warnings) warn(warning.code, warning.message);
  const dueDate = due.dueDate;
  const overdueDays = Math.max(0, daysBetween(dueDate, asOf));

  // ---- when interest starts
  let interestStart: IsoDate | null = addDays(dueDate, 1);
  if (jurisdiction === 'FR' && !b2b) {
    if (notice === null) {
      interestStart = null;
      if (overdueDays > 0) warn('no_formal_notice', 'FR consumer debt: interest at the legal rate only runs from a formal notice (mise en demeure, C. civ. 1231-6 and 1344-1): give formal_notice_date; no interest counted');
    } else if (compareIsoDates(notice, dueDate) < 0) {
      warn('formal_notice_before_due', `the formal notice (${notice}) is dated before the due date (${dueDate}): interest counted from the day after the due date`);
    } else {
      interestStart = addDays(notice, 1);
    }
  }

  // ---- the rate of a day
  const overrides = input.rateOverrides ?? [];
  const used = new Map<string, ReferenceRate>();
  const reference = (table: RateTableId, period: HalfYear): ReferenceRate => {
    const rate = lookupReferenceRate(table, period, overrides);
    used.set(`${table} ${period}`, rate);
    return rate;
  };
  const ignoreAgreed = (why: string): void => {
    if (agreedRate) warn('agreed_rate_ignored', `agreed_rate_percent ignored: ${why}`);
    if (rateBasis) warn('rate_basis_ignored', `rate_basis ignored: ${why}`);
  };
  let rateRule: string;
  let rateFor: (period: HalfYear) => DayRate;
  const plus = (table: RateTableId, points: bigint, label: string) => (period: HalfYear): DayRate => {
    const ref = reference(table, period);
    return { rate: addDecimals(ref.value, decimalOf(points)), basis: `${label} ${formatDecimal(ref.value)} % + ${points} points` };
  };
  const fixed = (rate: Decimal, basis: string) => (): DayRate => ({ rate, basis });
  if (jurisdiction === 'FR' && !b2b) {
    ignoreAgreed('a consumer debt bears the legal rate only');
    rateRule = 'French legal interest rate of each half-year, professional-creditor column (C. civ. 1231-6; CMF L313-2), from the day after the formal notice';
    rateFor = (period) => {
      const ref = reference('FR_LEGAL_PRO', period);
      return { rate: ref.value, basis: `French legal rate (professional creditor) ${formatDecimal(ref.value)} %` };
    };
  } else if (jurisdiction === 'DE' && !b2b) {
    ignoreAgreed('a consumer debt bears the statutory rate only');
    rateRule = 'Basiszinssatz of each half-year + 5 points (BGB §288 Abs. 1)';
    rateFor = plus('DE_BASE_RATE', 5n, 'Basiszinssatz');
    if (overdueDays > 0) warn('de_consumer_default', 'DE consumer: the debtor is in default 30 days after the due date and receipt of the invoice only if the invoice said so (BGB §286 Abs. 3), otherwise after a reminder (Mahnung); interest is counted here from the day after the due date');
  } else if (agreedRate) {
    rateRule = `agreed rate ${formatDecimal(agreedRate)} % for every day`;
    rateFor = fixed(agreedRate, `agreed rate ${formatDecimal(agreedRate)} %`);
    if (jurisdiction === 'UK') warn('uk_agreed_rate', 'UK: a contractual rate replaces statutory interest only if it is a substantial remedy for late payment (1998 Act ss.8-9)');
  } else if (rateBasis === '3x_legal_rate') {
    rateRule = '3 × the French legal interest rate of each half-year (professional-creditor column), as agreed';
    rateFor = (period) => {
      const ref = reference('FR_LEGAL_PRO', period);
      return { rate: multiplyDecimal(ref.value, 3n), basis: `3 × French legal rate ${formatDecimal(ref.value)} %` };
    };
  } else if (jurisdiction === 'FR') {
    rateRule = 'ECB main refinancing rate on 1 January / 1 July of each half-year + 10 points (C. com. L441-10 II)';
    rateFor = plus('ECB_MRO', 10n, 'ECB MRO');
  } else if (jurisdiction === 'EU') {
    rateRule = 'ECB main refinancing rate on the first day of each half-year + 8 points (Directive 2011/7/EU art. 2)';
    rateFor = plus('ECB_MRO', 8n, 'ECB MRO');
  } else if (jurisdiction === 'DE') {
    rateRule = 'Basiszinssatz of each half-year + 9 points (BGB §288 Abs. 2)';
    rateFor = plus('DE_BASE_RATE', 9n, 'Basiszinssatz');
  } else {
    // UK: one rate for the whole debt, read on the reference day before interest starts.
    rateRule = 'Bank of England Bank Rate on the 31 December / 30 June immediately before interest starts + 8 points, fixed for the debt (SI 2002/1675 art. 4)';
    const start = interestStart ?? addDays(dueDate, 1);
    let ukRate: DayRate | null = null;
    rateFor = () => {
      if (!ukRate) {
        const ref = reference('UK_BANK_RATE', halfYearOf(start));
        ukRate = { rate: addDecimals(ref.value, decimalOf(8n)), basis: `Bank Rate ${formatDecimal(ref.value)} % on ${ref.referenceDay} + 8 points, fixed for the debt` };
      }
      return ukRate;
    };
  }

  // ---- accrual
  const bases = new Map<HalfYear, DayRate>();
  const accrual = accrueInterest({
    principalCents: amountCents,
    start: interestStart ?? addDays(asOf, 1),
    end: asOf,
    payments,
    imputation,
    rateFor: (period) => {
      const dayRate = bases.get(period) ?? rateFor(period);
      bases.set(period, dayRate);
      return dayRate.rate;
    },
  });

  // ---- FR agreed rate: the 3 × legal rate floor of every half-year it covers
  if (jurisdiction === 'FR' && b2b && agreedRate) {
    for (const period of new Set(accrual.segments.map((segment) => segment.period))) {
      try {
        const legal = reference('FR_LEGAL_PRO', period);
        const floor = multiplyDecimal(legal.value, 3n);
        if (compareDecimals(agreedRate, floor) < 0) {
          warn(
            'agreed_rate_below_floor',
            `the agreed rate ${formatDecimal(agreedRate)} % is below 3 × the legal interest rate for ${period} (3 × ${formatDecimal(legal.value)} % = ${formatDecimal(floor)} %), the minimum of C. com. L441-10 II; computed at the agreed rate as entered`,
          );
        }
      } catch (error) {
        if (!(error instanceof LawFailure) || error.error.code !== 'rate_unknown') throw error;
        warn('agreed_rate_floor_unknown', `cannot check the agreed rate against 3 × the legal interest rate for ${period}: ${error.error.message}`);
      }
    }
  }

  // ---- warnings on the rates used
  const referenceRates = [...used.values()];
  for (const ref of referenceRates) {
    if (ref.userEntered && ref.replacedTableValue) {
      warn('rate_overridden', `${ref.table} ${ref.period}: the value you entered (${formatDecimal(ref.value)} %) replaces the table's ${formatDecimal(ref.replacedTableValue)} %`);
    } else if (ref.confidence === 'K') {
      warn('rate_unverified', `${ref.table} ${ref.period} (${formatDecimal(ref.value)} % on ${ref.referenceDay}) is from professional knowledge, not re-verified: check it before relying on it`);
    } else if (ref.confidence === 'derived') {
      warn('rate_derived', `${ref.table} ${ref.period} (${formatDecimal(ref.value)} %) is derived from the ECB rate moves: check it against the Bundesbank table`);
    }
  }

  // ---- fixed fee
  let unpaidAtDue = amountCents;
  for (const payment of payments) if (compareIsoDates(payment.date, dueDate) <= 0) unpaidAtDue -= payment.cents;
  const late = overdueDays > 0 && unpaidAtDue > 0n;
  const fee = late ? fixedFee(jurisdiction, b2b, amountCents) : null;
  const feeInTotal = fee !== null && fee.currency === currency;
  if (fee && !feeInTotal) {
    warn('fixed_fee_currency', `the fixed indemnity is ${formatCents(fee.cents)} ${fee.currency} while the invoice is in ${currency}: it is shown separately and left out of the total`);
  }
  if (jurisdiction === 'UK' && currency !== 'GBP' && late) {
    warn('uk_band_currency', `UK fixed sum bands are in GBP: the band was chosen on the invoice amount ${formatCents(amountCents)} ${currency} read as pounds`);
  }

  if (accrual.overpaidCents > 0n) {
    warn(
      'overpaid',
      imputation === 'principal_first'
        ? `the payments exceed the principal by ${formatCents(accrual.overpaidCents)} ${currency}: principal outstanding is 0; the excess is not set against the interest or the fixed indemnity (imputation "interest_first" would set it against the interest first)`
        : `the payments exceed the interest and principal owed by ${formatCents(accrual.overpaidCents)} ${currency}: principal outstanding is 0`,
    );
  }
  if (jurisdiction === 'EU' && currency !== 'EUR' && overdueDays > 0) {
    warn('eu_non_euro', `EU directive: the ECB rate is the reference rate for euro-area states; for an invoice in ${currency} check the national central bank's rate of the debtor's state`);
  }

  const principalOutstanding = accrual.principalOutstandingCents;
  const totalCents = principalOutstanding + accrual.interestOutstandingCents + (feeInTotal && fee ? fee.cents : 0n);

  // ---- prescription (France)
  let prescription: PrescriptionResult | null = null;
  if (jurisdiction === 'FR') {
    prescription = prescriptionOf({
      b2b,
      dueDate,
      today: asOf,
      events: input.events ?? [],
      interruptions: payments.map((payment) => ({ date: payment.date, kind: 'partial_payment' as const })),
    });
    if (totalCents > 0n) for (const warning of prescription.warnings) warn(warning.code, warning.message);
  }

  const segments: PenaltySegment[] = accrual.segments.map((segment) => ({
    from: segment.from,
    to: segment.to,
    days: segment.days,
    period: segment.period,
    ratePercent: segment.ratePercent,
    rateBasis: bases.get(segment.period)?.basis ?? '',
    principalCents: segment.principalCents,
    interestCents: segment.interestCents,
  }));

  return {
    jurisdiction,
    b2b,
    currency,
    dueDate,
    dueDateBasis: due.basis,
    overdueDays,
    interestStart: accrual.segments[0]?.from ?? null,
    rateRule,
    amountCents,
    paidCents: payments.reduce((sum, payment) => sum + payment.cents, 0n),
    principalOutstandingCents: principalOutstanding,
    interestAccruedCents: accrual.interestAccruedCents,
    interestPaidCents: accrual.interestPaidCents,
    interestCents: accrual.interestOutstandingCents,
    interestExact: { numerator: accrual.exactNumerator, denominator: accrual.exactDenominator },
    fixedFee: fee,
    totalCents,
    totalIncludesFixedFee: feeInTotal,
    segments,
    referenceRates,
    imputation,
    payments: accrual.payments,
    overpaidCents: accrual.overpaidCents,
    prescription,
    warnings,
  };
}

function checkedCents(amount: number | string, field: string): bigint {
  const cents = centsFromAmount(amount);
  if (cents === null) invalidInput(`${field} must be a number with at most 2 decimals, got ${JSON.stringify(amount)}`, field.replace(/\[.*$/, ''));
  if (cents < 0n) invalidInput(`${field} cannot be negative, got ${String(amount)}`, field.replace(/\[.*$/, ''));
  return cents;
}
