/**
 * `relance penalty`: late-payment interest and fixed indemnity for one invoice, as one JSON object.
 *
 *     relance penalty --json '{"jurisdiction":"FR","b2b":true,"amount":1000,...}'
 *     echo '{...}' | relance penalty
 *
 * The computation is src/core/law (computePenalty); this module only reads the JSON input (snake_case
 * fields), checks its shape, and writes the result. Exit codes: 0 computed; 1 bad usage, bad input,
 * a rate the tables do not know (rate_overrides can supply it) or a case the law does not cover.
 * On failure stdout holds `{"error": "..."}` and stderr a one-line reason.
 */
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { EndOfMonthMethod } from '../core/dates';
import {
  amountFromCents,
  computePenalty,
  decimalToNumber,
  parseJurisdiction,
  parseOverridePeriod,
  parseRateTableId,
  type Imputation,
  type LawError,
  type PartialPaymentInput,
  type PenaltyInput,
  type PenaltyResult,
  type RateOverride,
  type TermsInput,
} from '../core/law';

export const PENALTY_USAGE = `Usage: relance penalty --json '<input>'    (or the JSON input on stdin)

Computes late-payment interest and the fixed recovery indemnity of one invoice (FR, EU, DE, UK) and
prints one JSON object: due_date, overdue_days, principal_outstanding, interest, fixed_fee, total,
currency, segments (from, to, days, rate_percent, principal, interest), warnings, rate_sources...

Input fields:
  jurisdiction         "FR" | "UK" | "DE" | "EU"                                (required)
  b2b                  true (business debtor) | false (consumer)             (default true)
  amount, currency     invoice amount (at most 2 decimals) and ISO code       (amount required)
  invoice_date         YYYY-MM-DD
  terms                {"days":N,"from":"invoice"|"service"|"receipt"} | {"days":N,"end_of_month":"A"|"B"}
                       | {"due_date":"YYYY-MM-DD"} | {"on_receipt":true}      (absent: legal default)
  service_date, receipt_date
  as_of                payment date, or today (default: today)
  partial_payments     [{"date":"YYYY-MM-DD","amount":N}, ...]
  agreed_rate_percent  contractual rate for every day
  rate_basis           "3x_legal_rate" (FR: 3 x the legal interest rate of each half-year)
  formal_notice_date   FR consumer debts: interest runs from the day after it
  rate_overrides       [{"table":"ECB_MRO","period":"2026-H2","rate_percent":2.15}, ...]
                       tables: ECB_MRO, FR_LEGAL_PRO, FR_LEGAL_PRIVATE, DE_BASE_RATE, UK_BANK_RATE
  imputation           "principal_first" (default) | "interest_first" (Code civil 1343-1)

Exit codes: 0 computed, 1 bad input or no rate known for a period (see rate_overrides).
`;

export interface PenaltyIO {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
}

class InputError extends Error {}

const KNOWN_FIELDS = new Set([
  'jurisdiction',
  'b2b',
  'amount',
  'currency',
  'invoice_date',
  'terms',
  'service_date',
  'receipt_date',
  'as_of',
  'partial_payments',
  'agreed_rate_percent',
  'rate_basis',
  'formal_notice_date',
  'rate_overrides',
  'imputation',
]);

/** Runs `relance penalty`; `argv` starts after the word "penalty". Resolves to the exit code. */
export async function runPenalty(argv: string[], io: PenaltyIO, today: () => string = localToday): Promise<number> {
  let json: string | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.stdout.write(PENALTY_USAGE);
      return 0;
    }
    if (positionals.length) throw new InputError(`unexpected argument "${positionals[0]}": give the input with --json or on stdin`);
    json = values.json;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(io, message, `\n${PENALTY_USAGE}`);
  }

  if (json === undefined) {
    if ((io.stdin as NodeJS.ReadableStream & { isTTY?: boolean }).isTTY) return fail(io, 'no input: give --json \'{...}\' or pipe the JSON on stdin', `\n${PENALTY_USAGE}`);
    json = await readAll(io.stdin);
  }

  let input: PenaltyInput;
  let inputWarnings: string[];
  try {
    ({ input, warnings: inputWarnings } = parseInput(json, today));
  } catch (error) {
    if (error instanceof InputError) return fail(io, error.message);
    throw error;
  }

  const outcome = computePenalty(input);
  if (!outcome.ok) return fail(io, outcome.error.message, hint(outcome.error));
  io.stdout.write(`${JSON.stringify(toOutput(outcome.value, inputWarnings))}\n`);
  return 0;
}

