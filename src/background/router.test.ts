import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { StorageError } from '../adapters/storage/errors';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { DEFAULT_LEDGER_SETTINGS, exportBackup, verifyChain } from '../core/ledger';
import type { InvoiceFacts, ThreadSnapshot } from '../core/model';
import {
  LIMITS,
  type CsvExportResult,
  type DossierExportResult,
  type FileProblem,
  type ScanMergeReport,
  type TabThreadState,
  type WorkerToContent,
} from '../protocol/messages';
import { parseLedgerFileRequest } from '../protocol/ledger-file-requests';
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

// ---- the ledger's files (issue 5 "Import and export") ----------------------------------------

const TAKEOUT = readFileSync(new URL('../core/ledger/scan-merge.fixture-takeout.json', import.meta.url), 'utf8');
const TRACKED_ID = 'gmail:camille@atelier-durand.fr:18c0ffee00000001:F-2026-041';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string; problems?: FileProblem[] };

async function ask<T>(deps: WorkerDeps, message: unknown, sender: MessageSender = panelSender): Promise<Reply<T>> {
  return (await routeMessage(message, sender, deps)) as Reply<T>;
}

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error}`);
  return reply.value;
}

/** A ledger with a tracked invoice, a drafted reminder and edited settings. */
async function filled(overrides: Partial<WorkerDeps> = {}) {
  const made = makeDeps(overrides);
  const { deps, tabs } = made;
  tabs.set(7, { state: 'thread', snapshot, reading: { kind: 'none', reason: 'no_invoice_found' }, at: 0 });
  await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps);
  await routeMessage({ type: 'reminder/draft', invoiceId: TRACKED_ID, tabId: 7 }, panelSender, deps);
  await deps.ledger.putSettings({ ...DEFAULT_LEDGER_SETTINGS, signature: 'Camille Durand', ownEmails: ['camille@atelier-durand.fr'] });
  vi.mocked(deps.broadcast).mockClear();
  vi.mocked(deps.refreshBadge).mockClear();
  return made;
}

describe('backup/merge-scan', () => {
  it('adds the scan file’s invoices, proposes what it saw happen, and merging again adds nothing', async () => {
    const { deps } = await filled();
    const dry = value(await ask<ScanMergeReport>(deps, { type: 'backup/merge-scan', text: TAKEOUT, acceptUpdates: true, dryRun: true }));
    expect(dry).toMatchObject({ applied: false, counts: { newClients: 2, newInvoices: 2, updatesProposed: 1, updatesApplied: 0 } });
    expect((await deps.ledger.exportAll()).invoices).toHaveLength(1);
    expect(deps.broadcast).not.toHaveBeenCalled();

    const first = value(await ask<ScanMergeReport>(deps, { type: 'backup/merge-scan', text: TAKEOUT, acceptUpdates: false }));
    expect(first).toMatchObject({
      applied: true,
      source: { generatedAt: '2026-11-22T11:23:50.854Z', invoiceCount: 2 },
      counts: { newClients: 2, newInvoices: 2, duplicatesSkipped: 0, proofsAdded: 0, updatesProposed: 1, updatesApplied: 0, problems: 0 },
      proposals: [{ invoiceId: 'scan:bernard-conseil.fr:F-2026-040', invoiceNumber: 'F-2026-040', newInvoice: true, kind: 'payment', day: '2026-04-13', assumed: [] }],
      duplicates: [],
      problems: [],
    });
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'ledger/changed', invoiceIds: ['scan:bernard-conseil.fr:F-2026-040', 'scan:etoile.example:F-2026-041'] });
    expect(deps.refreshBadge).toHaveBeenCalled();
    expect((await deps.ledger.exportAll()).invoices).toHaveLength(3);

    // Again, the declined payment now accepted: only that event is added.
    const second = value(await ask<ScanMergeReport>(deps, { type: 'backup/merge-scan', text: TAKEOUT, acceptUpdates: true }));
    expect(second.counts).toEqual({ newClients: 0, newInvoices: 0, duplicatesSkipped: 2, proofsAdded: 0, updatesProposed: 1, updatesApplied: 1, problems: 0 });
    expect((await deps.ledger.get('scan:bernard-conseil.fr:F-2026-040'))?.logbook.map((event) => event.kind)).toEqual(['detected', 'payment']);

    const settled = await deps.ledger.exportAll();
    vi.mocked(deps.broadcast).mockClear();
    const third = value(await ask<ScanMergeReport>(deps, { type: 'backup/merge-scan', text: TAKEOUT, acceptUpdates: true }));
    expect(third.counts).toEqual({ newClients: 0, newInvoices: 0, duplicatesSkipped: 2, proofsAdded: 0, updatesProposed: 0, updatesApplied: 0, problems: 0 });
    expect(await deps.ledger.exportAll()).toEqual(settled);
    expect(deps.broadcast).not.toHaveBeenCalled();
  });

  it('a backup or a damaged file given to the merge is refused, nothing changed', async () => {
    const { deps } = await filled();
    const backup = exportBackup(await deps.ledger.exportAll(), '2026-11-20T09:00:00.000Z').json;
    const before = await deps.ledger.exportAll();
    expect(await ask(deps, { type: 'backup/merge-scan', text: backup, acceptUpdates: true })).toMatchObject({ ok: false, code: 'invalid_file', problems: [{ code: 'backup_file', message: expect.stringMatching(/Restore a backup/) }] });
    expect(await ask(deps, { type: 'backup/merge-scan', text: TAKEOUT.replace('"status_hint": "open"', '"status_hint": "maybe"'), acceptUpdates: true })).toMatchObject({
      ok: false,
      code: 'invalid_file',
      problems: [{ path: 'invoices[1].status_hint', code: 'unknown_value' }],
    });
    expect(await deps.ledger.exportAll()).toEqual(before);
  });
});

describe('export/csv and export/dossier', () => {
  it('gives the receivables as CSV, in French or English', async () => {
    const { deps } = await filled();
    const fr = value(await ask<CsvExportResult>(deps, { type: 'export/csv', language: 'fr' }));
    expect(fr.fileName).toBe('relance-creances-2026-11-20.csv');
    expect(fr.csv.startsWith('\uFEFFClient;N° de facture;')).toBe(true);
    expect(fr.csv.split('\r\n')[1]).toMatch(/^Julien Morel;F-2026-041;24\/10\/2026;23\/11\/2026;EUR;2400,00;/);
    const en = value(await ask<CsvExportResult>(deps, { type: 'export/csv', language: 'en' }));
    expect(en.csv.split('\r\n')[1]).toMatch(/^Julien Morel,F-2026-041,2026-10-24,2026-11-23,EUR,2400.00,/);
  });

  it('gives one invoice’s dossier as HTML and text; an unknown invoice is an error', async () => {
    const { deps } = await filled();
    const dossier = value(await ask<DossierExportResult>(deps, { type: 'export/dossier', invoiceId: TRACKED_ID, language: 'en' }));
    expect(dossier.fileName).toBe('relance-dossier-F-2026-041-2026-11-20');
    expect(dossier.html).toMatch(/^<!DOCTYPE html>/i);
    expect(dossier.html).toContain('F-2026-041');
    expect(dossier.text).toContain('F-2026-041');
    expect(await ask(deps, { type: 'export/dossier', invoiceId: 'nope', language: 'en' })).toEqual({ ok: false, error: 'unknown invoice' });
  });
});

describe('the file requests’ trust and limits', () => {
  const requests = (backup: string) => [
    { type: 'backup/export-begin' },
    { type: 'backup/import-begin' },
    { type: 'backup/import-chunk', restoreId: 'r1', index: 0, text: backup, last: true },
    { type: 'backup/merge-scan', text: TAKEOUT, acceptUpdates: true },
    { type: 'export/csv', language: 'fr' },
    { type: 'export/dossier', invoiceId: TRACKED_ID, language: 'fr' },
  ];

  it('refuses every one from the Gmail content script, and from unknown senders: nothing read, nothing written', async () => {
    const { deps } = await filled();
    const empty = exportBackup({ settings: DEFAULT_LEDGER_SETTINGS, templates: {}, clients: [], invoices: [], events: [] }, '2026-11-20T09:00:00.000Z').json;
    const before = await deps.ledger.exportAll();
    const exportAll = vi.spyOn(deps.ledger, 'exportAll');
    for (const request of requests(empty)) {
      expect(await routeMessage(request, gmailSender, deps)).toEqual({ ok: false, error: 'invalid message' });
      expect(routeMessage(request, { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' }, deps)).toBeUndefined();
      expect(routeMessage(request, { ...gmailSender, url: 'https://evil.example/', origin: 'https://evil.example' }, deps)).toBeUndefined();
    }
    expect(exportAll).not.toHaveBeenCalled();
    exportAll.mockRestore();
    expect(await deps.ledger.exportAll()).toEqual(before);
    expect(deps.broadcast).not.toHaveBeenCalled();
    expect(deps.refreshBadge).not.toHaveBeenCalled();
  });

  it('refuses malformed requests and a file text over the limit before reading it', async () => {
    const { deps } = await filled();
    const before = await deps.ledger.exportAll();
    const bad = [
      { type: 'backup/import-chunk', restoreId: 'r1', index: 0 },
      { type: 'backup/import-chunk', restoreId: 'r1', index: 0, text: 42 },
      { type: 'backup/import-chunk', restoreId: 'r1', index: 0, text: '{}', last: 'yes' },
      { type: 'backup/merge-scan', text: 'x'.repeat(LIMITS.fileChars + 1), acceptUpdates: true },
      { type: 'backup/merge-scan', text: TAKEOUT },
      { type: 'export/csv', language: 'de' },
      { type: 'export/dossier', invoiceId: '', language: 'fr' },
      { type: 'export/dossier', invoiceId: 'x'.repeat(LIMITS.shortText + 1), language: 'fr' },
    ];
    for (const message of bad) {
      const reply = await ask(deps, message);
      expect(reply.ok).toBe(false);
      expect(reply.ok ? '' : reply.error).toMatch(/^invalid message: /);
    }
    expect(await deps.ledger.exportAll()).toEqual(before);
  });

  it('parses what the pages send', () => {
    expect(parseLedgerFileRequest({ type: 'backup/merge-scan', text: '{}', acceptUpdates: false, dryRun: true, extra: 1 })).toEqual({ ok: true, value: { type: 'backup/merge-scan', text: '{}', acceptUpdates: false, dryRun: true } });
    expect(parseLedgerFileRequest({ type: 'backup/import-chunk', restoreId: 'r1', index: 0, text: '' })).toEqual({ ok: true, value: { type: 'backup/import-chunk', restoreId: 'r1', index: 0, text: '' } });
    // The whole-file messages of version 1 are gone: the settings page streams version 2 and restores in chunks.
    expect(parseLedgerFileRequest({ type: 'backup/export' })).toMatchObject({ ok: false });
    expect(parseLedgerFileRequest({ type: 'backup/import', text: '' })).toMatchObject({ ok: false });
    expect(parseLedgerFileRequest({ type: 'invoice/track' })).toMatchObject({ ok: false });
  });
});

describe('the panel’s ledger requests (issue 6)', () => {
  const trackFor = async (deps: WorkerDeps) => ((await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps)) as { value: { invoice: { id: string } } }).value.invoice.id;

  it('answers with the invoice’s state today: status, outstanding, penalty, the step to draft', async () => {
    const { deps } = makeDeps({ today: async () => '2026-12-01' });
    await trackFor(deps);
    const reply = (await routeMessage({ type: 'invoice/list-for-thread', thread: threadRef }, panelSender, deps)) as { value: Array<{ state: Record<string, unknown> }> };
    expect(reply.value[0]?.state).toMatchObject({ status: 'overdue', daysPastDue: 8, outstanding: 2400, currency: 'EUR', draftStep: 'first_reminder', beforeFirstReminder: true, currentStep: null });
    // 2026-H2's reference rate is not published: no figure, the table and period to ask for.
    expect(reply.value[0]?.state.penalty).toMatchObject({ kind: 'rate_unknown', period: '2026-H2' });
  });

  it('records a logbook entry the ledger accepts, refuses one it does not (a call without its next call date)', async () => {
    const { deps, db } = makeDeps();
    const invoiceId = await trackFor(deps);
    const refused = (await routeMessage({ type: 'invoice/log', invoiceId, entry: { kind: 'call', calledAt: '2026-11-20T10:00', who: 'Julien', outcome: 'answered' } }, panelSender, deps)) as { ok: boolean; error: string };
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('nextCallDate');
    expect(await db.events.count()).toBe(1);
    const saved = (await routeMessage({ type: 'invoice/log', invoiceId, entry: { kind: 'partial_payment', amount: 400, paidOn: '2026-11-19' } }, panelSender, deps)) as { ok: boolean; value: { state: { outstanding: number } } };
    expect(saved.ok).toBe(true);
    expect(saved.value.state.outstanding).toBe(2000);
    expect(verifyChain(await db.events.toArray()).ok).toBe(true);
    expect(deps.broadcast).toHaveBeenLastCalledWith({ type: 'ledger/changed', invoiceIds: [invoiceId] });
  });

  it('refuses malformed entries and keys the ledger sets itself, before touching the ledger', async () => {
    const { deps, db } = makeDeps();
    const invoiceId = await trackFor(deps);
    for (const entry of [
      { kind: 'tracked' },
      { kind: 'correction', field: 'amount', from: 1, to: 2 },
      { kind: 'note', text: 'x', day: '2020-01-01' },
      { kind: 'note', text: 'x'.repeat(5000) },
      'note',
    ]) {
      const reply = (await routeMessage({ type: 'invoice/log', invoiceId, entry }, panelSender, deps)) as { ok: boolean; error: string };
      expect(reply.ok, JSON.stringify(entry).slice(0, 60)).toBe(false);
      expect(reply.error).toMatch(/^invalid message/);
    }
    expect(await routeMessage({ type: 'reminder/preview', invoiceId, choice: { step: 'shout' } }, panelSender, deps)).toMatchObject({ ok: false });
    expect(await db.events.count()).toBe(1);
  });

  it('refuses every panel request from the Gmail content script', async () => {
    const { deps, db } = makeDeps();
    const invoiceId = await trackFor(deps);
    for (const message of [
      { type: 'invoice/log', invoiceId, entry: { kind: 'payment', paidOn: '2026-11-20' } },
      { type: 'invoice/untrack', invoiceId },
      { type: 'reminder/preview', invoiceId },
      { type: 'invoice/list-for-thread', thread: threadRef },
    ]) {
      expect(await routeMessage(message, gmailSender, deps)).toEqual({ ok: false, error: 'invalid message' });
    }
    expect(await db.invoices.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('previews another step and tone as text without inserting anything', async () => {
    const { deps, sent } = makeDeps({ today: async () => '2026-12-10' });
    const invoiceId = await trackFor(deps);
    const reply = (await routeMessage({ type: 'reminder/preview', invoiceId, choice: { step: 'formal_notice' } }, panelSender, deps)) as { ok: boolean; value: { step: string; tone: string; letterHtml: string; bodyText: string } };
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({ step: 'formal_notice', tone: 'formal' });
    expect(reply.value.letterHtml).toContain('<html');
    expect(reply.value.bodyText).toMatch(/mise en demeure/i);
    expect(sent).toEqual([]);
  });

  it('drafts the chosen step into a tab whose thread names the invoice (another thread of the same invoice)', async () => {
    const { deps, sent, tabs } = makeDeps();
    const invoiceId = await trackFor(deps);
    const elsewhere = { ...snapshot, threadId: '18c0ffee00000002' };
    tabs.set(7, { state: 'thread', snapshot: elsewhere, reading: { kind: 'invoice', facts, evidence: {}, confidence: 1 }, at: 0 });
    tabs.set(8, { state: 'thread', snapshot: elsewhere, reading: { kind: 'invoice', facts: { ...facts, invoiceNumber: 'F-2026-999' }, evidence: {}, confidence: 1 }, at: 0 });
    expect(await routeMessage({ type: 'reminder/draft', invoiceId, tabId: 8 }, panelSender, deps)).toEqual({ ok: false, error: 'the invoice thread is not open in this tab' });
    const reply = (await routeMessage({ type: 'reminder/draft', invoiceId, tabId: 7, choice: { step: 'first_reminder', tone: 'firm' } }, panelSender, deps)) as { ok: boolean; value: { draft: { step: string } } };
    expect(reply.ok).toBe(true);
    expect(sent.map((s) => [s.tabId, s.command.draft.step])).toEqual([[7, 'first_reminder']]);
    // And the list for that other thread finds it by number and client.
    const listed = (await routeMessage({ type: 'invoice/list-for-thread', thread: { ...threadRef, threadId: elsewhere.threadId }, also: [{ invoiceNumber: 'f-2026-041', clientEmail: facts.client.email }] }, panelSender, deps)) as { value: Array<{ invoice: { id: string } }> };
    expect(listed.value.map((r) => r.invoice.id)).toEqual([invoiceId]);
  });

  it('untracks: the invoice and its logbook leave the ledger, the others stay', async () => {
    const { deps, db } = makeDeps();
    const invoiceId = await trackFor(deps);
    await routeMessage({ type: 'invoice/track', facts: { ...facts, invoiceNumber: 'F-2026-042' }, thread: threadRef }, panelSender, deps);
    expect(await routeMessage({ type: 'invoice/untrack', invoiceId }, panelSender, deps)).toEqual({ ok: true, value: { removed: true } });
    expect((await db.invoices.toArray()).map((i) => i.invoiceNumber)).toEqual(['F-2026-042']);
    expect(await db.events.count()).toBe(1);
    expect(await routeMessage({ type: 'invoice/untrack', invoiceId }, panelSender, deps)).toEqual({ ok: true, value: { removed: false } });
  });
});

describe('invoice/correct', () => {
  it('corrects a tracked invoice’s facts, each change a chained correction; a refused value changes nothing more', async () => {
    const { deps, db } = makeDeps();
    const tracked = (await routeMessage({ type: 'invoice/track', facts, thread: threadRef }, panelSender, deps)) as { value: { invoice: { id: string } } };
    const invoiceId = tracked.value.invoice.id;
    const reply = (await routeMessage({ type: 'invoice/correct', invoiceId, changes: [{ field: 'dueDate', value: '2026-11-30' }, { field: 'amount', value: 2500 }] }, panelSender, deps)) as { ok: boolean; value: { invoice: { dueDate: string; amount: number }; state: { outstanding: number } } };
    expect(reply.ok).toBe(true);
    expect(reply.value.invoice).toMatchObject({ dueDate: '2026-11-30', amount: 2500 });
    expect(reply.value.state.outstanding).toBe(2500);
    const events = await db.events.toArray();
    expect(events.map((e) => [e.kind, 'field' in e ? e.field : null])).toEqual([['tracked', null], ['correction', 'dueDate'], ['correction', 'amount']]);
    expect(verifyChain(events).ok).toBe(true);
    const refused = (await routeMessage({ type: 'invoice/correct', invoiceId, changes: [{ field: 'dueDate', value: 'demain' }] }, panelSender, deps)) as { ok: boolean };
    expect(refused.ok).toBe(false);
    expect(await routeMessage({ type: 'invoice/correct', invoiceId, changes: [{ field: 'hash', value: 'x' }] }, panelSender, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message/) });
    expect(await db.events.count()).toBe(3);
  });
});

describe('"Find my invoices" through the router', () => {
  type Ports = NonNullable<WorkerDeps['findPorts']>;
  type RunState = NonNullable<Awaited<ReturnType<Ports['loadState']>>>;
  const candidate = (number: string, threadId: string, key = `key-${threadId}`) => ({ key, account: snapshot.account, threadId, facts: { ...facts, invoiceNumber: number }, tracked: false });
  function findPorts(state: RunState | null): Ports & { saved: RunState[] } {
    const saved: RunState[] = [];
    return {
      saved,
      tabIds: vi.fn(async () => [7]),
      loadState: vi.fn(async () => saved.at(-1) ?? state),
      saveState: vi.fn(async (next: RunState) => void saved.push(next)),
      sleep: async () => undefined,
      random: () => 0,
    };
  }

  it('refuses a find request from the Gmail content script: no run, no tab moved, nothing tracked', async () => {
    const ports = findPorts({ status: 'done', stopReason: null, looked: 1, total: 1, candidates: [candidate('F-1', '18c0ffee00000002')] });
    const { deps, db, sent } = makeDeps({ findPorts: ports });
    for (const forged of [{ type: 'find/start', tabId: 7, months: 12, paceMs: 50 }, { type: 'find/track', keys: ['key-18c0ffee00000002'] }, { type: 'find/tabs' }, { type: 'find/status' }]) {
      expect(await routeMessage(forged, gmailSender, deps)).toEqual({ ok: false, error: 'invalid message' });
    }
    expect(ports.tabIds).not.toHaveBeenCalled();
    expect(ports.loadState).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(await db.invoices.count()).toBe(0);
    // The same request from an extension page is answered (the refusal above is the sender's).
    expect(await routeMessage({ type: 'find/status' }, panelSender, deps)).toMatchObject({ ok: true, value: { status: 'done' } });
  });

  it('tracks the confirmed invoices with one broadcast and one badge refresh, and reports a refused one', async () => {
    const chosen = [candidate('F-1', '18c0ffee00000002'), candidate('  ', '18c0ffee00000003'), candidate('F-3', '18c0ffee00000004')];
    const ports = findPorts({ status: 'done', stopReason: null, looked: 3, total: 3, candidates: chosen });
    const { deps, db } = makeDeps({ findPorts: ports });
    const reply = (await routeMessage({ type: 'find/track', keys: chosen.map((c) => c.key) }, panelSender, deps)) as { ok: true; value: { tracked: number; failed: { key: string; error: string }[] } };
    expect(reply).toMatchObject({ ok: true, value: { tracked: 2, failed: [{ key: 'key-18c0ffee00000003', error: 'an invoice number is required' }] } });
    expect(await db.invoices.count()).toBe(2);
    expect(deps.broadcast).toHaveBeenCalledTimes(1);
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'ledger/changed', invoiceIds: [`gmail:${snapshot.account}:18c0ffee00000002:F-1`, `gmail:${snapshot.account}:18c0ffee00000004:F-3`] });
    expect(deps.refreshBadge).toHaveBeenCalledTimes(1);
    expect(ports.saved.at(-1)?.candidates.map((c) => c.tracked)).toEqual([true, false, true]);
  });
});
