/**
 * What stands in for the toolbar badge in Outlook (an add-in cannot badge its ribbon button): the
 * list of today's invoices at the top of the task pane, and the information bar on a message whose
 * tracked invoice is among them.
 *
 * ONE rule with the extension's badge: the invoices the store counts (`LedgerStore.attentionCount`,
 * queries.ts `needsUserToday`: due that day, or an item of `actionsDueToday`), read from the same
 * index (`needingAttention`: `attentionFrom` ≤ today, so the cost is the answer's, never the whole
 * ledger), each labelled with its first item of `actionsDueToday` derived with the USER'S settings
 * and the client's (as the store's summaries are, with the same fallback when a client's override
 * does not combine), or "due today" when that is all it is.
 */
import { formatMoney } from '../core/format';
import { actionsDueToday, deriveLeniently, type ActionItem, type Client, type InvoiceState, type LedgerSettings } from '../core/ledger';
import type { IsoDate, Language } from '../core/model';
import type { LedgerRecord, LedgerStore } from '../adapters/storage/ledger-store';
import { translator } from '../ui/i18n';
import { actionLabel } from '../ui/NextAction';
import { addinTranslator, type AddinTranslate } from './addin-strings';

export interface DueItem {
  invoiceId: string;
  invoiceNumber: string;
  client: string;
  amount: string | null;
  /** Today's first action in words, or "due today". */
  action: string;
  threadId: string | null;
  account: string | null;
  /** The Outlook item the invoice was read from (EWS id, what displayMessageForm opens); null when it was not read in Outlook. */
  outlookItemId: string | null;
}

/** What the list reads of the store: the badge's invoices, the settings, their clients. */
export type DueLedger = Pick<LedgerStore, 'needingAttention' | 'getSettings' | 'getClients'>;

export async function dueToday(ledger: DueLedger, today: IsoDate, language: Language): Promise<DueItem[]> {
  const records = await ledger.needingAttention(today);
  const [settings, clients] = await Promise.all([ledger.getSettings(), ledger.getClients(records.map((record) => record.invoice.clientId))]);
  return dueItems(records, settings, clients, today, language);
}

/** The Outlook item to open for an invoice: its main proof's when read in Outlook, else the first Outlook proof's. */
export function outlookItemOf({ invoice }: Pick<LedgerRecord, 'invoice'>): string | null {
  if (invoice.host === 'outlook' && invoice.messageId) return invoice.messageId;
  return invoice.proofs.find((proof) => proof.host === 'outlook' && proof.messageId)?.messageId ?? null;
}

function labelOf(item: ActionItem | undefined, language: Language, t: AddinTranslate): string {
  const ui = translator(language, 'Outlook');
  if (!item) return ui('dueToday');
  if (item.action) return actionLabel(item.action, ui);
  return t(item.type === 'promise_due' ? 'duePromiseToday' : 'dueInstalmentToday');
}

/** The items of these records (the invoices that need the user today), most overdue first as `actionsDueToday` orders them. */
export function dueItems(records: readonly LedgerRecord[], settings: LedgerSettings, clients: readonly Client[], today: IsoDate, language: Language): DueItem[] {
  const t = addinTranslator(language);
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const rows: Array<{ record: LedgerRecord; state: InvoiceState | null }> = records.map((record) => {
    try {
      return { record, state: deriveLeniently(record.invoice, record.logbook, settings, today, clientById.get(record.invoice.clientId) ?? null) };
    } catch {
      // A record the ladder cannot read still needs the user (the badge counts it): listed, unlabelled.
      return { record, state: null };
    }
  });
  const days = (row: (typeof rows)[number]) => row.state?.daysPastDue ?? -Infinity;
  rows.sort((a, b) => days(b) - days(a) || (a.record.invoice.invoiceNumber < b.record.invoice.invoiceNumber ? -1 : a.record.invoice.invoiceNumber > b.record.invoice.invoiceNumber ? 1 : 0));
  return rows.map(({ record, state }) => {
    const { invoice } = record;
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.invoiceNumber,
      client: invoice.clientName || invoice.clientEmail,
      amount: invoice.amount === null || invoice.currency === null ? null : formatMoney(invoice.amount, invoice.currency, language),
      action: state ? labelOf(actionsDueToday([state], today)[0], language, t) : t('dueCheck'),
      threadId: invoice.threadId,
      account: invoice.account,
      outlookItemId: outlookItemOf(record),
    };
  });
}

/** The information bar's text for the open conversation, or null when none of its invoices needs the user today. */
export function dueBarText(items: readonly DueItem[], thread: { account: string | null; threadId: string } | null, language: Language): string | null {
  if (!thread) return null;
  const item = items.find((due) => due.threadId === thread.threadId && (due.account ?? null) === thread.account);
  return item ? addinTranslator(language)('dueBar', { invoice: item.invoiceNumber, client: item.client, action: item.action }) : null;
}
