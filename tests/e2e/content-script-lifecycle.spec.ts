/**
 * The content script's failure and lifetime: a thread it cannot read turns into a clear panel
 * message (Gmail keeps working), and a reloaded extension leaves nothing running in old Gmail tabs.
 */
import { expect, test } from './harness';
import { FIXTURE_MAILBOXES } from '../fixtures/gmail/threads/index';

test('a thread Relance cannot read: the panel says so, Gmail keeps working', async ({ relance }) => {
  // A filler row of the demo inbox opens a view without Gmail's thread markup, as if Gmail had
  // changed its DOM: the adapter finds no thread heading.
  const filler = FIXTURE_MAILBOXES[1].fillers[0]!;
  const gmail = await relance.context.newPage();
  await gmail.goto(`https://mail.google.com/mail/u/1/#inbox/${filler.legacyThreadId}`);
  await expect(gmail.locator('.fixture-unavailable')).toBeVisible();

  let tabId: number | null = null;
  await expect
    .poll(async () => {
      const worker = await relance.worker();
      tabId = await worker.evaluate(async () => {
        const all = (await chrome.storage.session.get(null)) as Record<string, { state?: string }>;
        const entry = Object.entries(all).find(([, value]) => value.state === 'unreadable');
        return entry ? Number(entry[0].split(':')[1]) : null;
      });
      return tabId;
    }, { timeout: 15_000 })
    .not.toBeNull();
  const panel = await relance.openPanel(tabId!);
  await expect(panel.getByTestId('panel-message')).toContainText('n’a pas pu lire ce fil');
  await expect(gmail.locator('[data-relance-chip]')).toHaveCount(0);

  // Gmail itself is untouched: the inbox still opens.
  await gmail.evaluate(() => (location.hash = '#inbox'));
  await expect(gmail.locator('tr.zA').first()).toBeVisible();
});

test('reloading the extension stops the old content script: chip removed, nothing reported', async ({ relance }) => {
  const gmail = await relance.openThread('frDueSoon');
  await expect(gmail.locator('[data-relance-chip]')).toHaveCount(1);

  const worker = await relance.worker();
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the worker dies with it
  // The orphaned script notices on its next event and aborts every listener.
  await gmail.evaluate(() => (location.hash = '#inbox'));
  await gmail.evaluate(() => (location.hash = `#inbox/${document.querySelector('h2.hP')?.getAttribute('data-legacy-thread-id')}`));
  await expect(gmail.locator('h2.hP').first()).toBeAttached();
  await expect(gmail.locator('[data-relance-chip]')).toHaveCount(0);
  // No "Extension context invalidated" error escaped into Gmail's page.
  const errors: string[] = [];
  gmail.on('pageerror', (error) => errors.push(error.message));
  await gmail.evaluate(() => (location.hash = '#inbox'));
  await gmail.waitForTimeout(300);
  expect(errors).toEqual([]);
});
