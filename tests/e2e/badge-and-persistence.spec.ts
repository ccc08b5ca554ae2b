/**
 * The toolbar badge counts tracked invoices that need the user today (clock injected through the
 * extension's session clock), and the ledger survives a browser restart on the same profile.
 *
 * Since schema v3 (2026-11) "needs the user today" is the ladder's rule (src/core/attention.ts):
 * due that day, or a ladder step, call, follow-up, promise or instalment due that day. Before, an
 * invoice counted from its due date on every day it was not chased (so an overdue invoice between
 * two reminders counted, and an invoice whose pre-reminder was due did not).
 */
import { ANCHOR, expect, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

test('the badge counts the invoices that need the user today, and follows the day and the ladder', async ({ relance }) => {
  expect(await relance.badgeText()).toBe('');

  // Due today (Friday 20 November): the badge shows it.
  await relance.openThread('frDueToday');
  let panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId));
  await expect(panel.getByTestId('field-due-status')).toHaveText('échéance aujourd’hui');
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await expect.poll(() => relance.badgeText()).toBe('1');

  // Due on Monday: its pre-reminder (3 days before) is due today, so it needs the user today too.
  const gmail = await relance.openThread('frDueSoon');
  panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueSoon.legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await expect.poll(() => relance.badgeText()).toBe('2');

  // Drafting that pre-reminder takes it off today's count.
  await gmail.bringToFront();
  // The panel's checks before the first reminder (panel-actions.spec.ts) hold the draft until ticked.
  for (const box of await panel.locator('[data-testid=first-reminder-checklist] input').all()) await box.check();
  await panel.getByTestId('draft-button').click();
  await expect(panel.getByTestId('notice')).toContainText('Brouillon prêt');
  await expect.poll(() => relance.badgeText()).toBe('1');

  // The badge follows the clock and the ladder. Monday: the second invoice is due that day.
  await relance.setToday('2026-11-23');
  await expect.poll(() => relance.badgeText()).toBe('1');
  // Tuesday: both are overdue but nothing is due (their first reminders come at due + 7: 27 and 30 November).
  await relance.setToday('2026-11-24');
  await expect.poll(() => relance.badgeText()).toBe('');
  // Friday 27: the first invoice's first reminder.
  await relance.setToday('2026-11-27');
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
