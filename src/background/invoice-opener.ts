/**
 * How the dashboard opens an invoice where it was read: the host's mail program says which invoices
 * it can open (the dashboard shows an open button for those only: `hasThread`) and opens one. The
 * extension's service worker gives the Gmail one below; the Outlook task pane's in-process worker
 * gives its own (src/addin/office-worker.ts: the Outlook message the invoice was read from).
 */
import type { LedgerInvoice } from '../core/ledger';

export interface InvoiceOpener {
  /** Whether this host can open the invoice's message. */
  canOpen(invoice: LedgerInvoice): boolean;
  /** Opens it; rejects with why not. */
  open(invoice: LedgerInvoice): Promise<void>;
}

/** A host with nowhere to open an invoice (tests, a worker without a mail program). */
export const NO_INVOICE_OPENER: InvoiceOpener = {
  canOpen: () => false,
  open: () => Promise.reject(new Error('this host cannot open an invoice’s message')),
};

/** The extension's: the Gmail thread the invoice was read in, in a tab of its account (adapters/browser/gmail-tabs.ts). */
export function gmailInvoiceOpener(openThread: (account: string | null, threadId: string) => Promise<void>): InvoiceOpener {
  return {
    canOpen: (invoice) => invoice.host === 'gmail' && invoice.threadId !== null,
    async open({ host, account, threadId }) {
      if (host !== 'gmail' || threadId === null) throw new Error('this invoice has no Gmail thread');
      await openThread(account, threadId);
    },
  };
}
