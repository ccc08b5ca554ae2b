/**
 * Schema v2 → v3 on a database WRITTEN BY v2: the fixture is written through a Dexie declaring
 * only versions 1 and 2 (as the v2 build did: invoices with their `open` / `openDueDate` keys,
 * chained events, clients, settings, templates), then opened with the current code.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  chainEvents,
  clientTotalsOf,
  invoiceSummary,
  ledgerIndexKeys,
  verifyChain,
  type ChainedEvent,
  type Client,
  type LedgerEvent,
  type LedgerInvoice,
  type LedgerSettings,
} from '../../core/ledger';
import { CLIENT, SETTINGS, events, invoice } from '../../core/ledger/ledger.test-support';
import { StorageError } from './errors';
import { LedgerStore, ledgerInvoiceOf } from './ledger-store';
import { CURRENT_SCHEMA_VERSION, type StoredInvoiceV2 } from './schema';
import { openDatabase, openOlderSchema, uniqueName } from './storage.test-support';
import { migrateV2ToV3 } from './upgrade-v3';

// The user's ladder differs from the defaults (the summaries must be computed with it).
const V2_SETTINGS: LedgerSettings = { ...SETTINGS, chasing: { delays: { firstReminder: 10 } } };
const OTHER: Client = { ...CLIENT, id: 'email:accounts@shoreditch.co.uk', name: 'Shoreditch Studios', emails: ['accounts@shoreditch.co.uk'], language: 'en', flags: ['long_standing'] };
const V2_CLIENTS: Client[] = [CLIENT, OTHER];

// Open and overdue (due Wed 4 March 2026), chased: pre-reminder, first reminder, a partial payment.
const overdue = invoice({ id: 'inv-overdue', invoiceNumber: 'F-2026-040' });
// Paid late, of the same client.
const paid = invoice({ id: 'inv-paid', invoiceNumber: 'F-2026-012', threadId: 't-paid', amount: 480, issueDate: '2026-01-05', dueDate: '2026-02-04' });
// Another client's, no due date, unknown amount.
const undated = invoice({ id: 'inv-undated', invoiceNumber: 'INV-0007', threadId: 't-undated', clientId: OTHER.id, clientEmail: OTHER.emails[0]!, amount: null, currency: null, dueDate: null, issueDate: null });
const V2_INVOICES: LedgerInvoice[] = [overdue, paid, undated];

function logbooks(): LedgerEvent[] {
  const a = events(overdue.id);
  const b = events(paid.id);
  const c = events(undated.id);
  return [
    ...chainEvents([
      a('2026-02-02', { kind: 'tracked' }),
      a('2026-02-27', { kind: 'reminder_drafted', step: 'pre_reminder' }),
      a('2026-03-14', { kind: 'reminder_sent', step: 'first_reminder', messageId: '<r1@atelier.fr>' }),
      a('2026-03-16', { kind: 'partial_payment', amount: 200, paidOn: '2026-03-16' }),
    ]),
    ...chainEvents([b('2026-01-05', { kind: 'tracked' }), b('2026-02-20', { kind: 'payment', paidOn: '2026-02-20', amount: 480 })]),
    ...chainEvents([c('2026-03-01', { kind: 'detected', messageId: null })]),
  ];
}

/** Writes the fixture through a Dexie declaring versions 1 and 2, as the v2 build did; events get storage ids 1, 2… */
async function writeV2Database(name: string, extraEvents: unknown[] = []): Promise<ChainedEvent[]> {
  const v2 = openOlderSchema(name, 2);
  const logbook = logbooks();
  const stored: StoredInvoiceV2[] = V2_INVOICES.map((record) => ({ ...record, ...ledgerIndexKeys(record, logbook.filter((event) => event.invoiceId === record.id)) }));
  await v2.table('invoices').bulkAdd(stored);
  await v2.table('clients').bulkAdd(V2_CLIENTS);
  await v2.table('events').bulkAdd([...logbook, ...extraEvents]);
  await v2.table('meta').bulkPut([
    { key: 'settings', value: V2_SETTINGS },
    { key: 'templates', value: { 'first_reminder.fr.body': 'Bonjour {{client_name}}' } },
  ]);
  expect(v2.verno).toBe(2);
  const written = (await v2.table('events').toArray()) as ChainedEvent[];
  v2.close();
  return written;
}

