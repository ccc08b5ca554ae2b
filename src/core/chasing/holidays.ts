/**
 * Public holidays and business days, computed (no table to keep up to date), so the ladder never
 * proposes a call, a letter or an email on a weekend or a public holiday (chasing settings `country`).
 *
 * Calendars:
 * - `FR`: 1 Jan, Easter Monday, 1 May, 8 May, Ascension Thursday, Whit Monday, 14 Jul, 15 Aug,
 *   1 Nov, 11 Nov, 25 Dec (Code du travail L3133-1). Whit Monday stays a holiday even though it is
 *   often the "journée de solidarité": many clients' offices are closed that day.
 *   With `alsaceMoselle`: also Good Friday and 26 Dec (Code du travail L3134-13). Weekday clashes
 *   are never moved to another day in France.
 * - `DE`: the nine nationwide holidays (1 Jan, Good Friday, Easter Monday, 1 May, Ascension,
 *   Whit Monday, 3 Oct, 25 and 26 Dec). The Länder's own holidays are not included.
 * - `GB`: England and Wales bank holidays (1 Jan, Good Friday, Easter Monday, first and last Monday
 *   of May, last Monday of August, 25 and 26 Dec), with the substitute weekday when one falls on a
 *   weekend. One-off royal bank holidays are not included (none is known for the future).
 * - `none`: weekends only.
 */
import type { IsoDate } from '../model';
import { addDays, daysBetween, endOfMonth, toIsoDate } from '../dates';

