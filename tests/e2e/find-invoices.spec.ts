/**
 * Issue 6, "Find my invoices": from the dashboard, Relance drives Gmail's own search in the user's
 * Gmail tab (the fixture's `#search/…` result pages, 4 rows a page), opens each result thread at a
 * (test-shortened) pace, and lists the invoices it read for the user to confirm. Nothing is stored
 * before "Track selected"; Cancel stores nothing; the tab ends on the view it started on; no request
 * leaves the browser.
 */
import type { Page } from '@playwright/test';
import { expect, squash, test, type Relance } from './harness';
import { watchRequests } from './network-watch';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';
import { openDashboard, seriousViolations, SHOTS, track } from './dashboard-support';

const CAMILLE = FIXTURE_THREADS.frDueSoon.account.email;
/** The FR mailbox's invoices (F-2026-032 twice: its own thread and a follow-up thread, proposed once). */
const FOUND = ['F-2026-032', 'F-2026-041', 'F-2026-044', 'F-2026-051', 'F-2026-052', 'F-2026-053', 'F-2026-054', 'F-2026-061', 'F-2026-062'];

/** The Gmail inbox of Camille's account in its own tab, on `#inbox`. */
async function camilleInbox(relance: Relance): Promise<Page> {
  const gmail = await relance.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/1/#inbox');
  await expect(gmail.locator('[data-fixture-view=inbox] tr.zA').first()).toBeVisible();
  return gmail;
}

const numbers = (page: Page) => page.getByTestId('find-candidate').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-invoice')));

test('Find my invoices searches Gmail in the tab, lists the invoices, and tracks only the ones confirmed', async ({ relance }) => {
  const watch = watchRequests(relance);
  const earlier = await track(relance, 'frOverdue'); // already tracked before the search
  await earlier.close();
  const gmail = await camilleInbox(relance);
  const hashes: string[] = [];
  await gmail.exposeFunction('relanceTestHash', (hash: string) => void hashes.push(hash));
  await gmail.evaluate(() => window.addEventListener('hashchange', () => void (window as unknown as { relanceTestHash(h: string): void }).relanceTestHash(location.hash)));

  const page = await openDashboard(relance, { lang: 'fr', findPaceMs: '150' });
  await page.setViewportSize({ width: 1200, height: 1400 });
  const section = page.getByTestId('find-invoices');
  await expect(page.getByTestId('find-tab').locator('option')).toHaveText([CAMILLE]);
  await expect(page.getByTestId('find-period')).toHaveValue('12');
  expect((await relance.storedInvoices()).map((i) => i.invoiceNumber)).toEqual(['F-2026-032']);

  await page.getByTestId('find-start').click();
  await expect(section).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('find-progress')).toBeVisible();
  // Progress advances thread by thread; the total grows with the result pages read.
  await expect.poll(async () => Number(await page.getByTestId('find-progress').getAttribute('value'))).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${SHOTS}/find-running-fr.png`, fullPage: true });
  await expect(section).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('find-outcome')).toHaveText('Recherche terminée : 11 fil(s) lu(s), 9 facture(s) trouvée(s).');

  // Gmail was driven by its search: three pages of results, each thread opened under the search, then back to the inbox.
  const search = hashes.filter((h) => h.startsWith('#search/'));
  expect(search[0]).toMatch(/^#search\/in%3Asent%20newer_than%3A12m%20\(facture%20OR/);
  expect(search.filter((h) => /\/p\d$/.test(h))).toHaveLength(2);
  expect(search.filter((h) => /\/[0-9a-f]{16}$/.test(h))).toHaveLength(11);
  expect(hashes.at(-1)).toBe('#inbox');
  await expect.poll(() => gmail.evaluate(() => location.hash)).toBe('#inbox');

  // The invoices found; not the quote (D-2026-019) nor the plain conversation; F-2026-032 marked tracked.
  expect([...(await numbers(page))].sort()).toEqual(FOUND);
  await expect(page.locator('[data-testid=find-candidate][data-tracked=true]')).toHaveCount(1);
  await expect(page.locator('[data-testid=find-candidate][data-tracked=true]')).toHaveAttribute('data-invoice', 'F-2026-032');
  await expect(page.locator('[data-testid=find-candidate][data-invoice="F-2026-041"]')).toContainText('Julien Morel');
  expect(squash(await page.locator('[data-testid=find-candidate][data-invoice="F-2026-041"]').textContent())).toContain('2 400,00 €');
  expect((await relance.storedInvoices()).map((i) => i.invoiceNumber)).toEqual(['F-2026-032']); // nothing stored before confirming
  await page.screenshot({ path: `${SHOTS}/find-results-fr.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // The results survive closing and reopening the dashboard (the run's state is in the worker's session storage).
  await page.close();
  const en = await openDashboard(relance, { lang: 'en' });
  await en.setViewportSize({ width: 1200, height: 1400 });
  await expect(en.getByTestId('find-outcome')).toHaveText('Search finished: 11 thread(s) read, 9 invoice(s) found.');
  expect([...(await numbers(en))].sort()).toEqual(FOUND);
  expect(await seriousViolations(en)).toEqual([]);
  await en.screenshot({ path: `${SHOTS}/find-results-en.png`, fullPage: true });

  // Confirm all but one.
  await en.getByRole('checkbox', { name: /F-2026-054/ }).uncheck();
  await expect(en.getByTestId('find-track')).toHaveText('Track selected (7)');
  await en.getByTestId('find-track').click();
  await expect(en.getByTestId('find-tracked')).toHaveText('7 invoice(s) now tracked.');
  const stored = (await relance.storedInvoices()).map((i) => i.invoiceNumber).sort();
  expect(stored).toEqual(FOUND.filter((n) => n !== 'F-2026-054'));
  expect((await relance.storedInvoices()).every((i) => (i as unknown as { account: string }).account === CAMILLE)).toBe(true);
  await expect(en.locator('[data-testid=find-candidate][data-tracked=true]')).toHaveCount(8);
  await watch.expectNoNetwork();
});

