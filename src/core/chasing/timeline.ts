/**
 * Calendar helpers of the ladder: pauses (a dispute, a promise, a payment plan freeze the ladder's
 * clock) and business days. Internal to src/core/chasing.
 */
import type { IsoDate } from '../model';
import { addDays, daysBetween } from '../dates';
import { nextBusinessDay, type HolidayCountry, type HolidayOptions } from './holidays';

export type PauseCause = 'dispute' | 'promise' | 'plan';

/** Days `start` to `end`, both included, on which nothing is chased. */
export interface Pause {
  start: IsoDate;
  end: IsoDate;
}

export interface BusinessCalendar {
  country: HolidayCountry;
  options: HolidayOptions;
}

/** Sorted, with overlapping or touching pauses merged into one. */
export function mergePauses(pauses: readonly Pause[]): Pause[] {
  const sorted = pauses.filter((pause) => pause.start <= pause.end).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Pause[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && pause.start <= addDays(last.end, 1)) {
      if (pause.end > last.end) last.end = pause.end;
    } else {
      merged.push({ ...pause });
    }
  }
  return merged;
}

export function pauseAt(date: IsoDate, pauses: readonly Pause[]): Pause | null {
  return pauses.find((pause) => pause.start <= date && date <= pause.end) ?? null;
}

/** The date, or the day after the pause it falls in. */
export function outOfPauses(date: IsoDate, pauses: readonly Pause[]): IsoDate {
  let day = date;
  for (let pause = pauseAt(day, pauses); pause; pause = pauseAt(day, pauses)) day = addDays(pause.end, 1);
  return day;
}

/**
 * `days` days after `base` on the ladder's clock: paused days do not count, so a step due 5 days
 * after the base that was interrupted by a 20-day dispute comes 25 days after it ("resume where it
 * left off"). Zero or negative offsets are plain calendar offsets, moved out of a pause.
 */
export function advance(base: IsoDate, days: number, pauses: readonly Pause[]): IsoDate {
  if (days <= 0) return outOfPauses(addDays(base, days), pauses);
  let day = base;
  let left = days;
  while (left > 0) {
    day = addDays(day, 1);
    const pause = pauseAt(day, pauses);
    if (pause) day = pause.end;
    else left -= 1;
  }
  return day;
}

/** The first business day on or after `date` that is outside every pause. */
export function settle(date: IsoDate, pauses: readonly Pause[], calendar: BusinessCalendar): IsoDate {
  let day = date;
  for (;;) {
    day = nextBusinessDay(day, calendar.country, calendar.options);
    const pause = pauseAt(day, pauses);
    if (!pause) return day;
    day = addDays(pause.end, 1);
  }
}

/** Paused days after `from` up to and including `to`. */
export function pausedDaysBetween(from: IsoDate, to: IsoDate, pauses: readonly Pause[]): number {
  let total = 0;
  for (const pause of pauses) {
    const start = pause.start > from ? pause.start : addDays(from, 1);
    const end = pause.end < to ? pause.end : to;
    if (start <= end) total += daysBetween(start, end) + 1;
  }
  return total;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
