import { describe, expect, it } from 'vitest';
import { findWrittenDates, resolveWrittenDate, type WrittenDate } from './written-dates';

const only = (text: string): Pick<WrittenDate, 'day' | 'month' | 'year'> | undefined => {
  const [first] = findWrittenDates(text);
  return first && { day: first.day, month: first.month, year: first.year };
};

describe('findWrittenDates', () => {
  it.each([
    ['échéance : 23/11/2026', { day: 23, month: 11, year: 2026 }],
    ['le 04/12/26', { day: 4, month: 12, year: 2026 }],
    ['23.11.2026', { day: 23, month: 11, year: 2026 }],
    ['due date: 2026-12-04', { day: 4, month: 12, year: 2026 }],
    ['au plus tard le 23 novembre 2026', { day: 23, month: 11, year: 2026 }],
    ['le 1er décembre 2026', { day: 1, month: 12, year: 2026 }],
    ['le 3 févr. 2027', { day: 3, month: 2, year: 2027 }],
    ['Payment due: 4 December 2026', { day: 4, month: 12, year: 2026 }],
    ['by the 4th of December', { day: 4, month: 12, year: null }],
    ['by December 4, 2026', { day: 4, month: 12, year: 2026 }],
    ['avant le 23 novembre', { day: 23, month: 11, year: null }],
    ['avant le 23/11', { day: 23, month: 11, year: null }],
  ])('reads %j', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it('reads numeric dates day-first', () => {
    expect(only('04/12/2026')).toEqual({ day: 4, month: 12, year: 2026 });
  });

  it('does not read invoice numbers, amounts or impossible dates as dates', () => {
    expect(findWrittenDates('Facture F-2026-041 : 2 400,00 €, 12.50 £, 31/04/2026, TVA 20/100')).toEqual([]);
  });

  it('does not read the French weekday "mar." as March', () => {
    expect(only('mar. 3 nov. 2026')).toEqual({ day: 3, month: 11, year: 2026 });
  });
});

describe('resolveWrittenDate', () => {
  const date = (day: number, month: number, year: number | null = null): WrittenDate => ({ index: 0, end: 0, day, month, year });

  it('keeps a written year', () => {
    expect(resolveWrittenDate(date(23, 11, 2026), null, 'onOrAfter')).toBe('2026-11-23');
  });

  it('puts a year-less due date on or after the reference', () => {
    expect(resolveWrittenDate(date(23, 11), '2026-10-15', 'onOrAfter')).toBe('2026-11-23');
    expect(resolveWrittenDate(date(15, 1), '2026-12-10', 'onOrAfter')).toBe('2027-01-15');
    expect(resolveWrittenDate(date(10, 12), '2026-12-10', 'onOrAfter')).toBe('2026-12-10');
  });

  it('puts a year-less invoice date on or before the reference', () => {
    expect(resolveWrittenDate(date(28, 12), '2027-01-03', 'onOrBefore')).toBe('2026-12-28');
  });

  it('cannot resolve a year-less date without a reference', () => {
    expect(resolveWrittenDate(date(23, 11), null, 'onOrAfter')).toBeNull();
  });
});
