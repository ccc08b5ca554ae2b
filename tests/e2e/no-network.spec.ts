/**
 * "No server: no data leaves the browser" (issue 6 quality bar): while a user opens an invoice
 * thread, tracks it and drafts a reminder, no context of the extension (service worker, panel page,
 * Gmail content script) makes a network request. The only requests allowed are Gmail's own page
 * (the fixture at https://mail.google.com) and the extension's own packaged files.
 *
 * Playwright reports requests of pages and, in Chromium, of service workers on the context; the test
 * ends with a control request from the service worker to prove the watch does see the worker.
 */
import type { Request } from '@playwright/test';
import { expect, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

test('opening, tracking and drafting makes no network request outside Gmail and the extension', async ({ relance }) => {
  const seen: Array<{ url: string; from: string }> = [];
  const origin = `chrome-extension://${relance.extensionId}/`;
  const record = (request: Request) => {
    const from = request.serviceWorker() ? 'service worker' : (request.frame()?.url() ?? 'unknown');
    seen.push({ url: request.url(), from });
  };
  relance.context.on('request', record);

  const thread = FIXTURE_THREADS.frOverdue;
  await relance.openThread('frOverdue');
  const tabId = await relance.tabShowing(thread.legacyThreadId);
  const panel = await relance.openPanel(tabId);
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await panel.getByTestId('draft-button').click();
  await expect.poll(async () => (await relance.storedEvents()).map((event) => event.kind)).toContain('reminder_drafted');

  const outside = seen.filter(({ url }) => !url.startsWith(origin) && !url.startsWith('https://mail.google.com/') && !url.startsWith('data:'));
  expect(outside, 'requests that left the browser').toEqual([]);
  // Extension contexts ask nothing of Gmail's server either: only the Gmail page itself loads from it.
  const extensionToGmail = seen.filter(({ url, from }) => url.startsWith('https://mail.google.com/') && (from === 'service worker' || from.startsWith(origin)));
  expect(extensionToGmail).toEqual([]);

  // Control: a request from the service worker is seen by this watch (else the test proves nothing).
  const worker = await relance.worker();
  await worker.evaluate(() => fetch('https://relance-control.invalid/ping').catch(() => undefined));
  await expect.poll(() => seen.some(({ url, from }) => url.startsWith('https://relance-control.invalid/') && from === 'service worker')).toBe(true);
});
