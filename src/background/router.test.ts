import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { StorageError } from '../adapters/storage/errors';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { verifyChain } from '../core/ledger';
import type { InvoiceFacts, ThreadSnapshot } from '../core/model';
import type { TabThreadState, WorkerToContent } from '../protocol/messages';
import { classifySender, routeMessage, type MessageSender, type WorkerDeps } from './router';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const panelSender: MessageSender = { id: EXT, url: `${ORIGIN}src/panel/index.html` };
const gmailSender: MessageSender = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox/abc', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7 } };

const snapshot: ThreadSnapshot = {
  host: 'gmail',
  account: 'camille@atelier-durand.fr',
  threadId: '18c0ffee00000001',
  subject: 'Facture F-2026-041',
  uiLanguage: 'fr',
  messages: [],
};

const facts: InvoiceFacts = {
  invoiceNumber: 'F-2026-041',
  amount: 2400,
  currency: 'EUR',
  issueDate: '2026-10-24',
  dueDate: '2026-11-23',
  terms: null,
  client: { name: 'Julien Morel', email: 'compta@boulangerie-morel.fr' },
  language: 'fr',
  messageId: '#msg-a:r1',
  subject: 'Facture F-2026-041',
};
const threadRef = { host: 'gmail' as const, account: snapshot.account, threadId: snapshot.threadId };

const databases: Dexie[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function makeDeps(overrides: Partial<WorkerDeps> = {}) {
  const db = new RelanceDatabase(`router-${Math.random()}`);
  databases.push(db);
  const tabs = new Map<number, TabThreadState>();
  const sent: Array<{ tabId: number; command: WorkerToContent }> = [];
  const deps: WorkerDeps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    ledger: new LedgerStore(db),
    today: async () => '2026-11-20',
    now: () => new Date('2026-11-20T09:00:00.000Z'),
    setTabThread: async (tabId, state) => void tabs.set(tabId, state),
    getTabThread: async (tabId) => tabs.get(tabId) ?? null,
    enablePanel: vi.fn(async () => undefined),
    openPanel: vi.fn(),
    sendToTab: async (tabId, command) => {
      sent.push({ tabId, command });
      return { ok: true, mode: 'reply' };
    },
    refreshBadge: vi.fn(async () => undefined),
    storagePersistence: vi.fn(async () => 'granted' as const),
    broadcast: vi.fn(),
    log: () => undefined,
    ...overrides,
  };
  return { deps, db, tabs, sent };
}

describe('classifySender', () => {
  it('trusts extension pages, confines the Gmail top frame to reporting, ignores the rest', () => {
    const deps = { extensionId: EXT, extensionOrigin: ORIGIN };
    expect(classifySender(panelSender, deps)).toEqual({ role: 'page' });
    expect(classifySender(gmailSender, deps)).toEqual({ role: 'gmail', tabId: 7 });
    expect(classifySender({ ...gmailSender, frameId: 3 }, deps)).toEqual({ role: 'unknown' });
    expect(classifySender({ ...gmailSender, id: 'another-extension' }, deps)).toEqual({ role: 'unknown' });
    expect(classifySender({ ...gmailSender, url: 'https://evil.example/', origin: 'https://evil.example' }, deps)).toEqual({ role: 'unknown' });
  });
});

describe('routeMessage from the Gmail content script', () => {
  it('stores a valid thread report for its own tab and enables the panel there', async () => {
    const { deps, tabs } = makeDeps();
    await routeMessage({ type: 'thread/opened', snapshot }, gmailSender, deps);
    expect(tabs.get(7)).toMatchObject({ state: 'thread', snapshot: { threadId: snapshot.threadId }, reading: { kind: 'none', reason: 'no_readable_message' } });
    expect(deps.enablePanel).toHaveBeenCalledWith(7);
  });

  it('refuses privileged requests: a forged track or draft changes nothing', async () => {
    const { deps, db, sent } = makeDeps();
    const track = await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, gmailSender, deps);
    const draft = await routeMessage({ type: 'reminder/draft', invoiceId: 'x', tabId: 7 }, gmailSender, deps);
    const persistence = await routeMessage({ type: 'storage/persistence' }, gmailSender, deps);
    expect(track).toEqual({ ok: false, error: 'invalid message' });
    expect(draft).toEqual({ ok: false, error: 'invalid message' });
    expect(persistence).toEqual({ ok: false, error: 'invalid message' });
    expect(deps.storagePersistence).not.toHaveBeenCalled();
    expect(await db.invoices.count()).toBe(0);
    expect(sent).toEqual([]);
  });

  it('rejects a malformed or oversized snapshot without storing it', async () => {
    const { deps, tabs } = makeDeps();
    const huge = { ...snapshot, messages: Array.from({ length: 51 }, () => ({})) };
    for (const bad of [{ type: 'thread/opened' }, { type: 'thread/opened', snapshot: { ...snapshot, threadId: '<script>' } }, { type: 'thread/opened', snapshot: huge }, 'text', null]) {
      expect(await routeMessage(bad, gmailSender, deps)).toEqual({ ok: false, error: 'invalid message' });
    }
    expect(tabs.size).toBe(0);
  });

  it('opens the side panel synchronously, inside the click’s user gesture', () => {
    const { deps } = makeDeps();
    void routeMessage({ type: 'panel/open' }, gmailSender, deps);
    expect(deps.openPanel).toHaveBeenCalledWith(7); // no await happened yet
  });

  it('ignores messages from unknown senders entirely', () => {
    const { deps } = makeDeps();
    expect(routeMessage({ type: 'invoice/track', facts, thread: threadRef }, { id: 'other' }, deps)).toBeUndefined();
  });
});

