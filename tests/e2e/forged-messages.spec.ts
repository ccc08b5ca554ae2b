/**
 * Gmail's page is not ours: a script on it must not be able to create or change invoices.
 * The page has no channel to the extension (no externally_connectable), our content script
 * listens to no page events, and the service worker accepts ledger writes from extension pages only
 * (router.test.ts covers a forged message from the content script's own context).
 */
import { expect, test } from './harness';
import { FIXTURE_THREADS } from '../fixtures/gmail/threads/index';

test('a page script posting forged messages cannot create or change invoices', async ({ relance }) => {
  // One real tracked invoice, which the forgery will try to alter.
  const gmail = await relance.openThread('frDueToday');
  const tabId = await relance.tabShowing(FIXTURE_THREADS.frDueToday.legacyThreadId);
  const panel = await relance.openPanel(tabId);
  await panel.getByTestId('track-button').click();
  await expect(panel.getByTestId('tracked-status')).toBeVisible();
  const before = { invoices: await relance.storedInvoices(), events: await relance.storedEvents() };
  await expect.poll(() => relance.badgeText()).toBe('1');

  const attempts = await gmail.evaluate(async (extensionId) => {
    const forgedFacts = {
      invoiceNumber: 'F-FORGED-1',
      amount: 1,
      currency: 'EUR',
      issueDate: '2026-01-01',
      dueDate: '2026-01-02',
      terms: null,
      client: { name: 'Mallory', email: 'mallory@example.com' },
      language: 'fr',
      messageId: null,
      subject: 'forged',
    };
    const messages = [
      { type: 'invoice/track', facts: forgedFacts, thread: { host: 'gmail', account: 'camille@atelier-durand.fr', threadId: 'forged' } },
      { type: 'reminder/draft', invoiceId: 'anything', tabId: 1 },
      { type: 'thread/opened', snapshot: { host: 'gmail', account: 'x@y.z', threadId: 'forged', subject: 'x', uiLanguage: 'fr', messages: [] } },
    ];
    const results: string[] = [];
    for (const message of messages) {
      window.postMessage(message, '*');
      document.dispatchEvent(new CustomEvent('relance', { detail: message }));
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') {
        results.push('no runtime.sendMessage in the page');
        continue;
      }
      try {
        await runtime.sendMessage(extensionId, message);
        results.push('sent');
      } catch (error) {
        results.push(`refused: ${String(error)}`);
      }
    }
    return results;
  }, relance.extensionId);
  expect(attempts.every((r) => r !== 'sent')).toBe(true);

  // Give any (wrongly) accepted message time to land, then check nothing changed.
  await gmail.waitForTimeout(500);
  expect(await relance.storedInvoices()).toEqual(before.invoices);
  expect(await relance.storedEvents()).toEqual(before.events);
  expect(await relance.badgeText()).toBe('1');
  // The panel still shows the real thread, not the forged one.
  expect(await relance.tabState(tabId)).toMatchObject({ state: 'thread' });
  await expect(panel.getByTestId('field-invoice-number')).toHaveText('F-2026-044');
});
