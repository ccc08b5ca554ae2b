/**
 * Dates as people write them in French and English mails. Numeric dates are day-first (France and
 * the UK both write 04/12/2026 for 4 December); month names may come in either language, in full or
 * abbreviated; the year may be missing ("avant le 23 novembre").
 */
import type { IsoDate } from '../model';
import { calendarDate, compareIsoDates, parseIsoDate, toIsoDate } from '../dates';
import { MONTH_NUMBERS as MONTHS } from '../month-names';

export interface WrittenDate {
  index: number;
  end: number;
  day: number;
  month: number;
  /** Null when the text gave no year. */
  year: number | null;
}

// Longest names first so "septembre" is not read as "sept".
const MONTH_NAME = String.raw`(janvier|janv|january|jan|f[ée]vrier|f[ée]vr|f[ée]v|february|feb|mars|march|mar|avril|avr|april|apr|mai|may|juin|june|jun|juillet|juil|july|jul|ao[uû]t|august|aug|septembre|september|sept|sep|octobre|october|oct|novembre|november|nov|d[ée]cembre|december|dec)\.?`;

const PATTERNS: ReadonlyArray<{ pattern: RegExp; read: (match: RegExpMatchArray) => Omit<WrittenDate, 'index' | 'end'> | null }> = [
  // 2026-12-04
  { pattern: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g, read: (m) => parts(m[3], m[2], m[1]) },
  // 23/11/2026, 23.11.2026, 23-11-26, and year-less 23/11
  {
    pattern: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-])(?!\.\d)/g,
    read: (m) => (m[4] === undefined && m[2] !== '/' ? null : parts(m[1], m[3], m[4])),
  },
  // 23 novembre 2026, 1er décembre, 4th December 2026
  {
    pattern: new RegExp(String.raw`(?<![\d\p{L}])(\d{1,2})(?:er|st|nd|rd|th)?\s+(?:of\s+)?${MONTH_NAME}(?![\p{L}])(?:,?\s+(\d{4})(?!\d))?`, 'giu'),
    read: (m) => parts(m[1], monthNumber(m[2]), m[3]),
  },
  // December 4, 2026 / December 4th. Not "mar.", which in French mails is Tuesday ("mar. 3 nov.").
  {
    pattern: new RegExp(String.raw`(?<![\p{L}])(?!mar\.)${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d\p{L}])(?:,?\s+(\d{4})(?!\d))?`, 'giu'),
    read: (m) => parts(m[2], monthNumber(m[1]), m[3]),
  },
];

/** Every date written in `text`, in reading order, without overlaps. */
export function findWrittenDates(text: string): WrittenDate[] {
  const found: WrittenDate[] = [];
  for (const { pattern, read } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const date = read(match);
      if (date) found.push({ ...date, index: match.index, end: match.index + match[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: WrittenDate[] = [];
  for (const date of found) {
    const last = kept.at(-1);
    if (!last || date.index >= last.end) kept.push(date);
  }
  return kept;
}

/**
 * The calendar day of a written date. A year-less date takes the year that puts it on or after
 * `reference` (a due date after the invoice date) or, with 'onOrBefore', on or before it (an invoice
 * date before the mail that sends it). Null when the year is missing and there is no reference.
 */
export function resolveWrittenDate(date: WrittenDate, reference: IsoDate | null, direction: 'onOrAfter' | 'onOrBefore'): IsoDate | null {
  if (date.year !== null) {
    const parts = calendarDate(date.year, date.month, date.day);
    return parts ? toIsoDate(parts) : null;
  }
  const referenceParts = reference === null ? null : parseIsoDate(reference);
  if (reference === null || referenceParts === null) return null;
  const step = direction === 'onOrAfter' ? 1 : -1;
  // Two tries: the reference's year, then the next (or previous). 29 February skips to a leap year
  // only within that window; beyond it the date is not worth guessing.
  for (const year of [referenceParts.year, referenceParts.year + step]) {
    const parts = calendarDate(year, date.month, date.day);
    if (!parts) continue;
    const candidate = toIsoDate(parts);
    const order = compareIsoDates(candidate, reference);
    if (order === 0 || Math.sign(order) === step) return candidate;
  }
  return null;
}

function parts(day: string | undefined, month: string | number | undefined, year: string | undefined): Omit<WrittenDate, 'index' | 'end'> | null {
  const dayNumber = Number(day);
  const monthNumberValue = Number(month);
  const yearNumber = year === undefined ? null : year.length === 2 ? 2000 + Number(year) : Number(year);
  // Check the day exists (in a leap year when the year is unknown, so 29/02 stays possible).
  if (!calendarDate(yearNumber ?? 2028, monthNumberValue, dayNumber)) return null;
  return { day: dayNumber, month: monthNumberValue, year: yearNumber };
}

function monthNumber(name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  const key = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '');
  return MONTHS[key];
}
