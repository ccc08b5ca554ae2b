import type { ThreadSnapshot } from './model';

/** An invoice number as compared and keyed: trimmed, case-insensitive ("f-12 " is F-12). */
function invoiceNumberKey(invoiceNumber: string): string {
  return invoiceNumber.trim().toUpperCase();
}

/** Whether two invoice numbers name the same invoice (trimmed, case-insensitive). */
export function sameInvoiceNumber(a: string, b: string): boolean {
  return invoiceNumberKey(a) === invoiceNumberKey(b);
}

/**
 * The stable key of a tracked invoice: one invoice number in one thread of one mailbox. Tracking the
 * same invoice twice (two tabs, a double click) maps to the same record.
 */
export function trackedInvoiceId(host: ThreadSnapshot['host'], account: string | null, threadId: string, invoiceNumber: string): string {
  return [host, account ?? '-', threadId, invoiceNumberKey(invoiceNumber)].join(':');
}
