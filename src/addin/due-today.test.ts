/**
 * What stands in for the badge in Outlook: today's invoices by the badge's own rule (the store's
 * `needingAttention`, with the user's settings and the client's), and the information bar's text.
 * The list, the bar and the extension's badge count (LedgerStore.attentionCount) must agree.
 */
import { describe, expect, it } from 'vitest';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { openDatabase, sampleTrackedInvoice } from '../adapters/storage/storage.test-support';
import { addDays } from '../core/dates';
import { deriveInvoiceState, needsUserToday } from '../core/ledger';
import { randomLedger } from '../core/ledger/ledger.test-support';
import type { IsoDate } from '../core/model';
import { dueBarText, dueToday } from './due-today';

const CONVERSATION = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAw';
const ITEM = 'AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply';
const TODAY = '2026-11-20';

/**
 * The user's ladder sends the first reminder 4 days after the due date (the default says 7), and
 * the client of F-2026-060 promised to pay today: the default ladder lists neither.
 */
async function ledgerWithUserSettings(): Promise<LedgerStore> {
  const ledger = new LedgerStore(openDatabase());
  const when = { at: '2026-11-01T08:00:00.000Z', day: '2026-11-01' };
  await ledger.putSettings({ ...(await ledger.getSettings()), chasing: { delays: { firstReminder: 4 } } });
  // Due 4 days ago: the user's first reminder (due + 3) is due.
  await ledger.track(sampleTrackedInvoice({ id: 'outlook:camille@atelier-durand.fr:conv:F-2026-032', host: 'outlook', threadId: CONVERSATION, messageId: ITEM, invoiceNumber: 'F-2026-032', clientName: 'Sophie Lambert', clientEmail: 'sophie@lambert.fr', amount: 1850, dueDate: '2026-11-16' }), when);
  // Due 3 days ago, first reminder sent; the client promised to pay today.
  await ledger.track(sampleTrackedInvoice({ id: 'gmail:x:t6:F-2026-060', threadId: 't6', invoiceNumber: 'F-2026-060', clientName: 'Paul Martin', clientEmail: 'paul@martin.fr', dueDate: '2026-11-17', issueDate: '2026-10-18' }), when);
  await ledger.appendEvent('gmail:x:t6:F-2026-060', { kind: 'reminder_sent', step: 'first_reminder', at: '2026-11-18T09:00:00.000Z', day: '2026-11-18' });
  await ledger.appendEvent('gmail:x:t6:F-2026-060', { kind: 'promise', promisedDate: TODAY, at: '2026-11-19T09:00:00.000Z', day: '2026-11-19' });
  // Due in a month: nothing today.
  await ledger.track(sampleTrackedInvoice({ id: 'gmail:x:t3:F-2026-050', invoiceNumber: 'F-2026-050', threadId: 't3', dueDate: '2026-12-20' }), when);
  return ledger;
}

describe('dueToday: the badge’s invoices, labelled', () => {
  it('reads the user’s settings and the promises: the first reminder at due + 4, a payment promised for today', async () => {
    const ledger = await ledgerWithUserSettings();
    const items = await dueToday(ledger, TODAY, 'fr');
    expect(items.map((item) => [item.invoiceNumber, item.client, item.amount, item.action, item.outlookItemId])).toEqual([
      ['F-2026-032', 'Sophie Lambert', '1\u202f850,00\u00a0€', expect.stringMatching(/^première relance amicale/), ITEM],
      ['F-2026-060', 'Paul Martin', '2\u202f400,00\u00a0€', 'paiement promis pour aujourd’hui : vérifiez qu’il est arrivé', null],
    ]);
    expect(await ledger.attentionCount(TODAY)).toBe(2);
    expect((await dueToday(ledger, TODAY, 'en')).map((item) => item.action)).toEqual([expect.stringMatching(/^friendly first reminder/), 'payment promised for today: check it came in']);
  });

  it('an invoice due today with nothing else to do says so; one chased today leaves the list and the count', async () => {
    const ledger = new LedgerStore(openDatabase());
    await ledger.putSettings({ ...(await ledger.getSettings()), chasing: { delays: { preReminder: null } } });
    await ledger.track(sampleTrackedInvoice({ dueDate: TODAY }), { at: '2026-11-01T08:00:00.000Z', day: '2026-11-01' });
    expect((await dueToday(ledger, TODAY, 'fr')).map((item) => item.action)).toEqual(['échéance aujourd’hui']);
    expect((await dueToday(ledger, TODAY, 'en')).map((item) => item.action)).toEqual(['due today']);

    const chased = await ledgerWithUserSettings();
    await chased.appendEvent('outlook:camille@atelier-durand.fr:conv:F-2026-032', { kind: 'reminder_drafted', at: `${TODAY}T09:00:00.000Z`, day: TODAY, step: 'first_reminder' });
    expect((await dueToday(chased, TODAY, 'fr')).map((item) => item.invoiceNumber)).toEqual(['F-2026-060']);
    expect(await chased.attentionCount(TODAY)).toBe(1);
  });

  it('the list, the information bar and the badge count agree on random ledgers, days going by', async () => {
    let listed = 0;
    for (let seed = 1; seed <= 12; seed += 1) {
      const contents = randomLedger(seed);
      if (contents.invoices.length === 0) continue;
      const ledger = new LedgerStore(openDatabase());
      await ledger.replaceAll(contents);
      const latest = contents.events.reduce<IsoDate>((last, event) => (event.day > last ? event.day : last), '2026-01-01');
      for (const today of [latest, addDays(latest, 2), addDays(latest, 9), addDays(latest, 31)]) {
        const items = await dueToday(ledger, today, 'fr');
        const clients = new Map(contents.clients.map((client) => [client.id, client]));
        const needing = contents.invoices.filter((invoice) =>
          needsUserToday(deriveInvoiceState(invoice, contents.events.filter((event) => event.invoiceId === invoice.id), contents.settings, today, { client: clients.get(invoice.clientId) ?? null }), today),
        );
        const where = `seed ${seed} on ${today}`;
        expect(items.map((item) => item.invoiceId).sort(), where).toEqual(needing.map((invoice) => invoice.id).sort());
        expect(items, where).toHaveLength(await ledger.attentionCount(today));
        for (const invoice of contents.invoices.filter((one) => one.threadId !== null)) {
          const bar = dueBarText(items, { account: invoice.account, threadId: invoice.threadId! }, 'fr');
          const threadNeeds = needing.some((other) => other.threadId === invoice.threadId && other.account === invoice.account);
          expect(bar !== null, `${where}: bar on ${invoice.id}`).toBe(threadNeeds);
        }
        listed += items.length;
      }
    }
    expect(listed).toBeGreaterThan(5);
  });
});

describe('dueBarText', () => {
  it('names the open conversation’s invoice and its action; nothing for another conversation or none', async () => {
    const items = await dueToday(await ledgerWithUserSettings(), TODAY, 'fr');
    expect(dueBarText(items, { account: 'camille@atelier-durand.fr', threadId: CONVERSATION }, 'fr')).toMatch(/^Relance : la facture F-2026-032 \(Sophie Lambert\) demande votre attention aujourd’hui : première relance amicale/);
    expect(dueBarText(items, { account: 'camille@atelier-durand.fr', threadId: 'another' }, 'fr')).toBeNull();
    expect(dueBarText(items, null, 'fr')).toBeNull();
  });
});
