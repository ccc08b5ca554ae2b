/**
 * Schema v1 → v2 on a database WRITTEN BY v1: the fixture is written through a Dexie declaring
 * only version 1 (as the skeleton build did), then opened with the current code. One such file per
 * version (upgrade-vN-to-vN+1.test.ts) keeps every published upgrade tested.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { checkClient, checkEvent, checkInvoice, genesisHash, ledgerInvoiceFromV1, verifyChain, type ChainedEvent } from '../../core/ledger';
import type { LogEvent, TrackedInvoice } from '../../core/model';
import { StorageError } from './errors';
import { LedgerStore } from './ledger-store';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { openDatabase, openOlderSchema, sampleTrackedInvoice, uniqueName } from './storage.test-support';
import { migrateV1ToV2 } from './upgrade-v2';

const morel = sampleTrackedInvoice();
const morel2 = sampleTrackedInvoice({
  id: 'gmail:camille@atelier-durand.fr:18c0ffee00000002:F-2026-050',
  threadId: '18c0ffee00000002',
  invoiceNumber: 'F-2026-050',
  clientName: null,
  amount: 1250.5,
  issueDate: '2026-11-02',
  dueDate: '2026-12-02',
  subject: 'Facture F-2026-050',
  trackedAt: '2026-11-21T10:00:00.000Z',
});
// Gmail did not show the account: null account (not in the [account+threadId] index).
const studio = sampleTrackedInvoice({
  id: 'gmail:-:18c0ffee00000003:INV-0007',
  account: null,
  threadId: '18c0ffee00000003',
  messageId: null,
  invoiceNumber: 'INV-0007',
  clientEmail: 'accounts@shoreditch-studios.co.uk',
  clientName: 'Shoreditch Studios',
  amount: null,
  currency: null,
  issueDate: null,
  dueDate: null,
  terms: '30 days',
  language: 'en',
  subject: 'Invoice INV-0007',
  trackedAt: '2026-11-19T15:30:00.000Z',
});
const V1_INVOICES: TrackedInvoice[] = [morel, morel2, studio];

// Interleaved across invoices, as v1 appended them; one reminder predates the ladder's steps.
const V1_EVENTS: LogEvent[] = [
  { invoiceId: studio.id, kind: 'tracked', at: '2026-11-19T15:30:00.000Z', day: '2026-11-19' },
  { invoiceId: morel.id, kind: 'tracked', at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' },
  { invoiceId: studio.id, kind: 'reminder_drafted', at: '2026-11-20T09:00:00.000Z', day: '2026-11-20' },
  { invoiceId: morel.id, kind: 'reminder_drafted', at: '2026-11-20T09:30:00.000Z', day: '2026-11-20', step: 'pre_reminder' },
  { invoiceId: morel2.id, kind: 'tracked', at: '2026-11-21T10:00:00.000Z', day: '2026-11-21' },
  { invoiceId: morel.id, kind: 'reminder_drafted', at: '2026-11-24T08:00:00.000Z', day: '2026-11-24', step: 'first_reminder' },
];

/** Writes the fixture through a v1-only Dexie, as the skeleton build did. */
async function writeV1Database(name: string, events: LogEvent[] = V1_EVENTS): Promise<void> {
  const v1 = openOlderSchema(name, 1);
  await v1.table('invoices').bulkAdd(V1_INVOICES);
  await v1.table('events').bulkAdd(events);
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('schema v1 → v2', () => {
  it('keeps every invoice, as a ledger invoice with its index keys', async () => {
    const name = uniqueName();
    await writeV1Database(name);
    const db = openDatabase(name);
    const store = new LedgerStore(db);

    for (const v1 of V1_INVOICES) {
      const record = await store.get(v1.id);
      expect(record?.invoice).toEqual(ledgerInvoiceFromV1(v1));
      expect(checkInvoice(record?.invoice).ok).toBe(true);
    }
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    // Index keys: open, with the due date when there is one.
    const stored = await db.invoices.toArray();
    expect(stored.map(({ id, open, openDueDate }) => ({ id, open, openDueDate }))).toEqual(
      [morel, morel2, studio].map((i) => ({ id: i.id, open: 1, openDueDate: i.dueDate ?? undefined })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(stored.find((i) => i.id === studio.id)).not.toHaveProperty('openDueDate');
  });

  it('creates one client per address, named by the first invoice that gives a name', async () => {
    const name = uniqueName();
    await writeV1Database(name);
    const store = new LedgerStore(openDatabase(name));
    const clients = await store.getClients(['email:compta@boulangerie-morel.fr', 'email:accounts@shoreditch-studios.co.uk']);
    expect(clients).toEqual([
      expect.objectContaining({ id: 'email:compta@boulangerie-morel.fr', name: 'Julien Morel', emails: ['compta@boulangerie-morel.fr'], language: 'fr', createdAt: morel.trackedAt }),
      expect.objectContaining({ id: 'email:accounts@shoreditch-studios.co.uk', name: 'Shoreditch Studios', language: 'en', createdAt: studio.trackedAt }),
    ]);
    for (const client of clients) expect(checkClient(client).ok).toBe(true);
    expect(await store.clientByEmail('COMPTA@boulangerie-morel.fr')).toMatchObject({ id: 'email:compta@boulangerie-morel.fr' });
    expect((await store.clientInvoices('email:compta@boulangerie-morel.fr')).map((r) => r.invoice.id).sort()).toEqual([morel.id, morel2.id].sort());
  });

  it('keeps every event, chained per invoice in append order, and the chains verify', async () => {
    const name = uniqueName();
    await writeV1Database(name);
    const db = openDatabase(name);
    const store = new LedgerStore(db);

    const events = await db.events.toArray();
    expect(events).toHaveLength(V1_EVENTS.length);
    // Storage ids, kinds, instants and days are kept; a reminder without step was the first reminder.
    expect(events.map(({ id, invoiceId, kind, at, day }) => ({ id, invoiceId, kind, at, day }))).toEqual(V1_EVENTS.map(({ invoiceId, kind, at, day }, i) => ({ id: i + 1, invoiceId, kind, at, day })));
    expect(events.map((e) => (e.kind === 'reminder_drafted' ? e.step : null))).toEqual([null, null, 'first_reminder', 'pre_reminder', null, 'first_reminder']);
    expect(events.map((e) => e.seq)).toEqual([0, 0, 1, 1, 0, 2]);
    for (const event of events) expect(checkEvent(event).ok).toBe(true);
    expect(verifyChain(events).ok).toBe(true);

    const logbook = (await store.get(morel.id))!.logbook;
    expect(logbook.map((e) => [e.seq, e.kind])).toEqual([
      [0, 'tracked'],
      [1, 'reminder_drafted'],
      [2, 'reminder_drafted'],
    ]);
    expect(logbook[0]?.prevHash).toBe(genesisHash(morel.id));
    expect(logbook[1]?.prevHash).toBe(logbook[0]?.hash);
    for (const v1 of V1_INVOICES) expect((await store.verify(v1.id))?.chain.ok).toBe(true);
    // The v1 view the panel reads is what v1 returned: newest first.
    expect((await store.get(morel.id))!.events.map((e) => e.at)).toEqual(['2026-11-24T08:00:00.000Z', '2026-11-20T09:30:00.000Z', '2026-11-20T08:00:00.000Z']);
  });

  it('serves the indexed queries and the thread lookups, null account included', async () => {
    const name = uniqueName();
    await writeV1Database(name);
    const store = new LedgerStore(openDatabase(name));
    expect((await store.dueToday('2026-11-23')).map((r) => r.invoice.id)).toEqual([morel.id]);
    expect((await store.overdue('2026-12-01')).map((r) => r.invoice.id)).toEqual([morel.id]);
    expect((await store.openInvoices()).map((r) => r.invoice.id).sort()).toEqual(V1_INVOICES.map((i) => i.id).sort());
    expect((await store.issuedBetween('2026-11-01', '2026-11-30')).map((r) => r.invoice.id)).toEqual([morel2.id]);
    expect((await store.forThread(null, studio.threadId)).map((r) => r.invoice.id)).toEqual([studio.id]);
    expect((await store.forThread(morel.account, morel.threadId)).map((r) => r.invoice.id)).toEqual([morel.id]);
  });

  it('appends after the migrated chain', async () => {
    const name = uniqueName();
    await writeV1Database(name);
    const store = new LedgerStore(openDatabase(name));
    const event = await store.appendEvent(morel.id, { kind: 'payment', at: '2026-11-25T08:00:00.000Z', day: '2026-11-25', paidOn: '2026-11-25' });
    expect(event.seq).toBe(3);
    expect(event.id).toBe(V1_EVENTS.length + 1);
    expect((await store.verify(morel.id))?.chain.ok).toBe(true);
    expect((await store.openInvoices()).map((r) => r.invoice.id)).not.toContain(morel.id);
  });

  it('an empty v1 database upgrades to an empty current one', async () => {
    const name = uniqueName();
    const v1 = openOlderSchema(name, 1);
    await v1.open();
    v1.close();
    const db = openDatabase(name);
    const store = new LedgerStore(db);
    expect(await store.all()).toEqual([]);
    // Through v2, then every later version (v3 adds summaries: upgrade-v2-to-v3.test.ts).
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('a failing upgrade is rolled back: the database stays at v1, unchanged', async () => {
    const name = uniqueName();
    // A corrupt v1 event (no invoice id) cannot be chained.
    const corrupt = [...V1_EVENTS, { kind: 'tracked', at: '2026-11-26T08:00:00.000Z', day: '2026-11-26' } as unknown as LogEvent];
    await writeV1Database(name, corrupt);
    const store = new LedgerStore(openDatabase(name));
    const failure = await store.get(morel.id).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ code: 'upgrade_failed' });

    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(raw.version).toBe(10); // Dexie's version 1
    expect([...raw.objectStoreNames].sort()).toEqual(['events', 'invoices']);
    raw.close();
    const v1 = openOlderSchema(name, 1);
    expect(await v1.table('invoices').toArray()).toEqual(V1_INVOICES.slice().sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await v1.table('events').toArray()).map(({ id: _id, ...event }: LogEvent) => event)).toEqual(corrupt);
    expect(await Dexie.exists(name)).toBe(true);
  });
});

describe('migrateV1ToV2 (pure)', () => {
  it('maps records without touching storage', () => {
    const withIds = V1_EVENTS.map((event, index) => ({ ...event, id: index + 1 }));
    const { invoices, clients, events } = migrateV1ToV2(V1_INVOICES, [...withIds].reverse());
    expect(invoices).toHaveLength(3);
    expect(clients.map((c) => c.id).sort()).toEqual(['email:accounts@shoreditch-studios.co.uk', 'email:compta@boulangerie-morel.fr']);
    // Sorted by storage id before chaining, whatever order they were read in.
    expect(events.map((e: ChainedEvent) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