export const HOLIDAY_COUNTRIES = ['FR', 'DE', 'GB', 'none'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

export function isHolidayCountry(value: unknown): value is HolidayCountry {
  return typeof value === 'string' && (HOLIDAY_COUNTRIES as readonly string[]).includes(value);
}

export interface HolidayOptions {
  /** France only: add the Alsace-Moselle holidays (Good Friday, 26 December). */
  alsaceMoselle?: boolean;
}

/** Machine names, translated by the UI. */
export type HolidayName =
  | 'new_year'
  | 'good_friday'
  | 'easter_monday'
  | 'labour_day'
  | 'victory_1945'
  | 'ascension'
  | 'whit_monday'
  | 'bastille_day'
  | 'assumption'
  | 'all_saints'
  | 'armistice_1918'
  | 'christmas'
  | 'st_stephen'
  | 'german_unity'
  | 'early_may_bank_holiday'
  | 'spring_bank_holiday'
  | 'summer_bank_holiday'
  | 'boxing_day';

export interface PublicHoliday {
  date: IsoDate;
  name: HolidayName;
  /** GB: the weekday that replaces a holiday falling on a weekend. */
  substitute?: boolean;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  return (((daysBetween('1970-01-01', date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate({ year, month, day });
}

const cache = new Map<string, readonly PublicHoliday[]>();

/** The public holidays of a year, sorted by date. */
export function publicHolidays(year: number, country: HolidayCountry, options: HolidayOptions = {}): readonly PublicHoliday[] {
  const alsaceMoselle = country === 'FR' && options.alsaceMoselle === true;
  const key = `${country}:${alsaceMoselle ? 'am' : ''}:${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const list = computeHolidays(year, country, alsaceMoselle).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(key, list);
  return list;
}

export function isPublicHoliday(date: IsoDate, country: HolidayCountry, options: HolidayOptions = {}): boolean {
  if (country === 'none') return false;
  const year = Number(date.slice(0, 4));
  return publicHolidays(year, country, options).some((holiday) => holiday.date === date);
}

/** A weekday that is not a public holiday of the country. */
export function isBusinessDay(date: IsoDate, country: HolidayCountry, options: HolidayOptions = {}): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, country, options);
}

/** The date itself when it is a business day, else the first business day after it. */
export function nextBusinessDay(date: IsoDate, country: HolidayCountry, options: HolidayOptions = {}): IsoDate {
  let day = date;
  while (!isBusinessDay(day, country, options)) day = addDays(day, 1);
  return day;
}

/** The date itself when it is a business day, else the last business day before it. */
export function previousBusinessDay(date: IsoDate, country: HolidayCountry, options: HolidayOptions = {}): IsoDate {
  let day = date;
  while (!isBusinessDay(day, country, options)) day = addDays(day, -1);
  return day;
}

function computeHolidays(year: number, country: HolidayCountry, alsaceMoselle: boolean): PublicHoliday[] {
  const easter = easterSunday(year);
  const on = (month: number, day: number): IsoDate => toIsoDate({ year, month, day });
  const fromEaster = (days: number): IsoDate => addDays(easter, days);
  switch (country) {
    case 'none':
      return [];
    case 'FR': {
      const list: PublicHoliday[] = [
        { date: on(1, 1), name: 'new_year' },
        { date: fromEaster(1), name: 'easter_monday' },
        { date: on(5, 1), name: 'labour_day' },
        { date: on(5, 8), name: 'victory_1945' },
        { date: fromEaster(39), name: 'ascension' },
        { date: fromEaster(50), name: 'whit_monday' },
        { date: on(7, 14), name: 'bastille_day' },
        { date: on(8, 15), name: 'assumption' },
        { date: on(11, 1), name: 'all_saints' },
        { date: on(11, 11), name: 'armistice_1918' },
        { date: on(12, 25), name: 'christmas' },
      ];
      if (alsaceMoselle) list.push({ date: fromEaster(-2), name: 'good_friday' }, { date: on(12, 26), name: 'st_stephen' });
      return list;
    }
    case 'DE':
      return [
        { date: on(1, 1), name: 'new_year' },
        { date: fromEaster(-2), name: 'good_friday' },
        { date: fromEaster(1), name: 'easter_monday' },
        { date: on(5, 1), name: 'labour_day' },
        { date: fromEaster(39), name: 'ascension' },
        { date: fromEaster(50), name: 'whit_monday' },
        { date: on(10, 3), name: 'german_unity' },
        { date: on(12, 25), name: 'christmas' },
        { date: on(12, 26), name: 'st_stephen' },
      ];
    case 'GB': {
      const list: PublicHoliday[] = [
        { date: fromEaster(-2), name: 'good_friday' },
        { date: fromEaster(1), name: 'easter_monday' },
        { date: firstMonday(year, 5), name: 'early_may_bank_holiday' },
        { date: lastMonday(year, 5), name: 'spring_bank_holiday' },
        { date: lastMonday(year, 8), name: 'summer_bank_holiday' },
      ];
      // Fixed-date holidays falling on a weekend move to the next weekday not already a holiday:
      // Christmas on Saturday => Monday 27, Boxing Day => Tuesday 28; Christmas on Sunday =>
      // Boxing Day stays Monday 26 and Christmas moves to Tuesday 27.
      const fixed: PublicHoliday[] = [
        { date: on(1, 1), name: 'new_year' },
        { date: on(12, 25), name: 'christmas' },
        { date: on(12, 26), name: 'boxing_day' },
      ];
      const taken = new Set(list.map((holiday) => holiday.date));
      for (const holiday of fixed) if (!isWeekend(holiday.date)) taken.add(holiday.date);
      for (const holiday of fixed) {
        if (!isWeekend(holiday.date)) {
          list.push(holiday);
          continue;
        }
        let day = holiday.date;
        while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
        taken.add(day);
        list.push({ date: day, name: holiday.name, substitute: true });
      }
      return list;
    }
  }
}

function firstMonday(year: number, month: number): IsoDate {
  let day = toIsoDate({ year, month, day: 1 });
  while (dayOfWeek(day) !== 1) day = addDays(day, 1);
  return day;
}

function lastMonday(year: number, month: number): IsoDate {
  let day = endOfMonth(toIsoDate({ year, month, day: 1 }));
  while (dayOfWeek(day) !== 1) day = addDays(day, -1);
  return day;
}
