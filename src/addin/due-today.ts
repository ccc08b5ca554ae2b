/**
 * What stands in for the toolbar badge in Outlook (an add-in cannot badge its ribbon button): the
 * list of today's actions at the top of the task pane, and the information bar on a message whose
 * tracked invoice has one. Both read the ladder's `today` (the panel's "À faire aujourd'hui").
 */
import type { ChasingAction } from '../core/chasing/next-actions';
import { planForTrackedInvoice } from '../core/chasing/tracked-invoice-plan';
import { formatMoney } from '../core/format';
import type { IsoDate, Language, TrackedInvoice } from '../core/model';
import type { LedgerInvoice } from '../core/ledger';
import type { LedgerRecord } from '../adapters/storage/ledger-store';
import { translator } from '../ui/i18n';
import { actionLabel } from '../ui/NextAction';
import { addinTranslator } from './addin-strings';

export interface DueItem {
  invoiceId: string;
  invoiceNumber: string;
  client: string;
  amount: string | null;
  /** Today's first action, in words. */
  action: string;
  threadId: string | null;
  account: string | null;
}

/** The ladder reads a ledger invoice as the v1 record it extends; one typed in has no thread. */
function asTracked(invoice: LedgerInvoice): TrackedInvoice {
  return { ...invoice, host: invoice.host ?? 'outlook', threadId: invoice.threadId ?? '' };
}

export function dueToday(records: readonly LedgerRecord[], today: IsoDate, language: Language): DueItem[] {
  const t = translator(language, 'Outlook');
  const items: Array<DueItem & { sortKey: string }> = [];
  for (const { invoice, logbook } of records) {
    let first: ChasingAction | undefined;
    try {
      first = planForTrackedInvoice(asTracked(invoice), logbook, today).today[0];
    } catch {
      continue; // One damaged record never hides the others' actions.
    }
    if (!first) continue;
    items.push({
      invoiceId: invoice.id,
      invoiceNumber: invoice.invoiceNumber,
      client: invoice.clientName || invoice.clientEmail,
      amount: invoice.amount === null || invoice.currency === null ? null : formatMoney(invoice.amount, invoice.currency, language),
      action: actionLabel(first, t),
      threadId: invoice.threadId,
      account: invoice.account,
      sortKey: `${invoice.dueDate ?? '9999'}:${invoice.invoiceNumber}`,
    });
  }
  return items.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0)).map(({ sortKey: _sortKey, ...item }) => item);
}

/** The information bar's text for the open conversation, or null when none of its invoices has an action today. */
export function dueBarText(items: readonly DueItem[], thread: { account: string | null; threadId: string } | null, language: Language): string | null {
  if (!thread) return null;
  const item = items.find((due) => due.threadId === thread.threadId && (due.account ?? null) === thread.account);
  return item ? addinTranslator(language)('dueBar', { invoice: item.invoiceNumber, client: item.client, action: item.action }) : null;
}
