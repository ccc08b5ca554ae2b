import type { ThreadSnapshot } from './model';

/**
 * The stable key of a tracked invoice: one invoice number in one thread of one mailbox. Tracking the
 * same invoice twice (two tabs, a double click) maps to the same record.
 */
export function trackedInvoiceId(host: ThreadSnapshot['host'], account: string | null, threadId: string, invoiceNumber: string): string {
  return [host, account ?? '-', threadId, invoiceNumber.trim().toUpperCase()].join(':');
}
