/**
 * The bridge between the law calculators (src/core/law, per invoice, in cents) and the templates
 * (src/core/templates, per currency, in currency units): what a second reminder or a formal notice
 * claims for the invoices it covers.
 *
 * A period whose reference rate is unknown (2026-H2 at the time of writing) is never extrapolated:
 * the outcome is `rate_unknown` with the table and half-year to ask the user for, and the caller
 * renders the draft without figures (the templates then state the legal rule in words).
 */
import type { IsoDate } from './model';
import { amountFromCents, computePenalty, decimalToNumber, type Jurisdiction, type LawError, type PenaltyResult, type RateOverride } from './law';
import type { ClaimFigures, InterestPeriod } from './templates/context';

export interface ClaimedInvoice {
  number: string;
  amount: number;
  currency: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate;
  partialPayments?: ReadonlyArray<{ date: IsoDate; amount: number }>;
}

export interface ClaimOptions {
  jurisdiction: Jurisdiction;
  /** False when the debtor is a consumer. */
  b2b: boolean;
  /** The last day bearing interest: today, or the formal notice's date. */
  asOf: IsoDate;
  rateOverrides?: readonly RateOverride[];
  agreedRatePercent?: number | null;
  /** FR consumer debts: interest runs from the day after it. */
  formalNoticeDate?: IsoDate | null;
}

export type ClaimOutcome =
  | {
      ok: true;
      /** One entry per currency, in the order the invoices gave them. */
      claims: ClaimFigures[];
      /** The rate of the latest day accrued (for "penalties at 12,15 % a year"), or null when none ran. */
      penaltyRatePercent: number | null;
      /** Per invoice, the calculator's full result (segments, sources, warnings, prescription). */
      results: Array<{ invoice: string; result: PenaltyResult }>;
    }
  | { ok: false; invoice: string; error: LawError };

export function claimFigures(invoices: readonly ClaimedInvoice[], options: ClaimOptions): ClaimOutcome {
  const results: Array<{ invoice: string; result: PenaltyResult }> = [];
  for (const invoice of invoices) {
    const outcome = computePenalty({
      jurisdiction: options.jurisdiction,
      b2b: options.b2b,
      amount: invoice.amount,
      currency: invoice.currency,
      invoiceDate: invoice.issueDate,
      terms: { kind: 'due_date', dueDate: invoice.dueDate },
      asOf: options.asOf,
      partialPayments: invoice.partialPayments ?? [],
      agreedRatePercent: options.agreedRatePercent ?? null,
      formalNoticeDate: options.formalNoticeDate ?? null,
      rateOverrides: options.rateOverrides ?? [],
    });
    if (!outcome.ok) return { ok: false, invoice: invoice.number, error: outcome.error };
    results.push({ invoice: invoice.number, result: outcome.value });
  }

  const byCurrency = new Map<string, { principal: bigint; paid: bigint; interest: bigint; fee: bigint; total: bigint; periods: InterestPeriod[] }>();
  for (const { result } of results) {
    const sum = byCurrency.get(result.currency) ?? { principal: 0n, paid: 0n, interest: 0n, fee: 0n, total: 0n, periods: [] };
    // The templates show "principal, minus what was paid, plus interest and the indemnity": the
    // principal is the invoiced amount, never the outstanding one (that would deduct payments twice).
    sum.principal += result.amountCents;
    sum.paid += result.paidCents;
    sum.interest += result.interestCents;
    const fee = result.fixedFee && result.fixedFee.currency === result.currency ? result.fixedFee.cents : 0n;
    sum.fee += fee;
    sum.total += result.principalOutstandingCents + result.interestCents + fee;
    for (const segment of result.segments) {
      sum.periods.push({ from: segment.from, to: segment.to, ratePercent: decimalToNumber(segment.ratePercent), amount: amountFromCents(segment.interestCents) });
    }
    byCurrency.set(result.currency, sum);
  }
  const claims: ClaimFigures[] = [...byCurrency].map(([currency, sum]) => ({
    currency,
    principal: amountFromCents(sum.principal),
    paid: sum.paid > 0n ? amountFromCents(sum.paid) : null,
    interest: amountFromCents(sum.interest),
    // Periods side by side only make sense for one invoice; several invoices show the total interest.
    interestPeriods: results.length === 1 ? sum.periods : null,
    fixedIndemnity: sum.fee > 0n ? amountFromCents(sum.fee) : null,
    total: amountFromCents(sum.total),
  }));
  return { ok: true, claims, penaltyRatePercent: latestRate(results), results };
}

function latestRate(results: ReadonlyArray<{ result: PenaltyResult }>): number | null {
  let latest: { to: IsoDate; rate: number } | null = null;
  for (const { result } of results) {
    const last = result.segments[result.segments.length - 1];
    if (last && (latest === null || last.to > latest.to)) latest = { to: last.to, rate: decimalToNumber(last.ratePercent) };
  }
  return latest?.rate ?? null;
}
