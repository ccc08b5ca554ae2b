// @vitest-environment happy-dom
/**
 * The task pane's controller: an invoice read from the history a message quotes is tracked with
 * that message's Outlook item (the one to open later from today's list), and the list opens it
 * through the adapter. The Office adapter is faked at its boundary (OutlookMailbox).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { openDatabase } from '../adapters/storage/storage.test-support';
import type { InvoiceFacts, MailMessage, ThreadSnapshot } from '../core/model';
import { createTaskPane } from './taskpane-controller';

const ITEM = 'AAMkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgBGAAAD1yXq-reply';
const message = (over: Partial<MailMessage>): MailMessage => ({ id: null, from: null, to: [], cc: [], date: null, bodyText: 'x', attachments: [], collapsed: false, ...over });
// The client's reply (the selected item) quoting Camille's invoice (no item of its own).
const SNAPSHOT: ThreadSnapshot = {
  host: 'outlook',
  account: 'camille@atelier-durand.fr',
  threadId: 'AAQkConv=',
  subject: 'RE: Facture F-2026-032',
  uiLanguage: 'fr',
  messages: [message({ from: { name: null, email: 'camille@atelier-durand.fr' } }), message({ id: ITEM, from: { name: null, email: 'sophie@lambert.fr' } })],
};
const FACTS: InvoiceFacts = {
  invoiceNumber: 'F-2026-032',
  amount: 1850,
  currency: 'EUR',
  issueDate: '2026-10-11',
  dueDate: '2026-11-10',
  terms: null,
  client: { email: 'sophie@lambert.fr', name: 'Sophie Lambert' },
  language: 'fr',
  messageId: null,
  subject: 'Facture F-2026-032',
};

function paneOver(snapshot: ThreadSnapshot) {
  const opened: string[] = [];
  const bars: Array<string | null> = [];
  const mailbox = {
    itemMode: () => 'read',
    readThread: async () => snapshot,
    setDueBar: async (text: string | null) => void bars.push(text),
    openMessage: (itemId: string) => void opened.push(itemId),
  } as unknown as OutlookMailbox;
  const ledger = new LedgerStore(openDatabase());
  const pane = createTaskPane({ mailbox, ledger, language: 'fr', today: async () => '2026-11-20' });
  return { pane, ledger, opened, bars };
}

describe('the task pane controller', () => {
  it('tracks an invoice read from quoted history with the item that quotes it, and today’s list opens that item', async () => {
    const { pane, ledger, opened, bars } = paneOver(SNAPSHOT);
    await pane.followSelection();
    const thread = { host: 'outlook' as const, account: SNAPSHOT.account, threadId: SNAPSHOT.threadId };
    const record = await pane.ports.ledger.track(FACTS, thread);
    expect(record.invoice.messageId).toBe(ITEM);
    expect((await ledger.get(record.invoice.id))!.invoice.proofs).toEqual([expect.objectContaining({ host: 'outlook', messageId: ITEM })]);
    // Ten days past due: the first reminder is due, the list has it with the item, the bar says so.
    await expect.poll(() => pane.due()?.map((item) => [item.invoiceNumber, item.outlookItemId])).toEqual([['F-2026-032', ITEM]]);
    expect(bars.at(-1)).toMatch(/^Relance : la facture F-2026-032 /);
    pane.openMessage(pane.due()![0]!);
    expect(opened).toEqual([ITEM]);
  });

  it('keeps the engine’s own message id, and adds none for a thread the pane does not show', async () => {
    const { pane } = paneOver(SNAPSHOT);
    await pane.followSelection();
    const own = await pane.ports.ledger.track({ ...FACTS, messageId: 'AAMkInvoiceItself' }, { host: 'outlook', account: SNAPSHOT.account, threadId: SNAPSHOT.threadId });
    expect(own.invoice.messageId).toBe('AAMkInvoiceItself');
    const elsewhere = await pane.ports.ledger.track({ ...FACTS, invoiceNumber: 'F-2026-099' }, { host: 'outlook', account: SNAPSHOT.account, threadId: 'AAQkOther=' });
    expect(elsewhere.invoice.messageId).toBeNull();
  });

  it('switches language: new ports for the panel, today’s list and the bar relabelled', async () => {
    const { pane, bars } = paneOver(SNAPSHOT);
    await pane.followSelection();
    await pane.ports.ledger.track(FACTS, { host: 'outlook', account: SNAPSHOT.account, threadId: SNAPSHOT.threadId });
    await expect.poll(() => pane.due()?.map((item) => item.action)).toEqual([expect.stringMatching(/^première relance amicale/)]);
    const frenchPorts = pane.ports;
    await pane.setLanguage('en');
    expect(pane.ports).not.toBe(frenchPorts);
    expect(pane.ports.language).toBe('en');
    expect(pane.ports.mailApp).toBe('Outlook');
    expect(pane.due()?.map((item) => item.action)).toEqual([expect.stringMatching(/^friendly first reminder/)]);
    expect(bars.at(-1)).toMatch(/^Relance: invoice F-2026-032 /);
  });
});
