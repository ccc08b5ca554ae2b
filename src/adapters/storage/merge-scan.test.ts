/** The merge import of the CLI's scan file (`relance scan … --ledger`): the store applies a `planScanMerge` plan. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { LedgerValidationError, planScanMerge, verifyChain, type ScanMergePlan } from '../../core/ledger';
import { LedgerStore } from './ledger-store';
import { openDatabase, sampleTrackedInvoice } from './storage.test-support';

/** Written by the real CLI (see src/core/ledger/scan-merge.test.ts). */
const TAKEOUT = readFileSync(new URL('../../core/ledger/scan-merge.fixture-takeout.json', import.meta.url), 'utf8');
const NOW = { today: '2026-11-23', now: '2026-11-23T08:30:00.000Z' };
const PAID = 'scan:bernard-conseil.fr:F-2026-040';
const OPEN = 'scan:etoile.example:F-2026-041';

/** The plan of `text` against what the store holds now, as the worker makes it. */
async function planFor(store: LedgerStore, text = TAKEOUT, when: { today: string; now: string } = NOW): Promise<ScanMergePlan> {
  const ledger = await store.exportAll();
  const result = planScanMerge(text, { invoices: ledger.invoices, clients: ledger.clients, events: ledger.events }, { ...when, ownAddresses: ledger.settings.ownEmails, language: ledger.settings.language });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.plan;
}

const withoutIds = <T extends { events: readonly { id?: number }[] }>(contents: T) => ({ ...contents, events: contents.events.map(({ id: _id, ...event }) => event) });

