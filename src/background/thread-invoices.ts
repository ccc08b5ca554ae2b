/**
 * "This thread's invoices, or the same invoice tracked from another thread": the ledger records of a
 * thread, and those with the same number for the same client (the invoice chased in a follow-up
 * thread). One lookup for the panel's list (router.ts) and "already tracked" in "Find my invoices".
 */
import { sameInvoiceNumber } from '../core/invoice-id';
import type { InvoiceWithEvents, LedgerStore } from '../adapters/storage/ledger-store';
import type { InvoiceKey } from '../protocol/messages';

export type ThreadInvoicesLedger = Pick<LedgerStore, 'forThread' | 'clientByEmail' | 'clientInvoices' | 'get'>;

export async function threadInvoices(ledger: ThreadInvoicesLedger, thread: { account: string | null; threadId: string }, also: readonly InvoiceKey[]): Promise<InvoiceWithEvents[]> {
  const stored = await ledger.forThread(thread.account, thread.threadId);
  const ids = new Set(stored.map((record) => record.invoice.id));
  for (const key of also) {
    const client = await ledger.clientByEmail(key.clientEmail);
    if (!client) continue;
    for (const other of await ledger.clientInvoices(client.id)) {
      if (ids.has(other.invoice.id) || !sameInvoiceNumber(other.invoice.invoiceNumber, key.invoiceNumber)) continue;
      const found = await ledger.get(other.invoice.id);
      if (found) {
        ids.add(found.invoice.id);
        stored.push(found);
      }
    }
  }
  return stored;
}
