/**
 * Several writers on one database (the service worker, the panel, two Gmail tabs: each its own
 * connection): no lost update, no fork in a logbook chain.
 */
import { describe, expect, it, vi } from 'vitest';
import { verifyChain, type ChainedEvent } from '../../core/ledger';
import { StorageError } from './errors';
import { LedgerStore } from './ledger-store';
import { openDatabase, sampleTrackedInvoice, uniqueName } from './storage.test-support';

const ID = sampleTrackedInvoice().id;
const T0 = { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' };
const note = (text: string, i: number) => ({ kind: 'note' as const, at: `2026-11-20T09:${String(i % 60).padStart(2, '0')}:00.000Z`, day: '2026-11-20', text });

function constraintError(): DOMException {
  return new DOMException('Unable to add key to index: at least one key does not satisfy the uniqueness requirements.', 'ConstraintError');
}

describe('concurrent writers', () => {
  it('two connections appending 50 events each to one invoice: every event kept, one contiguous chain', async () => {
    const name = uniqueName();
    const [a, b] = [openDatabase(name), openDatabase(name)];
    const [storeA, storeB] = [new LedgerStore(a), new LedgerStore(b)];
    await storeA.track(sampleTrackedInvoice(), T0);
    await b.ready();

    const writes: Array<Promise<ChainedEvent>> = [];
    for (let i = 0; i < 50; i += 1) {
      writes.push(storeA.appendEvent(ID, note(`a${i}`, i)));
      writes.push(storeB.appendEvent(ID, note(`b${i}`, i)));
    }
    const appended = await Promise.all(writes);

    const logbook = (await storeB.get(ID))!.logbook;
    expect(logbook).toHaveLength(101);
    expect(logbook.map((e) => e.seq)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(new Set(appended.map((e) => e.seq)).size).toBe(100);
    const texts = logbook.flatMap((e) => (e.kind === 'note' ? [e.text] : []));
    expect(texts.sort()).toEqual([...Array.from({ length: 50 }, (_, i) => `a${i}`), ...Array.from({ length: 50 }, (_, i) => `b${i}`)].sort());
    expect(verifyChain(logbook).ok).toBe(true);
    expect((await storeA.verify(ID))?.chain.ok).toBe(true);
  });

  it('two connections tracking the same invoice at once: one invoice, one client, one `tracked`', async () => {
    const name = uniqueName();
    const [storeA, storeB] = [new LedgerStore(openDatabase(name)), new LedgerStore(openDatabase(name))];
    const results = await Promise.all([storeA.track(sampleTrackedInvoice(), T0), storeB.track(sampleTrackedInvoice(), T0), storeA.track(sampleTrackedInvoice(), T0)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const all = await storeB.all();
    expect(all).toHaveLength(1);
    expect(all[0]?.logbook).toHaveLength(1);
    expect(await storeB.getClients(['email:compta@boulangerie-morel.fr'])).toHaveLength(1);
  });

  it('payments and reminders from two connections leave the open index right', async () => {
    const name = uniqueName();
    const [a, b] = [openDatabase(name), openDatabase(name)];
    const [storeA, storeB] = [new LedgerStore(a), new LedgerStore(b)];
    await storeA.track(sampleTrackedInvoice(), T0);
    await Promise.all([
      storeA.appendEvent(ID, { kind: 'reminder_drafted', at: T0.at, day: T0.day, step: 'pre_reminder' }),
      storeB.appendEvent(ID, { kind: 'payment', at: T0.at, day: T0.day, paidOn: T0.day }),
      storeA.appendEvent(ID, note('after', 1)),
    ]);
    expect(await storeA.openInvoices()).toEqual([]);
    expect(await b.invoices.get(ID)).not.toHaveProperty('open');
  });

  it('the unique [invoiceId+seq] index refuses a fork: a second event at a taken place', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    await store.track(sampleTrackedInvoice(), T0);
    const [first] = (await store.get(ID))!.logbook;
    const { id: _id, ...copy } = first!;
    await expect(db.events.add({ ...copy, at: '2026-11-20T08:00:01.000Z' })).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.events.count()).toBe(1);
  });

  it('a write refused by the unique index is retried from a fresh read', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    await store.track(sampleTrackedInvoice(), T0);
    const add = db.events.add.bind(db.events);
    const spy = vi.spyOn(db.events, 'add').mockImplementationOnce(() => {
      throw constraintError();
    });
    spy.mockImplementation(add);
    const event = await store.appendEvent(ID, note('retried', 1));
    expect(spy).toHaveBeenCalledTimes(2);
    expect(event.seq).toBe(1);
    expect((await store.verify(ID))?.chain.ok).toBe(true);
    expect(await db.events.count()).toBe(2);
  });

  it('gives up with a `conflict` StorageError when the fork keeps happening, having written nothing', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db, { maxAttempts: 3 });
    await store.track(sampleTrackedInvoice(), T0);
    const spy = vi.spyOn(db.events, 'add').mockImplementation(() => {
      throw constraintError();
    });
    const error = await store.appendEvent(ID, note('lost?', 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'conflict' });
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockRestore();
    expect(await db.events.count()).toBe(1);
  });
});
