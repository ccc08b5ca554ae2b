/**
 * What stands in for the badge in Outlook: today's actions from the ledger, and the information
 * bar's text for the open conversation.
 */
import { describe, expect, it } from 'vitest';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { openDatabase, sampleTrackedInvoice } from '../adapters/storage/storage.test-support';
import { dueBarText, dueToday } from './due-today';

const CONVERSATION = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAw';

async function ledgerWithThreeInvoices(): Promise<LedgerStore> {
  const ledger = new LedgerStore(openDatabase());
  const when = { at: '2026-11-01T08:00:00.000Z', day: '2026-11-01' };
  // Overdue by 10 days: the friendly first reminder is due (due + 7).
  await ledger.track(sampleTrackedInvoice({ id: 'outlook:camille@atelier-durand.fr:conv:F-2026-032', host: 'outlook', threadId: CONVERSATION, invoiceNumber: 'F-2026-032', clientName: 'Sophie Lambert', clientEmail: 'sophie@lambert.fr', amount: 1850, dueDate: '2026-11-10' }), when);
  // Due in 3 days: the pre-reminder day.
  await ledger.track(sampleTrackedInvoice({ id: 'gmail:x:t2:F-2026-041', invoiceNumber: 'F-2026-041', dueDate: '2026-11-23' }), when);
  // Due in a month: nothing today.
  await ledger.track(sampleTrackedInvoice({ id: 'gmail:x:t3:F-2026-050', invoiceNumber: 'F-2026-050', threadId: 't3', dueDate: '2026-12-20' }), when);
  return ledger;
}

describe('dueToday', () => {
  it('lists the invoices whose ladder has an action today, oldest due date first, in words', async () => {
    const ledger = await ledgerWithThreeInvoices();
    const items = dueToday(await ledger.openInvoices(), '2026-11-20', 'fr');
    expect(items.map((item) => [item.invoiceNumber, item.client, item.amount, item.action])).toEqual([
      ['F-2026-032', 'Sophie Lambert', '1\u202f850,00\u00a0€', expect.stringMatching(/^première relance amicale/)],
      ['F-2026-041', 'Julien Morel', '2\u202f400,00\u00a0€', 'pré-relance (l’échéance approche)'],
    ]);
    expect(dueToday(await ledger.openInvoices(), '2026-11-20', 'en').map((item) => item.action)).toEqual([expect.stringMatching(/^friendly first reminder/), 'pre-reminder (the due date is near)']);
  });

  it('an invoice chased today leaves the list', async () => {
    const ledger = await ledgerWithThreeInvoices();
    await ledger.appendEvent('outlook:camille@atelier-durand.fr:conv:F-2026-032', { kind: 'reminder_drafted', at: '2026-11-20T09:00:00.000Z', day: '2026-11-20', step: 'first_reminder' });
    expect(dueToday(await ledger.openInvoices(), '2026-11-20', 'fr').map((item) => item.invoiceNumber)).toEqual(['F-2026-041']);
  });
});

describe('dueBarText', () => {
  it('names the open conversation’s invoice and its action; nothing for another conversation or none', async () => {
    const items = dueToday(await (await ledgerWithThreeInvoices()).openInvoices(), '2026-11-20', 'fr');
    expect(dueBarText(items, { account: 'camille@atelier-durand.fr', threadId: CONVERSATION }, 'fr')).toMatch(/^Relance : la facture F-2026-032 \(Sophie Lambert\) demande votre attention aujourd’hui : première relance amicale/);
    expect(dueBarText(items, { account: 'camille@atelier-durand.fr', threadId: 'another' }, 'fr')).toBeNull();
    expect(dueBarText(items, null, 'fr')).toBeNull();
  });
});
