import { describe, expect, it } from 'vitest';
import { localTime, nextNotificationTime, notificationDue } from './notify-schedule';

const base = { today: '2026-11-20', time: '09:00', notifyAt: '09:00', lastNotifiedDay: null, count: 2 };

describe('notificationDue', () => {
  it('is due at the set time, when something is due, once per day', () => {
    expect(notificationDue(base)).toBe(true);
    expect(notificationDue({ ...base, time: '08:59' })).toBe(false);
    expect(notificationDue({ ...base, time: '17:30' })).toBe(true);
    expect(notificationDue({ ...base, lastNotifiedDay: '2026-11-20' })).toBe(false);
    expect(notificationDue({ ...base, lastNotifiedDay: '2026-11-19' })).toBe(true);
  });

  it('stays quiet with nothing due or notifications off', () => {
    expect(notificationDue({ ...base, count: 0 })).toBe(false);
    expect(notificationDue({ ...base, notifyAt: null })).toBe(false);
  });
});

describe('nextNotificationTime', () => {
  it('is later today before the time, tomorrow from it on', () => {
    const morning = new Date(2026, 10, 20, 8, 30);
    expect(new Date(nextNotificationTime(morning, '09:00'))).toEqual(new Date(2026, 10, 20, 9, 0));
    expect(new Date(nextNotificationTime(new Date(2026, 10, 20, 9, 0), '09:00'))).toEqual(new Date(2026, 10, 21, 9, 0));
    expect(new Date(nextNotificationTime(new Date(2026, 11, 31, 23, 0), '07:15'))).toEqual(new Date(2027, 0, 1, 7, 15));
  });

  it('reads a local time as HH:MM', () => {
    expect(localTime(new Date(2026, 10, 20, 7, 5))).toBe('07:05');
  });
});
