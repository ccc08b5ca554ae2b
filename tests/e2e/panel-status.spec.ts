/**
 * Issue 6, the thread panel: a tracked invoice's state today (status, days after due, outstanding,
 * interest and indemnity, step, next action) and its logbook, newest first, with the client's
 * other invoices. Screenshots of each view go to .cache/panel-shots/ for a person to look at.
 */
import { expect, squash, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

export const SHOTS = '.cache/panel-shots';

test('a tracked overdue invoice shows its state today; an unpublished rate asks for the settings, never a figure', async ({ relance }) => {
  await relance.openThread('frOverdue');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frOverdue.legacyThreadId));
  await expect(panel.getByTestId('status-block')).toHaveCount(0);
  await panel.getByTestId('track-button').click();

  const status = panel.getByTestId('status-block');
  await expect(status).toHaveAttribute('data-status', 'overdue');
  await expect(panel.getByTestId('status-word')).toHaveText('échue, non payée');
  await expect(panel.getByTestId('status-days')).toHaveText('échue depuis 10 jours');
  expect(squash(await panel.getByTestId('status-outstanding').textContent())).toBe('1 850,00 €');
  // Due 10 November 2026: the 2026-H2 ECB rate is not published in the rate tables (2026-11).
  await expect(panel.getByTestId('status-penalty')).toHaveAttribute('data-kind', 'rate_unknown');
  await expect(panel.getByTestId('status-penalty')).toContainText('saisissez-le dans les réglages');
  expect(await panel.getByTestId('status-penalty').textContent()).not.toMatch(/\d+,\d\d/);
  await expect(panel.getByTestId('status-step')).toHaveText('aucune relance encore');
  await expect(panel.getByTestId('next-action')).toContainText('première relance amicale');
  await expect(panel.getByTestId('next-action')).toContainText('17 novembre 2026');
  await panel.screenshot({ path: `${SHOTS}/01-status-overdue-fr.png`, fullPage: true });
});

test('interest and indemnity accrued today are shown when the rate is known', async ({ relance }) => {
  // A due date corrected into the first half of 2026, looked at on 20 June 2026: every day accrued
  // has a published rate.
  await relance.setToday('2026-06-20');
  await relance.openThread('frOverdue');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frOverdue.legacyThreadId));
  await panel.getByTestId('correct-button').click();
  await panel.getByTestId('edit-issueDate').fill('2026-04-10');
  await panel.getByTestId('edit-dueDate').fill('2026-05-10');
  await panel.getByTestId('save-corrections').click();
  await panel.getByTestId('track-button').click();

  const penalty = panel.getByTestId('status-penalty');
  await expect(penalty).toHaveAttribute('data-kind', 'computed');
  const words = squash(await penalty.textContent());
  expect(words).toMatch(/^intérêts de retard \d+,\d\d € \+ indemnité forfaitaire 40,00 €$/);
  await expect(panel.getByTestId('status-days')).toHaveText('échue depuis 41 jours');
  await panel.screenshot({ path: `${SHOTS}/02-status-interest-fr.png`, fullPage: true });
});

test('the logbook lists the invoice’s entries newest first, then the client’s other invoices', async ({ relance }) => {
  await relance.openThread('frTwoInvoices');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frTwoInvoices.legacyThreadId));
  const cards = panel.getByTestId('invoice-card');
  await expect(cards).toHaveCount(2);
  await cards.nth(0).getByTestId('track-button').click();
  await expect(cards.nth(0).getByTestId('tracked-status')).toBeVisible();
  await cards.nth(1).getByTestId('track-button').click();
  await expect(cards.nth(1).getByTestId('tracked-status')).toBeVisible();
  const first = cards.nth(0);
  await first.getByTestId('open-record').click();
  await first.getByTestId('record-kind').selectOption('note');
  await first.getByTestId('input-text').fill('Appelée, rappel lundi');
  await first.getByTestId('save-record').click();
  await expect(first.locator('[data-testid=logbook] li')).toHaveCount(2);
  await expect(first.locator('[data-testid=logbook] li').first()).toHaveAttribute('data-kind', 'note');
  await expect(first.locator('[data-testid=logbook] li').last()).toHaveAttribute('data-kind', 'tracked');
  // The client's other invoice and its entries.
  await expect(first.locator('[data-testid=client-timeline] li')).toHaveCount(1);
  await expect(first.getByTestId('client-timeline')).toContainText('F-2026-062');
  await expect(cards.nth(1).getByTestId('client-timeline')).toContainText('Appelée, rappel lundi');
  await panel.screenshot({ path: `${SHOTS}/03-two-invoices-timeline-fr.png`, fullPage: true });
});

test('a tracked invoice’s fields stay correctable: the correction is in the logbook and the state follows', async ({ relance }) => {
  await relance.openThread('frOverdue');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frOverdue.legacyThreadId));
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('status-days')).toHaveText('échue depuis 10 jours');
  await panel.getByTestId('open-correct').click();
  await expect(panel.getByTestId('edit-clientName')).toBeFocused();
  await panel.getByTestId('edit-dueDate').fill('2026-11-25');
  await panel.getByTestId('save-corrections').click();
  await expect(panel.getByTestId('status-days')).toHaveText('à échoir dans 5 jours');
  await expect(panel.getByTestId('field-due-date-corrected')).toBeVisible();
  await expect(panel.locator('[data-testid=logbook] li').first()).toHaveAttribute('data-kind', 'correction');
  const [stored] = await relance.storedInvoices();
  expect(stored?.dueDate).toBe('2026-11-25');
});
