/**
 * The staged restore (schema v4): a backup of any size, read in chunks by the streaming reader
 * (src/core/ledger/backup-stream.ts), is written into the `restore*` tables as it is checked; only
 * `commit` swaps it into the ledger, in ONE read-write transaction over the ledger's tables and the
 * staging tables (cleared by the same transaction). Until then the ledger is untouched: an abort, a
 * refused chunk, a closed page or a stopped service worker leave at most a stale staging, which the
 * next `begin` (or `abort`) clears.
 *
 * Memory: one batch at a time while staging; the commit copies page by page (PAGE records), holding
 * one entry per client and one small sale record per invoice for the totals (restore-records.ts).
 * Summaries are computed while staging, as `replaceAll` computes them (`storedWithSummary`).
 */
import { chainsVerified, LedgerValidationError, verifyChain, type BackupBatch, type Client } from '../../core/ledger';
import { StorageError, onOpenDatabase } from './errors';
import { RestoreTotals, storedWithSummary } from './restore-records';
import { settingsOf, templatesOf, type RelanceDatabase, type StagedEvent, type StoredInvoice } from './schema';

/** Records copied per read at commit. */
const PAGE = 5_000;

export interface StagedCounts {
  clients: number;
  invoices: number;
  events: number;
}

export class RestoreStaging {
  constructor(private readonly db: RelanceDatabase) {}

  /** Starts a restore `id`: clears whatever an earlier restore left staged. */
  async begin(id: string, startedAt: string): Promise<void> {
    await this.run(() =>
      this.db.transaction('rw', this.stagingTables(), async () => {
        await this.clearStaging();
        await this.db.restoreMeta.put({ key: 'session', value: { id, startedAt } });
      }),
    );
  }

  /**
   * Stages checked records of restore `id` (one transaction). Events whose chains the reader did
   * not verify (`chainsVerified`) are verified here. Summaries use the staged settings and clients.
   */
  async stage(id: string, batch: BackupBatch): Promise<void> {
    if (!batch.settings && !batch.templates && batch.clients.length === 0 && batch.groups.length === 0) return;
    for (const group of batch.groups) {
      const stranger = group.events.find((event) => event.invoiceId !== group.invoice.id);
      if (stranger) throw new LedgerValidationError('ledger', [{ field: 'events', code: 'inconsistent', message: `an event of ${stranger.invoiceId} staged with invoice ${group.invoice.id}` }]);
      if (!chainsVerified(group.events)) {
        const verdict = verifyChain(group.events);
        if (!verdict.ok) throw new LedgerValidationError('ledger', [{ field: 'events', code: 'inconsistent', message: verdict.first.message }]);
      }
    }
    await this.run(() =>
      this.db.transaction('rw', this.stagingTables(), async () => {
        await this.checkSession(id);
        if (batch.settings) await this.db.restoreMeta.put({ key: 'settings', value: batch.settings });
        if (batch.templates) await this.db.restoreMeta.put({ key: 'templates', value: batch.templates });
        if (batch.clients.length > 0) await this.db.restoreClients.bulkAdd(batch.clients);
        if (batch.groups.length === 0) return;
        const settings = settingsOf(await this.db.restoreMeta.get('settings'));
        const clientIds = [...new Set(batch.groups.map((group) => group.invoice.clientId))];
        const clients = new Map<string, Client>();
        for (const client of await this.db.restoreClients.bulkGet(clientIds)) if (client) clients.set(client.id, client);
        const invoices: StoredInvoice[] = [];
        const events: StagedEvent[] = [];
        for (const { invoice, events: logbook } of batch.groups) {
          invoices.push(storedWithSummary(invoice, logbook, settings, clients.get(invoice.clientId) ?? null));
          for (const { id: _id, ...event } of logbook) events.push(event as StagedEvent);
        }
        await this.db.restoreInvoices.bulkAdd(invoices);
        await this.db.restoreEvents.bulkAdd(events);
      }),
    );
  }

