/**
 * The Outlook add-in end to end in Chromium: the built task pane (dist-addin/, built here when
 * missing or stale) with the real office.js from @microsoft/office-js, driven by a scripted mailbox
 * host (tests/fixtures/outlook/mailbox-host.js) that answers the Office mailbox API the adapter
 * uses. The ledger is the page origin's real IndexedDB.
 */
import { expect, test, type Page } from '@playwright/test';
import { ensureAddinBuilt, ADDIN_DIST } from '../fixtures/outlook/build';
import { INVOICE_CONVERSATION, outlookMailbox, type HostConfig } from '../fixtures/outlook/mailbox';
import { startAddinServer, type AddinServer } from '../fixtures/outlook/server';
import { ANCHOR, hostLog, openAddinPage as openPage, readStore, selectItem as select } from '../fixtures/outlook/pane-page';

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Before a first reminder the panel asks for the checks from practice (as tests/e2e/panel-support.ts does for Gmail). */
async function confirmFirstReminderChecklist(page: Page): Promise<void> {
  const checklist = page.getByTestId('first-reminder-checklist');
  await expect(checklist).toBeVisible();
  for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
}

let server: AddinServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ensureAddinBuilt();
  server = await startAddinServer(ADDIN_DIST);
});

test.afterAll(async () => {
  await server?.close();
});

const openAddinPage = (page: Page, file: 'taskpane.html' | 'commands.html', config: HostConfig) => openPage(page, server.origin, file, config);

test('the task pane reads a French invoice conversation, tracks it, flags it and opens the reply with the reminder', async ({ page }) => {
  await openAddinPage(page, 'taskpane.html', outlookMailbox(ANCHOR, 'clientReply'));

  // Read from the client's reply: the invoice Camille sent is in its quoted history.
  await expect(page.getByTestId('field-invoice-number')).toHaveText('F-2026-032');
  await expect(page.getByTestId('field-client')).toHaveText('Sophie Lambert <sophie.lambert@lambert-conseil.fr>');
  expect(squash(await page.getByTestId('field-amount').textContent())).toBe('1 850,00 €');
  await expect(page.getByTestId('field-due-date')).toHaveAttribute('data-iso', '2026-11-10');
  await expect(page.getByTestId('field-due-status')).toHaveText('échue depuis 10 jours');
  // The invoice's date is the quoted header's "Envoyé :" line.
  expect(squash(await page.getByTestId('field-issue-date').textContent())).toMatch(/^11 octobre 2026/);
  await expect(page.getByTestId('due-today')).toHaveAttribute('data-count', '0');
  let log = await hostLog(page);
  expect(log.calls).toContain('body.getAsync');
  expect(log.calls).toContain('mailbox.addHandlerAsync');
  expect(log.notifications['AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply'] ?? {}).toEqual({});

  // Track: stored in the add-in origin's IndexedDB, under Outlook's conversation.
  await page.getByTestId('track-button').click();
  await expect(page.getByTestId('tracked-status')).toBeVisible();
  const invoices = await readStore(page, 'invoices');
  expect(invoices).toHaveLength(1);
  expect(invoices[0]).toMatchObject({ host: 'outlook', account: 'camille@atelier-durand.fr', threadId: INVOICE_CONVERSATION, invoiceNumber: 'F-2026-032', amount: 1850, currency: 'EUR', dueDate: '2026-11-10', clientEmail: 'sophie.lambert@lambert-conseil.fr' });

  // Due today: the list at the top, and the information bar on the open message.
  await expect(page.getByTestId('due-today')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('due-today')).toContainText('Une facture demande votre attention aujourd’hui.');
  await expect(page.locator('[data-testid=due-today] li[data-invoice="F-2026-032"]')).toContainText('Sophie Lambert');
  await expect.poll(async () => Object.values((await hostLog(page)).notifications['AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply'] ?? {})).toEqual([
    {
      type: 'informationalMessage',
      message: expect.stringMatching(/^Relance : la facture F-2026-032 \(Sophie Lambert\) demande votre attention aujourd’hui : première relance amicale/),
      icon: 'Icon.16',
      persistent: false,
    },
  ]);

  // Draft: Outlook's reply form in the conversation, filled with the French first reminder; nothing sent.
  await expect(page.getByTestId('draft-button')).toContainText('première relance');
  await confirmFirstReminderChecklist(page);
  await page.getByTestId('draft-button').click();
  await expect(page.getByTestId('notice')).toContainText('Brouillon prêt dans Outlook');
  log = await hostLog(page);
  expect(log.replyAllForms).toEqual([]);
  expect(log.newMessageForms).toEqual([]);
  expect(log.replyForms).toHaveLength(1);
  const reply = log.replyForms[0]!;
  expect(reply.itemId).toBe('AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply');
  expect(reply.htmlBody).toMatch(/^<p>Bonjour Sophie,?<\/p>/);
  expect(reply.htmlBody).toContain('F-2026-032');
  expect(reply.htmlBody).toContain('1\u202f850,00\u00a0€');
  expect(reply.htmlBody).not.toMatch(/retard/i);
  expect(reply.htmlBody).not.toMatch(/<(?!\/?(p|br)>)/);
  // Chased today: off today's list, and the bar is gone.
  await expect(page.getByTestId('due-today')).toHaveAttribute('data-count', '0');
  await expect.poll(async () => (await hostLog(page)).notifications['AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply']).toEqual({});
  const events = await readStore(page, 'events');
  expect(events.map((e) => [e.kind, e.step ?? null, e.day])).toEqual([
    ['tracked', null, ANCHOR],
    ['reminder_drafted', 'first_reminder', ANCHOR],
  ]);
});

