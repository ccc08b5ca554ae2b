/** The staged restore: chunks staged while they are read, only the commit swaps them in, in one transaction. */
import { describe, expect, it } from 'vitest';
import { BackupStreamReader, exportBackupV2, readBackupText, type BackupBatch, type LedgerSnapshot } from '../../core/ledger';
import { randomLedger } from '../../core/ledger/ledger.test-support';
import { StorageError } from './errors';
import { LedgerStore } from './ledger-store';
import { RestoreStaging } from './restore-staging';
import { openDatabase, sampleTrackedInvoice } from './storage.test-support';

const AT = '2026-11-22T10:00:00.000Z';
const T0 = { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' };

/** A ledger with a few invoices of several clients (seeded: the same every run). */
function ledgerWithInvoices(): LedgerSnapshot {
  for (let seed = 1; ; seed += 1) {
    const ledger = randomLedger(seed);
    if (ledger.invoices.length >= 4 && ledger.clients.length >= 2 && ledger.events.length >= 10) return ledger;
  }
}

async function currentLedger() {
  const db = openDatabase();
  const store = new LedgerStore(db);
  await store.track(sampleTrackedInvoice(), T0);
  return { db, store, staging: new RestoreStaging(db) };
}

/** Everything the ledger's tables hold (event ids aside). */
async function tables(db: ReturnType<typeof openDatabase>) {
  return {
    invoices: await db.invoices.toArray(),
    events: (await db.events.orderBy('[invoiceId+seq]').toArray()).map(({ id: _id, ...event }) => event),
    clients: await db.clients.toArray(),
    meta: await db.meta.toArray(),
    clientTotals: await db.clientTotals.toArray(),
    dailySales: await db.dailySales.toArray(),
  };
}

/** Stages the text in chunks of `size` through the reader, as the worker does. */
async function stageText(staging: RestoreStaging, id: string, text: string, size: number): Promise<BackupStreamReader> {
  const reader = new BackupStreamReader();
  for (let at = 0; at < text.length; at += size) {
    reader.push(text.slice(at, at + size));
    await staging.stage(id, reader.take());
  }
  return reader;
}

describe('RestoreStaging', () => {
  it('begin, stage in chunks, commit: the same ledger as replaceAll writes (summaries, totals, sales), staging cleared', async () => {
    const ledger = ledgerWithInvoices();
    const text = exportBackupV2(ledger, AT).text;
    const { db, store, staging } = await currentLedger();
    await staging.begin('r1', AT);
    const reader = await stageText(staging, 'r1', text, 97);
    const verdict = reader.end();
    if (!verdict.ok) throw new Error(verdict.errors[0]!.message);
    await staging.stage('r1', reader.take());
    // Nothing of the backup is in the ledger before the commit.
    expect((await store.all()).map((record) => record.invoice.id)).toEqual([sampleTrackedInvoice().id]);
    expect(await staging.counts('r1')).toEqual({ clients: ledger.clients.length, invoices: ledger.invoices.length, events: ledger.events.length });
    await staging.commit('r1', { clients: ledger.clients.length, invoices: ledger.invoices.length, events: ledger.events.length });

    const reference = openDatabase();
    await new LedgerStore(reference).replaceAll(ledger);
    expect(await tables(db)).toEqual(await tables(reference));
    expect((await store.exportAll()).invoices.length).toBe(ledger.invoices.length);
    for (const table of [db.restoreMeta, db.restoreClients, db.restoreInvoices, db.restoreEvents]) expect(await table.count()).toBe(0);
    // Events in chain order got new ids, in file order.
    const ids = (await db.events.toArray()).map((event) => event.id!);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('an abort leaves the ledger untouched and the staging empty', async () => {
    const { db, staging } = await currentLedger();
    const before = await tables(db);
    await staging.begin('r2', AT);
    await stageText(staging, 'r2', exportBackupV2(ledgerWithInvoices(), AT).text, 500);
    expect(await db.restoreInvoices.count()).toBeGreaterThan(0);
    await staging.abort();
    expect(await tables(db)).toEqual(before);
    for (const table of [db.restoreMeta, db.restoreClients, db.restoreInvoices, db.restoreEvents]) expect(await table.count()).toBe(0);
  });

  it('a restore left half-staged (page closed) is cleared by the next begin; its id no longer stages or commits', async () => {
    const ledger = ledgerWithInvoices();
    const text = exportBackupV2(ledger, AT).text;
    const { db, staging } = await currentLedger();
    const before = await tables(db);
    await staging.begin('old', AT);
    await stageText(staging, 'old', text.slice(0, Math.floor(text.length / 2)), 300);
    await staging.begin('new', AT);
    expect(await db.restoreInvoices.count()).toBe(0);
    const batch: BackupBatch = { clients: [ledger.clients[0]!], groups: [] };
    await expect(staging.stage('old', batch)).rejects.toMatchObject({ code: 'conflict' });
    await expect(staging.commit('old', { clients: 0, invoices: 0, events: 0 })).rejects.toBeInstanceOf(StorageError);
    expect(await tables(db)).toEqual(before);
  });

  it('a commit whose staging does not hold what the file held is refused: nothing changes', async () => {
    const ledger = ledgerWithInvoices();
    const { db, staging } = await currentLedger();
    const before = await tables(db);
    await staging.begin('r3', AT);
    const { batch } = readBackupText(exportBackupV2(ledger, AT).text);
    await staging.stage('r3', batch);
    await expect(staging.commit('r3', { clients: ledger.clients.length, invoices: ledger.invoices.length + 1, events: ledger.events.length })).rejects.toMatchObject({ code: 'conflict' });
    expect(await tables(db)).toEqual(before);
    // The staging is still there: the right counts commit it.
    await staging.commit('r3', { clients: ledger.clients.length, invoices: ledger.invoices.length, events: ledger.events.length });
    expect(await db.invoices.count()).toBe(ledger.invoices.length);
  });

  it('events not verified by the reader are verified: a broken chain is refused before anything is staged', async () => {
    const ledger = ledgerWithInvoices();
    const { db, staging } = await currentLedger();
    await staging.begin('r4', AT);
    const invoice = ledger.invoices.find((candidate) => ledger.events.filter((event) => event.invoiceId === candidate.id).length >= 2)!;
    const chain = ledger.events.filter((event) => event.invoiceId === invoice.id).map((event) => ({ ...event }));
    chain[1] = { ...chain[1]!, day: '2001-01-01' };
    await expect(staging.stage('r4', { clients: [], groups: [{ invoice, events: chain }] })).rejects.toThrow(/altered/);
    expect(await db.restoreInvoices.count()).toBe(0);
  });
});
