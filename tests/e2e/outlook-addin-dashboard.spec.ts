/**
 * The extension's dashboard and settings in the Outlook task pane (issue 7), end to end in Chromium
 * at a task pane's width: the built pane with the real office.js and the scripted mailbox host
 * (tests/fixtures/outlook). The pane's ledger is its origin's IndexedDB; the backup file is the
 * extension's format (version 2, JSON Lines: tests/fixtures/outlook/gmail-backup.ts, written by the
 * core writer), and the pane's own download restores in another pane.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { GMAIL_BACKUP_FILE, gmailBackupJsonl, GMAIL_INVOICE } from '../fixtures/outlook/gmail-backup';
import { ensureAddinBuilt, ADDIN_DIST } from '../fixtures/outlook/build';
import { outlookMailbox } from '../fixtures/outlook/mailbox';
import { ANCHOR, hostLog, openAddinPage, readStore } from '../fixtures/outlook/pane-page';
import { startAddinServer, type AddinServer } from '../fixtures/outlook/server';

const SHOTS = '.cache/screenshots/outlook-addin';
const REPLY_ITEM = 'AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply';

// Outlook's task pane is 320 to 450 px wide (the desktop clients let the user widen it).
test.use({ viewport: { width: 340, height: 900 } });

let server: AddinServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ensureAddinBuilt();
  server = await startAddinServer(ADDIN_DIST);
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await server?.close();
});

const open = (page: Page, displayLanguage = 'fr-FR') => openAddinPage(page, server.origin, 'taskpane.html', outlookMailbox(ANCHOR, 'clientReply', displayLanguage));

async function trackTheSelectedInvoice(page: Page): Promise<void> {
  await page.getByTestId('track-button').click();
  await expect(page.getByTestId('tracked-status')).toBeVisible();
}

async function showDashboard(page: Page): Promise<void> {
  await page.getByTestId('view-dashboard').click();
  await expect(page.getByTestId('dashboard-view').locator('main.dash')).toHaveAttribute('data-ready', 'true');
}

async function showSettings(page: Page): Promise<void> {
  await page.getByTestId('view-settings').click();
  await expect(page.getByTestId('settings-view').locator('main.settings-page')).toHaveAttribute('data-ready', 'true');
}

/** Nothing wider than the pane but the tables, which scroll inside their own box. */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the pane’s dashboard lists the tracked invoice and opens its Outlook message', async ({ page }) => {
  await open(page);
  await trackTheSelectedInvoice(page);
  await showDashboard(page);
  await expect(page.getByTestId('message-view')).toBeHidden();
  await expect(page.getByTestId('view-dashboard')).toHaveAttribute('aria-pressed', 'true');

  const row = page.locator('[data-testid=dash-row][data-invoice="F-2026-032"]');
  await expect(row).toBeVisible();
  await expect(page.locator('[data-testid=dash-today-item][data-invoice="F-2026-032"]')).toBeVisible();
  await expect(page.getByTestId('dashboard-view')).toContainText('Compte Outlook');
  // The daily reminder line names a setting Outlook does not have (see the settings view's note): not rendered.
  await expect(page.getByTestId('dash-alerts')).toHaveCount(0);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/dashboard-fr-340.png`, fullPage: true });

  // From today's list and from the table: Outlook's own message form, never a Gmail address.
  const pages = page.context().pages().length;
  await page.locator('[data-testid=dash-today-item][data-invoice="F-2026-032"]').getByRole('button', { name: 'Ouvrir dans Outlook : facture F-2026-032' }).click();
  await row.getByTestId('dash-row-open').click();
  await expect.poll(async () => (await hostLog(page)).openedMessages).toEqual([
    { itemId: REPLY_ITEM, found: true },
    { itemId: REPLY_ITEM, found: true },
  ]);
  expect(page.context().pages()).toHaveLength(pages);
  await expect(page.getByTestId('dash-open-error')).toHaveCount(0);
});

test('a backup made by the extension in Gmail restores in the pane and its invoices show in the pane’s dashboard; the pane’s own backup restores in another pane', async ({ page, browser }) => {
  await open(page);
  await showSettings(page);
  await page.getByTestId('restore-file').setInputFiles({ name: GMAIL_BACKUP_FILE, mimeType: 'application/x-ndjson', buffer: Buffer.from(gmailBackupJsonl()) });
  await expect(page.getByTestId('restore-summary')).toBeVisible();
  await page.getByTestId('confirm-restore').click();
  await expect(page.getByTestId('status-backup')).toContainText('Sauvegarde restaurée');
  expect((await readStore(page, 'invoices')).map((invoice) => [invoice.invoiceNumber, invoice.host])).toEqual([[GMAIL_INVOICE, 'gmail']]);

  await showDashboard(page);
  const row = page.locator(`[data-testid=dash-row][data-invoice="${GMAIL_INVOICE}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Bernard Conseil');
  // Read in Gmail: nothing to open in Outlook, and the row says so rather than offering a dead button.
  await expect(row.getByTestId('dash-row-open')).toHaveCount(0);
  await expect(page.locator(`[data-testid=dash-today-item][data-invoice="${GMAIL_INVOICE}"]`)).toContainText('aucun message Outlook');
  await page.screenshot({ path: `${SHOTS}/dashboard-restored-fr-340.png`, fullPage: true });
  // No button in the table now: it must still not need a scroll the keyboard cannot reach.
  expect(await seriousViolations(page)).toEqual([]);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

  // The pane's own backup, from its download button: version 2, made in pieces by the pane's worker.
  await showSettings(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  expect(download.suggestedFilename()).toBe(`relance-backup-${ANCHOR}.jsonl`);
  const file = await download.path();
  expect(JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!)).toMatchObject({ format: 'relance-backup', version: 2, counts: { invoices: 1 } });

  // Another Outlook (an empty ledger: another browser profile) restores it, invoice and logbook.
  const other = await browser.newContext({ viewport: { width: 340, height: 900 }, acceptDownloads: true });
  try {
    const otherPage = await other.newPage();
    await open(otherPage);
    await showSettings(otherPage);
    expect(await readStore(otherPage, 'invoices')).toEqual([]);
    await otherPage.getByTestId('restore-file').setInputFiles(file);
    await expect(otherPage.getByTestId('restore-summary')).toBeVisible();
    await otherPage.getByTestId('confirm-restore').click();
    await expect(otherPage.getByTestId('status-backup')).toContainText('Sauvegarde restaurée');
    expect((await readStore(otherPage, 'invoices')).map((invoice) => [invoice.invoiceNumber, invoice.host])).toEqual([[GMAIL_INVOICE, 'gmail']]);
    expect(await readStore(otherPage, 'events')).toEqual(await readStore(page, 'events'));
  } finally {
    await other.close();
  }
});

