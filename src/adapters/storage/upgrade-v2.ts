/**
 * Schema v1 → v2: the skeleton's tracked invoices and two-kind logbook become the ledger's model
 * (src/core/ledger). Runs once, inside IndexedDB's upgrade transaction: if anything throws, the
 * whole upgrade is rolled back and the database stays at v1, unchanged.
 *
 * - invoices: `ledgerInvoiceFromV1` (the thread is the invoice's only proof), plus the index keys
 *   `open` / `openDueDate` from `ledgerIndexKeys`.
 * - clients: one per distinct client address (`clientIdForEmail`), named after the first invoice
 *   that gives a name (else the address), in that invoice's language, created when the first of
 *   its invoices was tracked.
 * - events: `ledgerEventsOf` (a v1 reminder without step was the skeleton's first reminder), then
 *   chained per invoice in storage-id order (the order they were appended) with `chainEvents`.
 *   Storage ids are kept. No facts snapshot is added to the v1 `tracked` events: the chain vouches
 *   for what was logged, not for what the migration could reconstruct.
 *
 * Records are kept even when they would not pass today's checks (an event whose invoice is gone is
 * still chained under its invoice id): an upgrade never drops data.
 */
import type { Transaction } from 'dexie';
import { ledgerEventsOf } from '../../core/chasing/tracked-invoice-plan';
import { chainEvents, clientIdForEmail, ledgerIndexKeys, ledgerInvoiceFromV1, type ChainedEvent, type Client, type LedgerEvent } from '../../core/ledger';
import type { LogEvent, TrackedInvoice } from '../../core/model';
import { StorageError, toStorageError } from './errors';
import type { StoredInvoiceV2 } from './schema';

export interface V2Records {
  invoices: StoredInvoiceV2[];
  clients: Client[];
  events: ChainedEvent[];
}

/** The client a v1 invoice implies (before merging with the other invoices of the same address). */
export function clientFromV1(invoice: Pick<TrackedInvoice, 'clientEmail' | 'clientName' | 'language' | 'trackedAt'>, id: string = clientIdForEmail(invoice.clientEmail)): Client {
  const email = invoice.clientEmail.trim().toLowerCase();
  return {
    id,
    name: invoice.clientName?.trim() || email || id,
    emails: email ? [email] : [],
    phone: null,
    language: invoice.language,
    country: null,
    b2b: true,
    flags: [],
    notes: '',
    chasing: null,
    jurisdiction: null,
    createdAt: invoice.trackedAt,
  };
}

/** The v2 records for v1 invoices and events (events in storage-id order). Pure. */
export function migrateV1ToV2(v1Invoices: readonly TrackedInvoice[], v1Events: readonly LogEvent[]): V2Records {
  const events = chainEvents(ledgerEventsOf([...v1Events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))));
  const byInvoice = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const list = byInvoice.get(event.invoiceId);
    if (list) list.push(event);
    else byInvoice.set(event.invoiceId, [event]);
  }

  const clients = new Map<string, Client>();
  // Oldest first, so a client is named and dated after its first invoice.
  for (const record of [...v1Invoices].sort((a, b) => (a.trackedAt < b.trackedAt ? -1 : a.trackedAt > b.trackedAt ? 1 : 0))) {
    const id = clientIdForEmail(record.clientEmail);
    const known = clients.get(id);
    if (!known) clients.set(id, clientFromV1(record, id));
    else if (known.name === known.emails[0] && record.clientName?.trim()) known.name = record.clientName.trim();
  }

  const invoices = v1Invoices.map((record): StoredInvoiceV2 => {
    const invoice = ledgerInvoiceFromV1(record);
    return { ...invoice, ...ledgerIndexKeys(invoice, byInvoice.get(invoice.id) ?? []) };
  });
  return { invoices, clients: [...clients.values()], events };
}

/** The Dexie upgrade function of version 2. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  try {
    const v1Invoices = (await tx.table('invoices').toArray()) as TrackedInvoice[];
    const v1Events = (await tx.table('events').toArray()) as LogEvent[];
    const { invoices, clients, events } = migrateV1ToV2(v1Invoices, v1Events);
    await tx.table('invoices').bulkPut(invoices);
    await tx.table('clients').bulkPut(clients);
    // Same storage ids: each v1 event is replaced by its chained version.
    await tx.table('events').bulkPut(events);
  } catch (error) {
    const storage = toStorageError(error);
    if (storage?.code === 'quota_exceeded') throw storage;
    throw new StorageError('upgrade_failed', `to version 2: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}
