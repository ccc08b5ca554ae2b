/**
 * The streamed backup export through the real router and the page's helper (src/ui/backup-download.ts):
 * same bytes as the whole-snapshot writer, any page size, writes during the export, cancel, a
 * worker restart.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { exportBackupV2, type LedgerSnapshot } from '../core/ledger';
import { randomLedger } from '../core/ledger/ledger.test-support';
import { sampleTrackedInvoice } from '../adapters/storage/storage.test-support';
import type { BackupExportPiece } from '../protocol/backup-export-messages';
import { downloadBackupFile, type SendExportRequest } from '../ui/backup-download';
import { restoreBackupFile, type SendRestoreRequest } from '../ui/backup-upload';
import { EXPORT_PAGE } from './backup-export';
import { routeMessage, type MessageSender, type WorkerDeps } from './router';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const page: MessageSender = { id: EXT, url: `${ORIGIN}src/settings/index.html` };
const AT = '2026-11-22T10:00:00.000Z';
const DEFAULT_PAGE = { ...EXPORT_PAGE };

const databases: Dexie[] = [];
beforeEach(() => Object.assign(EXPORT_PAGE, DEFAULT_PAGE));
afterEach(async () => {
  Object.assign(EXPORT_PAGE, DEFAULT_PAGE);
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function makeDeps(): WorkerDeps {
  const db = new RelanceDatabase(`export-${Math.random()}`);
  databases.push(db);
  const ledger = new LedgerStore(db);
  return { extensionId: EXT, extensionOrigin: ORIGIN, ledger, appVersion: '0.3.0', today: async () => '2026-11-22', now: () => new Date(AT), broadcast: vi.fn(), refreshBadge: vi.fn(async () => undefined), log: vi.fn() } as unknown as WorkerDeps;
}

const sender = (deps: WorkerDeps) => ((message: unknown) => routeMessage(message, page, deps)) as unknown as SendExportRequest & SendRestoreRequest;

/** A random ledger with several clients, invoices and events, stored. */
async function storedLedger(deps: WorkerDeps, minInvoices = 5): Promise<LedgerSnapshot> {
  for (let seed = 1; ; seed += 1) {
    const ledger = randomLedger(seed);
    if (ledger.clients.length >= 3 && ledger.invoices.length >= minInvoices && ledger.events.length >= 10) {
      await deps.ledger.replaceAll(ledger);
      return ledger;
    }
  }
}

async function download(deps: WorkerDeps, options: Partial<Parameters<typeof downloadBackupFile>[0]> = {}) {
  const outcome = await downloadBackupFile({ send: sender(deps), ...options });
  if (!outcome.ok) throw new Error(outcome.cancelled ? 'cancelled' : outcome.error);
  return outcome;
}

async function restoreInto(deps: WorkerDeps, file: Blob) {
  return restoreBackupFile(file, { send: sender(deps), ask: async () => true, chunkChars: 997 });
}

/** A page size over 1 that `count` is a multiple of (the last page ends exactly on the last record), else `count` itself. */
function exactPage(count: number): number {
  for (let size = Math.floor(count / 2); size > 1; size -= 1) if (count % size === 0) return size;
  return count;
}

type PageSizes = (stored: LedgerSnapshot) => { clients: number; invoices: number };

