/**
 * Calendar-date arithmetic on `IsoDate` strings ('YYYY-MM-DD').
 *
 * Due dates are days, not instants, so every computation goes through UTC midnight: no local time
 * zone or daylight-saving change can ever shift a day. There is no clock here: callers pass dates in.
 */
import type { IsoDate } from './model';

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of a year (month 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return utcDateOf(year, month + 1, 0).getUTCDate();
}

/** The parts of a valid `YYYY-MM-DD` date, or null (wrong shape, month 13, 30 February…). */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return null;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isValidIsoDate(text: string): text is IsoDate {
  return parseIsoDate(text) !== null;
}

/** A checked calendar date, or null when the day does not exist (e.g. 31/04). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Formats parts as `YYYY-MM-DD`; the parts must form a real date (see `calendarDate`). */
export function toIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Same day N months later; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28/29 February), as a contract reader would expect.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return toIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = requireDate(date);
  return toIsoDate({ year, month, day: daysInMonth(year, month) });
}

/** Whole days from `a` to `b` (b - a): positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Sort comparator: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a));
}

/** The calendar day of a mailbox date-time ('YYYY-MM-DDTHH:mm'), or null if it has none. */
export function dayOfLocalDateTime(dateTime: string | null): IsoDate | null {
  if (dateTime === null) return null;
  const day = dateTime.slice(0, 10);
  return isValidIsoDate(day) ? day : null;
}

/**
 * Payment terms as they appear on French and English invoices.
 * - `net_days`: N days after the invoice date ("paiement à 30 jours", "net 30").
 * - `days_end_of_month`: "N jours fin de mois"; how to count it is a contract choice (see `EndOfMonthMethod`).
 * - `on_receipt`: payable on receipt ("à réception"), taken as the invoice date.
 */
export type PaymentTerms =
  | { kind: 'net_days'; days: number }
  | { kind: 'days_end_of_month'; days: number }
  | { kind: 'on_receipt' };

/**
 * The two ways of counting "N jours fin de mois" that the DGCCRF accepts
 * (late-payment-law.md 1.2): A = invoice date + N days, then end of that month;
 * B = end of the invoice month, then + N days. B is the suggested default.
 */
export type EndOfMonthMethod = 'A' | 'B';

export const DEFAULT_END_OF_MONTH_METHOD: EndOfMonthMethod = 'B';

export function dueDateFromTerms(issueDate: IsoDate, terms: PaymentTerms, method: EndOfMonthMethod): IsoDate {
  switch (terms.kind) {
    case 'on_receipt':
      return requireValid(issueDate);
    case 'net_days':
      return addDays(issueDate, terms.days);
    case 'days_end_of_month':
      return method === 'A' ? endOfMonth(addDays(issueDate, terms.days)) : addDays(endOfMonth(issueDate), terms.days);
  }
}

// Days since 1970-01-01. `setUTCFullYear` avoids Date.UTC's mapping of years 0-99 to 1900-1999.
function dayNumber(date: IsoDate): number {
  const { year, month, day } = requireDate(date);
  return Math.round(utcDateOf(year, month, day).getTime() / MS_PER_DAY);
}

function fromDayNumber(days: number): IsoDate {
  const date = new Date(days * MS_PER_DAY);
  return toIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

function utcDateOf(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function requireDate(date: IsoDate): CalendarDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return parts;
}

function requireValid(date: IsoDate): IsoDate {
  requireDate(date);
  return date;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