test('in an English Outlook the pane, today’s list and the information bar are in English', async ({ page }) => {
  await openAddinPage(page, 'taskpane.html', outlookMailbox(ANCHOR, 'clientReply', 'en-US'));
  await expect(page.getByTestId('field-due-status')).toHaveText('10 days past due');
  await page.getByTestId('track-button').click();
  await expect(page.getByTestId('due-today')).toContainText('One invoice needs you today.');
  await expect.poll(async () => Object.values((await hostLog(page)).notifications['AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply'] ?? {}).map((bar) => bar.message)).toEqual([
    expect.stringMatching(/^Relance: invoice F-2026-032 \(Sophie Lambert\) needs you today: friendly first reminder/),
  ]);
});

test('a message Outlook cannot give (body.getAsync failed) shows the unreadable notice, and nothing is stored', async ({ page }) => {
  const config = outlookMailbox(ANCHOR, 'clientReply');
  config.items.clientReply!.bodyError = { name: 'GenericResponseError', message: 'The item could not be loaded.' };
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await openAddinPage(page, 'taskpane.html', config);
  await expect(page.getByTestId('panel-message')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('track-button')).toHaveCount(0);
  expect(warnings.join('\n')).toContain('Outlook refused reading the message body: The item could not be loaded. (GenericResponseError)');
  expect(await readStore(page, 'invoices')).toEqual([]);
});

test('pinned, the task pane follows the selected message (ItemChanged)', async ({ page }) => {
  await openAddinPage(page, 'taskpane.html', outlookMailbox(ANCHOR, 'newsletter'));
  await expect(page.getByTestId('panel-message')).toBeVisible();
  await expect(page.getByTestId('field-invoice-number')).toHaveCount(0);

  await page.evaluate(() => (window as unknown as { __outlookHost: { select(id: string | null): void } }).__outlookHost.select('clientReply'));
  await expect(page.getByTestId('field-invoice-number')).toHaveText('F-2026-032');

  await page.evaluate(() => (window as unknown as { __outlookHost: { select(id: string | null): void } }).__outlookHost.select(null));
  await expect(page.getByTestId('field-invoice-number')).toHaveCount(0);
  await expect(page.getByTestId('panel-message')).toBeVisible();
});

test('in a reply being written, the Relance command inserts the reminder at the cursor', async ({ page }) => {
  // Track the invoice from the task pane first (same origin, same IndexedDB).
  await openAddinPage(page, 'taskpane.html', outlookMailbox(ANCHOR, 'clientReply'));
  await page.getByTestId('track-button').click();
  await expect(page.getByTestId('tracked-status')).toBeVisible();

  const compose = await page.context().newPage();
  await openAddinPage(compose, 'commands.html', outlookMailbox(ANCHOR, 'replyBeingWritten'));
  await expect.poll(() => compose.evaluate(() => (window as unknown as { __outlookHost: { commands(): string[] } }).__outlookHost.commands())).toEqual(['insertReminder']);
  await compose.evaluate(() => (window as unknown as { __outlookHost: { runCommand(name: string): Promise<void> } }).__outlookHost.runCommand('insertReminder'));

  const log = await hostLog(compose);
  expect(log.completed).toEqual([{ name: 'insertReminder', options: null }]);
  expect(log.inserted).toHaveLength(1);
  expect(log.inserted[0]).toMatchObject({ itemId: 'draft-in-invoice-conversation', coercionType: 'html' });
  expect(log.inserted[0]!.data).toMatch(/^<p>Bonjour Sophie,?<\/p>/);
  expect(log.inserted[0]!.data).toContain('F-2026-032');
  expect(Object.values(log.notifications['draft-in-invoice-conversation'] ?? {}).map((bar) => bar.message)).toEqual(['Relance : relance insérée (première relance amicale). Relisez-la avant d’envoyer.']);
  expect(log.replyForms).toEqual([]);
  const events = await readStore(compose, 'events');
  expect(events.map((e) => e.kind)).toEqual(['tracked', 'reminder_drafted']);
});

