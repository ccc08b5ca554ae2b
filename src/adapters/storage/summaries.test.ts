/**
 * Schema v3's summaries through the store: every write keeps each invoice's summary equal to a
 * fresh one (summary.ts) and each client's totals equal to a recount (client-totals.ts); the badge
 * count, the dashboard and the client history read from them equal the same queries over freshly
 * derived states. Random ledgers (ledger.test-support.ts `randomLedger`), seeded.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/dates';
import {
  agingBuckets,
  chainEvents,
  clientHistory,
  clientTotalsOf,
  dailySalesOf,
  daysSalesOutstanding,
  deriveInvoiceState,
  invoiceSummary,
  LEDGER_EVENT_KINDS,
  markChainsVerified,
  needsUserToday,
  outstandingByCurrency,
  type LedgerEvent,
  type LedgerInvoice,
} from '../../core/ledger';
import { prng, randomEventInput, randomLedger, type RandomLedger } from '../../core/ledger/ledger.test-support';
import type { IsoDate } from '../../core/model';
import { LedgerStore, ledgerInvoiceOf } from './ledger-store';
import type { RelanceDatabase } from './schema';
import { openDatabase, sampleTrackedInvoice } from './storage.test-support';

/** Every stored summary equals a fresh one from the stored logbook; every client's totals a recount. */
async function expectSummariesFresh(db: RelanceDatabase, where: string): Promise<void> {
  const store = new LedgerStore(db);
  const [stored, settings, clients, totals] = await Promise.all([db.invoices.toArray(), store.getSettings(), db.clients.toArray(), db.clientTotals.toArray()]);
  const clientById = new Map(clients.map((client) => [client.id, client]));
  for (const record of stored) {
    const logbook = (await store.get(record.id))!.logbook;
    const fresh = invoiceSummary({ invoice: ledgerInvoiceOf(record), logbook, settings, client: clientById.get(record.clientId) ?? null, attentionDay: record.summary.searchedFrom });
    expect(record.summary, `${where}: ${record.id}`).toEqual(fresh);
    expect(record.attentionFrom, `${where}: ${record.id}`).toBe(fresh.status === 'open' ? (fresh.attentionFrom ?? undefined) : undefined);
  }
  const owners = new Set(stored.map((record) => record.clientId));
  for (const clientId of owners) {
    const recount = clientTotalsOf(
      clientId,
      stored.filter((record) => record.clientId === clientId).map((record) => record.summary),
    );
    expect(
      totals.find((entry) => entry.clientId === clientId),
      `${where}: totals of ${clientId}`,
    ).toEqual(recount);
  }
  // The days' sales: a recount of the summaries.
  expect(await db.dailySales.toArray(), `${where}: daily sales`).toEqual(dailySalesOf(stored.map((record) => record.summary)));
  // Clients whose invoices all left keep only empty totals.
  for (const entry of totals.filter((t) => !owners.has(t.clientId))) expect(entry.invoiceCount, `${where}: ${entry.clientId}`).toBe(0);
}

const lastDayOf = (events: readonly LedgerEvent[]): IsoDate => events.reduce((last, event) => (event.day > last ? event.day : last), '2026-01-01');

/** The badge, the dashboard and every client's history from the store equal the derived queries on `today`. */
async function expectQueriesAgree(store: LedgerStore, today: IsoDate, where: string): Promise<void> {
  const { invoices, events, clients, settings } = await store.exportAll();
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const states = invoices.map((invoice) =>
    deriveInvoiceState(
      invoice,
      events.filter((event) => event.invoiceId === invoice.id),
      settings,
      today,
      { client: clientById.get(invoice.clientId) ?? null },
    ),
  );
  expect(await store.attentionCount(today), `${where}: badge on ${today}`).toBe(states.filter((state) => needsUserToday(state, today)).length);
  const dashboard = await store.dashboard(today);
  expect(dashboard.aging, where).toEqual(agingBuckets(states, today));
  expect(dashboard.outstanding, where).toEqual(outstandingByCurrency(states));
  expect(dashboard.dso, where).toEqual(daysSalesOutstanding(states, today));
  for (const clientId of new Set(invoices.map((invoice) => invoice.clientId))) {
    const own = states.filter((state) => state.clientId === clientId).sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1));
    expect(await store.clientHistoryOf(clientId, today), `${where}: ${clientId}`).toEqual(clientHistory(clientId, own, today));
  }
}

