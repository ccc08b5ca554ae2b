/**
 * The compose command: inserts at the cursor the reminder due for the tracked invoice of the
 * conversation being answered, through the same router request as the panel's Draft button
 * (`reminder/draft`: same step, same logbook entry), delivered at the cursor instead of a new form.
 * Says what happened in the message's information bar; never sends.
 */
import type { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import type { IsoDate, Language } from '../core/model';
import type { InvoiceRecord } from '../protocol/messages';
import { translator, type MessageKey } from '../ui/i18n';
import { addinTranslator } from './addin-strings';
import { createOfficeWorker, OUTLOOK_ITEM } from './office-worker';

export type InsertOutcome = 'inserted' | 'no_conversation' | 'no_invoice' | 'failed';

/**
 * The invoice to chase among the conversation's: one that needs the user today by the badge's rule
 * (the store's `needingAttention`, as the task pane's list), else the first tracked.
 */
async function chosenInvoice(records: InvoiceRecord[], ledger: LedgerStore, today: IsoDate): Promise<InvoiceRecord | undefined> {
  if (records.length <= 1) return records[0];
  const needing = new Set((await ledger.needingAttention(today)).map((record) => record.invoice.id));
  return records.find((record) => needing.has(record.invoice.id)) ?? records[0];
}

export async function insertReminder(options: { mailbox: OutlookMailbox; ledger: LedgerStore; language: Language; today(): Promise<IsoDate> }): Promise<InsertOutcome> {
  const { mailbox, language } = options;
  const t = addinTranslator(language);
  const say = (text: string) => mailbox.setDueBar(text).catch((error: unknown) => console.warn('Relance: information bar', error));
  const conversationId = mailbox.conversationId();
  if (mailbox.itemMode() !== 'compose' || !conversationId) {
    await say(t('insertNoConversation'));
    return 'no_conversation';
  }
  const worker = createOfficeWorker({ ...options, deliverDraft: 'insert-at-cursor', afterLedgerChange: async () => undefined });
  const thread = { host: 'outlook' as const, account: mailbox.account(), threadId: conversationId };
  // The router drafts only for the thread the item shows: the compose item's conversation.
  await worker.deps.setTabThread(OUTLOOK_ITEM, {
    state: 'thread',
    snapshot: { ...thread, subject: '', uiLanguage: mailbox.uiLanguage(), messages: [] },
    reading: { kind: 'none', reason: 'no_readable_message' },
    at: Date.now(),
  });
  try {
    const records = await worker.ask({ type: 'invoice/list-for-thread', thread });
    const chosen = await chosenInvoice(records, options.ledger, await options.today());
    if (!chosen) {
      await say(t('insertNoInvoice'));
      return 'no_invoice';
    }
    const { draft } = await worker.ask({ type: 'reminder/draft', invoiceId: chosen.invoice.id, tabId: OUTLOOK_ITEM });
    await say(t('insertDone', { step: translator(language)(`step_${draft.step}` as MessageKey) }));
    return 'inserted';
  } catch (error) {
    await say(t('insertFailed', { reason: error instanceof Error ? error.message : String(error) }));
    return 'failed';
  }
}
