/**
 * The walking skeleton end to end: a Gmail thread opens, the panel shows what Relance read, Track
 * stores it in IndexedDB with a logbook entry, Draft reminder fills Gmail's compose without sending.
 */
import { ANCHOR, expect, squash, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';
import { confirmFirstReminderChecklist } from './panel-support';

test('an opened invoice thread fills the panel with client, number, amount, due date and days to due', async ({ relance }) => {
  const thread = FIXTURE_THREADS.frDueSoon;
  const gmail = await relance.openThread('frDueSoon');
  const panel = await relance.openPanel(await relance.tabShowing(thread.legacyThreadId));

  await expect(panel.getByTestId('field-invoice-number')).toHaveText('F-2026-041');
  await expect(panel.getByTestId('field-client')).toHaveText('Julien Morel <compta@boulangerie-morel.fr>');
  expect(squash(await panel.getByTestId('field-amount').textContent())).toBe('2 400,00 €');
  await expect(panel.getByTestId('field-due-date')).toHaveAttribute('data-iso', '2026-11-23');
  expect(squash(await panel.getByTestId('field-due-date').textContent())).toBe('23 novembre 2026');
  await expect(panel.getByTestId('field-due-status')).toHaveText('à échoir dans 3 jours');
  // The chip sits in Gmail's thread header and the side panel is enabled for this tab only.
  await expect(gmail.locator('[data-relance-chip]')).toHaveText('Relance');
  const worker = await relance.worker();
  const tabId = await relance.tabShowing(thread.legacyThreadId);
  const options = await worker.evaluate((id) => chrome.sidePanel.getOptions({ tabId: id }), tabId);
  expect(options).toMatchObject({ enabled: true, path: 'src/panel/index.html' });
  // The toolbar icon opens the panel too.
  expect(await worker.evaluate(() => chrome.sidePanel.getPanelBehavior())).toEqual({ openPanelOnActionClick: true });
});

test('the panel follows the thread: going back to the inbox and into another thread updates it', async ({ relance }) => {
  const gmail = await relance.openThread('frDueSoon');
  const tabId = await relance.tabShowing(FIXTURE_THREADS.frDueSoon.legacyThreadId);
  const panel = await relance.openPanel(tabId);
  await expect(panel.getByTestId('field-invoice-number')).toHaveText('F-2026-041');

  await gmail.evaluate(() => (location.hash = '#inbox'));
  await expect(panel.getByTestId('panel-message')).toContainText('Ouvrez un fil');
  await gmail.evaluate((id) => (location.hash = `#inbox/${id}`), FIXTURE_THREADS.frOverdue.legacyThreadId);
  await expect(panel.getByTestId('field-invoice-number')).toHaveText('F-2026-032');
  await expect(panel.getByTestId('field-due-status')).toHaveText('échue depuis 10 jours');
});

test('Track stores the invoice in IndexedDB and the logbook records it', async ({ relance }) => {
  await relance.openThread('frDueSoon');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frDueSoon.legacyThreadId));
  await panel.getByTestId('track-button').click();

  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await expect(panel.locator('[data-testid=logbook] li')).toHaveCount(1);
  await expect(panel.locator('[data-testid=logbook] li[data-kind=tracked]')).toContainText('Suivi commencé');

  const invoices = await relance.storedInvoices();
  expect(invoices).toHaveLength(1);
  expect(invoices[0]).toMatchObject({
    invoiceNumber: 'F-2026-041',
    clientEmail: 'compta@boulangerie-morel.fr',
    amount: 2400,
    currency: 'EUR',
    dueDate: '2026-11-23',
    threadId: FIXTURE_THREADS.frDueSoon.legacyThreadId,
  });
  const events = await relance.storedEvents();
  expect(events).toEqual([expect.objectContaining({ invoiceId: invoices[0]!.id, kind: 'tracked', day: ANCHOR })]);
});

