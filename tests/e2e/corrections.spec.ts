/**
 * Issue 3 wiring: the panel shows the words each value was read from, and lets the user correct any
 * field before tracking; the corrected values are what gets stored.
 */
import { expect, squash, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

test('each value comes with the words it was read from, highlighted', async ({ relance }) => {
  await relance.openThread('frOverdue');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frOverdue.legacyThreadId));
  await expect(panel.getByTestId('field-invoice-number')).toHaveText('F-2026-032');
  // The total TTC, not the HT or the TVA line, and the mail's own words around it.
  expect(squash(await panel.locator('[data-testid=field-amount-evidence] mark').textContent())).toContain('1 850,00');
  expect(squash(await panel.getByTestId('field-amount-evidence').textContent())).toContain('TTC');
  await expect(panel.locator('[data-testid=field-invoice-number-evidence] mark')).toContainText('F-2026-032');
  await expect(panel.getByTestId('field-due-date-evidence')).toBeVisible();
  // Evidence is text: no markup from the mail can appear in the panel.
  expect(await panel.locator('[data-testid=invoice-card] img, [data-testid=invoice-card] a').count()).toBe(0);
});

test('a corrected field is what gets tracked, and bad input gets a clear error', async ({ relance }) => {
  await relance.openThread('frDueSoon');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueSoon.legacyThreadId));
  await panel.getByTestId('correct-button').click();

  await panel.getByTestId('edit-amount').fill('deux mille');
  await panel.getByTestId('save-corrections').click();
  await expect(panel.getByRole('alert')).toContainText('Montant invalide');

  await panel.getByTestId('edit-amount').fill('2 500,00');
  await panel.getByTestId('edit-dueDate').fill('2026-11-30');
  await panel.getByTestId('save-corrections').click();
  expect(squash(await panel.getByTestId('field-amount').textContent())).toBe('2 500,00 €');
  await expect(panel.getByTestId('field-amount-corrected')).toBeVisible();
  await expect(panel.getByTestId('field-due-date')).toHaveAttribute('data-iso', '2026-11-30');
  await expect(panel.getByTestId('field-invoice-number-corrected')).toHaveCount(0);

  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  const [stored] = await relance.storedInvoices();
  expect(stored).toMatchObject({ invoiceNumber: 'F-2026-041', amount: 2500, currency: 'EUR', dueDate: '2026-11-30' });
  // After tracking, the panel shows what was stored, still marked as corrected.
  await expect(panel.getByTestId('field-amount-corrected')).toBeVisible();
  await expect(panel.getByTestId('field-due-status')).toHaveText('à échoir dans 10 jours');
});
