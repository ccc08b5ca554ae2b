/**
 * When the daily notification is due (issue 6): once per local day, at or after the time the user
 * set, and only when something needs the user. Pure, so the rule is tested without a browser.
 */
import type { IsoDate } from '../../core/model';

export interface NotificationCheck {
  today: IsoDate;
  /** The local time now, `HH:MM`. */
  time: string;
  /** The user's time, `HH:MM`; null: notifications off. */
  notifyAt: string | null;
  /** The day the last notification was shown, null: never. */
  lastNotifiedDay: IsoDate | null;
  /** Items needing the user today. */
  count: number;
}

/**
 * Due when notifications are on, the time has come today, none was shown today, and something is
 * due. A later check the same day (the browser opened at 11:00 for a 09:00 notification) still
 * shows it: that is the catch-up. A day with nothing due shows nothing, and a later change that
 * day (a new item) may still show it once.
 */
export function notificationDue({ today, time, notifyAt, lastNotifiedDay, count }: NotificationCheck): boolean {
  return notifyAt !== null && count > 0 && time >= notifyAt && (lastNotifiedDay === null || lastNotifiedDay < today);
}

/** The next instant (ms) the local clock reads `notifyAt`, strictly after `now`. */
export function nextNotificationTime(now: Date, notifyAt: string): number {
  const [hours, minutes] = notifyAt.split(':').map(Number) as [number, number];
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime();
}

/** `HH:MM` of a local instant. */
export function localTime(instant: Date): string {
  return `${String(instant.getHours()).padStart(2, '0')}:${String(instant.getMinutes()).padStart(2, '0')}`;
}
