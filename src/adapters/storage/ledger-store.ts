/**
 * The ledger's storage port over Dexie: the only code that writes invoices and logbook events.
 * Writes are transactions, so an interrupted write leaves nothing half-done.
 */
import type { IsoDate, LogEvent, LogEventKind, ReminderStep, TrackedInvoice } from '../../core/model';
import type { RelanceDatabase } from './schema';

export interface InvoiceWithEvents {
  invoice: TrackedInvoice;
  /** Newest first. */
  events: LogEvent[];
}

export interface EventInput {
  kind: LogEventKind;
  at: string;
  day: IsoDate;
  step?: ReminderStep;
}

export class LedgerStore {
  constructor(private readonly db: RelanceDatabase) {}

  /**
   * Stores the invoice if it is new and logs "tracked" once. Tracking an invoice already tracked
   * returns it unchanged (idempotent: two Gmail tabs may both ask).
   */
  async track(invoice: TrackedInvoice, when: { at: string; day: IsoDate }): Promise<{ record: InvoiceWithEvents; created: boolean }> {
    return this.db.transaction('rw', this.db.invoices, this.db.events, async () => {
      const existing = await this.db.invoices.get(invoice.id);
      if (!existing) {
        await this.db.invoices.add(invoice);
        await this.db.events.add({ invoiceId: invoice.id, kind: 'tracked', at: when.at, day: when.day });
      }
      const record = await this.get(invoice.id);
      if (!record) throw new Error(`invoice ${invoice.id} vanished inside its own transaction`);
      return { record, created: !existing };
    });
  }

  async appendEvent(invoiceId: string, event: EventInput): Promise<LogEvent> {
    return this.db.transaction('rw', this.db.invoices, this.db.events, async () => {
      if (!(await this.db.invoices.get(invoiceId))) throw new Error(`unknown invoice ${invoiceId}`);
      const entry: LogEvent = { invoiceId, ...event };
      entry.id = await this.db.events.add(entry);
      return entry;
    });
  }

  async get(invoiceId: string): Promise<InvoiceWithEvents | null> {
    const invoice = await this.db.invoices.get(invoiceId);
    if (!invoice) return null;
    return { invoice, events: await this.eventsOf(invoiceId) };
  }

  async forThread(account: string | null, threadId: string): Promise<InvoiceWithEvents[]> {
    // account may be null (Gmail did not show it): IndexedDB cannot index null, so filter.
    const invoices =
      account === null
        ? await this.db.invoices.filter((i) => i.account === null && i.threadId === threadId).toArray()
        : await this.db.invoices.where('[account+threadId]').equals([account, threadId]).toArray();
    return Promise.all(invoices.map(async (invoice) => ({ invoice, events: await this.eventsOf(invoice.id) })));
  }

  async all(): Promise<InvoiceWithEvents[]> {
    const [invoices, events] = await Promise.all([this.db.invoices.toArray(), this.db.events.toArray()]);
    const byInvoice = new Map<string, LogEvent[]>();
    for (const event of events) {
      const list = byInvoice.get(event.invoiceId) ?? [];
      list.push(event);
      byInvoice.set(event.invoiceId, list);
    }
    return invoices.map((invoice) => ({ invoice, events: newestFirst(byInvoice.get(invoice.id) ?? []) }));
  }

  private async eventsOf(invoiceId: string): Promise<LogEvent[]> {
    const events = await this.db.events.where('[invoiceId+at]').between([invoiceId, ''], [invoiceId, '\uffff']).toArray();
    return newestFirst(events);
  }
}

function newestFirst(events: LogEvent[]): LogEvent[] {
  return [...events].sort((a, b) => (a.at === b.at ? (b.id ?? 0) - (a.id ?? 0) : a.at < b.at ? 1 : -1));
}
