/**
 * Schema v3 → v4 on a database WRITTEN BY v3 (a Dexie declaring versions 1 to 3, as the v3 build
 * did: invoices with summaries, chained events, clients, totals, sales, settings, templates), then
 * opened with the current code: every record survives unchanged, and the staging tables of the
 * staged restore exist, empty.
 */
import { describe, expect, it } from 'vitest';
import { chainEvents } from '../../core/ledger';
import { CLIENT, SETTINGS, events, invoice } from '../../core/ledger/ledger.test-support';
import { LedgerStore } from './ledger-store';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { openDatabase, openOlderSchema, uniqueName } from './storage.test-support';
import { storedWithSummary } from './restore-records';

describe('schema v3 → v4', () => {
  it('keeps every v3 record as it was; the staging tables are there, empty', async () => {
    const name = uniqueName();
    const v3 = openOlderSchema(name, 3);
    const record = invoice();
    const logbook = chainEvents([events(record.id)('2026-02-02', { kind: 'tracked' }), events(record.id)('2026-03-01', { kind: 'payment', paidOn: '2026-03-01' })]);
    const stored = storedWithSummary(record, logbook, SETTINGS, CLIENT);
    await v3.table('invoices').add(stored);
    await v3.table('events').bulkAdd(logbook);
    await v3.table('clients').add(CLIENT);
    await v3.table('clientTotals').add({ clientId: CLIENT.id, marker: 'kept as written' });
    await v3.table('dailySales').add({ day: '2026-02-02', currency: 'EUR', cents: 120_000, count: 1 });
    await v3.table('meta').bulkPut([
      { key: 'settings', value: SETTINGS },
      { key: 'templates', value: { 'first_reminder.fr.body': 'Bonjour' } },
      { key: 'attention', value: '2026-03-02' },
    ]);
    const written = { invoices: await v3.table('invoices').toArray(), events: await v3.table('events').toArray(), meta: await v3.table('meta').toArray() };
    expect(v3.verno).toBe(3);
    v3.close();

    const db = openDatabase(name);
    const store = new LedgerStore(db);
    expect(await store.getSettings()).toEqual(SETTINGS);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBe(4);
    expect(await db.invoices.toArray()).toEqual(written.invoices);
    expect(await db.events.toArray()).toEqual(written.events);
    expect(await db.meta.toArray()).toEqual(written.meta);
    expect(await db.clients.toArray()).toEqual([CLIENT]);
    expect(await db.clientTotals.toArray()).toEqual([{ clientId: CLIENT.id, marker: 'kept as written' }]);
    expect(await db.dailySales.count()).toBe(1);
    expect((await store.get(record.id))?.logbook).toEqual(written.events);
    for (const table of [db.restoreMeta, db.restoreClients, db.restoreInvoices, db.restoreEvents]) expect(await table.count()).toBe(0);
  });
});
