import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_SETTINGS, factsSnapshot, genesisHash, LedgerValidationError, ledgerInvoiceFromV1, type LedgerInvoice } from '../../core/ledger';
import { LedgerStore, v1LogEvents } from './ledger-store';
import { openDatabase, sampleTrackedInvoice } from './storage.test-support';

const invoice = sampleTrackedInvoice;
const T0 = { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' };
const ID = invoice().id;

function setup() {
  const db = openDatabase();
  return { db, store: new LedgerStore(db) };
}

describe('LedgerStore.track', () => {
  it('stores the invoice, creates its client and logs a chained `tracked` with the facts snapshot', async () => {
    const { db, store } = setup();
    const { record, created } = await store.track(invoice(), T0);
    expect(created).toBe(true);
    expect(record.invoice).toEqual(ledgerInvoiceFromV1(invoice()));
    expect(record.logbook).toHaveLength(1);
    const [tracked] = record.logbook;
    expect(tracked).toMatchObject({ kind: 'tracked', invoiceId: ID, seq: 0, prevHash: genesisHash(ID), at: T0.at, day: T0.day, facts: factsSnapshot(record.invoice) });
    expect(record.events).toEqual([{ id: tracked!.id, invoiceId: ID, kind: 'tracked', at: T0.at, day: T0.day }]);
    expect(await store.getClient('email:compta@boulangerie-morel.fr')).toMatchObject({ name: 'Julien Morel', emails: ['compta@boulangerie-morel.fr'], language: 'fr', b2b: true, createdAt: T0.at });
    expect(await db.invoices.get(ID)).toMatchObject({ open: 1, openDueDate: '2026-11-23' });
  });

  it('tracks once: a second track neither duplicates the invoice nor the logbook entry', async () => {
    const { db, store } = setup();
    await store.track(invoice(), T0);
    const second = await store.track(invoice({ amount: 1 }), { at: '2026-11-20T09:00:00.000Z', day: '2026-11-20' });
    expect(second.created).toBe(false);
    expect(second.record.invoice.amount).toBe(2400);
    expect(second.record.logbook).toHaveLength(1);
    expect(await db.events.count()).toBe(1);
    expect(await db.clients.count()).toBe(1);
  });

  it('files a new invoice under the client that already has its address', async () => {
    const { store } = setup();
    await store.putClient({ id: 'client-morel', name: 'Boulangerie Morel', emails: ['contact@morel.fr', 'compta@boulangerie-morel.fr'], language: 'fr', b2b: true, createdAt: '2026-01-01T00:00:00.000Z' });
    const { record } = await store.track(invoice(), T0);
    expect(record.invoice.clientId).toBe('client-morel');
    expect((await store.clientInvoices('client-morel')).map((r) => r.invoice.id)).toEqual([ID]);
    expect(await store.getClient('email:compta@boulangerie-morel.fr')).toBeNull();
  });

  it('refuses an invalid invoice and writes nothing', async () => {
    const { db, store } = setup();
    await expect(store.track(invoice({ amount: -5 }), T0)).rejects.toBeInstanceOf(LedgerValidationError);
    expect(await db.invoices.count()).toBe(0);
    expect(await db.clients.count()).toBe(0);
  });

  it('takes a ledger invoice as it is (source, proofs)', async () => {
    const { store } = setup();
    const entered: LedgerInvoice = { ...ledgerInvoiceFromV1(invoice({ id: 'entered-1', host: 'gmail' })), host: null, threadId: null, account: null, messageId: null, source: 'entered', proofs: [] };
    const { record } = await store.track(entered, T0);
    expect(record.invoice).toMatchObject({ id: 'entered-1', source: 'entered', host: null, proofs: [] });
  });
});

describe('LedgerStore.appendEvent', () => {
  it('chains each event after the last one', async () => {
    const { store } = setup();
    await store.track(invoice(), T0);
    const drafted = await store.appendEvent(ID, { kind: 'reminder_drafted', at: '2026-11-20T08:05:00.000Z', day: '2026-11-20', step: 'pre_reminder' });
    const call = await store.appendEvent(ID, { kind: 'call', at: '2026-11-24T10:00:00.000Z', day: '2026-11-24', calledAt: '2026-11-24T11:00', who: 'Julien', outcome: 'answered', nextCallDate: '2026-11-27' });
    expect([drafted.seq, call.seq]).toEqual([1, 2]);
    expect(call.prevHash).toBe(drafted.hash);
    const record = await store.get(ID);
    expect(record?.logbook.map((e) => e.kind)).toEqual(['tracked', 'reminder_drafted', 'call']);
    // The v1 view shows only what the panel knows how to show.
    expect(record?.events.map((e) => e.kind)).toEqual(['reminder_drafted', 'tracked']);
    expect((await store.verify(ID))?.chain.ok).toBe(true);
  });

  it('refuses an invalid event, or one for an unknown invoice, and writes nothing', async () => {
    const { db, store } = setup();
    await store.track(invoice(), T0);
    await expect(store.appendEvent(ID, { kind: 'partial_payment', at: T0.at, day: T0.day, amount: -1, paidOn: T0.day })).rejects.toBeInstanceOf(LedgerValidationError);
    await expect(store.appendEvent(ID, { kind: 'reminder_drafted', at: 'yesterday', day: T0.day, step: 'pre_reminder' })).rejects.toThrow(/at: must be an ISO 8601 instant/);
    await expect(store.appendEvent('missing', { kind: 'note', at: T0.at, day: T0.day, text: 'hello' })).rejects.toThrow(/unknown invoice/);
    expect(await db.events.count()).toBe(1);
  });

  it('ignores chain fields given by the caller: the store places the event', async () => {
    const { store } = setup();
    await store.track(invoice(), T0);
    const forged = { kind: 'note', at: T0.at, day: T0.day, text: 'x', seq: 7, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64), id: 99 } as const;
    const event = await store.appendEvent(ID, forged);
    expect(event.seq).toBe(1);
    expect(event.id).not.toBe(99);
    expect((await store.verify(ID))?.chain.ok).toBe(true);
  });

  it('keeps the open and due-date index keys in step with payments and write-offs', async () => {
    const { db, store } = setup();
    await store.track(invoice(), T0);
    await store.track(invoice({ id: 'second', threadId: 't2', invoiceNumber: 'F-2026-042', amount: 100 }), T0);
    expect((await store.dueToday('2026-11-23')).map((r) => r.invoice.id).sort()).toEqual([ID, 'second'].sort());

    await store.appendEvent(ID, { kind: 'partial_payment', at: '2026-11-21T08:00:00.000Z', day: '2026-11-21', amount: 400, paidOn: '2026-11-21' });
    expect(await db.invoices.get(ID)).toMatchObject({ open: 1, openDueDate: '2026-11-23' });
    await store.appendEvent(ID, { kind: 'payment', at: '2026-11-22T08:00:00.000Z', day: '2026-11-22', paidOn: '2026-11-22' });
    await store.appendEvent('second', { kind: 'write_off', at: '2026-11-22T08:00:00.000Z', day: '2026-11-22', reason: 'closed down' });

    const closed = await db.invoices.get(ID);
    expect(closed).not.toHaveProperty('open');
    expect(closed).not.toHaveProperty('openDueDate');
    expect(await store.dueToday('2026-11-23')).toEqual([]);
    expect(await store.openInvoices()).toEqual([]);
    expect(await store.overdue('2026-12-31')).toEqual([]);
    // Closed invoices stay in the client's history.
    expect((await store.clientInvoices('email:compta@boulangerie-morel.fr')).map((r) => r.invoice.id).sort()).toEqual([ID, 'second'].sort());
    // The returned invoice never carries the index keys.
    expect((await store.get(ID))?.invoice).not.toHaveProperty('open');
  });

  it('gives the dashboard the open invoices and the sales of a window, each once with its logbook', async () => {
    const { store } = setup();
    await store.track(invoice(), T0); // open, issued 2026-10-24
    await store.track(invoice({ id: 'old-open', threadId: 't2', invoiceNumber: 'F-2025-001', issueDate: '2025-01-10', dueDate: '2025-02-09' }), T0);
    await store.track(invoice({ id: 'paid', threadId: 't3', invoiceNumber: 'F-2026-050', issueDate: '2026-11-02' }), T0);
    await store.track(invoice({ id: 'old-paid', threadId: 't4', invoiceNumber: 'F-2025-002', issueDate: '2025-01-11' }), T0);
    for (const id of ['paid', 'old-paid']) await store.appendEvent(id, { kind: 'payment', at: '2026-11-21T08:00:00.000Z', day: '2026-11-21', paidOn: '2026-11-21' });

    const records = await store.openOrIssuedBetween('2026-10-01', '2026-11-30');
    expect(records.map((r) => r.invoice.id).sort()).toEqual([ID, 'old-open', 'paid'].sort());
    expect(records.find((r) => r.invoice.id === 'paid')?.logbook.map((e) => [e.kind, e.seq])).toEqual([
      ['tracked', 0],
      ['payment', 1],
    ]);
    expect(records.find((r) => r.invoice.id === ID)?.invoice).not.toHaveProperty('open');
  });
});

