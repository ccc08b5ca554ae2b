/**
 * Today's date for the whole extension, in the user's local time zone. Tests and the demo may pin it
 * through chrome.storage.session (CLOCK_OVERRIDE_KEY): that area is readable and writable only by
 * extension contexts, never by Gmail's page or our content script, and is cleared when the browser
 * closes, so a pinned date can never leak into a user's real days.
 */
import type { IsoDate } from '../../core/model';
import { CLOCK_OVERRIDE_KEY } from '../../protocol/messages';
import { browser } from './ext';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function localIsoDate(instant: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

export interface Clock {
  today(): Promise<IsoDate>;
  now(): Date;
}

export const browserClock: Clock = {
  async today() {
    const stored = (await browser.storage.session.get(CLOCK_OVERRIDE_KEY))[CLOCK_OVERRIDE_KEY];
    return typeof stored === 'string' && ISO_DATE.test(stored) ? stored : localIsoDate(new Date());
  },
  now: () => new Date(),
};

/** The next local midnight plus a minute, when the daily alarm recomputes the badge. */
export function nextDailyRefresh(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1, 0, 0);
  return next.getTime();
}