describe('schema v2 → v3', () => {
  it('keeps every record as it was, and gives every invoice its summary and every client its totals', async () => {
    const name = uniqueName();
    const writtenEvents = await writeV2Database(name);
    const db = openDatabase(name);
    const store = new LedgerStore(db);

    // Everything survived, unchanged.
    for (const original of V2_INVOICES) expect((await store.get(original.id))?.invoice).toEqual(original);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.events.toArray()).toEqual(writtenEvents);
    expect(verifyChain(await db.events.orderBy('[invoiceId+seq]').toArray()).ok).toBe(true);
    expect(await db.clients.toArray()).toEqual([...V2_CLIENTS].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await store.getSettings()).toEqual(V2_SETTINGS);
    expect(await store.getTemplates()).toEqual({ 'first_reminder.fr.body': 'Bonjour {{client_name}}' });

    // Each invoice's summary: the one its logbook, the v2 settings and its client give.
    const stored = await db.invoices.toArray();
    expect(stored).toHaveLength(V2_INVOICES.length);
    for (const record of stored) {
      const client = V2_CLIENTS.find((c) => c.id === record.clientId) ?? null;
      const logbook = writtenEvents.filter((event) => event.invoiceId === record.id);
      expect(record.summary, record.id).toEqual(invoiceSummary({ invoice: ledgerInvoiceOf(record), logbook, settings: V2_SETTINGS, client }));
    }
    const byId = new Map(stored.map((record) => [record.id, record]));
    expect(byId.get(overdue.id)?.summary).toMatchObject({ status: 'open', outstandingCents: 100_000, currentStep: 'first_reminder', lastEventDay: '2026-03-16', paidOn: null });
    expect(byId.get(overdue.id)).toMatchObject({ open: 1, openDueDate: '2026-03-04' });
    expect(byId.get(paid.id)?.summary).toMatchObject({ status: 'paid', outstandingCents: 0, paidOn: '2026-02-20', attentionFrom: null });
    expect(byId.get(paid.id)).not.toHaveProperty('open');
    expect(byId.get(undated.id)?.summary).toMatchObject({ status: 'open', outstandingCents: null, attentionFrom: null });
    expect(byId.get(undated.id)).not.toHaveProperty('attentionFrom');

    // Client totals, one record per client with invoices.
    expect(await db.clientTotals.get(CLIENT.id)).toEqual(clientTotalsOf(CLIENT.id, [byId.get(overdue.id)!.summary, byId.get(paid.id)!.summary]));
    expect(await db.clientTotals.get(CLIENT.id)).toMatchObject({ invoiceCount: 2, openCount: 1, paidCount: 1, paidLateCount: 1, daysLateSum: 16, lastPaidOn: '2026-02-20', outstanding: { EUR: { cents: 100_000, count: 1 } } });
    expect(await db.clientTotals.get(OTHER.id)).toMatchObject({ invoiceCount: 1, openCount: 1, outstanding: {} });
    // The days' sales (the undated invoice of unknown amount is none).
    expect(await db.dailySales.toArray()).toEqual([
      { day: '2026-01-05', currency: 'EUR', cents: 48_000, count: 1 },
      { day: '2026-02-02', currency: 'EUR', cents: 120_000, count: 1 },
    ]);

    // The new indexes answer.
    const history = await store.clientHistoryOf(CLIENT.id, '2026-03-20');
    expect(history).toMatchObject({ invoiceCount: 2, paidCount: 1, averageDaysLate: 16, lastPaidOn: '2026-02-20', outstanding: [{ currency: 'EUR', amount: 1000, count: 1 }] });
    const dashboard = await store.dashboard('2026-03-20');
    expect(dashboard.outstanding.byCurrency).toEqual([{ currency: 'EUR', amount: 1000, count: 1 }]);
    expect(dashboard.dso.rows).toEqual([{ currency: 'EUR', receivables: 1000, sales: 1680, dso: 53.6 }]);
    // The v2 queries still answer from the same keys.
    expect((await store.openInvoices()).map((r) => r.invoice.id).sort()).toEqual([overdue.id, undated.id]);
  });

  it('a v2 database with an event the summaries cannot read: rolled back, it stays at v2, unchanged', async () => {
    const name = uniqueName();
    const corrupt = { invoiceId: overdue.id, kind: 'note', text: 'x', at: 'later', day: 'not a day', seq: 99, prevHash: 'x', hash: 'y' };
    await writeV2Database(name, [corrupt]);
    const store = new LedgerStore(openDatabase(name));
    const failure = await store.get(overdue.id).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ code: 'upgrade_failed' });
    const v2 = openOlderSchema(name, 2);
    expect(v2.verno).toBe(2);
    const raw = await v2.table('invoices').toArray();
    expect(raw.map(({ id }: { id: string }) => id).sort()).toEqual(V2_INVOICES.map((i) => i.id).sort());
    expect(raw.every((record: object) => !('summary' in record))).toBe(true);
    expect(await v2.table('events').count()).toBe(logbooks().length + 1);
    expect(await Dexie.exists(name)).toBe(true);
  });

  it('an empty v2 database upgrades to an empty current one', async () => {
    const name = uniqueName();
    const v2 = openOlderSchema(name, 2);
    await v2.open();
    v2.close();
    const db = openDatabase(name);
    const store = new LedgerStore(db);
    expect(await store.all()).toEqual([]);
    expect(await db.clientTotals.count()).toBe(0);
    expect(await store.attentionCount('2026-03-20')).toBe(0);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  });
});

describe('migrateV2ToV3 (pure)', () => {
  it('computes without touching storage; settings missing: the defaults', () => {
    const logbook = logbooks();
    const stored: StoredInvoiceV2[] = V2_INVOICES.map((record) => ({ ...record, ...ledgerIndexKeys(record, logbook) }));
    const { invoices, clientTotals, dailySales } = migrateV2ToV3(stored, logbook, V2_CLIENTS, null);
    expect(dailySales.map((row) => row.day)).toEqual(['2026-01-05', '2026-02-02']);
    expect(invoices.map((record) => record.id)).toEqual(V2_INVOICES.map((i) => i.id));
    expect(clientTotals.map((t) => t.clientId).sort()).toEqual([CLIENT.id, OTHER.id].sort());
    expect(invoices.map((record) => ledgerInvoiceOf(record))).toEqual(V2_INVOICES);
  });
});
