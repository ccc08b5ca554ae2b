/**
 * The daily notification (issue 6): at the time the user set (settings `alerts.notifyAt`, 09:00 by
 * default), once per local day, only when something needs the user; a click opens the dashboard.
 * An alarm is set for the next time; every check (that alarm, the browser starting, a ledger
 * change, the clock moved by a test) shows a notification the day has not had yet, so a browser
 * closed at 09:00 and opened at 11:00 still gets that day's. The rule is notify-schedule.ts.
 *
 * Tests pin the time of day through chrome.storage.session `clock:time` (`HH:MM`), beside
 * `clock:today` (clock.ts): that area is for extension contexts only and is cleared when the
 * browser closes.
 */
import type { IsoDate, Language } from '../../core/model';
import { dashboardEn, dashboardFr } from '../../ui/i18n-dashboard';
import { browser } from './ext';
import { localTime, nextNotificationTime, notificationDue } from './notify-schedule';

export const CLOCK_TIME_KEY = 'clock:time';
export const NOTIFY_ALARM = 'daily-notification';
export const NOTIFICATION_ID = 'relance-daily';
/** chrome.storage.local: the day the last notification was shown. */
const LAST_NOTIFIED_KEY = 'notify:last-day';
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface PendingToday {
  today: IsoDate;
  count: number;
  notifyAt: string | null;
  language: Language;
}

/** The local time of day, `HH:MM` (the pinned one in tests). */
export async function timeOfDay(): Promise<string> {
  const pinned = (await browser.storage.session.get(CLOCK_TIME_KEY))[CLOCK_TIME_KEY];
  return typeof pinned === 'string' && HH_MM.test(pinned) ? pinned : localTime(new Date());
}

/** Sets the alarm for the next notification time (cleared when notifications are off). */
export async function scheduleDailyNotification(notifyAt: string | null): Promise<void> {
  if (notifyAt === null) {
    await browser.alarms.clear(NOTIFY_ALARM);
    return;
  }
  const when = nextNotificationTime(new Date(), notifyAt);
  const current = await browser.alarms.get(NOTIFY_ALARM);
  if (current?.scheduledTime !== when) browser.alarms.create(NOTIFY_ALARM, { when });
}

/** Shows today's notification when it is due (notify-schedule.ts); true when shown. */
export async function checkDailyNotification(pending: () => Promise<PendingToday>): Promise<boolean> {
  const { today, count, notifyAt, language } = await pending();
  await scheduleDailyNotification(notifyAt);
  const last = (await browser.storage.local.get(LAST_NOTIFIED_KEY))[LAST_NOTIFIED_KEY];
  const lastNotifiedDay = typeof last === 'string' ? last : null;
  if (!notificationDue({ today, time: await timeOfDay(), notifyAt, lastNotifiedDay, count })) return false;
  // Written first: two checks racing (an alarm and a ledger change) must not both show it.
  await browser.storage.local.set({ [LAST_NOTIFIED_KEY]: today });
  // The dashboard's catalogue alone: the worker does not need the panel's.
  const strings = language === 'fr' ? dashboardFr : dashboardEn;
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/relance-128.png'),
    title: strings.notifyTitle,
    message: count === 1 ? strings.notifyBodyOne : strings.notifyBodyMany.replace('{n}', String(count)),
  });
  return true;
}