describe('routeMessage from extension pages', () => {
  it('tracks an invoice once, refreshes the badge and tells other pages', async () => {
    const { deps, db } = makeDeps();
    const reply = (await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps)) as { ok: boolean; value: { invoice: { id: string }; events: unknown[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value.invoice.id).toBe('gmail:camille@atelier-durand.fr:18c0ffee00000001:F-2026-041');
    expect(reply.value.events).toHaveLength(1);
    await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps);
    expect(await db.invoices.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
    expect(deps.refreshBadge).toHaveBeenCalled();
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'ledger/changed', invoiceIds: [reply.value.invoice.id] });
  });

  it('drafts the step of the day into the tab showing the thread and logs it', async () => {
    const { deps, db, sent, tabs } = makeDeps();
    tabs.set(7, { state: 'thread', snapshot, reading: { kind: 'none', reason: 'no_invoice_found' }, at: 0 });
    const tracked = (await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps)) as { value: { invoice: { id: string } } };
    const reply = (await routeMessage({ type: 'reminder/draft', invoiceId: tracked.value.invoice.id, tabId: 7 }, panelSender, deps)) as { ok: boolean; value: { draft: { step: string; to: string[] } } };
    expect(reply.ok).toBe(true);
    expect(reply.value.draft.step).toBe('pre_reminder');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.command.draft.to).toEqual(['compta@boulangerie-morel.fr']);
    const logbook = await db.events.toArray();
    expect(logbook.map((e) => [e.kind, e.seq])).toEqual([
      ['tracked', 0],
      ['reminder_drafted', 1],
    ]);
    expect(verifyChain(logbook).ok).toBe(true);
  });

  it('refuses to draft into a tab that shows another thread, and logs nothing', async () => {
    const { deps, db, sent, tabs } = makeDeps();
    tabs.set(7, { state: 'thread', snapshot: { ...snapshot, threadId: 'another' }, reading: { kind: 'none', reason: 'no_invoice_found' }, at: 0 });
    const tracked = (await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps)) as { value: { invoice: { id: string } } };
    const reply = await routeMessage({ type: 'reminder/draft', invoiceId: tracked.value.invoice.id, tabId: 7 }, panelSender, deps);
    expect(reply).toEqual({ ok: false, error: 'the invoice thread is not open in this tab' });
    expect(sent).toEqual([]);
    expect(await db.events.count()).toBe(1);
  });

  it('reports a Gmail compose failure and logs no draft', async () => {
    const { deps, db, tabs } = makeDeps({
      sendToTab: async () => ({ ok: false, error: { code: 'compose_not_found', feature: 'draft', detail: 'no reply button' } }),
    });
    tabs.set(7, { state: 'thread', snapshot, reading: { kind: 'none', reason: 'no_invoice_found' }, at: 0 });
    const tracked = (await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps)) as { value: { invoice: { id: string } } };
    const reply = await routeMessage({ type: 'reminder/draft', invoiceId: tracked.value.invoice.id, tabId: 7 }, panelSender, deps);
    expect(reply).toEqual({ ok: false, error: 'compose_not_found: no reply button' });
    expect(await db.events.count()).toBe(1);
  });

  it('answers the panel with the ledger record: the invoice by its TrackedInvoice names, the v1 events and the chained logbook', async () => {
    const { deps } = makeDeps();
    await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps);
    const reply = (await routeMessage({ type: 'invoice/list-for-thread', thread: threadRef }, panelSender, deps)) as {
      ok: true;
      value: Array<{ invoice: Record<string, unknown>; events: Array<{ kind: string }>; logbook: Array<{ kind: string; seq: number; hash: string }> }>;
    };
    expect(reply.ok).toBe(true);
    expect(reply.value).toHaveLength(1);
    const [record] = reply.value;
    expect(record?.invoice).toMatchObject({
      host: 'gmail',
      threadId: snapshot.threadId,
      account: snapshot.account,
      invoiceNumber: 'F-2026-041',
      clientEmail: 'compta@boulangerie-morel.fr',
      dueDate: '2026-11-23',
      clientId: 'email:compta@boulangerie-morel.fr',
      source: 'detected',
    });
    expect(record?.invoice).not.toHaveProperty('open');
    expect(record?.events.map((e) => e.kind)).toEqual(['tracked']);
    expect(record?.logbook).toEqual([expect.objectContaining({ kind: 'tracked', seq: 0, hash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });

  it('reports whether storage is persistent', async () => {
    const { deps } = makeDeps({ storagePersistence: vi.fn(async () => 'denied' as const) });
    expect(await routeMessage({ type: 'storage/persistence' }, panelSender, deps)).toEqual({ ok: true, value: 'denied' });
  });

  it('passes a storage failure to the panel with its code and message, having written nothing', async () => {
    const { deps, db } = makeDeps();
    vi.spyOn(db.events, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const reply = await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps);
    expect(reply).toEqual({ ok: false, code: 'quota_exceeded', error: new StorageError('quota_exceeded').message });
    expect(await db.invoices.count()).toBe(0);
    expect(await db.clients.count()).toBe(0);
    expect(deps.broadcast).not.toHaveBeenCalled();
  });

  it('reports an invalid invoice without a storage code', async () => {
    const { deps, db } = makeDeps();
    const reply = (await routeMessage({ type: 'invoice/track', facts: { ...facts, amount: -1 }, thread: threadRef }, panelSender, deps)) as { ok: boolean; error: string; code?: string };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/amount/);
    expect(reply.code).toBeUndefined();
    expect(await db.invoices.count()).toBe(0);
  });
});
