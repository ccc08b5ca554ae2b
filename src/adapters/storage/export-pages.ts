/**
 * The store's side of the streamed backup export (src/background/backup-export.ts): the ledger read
 * a page at a time in key order, never whole. Each page is one read transaction, so what one page
 * gives is consistent (an invoice with exactly the events its chain head counts), while writes
 * between two pages (two Gmail tabs, the badge alarm) go on. Records come out as the backup writes
 * them (`ledgerInvoiceOf`: no summary or index keys; events in chain order).
 */
import type { ChainedEvent, Client, LedgerInvoice, LedgerSettings, UserTemplates } from '../../core/ledger';
import { onOpenDatabase } from './errors';
import { ledgerInvoiceOf } from './ledger-store';
import { settingsOf, templatesOf, type RelanceDatabase } from './schema';

export interface ExportStart {
  settings: LedgerSettings;
  templates: UserTemplates;
  /** Invoices when the export starts (for progress only: writes may change it). */
  invoices: number;
}

export interface InvoicePage {
  /** In `id` order, each with its events in chain order, read in the same transaction. */
  invoices: Array<{ invoice: LedgerInvoice; events: ChainedEvent[] }>;
  /**
   * The clients these invoices name that `isSent` said the file does not have yet (a client added
   * after its page was read), read in the same transaction; a client missing from the store is
   * simply absent (the restore will name the invoice).
   */
  newClients: Client[];
}

export class ExportPages {
  constructor(private readonly db: RelanceDatabase) {}

  async start(): Promise<ExportStart> {
    return this.run(() =>
      this.db.transaction('r', this.db.meta, this.db.invoices, async () => {
        const [settings, templates, invoices] = await Promise.all([this.db.meta.get('settings'), this.db.meta.get('templates'), this.db.invoices.count()]);
        return {
          settings: settingsOf(settings),
          templates: templatesOf(templates),
          invoices,
        };
      }),
    );
  }

  /** At most `limit` clients whose id comes after `after` (null: from the first). */
  async clientsAfter(after: string | null, limit: number): Promise<Client[]> {
    return this.run(() => (after === null ? this.db.clients.orderBy(':id') : this.db.clients.where(':id').above(after)).limit(limit).toArray());
  }

  /** At most `limit` invoices whose id comes after `after`, with their events and the clients not sent yet: one transaction. */
  async invoicesAfter(after: string | null, limit: number, isSent: (clientId: string) => boolean): Promise<InvoicePage> {
    return this.run(() =>
      this.db.transaction('r', this.db.invoices, this.db.events, this.db.clients, async () => {
        const stored = await (after === null ? this.db.invoices.orderBy(':id') : this.db.invoices.where(':id').above(after)).limit(limit).toArray();
        const first = stored[0];
        const last = stored[stored.length - 1];
        if (!first || !last) return { invoices: [], newClients: [] };
        // One range read for the page's events: [invoiceId+seq] holds each chain in order, and the
        // page's invoices are every invoice between its first and last id.
        const events = await this.db.events.where('[invoiceId+seq]').between([first.id, -Infinity], [last.id, Infinity], true, true).toArray();
        const byInvoice = new Map<string, ChainedEvent[]>(stored.map((invoice) => [invoice.id, []]));
        for (const event of events) byInvoice.get(event.invoiceId)?.push(event);
        const missing = [...new Set(stored.map((invoice) => invoice.clientId))].filter((id) => !isSent(id));
        const newClients = missing.length === 0 ? [] : (await this.db.clients.bulkGet(missing)).filter((client): client is Client => client !== undefined);
        return { invoices: stored.map((invoice) => ({ invoice: ledgerInvoiceOf(invoice), events: byInvoice.get(invoice.id) ?? [] })), newClients };
      }),
    );
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    return onOpenDatabase(this.db, operation);
  }
}