function fail(io: PenaltyIO, message: string, more = ''): number {
  io.stdout.write(`${JSON.stringify({ error: message })}\n`);
  io.stderr.write(`relance penalty: ${message}\n${more}`);
  return 1;
}

function hint(error: LawError): string {
  if (error.code !== 'rate_unknown' || !error.table || !error.period) return '';
  return `  add "rate_overrides": [{"table": "${error.table}", "period": "${error.period}", "rate_percent": <the published rate>}] to the input\n`;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Today's local calendar day: the CLI has a clock, src/core does not. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// ------------------------------------------------------------------------------------------------
// Input: JSON text -> PenaltyInput (shapes and types; the law module checks meanings)

type Json = Record<string, unknown>;

export function parseInput(text: string, today: () => string = localToday): { input: PenaltyInput; warnings: string[] } {
  if (text.trim() === '') throw new InputError('no input: give --json \'{...}\' or pipe the JSON on stdin');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`invalid JSON input: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(raw)) throw new InputError('the input must be a JSON object');
  const warnings: string[] = [];
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) warnings.push(`unknown input field "${key}" ignored`);

  const jurisdictionText = raw.jurisdiction;
  if (jurisdictionText === undefined || jurisdictionText === null) throw new InputError('jurisdiction is required: "FR", "UK", "DE" or "EU"');
  const jurisdiction = typeof jurisdictionText === 'string' ? parseJurisdiction(jurisdictionText) : null;
  if (!jurisdiction) throw new InputError(`unknown jurisdiction ${JSON.stringify(jurisdictionText)}: expected "FR", "UK", "DE" or "EU"`);

  let b2b = true;
  if (raw.b2b === undefined || raw.b2b === null) warnings.push('b2b not given: the debtor is taken as a business (b2b: true)');
  else if (typeof raw.b2b === 'boolean') b2b = raw.b2b;
  else throw new InputError(`b2b must be true or false, got ${JSON.stringify(raw.b2b)}`);

  if (raw.amount === undefined || raw.amount === null) throw new InputError('amount is required');
  const amount = numberOrNumericString(raw.amount, 'amount');

  let currency: string;
  if (raw.currency === undefined || raw.currency === null) {
    currency = jurisdiction === 'UK' ? 'GBP' : 'EUR';
    warnings.push(`currency not given: ${currency} assumed`);
  } else if (typeof raw.currency === 'string') {
    currency = raw.currency;
  } else {
    throw new InputError(`currency must be an ISO 4217 code such as "EUR", got ${JSON.stringify(raw.currency)}`);
  }

  let asOf = optionalString(raw, 'as_of');
  if (asOf === null) {
    asOf = today();
    warnings.push(`as_of not given: today (${asOf}) used`);
  }

  const input: PenaltyInput = {
    jurisdiction,
    b2b,
    amount,
    currency,
    invoiceDate: optionalString(raw, 'invoice_date'),
    serviceDate: optionalString(raw, 'service_date'),
    receiptDate: optionalString(raw, 'receipt_date'),
    terms: parseTerms(raw.terms, warnings),
    asOf,
    partialPayments: parsePayments(raw.partial_payments),
    agreedRatePercent: optionalNumber(raw, 'agreed_rate_percent'),
    rateBasis: parseRateBasis(raw.rate_basis),
    formalNoticeDate: optionalString(raw, 'formal_notice_date'),
    rateOverrides: parseOverrides(raw.rate_overrides),
    imputation: parseImputation(raw.imputation),
  };
  if (input.invoiceDate === null && !(input.terms?.kind === 'due_date')) {
    throw new InputError('invoice_date is required (YYYY-MM-DD), unless terms give the due date');
  }
  return { input, warnings };
}

const TERMS_SHAPES = 'terms must be one of {"days":N,"from":"invoice"|"service"|"receipt"}, {"days":N,"end_of_month":"A"|"B"}, {"due_date":"YYYY-MM-DD"}, {"on_receipt":true}';

function parseTerms(value: unknown, warnings: string[]): TermsInput | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw new InputError(`${TERMS_SHAPES}; got ${JSON.stringify(value)}`);
  if (value.due_date !== undefined) {
    if (typeof value.due_date !== 'string') throw new InputError(`terms.due_date must be a date "YYYY-MM-DD", got ${JSON.stringify(value.due_date)}`);
    return { kind: 'due_date', dueDate: value.due_date };
  }
  if (value.on_receipt !== undefined) {
    if (value.on_receipt !== true) throw new InputError(`terms.on_receipt must be true, got ${JSON.stringify(value.on_receipt)}`);
    return { kind: 'on_receipt' };
  }
  if (value.days === undefined) throw new InputError(`${TERMS_SHAPES}; got ${JSON.stringify(value)}`);
  const days = value.days;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) throw new InputError(`terms.days must be a whole number of days (0 or more), got ${JSON.stringify(days)}`);
  if (value.end_of_month !== undefined && value.end_of_month !== false) {
    let method: EndOfMonthMethod;
    if (value.end_of_month === true) {
      method = 'B';
      warnings.push('terms.end_of_month: true does not say which method: method B (end of month, then + N days) used; give "A" or "B"');
    } else if (typeof value.end_of_month === 'string' && /^[ab]$/i.test(value.end_of_month.trim())) {
      method = value.end_of_month.trim().toUpperCase() as EndOfMonthMethod;
    } else {
      throw new InputError(`terms.end_of_month must be "A" (+N days, then end of month) or "B" (end of month, then +N days), got ${JSON.stringify(value.end_of_month)}`);
    }
    return { kind: 'end_of_month', days, method };
  }
  const from = value.from ?? 'invoice';
  if (from !== 'invoice' && from !== 'service' && from !== 'receipt') throw new InputError(`terms.from must be "invoice", "service" or "receipt", got ${JSON.stringify(from)}`);
  return { kind: 'net', days, from };
}

function parsePayments(value: unknown): PartialPaymentInput[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InputError('partial_payments must be a list of {"date":"YYYY-MM-DD","amount":N}');
  return value.map((item: unknown, index) => {
    if (!isObject(item) || typeof item.date !== 'string') throw new InputError(`partial_payments[${index}] must be {"date":"YYYY-MM-DD","amount":N}, got ${JSON.stringify(item)}`);
    if (item.amount === undefined || item.amount === null) throw new InputError(`partial_payments[${index}].amount is required`);
    return { date: item.date, amount: numberOrNumericString(item.amount, `partial_payments[${index}].amount`) };
  });
}

function parseRateBasis(value: unknown): '3x_legal_rate' | null {
  if (value === undefined || value === null) return null;
  if (value === '3x_legal_rate') return value;
  throw new InputError(`rate_basis must be "3x_legal_rate", got ${JSON.stringify(value)}`);
}

function parseImputation(value: unknown): Imputation {
  if (value === undefined || value === null) return 'principal_first';
  if (value === 'principal_first' || value === 'interest_first') return value;
  throw new InputError(`imputation must be "principal_first" or "interest_first", got ${JSON.stringify(value)}`);
}

/** A list [{table, period, rate_percent}], or a map {"ECB_MRO": {"2026-H2": 2.15}}. */
function parseOverrides(value: unknown): RateOverride[] {
  if (value === undefined || value === null) return [];
  const items: Array<{ table: unknown; period: unknown; rate: unknown; where: string }> = [];
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      if (!isObject(item)) throw new InputError(`rate_overrides[${index}] must be {"table":"ECB_MRO","period":"2026-H2","rate_percent":N}`);
      items.push({ table: item.table, period: item.period, rate: item.rate_percent, where: `rate_overrides[${index}]` });
    });
  } else if (isObject(value)) {
    for (const [table, periods] of Object.entries(value)) {
      if (!isObject(periods)) throw new InputError(`rate_overrides.${table} must map periods to rates, e.g. {"2026-H2": 2.15}`);
      for (const [period, rate] of Object.entries(periods)) items.push({ table, period, rate, where: `rate_overrides.${table}.${period}` });
    }
  } else {
    throw new InputError('rate_overrides must be a list of {"table":"ECB_MRO","period":"2026-H2","rate_percent":N}');
  }
  return items.map(({ table, period, rate, where }) => {
    const id = typeof table === 'string' ? parseRateTableId(table) : null;
    if (!id) throw new InputError(`${where}: unknown table ${JSON.stringify(table)}: expected ECB_MRO, FR_LEGAL_PRO, FR_LEGAL_PRIVATE, DE_BASE_RATE or UK_BANK_RATE`);
    const halfYear = typeof period === 'string' ? parseOverridePeriod(id, period) : null;
    if (!halfYear) throw new InputError(`${where}: period must be a half-year such as "2026-H2", got ${JSON.stringify(period)}`);
    if (typeof rate !== 'number' || !Number.isFinite(rate)) throw new InputError(`${where}: rate_percent must be a number, got ${JSON.stringify(rate)}`);
    return { table: id, period: halfYear, ratePercent: rate };
  });
}

function numberOrNumericString(value: unknown, field: string): number | string {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return value.trim();
  throw new InputError(`${field} must be a number, got ${JSON.stringify(value)}`);
}

function optionalString(raw: Json, field: string): string | null {
  const value = raw[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InputError(`${field} must be a date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
  return value;
}

function optionalNumber(raw: Json, field: string): number | null {
  const value = raw[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(`${field} must be a number, got ${JSON.stringify(value)}`);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ------------------------------------------------------------------------------------------------
// Output: PenaltyResult -> JSON (money in currency units with at most 2 decimals, rates in percent)

export function toOutput(result: PenaltyResult, inputWarnings: readonly string[] = []): Record<string, unknown> {
  const money = amountFromCents;
  const warnings = [...inputWarnings, ...result.warnings.map((warning) => warning.message)];
  return {
    due_date: result.dueDate,
    overdue_days: result.overdueDays,
    principal_outstanding: money(result.principalOutstandingCents),
    interest: money(result.interestCents),
    fixed_fee: result.fixedFee ? money(result.fixedFee.cents) : 0,
    total: money(result.totalCents),
    currency: result.currency,
    segments: result.segments.map((segment) => ({
      from: segment.from,
      to: segment.to,
      days: segment.days,
      rate_percent: decimalToNumber(segment.ratePercent),
      principal: money(segment.principalCents),
      // Rounded on its own for display: the total interest is rounded once from the exact sum.
      interest: money(segment.interestCents),
      period: segment.period,
      rate_basis: segment.rateBasis,
    })),
    fixed_fee_currency: result.fixedFee?.currency ?? null,
    fixed_fee_basis: result.fixedFee?.basis ?? null,
    total_includes_fixed_fee: result.totalIncludesFixedFee,
    jurisdiction: result.jurisdiction,
    b2b: result.b2b,
    amount: money(result.amountCents),
    paid: money(result.paidCents),
    due_date_basis: result.dueDateBasis,
    interest_start: result.interestStart,
    interest_accrued: money(result.interestAccruedCents),
    interest_paid: money(result.interestPaidCents),
    imputation: result.imputation,
    overpaid: money(result.overpaidCents),
    rate_rule: result.rateRule,
    rate_sources: result.referenceRates.map((rate) => ({
      table: rate.table,
      period: rate.period,
      reference_day: rate.referenceDay,
      rate_percent: decimalToNumber(rate.value),
      source: rate.source,
      confidence: rate.confidence,
      research_date: rate.researchDate,
      user_entered: rate.userEntered,
    })),
    prescription: result.prescription
      ? {
          period_years: result.prescription.periodYears,
          basis: result.prescription.basis,
          runs_from: result.prescription.runsFrom,
          expires_on: result.prescription.expiresOn,
          days_left: result.prescription.daysLeft,
          level: result.prescription.level,
        }
      : null,
    warnings,
    warning_codes: [...inputWarnings.map(() => 'input'), ...result.warnings.map((warning) => warning.code)],
  };
}