test('the command in a new message with no conversation says what to do and inserts nothing', async ({ page }) => {
  await openAddinPage(page, 'commands.html', outlookMailbox(ANCHOR, 'newMessageBeingWritten'));
  await expect.poll(() => page.evaluate(() => (window as unknown as { __outlookHost: { commands(): string[] } }).__outlookHost.commands())).toEqual(['insertReminder']);
  await page.evaluate(() => (window as unknown as { __outlookHost: { runCommand(name: string): Promise<void> } }).__outlookHost.runCommand('insertReminder'));
  const log = await hostLog(page);
  expect(log.completed).toHaveLength(1);
  expect(log.inserted).toEqual([]);
  expect(Object.values(log.notifications['draft-new'] ?? {}).map((bar) => bar.message)).toEqual([expect.stringMatching(/^Relance : enregistrez ou envoyez d’abord ce message/)]);
});

const REPLY_ITEM = 'AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply';
const itemOf = (number: string) => `AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-${number}`;

/** Tracks the invoice of each of these items, selected one after the other in the pinned pane. */
async function trackEach(page: Page, items: string[], invoiceNumbers: string[]): Promise<void> {
  for (const [index, item] of items.entries()) {
    await select(page, item);
    await expect(page.getByTestId('field-invoice-number')).toHaveText(invoiceNumbers[index]!);
    await page.getByTestId('track-button').click();
    await expect(page.getByTestId('tracked-status')).toBeVisible();
  }
}

/** The extension's badge count, read where LedgerStore.attentionCount reads it: the `attentionFrom` keys ≤ today, once brought up to today. */
function badgeCount(page: Page, today: string): Promise<number> {
  return page.evaluate(
    (day) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('relance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(['invoices', 'meta'], 'readonly');
          const attention = transaction.objectStore('meta').get('attention');
          const count = transaction.objectStore('invoices').index('attentionFrom').count(IDBKeyRange.upperBound(day));
          transaction.oncomplete = () => ((attention.result as { value?: string } | undefined)?.value === day ? resolve(count.result) : reject(new Error(`the attention day is ${JSON.stringify(attention.result)}, not ${day}`)));
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    today,
  );
}

const barsOn = async (page: Page, itemId: string) => Object.values((await hostLog(page)).notifications[itemId] ?? {}).map((bar) => bar.message);

test('today’s list, the information bars and the badge’s count agree; the list opens the message each invoice was read from', async ({ page }) => {
  await openAddinPage(page, 'taskpane.html', outlookMailbox(ANCHOR, 'newsletter'));
  // Read from the client's reply (the invoice is in its quoted history), and from two invoices in Sent Items.
  await trackEach(page, ['clientReply', 'invoiceSoon', 'invoiceLater'], ['F-2026-032', 'F-2026-041', 'F-2026-050']);

  // F-2026-032: 10 days past due, the first reminder; F-2026-041: due in 3 days, the pre-reminder; F-2026-050: nothing today.
  const list = page.getByTestId('due-today');
  await expect(list).toHaveAttribute('data-count', '2');
  await expect(list.locator('li')).toHaveCount(2);
  await expect(list.locator('li').nth(0)).toHaveAttribute('data-invoice', 'F-2026-032');
  await expect(list.locator('li').nth(0)).toContainText('première relance amicale');
  await expect(list.locator('li').nth(1)).toHaveAttribute('data-invoice', 'F-2026-041');
  await expect(list.locator('li').nth(1)).toContainText('pré-relance');
  expect(await badgeCount(page, ANCHOR)).toBe(2);

  // The bar on each message whose invoice is listed, on none of the others.
  await expect.poll(() => barsOn(page, itemOf('F-2026-050'))).toEqual([]);
  await select(page, 'invoiceSoon');
  await expect.poll(() => barsOn(page, itemOf('F-2026-041'))).toEqual([expect.stringMatching(/^Relance : la facture F-2026-041 \(Julien Morel\) demande votre attention aujourd’hui : pré-relance/)]);
  await select(page, 'clientReply');
  await expect.poll(() => barsOn(page, REPLY_ITEM)).toEqual([expect.stringMatching(/^Relance : la facture F-2026-032 /)]);
  const log = await hostLog(page);
  expect(Object.values(log.notifications).filter((bars) => Object.keys(bars).length > 0)).toHaveLength(2);

  // The message view says how many, the "Today" view lists them and opens their messages.
  await expect(page.getByTestId('due-summary')).toContainText('2 factures demandent votre attention aujourd’hui.');
  await expect(page.getByTestId('view-today')).toHaveText('Aujourd’hui (2)');
  await page.getByTestId('view-today').click();
  await expect(list).toBeVisible();
  await expect(page.getByTestId('message-view')).toBeHidden();
  await list.locator('li[data-invoice="F-2026-032"]').getByRole('button', { name: 'Ouvrir le message de la facture F-2026-032' }).click();
  await list.locator('li[data-invoice="F-2026-041"]').getByTestId('due-open').click();
  expect((await hostLog(page)).openedMessages).toEqual([
    { itemId: REPLY_ITEM, found: true },
    { itemId: itemOf('F-2026-041'), found: true },
  ]);
  await expect(page.getByTestId('due-open-error')).toHaveCount(0);
  await page.getByTestId('view-message').click();
  await expect(page.getByTestId('field-invoice-number')).toBeVisible();
});

test('a message Outlook refuses to open: the list says so and where to look', async ({ page }) => {
  const config = outlookMailbox(ANCHOR, 'clientReply');
  config.displayMessageFormError = 'Sys.InvalidOperationException: the item cannot be displayed';
  await openAddinPage(page, 'taskpane.html', config);
  await page.getByTestId('track-button').click();
  await page.getByTestId('view-today').click();
  await page.getByTestId('due-open').click();
  await expect(page.getByTestId('due-open-error')).toHaveText(
    'Le message de la facture F-2026-032 ne s’ouvre pas (Outlook refused opening the message: Sys.InvalidOperationException: the item cannot be displayed (exception)). Cherchez-le dans Outlook.',
  );
  expect((await hostLog(page)).openedMessages).toEqual([]);
});

/** Every word the pane shows or speaks (text, and the labels, titles, placeholders, alternatives assistive technology reads). */
function shownWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const words = [document.body.innerText];
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value && (element as HTMLElement).offsetParent !== null) words.push(value);
      }
      if (element instanceof HTMLIFrameElement && element.contentDocument) words.push(element.contentDocument.body?.innerText ?? '');
    }
    return words.join('\n');
  });
}

