/**
 * The toolbar badge counts tracked invoices that need the user today (clock injected through the
 * extension's session clock), and the ledger survives a browser restart on the same profile.
 */
import { ANCHOR, expect, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

test('the badge counts invoices due today, and follows the day and the reminders', async ({ relance }) => {
  expect(await relance.badgeText()).toBe('');

  // Due in three days: tracked, but not for today.
  await relance.openThread('frDueSoon');
  let panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueSoon.legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  expect(await relance.badgeText()).toBe('');

  // Due today: the badge shows it.
  const gmail = await relance.openThread('frDueToday');
  const dueTodayTab = await relance.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId);
  panel = await relance.openPanel(dueTodayTab);
  await expect(panel.getByTestId('field-due-status')).toHaveText('échéance aujourd’hui');
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await expect.poll(() => relance.badgeText()).toBe('1');

  // Three days later both are due (one overdue, one due that day): the badge follows the clock.
  await relance.setToday('2026-11-23');
  await expect.poll(() => relance.badgeText()).toBe('2');

  // Chasing one today takes it off today's count.
  await gmail.bringToFront();
  await panel.reload();
  await panel.getByTestId('draft-button').click();
  await expect(panel.getByTestId('notice')).toContainText('Brouillon prêt');
  await expect.poll(() => relance.badgeText()).toBe('1');

  // The daily alarm that recomputes the badge is scheduled for the next local midnight.
  const worker = await relance.worker();
  const alarm = await worker.evaluate(() => chrome.alarms.get('daily-refresh'));
  expect(alarm?.periodInMinutes).toBe(24 * 60);
  expect(alarm!.scheduledTime).toBeGreaterThan(Date.now());
  expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000 + 60_000);
});

test('the tracked invoice and its logbook survive a browser restart', async ({ relance }) => {
  await relance.openThread('frDueToday');
  let panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.locator('[data-testid=logbook] li')).toHaveCount(1);

  const reopened = await relance.restart();
  try {
    expect((await reopened.storedInvoices()).map((i) => i.invoiceNumber)).toEqual(['F-2026-044']);
    expect((await reopened.storedEvents()).map((e) => e.kind)).toEqual(['tracked']);
    await reopened.setToday(ANCHOR);
    await reopened.openThread('frDueToday');
    panel = await reopened.openPanel(await reopened.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId));
    await expect(panel.getByTestId('tracked-status')).toBeVisible();
    await expect(panel.locator('[data-testid=logbook] li[data-kind=tracked]')).toHaveCount(1);
    // The badge is recomputed at start-up, before any click.
    await expect.poll(() => reopened.badgeText()).toBe('1');
  } finally {
    await reopened.close();
  }
});
