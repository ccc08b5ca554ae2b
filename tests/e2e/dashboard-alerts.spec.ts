/**
 * Issue 6, the daily alerts: the badge counts today's items in the colour of their urgency (red
 * when one is seriously late: > 30 days past due, formal notice or beyond, broken promise; orange
 * otherwise), follows the clock across days the browser did not see, and the daily notification
 * comes at the set time (09:00 by default), once per day, only when something is due. The clock
 * is pinned through chrome.storage.session: `clock:today` and `clock:time` (HH:MM).
 */
import { ANCHOR, expect, test, type Relance } from './harness';
import { badgeColour, track } from './dashboard-support';

const ORANGE = '#D9480F';
const RED = '#C92A2A';

async function setClock(relance: Relance, day: string, time: string): Promise<void> {
  const worker = await relance.worker();
  // One write, so the worker refreshes once for the new day and time together.
  await worker.evaluate(([d, t]) => chrome.storage.session.set({ 'clock:today': d, 'clock:time': t }), [day, time] as const);
}

async function notifications(relance: Relance): Promise<string[]> {
  const worker = await relance.worker();
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

async function lastNotifiedDay(relance: Relance): Promise<unknown> {
  const worker = await relance.worker();
  return worker.evaluate(async () => (await chrome.storage.local.get('notify:last-day'))['notify:last-day']);
}

async function clearNotifications(relance: Relance): Promise<void> {
  const worker = await relance.worker();
  await worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}

test('the badge is orange for today’s items and red once one is seriously late, across skipped days', async ({ relance }) => {
  await setClock(relance, ANCHOR, '07:00');
  await track(relance, 'frDueToday');
  await track(relance, 'frOverdue');
  // Today: the invoice due today and the first reminder of the one 10 days late: nothing seriously late.
  await expect.poll(() => relance.badgeText()).toBe('2');
  expect(await badgeColour(relance)).toBe(ORANGE);

  // Days later (the browser "closed" in between): the count follows the ladder on each day it is
  // asked about; whenever F-2026-032 needs the user more than 30 days after its due date (10
  // November), the badge is red.
  const seen: Array<{ day: string; text: string; colour: string }> = [];
  for (const day of ['2026-11-27', '2026-12-04', '2026-12-11', '2026-12-18', '2026-12-25', '2027-01-08']) {
    await setClock(relance, day, '07:00');
    await expect.poll(async () => (await relance.worker()).evaluate(() => chrome.storage.session.get('clock:today'))).toEqual({ 'clock:today': day });
    // Let the refresh triggered by the clock finish (a few IndexedDB reads), then read.
    await new Promise((resolve) => setTimeout(resolve, 500));
    seen.push({ day, text: await relance.badgeText(), colour: await badgeColour(relance) });
  }
  const shown = seen.filter((entry) => entry.text !== '');
  expect(shown.length, JSON.stringify(seen)).toBeGreaterThan(0);
  for (const entry of shown) expect(entry.colour, JSON.stringify(entry)).toBe(entry.day > '2026-12-10' ? RED : ORANGE);
  expect(shown.some((entry) => entry.colour === RED), JSON.stringify(seen)).toBe(true);
});

test('the daily notification comes at 09:00, once per day, only when something is due', async ({ relance }) => {
  await setClock(relance, ANCHOR, '08:00');
  await track(relance, 'frDueToday');
  await expect.poll(() => relance.badgeText()).toBe('1');
  expect(await notifications(relance)).toEqual([]);

  await setClock(relance, ANCHOR, '08:59');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await notifications(relance)).toEqual([]);
  expect(await lastNotifiedDay(relance)).toBeUndefined();

  // 09:00: shown, once.
  await setClock(relance, ANCHOR, '09:00');
  await expect.poll(() => notifications(relance)).toEqual(['relance-daily']);
  expect(await lastNotifiedDay(relance)).toBe(ANCHOR);
  await clearNotifications(relance);
  await setClock(relance, ANCHOR, '11:30');
  await track(relance, 'frDueSoon');
  await expect.poll(() => relance.badgeText()).toBe('2');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await notifications(relance)).toEqual([]);

  // Tuesday 24: nothing due (badge spec): no notification, even after 09:00.
  await setClock(relance, '2026-11-24', '09:30');
  await expect.poll(() => relance.badgeText()).toBe('');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await notifications(relance)).toEqual([]);

  // Friday 27, opened at 10:15 (after the time): that day's notification catches up, once.
  await setClock(relance, '2026-11-27', '10:15');
  await expect.poll(() => notifications(relance)).toEqual(['relance-daily']);
  expect(await lastNotifiedDay(relance)).toBe('2026-11-27');

  // The next one is scheduled for 09:00 local time.
  const worker = await relance.worker();
  const alarm = await worker.evaluate(() => chrome.alarms.get('daily-notification'));
  const at = new Date(alarm!.scheduledTime);
  expect([at.getHours(), at.getMinutes()]).toEqual([9, 0]);
  expect(alarm!.scheduledTime).toBeGreaterThan(Date.now());
});

test('the badge counts one account or all, and the notification follows the time set (settings `alerts`)', async ({ relance }) => {
  await setClock(relance, ANCHOR, '08:00');
  await track(relance, 'frDueToday');
  await track(relance, 'enInvoice');
  await expect.poll(() => relance.badgeText()).toBe('1');
  // Saved as the settings page does (an extension page asking the worker).
  const page = await relance.context.newPage();
  await page.goto(`chrome-extension://${relance.extensionId}/src/dashboard/index.html`);
  const save = (alerts: { notifyAt: string | null; badgeAccount: string | null }) =>
    page.evaluate(async (value) => {
      const current = (await chrome.runtime.sendMessage({ type: 'settings/get' })) as { value: Record<string, unknown> };
      return (await chrome.runtime.sendMessage({ type: 'settings/save', settings: { ...current.value, alerts: value } })) as { ok: boolean };
    }, alerts);

  // Alex's account has nothing today (INV-1042 is due in 14 days); Camille's has the invoice due today.
  expect((await save({ notifyAt: '10:15', badgeAccount: 'alex@northwind-studio.co.uk' })).ok).toBe(true);
  await expect.poll(() => relance.badgeText()).toBe('');
  expect((await save({ notifyAt: '10:15', badgeAccount: 'camille@atelier-durand.fr' })).ok).toBe(true);
  await expect.poll(() => relance.badgeText()).toBe('1');

  await setClock(relance, ANCHOR, '10:14');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await notifications(relance)).toEqual([]);
  await setClock(relance, ANCHOR, '10:15');
  await expect.poll(() => notifications(relance)).toEqual(['relance-daily']);
  const worker = await relance.worker();
  const alarm = await worker.evaluate(() => chrome.alarms.get('daily-notification'));
  expect([new Date(alarm!.scheduledTime).getHours(), new Date(alarm!.scheduledTime).getMinutes()]).toEqual([10, 15]);
});