describe('LedgerStore.correct', () => {
  it('writes the new value and its correction event together; the due-date index follows', async () => {
    const { db, store } = setup();
    await store.track(invoice(), T0);
    const when = { at: '2026-11-21T08:00:00.000Z', day: '2026-11-21' };
    const { record, event } = await store.correct(ID, 'dueDate', '2026-12-15', when);
    expect(event).toMatchObject({ kind: 'correction', field: 'dueDate', from: '2026-11-23', to: '2026-12-15', seq: 1 });
    expect(record.invoice.dueDate).toBe('2026-12-15');
    expect(await db.invoices.get(ID)).toMatchObject({ dueDate: '2026-12-15', openDueDate: '2026-12-15' });
    expect(await store.dueToday('2026-11-23')).toEqual([]);
    expect((await store.dueToday('2026-12-15')).map((r) => r.invoice.id)).toEqual([ID]);
    // The chain verifies and the invoice agrees with its logbook (snapshot + correction).
    expect(await store.verify(ID)).toEqual({ chain: expect.objectContaining({ ok: true }), facts: [] });
  });

  it('normalises the value, refuses a bad one or an unknown field, and logs nothing for no change', async () => {
    const { db, store } = setup();
    await store.track(invoice(), T0);
    const { event } = await store.correct(ID, 'currency', 'usd', T0);
    expect(event).toMatchObject({ from: 'EUR', to: 'USD' });
    await expect(store.correct(ID, 'amount', -3, T0)).rejects.toBeInstanceOf(LedgerValidationError);
    await expect(store.correct(ID, 'clientId', 'x', T0)).rejects.toThrow(/cannot be corrected/);
    expect((await store.correct(ID, 'currency', 'USD', T0)).event).toBeNull();
    expect(await db.events.count()).toBe(2);
  });
});

