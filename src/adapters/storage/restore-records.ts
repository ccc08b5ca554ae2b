/**
 * What a restore writes besides the records themselves, shared by `LedgerStore.replaceAll` (a
 * whole ledger in memory) and the staged restore (restore-staging.ts, a ledger of any size read in
 * chunks): each invoice's summary and index keys, each client's totals, the sales per day.
 */
import { clientTotalsOf, dailySalesOf, invoiceSummary, moveClientTotals, summaryIndexKeys, type Client, type ClientTotals, type DailySales, type InvoiceSummary, type LedgerEvent, type LedgerInvoice, type LedgerSettings } from '../../core/ledger';
import { ledgerInvoiceOf } from './ledger-store';
import type { StoredInvoice } from './schema';

/** The invoice as stored: its summary from its whole logbook (chain order) and the index keys from it. */
export function storedWithSummary(invoice: LedgerInvoice, logbook: readonly LedgerEvent[], settings: LedgerSettings, client: Client | null): StoredInvoice {
  const plain = ledgerInvoiceOf(invoice);
  const summary = invoiceSummary({ invoice: plain, logbook, settings, client });
  return { ...plain, ...summaryIndexKeys(summary), summary };
}

type SalePart = Pick<InvoiceSummary, 'issueDate' | 'currency' | 'amountCents'>;

/** Client totals and daily sales of invoices added one by one (memory: one entry per client, one small record per invoice). */
export class RestoreTotals {
  private readonly totals = new Map<string, ClientTotals>();
  private readonly sales: SalePart[] = [];

  add(clientId: string, summary: InvoiceSummary): void {
    const before = this.totals.get(clientId);
    // From nothing (or adding only), the totals move in place: never null.
    this.totals.set(clientId, before ? (moveClientTotals(before, null, summary) ?? clientTotalsOf(clientId, [summary])) : clientTotalsOf(clientId, [summary]));
    this.sales.push({ issueDate: summary.issueDate, currency: summary.currency, amountCents: summary.amountCents });
  }

  clientTotals(): ClientTotals[] {
    return [...this.totals.values()];
  }

  dailySales(): DailySales[] {
    return dailySalesOf(this.sales);
  }
}
