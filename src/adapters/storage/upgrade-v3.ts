/**
 * Schema v2 → v3: every invoice gets its summary (src/core/ledger/summary.ts) and the index keys
 * from it (`attentionFrom` added to `open` / `openDueDate`), every client its totals
 * (client-totals.ts), every day invoiced its sales (`dailySales`). Runs once, inside IndexedDB's upgrade transaction: if anything throws, the
 * whole upgrade is rolled back and the database stays at v2, unchanged. Nothing is removed or
 * rewritten but the invoice records' derived fields; events, clients and settings are read only.
 *
 * The attention search starts at each invoice's latest event (no attention day yet): the first
 * badge count brings the keys up to its day (LedgerStore.attentionCount).
 */
import type { Transaction } from 'dexie';
import { clientTotalsOf, dailySalesOf, DEFAULT_LEDGER_SETTINGS, type DailySales, invoiceSummary, summaryIndexKeys, type ChainedEvent, type Client, type ClientTotals, type InvoiceSummary, type LedgerEvent, type LedgerInvoice, type LedgerSettings } from '../../core/ledger';
import { StorageError, toStorageError } from './errors';
import type { MetaRecord, StoredInvoice, StoredInvoiceV2 } from './schema';

export interface V3Records {
  invoices: StoredInvoice[];
  clientTotals: ClientTotals[];
  dailySales: DailySales[];
}

/** The v2 record without its index keys. */
function plainInvoice(stored: StoredInvoiceV2 | StoredInvoice): LedgerInvoice {
  const { open: _open, openDueDate: _due, attentionFrom: _attention, summary: _summary, ...invoice } = stored as StoredInvoice;
  return invoice;
}

/** The v3 records for v2 invoices and events. Pure. */
export function migrateV2ToV3(v2Invoices: readonly StoredInvoiceV2[], events: readonly LedgerEvent[], clients: readonly Client[], settings: LedgerSettings | null): V3Records {
  const byInvoice = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const list = byInvoice.get(event.invoiceId);
    if (list) list.push(event);
    else byInvoice.set(event.invoiceId, [event]);
  }
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const resolved = settings ?? (structuredClone(DEFAULT_LEDGER_SETTINGS) as LedgerSettings);
  const byClient = new Map<string, InvoiceSummary[]>();
  const invoices = v2Invoices.map((stored): StoredInvoice => {
    const invoice = plainInvoice(stored);
    const summary = summaryOrDefault(invoice, byInvoice.get(invoice.id) ?? [], resolved, clientById.get(invoice.clientId) ?? null);
    const list = byClient.get(invoice.clientId);
    if (list) list.push(summary);
    else byClient.set(invoice.clientId, [summary]);
    return { ...invoice, ...summaryIndexKeys(summary), summary };
  });
  return {
    invoices,
    clientTotals: [...byClient].map(([clientId, summaries]) => clientTotalsOf(clientId, summaries)),
    dailySales: dailySalesOf(invoices.map((record) => record.summary)),
  };
}

/**
 * An upgrade never drops data: settings or a client override the ladder refuses (stored by an
 * older build) must not block it. That invoice's attention is then searched with the defaults.
 */
function summaryOrDefault(invoice: LedgerInvoice, logbook: readonly LedgerEvent[], settings: LedgerSettings, client: Client | null): InvoiceSummary {
  try {
    return invoiceSummary({ invoice, logbook, settings, client });
  } catch {
    return invoiceSummary({ invoice, logbook, settings: structuredClone(DEFAULT_LEDGER_SETTINGS) as LedgerSettings, client: null });
  }
}

/** The Dexie upgrade function of version 3. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  try {
    const [invoices, events, clients, settings] = await Promise.all([
      tx.table('invoices').toArray() as Promise<StoredInvoiceV2[]>,
      tx.table('events').toArray() as Promise<ChainedEvent[]>,
      tx.table('clients').toArray() as Promise<Client[]>,
      tx.table('meta').get('settings') as Promise<MetaRecord | undefined>,
    ]);
    const records = migrateV2ToV3(invoices, events, clients, settings?.key === 'settings' ? settings.value : null);
    await tx.table('invoices').bulkPut(records.invoices);
    await tx.table('clientTotals').bulkPut(records.clientTotals);
    await tx.table('dailySales').bulkPut(records.dailySales);
  } catch (error) {
    const storage = toStorageError(error);
    if (storage?.code === 'quota_exceeded') throw storage;
    throw new StorageError('upgrade_failed', `to version 3: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