for (const [displayLanguage, noThread, draftReady] of [
  ['fr-FR', 'Ouvrez un fil dans Outlook', 'Brouillon prêt dans Outlook'],
  ['en-US', 'Open a thread in Outlook', 'Draft ready in Outlook'],
] as const) {
  test(`every view of the task pane names Outlook, never Gmail (${displayLanguage})`, async ({ page }) => {
    const seen: string[] = [];
    const look = async (where: string) => {
      const words = await shownWords(page);
      expect(words, where).not.toMatch(/gmail/i);
      seen.push(words);
    };
    await openAddinPage(page, 'taskpane.html', outlookMailbox(ANCHOR, 'newsletter', displayLanguage));
    await expect(page.getByTestId('panel-message')).toBeVisible();
    await look('a message without invoice');
    await select(page, null);
    await expect(page.getByTestId('panel-message')).toContainText(noThread);
    await look('nothing selected');
    await select(page, 'clientReply');
    await expect(page.getByTestId('track-button')).toBeVisible();
    await look('an invoice read, not tracked');
    await page.getByTestId('track-button').click();
    await expect(page.getByTestId('tracked-status')).toBeVisible();
    await look('tracked');
    // Every form of the invoice card (call, record, plan, correction, formal notice, escalation, untrack, another step).
    const opened: string[] = [];
    for (const opener of ['open-call', 'open-record', 'open-plan', 'open-correct', 'open-formal-notice', 'open-escalation', 'open-untrack', 'choose-draft']) {
      if ((await page.getByTestId(opener).count()) === 0) continue;
      opened.push(opener);
      await page.getByTestId(opener).first().click();
      await look(`the card's ${opener} view`);
      // Back to the card: another thread, then this one again (the panel remounts).
      await select(page, 'newsletter');
      await expect(page.getByTestId('track-button')).toHaveCount(0);
      await select(page, 'clientReply');
      await expect(page.getByTestId('tracked-status')).toBeVisible();
    }
    expect(opened.length, opened.join(', ')).toBeGreaterThanOrEqual(5);
    await confirmFirstReminderChecklist(page);
    await page.getByTestId('draft-button').click();
    await expect(page.getByTestId('notice')).toContainText(draftReady);
    await look('a draft opened');
    await page.getByTestId('view-today').click();
    await expect(page.getByTestId('due-today')).toBeVisible();
    await look('the Today view');
    await page.getByTestId('view-dashboard').click();
    await expect(page.getByTestId('dashboard-view').locator('main.dash')).toHaveAttribute('data-ready', 'true');
    await look('the dashboard');
    await page.getByTestId('view-settings').click();
    await expect(page.getByTestId('settings-view').locator('main.settings-page')).toHaveAttribute('data-ready', 'true');
    await look('the settings');
    expect(seen.join('\n')).toMatch(/Outlook/);
  });
}