test('the pane’s settings save to its IndexedDB and are there after a reload; no daily reminder setting in Outlook', async ({ page }) => {
  await open(page);
  await showSettings(page);
  await expect(page.getByTestId('section-alerts')).toHaveCount(0);
  await expect(page.getByTestId('settings-outlook-note')).toContainText('pas de rappel quotidien ni de badge');
  await expect(page.getByTestId('storage-persistence')).not.toHaveAttribute('data-state', 'checking');
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/settings-fr-340.png` });
  await page.getByTestId('section-backup').screenshot({ path: `${SHOTS}/settings-backup-fr-340.png` });

  await page.getByTestId('input-company-name').fill('Atelier Durand');
  await page.getByTestId('save-identity').click();
  await expect(page.getByTestId('status-identity')).toHaveText('Enregistré.');
  const meta = await readStore(page, 'meta');
  expect(meta.find((record) => record.key === 'settings')).toMatchObject({ value: { company: { name: 'Atelier Durand' } } });

  await page.reload();
  await showSettings(page);
  await expect(page.getByTestId('input-company-name')).toHaveValue('Atelier Durand');
});

test('the interface-language setting switches the whole pane, and stays after a reload', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('view-message')).toHaveText('Ce message');
  await showSettings(page);
  await page.getByTestId('choice-interfaceLanguage-en').check();
  await page.getByTestId('save-language').click();

  await expect(page.getByTestId('view-message')).toHaveText('This message');
  await expect(page.getByTestId('view-settings')).toHaveText('Settings');
  await expect(page.getByTestId('settings-outlook-note')).toContainText('Outlook has no daily reminder');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('view-message').click();
  await expect(page.getByTestId('field-due-status')).toHaveText('10 days past due');
  await showDashboard(page);
  await expect(page.getByTestId('dashboard-view')).toContainText('Outlook account');

  await page.reload();
  await expect(page.getByTestId('field-due-status')).toHaveText('10 days past due');
  await expect(page.getByTestId('view-dashboard')).toHaveText('Dashboard');
});

for (const displayLanguage of ['fr-FR', 'en-US']) {
  test(`axe finds no serious or critical violation in the pane’s dashboard and settings (${displayLanguage})`, async ({ page }) => {
    await open(page, displayLanguage);
    await trackTheSelectedInvoice(page);
    await showDashboard(page);
    expect(await seriousViolations(page)).toEqual([]);
    await showSettings(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
