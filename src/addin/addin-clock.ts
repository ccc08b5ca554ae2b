/**
 * Today's date in the task pane, in the user's local time zone. Tests and demos pin it as the
 * extension does (CLOCK_OVERRIDE_KEY), in the page's sessionStorage: only a page of the add-in's own
 * origin can write it, and it is gone when the pane closes, so a pinned day never outlives a session.
 */
import type { IsoDate } from '../core/model';
import { CLOCK_OVERRIDE_KEY } from '../protocol/messages';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function localIsoDate(instant: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

export async function addinToday(): Promise<IsoDate> {
  let pinned: string | null = null;
  try {
    pinned = sessionStorage.getItem(CLOCK_OVERRIDE_KEY);
  } catch {
    // Storage blocked (a locked-down browser): the real date.
  }
  return pinned && ISO_DATE.test(pinned) ? pinned : localIsoDate(new Date());
}
