import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal';
import { LawFailure } from './errors';
import { RATE_TABLES, type RateTableId } from './rate-tables';
import { describeReferenceRate, lookupReferenceRate, parseOverridePeriod, parseRateTableId, rateUnknownMessage, referenceDayOf } from './rates';
import type { HalfYear } from './half-year';

function value(table: RateTableId, period: HalfYear): string {
  return formatDecimal(lookupReferenceRate(table, period).value);
}

function values(table: RateTableId): Record<string, string | null> {
  return Object.fromEntries(RATE_TABLES[table].entries.map((entry) => [entry.period, entry.ratePercent]));
}

const PERIODS_2019_2026 = ['2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1', '2022-H2', '2023-H1', '2023-H2', '2024-H1', '2024-H2', '2025-H1', '2025-H2', '2026-H1', '2026-H2'];

describe('rate tables (late-payment-law.md section 2)', () => {
  it('cover 2019-H1 to 2026-H2 in order, with 2026-H2 unknown, in every table', () => {
    for (const table of Object.values(RATE_TABLES)) {
      expect(table.entries.map((entry) => entry.period)).toEqual(PERIODS_2019_2026);
      expect(table.entries.at(-1)).toMatchObject({ period: '2026-H2', ratePercent: null, confidence: 'UNKNOWN' });
      for (const entry of table.entries) expect(entry.source.length).toBeGreaterThan(3);
      expect(table.researchDate).toBe('2026-11');
    }
  });

  it('ECB MRO on each 1 January / 1 July', () => {
    expect(values('ECB_MRO')).toEqual({
      '2019-H1': '0.00', '2019-H2': '0.00', '2020-H1': '0.00', '2020-H2': '0.00', '2021-H1': '0.00', '2021-H2': '0.00', '2022-H1': '0.00',
      '2022-H2': '0.00', // the first hike took effect on 27 Jul 2022
      '2023-H1': '2.50', '2023-H2': '4.00', '2024-H1': '4.50', '2024-H2': '4.25', '2025-H1': '3.15', '2025-H2': '2.15', '2026-H1': '2.15', '2026-H2': null,
    });
  });

  it('French legal rates, both columns', () => {
    expect(values('FR_LEGAL_PRO')).toEqual({
      '2019-H1': '0.86', '2019-H2': '0.87', '2020-H1': '0.87', '2020-H2': '0.84', '2021-H1': '0.79', '2021-H2': '0.76', '2022-H1': '0.76', '2022-H2': '0.77',
      '2023-H1': '2.06', '2023-H2': '4.22', '2024-H1': '5.07', '2024-H2': '4.92', '2025-H1': '3.71', '2025-H2': '2.76', '2026-H1': '2.62', '2026-H2': null,
    });
    expect(values('FR_LEGAL_PRIVATE')).toEqual({
      '2019-H1': '3.40', '2019-H2': '3.26', '2020-H1': '3.15', '2020-H2': '3.11', '2021-H1': '3.14', '2021-H2': '3.12', '2022-H1': '3.13', '2022-H2': '3.15',
      '2023-H1': '4.47', '2023-H2': '6.82', '2024-H1': '8.01', '2024-H2': '8.16', '2025-H1': '7.21', '2025-H2': '6.65', '2026-H1': '6.67', '2026-H2': null,
    });
  });

  it('the 3 x legal rate floors of section 1.3 follow from the table', () => {
    const floors = PERIODS_2019_2026.slice(0, -1).map((period) => (3 * Number(values('FR_LEGAL_PRO')[period])).toFixed(2));
    expect(floors).toEqual(['2.58', '2.61', '2.61', '2.52', '2.37', '2.28', '2.28', '2.31', '6.18', '12.66', '15.21', '14.76', '11.13', '8.28', '7.86']);
  });

  it('German base rate, with the derived values marked', () => {
    const de = values('DE_BASE_RATE');
    for (const period of PERIODS_2019_2026.slice(0, 8)) expect(de[period]).toBe('-0.88');
    expect(PERIODS_2019_2026.slice(8).map((period) => de[period])).toEqual(['1.62', '3.12', '3.62', '3.37', '2.27', '1.27', '1.27', null]);
    expect(RATE_TABLES.DE_BASE_RATE.entries.filter((entry) => entry.confidence === 'derived').map((entry) => entry.period)).toEqual(['2023-H2', '2024-H1', '2024-H2']);
  });

  it('UK Bank Rate on each reference day, keyed by the half-year interest starts in', () => {
    expect(RATE_TABLES.UK_BANK_RATE.entries.map((entry) => [entry.referenceDay, entry.ratePercent, entry.confidence])).toEqual([
      ['2018-12-31', '0.75', 'K'],
      ['2019-06-30', '0.75', 'K'],
      ['2019-12-31', '0.75', 'V'],
      ['2020-06-30', '0.10', 'K'],
      ['2020-12-31', '0.10', 'V'],
      ['2021-06-30', '0.10', 'K'],
      ['2021-12-31', '0.25', 'V'],
      ['2022-06-30', '1.25', 'V'],
      ['2022-12-31', '3.50', 'V'],
      ['2023-06-30', '5.00', 'V'],
      ['2023-12-31', '5.25', 'V'],
      ['2024-06-30', '5.25', 'V'],
      ['2024-12-31', '4.75', 'V'],
      ['2025-06-30', '4.25', 'V'],
      ['2025-12-31', '3.75', 'V'],
      ['2026-06-30', null, 'UNKNOWN'],
    ]);
  });
});