describe('backup/export-begin, -chunk, -end (streamed version 2)', () => {
  it.each<[string, PageSizes]>([
    ['default pages', () => ({ ...DEFAULT_PAGE })],
    ['one record a piece', () => ({ clients: 1, invoices: 1 })],
    ['pages that end exactly on the last record', (stored) => ({ clients: exactPage(stored.clients.length), invoices: exactPage(stored.invoices.length) })],
  ])('gives the same bytes as exportBackupV2 on the same ledger (%s)', async (name, sizes) => {
    const deps = makeDeps();
    await storedLedger(deps, 6);
    const snapshot = await deps.ledger.exportAll();
    const page = sizes(snapshot);
    if (name.includes('exactly')) {
      expect([snapshot.clients.length % page.clients, snapshot.invoices.length % page.invoices]).toEqual([0, 0]);
      expect(page.invoices).toBeGreaterThan(1);
    }
    Object.assign(EXPORT_PAGE, page);
    const made = await download(deps);
    expect(made.fileName).toBe('relance-backup-2026-11-22.jsonl');
    expect(await made.file.text()).toBe(exportBackupV2(snapshot, AT, { appVersion: '0.3.0' }).text);
    expect(made.counts).toEqual({ clients: snapshot.clients.length, invoices: snapshot.invoices.length, events: snapshot.events.length, templates: Object.keys(snapshot.templates).length });
  });

  it('an empty ledger gives a file that restores', async () => {
    const deps = makeDeps();
    const made = await download(deps);
    expect(await made.file.text()).toBe(exportBackupV2(await deps.ledger.exportAll(), AT, { appVersion: '0.3.0' }).text);
    const restored = await restoreInto(makeDeps(), made.file);
    expect(restored.ok).toBe(true);
  });

  it('reads the store a page at a time: no piece holds more than a page of invoices', async () => {
    Object.assign(EXPORT_PAGE, { clients: 2, invoices: 2 });
    const deps = makeDeps();
    const ledger = await storedLedger(deps, 6);
    const send = sender(deps);
    const pieces: BackupExportPiece[] = [];
    const spy: SendExportRequest = async (message) => {
      const reply = await send(message);
      if (message.type === 'backup/export-chunk' && reply.ok) pieces.push(reply.value as BackupExportPiece);
      return reply;
    };
    await downloadBackupFile({ send: spy });
    const invoiceLines = pieces.map((piece) => piece.records.split('\n').filter((line) => line.startsWith('{"head"')).length);
    expect(Math.max(...invoiceLines)).toBe(2);
    expect(invoiceLines.reduce((a, b) => a + b, 0)).toBe(ledger.invoices.length);
    expect(pieces.length).toBeGreaterThan(ledger.invoices.length / 2);
  });

  it('writes during the export (new clients, events on invoices sent and not yet sent) still give a faithful file that restores', async () => {
    Object.assign(EXPORT_PAGE, { clients: 1, invoices: 1 });
    const deps = makeDeps();
    const ledger = await storedLedger(deps, 6);
    const ids = ledger.invoices.map((invoice) => invoice.id).sort();
    const send = sender(deps);
    let chunks = 0;
    const when = { at: '2026-11-22T09:00:00.000Z', day: '2026-11-22' };
    // Between pieces, as a Gmail tab would: a new invoice with a new client (its id sorts first, so
    // before the invoices already sent, and last, so among those to come), notes on the first and last
    // invoices.
    const writing: SendExportRequest = async (message) => {
      if (message.type === 'backup/export-chunk') {
        chunks += 1;
        if (chunks === ledger.clients.length + 3) {
          await deps.ledger.track(sampleTrackedInvoice({ id: '0000-new-first', invoiceNumber: 'N-1', clientEmail: 'new-first@client.fr' }), when);
          await deps.ledger.track(sampleTrackedInvoice({ id: 'zzzz-new-last', invoiceNumber: 'N-2', clientEmail: 'aaa-new-last@client.fr' }), when);
          await deps.ledger.appendEvent(ids[0]!, { kind: 'note', text: 'written during the export', ...when });
          await deps.ledger.appendEvent(ids[ids.length - 1]!, { kind: 'note', text: 'written during the export', ...when });
        }
      }
      return send(message);
    };
    const outcome = await downloadBackupFile({ send: writing });
    if (!outcome.ok) throw new Error('export failed');
    const text = await outcome.file.text();
    // The invoice added after its place was passed is not in the file; the one still to come is, with its new client.
    expect(text).not.toContain('0000-new-first');
    expect(text).toContain('"id":"zzzz-new-last"');
    expect(text).toContain('"id":"email:aaa-new-last@client.fr"');
    // The note on the last invoice (read after the write) is in; the first invoice's chain is as it was read.
    expect(text.split('written during the export').length - 1).toBe(1);

    const target = makeDeps();
    const restored = await restoreInto(target, outcome.file);
    if (!restored.ok) throw new Error(restored.cancelled ? 'cancelled' : `${restored.error} ${JSON.stringify(restored.problems.slice(0, 3))}`);
    expect(restored.result.warnings).toEqual([]);
    expect(restored.result.counts).toEqual(outcome.counts);
    const back = await target.ledger.exportAll();
    expect(back.invoices.map((invoice) => invoice.id)).toContain('zzzz-new-last');
    expect(back.clients.map((client) => client.id)).toContain('email:aaa-new-last@client.fr');
    expect(back.events.length).toBe(outcome.counts.events);
  });

  it('a cancel stops asking, and the worker forgets the export', async () => {
    Object.assign(EXPORT_PAGE, { clients: 1, invoices: 1 });
    const deps = makeDeps();
    await storedLedger(deps);
    const send = sender(deps);
    const controller = new AbortController();
    const sent: string[] = [];
    let exportId = '';
    const cancelling: SendExportRequest = async (message) => {
      sent.push(message.type);
      const reply = await send(message);
      if (message.type === 'backup/export-begin' && reply.ok) exportId = (reply.value as { exportId: string }).exportId;
      if (message.type === 'backup/export-chunk' && (message as { index: number }).index === 1) controller.abort();
      return reply;
    };
    const outcome = await downloadBackupFile({ send: cancelling, signal: controller.signal });
    expect(outcome).toEqual({ ok: false, cancelled: true });
    expect(sent).toEqual(['backup/export-begin', 'backup/export-chunk', 'backup/export-chunk', 'backup/export-end']);
    const after = await send({ type: 'backup/export-chunk', exportId, index: 2 });
    expect(after).toMatchObject({ ok: false, code: 'export_lost' });
  });

  it('a worker restarted mid-export gives the page a clear error', async () => {
    Object.assign(EXPORT_PAGE, { clients: 1, invoices: 1 });
    const deps = makeDeps();
    await storedLedger(deps);
    // A restarted worker: the same database, a new store with no export in progress.
    let restarted: WorkerDeps | null = null;
    const send = sender(deps);
    const restarting: SendExportRequest = async (message) => {
      if (message.type === 'backup/export-chunk' && (message as { index: number }).index === 2) restarted = { ...deps, ledger: new LedgerStore((deps.ledger as unknown as { db: RelanceDatabase }).db) } as WorkerDeps;
      return restarted ? sender(restarted)(message) : send(message);
    };
    const outcome = await downloadBackupFile({ send: restarting });
    expect(outcome).toMatchObject({ ok: false, cancelled: false, lost: true });
    expect(outcome.ok === false && !outcome.cancelled && outcome.error).toMatch(/no longer in progress.*start it again/);
  });

  it('a restore that replaces the ledger mid-export stops the export: its pieces would be another ledger', async () => {
    Object.assign(EXPORT_PAGE, { clients: 1, invoices: 1 });
    const deps = makeDeps();
    const ledger = await storedLedger(deps);
    const send = sender(deps);
    let replaced = false;
    const restoring: SendExportRequest = async (message) => {
      if (message.type === 'backup/export-chunk' && (message as { index: number }).index === 2 && !replaced) {
        replaced = true;
        const restored = await restoreBackupFile(new Blob([exportBackupV2(ledger, AT).text]), { send, ask: async () => true });
        expect(restored.ok).toBe(true);
      }
      return send(message);
    };
    expect(await downloadBackupFile({ send: restoring })).toMatchObject({ ok: false, cancelled: false, lost: true });
  });

  it('a piece asked out of order stops the export', async () => {
    const deps = makeDeps();
    await storedLedger(deps);
    const send = sender(deps);
    const begun = await send({ type: 'backup/export-begin' });
    if (!begun.ok) throw new Error(begun.error);
    const skipped = await send({ type: 'backup/export-chunk', exportId: begun.value.exportId, index: 1 });
    expect(skipped).toMatchObject({ ok: false, error: expect.stringMatching(/Piece 1 .* piece 0/) });
    expect(await send({ type: 'backup/export-chunk', exportId: begun.value.exportId, index: 0 })).toMatchObject({ ok: false, code: 'export_lost' });
  });

  it('content scripts cannot ask for the file; malformed requests are refused', async () => {
    const deps = makeDeps();
    const gmail: MessageSender = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7 } };
    const reply = (await routeMessage({ type: 'backup/export-begin' }, gmail, deps)) as { ok: boolean };
    expect(reply.ok).toBe(false);
    // From a page, a malformed request is refused by the parser.
    expect(await routeMessage({ type: 'backup/export-chunk', exportId: '../other', index: 0 }, page, deps)).toMatchObject({ ok: false, error: expect.stringContaining('expected an export id') });
    expect(await routeMessage({ type: 'backup/export-chunk', exportId: 'e1', index: -1 }, page, deps)).toMatchObject({ ok: false, error: expect.stringContaining('index') });
  });
});
