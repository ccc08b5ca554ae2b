/**
 * Property tests: random invoices and logbooks from a seeded PRNG (the same every run), checked
 * against invariants that must hold whatever happened to the invoice.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import type { IsoDate } from '../model';
import { deriveInvoiceState, ledgerIndexKeys, type InvoiceState } from './derive';
import type { LedgerEvent } from './events';
import { readBackupText } from './backup-stream';
import { sortedJson } from './backup-json';
import { backupLines } from './backup-v2';
import { appendToChain, chainEvents, chainHeads, verifyChain, type ChainedEvent } from './hash-chain';
import { SETTINGS, prng, randomCase, type Case } from './ledger.test-support';
import { actionsDueToday, agingBuckets, badgeCount, daysSalesOutstanding, outstandingByCurrency } from './queries';
import { checkEvent } from './validate';

const SEEDS = 400;
const CASES = Array.from({ length: SEEDS }, (_, seed) => randomCase(seed + 1));
const derive = (c: Case, logbook: readonly LedgerEvent[] = c.logbook): InvoiceState => deriveInvoiceState(c.invoice, logbook, SETTINGS, c.today, { client: c.client });

describe(`${SEEDS} random logbooks`, () => {
  it('the generator writes valid events (and the checks accept them unchanged)', () => {
    for (const c of CASES) {
      for (const event of c.logbook) {
        const checked = checkEvent(event);
        expect(checked.ok ? [] : checked.problems, `${c.invoice.id} ${event.kind}`).toEqual([]);
      }
    }
  });

  it('amounts: outstanding never negative, unknown only for an open invoice of unknown amount; closed owes nothing', () => {
    for (const c of CASES) {
      const s = derive(c);
      const where = `${c.invoice.id} on ${c.today}`;
      expect(s.outstanding === null || s.outstanding >= 0, where).toBe(true);
      expect(s.balance === null || s.balance >= 0, where).toBe(true);
      expect(s.received, where).toBeGreaterThanOrEqual(0);
      expect(s.overpaid, where).toBeGreaterThanOrEqual(0);
      expect(s.outstanding === null, where).toBe(s.open && c.invoice.amount === null);
      if (!s.open) expect(s.outstanding, where).toBe(0);
      if (s.outstanding !== null && c.invoice.amount !== null) expect(s.outstanding, where).toBeLessThanOrEqual(c.invoice.amount);
      if (s.daysLate !== null) expect(s.daysLate, where).toBeGreaterThanOrEqual(0);
    }
  });

  it('status: the ladder’s; paid ⇒ a payment day and no action at all', () => {
    let paid = 0;
    for (const c of CASES) {
      const s = derive(c);
      const where = `${c.invoice.id} on ${c.today}`;
      expect(s.status, where).toBe(s.ladder.status);
      expect(s.open, where).toBe(s.status !== 'paid' && s.status !== 'written_off');
      if (s.status !== 'written_off' && c.invoice.amount !== null) expect(s.outstanding, where).toBe(s.ladder.outstanding);
      if (s.status === 'paid') {
        paid += 1;
        expect(s.paidOn, where).not.toBeNull();
        expect(s.ladder.today, where).toEqual([]);
        expect(s.ladder.next, where).toBeNull();
        expect(s.nextAction, where).toBeNull();
        expect(actionsDueToday([s], c.today), where).toEqual([]);
        expect(s.promisedDate, where).toBeNull();
        expect(s.agreedCall, where).toBeNull();
      }
      if (!s.open) expect(badgeCount([s], c.today), where).toBe(0);
    }
    // The generator reaches every status often enough to matter.
    expect(paid).toBeGreaterThan(SEEDS / 10);
    const statuses = new Set(CASES.map((c) => derive(c).status));
    expect([...statuses].sort()).toEqual(['disputed', 'due_soon', 'escalated', 'formal_notice_sent', 'no_due_date', 'not_due', 'on_plan', 'overdue', 'paid', 'promised', 'written_off']);
  });

  it('the order events are given in does not change the state', () => {
    for (const c of CASES.slice(0, 150)) {
      const r = prng(c.logbook.length * 7919 + 1);
      const shuffled = [...c.logbook];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = r.int(0, i);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(derive(c, shuffled), c.invoice.id).toEqual(derive(c));
    }
  });

  it('the store’s index keys agree with the derived state when no event is dated after today', () => {
    for (const c of CASES) {
      const s = derive(c);
      if (s.futureEventCount > 0) continue;
      const keys = ledgerIndexKeys(c.invoice, c.logbook);
      expect(keys.open === 1, c.invoice.id).toBe(s.open);
      expect(keys.openDueDate, c.invoice.id).toBe(s.open && c.invoice.dueDate !== null ? c.invoice.dueDate : undefined);
    }
  });

  it('the chain verifies, and tampering with any one event breaks it at that event', () => {
    for (const c of CASES) {
      const chained = chainEvents(c.logbook);
      expect(verifyChain(chained), c.invoice.id).toMatchObject({ ok: true });
      const r = prng(chained.length * 104729 + 3);
      const i = r.int(0, chained.length - 1);
      const at = (list: LedgerEvent[], heads = false) => {
        const verdict = verifyChain(list, heads ? { heads: chainHeads(chained) } : {});
        return verdict.ok ? null : { index: verdict.first.index, problem: verdict.first.problem };
      };
      // Altered: a field changed, added, or the day moved.
      const alter = r.pick([(e: LedgerEvent) => ({ ...e, note: 'edited' }), (e: LedgerEvent) => ({ ...e, day: addDays(e.day, 1) }), (e: LedgerEvent) => ({ ...e, at: `${e.day}T23:59:59.000Z` })]);
      expect(at(chained.map((e, k) => (k === i ? alter(e) : e))), `${c.invoice.id} altered ${i}`).toEqual({ index: i, problem: 'altered' });
      // Removed: caught at the event that took its place, or, for the last one, by the recorded head.
      const removed = chained.filter((_, k) => k !== i);
      if (i < chained.length - 1) expect(at(removed), `${c.invoice.id} removed ${i}`).toEqual({ index: i, problem: 'removed' });
      else expect(at(removed, true), `${c.invoice.id} removed last`).toEqual({ index: removed.length, problem: 'truncated' });
      // Inserted (a copy of another invoice's event, rebadged): caught where it stands.
      const intruder = { ...chained[r.int(0, chained.length - 1)]!, text: 'inserted' } as LedgerEvent;
      expect(at([...chained.slice(0, i), intruder, ...chained.slice(i)]), `${c.invoice.id} inserted ${i}`).toEqual({ index: i, problem: 'altered' });
      // Inserted with a hash of its own, chained after the event before it: the intruder is named.
      const forged = appendToChain(i === 0 ? null : (chained[i - 1] as ChainedEvent), { ...c.logbook[i]!, kind: 'note', text: 'backdated' } as LedgerEvent);
      expect(at([...chained.slice(0, i), forged, ...chained.slice(i)]), `${c.invoice.id} forged ${i}`).toEqual({ index: i, problem: 'inserted' });
      // Reordered: two neighbours swapped.
      if (chained.length > 1) {
        const j = Math.min(i, chained.length - 2);
        const swapped = [...chained];
        [swapped[j], swapped[j + 1]] = [swapped[j + 1]!, swapped[j]!];
        expect(at(swapped), `${c.invoice.id} swapped ${j}`).toEqual({ index: j, problem: 'reordered' });
      }
    }
  });

  it('backup version 2: the streaming reader finds each tampering where verifyChain does (same event, same kind of break)', () => {
    for (const c of CASES) {
      const chained = chainEvents(c.logbook);
      const lines = [...backupLines({ settings: SETTINGS, templates: {}, clients: [c.client], invoices: [c.invoice], events: chained }, '2026-11-22T10:00:00.000Z')];
      const withEvents = (list: readonly LedgerEvent[]) => [...lines.filter((line) => !line.startsWith('{"event":')).slice(0, -1), ...list.map((event) => `{"event":${sortedJson(event)}}`), lines.at(-1)!].join('\n');
      const streamed = (list: readonly LedgerEvent[]) => {
        const { verdict } = readBackupText(withEvents(list), 1 + (chained.length % 97));
        const found = verdict.ok ? undefined : verdict.errors.find((error) => error.code === 'chain_break')?.chain;
        return found ? { index: found.eventIndex, problem: found.problem } : null;
      };
      const direct = (list: LedgerEvent[]) => {
        const verdict = verifyChain(list, { heads: chainHeads(chained) });
        return verdict.ok ? null : { index: verdict.first.index, problem: verdict.first.problem };
      };
      expect(streamed(chained), c.invoice.id).toBeNull();
      const r = prng(chained.length * 7919 + 5);
      const i = r.int(0, chained.length - 1);
      const cases: LedgerEvent[][] = [
        chained.map((e, k) => (k === i ? { ...e, note: 'edited' } : e)),
        chained.filter((_, k) => k !== i),
        [...chained.slice(0, i), appendToChain(i === 0 ? null : (chained[i - 1] as ChainedEvent), { ...c.logbook[i]!, kind: 'note', text: 'backdated' } as LedgerEvent), ...chained.slice(i)],
      ];
      if (chained.length > 1) {
        const j = Math.min(i, chained.length - 2);
        const swapped = [...chained];
        [swapped[j], swapped[j + 1]] = [swapped[j + 1]!, swapped[j]!];
        cases.push(swapped);
      }
      for (const [n, list] of cases.entries()) expect(streamed(list), `${c.invoice.id} case ${n}`).toEqual(direct(list));
    }
  });

  it('queries agree with each other on the whole random book', () => {
    const byDay = new Map<IsoDate, InvoiceState[]>();
    // Derive every invoice on one common day.
    const today = '2026-04-15';
    for (const c of CASES) {
      const s = deriveInvoiceState(c.invoice, c.logbook, SETTINGS, today, { client: c.client });
      byDay.set(today, [...(byDay.get(today) ?? []), s]);
    }
    const book = byDay.get(today)!;
    const outstanding = outstandingByCurrency(book);
    const aging = agingBuckets(book, today);
    expect(aging.rows.map((row) => [row.currency, row.total])).toEqual(outstanding.byCurrency.map((t) => [t.currency, t.amount]));
    for (const row of aging.rows) {
      const sum = Object.values(row.buckets).reduce((total, bucket) => total + Math.round(bucket.amount * 100), 0);
      expect(sum / 100).toBe(row.total);
    }
    expect(aging.unknownCount).toBe(outstanding.unknownCount);
    const dso = daysSalesOutstanding(book, today);
    for (const total of outstanding.byCurrency) expect(dso.rows.find((row) => row.currency === total.currency)?.receivables).toBe(total.amount);
    const items = actionsDueToday(book, today);
    expect(badgeCount(book, today)).toBeGreaterThanOrEqual(items.length);
    expect(items.every((item) => book.find((s) => s.invoiceId === item.invoiceId)?.open)).toBe(true);
  });
});