test('Cancel stops the search, stores nothing and puts the Gmail tab back; leaving the search in the tab stops it', async ({ relance }) => {
  const watch = watchRequests(relance);
  const gmail = await camilleInbox(relance);
  await gmail.evaluate(() => void (location.hash = `#inbox/${'19a2c4e6f8b01d31'}`)); // start on a thread
  await expect(gmail.locator('h2.hP[data-legacy-thread-id="19a2c4e6f8b01d31"]')).toBeVisible();

  const first = await openDashboard(relance, { lang: 'fr', findPaceMs: '2500' });
  await first.getByTestId('find-period').selectOption('6');
  await first.getByTestId('find-start').click();
  await expect.poll(async () => Number(await first.getByTestId('find-progress').getAttribute('value'))).toBeGreaterThanOrEqual(1);
  await expect(gmail).toHaveURL(/#search\/in%3Asent%20newer_than%3A6m/);
  // Closing the dashboard does not stop the run; a reopened one shows it and can cancel it.
  await first.close();
  const page = await openDashboard(relance, { lang: 'fr', findPaceMs: '2500' });
  await expect(page.getByTestId('find-invoices')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('find-progress-text')).toContainText('Fils lus : ');
  await page.getByTestId('find-cancel').click();
  await expect(page.getByTestId('find-invoices')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('find-outcome')).toContainText('Recherche annulée');
  expect(await relance.storedInvoices()).toEqual([]);
  await expect.poll(() => gmail.evaluate(() => location.hash)).toBe('#inbox/19a2c4e6f8b01d31');

  // A second run: the user goes elsewhere in that Gmail tab, and the run stops without moving it back.
  await page.getByTestId('find-start').click();
  await expect.poll(async () => Number(await page.getByTestId('find-progress').getAttribute('value'))).toBeGreaterThanOrEqual(1);
  await gmail.evaluate(() => void (location.hash = '#inbox'));
  await expect(page.getByTestId('find-invoices')).toHaveAttribute('data-status', 'stopped', { timeout: 15_000 });
  await expect(page.getByTestId('find-outcome')).toHaveText('Recherche arrêtée : l’onglet Gmail a quitté la recherche.');
  expect(await gmail.evaluate(() => location.hash)).toBe('#inbox');
  expect(await relance.storedInvoices()).toEqual([]);

  // A third run stops when the tab is closed.
  await page.getByTestId('find-start').click();
  await expect.poll(async () => Number(await page.getByTestId('find-progress').getAttribute('value'))).toBeGreaterThanOrEqual(1);
  await gmail.close();
  await expect(page.getByTestId('find-invoices')).toHaveAttribute('data-status', 'stopped', { timeout: 15_000 });
  await expect(page.getByTestId('find-outcome')).toHaveText('Recherche arrêtée : l’onglet Gmail a été fermé.');
  // With no Gmail tab open, the section says how to open one.
  await page.reload();
  await expect(page.getByTestId('find-no-tab')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/find-no-tab-fr.png`, fullPage: true });
  await watch.expectNoNetwork();
});
