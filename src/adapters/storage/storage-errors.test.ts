/**
 * Storage failures: a full quota in the middle of a transaction writes nothing and is reported as
 * `quota_exceeded`; a blocked upgrade, a database newer than the code and a failed upgrade are
 * typed too.
 */
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { DEFAULT_LEDGER_SETTINGS } from '../../core/ledger';
import { StorageError, toStorageError } from './errors';
import { LedgerStore } from './ledger-store';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { openDatabase, openOlderSchema, sampleTrackedInvoice, uniqueName } from './storage.test-support';

const ID = sampleTrackedInvoice().id;
/** The version a newer build would write. */
const NEXT = CURRENT_SCHEMA_VERSION + 1;
const T0 = { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' };
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function snapshot(db: ReturnType<typeof openDatabase>) {
  return { invoices: await db.invoices.toArray(), events: await db.events.toArray(), clients: await db.clients.toArray(), meta: await db.meta.toArray() };
}

describe('quota exceeded inside a transaction', () => {
  it('track: the client and the event written before the failure are rolled back', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    // The client and the `tracked` event are added first; the invoice's add then fails.
    const add = vi.spyOn(db.invoices, 'add').mockImplementation(() => {
      throw quota();
    });
    const error = await store.track(sampleTrackedInvoice(), T0).catch((e: unknown) => e);
    expect(add).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'quota_exceeded', nothingWritten: true });
    expect((error as Error).message).toMatch(/storage .* is full/);
    add.mockRestore();
    expect(await snapshot(db)).toEqual({ invoices: [], events: [], clients: [], meta: [] });
  });

  it('appendEvent: the event added before the index-key refresh failed is rolled back', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    await store.track(sampleTrackedInvoice(), T0);
    const before = await snapshot(db);
    // A payment closes the invoice: its index keys are rewritten after the event's add.
    const put = vi.spyOn(db.invoices, 'put').mockImplementation(() => Dexie.Promise.reject(quota()) as never);
    const error = await store.appendEvent(ID, { kind: 'payment', at: '2026-11-21T08:00:00.000Z', day: '2026-11-21', paidOn: '2026-11-21' }).catch((e: unknown) => e);
    expect(put).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code: 'quota_exceeded' });
    put.mockRestore();
    expect(await snapshot(db)).toEqual(before);
    expect((await store.openInvoices()).map((r) => r.invoice.id)).toEqual([ID]);
  });

  it('correct: neither the correction event nor the new value is kept', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    await store.track(sampleTrackedInvoice(), T0);
    const before = await snapshot(db);
    const put = vi.spyOn(db.invoices, 'put').mockImplementation(() => {
      throw quota();
    });
    await expect(store.correct(ID, 'dueDate', '2026-12-31', T0)).rejects.toMatchObject({ code: 'quota_exceeded' });
    put.mockRestore();
    expect(await snapshot(db)).toEqual(before);
  });

  it('settings: the previous settings stay', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    const saved = await store.putSettings({ ...DEFAULT_LEDGER_SETTINGS, signature: 'Camille' });
    vi.spyOn(db.meta, 'put').mockImplementation(() => {
      throw quota();
    });
    await expect(store.putSettings({ ...DEFAULT_LEDGER_SETTINGS, signature: 'Other' })).rejects.toMatchObject({ code: 'quota_exceeded' });
    vi.restoreAllMocks();
    expect(await store.getSettings()).toEqual(saved);
  });

  it('the store still works once space is back', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    const add = vi.spyOn(db.events, 'add').mockImplementation(() => {
      throw quota();
    });
    await expect(store.track(sampleTrackedInvoice(), T0)).rejects.toMatchObject({ code: 'quota_exceeded' });
    add.mockRestore();
    expect((await store.track(sampleTrackedInvoice(), T0)).created).toBe(true);
    expect((await store.verify(ID))?.chain.ok).toBe(true);
  });
});

