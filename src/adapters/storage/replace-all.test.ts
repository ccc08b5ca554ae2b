/** The all-or-nothing export and import a backup needs (the backup format is src/core/ledger's). */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LEDGER_SETTINGS, LedgerValidationError } from '../../core/ledger';
import { LedgerStore, type LedgerContents } from './ledger-store';
import { openDatabase, sampleTrackedInvoice } from './storage.test-support';

const T0 = { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' };

async function filledStore() {
  const db = openDatabase();
  const store = new LedgerStore(db);
  await store.track(sampleTrackedInvoice(), T0);
  await store.track(sampleTrackedInvoice({ id: 'b', threadId: 't2', invoiceNumber: 'F-2', clientEmail: 'x@y.fr', clientName: null }), T0);
  await store.appendEvent('b', { kind: 'payment', at: T0.at, day: T0.day, paidOn: T0.day });
  await store.appendEvent(sampleTrackedInvoice().id, { kind: 'reminder_drafted', at: T0.at, day: T0.day, step: 'pre_reminder' });
  await store.putSettings({ ...DEFAULT_LEDGER_SETTINGS, signature: 'Camille' });
  await store.putTemplates({ 'first_reminder.fr.body': 'Bonjour' });
  return { db, store };
}

describe('exportAll / replaceAll', () => {
  it('round-trips the whole ledger into another database, index keys recomputed', async () => {
    const { store } = await filledStore();
    const contents = await store.exportAll();
    expect(contents.events.map((e) => [e.invoiceId, e.seq])).toEqual([
      ['b', 0],
      ['b', 1],
      [sampleTrackedInvoice().id, 0],
      [sampleTrackedInvoice().id, 1],
    ]);
    expect(contents.invoices.every((i) => !('open' in i))).toBe(true);

    const target = new LedgerStore(openDatabase());
    await target.track(sampleTrackedInvoice({ id: 'to-be-replaced', threadId: 't9' }), T0);
    await target.replaceAll(contents);
    const copy = await target.exportAll();
    expect({ ...copy, events: copy.events.map(({ id: _id, ...e }) => e) }).toEqual({ ...contents, events: contents.events.map(({ id: _id, ...e }) => e) });
    expect((await target.openInvoices()).map((r) => r.invoice.id)).toEqual([sampleTrackedInvoice().id]);
    expect((await target.verify('b'))?.chain.ok).toBe(true);
  });

  it('takes events in any order (a backup groups them its own way) and stores each chain in order', async () => {
    const { store } = await filledStore();
    const contents = await store.exportAll();
    const target = new LedgerStore(openDatabase());
    await target.replaceAll({ ...contents, events: [...contents.events].reverse() });
    expect((await target.exportAll()).events.map((e) => [e.invoiceId, e.seq])).toEqual(contents.events.map((e) => [e.invoiceId, e.seq]));
    expect((await target.verify(sampleTrackedInvoice().id))?.chain.ok).toBe(true);
  });

  it('an empty database exports the defaults', async () => {
    const store = new LedgerStore(openDatabase());
    expect(await store.exportAll()).toEqual({ settings: DEFAULT_LEDGER_SETTINGS, templates: {}, clients: [], invoices: [], events: [] });
  });

  it('refuses contents whose chain does not verify, or with events of no invoice, and keeps the ledger', async () => {
    const { store } = await filledStore();
    const before = await store.exportAll();
    const tampered: LedgerContents = { ...before, events: before.events.map((e) => (e.seq === 1 && e.invoiceId === 'b' ? { ...e, day: '2026-01-01' } : e)) };
    await expect(store.replaceAll(tampered)).rejects.toThrow(LedgerValidationError);
    const unchained: LedgerContents = { ...before, events: before.events.map(({ seq: _s, prevHash: _p, hash: _h, ...e }) => e as (typeof before.events)[number]) };
    await expect(store.replaceAll(unchained)).rejects.toThrow(/not chained/);
    await expect(store.replaceAll({ ...before, invoices: before.invoices.filter((i) => i.id !== 'b') })).rejects.toThrow(/names invoice b/);
    await expect(store.replaceAll({ ...before, clients: [...before.clients, before.clients[0]!] })).rejects.toThrow(/same id/);
    expect(await store.exportAll()).toEqual(before);
  });

  it('a quota failure half-way through the import leaves the previous ledger exactly as it was', async () => {
    const { db, store } = await filledStore();
    const before = await store.exportAll();
    const incoming: LedgerContents = { invoices: [], events: [], clients: [{ ...before.clients[0]!, id: 'new' }], settings: DEFAULT_LEDGER_SETTINGS, templates: {} };
    vi.spyOn(db.clients, 'bulkAdd').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(store.replaceAll(incoming)).rejects.toMatchObject({ code: 'quota_exceeded' });
    vi.restoreAllMocks();
    expect(await store.exportAll()).toEqual(before);
  });
});
