/** The page side of the staged restore, against the real worker router over fake-indexeddb. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { routeMessage, type WorkerDeps } from '../background/router';
import { exportBackupV2, type LedgerSnapshot } from '../core/ledger';
import { randomLedger } from '../core/ledger/ledger.test-support';
import { restoreBackupFile, type RestoreProgress, type SendRestoreRequest } from './backup-upload';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const AT = '2026-11-22T10:00:00.000Z';
const databases: Dexie[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function worker() {
  const db = new RelanceDatabase(`upload-${Math.random()}`);
  databases.push(db);
  const deps = { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/`, ledger: new LedgerStore(db), today: async () => '2026-11-20', now: () => new Date(AT), broadcast: vi.fn(), refreshBadge: vi.fn(async () => undefined), log: vi.fn() } as unknown as WorkerDeps;
  const sent: string[] = [];
  const send = (async (message: { type: string }) => {
    sent.push(message.type);
    // As chrome.runtime.sendMessage does: the message is copied.
    return routeMessage(structuredClone(message), { id: EXT, url: `chrome-extension://${EXT}/src/settings/index.html` }, deps);
  }) as SendRestoreRequest;
  return { db, deps, send, sent };
}

function ledgerWithInvoices(): LedgerSnapshot {
  for (let seed = 3; ; seed += 1) {
    const ledger = randomLedger(seed);
    if (ledger.invoices.length >= 4 && ledger.events.length >= 10) return ledger;
  }
}

describe('restoreBackupFile', () => {
  it('streams the file in chunks, asks with what it holds, commits on yes; progress along the way', async () => {
    const ledger = ledgerWithInvoices();
    const { deps, send, sent } = worker();
    const text = exportBackupV2(ledger, AT).text;
    const file = new Blob([text]);
    const progress: RestoreProgress[] = [];
    const ask = vi.fn(async () => true);
    const outcome = await restoreBackupFile(file, { send, ask, onProgress: (p) => progress.push(p), chunkChars: 300 });
    expect(outcome).toMatchObject({ ok: true, result: { replaced: true, counts: { invoices: ledger.invoices.length, events: ledger.events.length } } });
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ version: 2, counts: expect.objectContaining({ invoices: ledger.invoices.length }) }));
    expect(sent[0]).toBe('backup/import-begin');
    expect(sent.at(-1)).toBe('backup/import-commit');
    expect(sent.filter((type) => type === 'backup/import-chunk').length).toBe(Math.floor(text.length / 300) + 1);
    expect(progress.at(-1)).toMatchObject({ bytesRead: file.size, totalBytes: file.size, invoices: ledger.invoices.length });
    expect((await deps.ledger.exportAll()).invoices.length).toBe(ledger.invoices.length);
  });

  it('a no aborts: nothing changes, the staging is cleared', async () => {
    const { db, deps, send, sent } = worker();
    const outcome = await restoreBackupFile(new Blob([exportBackupV2(ledgerWithInvoices(), AT).text]), { send, ask: async () => false, chunkChars: 1000 });
    expect(outcome).toEqual({ ok: false, cancelled: true });
    expect(sent.at(-1)).toBe('backup/import-abort');
    expect((await deps.ledger.exportAll()).invoices).toEqual([]);
    expect(await db.restoreEvents.count()).toBe(0);
  });

  it('a refused file gives its problems and never asks', async () => {
    const { deps, send } = worker();
    const ask = vi.fn(async () => true);
    const text = exportBackupV2(ledgerWithInvoices(), AT).text;
    const outcome = await restoreBackupFile(new Blob([text.slice(0, text.length - 60)]), { send, ask, chunkChars: 500 });
    expect(outcome).toMatchObject({ ok: false, cancelled: false, problems: expect.arrayContaining([expect.objectContaining({ code: 'truncated' })]) });
    expect(ask).not.toHaveBeenCalled();
    expect((await deps.ledger.exportAll()).invoices).toEqual([]);
    const binary = await restoreBackupFile(new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x0a])]), { send, ask });
    expect(binary).toMatchObject({ ok: false, cancelled: false, error: expect.stringMatching(/not UTF-8/) });
  });
});
