/**
 * The demo: the built extension in Chromium against the local demo mailbox at https://mail.google.com
 * (mapped to this machine), so anyone can see Relance work without a Google account.
 * With a display, Chromium opens headed and the demo waits until you close it. Without one, it
 * walks through every step headless and writes a screenshot of each into demo-screenshots/.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startGmailFixtureServer } from '../tests/fixtures/gmail/server';
import { FIXTURE_THREADS } from '../tests/fixtures/gmail/threads/index';
import { CHROMIUM_PATH, chromiumArgs } from '../tests/e2e/chromium-args';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const PROFILE = path.join(ROOT, '.cache', 'demo-profile');
const SHOTS = path.join(ROOT, 'demo-screenshots');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.RELANCE_DEMO_HEADLESS !== '1';

async function launch(port: number): Promise<BrowserContext> {
  return chromium.launchPersistentContext(PROFILE, {
    executablePath: CHROMIUM_PATH,
    headless: !headed,
    ignoreHTTPSErrors: true,
    locale: 'fr-FR',
    viewport: headed ? null : { width: 1280, height: 800 },
    args: chromiumArgs(port, DIST, 'fr-FR'),
  });
}

async function tabIdShowing(context: BrowserContext, threadId: string): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const found = await worker.evaluate(async (id) => {
      const all = (await chrome.storage.session.get(null)) as Record<string, { snapshot?: { threadId: string } }>;
      const entry = Object.entries(all).find(([, v]) => v.snapshot?.threadId === id);
      return entry ? Number(entry[0].split(':')[1]) : null;
    }, threadId);
    if (found !== null) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the extension never reported thread ${threadId}: is the content script injected?`);
}

async function walkThrough(context: BrowserContext): Promise<void> {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  let n = 0;
  const shot = async (page: Page, name: string, what: string) => {
    const file = path.join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${file}  (${what})`);
  };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const thread = FIXTURE_THREADS.frOverdue;

  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/1/#inbox');
  await gmail.locator('tr.zA').first().waitFor();
  await shot(gmail, 'inbox', 'the demo mailbox, French Gmail UI');

  await gmail.goto(`https://mail.google.com${thread.path}`);
  await gmail.locator('[data-relance-chip]').waitFor();
  await shot(gmail, 'thread', 'an invoice thread, with the Relance chip beside the subject');

  const tabId = await tabIdShowing(context, thread.legacyThreadId);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/src/panel/index.html?tab=${tabId}`);
  await panel.getByTestId('field-invoice-number').waitFor();
  await shot(panel, 'panel', 'the panel: what Relance read in the thread');

  if (await panel.getByTestId('track-button').count()) await panel.getByTestId('track-button').click();
  await panel.getByTestId('tracked-status').waitFor();
  await shot(panel, 'tracked', 'after "Suivre": stored locally, logbook started');

  await gmail.bringToFront();
  await panel.getByTestId('draft-button').click();
  await panel.getByTestId('notice').waitFor();
  await shot(panel, 'drafted', 'after "Préparer la relance": logbook records the draft');
  await gmail.bringToFront();
  await gmail.locator('.ip.adB div.M9').waitFor();
  await gmail.locator('.ip.adB div.M9').scrollIntoViewIfNeeded();
  await shot(gmail, 'compose', "the reminder in Gmail's reply window, ready to edit, not sent");

  const badge = await worker.evaluate(() => chrome.action.getBadgeText({}));
  console.log(`  toolbar badge: "${badge}" (invoices needing you today)`);
}

async function main(): Promise<void> {
  const server = await startGmailFixtureServer({ port: 0 });
  console.log(`Demo mailbox at https://mail.google.com (served from ${server.origin})`);
  const context = await launch(server.port);
  try {
    if (headed) {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto('https://mail.google.com/mail/u/1/#inbox');
      console.log('Chromium is open with Relance loaded. Open an invoice thread, then click the "Relance" chip');
      console.log('beside the subject (or the toolbar icon) to open the panel. Close Chromium to end the demo.');
      await new Promise<void>((resolve) => context.once('close', () => resolve()));
    } else {
      console.log('No display found (DISPLAY/WAYLAND_DISPLAY unset): running the demo headless.');
      console.log(`Screenshots of each step are written to ${SHOTS}/:`);
      await walkThrough(context);
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error('The demo failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