test('Draft reminder fills Gmail’s reply compose (To, subject, body) and sends nothing', async ({ relance }) => {
  const gmail = await relance.openThread('frDueSoon');
  const tabId = await relance.tabShowing(FIXTURE_THREADS.frDueSoon.legacyThreadId);
  const panel = await relance.openPanel(tabId);
  await panel.getByTestId('track-button').click();
  // Due Monday 23 November; today (Friday 20) is due - 3: the ladder's pre-reminder day.
  await expect(panel.getByTestId('next-action')).toHaveText('À faire aujourd’hui : pré-relance (l’échéance approche)');
  await expect(panel.getByTestId('draft-button')).toContainText('pré-relance');
  // Before the first reminder, the checks from practice are shown beside the button.
  await confirmFirstReminderChecklist(panel);
  await panel.getByTestId('draft-button').click();
  await expect(panel.getByTestId('notice')).toContainText('Brouillon prêt');

  // Gmail's inline reply, in this thread, filled and ready to edit.
  const compose = gmail.locator('.ip.adB div.M9');
  await expect(compose).toHaveCount(1);
  await expect(compose.locator('div[name=to] [role=option]')).toHaveAttribute('data-hovercard-id', 'compta@boulangerie-morel.fr');
  await expect(compose.locator('input[name=subjectbox]')).toHaveValue(/^Re: Facture F-2026-041/);
  const body = squash(await compose.locator('[g_editable=true][role=textbox]').textContent());
  expect(body).toContain('Bonjour Julien');
  expect(body).toContain('F-2026-041');
  expect(body).toContain('2 400,00 €');
  expect(body).toContain('23 novembre 2026');
  expect(body).not.toMatch(/retard/i); // a pre-reminder never speaks of lateness
  // Gmail's signature is kept below our text.
  await expect(compose.locator('.gmail_signature')).toHaveCount(1);
  // Nothing was sent: the fixture records any click on a Send button.
  expect(await gmail.evaluate(() => document.documentElement.dataset.fixtureSendClicks ?? '0')).toBe('0');

  await expect(panel.locator('[data-testid=logbook] li[data-kind=reminder_drafted]')).toContainText('Relance préparée (pré-relance)');
  // Done: the ladder moves on to the first reminder, a week after the due date.
  await expect(panel.getByTestId('next-action')).toHaveText('Prochaine étape : première relance amicale (échue depuis 7 jours), le 30 novembre 2026');
  await expect(panel.getByTestId('draft-button')).toContainText('première relance amicale');
  const events = await relance.storedEvents();
  expect(events.map((e) => e.kind).sort()).toEqual(['reminder_drafted', 'tracked']);
  expect(events.find((e) => e.kind === 'reminder_drafted')?.step).toBe('pre_reminder');
});

test('after the due date the draft is a friendly first reminder, in English for an English thread', async ({ relance }) => {
  await relance.setToday('2026-12-07');
  const gmail = await relance.openThread('enInvoice');
  const tabId = await relance.tabShowing(FIXTURE_THREADS.enInvoice.legacyThreadId);
  const panel = await relance.openPanel(tabId, 'en');
  await expect(panel.getByTestId('field-invoice-number')).toHaveText('INV-1042');
  expect(squash(await panel.getByTestId('field-amount').textContent())).toBe('£3,200.00');
  await expect(panel.getByTestId('field-due-status')).toHaveText('3 days past due');
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('draft-button')).toContainText('friendly first reminder');
  await confirmFirstReminderChecklist(panel);
  await panel.getByTestId('draft-button').click();
  await expect(panel.getByTestId('notice')).toContainText('Draft ready');

  const compose = gmail.locator('.ip.adB div.M9');
  await expect(compose.locator('div[name=to] [role=option]')).toHaveAttribute('data-hovercard-id', 'accounts@brightleaf.co.uk');
  const body = squash(await compose.locator('[g_editable=true][role=textbox]').textContent());
  expect(body).toContain('Hello Priya');
  expect(body).toContain('INV-1042');
  expect(body).not.toMatch(/overdue|late/i); // the first reminder assumes an oversight
  expect(await gmail.evaluate(() => document.documentElement.dataset.fixtureSendClicks ?? '0')).toBe('0');
});

test('a thread without an invoice: the panel says so and nothing is stored', async ({ relance }) => {
  await relance.openThread('frNoInvoice');
  const panel = await relance.openPanel(await relance.tabShowing(FIXTURE_THREADS.frNoInvoice.legacyThreadId));
  await expect(panel.getByTestId('panel-message')).toContainText('Aucune facture');
  await expect(panel.getByTestId('track-button')).toHaveCount(0);
  expect(await relance.storedInvoices()).toEqual([]);
  expect(await relance.storedEvents()).toEqual([]);
});

test('a collapsed invoice message: the panel asks to expand it, then reads it once Gmail shows it', async ({ relance }) => {
  const thread = FIXTURE_THREADS.frCollapsedInvoice;
  const gmail = await relance.openThread('frCollapsedInvoice');
  const panel = await relance.openPanel(await relance.tabShowing(thread.legacyThreadId));
  await expect(panel.getByTestId('panel-message')).toContainText('dépliez-le');
  await expect(panel.getByTestId('track-button')).toHaveCount(0);

  await gmail.locator('[role=listitem].kv').first().click(); // the user expands the invoice message
  await expect(panel.getByTestId('field-invoice-number')).toHaveText('F-2026-038');
  await expect(panel.getByTestId('field-client')).toHaveText('Marc Petit <marc.petit@petit-renovation.fr>');
  await expect(panel.getByTestId('field-due-date')).toHaveAttribute('data-iso', '2026-11-30');
});
