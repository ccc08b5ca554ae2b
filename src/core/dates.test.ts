import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDate,
  compareIsoDates,
  dayOfLocalDateTime,
  daysBetween,
  daysInMonth,
  dueDateFromTerms,
  endOfMonth,
  isValidIsoDate,
  parseIsoDate,
} from './dates';

describe('parseIsoDate / isValidIsoDate', () => {
  it('reads a real date', () => {
    expect(parseIsoDate('2026-11-23')).toEqual({ year: 2026, month: 11, day: 23 });
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '23/11/2026', '2026-11-23T10:00', ''])(
    'rejects %j',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
      expect(isValidIsoDate(text)).toBe(false);
    },
  );

  it('knows leap years', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it('calendarDate refuses days a month lacks', () => {
    expect(calendarDate(2026, 4, 31)).toBeNull();
    expect(calendarDate(2026, 4, 30)).toEqual({ year: 2026, month: 4, day: 30 });
  });
});

describe('arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is not shifted by the daylight-saving change of late March / late October', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('adds months, clamping to the last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-15');
  });

  it('finds the end of the month', () => {
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
  });

  it('counts days from a to b', () => {
    expect(daysBetween('2026-11-23', '2026-11-30')).toBe(7);
    expect(daysBetween('2026-11-30', '2026-11-23')).toBe(-7);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('compares dates', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareIsoDates)).toEqual(['2025-12-31', '2026-01-15', '2026-03-01']);
  });

  it('throws on an invalid date rather than computing nonsense', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('takes the day of a mailbox date-time', () => {
    expect(dayOfLocalDateTime('2026-10-15T09:12')).toBe('2026-10-15');
    expect(dayOfLocalDateTime(null)).toBeNull();
    expect(dayOfLocalDateTime('hier')).toBeNull();
  });
});

describe('dueDateFromTerms', () => {
  it('net N days counts from the invoice date', () => {
    expect(dueDateFromTerms('2026-10-15', { kind: 'net_days', days: 30 }, 'B')).toBe('2026-11-14');
  });

  it('on receipt is the invoice date', () => {
    expect(dueDateFromTerms('2026-10-15', { kind: 'on_receipt' }, 'B')).toBe('2026-10-15');
  });

  // The worked example of late-payment-law.md 1.2 (non-leap year).
  it('45 days end of month, method A: +45 then end of month', () => {
    expect(dueDateFromTerms('2027-01-15', { kind: 'days_end_of_month', days: 45 }, 'A')).toBe('2027-03-31');
  });

  it('45 days end of month, method B: end of month then +45', () => {
    expect(dueDateFromTerms('2027-01-15', { kind: 'days_end_of_month', days: 45 }, 'B')).toBe('2027-03-17');
  });

  it('30 days end of month differs between methods', () => {
    const terms = { kind: 'days_end_of_month', days: 30 } as const;
    expect(dueDateFromTerms('2026-10-15', terms, 'A')).toBe('2026-11-30');
    expect(dueDateFromTerms('2026-10-15', terms, 'B')).toBe('2026-11-30');
    expect(dueDateFromTerms('2026-10-05', terms, 'A')).toBe('2026-11-30');
    expect(dueDateFromTerms('2026-10-20', terms, 'B')).toBe('2026-11-30');
    expect(dueDateFromTerms('2026-11-10', terms, 'A')).toBe('2026-12-31');
    expect(dueDateFromTerms('2026-11-10', terms, 'B')).toBe('2026-12-30');
  });

  it('an invoice dated on the last day gives invoice + N under method B', () => {
    expect(dueDateFromTerms('2026-01-31', { kind: 'days_end_of_month', days: 45 }, 'B')).toBe(addDays('2026-01-31', 45));
  });
});