describe('lookupReferenceRate', () => {
  it('reads the table', () => {
    expect(value('ECB_MRO', '2025-H2')).toBe('2.15');
    expect(lookupReferenceRate('UK_BANK_RATE', '2025-H1')).toMatchObject({ referenceDay: '2024-12-31', confidence: 'V', userEntered: false });
  });

  it('refuses an unknown period, naming the table and the period, and never extrapolates', () => {
    const attempt = (table: RateTableId, period: HalfYear) => {
      try {
        lookupReferenceRate(table, period);
      } catch (error) {
        return (error as LawFailure).error;
      }
      return null;
    };
    expect(attempt('ECB_MRO', '2026-H2')).toEqual({
      code: 'rate_unknown',
      message: 'rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings',
      table: 'ECB_MRO',
      period: '2026-H2',
    });
    expect(attempt('UK_BANK_RATE', '2026-H2')?.message).toBe('rate unknown for 2026-H2 (Bank of England Bank Rate on 30 June 2026): enter it in the settings');
    expect(attempt('DE_BASE_RATE', '2018-H2')?.message).toBe('rate unknown for 2018-H2 (German base rate (Basiszinssatz) from 1 July 2018): enter it in the settings');
    expect(attempt('FR_LEGAL_PRO', '2027-H1')?.code).toBe('rate_unknown');
  });

  it('takes the user-entered value first (the last one for a period wins)', () => {
    const overrides = [
      { table: 'ECB_MRO' as const, period: '2026-H2' as const, ratePercent: 2.4 },
      { table: 'ECB_MRO' as const, period: '2026-H2' as const, ratePercent: 2.15 },
    ];
    expect(lookupReferenceRate('ECB_MRO', '2026-H2', overrides)).toMatchObject({ value: { units: 215n, scale: 2 }, userEntered: true, source: 'entered by the user', replacedTableValue: null });
    const corrected = lookupReferenceRate('ECB_MRO', '2025-H2', [{ table: 'ECB_MRO', period: '2025-H2', ratePercent: 2.4 }]);
    expect(formatDecimal(corrected.value)).toBe('2.4');
    expect(formatDecimal(corrected.replacedTableValue!)).toBe('2.15');
  });

  it('describes the reference day of each table', () => {
    expect(referenceDayOf('UK_BANK_RATE', '2026-H1')).toBe('2025-12-31');
    expect(referenceDayOf('UK_BANK_RATE', '2026-H2')).toBe('2026-06-30');
    expect(referenceDayOf('ECB_MRO', '2026-H2')).toBe('2026-07-01');
    expect(describeReferenceRate('FR_LEGAL_PRO', '2026-H2')).toBe('French legal interest rate, professional-creditor column, from 1 July 2026');
    expect(rateUnknownMessage('ECB_MRO', '2026-H2')).toBe('rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings');
  });

  it('reads table names and periods as users write them', () => {
    expect(parseRateTableId('ecb')).toBe('ECB_MRO');
    expect(parseRateTableId('BoE bank rate')).toBe('UK_BANK_RATE');
    expect(parseRateTableId('FR_LEGAL_RATE')).toBe('FR_LEGAL_PRO');
    expect(parseRateTableId('LIBOR')).toBeNull();
    expect(parseOverridePeriod('ECB_MRO', '2026-h2')).toBe('2026-H2');
    expect(parseOverridePeriod('ECB_MRO', '2026-07-01')).toBe('2026-H2');
    expect(parseOverridePeriod('ECB_MRO', '2026-07-02')).toBeNull();
    expect(parseOverridePeriod('UK_BANK_RATE', '2026-06-30')).toBe('2026-H2');
    expect(parseOverridePeriod('UK_BANK_RATE', '2025-12-31')).toBe('2026-H1');
    expect(parseOverridePeriod('UK_BANK_RATE', '2026-H3')).toBeNull();
  });
});