describe('LedgerStore.verify', () => {
  it('finds an event edited behind the store’s back, and an invoice edited without a correction', async () => {
    const { db, store } = setup();
    await store.track(invoice(), T0);
    const drafted = await store.appendEvent(ID, { kind: 'reminder_drafted', at: '2026-11-20T08:05:00.000Z', day: '2026-11-20', step: 'pre_reminder' });
    await db.events.update(drafted.id!, { day: '2026-11-01' });
    await db.invoices.update(ID, { amount: 99 });
    const verdict = await store.verify(ID);
    expect(verdict?.chain).toMatchObject({ ok: false, first: { problem: 'altered', seq: 1 } });
    expect(verdict?.facts).toEqual([{ field: 'amount', stored: 99, logged: 2400 }]);
    expect(await store.verify('missing')).toBeNull();
  });
});

describe('LedgerStore lookups', () => {
  it('finds the invoices of a thread, including a mailbox whose account is unknown', async () => {
    const { store } = setup();
    await store.track(invoice(), T0);
    await store.track(invoice({ id: 'other', account: null, threadId: 't2' }), T0);
    expect((await store.forThread('camille@atelier-durand.fr', '18c0ffee00000001')).map((r) => r.invoice.id)).toEqual([ID]);
    expect((await store.forThread(null, 't2')).map((r) => r.invoice.id)).toEqual(['other']);
    expect(await store.forThread('camille@atelier-durand.fr', 'nope')).toEqual([]);
    expect((await store.all()).map((r) => [r.invoice.id, r.logbook.length, r.events.length])).toEqual([
      [ID, 1, 1],
      ['other', 1, 1],
    ]);
  });

  it('keeps settings and templates, checked, with defaults until saved', async () => {
    const { store } = setup();
    expect(await store.getSettings()).toEqual(DEFAULT_LEDGER_SETTINGS);
    expect(await store.getTemplates()).toEqual({});
    const saved = await store.putSettings({ ...DEFAULT_LEDGER_SETTINGS, signature: 'Camille', iban: 'fr76 3000 6000 0112 3456 7890 189', ownEmails: ['Camille@Atelier-Durand.fr'] });
    expect(saved).toMatchObject({ iban: 'FR7630006000011234567890189', ownEmails: ['camille@atelier-durand.fr'] });
    expect(await store.getSettings()).toEqual(saved);
    await expect(store.putSettings({ ...DEFAULT_LEDGER_SETTINGS, iban: 'FR00 0000' })).rejects.toBeInstanceOf(LedgerValidationError);
    expect(await store.getSettings()).toEqual(saved);

    await store.putTemplates({ 'second_reminder.fr.body': 'Bonjour {{client.contactName}}' });
    expect(await store.getTemplates()).toEqual({ 'second_reminder.fr.body': 'Bonjour {{client.contactName}}' });
    await expect(store.putTemplates({ 'nope.fr.body': 'x' })).rejects.toBeInstanceOf(LedgerValidationError);
  });

  it('finds a client by any of its addresses', async () => {
    const { store } = setup();
    await store.putClient({ id: 'c1', name: 'Morel', emails: ['a@morel.fr', 'B@Morel.fr'], language: 'fr', b2b: true, createdAt: T0.at });
    expect((await store.clientByEmail('b@morel.fr'))?.id).toBe('c1');
    expect(await store.clientByEmail('c@morel.fr')).toBeNull();
    expect((await store.getClients(['c1', 'c2', 'c1'])).map((c) => c.id)).toEqual(['c1']);
  });
});

describe('v1LogEvents', () => {
  it('keeps the two v1 kinds, newest first', () => {
    const events = v1LogEvents([
      { invoiceId: 'i', id: 1, kind: 'tracked', at: '2026-01-01T00:00:00.000Z', day: '2026-01-01' },
      { invoiceId: 'i', id: 2, kind: 'payment', at: '2026-01-03T00:00:00.000Z', day: '2026-01-03', paidOn: '2026-01-03' },
      { invoiceId: 'i', id: 3, kind: 'reminder_drafted', at: '2026-01-02T00:00:00.000Z', day: '2026-01-02', step: 'first_reminder' },
    ]);
    expect(events.map((e) => [e.id, e.kind, e.step])).toEqual([
      [3, 'reminder_drafted', 'first_reminder'],
      [1, 'tracked', undefined],
    ]);
  });
});
