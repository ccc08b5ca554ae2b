/**
 * The store's summary (summary.ts) and client totals (client-totals.ts) against a fresh derivation,
 * over random logbooks (ledger.test-support.ts `randomCase`, seeded: the same every run).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPEAT_LATE_PAYER_RULE } from '../chasing';
import { addDays } from '../dates';
import type { IsoDate } from '../model';
import { clientHistoryFromTotals, clientTotalsOf, countsForLatePayment, moveClientTotals, type ClientTotals } from './client-totals';
import { deriveInvoiceState, ledgerIndexKeys, type InvoiceState } from './derive';
import { SETTINGS, prng, randomCase, type Case } from './ledger.test-support';
import { cents } from './money';
import { agingBuckets, agingOfRows, badgeCount, clientHistory, daysSalesOutstanding, dsoOfRows, needsUserToday, outstandingByCurrency } from './queries';
import { invoiceSummary, summaryIndexKeys, summaryRow, type InvoiceSummary } from './summary';

const SEEDS = 300;
const CASES = Array.from({ length: SEEDS }, (_, seed) => randomCase(seed + 1));
const lastDay = (c: Case): IsoDate => c.logbook.reduce((last, event) => (event.day > last ? event.day : last), c.logbook[0]!.day);
const derive = (c: Case, today: IsoDate): InvoiceState => deriveInvoiceState(c.invoice, c.logbook, SETTINGS, today, { client: c.client });
const summarise = (c: Case, attentionDay: IsoDate | null = null): InvoiceSummary => invoiceSummary({ invoice: c.invoice, logbook: c.logbook, settings: SETTINGS, client: c.client, attentionDay });
const attends = (summary: InvoiceSummary, today: IsoDate) => summary.attentionFrom !== null && summary.attentionFrom <= today;

describe(`invoice summaries of ${SEEDS} random logbooks`, () => {
  it('equal a fresh derivation on every day from the latest event on (status, amounts, payment day, step)', () => {
    for (const c of CASES) {
      const summary = summarise(c);
      for (const offset of [0, 1, 9, 45, 400]) {
        const today = addDays(lastDay(c), offset);
        const state = derive(c, today);
        const where = `${c.invoice.id} on ${today}`;
        expect(summary.status, where).toBe(state.status === 'paid' ? 'paid' : state.status === 'written_off' ? 'written_off' : 'open');
        expect(summary.outstandingCents, where).toBe(state.outstanding === null ? null : cents(state.outstanding));
        expect(summary.amountCents, where).toBe(state.amount === null ? null : cents(state.amount));
        expect(summary.paidOn, where).toBe(state.paidOn);
        expect(summary.currentStep, where).toBe(state.currentStep);
        expect(summaryRow(summary), where).toEqual({ open: state.open, currency: state.currency, amount: state.amount, outstanding: state.outstanding, dueDate: state.dueDate, issueDate: state.issueDate });
      }
      // The v2 index keys follow from it.
      const { attentionFrom: _attention, ...keys } = summaryIndexKeys(summary);
      expect(keys, c.invoice.id).toEqual(ledgerIndexKeys(c.invoice, c.logbook));
    }
  });

  it('the badge rule per invoice is "counted by badgeCount"', () => {
    for (const c of CASES.slice(0, 150)) {
      for (const offset of [0, 3, 8, 20]) {
        const today = addDays(lastDay(c), offset);
        const state = derive(c, today);
        expect(needsUserToday(state, today), `${c.invoice.id} on ${today}`).toBe(badgeCount([state], today) > 0);
      }
    }
  });

  it('attentionFrom ≤ today agrees exactly with the badge rule on every day after the latest event, the store re-searching the keys ≤ today on each new day', () => {
    let counted = 0;
    let searches = 0;
    for (const c of CASES) {
      const r = prng(c.logbook.length * 31 + 7);
      // Written with the logbook: searched from the latest event's day.
      let summary = summarise(c);
      expect(summary.searchedFrom).toBe(lastDay(c));
      // The days the badge is counted: every day, or after a few days away (browser closed).
      for (let today = lastDay(c); today <= addDays(lastDay(c), 150); today = addDays(today, r.chance(0.7) ? 1 : r.int(2, 9))) {
        if (attends(summary, today) && summary.searchedFrom < today) {
          summary = summarise(c, today);
          searches += 1;
        }
        const needs = needsUserToday(derive(c, today), today);
        expect(attends(summary, today), `${c.invoice.id} on ${today} (searched from ${summary.searchedFrom}, attention ${summary.attentionFrom})`).toBe(needs);
        if (needs) counted += 1;
      }
    }
    // The generator reaches the interesting cases.
    expect(counted).toBeGreaterThan(SEEDS);
    expect(searches).toBeGreaterThan(SEEDS / 2);
  });

  it('no day between the search start and attentionFrom needs the user (what lets the store leave those keys alone)', () => {
    for (const c of CASES.slice(0, 120)) {
      const summary = summarise(c);
      const end = summary.attentionFrom ?? addDays(summary.searchedFrom, 90);
      for (let day = summary.searchedFrom; day < end; day = addDays(day, 1)) expect(needsUserToday(derive(c, day), day), `${c.invoice.id} on ${day}`).toBe(false);
      if (summary.attentionFrom !== null) expect(needsUserToday(derive(c, summary.attentionFrom), summary.attentionFrom), c.invoice.id).toBe(true);
    }
  });
});

describe('the dashboard and the client history from summaries', () => {
  // Clients of 1 to 60 invoices: the random cases dealt to 12 clients.
  const clientOf = (index: number) => `client-${index % 12}`;
  const today = addDays(CASES.map(lastDay).reduce((a, b) => (b > a ? b : a)), 3);
  const states = CASES.map((c) => derive(c, today));
  const summaries = CASES.map((c) => summarise(c));

  it('aging, outstanding and DSO read from the summaries equal the derived ones', () => {
    const rows = summaries.map(summaryRow);
    const open = rows.filter((row) => row.open);
    expect(agingOfRows(open, today)).toEqual(agingBuckets(states, today));
    expect(outstandingByCurrency(open)).toEqual(outstandingByCurrency(states));
    for (const days of [30, 90, 365]) expect(dsoOfRows(open, rows, today, { days })).toEqual(daysSalesOutstanding(states, today, { days }));
  });

  it('clientHistoryFromTotals equals clientHistory, the totals kept by moves equal a recount', () => {
    for (let client = 0; client < 12; client += 1) {
      const clientId = clientOf(client);
      const mine = CASES.map((c, index) => ({ c, index })).filter(({ index }) => clientOf(index) === clientId);
      const ids = mine.map(({ c }) => c.invoice.id);
      const clientStates = mine.map(({ index }) => ({ ...states[index]!, clientId })).sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1));
      const totals = clientTotalsOf(
        clientId,
        mine.map(({ index }) => summaries[index]!),
      );
      // What the store's reverse scan of [clientId+dueDate] collects: the latest due first, counted ones only, ties kept.
      const byDueDesc = mine
        .map(({ index }) => ({ invoiceId: CASES[index]!.invoice.id, dueDate: summaries[index]!.dueDate, paidOn: summaries[index]!.paidOn }))
        .filter((record) => record.dueDate !== null)
        .sort((a, b) => (a.dueDate! !== b.dueDate! ? (a.dueDate! < b.dueDate! ? 1 : -1) : a.invoiceId < b.invoiceId ? 1 : -1));
      const window: typeof byDueDesc = [];
      for (const record of byDueDesc) {
        if (window.length >= DEFAULT_REPEAT_LATE_PAYER_RULE.lookback && record.dueDate !== window[window.length - 1]!.dueDate) break;
        if (countsForLatePayment(record, today)) window.push(record);
      }
      window.sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : 1));
      expect(clientHistoryFromTotals(totals, window, today), clientId).toEqual(clientHistory(clientId, clientStates, today));

      // Kept by moves: each invoice first summarised on a shorter logbook, then on its whole one.
      let kept: ClientTotals = clientTotalsOf(clientId, []);
      for (const { c } of mine) {
        const partial = invoiceSummary({ invoice: c.invoice, logbook: c.logbook.slice(0, Math.ceil(c.logbook.length / 2)), settings: SETTINGS, client: c.client });
        kept = moveClientTotals(kept, null, partial)!;
      }
      for (const { c, index } of mine) {
        const before = invoiceSummary({ invoice: c.invoice, logbook: c.logbook.slice(0, Math.ceil(c.logbook.length / 2)), settings: SETTINGS, client: c.client });
        const moved = moveClientTotals(kept, before, summaries[index]!);
        // Null: the latest payment day left; the store recounts.
        kept = moved ?? clientTotalsOf(clientId, [...mine.filter((other) => other.index !== index && ids.indexOf(other.c.invoice.id) > ids.indexOf(c.invoice.id)).map((other) => invoiceSummary({ invoice: other.c.invoice, logbook: other.c.logbook.slice(0, Math.ceil(other.c.logbook.length / 2)), settings: SETTINGS, client: other.c.client })), ...mine.filter((other) => ids.indexOf(other.c.invoice.id) <= ids.indexOf(c.invoice.id)).map((other) => summaries[other.index]!)]);
      }
      expect(kept, clientId).toEqual(totals);
    }
  });
});

describe('a client override that does not combine with the settings', () => {
  it('does not make the summary (so the write) fail: the user’s settings are used', () => {
    const c = CASES.find((k) => summarise(k).status === 'open' && k.invoice.dueDate !== null)!;
    // Second reminder before the first one: refused by the ladder once combined.
    const client = { ...c.client, chasing: { delays: { firstReminder: 40, secondReminder: 20 } } };
    expect(() => deriveInvoiceState(c.invoice, c.logbook, SETTINGS, lastDay(c), { client })).toThrow();
    expect(invoiceSummary({ invoice: c.invoice, logbook: c.logbook, settings: SETTINGS, client })).toEqual(invoiceSummary({ invoice: c.invoice, logbook: c.logbook, settings: SETTINGS, client: { ...client, chasing: null } }));
  });
});