async function restored(ledger: RandomLedger): Promise<{ db: RelanceDatabase; store: LedgerStore }> {
  const db = openDatabase();
  const store = new LedgerStore(db);
  await store.replaceAll(ledger);
  return { db, store };
}

describe('summaries kept by every write', () => {
  it('restore, appends, corrections, a client’s and the settings’ changes, the daily re-search: summaries fresh, totals recounted, queries equal the derived ones', async () => {
    let checkedInvoices = 0;
    for (let seed = 1; seed <= 30; seed += 1) {
      const ledger = randomLedger(seed);
      if (ledger.invoices.length === 0) continue;
      const { db, store } = await restored(ledger);
      await expectSummariesFresh(db, `seed ${seed} restored`);
      const r = prng(seed * 7919);
      let today = addDays(lastDayOf(ledger.events), r.int(0, 3));
      await expectQueriesAgree(store, today, `seed ${seed} restored`);

      for (let step = 0; step < 6; step += 1) {
        const invoice = r.pick(ledger.invoices);
        const kind = r.pick(LEDGER_EVENT_KINDS.filter((k) => k !== 'correction'));
        const input = randomEventInput(r, invoice, today, kind);
        await store.appendEvent(invoice.id, { ...input, at: `${today}T1${step}:00:00.000Z`, day: today } as never);
        // A new invoice: a sale on its issue day, a share of its client's totals.
        if (r.chance(0.4)) {
          const issued = addDays(today, -r.int(0, 80));
          await store.track(sampleTrackedInvoice({ id: `new-${seed}-${step}`, threadId: `t-${seed}-${step}`, invoiceNumber: `N-${step}`, amount: r.int(100, 900_000) / 100, issueDate: issued, dueDate: addDays(issued, r.pick([0, 30, 45])) }), { at: `${today}T08:00:00.000Z`, day: today });
        }
        // A new due date moves the ladder (and the open index keys).
        if (r.chance(0.3)) await store.correct(r.pick(ledger.invoices).id, 'dueDate', addDays(today, r.int(-40, 20)), { at: `${today}T19:00:00.000Z`, day: today });
        if (r.chance(0.25)) {
          const client = r.pick(ledger.clients);
          await store.putClient({ ...client, flags: r.chance(0.5) ? ['long_standing'] : [], chasing: r.chance(0.5) ? { callFirst: true } : null });
        }
        if (r.chance(0.2)) await store.putSettings({ ...ledger.settings, chasing: r.pick([{}, { minimumGap: 5 }, { delays: { firstReminder: 12 } }]) });
        await expectSummariesFresh(db, `seed ${seed} step ${step}`);
        // Days go by (sometimes several at once); sometimes the clock goes back (the tests pin it).
        today = r.chance(0.1) ? addDays(today, -r.int(1, 3)) : addDays(today, r.int(0, 6));
        const latest = lastDayOf((await store.exportAll()).events);
        if (today < latest) today = latest;
        await expectQueriesAgree(store, today, `seed ${seed} step ${step}`);
      }
      checkedInvoices += ledger.invoices.length;
    }
    expect(checkedInvoices).toBeGreaterThan(60);
  });

  it('track and a scan merge write the summary of the invoices they add', async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    await store.track(sampleTrackedInvoice(), { at: '2026-11-20T08:00:00.000Z', day: '2026-11-20' });
    const [record] = await db.invoices.toArray();
    expect(record?.summary).toMatchObject({ status: 'open', amountCents: 240_000, outstandingCents: 240_000, lastEventDay: '2026-11-20', searchedFrom: '2026-11-20' });
    // Due 2026-11-23 (a Monday): the pre-reminder is due on Friday 20, the day it was tracked.
    expect(record?.attentionFrom).toBe('2026-11-20');
    expect(await store.attentionCount('2026-11-20')).toBe(1);
    await store.appendEvent(record!.id, { kind: 'reminder_drafted', step: 'pre_reminder', at: '2026-11-20T09:00:00.000Z', day: '2026-11-20' });
    expect(await store.attentionCount('2026-11-20')).toBe(0);
    // Due on Monday 23: counted that day, not on the weekend before.
    expect(await store.attentionCount('2026-11-21')).toBe(0);
    expect(await store.attentionCount('2026-11-23')).toBe(1);
    await store.appendEvent(record!.id, { kind: 'payment', paidOn: '2026-11-23', at: '2026-11-23T10:00:00.000Z', day: '2026-11-23' });
    expect(await store.attentionCount('2026-11-23')).toBe(0);
    expect((await db.clientTotals.get(record!.clientId))?.paidCount).toBe(1);
  });
});

