/**
 * Reference-rate lookup: the table value for a half-year, or the value the user entered in the
 * settings (`RateOverride`), or a `rate_unknown` refusal naming exactly the table and half-year to ask
 * for. Never extrapolates: a missing period (2026-H2 today, anything before 2019) is an error.
 */
import { isValidIsoDate } from '../dates';
import type { IsoDate } from '../model';
import { decimalFromNumber, parseDecimal, type Decimal } from './decimal';
import { LawFailure, invalidInput } from './errors';
import { halfYear, halfYearOf, halfYearParts, halfYearStart, longEnglishDate, parseHalfYear, type HalfYear } from './half-year';
import { RATE_TABLES, RESEARCH_DATE, type Confidence, type RateTableId } from './rate-tables';

/** A value the user entered for a reference rate (the published rate itself, e.g. ECB MRO 2.15, not 12.15). */
export interface RateOverride {
  table: RateTableId;
  period: HalfYear;
  ratePercent: number;
}

export interface ReferenceRate {
  table: RateTableId;
  period: HalfYear;
  referenceDay: IsoDate;
  /** Percent per year. */
  value: Decimal;
  confidence: Confidence;
  source: string;
  researchDate: string;
  /** True when the value is the user's (`RateOverride`), not the table's. */
  userEntered: boolean;
  /** The table's own value when the user replaced a known one (for a warning), else null. */
  replacedTableValue: Decimal | null;
}

/** The day a table's value for a half-year is read on. */
export function referenceDayOf(table: RateTableId, period: HalfYear): IsoDate {
  if (table !== 'UK_BANK_RATE') return halfYearStart(period);
  const { year, half } = halfYearParts(period);
  return half === 1 ? `${String(year - 1).padStart(4, '0')}-12-31` : `${String(year).padStart(4, '0')}-06-30`;
}

/** "ECB main refinancing rate on 1 July 2026", "Bank of England Bank Rate on 30 June 2026"... */
export function describeReferenceRate(table: RateTableId, period: HalfYear): string {
  const day = longEnglishDate(referenceDayOf(table, period));
  switch (table) {
    case 'ECB_MRO':
      return `ECB main refinancing rate on ${day}`;
    case 'FR_LEGAL_PRO':
      return `French legal interest rate, professional-creditor column, from ${day}`;
    case 'FR_LEGAL_PRIVATE':
      return `French legal interest rate, private-creditor column, from ${day}`;
    case 'DE_BASE_RATE':
      return `German base rate (Basiszinssatz) from ${day}`;
    case 'UK_BANK_RATE':
      return `Bank of England Bank Rate on ${day}`;
  }
}

/** `rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings` */
export function rateUnknownMessage(table: RateTableId, period: HalfYear): string {
  return `rate unknown for ${period} (${describeReferenceRate(table, period)}): enter it in the settings`;
}

/** The value for `table` in `period`: the user's override first, then the table; throws rate_unknown. */
export function lookupReferenceRate(table: RateTableId, period: HalfYear, overrides: readonly RateOverride[] = []): ReferenceRate {
  const entry = RATE_TABLES[table].entries.find((candidate) => candidate.period === period);
  const tableValue = entry?.ratePercent == null ? null : parseDecimal(entry.ratePercent);
  // The last override for a table and period wins (a settings list appended to over time).
  const override = [...overrides].reverse().find((candidate) => candidate.table === table && candidate.period === period);
  const base = { table, period, referenceDay: referenceDayOf(table, period), researchDate: RESEARCH_DATE };
  if (override) {
    const value = decimalFromNumber(override.ratePercent);
    if (!value) invalidInput(`rate override for ${table} ${period} is not a number: ${String(override.ratePercent)}`, 'rate_overrides');
    return { ...base, value, confidence: 'V', source: 'entered by the user', userEntered: true, replacedTableValue: tableValue };
  }
  if (!entry || !tableValue) {
    throw new LawFailure({ code: 'rate_unknown', message: rateUnknownMessage(table, period), table, period });
  }
  return { ...base, value: tableValue, confidence: entry.confidence, source: entry.source, userEntered: false, replacedTableValue: null };
}

const TABLE_ALIASES: Readonly<Record<string, RateTableId>> = {
  ECB_MRO: 'ECB_MRO',
  ECB: 'ECB_MRO',
  MRO: 'ECB_MRO',
  FR_LEGAL_PRO: 'FR_LEGAL_PRO',
  FR_LEGAL: 'FR_LEGAL_PRO',
  FR_LEGAL_RATE: 'FR_LEGAL_PRO',
  FR_LEGAL_OTHER: 'FR_LEGAL_PRO',
  FR_LEGAL_PRIVATE: 'FR_LEGAL_PRIVATE',
  DE_BASE_RATE: 'DE_BASE_RATE',
  DE_BASISZINSSATZ: 'DE_BASE_RATE',
  BASISZINSSATZ: 'DE_BASE_RATE',
  UK_BANK_RATE: 'UK_BANK_RATE',
  BOE_BANK_RATE: 'UK_BANK_RATE',
  BANK_RATE: 'UK_BANK_RATE',
};

/** A table name as a user or a settings file writes it ('ECB_MRO', 'ecb', 'BOE_BANK_RATE'...). */
export function parseRateTableId(text: string): RateTableId | null {
  return TABLE_ALIASES[text.trim().toUpperCase().replace(/[\s-]+/g, '_')] ?? null;
}

/**
 * An override's period: a half-year label ('2026-H2'), or the reference day itself
 * ('2026-07-01' for the ECB, '2026-06-30' for the UK Bank Rate, which then covers 2026-H2).
 */
export function parseOverridePeriod(table: RateTableId, text: string): HalfYear | null {
  const label = parseHalfYear(text);
  if (label) return label;
  const day = text.trim();
  if (!isValidIsoDate(day)) return null;
  if (table !== 'UK_BANK_RATE') return halfYearStart(halfYearOf(day)) === day ? halfYearOf(day) : null;
  const year = Number(day.slice(0, 4));
  if (day.endsWith('-06-30')) return halfYear(year, 2);
  if (day.endsWith('-12-31')) return halfYear(year + 1, 1);
  return null;
}
