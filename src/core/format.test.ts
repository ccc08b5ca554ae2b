import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

/** Intl uses no-break spaces; compare on plain spaces but check separately that they are there. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('writes French amounts with spaces for thousands and a comma for decimals', () => {
    expect(plain(formatMoney(2400, 'EUR', 'fr'))).toBe('2 400,00 €');
    expect(plain(formatMoney(1234.5, 'EUR', 'fr'))).toBe('1 234,50 €');
  });

  it('keeps no-break spaces so the amount never wraps', () => {
    expect(formatMoney(2400, 'EUR', 'fr')).not.toContain(' ');
  });

  it('writes British English amounts', () => {
    expect(formatMoney(3200, 'GBP', 'en')).toBe('£3,200.00');
    expect(formatMoney(1250, 'EUR', 'en')).toBe('€1,250.00');
  });

  it('falls back to the code for a currency Intl does not know', () => {
    expect(plain(formatMoney(1200, 'XX1', 'fr'))).toBe('1 200,00 XX1');
  });
});

describe('formatDate', () => {
  it('writes long dates', () => {
    expect(formatDate('2026-11-23', 'fr', 'long')).toBe('23 novembre 2026');
    expect(formatDate('2026-12-04', 'en', 'long')).toBe('4 December 2026');
  });

  it('writes the first of the month as "1er" in French only', () => {
    expect(formatDate('2026-12-01', 'fr', 'long')).toBe('1er décembre 2026');
    expect(formatDate('2026-12-01', 'en', 'long')).toBe('1 December 2026');
  });

  it('writes short dates day-first', () => {
    expect(formatDate('2026-11-04', 'fr', 'short')).toBe('04/11/2026');
    expect(formatDate('2026-11-04', 'en', 'short')).toBe('04/11/2026');
  });

  it('does not move the day whatever the process time zone', () => {
    // Dates are built and formatted in UTC; a January date at the year edge is the sharpest check.
    expect(formatDate('2027-01-01', 'en', 'long')).toBe('1 January 2027');
  });

  it('refuses a non-date', () => {
    expect(() => formatDate('2026-02-30', 'fr', 'long')).toThrow(RangeError);
  });
});
