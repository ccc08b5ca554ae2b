// @vitest-environment happy-dom
/**
 * The router run in the task pane with Office dependencies: the panel's requests reach the ledger,
 * and a draft goes to Outlook through the adapter; Outlook's refusal comes back as the request's
 * error, with nothing logged as drafted.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import { OfficeCallError } from '../adapters/outlook/office-call';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { openDatabase, sampleTrackedInvoice } from '../adapters/storage/storage.test-support';
import { ledgerInvoiceFromV1 } from '../core/ledger';
import type { DashboardView } from '../protocol/dashboard-messages';
import type { InvoiceFacts, ReminderDraft, ThreadSnapshot } from '../core/model';
import { createOfficeWorker, OUTLOOK_ITEM } from './office-worker';

const THREAD: ThreadSnapshot = { host: 'outlook', account: 'camille@atelier-durand.fr', threadId: 'AAQkConv=', subject: 'RE: Facture F-2026-032', uiLanguage: 'fr', messages: [] };
const FACTS: InvoiceFacts = {
  invoiceNumber: 'F-2026-032',
  amount: 1850,
  currency: 'EUR',
  issueDate: '2026-10-11',
  dueDate: '2026-11-10',
  terms: 'paiement à 30 jours',
  client: { email: 'sophie.lambert@lambert-conseil.fr', name: 'Sophie Lambert' },
  language: 'fr',
  messageId: 'AAMkReply',
  subject: 'Facture F-2026-032',
};

function fakeMailbox(behaviour: { openDraft?: (draft: ReminderDraft) => 'reply' | 'new_compose'; insertAtCursor?: (draft: ReminderDraft) => Promise<void> }) {
  const drafts: ReminderDraft[] = [];
  const opened: string[] = [];
  const mailbox = {
    openDraft: (draft: ReminderDraft) => (drafts.push(draft), behaviour.openDraft ? behaviour.openDraft(draft) : 'reply'),
    insertAtCursor: async (draft: ReminderDraft) => (drafts.push(draft), behaviour.insertAtCursor?.(draft)),
    openMessage: (itemId: string) => void opened.push(itemId),
  } as unknown as OutlookMailbox;
  return { mailbox, drafts, opened };
}

async function trackedWorker(mailbox: OutlookMailbox, deliverDraft: 'open-form' | 'insert-at-cursor') {
  const ledger = new LedgerStore(openDatabase());
  let changes = 0;
  const worker = createOfficeWorker({ mailbox, ledger, today: async () => '2026-11-20', deliverDraft, afterLedgerChange: async () => (changes += 1) });
  await worker.deps.setTabThread(OUTLOOK_ITEM, { state: 'thread', snapshot: THREAD, reading: { kind: 'none', reason: 'no_invoice_found' }, at: 0 });
  const record = await worker.ask({ type: 'invoice/track', facts: FACTS, thread: { host: 'outlook', account: THREAD.account, threadId: THREAD.threadId } });
  return { worker, ledger, record, changes: () => changes };
}

describe('the router in the task pane', () => {
  it('tracks through the same request as the extension, and drafts into Outlook’s reply form', async () => {
    const { mailbox, drafts } = fakeMailbox({});
    const { worker, ledger, record, changes } = await trackedWorker(mailbox, 'open-form');
    expect(record.invoice).toMatchObject({ host: 'outlook', threadId: 'AAQkConv=', invoiceNumber: 'F-2026-032' });
    const result = await worker.ask({ type: 'reminder/draft', invoiceId: record.invoice.id, tabId: OUTLOOK_ITEM });
    expect(result.mode).toBe('reply');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ language: 'fr', to: ['sophie.lambert@lambert-conseil.fr'] });
    expect((await ledger.get(record.invoice.id))!.logbook.map((event) => event.kind)).toEqual(['tracked', 'reminder_drafted']);
    expect(changes()).toBe(2);
  });

  it('Outlook refusing the form is the request’s error, and no draft is logged', async () => {
    const { mailbox } = fakeMailbox({
      openDraft: () => {
        throw new OfficeCallError('opening the reply form', 'exception', 'The item was closed.');
      },
    });
    const { worker, ledger, record } = await trackedWorker(mailbox, 'open-form');
    await expect(worker.ask({ type: 'reminder/draft', invoiceId: record.invoice.id, tabId: OUTLOOK_ITEM })).rejects.toThrow('exception: Outlook refused opening the reply form: The item was closed. (exception)');
    expect((await ledger.get(record.invoice.id))!.logbook.map((event) => event.kind)).toEqual(['tracked']);
  });

  it('the compose command delivers at the cursor instead', async () => {
    let inserted = 0;
    const { mailbox } = fakeMailbox({ insertAtCursor: async () => void (inserted += 1), openDraft: () => { throw new Error('must not open a form'); } });
    const { worker, record } = await trackedWorker(mailbox, 'insert-at-cursor');
    await worker.ask({ type: 'reminder/draft', invoiceId: record.invoice.id, tabId: OUTLOOK_ITEM });
    expect(inserted).toBe(1);
  });

  it('refuses to draft for a conversation the item does not show', async () => {
    const { mailbox, drafts } = fakeMailbox({});
    const { worker, record } = await trackedWorker(mailbox, 'open-form');
    await worker.deps.setTabThread(OUTLOOK_ITEM, { state: 'none', at: 1 });
    await expect(worker.ask({ type: 'reminder/draft', invoiceId: record.invoice.id, tabId: OUTLOOK_ITEM })).rejects.toThrow(/not open/);
    expect(drafts).toEqual([]);
  });

  it('the dashboard offers and opens the Outlook message an invoice was read from; one read in Gmail has nothing to open here', async () => {
    const { mailbox, opened } = fakeMailbox({});
    const { worker, ledger, record } = await trackedWorker(mailbox, 'open-form');
    const gmail = ledgerInvoiceFromV1(sampleTrackedInvoice({ id: 'gmail:c:t1:F-1', threadId: '19a0000000000001', invoiceNumber: 'F-1', dueDate: '2026-11-20', clientEmail: 'a@nomade.fr' }));
    await ledger.track(gmail, { at: '2026-11-01T08:00:00.000Z', day: '2026-11-01' });

    const view = ((await worker.send({ type: 'dashboard/load', account: null })) as { value: DashboardView }).value;
    expect(view.receivables.map((row) => [row.invoiceNumber, row.hasThread]).sort()).toEqual([['F-1', false], ['F-2026-032', true]]);
    expect(view.todayItems.map((item) => [item.invoiceNumber, item.hasThread]).sort()).toEqual([['F-1', false], ['F-2026-032', true]]);

    await expect(worker.send({ type: 'dashboard/open-thread', invoiceId: record.invoice.id })).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual(['AAMkReply']);
    await expect(worker.send({ type: 'dashboard/open-thread', invoiceId: gmail.id })).resolves.toEqual({ ok: false, error: 'this invoice has no message to open here' });
    await expect(worker.send({ type: 'dashboard/open-thread', invoiceId: 'gone' })).resolves.toEqual({ ok: false, error: 'unknown invoice' });
    expect(opened).toEqual(['AAMkReply']);
  });

  it('answers any page request as it came (send), and says when nothing handles one', async () => {
    const { mailbox } = fakeMailbox({});
    const { worker } = await trackedWorker(mailbox, 'open-form');
    await expect(worker.send({ type: 'dashboard/load', account: null })).resolves.toMatchObject({ ok: true, value: { receivables: [expect.objectContaining({ invoiceNumber: 'F-2026-032' })] } });
    await expect(worker.send({ type: 'no/such-request' })).rejects.toThrow('Relance does not handle no/such-request');
  });
});
