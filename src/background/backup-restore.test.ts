/** The staged restore through the real router: begin, chunks, commit or abort; all or nothing. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { exportBackup, exportBackupV2, type LedgerSnapshot } from '../core/ledger';
import { randomLedger } from '../core/ledger/ledger.test-support';
import { parseLedgerFileRequest, RESTORE_CHUNK_CHARS } from '../protocol/ledger-file-requests';
import type { BackupChunkResult, BackupImportResult } from '../protocol/messages';
import { routeMessage, type MessageSender, type WorkerDeps } from './router';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const page: MessageSender = { id: EXT, url: `${ORIGIN}src/settings/index.html` };
const gmail: MessageSender = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7 } };
const AT = '2026-11-22T10:00:00.000Z';
const T0 = { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' };

const databases: Dexie[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function makeDeps() {
  const db = new RelanceDatabase(`restore-${Math.random()}`);
  databases.push(db);
  const ledger = new LedgerStore(db);
  await ledger.track({ id: 'current', host: 'gmail', account: 'a@b.fr', threadId: 't', messageId: null, invoiceNumber: 'F-1', clientEmail: 'c@d.fr', clientName: null, amount: 10, currency: 'EUR', issueDate: '2026-11-01', dueDate: '2026-12-01', terms: null, language: 'fr', subject: 'F-1', trackedAt: T0.at }, T0);
  const deps = { extensionId: EXT, extensionOrigin: ORIGIN, ledger, today: async () => '2026-11-20', now: () => new Date(AT), broadcast: vi.fn(), refreshBadge: vi.fn(async () => undefined), log: vi.fn() } as unknown as WorkerDeps;
  return { db, deps };
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string; problems?: Array<{ code: string; message: string }> };
const ask = async <T>(deps: WorkerDeps, message: unknown, sender = page): Promise<Reply<T>> => (await routeMessage(message, sender, deps)) as Reply<T>;
const value = <T>(reply: Reply<T>): T => {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};

function ledgerWithInvoices(): LedgerSnapshot {
  for (let seed = 1; ; seed += 1) {
    const ledger = randomLedger(seed);
    if (ledger.invoices.length >= 4 && ledger.events.length >= 10) return ledger;
  }
}

async function sendAll(deps: WorkerDeps, text: string, size: number): Promise<{ id: string; last: Reply<BackupChunkResult> }> {
  const { restoreId: id } = value(await ask<{ restoreId: string }>(deps, { type: 'backup/import-begin' }));
  const pieces = Math.max(1, Math.ceil(text.length / size));
  let last: Reply<BackupChunkResult> = { ok: false, error: 'none sent' };
  for (let index = 0; index < pieces; index += 1) {
    last = await ask<BackupChunkResult>(deps, { type: 'backup/import-chunk', restoreId: id, index, text: text.slice(index * size, (index + 1) * size), last: index === pieces - 1 });
    if (!last.ok) break;
  }
  return { id, last };
}

const invoiceIds = async (deps: WorkerDeps) => (await deps.ledger.exportAll()).invoices.map((invoice) => invoice.id);

describe('backup/import-begin, -chunk, -commit, -abort', () => {
  it('a version 2 file in chunks: checked, staged, then swapped in by the commit only', async () => {
    const ledger = ledgerWithInvoices();
    const { deps } = await makeDeps();
    const { id, last } = await sendAll(deps, exportBackupV2(ledger, AT, { appVersion: '0.2.0' }).text, 211);
    expect(value(last).checked).toEqual({ version: 2, counts: { clients: ledger.clients.length, invoices: ledger.invoices.length, events: ledger.events.length, templates: Object.keys(ledger.templates).length }, exportedAt: AT, appVersion: '0.2.0', warnings: [] });
    expect(await invoiceIds(deps)).toEqual(['current']);
    const done = value(await ask<BackupImportResult>(deps, { type: 'backup/import-commit', restoreId: id }));
    expect(done).toMatchObject({ replaced: true, counts: { invoices: ledger.invoices.length } });
    const now = await deps.ledger.exportAll();
    expect(now.invoices).toEqual([...ledger.invoices].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(now.events.map(({ id: _id, ...event }) => event)).toEqual(expect.arrayContaining(ledger.events.map(({ id: _id, ...event }) => event)));
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'ledger/changed', invoiceIds: [], replaced: true });
    // The session is over.
    expect(await ask(deps, { type: 'backup/import-commit', restoreId: id })).toMatchObject({ ok: false, error: expect.stringMatching(/no longer in progress/) });
  });

  it('a version 1 file restores the same way', async () => {
    const ledger = ledgerWithInvoices();
    const { deps } = await makeDeps();
    const { id, last } = await sendAll(deps, exportBackup(ledger, AT).json, 1000);
    expect(value(last).checked?.version).toBe(1);
    value(await ask(deps, { type: 'backup/import-commit', restoreId: id }));
    expect((await invoiceIds(deps)).length).toBe(ledger.invoices.length);
  });

  it('a tampered event is refused with the chain error; the ledger and the staging are untouched', async () => {
    const { db, deps } = await makeDeps();
    const lines = exportBackupV2(ledgerWithInvoices(), AT).text.split('\n');
    const k = lines.findIndex((line) => line.startsWith('{"event":'));
    lines[k] = lines[k]!.replace(/"day":"(\d{4})/, (_m, year: string) => `"day":"${Number(year) + 1}`);
    const { id, last } = await sendAll(deps, lines.join('\n'), 150);
    expect(last).toMatchObject({ ok: false, code: 'invalid_file', problems: [{ code: 'chain_break', message: expect.stringMatching(new RegExp(`^line ${k + 1}: Altered history in invoice`)) }] });
    expect(await invoiceIds(deps)).toEqual(['current']);
    expect(await db.restoreEvents.count()).toBe(0);
    expect(await ask(deps, { type: 'backup/import-commit', restoreId: id })).toMatchObject({ ok: false });
    expect(await invoiceIds(deps)).toEqual(['current']);
  });

  it('a file cut short is refused at its last chunk; an abort throws the staging away', async () => {
    const { db, deps } = await makeDeps();
    const text = exportBackupV2(ledgerWithInvoices(), AT).text;
    const { last } = await sendAll(deps, text.slice(0, Math.floor(text.length * 0.7)), 300);
    expect(last).toMatchObject({ ok: false, code: 'invalid_file', problems: expect.arrayContaining([expect.objectContaining({ code: 'truncated' })]) });
    const { restoreId } = value(await ask<{ restoreId: string }>(deps, { type: 'backup/import-begin' }));
    value(await ask(deps, { type: 'backup/import-chunk', restoreId, index: 0, text: text.slice(0, 2000) }));
    expect(await db.restoreMeta.count()).toBeGreaterThan(0);
    value(await ask(deps, { type: 'backup/import-abort', restoreId }));
    expect(await db.restoreMeta.count()).toBe(0);
    expect(await invoiceIds(deps)).toEqual(['current']);
  });

  it('a chunk out of order stops the restore; a new begin replaces an unfinished one', async () => {
    const { deps } = await makeDeps();
    const text = exportBackupV2(ledgerWithInvoices(), AT).text;
    const first = value(await ask<{ restoreId: string }>(deps, { type: 'backup/import-begin' })).restoreId;
    value(await ask(deps, { type: 'backup/import-chunk', restoreId: first, index: 0, text: text.slice(0, 100) }));
    expect(await ask(deps, { type: 'backup/import-chunk', restoreId: first, index: 2, text: text.slice(100, 200) })).toMatchObject({ ok: false, error: expect.stringMatching(/Chunk 2 arrived where chunk 1/) });
    const second = value(await ask<{ restoreId: string }>(deps, { type: 'backup/import-begin' })).restoreId;
    expect(await ask(deps, { type: 'backup/import-chunk', restoreId: first, index: 1, text: 'x' })).toMatchObject({ ok: false });
    expect(await ask(deps, { type: 'backup/import-commit', restoreId: second })).toMatchObject({ ok: false, error: expect.stringMatching(/not read to its end/) });
    expect(await invoiceIds(deps)).toEqual(['current']);
  });

  it('content scripts cannot restore', async () => {
    const { deps } = await makeDeps();
    expect(await routeMessage({ type: 'backup/import-begin' }, gmail, deps)).toMatchObject({ ok: false });
    expect(await invoiceIds(deps)).toEqual(['current']);
  });
});

describe('parsing the restore requests', () => {
  it('shapes, ids, indexes and the chunk size are checked', () => {
    expect(parseLedgerFileRequest({ type: 'backup/import-begin' })).toEqual({ ok: true, value: { type: 'backup/import-begin' } });
    expect(parseLedgerFileRequest({ type: 'backup/import-chunk', restoreId: 'a-1', index: 0, text: 'x', last: true })).toEqual({ ok: true, value: { type: 'backup/import-chunk', restoreId: 'a-1', index: 0, text: 'x', last: true } });
    expect(parseLedgerFileRequest({ type: 'backup/import-commit', restoreId: 'a-1' }).ok).toBe(true);
    expect(parseLedgerFileRequest({ type: 'backup/import-abort', restoreId: 'a-1' }).ok).toBe(true);
    const refused = (message: unknown) => {
      const parsed = parseLedgerFileRequest(message);
      return parsed.ok ? null : parsed.error;
    };
    expect(refused({ type: 'backup/import-chunk', restoreId: 'a-1', index: 0, text: 'x'.repeat(RESTORE_CHUNK_CHARS + 1) })).toMatch(/^text: longer than/);
    expect(refused({ type: 'backup/import-chunk', restoreId: 'a-1', index: -1, text: 'x' })).toMatch(/^index/);
    expect(refused({ type: 'backup/import-chunk', restoreId: 'a-1', index: 1.5, text: 'x' })).toMatch(/^index/);
    expect(refused({ type: 'backup/import-chunk', restoreId: '../x', index: 0, text: 'x' })).toMatch(/^restoreId/);
    expect(refused({ type: 'backup/import-chunk', restoreId: 'a-1', index: 0, text: 'x', last: 'yes' })).toMatch(/^last/);
    expect(refused({ type: 'backup/import-chunk', restoreId: 'a-1', index: 0 })).toMatch(/^text/);
    expect(refused({ type: 'backup/import-commit' })).toMatch(/^restoreId/);
  });
});