describe('what moves ladder dates rewrites the summaries', () => {
  // Due Monday 2 November 2026, tracked on 5 October: the first reminder falls due on Monday 9 (due + 7).
  const due = sampleTrackedInvoice({ dueDate: '2026-11-02', issueDate: '2026-10-03' });
  const tracked = async () => {
    const db = openDatabase();
    const store = new LedgerStore(db);
    await store.track(due, { at: '2026-10-05T08:00:00.000Z', day: '2026-10-05' });
    expect(await store.attentionCount('2026-11-09')).toBe(1);
    return { db, store };
  };

  it('a client’s ladder override', async () => {
    const { store } = await tracked();
    const client = (await store.getClient((await store.get(due.id))!.invoice.clientId))!;
    await store.putClient({ ...client, chasing: { delays: { firstReminder: 10 } } });
    expect(await store.attentionCount('2026-11-09')).toBe(0);
    expect(await store.attentionCount('2026-11-12')).toBe(1);
  });

  it('the settings’ ladder', async () => {
    const { store } = await tracked();
    await store.putSettings({ ...(await store.getSettings()), chasing: { delays: { firstReminder: 10 } } });
    expect(await store.attentionCount('2026-11-09')).toBe(0);
    expect(await store.attentionCount('2026-11-12')).toBe(1);
  });

  it('the clock going back (every open invoice searched again)', async () => {
    const { store } = await tracked();
    // Back to the due date: due today.
    expect(await store.attentionCount('2026-11-02')).toBe(1);
    expect(await store.attentionCount('2026-11-03')).toBe(0);
  });
});

describe('replaceAll and verified chains', () => {
  const ledger = randomLedger(3);
  const tampered = (): LedgerEvent[] => {
    const events = ledger.events.map((event) => ({ ...event }));
    events[0] = { ...events[0]!, note: 'edited after hashing' };
    return events;
  };

  it('verifies the chains of a list it is given', async () => {
    expect(ledger.events.length).toBeGreaterThan(0);
    await expect(new LedgerStore(openDatabase()).replaceAll({ ...ledger, events: tampered() })).rejects.toThrow(/altered|hash|chain/i);
  });

  it('does not hash again the very list parseBackup verified (marked), and writes its summaries', async () => {
    const db = openDatabase();
    // Marked as parseBackup marks what it verified: the store trusts it (here, wrongly, to show it does not look).
    await new LedgerStore(db).replaceAll({ ...ledger, events: markChainsVerified(tampered()) });
    expect(await db.events.count()).toBe(ledger.events.length);
    expect((await db.invoices.toArray()).every((record) => record.summary !== undefined)).toBe(true);
    // A copy of a marked list is not marked.
    await expect(new LedgerStore(openDatabase()).replaceAll({ ...ledger, events: [...markChainsVerified(tampered())] })).rejects.toThrow();
  });

  it('chainEvents output round-trips (sanity of the fixture)', () => {
    const invoice: LedgerInvoice = ledger.invoices[0]!;
    expect(chainEvents(ledger.events.filter((event) => event.invoiceId === invoice.id).map(({ seq: _s, prevHash: _p, hash: _h, ...event }) => event as LedgerEvent))).toHaveLength(ledger.events.filter((event) => event.invoiceId === invoice.id).length);
  });
});

describe('removeInvoice (untrack)', () => {
  it('takes one invoice, its logbook, its sale and its share of the client totals out, and nothing else', async () => {
    const ledger = randomLedger(7);
    const { db, store } = await restored(ledger);
    const [gone, kept] = ledger.invoices;
    const keptEvents = (await store.get(kept!.id))!.logbook;
    expect(await store.removeInvoice(gone!.id)).toBe(true);
    expect(await store.get(gone!.id)).toBeNull();
    expect(await db.events.where('[invoiceId+seq]').between([gone!.id, Dexie.minKey], [gone!.id, Dexie.maxKey]).count()).toBe(0);
    expect((await store.get(kept!.id))!.logbook).toEqual(keptEvents);
    expect(await db.invoices.count()).toBe(ledger.invoices.length - 1);
    await expectSummariesFresh(db, 'after removeInvoice');
    await expectQueriesAgree(store, lastDayOf(ledger.events), 'after removeInvoice');
    // The remaining chains still verify, and a second removal answers false.
    expect((await store.verify(kept!.id))?.chain.ok).toBe(true);
    expect(await store.removeInvoice(gone!.id)).toBe(false);
  });
});