describe('LedgerStore.mergeScan', () => {
  it('adds the new clients and invoices, chains their `detected` events, and sets their index keys', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    const outcome = await store.mergeScan(await planFor(store), { acceptUpdates: false });
    expect(outcome).toEqual({ clientsAdded: 2, invoicesAdded: 2, invoicesAlreadyThere: 0, proofsAdded: 0, updatesApplied: 0, updatesNotApplied: 1, eventsAdded: 2, invoiceIds: [PAID, OPEN] });

    const ledger = await store.exportAll();
    expect(ledger.clients.map((client) => client.id).sort()).toEqual(['email:factures@etoile.example', 'email:lucas@bernard-conseil.fr']);
    expect(ledger.invoices.map((invoice) => [invoice.id, invoice.source, invoice.proofs.length])).toEqual([
      [PAID, 'imported', 3],
      [OPEN, 'imported', 1],
    ]);
    expect(ledger.events.map((event) => [event.invoiceId, event.kind, event.seq])).toEqual([
      [PAID, 'detected', 0],
      [OPEN, 'detected', 0],
    ]);
    expect(verifyChain(ledger.events)).toMatchObject({ ok: true });
    // The payment the scan saw was declined: both stay open, in the due-date index.
    expect((await store.overdue('2026-11-23')).map((record) => record.invoice.id).sort()).toEqual([PAID, OPEN]);
    expect(await db.invoices.get(PAID)).toMatchObject({ open: 1, openDueDate: '2026-04-01' });
  });

  it('appends the proposed payment only when accepted, and the invoice leaves the open indexes', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    const outcome = await store.mergeScan(await planFor(store), { acceptUpdates: true });
    expect(outcome).toMatchObject({ invoicesAdded: 2, updatesApplied: 1, updatesNotApplied: 0, eventsAdded: 3 });
    const record = await store.get(PAID);
    expect(record?.logbook.map((event) => [event.kind, event.seq])).toEqual([
      ['detected', 0],
      ['payment', 1],
    ]);
    expect(record?.logbook[1]).toMatchObject({ paidOn: '2026-04-13', amount: 2400 });
    expect((await store.verify(PAID))?.chain.ok).toBe(true);
    expect((await store.openInvoices()).map((r) => r.invoice.id)).toEqual([OPEN]);
    const stored = await db.invoices.get(PAID);
    expect(stored).not.toHaveProperty('open');
    expect(stored).not.toHaveProperty('openDueDate');
  });

  it('merging the same file twice adds nothing the second time (planned again, or the same plan applied again)', async () => {
    const store = new LedgerStore(openDatabase());
    const plan = await planFor(store);
    await store.mergeScan(plan, { acceptUpdates: true });
    const once = await store.exportAll();

    const again = await planFor(store, TAKEOUT, { today: '2026-11-24', now: '2026-11-24T10:00:00.000Z' });
    expect(again.newInvoices).toEqual([]);
    expect(again.duplicates).toHaveLength(2);
    expect(await store.mergeScan(again, { acceptUpdates: true })).toEqual({ clientsAdded: 0, invoicesAdded: 0, invoicesAlreadyThere: 0, proofsAdded: 0, updatesApplied: 0, updatesNotApplied: 0, eventsAdded: 0, invoiceIds: [] });
    expect(await store.exportAll()).toEqual(once);

    // The first plan once more (a double click): every invoice is already there, nothing is written.
    expect(await store.mergeScan(plan, { acceptUpdates: true })).toMatchObject({ invoicesAdded: 0, invoicesAlreadyThere: 2, updatesApplied: 0, eventsAdded: 0, invoiceIds: [] });
    expect(await store.exportAll()).toEqual(once);
  });

  it('a declined proposal can be accepted by merging the file again', async () => {
    const store = new LedgerStore(openDatabase());
    await store.mergeScan(await planFor(store), { acceptUpdates: false });
    const again = await planFor(store);
    expect(again.updates.map((update) => [update.kind, update.invoiceId, update.newInvoice])).toEqual([['event', PAID, false]]);
    expect(await store.mergeScan(again, { acceptUpdates: true })).toMatchObject({ invoicesAdded: 0, updatesApplied: 1, eventsAdded: 1, invoiceIds: [PAID] });
    expect((await store.get(PAID))?.logbook.map((event) => event.kind)).toEqual(['detected', 'payment']);
    expect((await store.verify(PAID))?.chain.ok).toBe(true);
  });

  it('an invoice already tracked from Gmail: skipped, its new messages added as proofs, the payment chained after its logbook', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    const gmail = sampleTrackedInvoice({ invoiceNumber: 'F-2026-040', clientEmail: 'lucas@bernard-conseil.fr', clientName: 'Lucas Bernard', amount: 2400, dueDate: '2026-04-01' });
    await store.track(gmail, { at: '2026-03-02T10:00:00.000Z', day: '2026-03-02' });
    const plan = await planFor(store);
    expect(plan.duplicates.map((duplicate) => duplicate.existingInvoiceId)).toEqual([gmail.id]);

    // A correction made between the plan and its application is kept.
    await store.correct(gmail.id, 'amount', 2500, { at: '2026-11-23T08:00:00.000Z', day: '2026-11-23' });
    const outcome = await store.mergeScan(plan, { acceptUpdates: true });
    expect(outcome).toMatchObject({ clientsAdded: 1, invoicesAdded: 1, proofsAdded: 3, updatesApplied: 1, eventsAdded: 2 });
    expect(outcome.invoiceIds.sort()).toEqual([gmail.id, OPEN].sort());

    const record = await store.get(gmail.id);
    expect(record?.invoice.amount).toBe(2500);
    expect(record?.invoice.proofs.map((proof) => proof.host)).toEqual(['gmail', 'file', 'file', 'file']);
    expect(record?.logbook.map((event) => [event.kind, event.seq])).toEqual([
      ['tracked', 0],
      ['correction', 1],
      ['payment', 2],
    ]);
    expect((await store.verify(gmail.id))?.chain.ok).toBe(true);
    expect(await db.invoices.get(gmail.id)).not.toHaveProperty('open');
    // The client the ledger had for that address, not a second one.
    expect((await store.exportAll()).clients.map((client) => client.id).sort()).toEqual(['email:factures@etoile.example', 'email:lucas@bernard-conseil.fr']);
  });

  it('two merges planned from the same read: the second finds everything there and writes nothing', async () => {
    const store = new LedgerStore(openDatabase());
    const first = await planFor(store);
    const second = await planFor(store);
    await Promise.all([store.mergeScan(first, { acceptUpdates: true }), store.mergeScan(second, { acceptUpdates: true })]);
    const ledger = await store.exportAll();
    expect(ledger.invoices).toHaveLength(2);
    expect(ledger.clients).toHaveLength(2);
    expect(ledger.events.map((event) => event.kind)).toEqual(['detected', 'payment', 'detected']);
    expect(verifyChain(ledger.events)).toMatchObject({ ok: true });
  });

  it('a storage failure half-way through writes nothing', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    await store.track(sampleTrackedInvoice(), { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' });
    const before = await store.exportAll();
    const plan = await planFor(store);
    const add = db.events.add.bind(db.events);
    let calls = 0;
    vi.spyOn(db.events, 'add').mockImplementation((...args) => {
      calls += 1;
      if (calls === 2) throw new DOMException('full', 'QuotaExceededError');
      return add(...args);
    });
    await expect(store.mergeScan(plan, { acceptUpdates: true })).rejects.toMatchObject({ code: 'quota_exceeded' });
    vi.restoreAllMocks();
    expect(withoutIds(await store.exportAll())).toEqual(withoutIds(before));
  });

  it('refuses a plan with an invalid record before writing anything', async () => {
    const store = new LedgerStore(openDatabase());
    const plan = await planFor(store);
    const broken: ScanMergePlan = { ...plan, newInvoices: plan.newInvoices.map((entry, index) => (index === 1 ? { ...entry, invoice: { ...entry.invoice, dueDate: '2026-02-30' } } : entry)) };
    await expect(store.mergeScan(broken, { acceptUpdates: true })).rejects.toThrow(LedgerValidationError);
    expect(await store.exportAll()).toMatchObject({ clients: [], invoices: [], events: [] });
  });
});