describe('upgrades and versions', () => {
  it('an upgrade blocked by a page holding the old version: `upgrade_blocked`, then it runs once that page closes', async () => {
    const name = uniqueName();
    const v1 = openOlderSchema(name, 1);
    await v1.table('invoices').add(sampleTrackedInvoice());
    await v1.table('events').add({ invoiceId: ID, kind: 'tracked', at: T0.at, day: T0.day });
    // A page of the old build that does not close on "versionchange".
    v1.on('versionchange', () => false);

    const store = new LedgerStore(openDatabase(name, { blockedTimeoutMs: 50 }));
    const error = await store.get(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'upgrade_blocked' });
    expect((error as Error).message).toMatch(/another Relance page/);
    // Nothing was changed: the old page still reads its v1 records.
    expect(await v1.table('invoices').count()).toBe(1);
    expect(await store.all().catch((e: unknown) => e)).toMatchObject({ code: 'upgrade_blocked' });

    v1.close();
    await vi.waitFor(async () => expect((await store.get(ID))?.logbook.map((e) => e.seq)).toEqual([0]));
    expect((await store.verify(ID))?.chain.ok).toBe(true);
  });

  it('a database written by a newer build: `version_too_new`, untouched', async () => {
    const name = uniqueName();
    const newer = new Dexie(name);
    newer.version(NEXT).stores({ invoices: 'id', events: '++id', clients: 'id', meta: 'key', payments: 'id' });
    await newer.open();
    await newer.table('invoices').add({ id: 'from-the-future' });
    newer.close();

    const store = new LedgerStore(openDatabase(name));
    const error = await store.all().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'version_too_new' });
    expect((error as Error).message).toMatch(new RegExp(`newer version of Relance.*database version ${NEXT}, this Relance reads up to ${CURRENT_SCHEMA_VERSION}`));
    await expect(store.track(sampleTrackedInvoice(), T0)).rejects.toMatchObject({ code: 'version_too_new' });

    // Not even an index was added: the newer build finds its database as it left it.
    expect((await indexedDB.databases()).find((info) => info.name === name)?.version).toBe(NEXT * 10);
    const again = new Dexie(name);
    again.version(NEXT).stores({ invoices: 'id', events: '++id', clients: 'id', meta: 'key', payments: 'id' });
    expect(await again.table('invoices').toArray()).toEqual([{ id: 'from-the-future' }]);
    expect(again.table('invoices').schema.indexes).toEqual([]);
    again.close();
    await Dexie.delete(name);
  });

  it('an older build open while a newer one upgrades: it lets the upgrade through, then refuses the newer database', async () => {
    const name = uniqueName();
    const olderBuild = new LedgerStore(openDatabase(name, { upToVersion: 1 }));
    expect(await olderBuild.all()).toEqual([]);
    const current = new LedgerStore(openDatabase(name, { blockedTimeoutMs: 50 }));
    await current.track(sampleTrackedInvoice(), T0);
    await expect(olderBuild.all()).rejects.toMatchObject({ code: 'version_too_new' });
    expect((await indexedDB.databases()).find((info) => info.name === name)?.version).toBe(CURRENT_SCHEMA_VERSION * 10);
    expect((await current.verify(ID))?.chain.ok).toBe(true);
  });

  it('the current build refuses a database of its own next version only (an older build reading the current one)', async () => {
    const name = uniqueName();
    await new LedgerStore(openDatabase(name)).track(sampleTrackedInvoice(), T0);
    const olderBuild = new LedgerStore(openDatabase(name, { upToVersion: 1 }));
    await expect(olderBuild.all()).rejects.toMatchObject({ code: 'version_too_new' });
    expect((await indexedDB.databases()).find((info) => info.name === name)?.version).toBe(CURRENT_SCHEMA_VERSION * 10);
  });
});

describe('toStorageError', () => {
  it('types storage failures and lets other errors through', () => {
    expect(toStorageError(quota())?.code).toBe('quota_exceeded');
    expect(toStorageError(new Dexie.AbortError('aborted', quota()))?.code).toBe('quota_exceeded');
    expect(toStorageError(new Dexie.BulkError('bulk', [quota()]))?.code).toBe('quota_exceeded');
    expect(toStorageError(new Dexie.OpenFailedError('open', new StorageError('upgrade_failed')))?.code).toBe('upgrade_failed');
    expect(toStorageError(new DOMException('x', 'VersionError'))?.code).toBe('version_too_new');
    expect(toStorageError(new DOMException('x', 'ConstraintError'))?.code).toBe('conflict');
    expect(toStorageError(new Dexie.DatabaseClosedError('closed'))).toMatchObject({ code: 'unknown', message: expect.stringMatching(/closed/) });
    expect(toStorageError(new Error('unknown invoice x'))).toBeNull();
    expect(toStorageError('text')).toBeNull();
  });
});
