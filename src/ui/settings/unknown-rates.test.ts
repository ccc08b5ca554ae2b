import { describe, expect, it } from 'vitest';
import { unknownRates } from './unknown-rates';

describe('unknownRates', () => {
  it('lists the half-years up to today without a published rate, per table', () => {
    const unknown = unknownRates('2026-11-20', [], ['ECB_MRO', 'FR_LEGAL_PRO']);
    expect(unknown).toContainEqual({ table: 'ECB_MRO', period: '2026-H2' });
    expect(unknown).toContainEqual({ table: 'FR_LEGAL_PRO', period: '2026-H2' });
    expect(unknown.some((rate) => rate.period === '2026-H1')).toBe(false);
  });

  it('drops a period the user entered, and never lists a future half-year', () => {
    expect(unknownRates('2026-11-20', [{ table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.15 }], ['ECB_MRO'])).toEqual([]);
    expect(unknownRates('2026-03-01', [], ['ECB_MRO'])).toEqual([]);
  });
});