  /** What restore `id` has staged so far. */
  async counts(id: string): Promise<StagedCounts> {
    return this.run(() =>
      this.db.transaction('r', this.stagingTables(), async () => {
        await this.checkSession(id);
        const [clients, invoices, events] = await Promise.all([this.db.restoreClients.count(), this.db.restoreInvoices.count(), this.db.restoreEvents.count()]);
        return { clients, invoices, events };
      }),
    );
  }

  /**
   * Swaps restore `id` into the ledger in ONE transaction: the ledger's tables cleared, the staged
   * records copied (events in file order, new storage ids), client totals and daily sales from the
   * staged summaries, settings and templates; the staging cleared. `expected`: the counts the
   * reader read (a staging that differs is refused, nothing changes). Any failure rolls it all back.
   */
  async commit(id: string, expected: StagedCounts): Promise<void> {
    const ledger = [this.db.invoices, this.db.events, this.db.clients, this.db.meta, this.db.clientTotals, this.db.dailySales];
    await this.run(() =>
      this.db.transaction('rw', [...ledger, ...this.stagingTables()], async () => {
        await this.checkSession(id);
        const [clients, invoices, events] = await Promise.all([this.db.restoreClients.count(), this.db.restoreInvoices.count(), this.db.restoreEvents.count()]);
        if (clients !== expected.clients || invoices !== expected.invoices || events !== expected.events) {
          throw new StorageError('conflict', `the staged restore holds ${clients} clients, ${invoices} invoices, ${events} events; the file ${expected.clients}, ${expected.invoices}, ${expected.events}`);
        }
        const settings = settingsOf(await this.db.restoreMeta.get('settings'));
        const templates = templatesOf(await this.db.restoreMeta.get('templates'));
        await Promise.all(ledger.map((table) => table.clear()));
        await this.db.clients.bulkAdd(await this.db.restoreClients.toArray());
        const totals = new RestoreTotals();
        for (let last: string | null = null; ; ) {
          const page: StoredInvoice[] = await (last === null ? this.db.restoreInvoices.orderBy(':id') : this.db.restoreInvoices.where(':id').above(last)).limit(PAGE).toArray();
          if (page.length === 0) break;
          for (const invoice of page) totals.add(invoice.clientId, invoice.summary);
          await this.db.invoices.bulkAdd(page);
          last = page[page.length - 1]!.id;
        }
        for (let last = 0; ; ) {
          const page = await this.db.restoreEvents.where(':id').above(last).limit(PAGE * 4).toArray();
          if (page.length === 0) break;
          last = page[page.length - 1]!.stagedId!;
          await this.db.events.bulkAdd(page.map(({ stagedId: _staged, ...event }) => event));
        }
        await this.db.clientTotals.bulkAdd(totals.clientTotals());
        await this.db.dailySales.bulkAdd(totals.dailySales());
        await this.db.meta.bulkPut([
          { key: 'settings', value: settings },
          { key: 'templates', value: templates },
        ]);
        await this.clearStaging();
      }),
    );
  }

  /** Throws the staging away (the ledger is not touched). */
  async abort(): Promise<void> {
    await this.run(() => this.db.transaction('rw', this.stagingTables(), () => this.clearStaging()));
  }

  // ---- internals --------------------------------------------------------------------------------

  private stagingTables() {
    return [this.db.restoreMeta, this.db.restoreClients, this.db.restoreInvoices, this.db.restoreEvents];
  }

  private async clearStaging(): Promise<void> {
    await Promise.all(this.stagingTables().map((table) => table.clear()));
  }

  private async checkSession(id: string): Promise<void> {
    const session = await this.db.restoreMeta.get('session');
    if (session?.key !== 'session' || session.value.id !== id) throw new StorageError('conflict', 'this restore was replaced by another one, or cleared: start it again');
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    return onOpenDatabase(this.db, operation);
  }
}
