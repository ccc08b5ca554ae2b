import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION, RelanceDatabase, SCHEMA_VERSIONS } from './schema';
import { LedgerStore } from './ledger-store';
import type { TrackedInvoice } from '../../core/model';

const invoice = (over: Partial<TrackedInvoice> = {}): TrackedInvoice => ({
  id: 'gmail:camille@atelier-durand.fr:18c0ffee00000001:F-2026-041',
  host: 'gmail',
  account: 'camille@atelier-durand.fr',
  threadId: '18c0ffee00000001',
  messageId: '#msg-a:r123',
  invoiceNumber: 'F-2026-041',
  clientEmail: 'compta@boulangerie-morel.fr',
  clientName: 'Julien Morel',
  amount: 2400,
  currency: 'EUR',
  issueDate: '2026-10-24',
  dueDate: '2026-11-23',
  terms: null,
  language: 'fr',
  subject: 'Facture F-2026-041',
  trackedAt: '2026-11-20T08:00:00.000Z',
  ...over,
});

let opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened) {
    db.close();
    await Dexie.delete(db.name);
  }
  opened = [];
});

function open(name: string): RelanceDatabase {
  const db = new RelanceDatabase(name);
  opened.push(db);
  return db;
}

describe('schema versions', () => {
  it('are numbered in increasing order and the current one is the last', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(CURRENT_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('version 1 keeps invoices and events across a reopen', async () => {
    const name = `relance-v1-${Math.random()}`;
    const first = open(name);
    const store = new LedgerStore(first);
    await store.track(invoice(), { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' });
    await store.appendEvent(invoice().id, { kind: 'reminder_drafted', at: '2026-11-20T08:05:00.000Z', day: '2026-11-20', step: 'pre_reminder' });
    first.close();

    const again = new LedgerStore(open(name));
    const record = await again.get(invoice().id);
    expect(record?.invoice).toEqual(invoice());
    expect(record?.events.map((e) => e.kind)).toEqual(['reminder_drafted', 'tracked']);
    expect(record?.events[0]?.step).toBe('pre_reminder');
  });
});

describe('LedgerStore', () => {
  it('tracks once: a second track neither duplicates the invoice nor the logbook entry', async () => {
    const store = new LedgerStore(open(`relance-${Math.random()}`));
    const first = await store.track(invoice(), { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' });
    const second = await store.track(invoice({ amount: 1 }), { at: '2026-11-20T09:00:00.000Z', day: '2026-11-20' });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.record.invoice.amount).toBe(2400);
    expect(second.record.events).toHaveLength(1);
  });

  it('finds the invoices of a thread, including a mailbox whose account is unknown', async () => {
    const store = new LedgerStore(open(`relance-${Math.random()}`));
    await store.track(invoice(), { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' });
    await store.track(invoice({ id: 'other', account: null, threadId: 't2' }), { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' });
    expect((await store.forThread('camille@atelier-durand.fr', '18c0ffee00000001')).map((r) => r.invoice.id)).toEqual([invoice().id]);
    expect((await store.forThread(null, 't2')).map((r) => r.invoice.id)).toEqual(['other']);
    expect(await store.forThread('camille@atelier-durand.fr', 'nope')).toEqual([]);
  });

  it('refuses an event for an unknown invoice and writes nothing', async () => {
    const db = open(`relance-${Math.random()}`);
    const store = new LedgerStore(db);
    await expect(store.appendEvent('missing', { kind: 'reminder_drafted', at: 'x', day: '2026-11-20' })).rejects.toThrow(/unknown invoice/);
    expect(await db.events.count()).toBe(0);
  });
});
