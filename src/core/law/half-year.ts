/**
 * Half-years, the unit every late-payment reference rate is published for: "2026-H1" is
 * 1 January – 30 June 2026, "2026-H2" is 1 July – 31 December 2026.
 */
import { parseIsoDate } from '../dates';
import type { IsoDate } from '../model';

export type HalfYear = `${number}-H${1 | 2}`;

const HALF_YEAR = /^(\d{4})-H([12])$/;

export function parseHalfYear(text: string): HalfYear | null {
  const match = HALF_YEAR.exec(text.trim().toUpperCase());
  if (!match) return null;
  return halfYear(Number(match[1]), match[2] === '1' ? 1 : 2);
}

export function halfYear(year: number, half: 1 | 2): HalfYear {
  return `${String(year).padStart(4, '0')}-H${half}` as HalfYear;
}

export function halfYearParts(period: HalfYear): { year: number; half: 1 | 2 } {
  return { year: Number(period.slice(0, 4)), half: period.endsWith('1') ? 1 : 2 };
}

export function halfYearOf(date: IsoDate): HalfYear {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return halfYear(parts.year, parts.month <= 6 ? 1 : 2);
}

/** 1 January or 1 July. */
export function halfYearStart(period: HalfYear): IsoDate {
  const { year, half } = halfYearParts(period);
  return `${String(year).padStart(4, '0')}-${half === 1 ? '01-01' : '07-01'}`;
}

/** 30 June or 31 December. */
export function halfYearEnd(period: HalfYear): IsoDate {
  const { year, half } = halfYearParts(period);
  return `${String(year).padStart(4, '0')}-${half === 1 ? '06-30' : '12-31'}`;
}

export function previousHalfYear(period: HalfYear): HalfYear {
  const { year, half } = halfYearParts(period);
  return half === 2 ? halfYear(year, 1) : halfYear(year - 1, 2);
}

/** Negative when a is earlier. Labels sort as text, but say what is meant. */
export function compareHalfYears(a: HalfYear, b: HalfYear): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-07-01' -> '1 July 2026' (for error messages; the UI formats dates itself). */
export function longEnglishDate(date: IsoDate): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return `${parts.day} ${MONTHS[parts.month - 1] ?? ''} ${parts.year}`;
}
