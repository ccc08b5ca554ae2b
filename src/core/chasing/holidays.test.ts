import { describe, expect, it } from 'vitest';
import { dayOfWeek, easterSunday, isBusinessDay, isPublicHoliday, nextBusinessDay, previousBusinessDay, publicHolidays } from './holidays';

const dates = (list: readonly { date: string }[]) => list.map((holiday) => holiday.date);

describe('easterSunday (Gregorian computus)', () => {
  it.each([
    [1818, '1818-03-22'],
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('dayOfWeek', () => {
  it('counts 0 = Sunday', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2026-03-01')).toBe(0);
    expect(dayOfWeek('2026-03-07')).toBe(6);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });
});

describe('publicHolidays', () => {
  it('France 2026: the eleven public holidays', () => {
    expect(dates(publicHolidays(2026, 'FR'))).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
  });

  it('France 2027: Easter-based days move with Easter (28 March)', () => {
    const list = publicHolidays(2027, 'FR');
    expect(list.find((h) => h.name === 'easter_monday')?.date).toBe('2027-03-29');
    expect(list.find((h) => h.name === 'ascension')?.date).toBe('2027-05-06');
    expect(list.find((h) => h.name === 'whit_monday')?.date).toBe('2027-05-17');
  });

  it('Alsace-Moselle adds Good Friday and 26 December', () => {
    const list = dates(publicHolidays(2026, 'FR', { alsaceMoselle: true }));
    expect(list).toHaveLength(13);
    expect(list).toContain('2026-04-03');
    expect(list).toContain('2026-12-26');
    expect(isPublicHoliday('2026-04-03', 'FR')).toBe(false);
    expect(isPublicHoliday('2026-04-03', 'FR', { alsaceMoselle: true })).toBe(true);
  });

  it('Germany 2026: the nine nationwide holidays', () => {
    expect(dates(publicHolidays(2026, 'DE'))).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26',
    ]);
  });

  it('England and Wales 2026: Boxing Day on a Saturday moves to Monday 28', () => {
    expect(dates(publicHolidays(2026, 'GB'))).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
  });

  it('England and Wales 2027: Christmas on Saturday => 27 and 28 December', () => {
    const list = dates(publicHolidays(2027, 'GB'));
    expect(list).toContain('2027-12-27');
    expect(list).toContain('2027-12-28');
    expect(list).not.toContain('2027-12-25');
  });

  it('England and Wales 2022: New Year on Saturday => 3 January; Christmas on Sunday => Boxing Day 26, Christmas 27', () => {
    const list = publicHolidays(2022, 'GB');
    expect(list.find((h) => h.name === 'new_year')).toEqual({ date: '2022-01-03', name: 'new_year', substitute: true });
    expect(list.find((h) => h.name === 'boxing_day')?.date).toBe('2022-12-26');
    expect(list.find((h) => h.name === 'christmas')?.date).toBe('2022-12-27');
  });

  it('none: no holidays', () => {
    expect(publicHolidays(2026, 'none')).toEqual([]);
    expect(isPublicHoliday('2026-12-25', 'none')).toBe(false);
  });
});

describe('business days', () => {
  it('knows French holidays and weekends', () => {
    expect(isBusinessDay('2026-04-06', 'FR')).toBe(false);
    expect(isBusinessDay('2026-05-14', 'FR')).toBe(false);
    expect(isBusinessDay('2026-05-25', 'FR')).toBe(false);
    expect(isBusinessDay('2026-04-07', 'FR')).toBe(true);
    expect(isBusinessDay('2026-03-07', 'none')).toBe(false);
  });

  it('nextBusinessDay: the day itself, or past weekends and holidays', () => {
    expect(nextBusinessDay('2026-04-03', 'FR')).toBe('2026-04-03');
    expect(nextBusinessDay('2026-04-04', 'FR')).toBe('2026-04-07');
    expect(nextBusinessDay('2026-04-04', 'none')).toBe('2026-04-06');
    expect(nextBusinessDay('2026-04-03', 'FR', { alsaceMoselle: true })).toBe('2026-04-07');
    expect(nextBusinessDay('2026-05-08', 'FR')).toBe('2026-05-11');
    expect(nextBusinessDay('2026-12-25', 'GB')).toBe('2026-12-29');
    expect(nextBusinessDay('2026-10-03', 'DE')).toBe('2026-10-05');
  });

  it('previousBusinessDay: back past weekends and holidays', () => {
    expect(previousBusinessDay('2026-05-03', 'FR')).toBe('2026-04-30');
    expect(previousBusinessDay('2026-05-03', 'none')).toBe('2026-05-01');
    expect(previousBusinessDay('2026-05-12', 'FR')).toBe('2026-05-12');
  });
});
