/**
 * The router's part for the dashboard: its requests are answered for extension pages only (a
 * Gmail content script asking is refused before anything runs), and a Gmail page reporting a
 * thread tells which `/mail/u/<n>/` its account is at.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ThreadSnapshot } from '../core/model';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { openDatabase } from '../adapters/storage/storage.test-support';
import { routeMessage, type MessageSender, type WorkerDeps } from './router';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const dashboardSender: MessageSender = { id: EXT, url: `${ORIGIN}src/dashboard/index.html` };
const gmailSender: MessageSender = { id: EXT, url: 'https://mail.google.com/mail/u/1/#inbox/abc', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7 } };

function makeDeps(): WorkerDeps {
  return {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    ledger: new LedgerStore(openDatabase()),
    today: async () => '2026-11-20',
    now: () => new Date('2026-11-20T09:00:00.000Z'),
    setTabThread: async () => undefined,
    getTabThread: async () => null,
    enablePanel: vi.fn(async () => undefined),
    openPanel: vi.fn(),
    sendToTab: vi.fn(async () => undefined),
    refreshBadge: vi.fn(async () => undefined),
    storagePersistence: vi.fn(async () => 'granted' as const),
    broadcast: vi.fn(),
    log: () => undefined,
    invoiceOpener: { canOpen: () => true, open: vi.fn(async () => undefined) },
    rememberGmailAccount: vi.fn(async () => undefined),
  };
}

describe('dashboard requests through the router', () => {
  it('answers an extension page', async () => {
    const deps = makeDeps();
    const reply = (await routeMessage({ type: 'dashboard/load', account: null }, dashboardSender, deps)) as { ok: boolean; value?: { receivables: unknown[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value?.receivables).toEqual([]);
    expect(await routeMessage({ type: 'dashboard/load', account: 42 }, dashboardSender, deps)).toEqual({ ok: false, error: 'invalid message: account: expected a string' });
  });

  it('refuses the Gmail content script', async () => {
    const deps = makeDeps();
    expect(await routeMessage({ type: 'dashboard/open-thread', invoiceId: 'x' }, gmailSender, deps)).toEqual({ ok: false, error: 'invalid message' });
    expect(deps.invoiceOpener?.open).not.toHaveBeenCalled();
  });

  it('remembers the account number of the Gmail page that reports a thread', async () => {
    const deps = makeDeps();
    const snapshot: ThreadSnapshot = { host: 'gmail', account: 'camille@atelier-durand.fr', threadId: '18c0ffee00000001', subject: 'Facture', uiLanguage: 'fr', messages: [] };
    await routeMessage({ type: 'thread/opened', snapshot }, gmailSender, deps);
    expect(deps.rememberGmailAccount).toHaveBeenCalledWith('camille@atelier-durand.fr', gmailSender.url);
  });
});
