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
import { CLOCK_OVERRIDE_KEY } from '../../src/protocol/messages';

const ANCHOR = '2026-11-20';
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Before a first reminder the panel asks for the checks from practice (as tests/e2e/panel-support.ts does for Gmail). */
async function confirmFirstReminderChecklist(page: Page): Promise<void> {
  const checklist = page.getByTestId('first-reminder-checklist');
  await expect(checklist).toBeVisible();
  for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
}

interface HostLog {
  replyForms: Array<{ itemId: string; htmlBody: string }>;
  replyAllForms: unknown[];
  newMessageForms: unknown[];
  inserted: Array<{ itemId: string; data: string; coercionType: string }>;
  notifications: Record<string, Record<string, { type: string; message: string; icon: string; persistent: boolean }>>;
  completed: Array<{ name: string }>;
  calls: string[];
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

async function openAddinPage(page: Page, file: 'taskpane.html' | 'commands.html', config: HostConfig): Promise<void> {
  // This machine has no network; office.js's telemetry frame is the only thing that would try.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.addInitScript(
    ({ config, key, day }) => {
      (window as unknown as { __OUTLOOK_HOST_CONFIG__: unknown }).__OUTLOOK_HOST_CONFIG__ = config;
      sessionStorage.setItem(key, day);
    },
    { config, key: CLOCK_OVERRIDE_KEY, day: ANCHOR },
  );
  await page.goto(`${server.origin}/${file}`);
}

const hostLog = (page: Page) => page.evaluate(() => (window as unknown as { __outlookHost: { log: HostLog } }).__outlookHost.log);

function readStore(page: Page, store: 'invoices' | 'events'): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (name) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('relance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

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
