/**
 * Issue 6: the formal notice as a printable letter (and its sending recorded), the escalation
 * checklist, untracking, and a visit or registered letter in the logbook.
 */
import { expect, test, type Relance } from './harness';
import { trackedPanel as trackedThreadPanel } from './panel-support';
import { FIXTURE_THREADS, type FixtureThreadName } from '../fixtures/gmail/threads/index';

const trackedPanel = async (relance: Relance, name: FixtureThreadName) => (await trackedThreadPanel(relance, name)).panel;

const SHOTS = '.cache/panel-shots';


test('the formal notice letter: previewed, printed, and its registered sending recorded', async ({ relance }) => {
  const panel = await trackedPanel(relance, 'frOverdue');
  await panel.getByTestId('open-formal-notice').click();
  const view = panel.getByTestId('formal-notice-view');
  const letter = panel.frameLocator('[data-testid=letter-frame]');
  await expect(letter.locator('body')).toContainText(/mise en demeure/i);
  await expect(letter.locator('body')).toContainText('F-2026-032');
  // The letter frame runs no script (sandbox without allow-scripts).
  await expect(view.getByTestId('letter-frame')).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
  await panel.screenshot({ path: `${SHOTS}/10-formal-notice-fr.png`, fullPage: true });

  // Print goes to the letter's own window (the dialog itself is the browser's).
  await panel.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('[data-testid=letter-frame]')!;
    frame.contentWindow!.print = () => void (document.body.dataset.printed = 'letter');
  });
  await view.getByTestId('print-letter').click();
  await expect(panel.locator('body')).toHaveAttribute('data-printed', 'letter');

  await view.getByTestId('input-notice-tracking').fill('1A 234 567 8901 2');
  await view.getByTestId('record-notice-sent').click();
  await expect(panel.getByTestId('status-word')).toHaveText('mise en demeure envoyée');
  // The panel logs the letter, then the formal notice: the status can show after the first write
  // (the full run on 2026-11-22 read the events in between once).
  await expect.poll(async () => ((await relance.storedEvents()) as unknown as Array<Record<string, unknown>>).some((e) => e.kind === 'formal_notice')).toBe(true);
  const events = (await relance.storedEvents()) as unknown as Array<Record<string, unknown>>;
  expect(events.find((e) => e.kind === 'letter')).toMatchObject({ registered: true, step: 'formal_notice', trackingNumber: '1A 234 567 8901 2' });
  expect(events.find((e) => e.kind === 'formal_notice')).toMatchObject({ sentOn: '2026-11-20', deadline: '2026-11-28' });
  await expect(panel.locator('[data-testid=logbook] li[data-kind=letter]')).toContainText('Lettre recommandée avec accusé de réception');
});

test('the escalation checklist lists what an order for payment needs', async ({ relance }) => {
  const panel = await trackedPanel(relance, 'frOverdue');
  await panel.getByTestId('open-escalation').click();
  const items = panel.locator('[data-testid=escalation-checklist] li');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThan(3);
  await expect(panel.getByTestId('escalation-checklist')).toContainText('Mise en demeure');
  await panel.screenshot({ path: `${SHOTS}/11-escalation-fr.png`, fullPage: true });
});

test('a visit and a registered letter go into the logbook', async ({ relance }) => {
  const panel = await trackedPanel(relance, 'frOverdue');
  await panel.getByTestId('open-record').click();
  await panel.getByTestId('record-kind').selectOption('visit');
  await panel.getByTestId('input-who').fill('Sophie Lambert');
  await panel.getByTestId('input-text').fill('Passée à l’agence : paiement validé par la direction.');
  await panel.getByTestId('save-record').click();
  await expect(panel.locator('[data-testid=logbook] li[data-kind=visit]')).toContainText('Visite à Sophie Lambert');
  await panel.getByTestId('open-record').click();
  await panel.getByTestId('record-kind').selectOption('letter');
  await panel.getByTestId('input-trackingNumber').fill('1A 000 111 2222 3');
  await panel.getByTestId('save-record').click();
  await expect(panel.locator('[data-testid=logbook] li[data-kind=letter]')).toContainText('1A 000 111 2222 3');
});

test('untrack: after a confirmation the invoice and its logbook leave the ledger; it can be tracked again', async ({ relance }) => {
  const panel = await trackedPanel(relance, 'frOverdue');
  await panel.getByTestId('open-untrack').click();
  await expect(panel.getByTestId('confirm-untrack')).toBeFocused();
  await panel.screenshot({ path: `${SHOTS}/12-untrack-fr.png`, fullPage: true });
  await panel.getByTestId('confirm-untrack').click();
  await expect(panel.getByTestId('track-button')).toBeVisible();
  expect(await relance.storedInvoices()).toEqual([]);
  expect(await relance.storedEvents()).toEqual([]);
});

test('two invoices in one thread: each card drafts its own reminder', async ({ relance }) => {
  const gmail = await relance.openThread('frTwoInvoices');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frTwoInvoices.legacyThreadId));
  await expect(panel.getByTestId('several-invoices')).toContainText('2 factures');
  const cards = panel.getByTestId('invoice-card');
  await expect(cards.nth(0)).toHaveAttribute('data-invoice', 'F-2026-061');
  await expect(cards.nth(1)).toHaveAttribute('data-invoice', 'F-2026-062');
  await cards.nth(1).getByTestId('track-button').click();
  await expect(cards.nth(1).getByTestId('status-word')).toHaveText('non échue');
  await expect(cards.nth(0).getByTestId('track-button')).toBeVisible();
  await cards.nth(0).getByTestId('track-button').click();
  await expect(cards.nth(0).getByTestId('status-word')).toHaveText('échue, non payée');
  for (const box of await cards.nth(0).locator('[data-testid=first-reminder-checklist] input').all()) await box.check();
  await cards.nth(0).getByTestId('draft-button').click();
  await expect(cards.nth(0).getByTestId('notice')).toContainText('Brouillon prêt');
  const body = await gmail.locator('.ip.adB div.M9 [g_editable=true][role=textbox]').textContent();
  expect(body).toContain('F-2026-061');
  expect(body).not.toContain('F-2026-062');
  const invoices = await relance.storedInvoices();
  expect(invoices.map((invoice) => invoice.invoiceNumber).sort()).toEqual(['F-2026-061', 'F-2026-062']);
});
