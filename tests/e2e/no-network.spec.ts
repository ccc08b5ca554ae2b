/**
 * "No server: no data leaves the browser" (issue 6 quality bar): while a user opens an invoice
 * thread, tracks it and drafts a reminder, no context of the extension (service worker, panel page,
 * Gmail content script) makes a network request. The only requests allowed are Gmail's own page
 * (the fixture at https://mail.google.com) and the extension's own packaged files.
 *
 * Playwright reports requests of pages and, in Chromium, of service workers on the context; the watch
 * (network-watch.ts) ends with a control request from the service worker to prove it does see the worker.
 */
import { expect, test } from './harness';
import { watchRequests } from './network-watch';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

test('opening, tracking and drafting makes no network request outside Gmail and the extension', async ({ relance }) => {
  const watch = watchRequests(relance);

  const thread = FIXTURE_THREADS.frOverdue;
  await relance.openThread('frOverdue');
  const tabId = await relance.tabShowing(thread.legacyThreadId);
  const panel = await relance.openPanel(tabId);
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  await panel.getByTestId('draft-button').click();
  await expect.poll(async () => (await relance.storedEvents()).map((event) => event.kind)).toContain('reminder_drafted');

  await watch.expectNoNetwork();
});
