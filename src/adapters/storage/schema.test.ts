import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';
import { LedgerStore } from './ledger-store';
import { openDatabase, sampleTrackedInvoice, uniqueName } from './storage.test-support';

describe('schema versions', () => {
  it('are numbered in increasing order and the current one is the last', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('published versions never change (add a version instead)', () => {
    expect(SCHEMA_VERSIONS.map(({ version, stores }) => ({ version, stores }))).toEqual([
      { version: 1, stores: { invoices: 'id, dueDate, clientEmail, [account+threadId]', events: '++id, invoiceId, [invoiceId+at], kind, day' } },
      {
        version: 2,
        stores: {
          invoices: 'id, clientId, issueDate, openDueDate, open, [account+threadId]',
          events: '++id, &[invoiceId+seq]',
          clients: 'id, *emails',
          meta: 'key',
        },
      },
      {
        version: 3,
        stores: {
          invoices: 'id, clientId, issueDate, openDueDate, open, [account+threadId], attentionFrom, [clientId+dueDate]',
          clientTotals: 'clientId',
          dailySales: '[day+currency]',
        },
      },
      {
        version: 4,
        stores: { restoreMeta: 'key', restoreClients: 'id', restoreInvoices: 'id', restoreEvents: '++stagedId' },
      },
    ]);
    // Every version that redefines a table of an earlier one rewrites that table's records (v4 only adds tables).
    const declared = new Set<string>();
    for (const version of SCHEMA_VERSIONS) {
      const redefines = Object.keys(version.stores).some((table) => declared.has(table));
      if (redefines) expect(typeof version.upgrade, `version ${version.version}`).toBe('function');
      for (const table of Object.keys(version.stores)) declared.add(table);
    }
  });

  it('a new database has the current tables and indexes', async () => {
    const db = openDatabase();
    await db.ready();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['clientTotals', 'clients', 'dailySales', 'events', 'invoices', 'meta', 'restoreClients', 'restoreEvents', 'restoreInvoices', 'restoreMeta']);
    expect(db.events.schema.indexes.map((i) => ({ name: i.name, unique: i.unique }))).toEqual([{ name: '[invoiceId+seq]', unique: true }]);
    expect(db.clients.schema.indexes.map((i) => ({ name: i.name, multi: i.multi }))).toEqual([{ name: 'emails', multi: true }]);
    expect(db.invoices.schema.indexes.map((i) => i.name).sort()).toEqual(['[account+threadId]', '[clientId+dueDate]', 'attentionFrom', 'clientId', 'issueDate', 'open', 'openDueDate']);
    expect(db.clientTotals.schema.primKey.name).toBe('clientId');
    expect(db.dailySales.schema.primKey.name).toBe('[day+currency]');
  });

  it('keeps invoices, clients and the chained logbook across a reopen', async () => {
    const name = uniqueName();
    const first = openDatabase(name);
    const store = new LedgerStore(first);
    await store.track(sampleTrackedInvoice(), { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' });
    await store.appendEvent(sampleTrackedInvoice().id, { kind: 'reminder_drafted', at: '2026-11-20T08:05:00.000Z', day: '2026-11-20', step: 'pre_reminder' });
    first.close();

    const again = new LedgerStore(openDatabase(name));
    const record = await again.get(sampleTrackedInvoice().id);
    expect(record?.invoice).toMatchObject({ ...sampleTrackedInvoice(), clientId: 'email:compta@boulangerie-morel.fr', source: 'detected' });
    expect(record?.events.map((e) => e.kind)).toEqual(['reminder_drafted', 'tracked']);
    expect(record?.events[0]?.step).toBe('pre_reminder');
    expect(record?.logbook.map((e) => e.seq)).toEqual([0, 1]);
    expect((await again.verify(sampleTrackedInvoice().id))?.chain.ok).toBe(true);
    expect(await again.getClient('email:compta@boulangerie-morel.fr')).toMatchObject({ name: 'Julien Morel' });
  });
});
