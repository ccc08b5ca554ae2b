/**
 * The ledger's storage port over Dexie (schema v3): the only code that writes invoices, clients,
 * logbook events, settings and templates. The pure rules are src/core/ledger's; this file loads
 * records by index, checks what it writes, and chains the logbook.
 *
 * - Every write is ONE transaction: an interrupted write (quota, crash, tab closed) leaves nothing
 *   half-done. An append reads the chain's last event, appends after it and rewrites the invoice's
 *   summary (src/core/ledger/summary.ts `invoiceSummary`: status, outstanding, payment day, step,
 *   `attentionFrom`), its index keys and its client's totals (client-totals.ts) in the same
 *   transaction; so do a correction, a client's or the settings' change (they move ladder dates),
 *   a restore and a scan merge. The badge, the dashboard and the client history read those
 *   summaries, never the logbooks (see "QUERIES AT SCALE" below).
 * - Several writers (the service worker, panels, two Gmail tabs, each with its own connection):
 *   IndexedDB runs read-write transactions whose scopes overlap one after the other, across every
 *   connection to the database, so "read the last event, add the next" cannot interleave with
 *   another append. The unique `[invoiceId+seq]` index is the storage-level guarantee behind it:
 *   should a writer ever compute its place outside such a transaction (a stale read, another
 *   build), the add fails with ConstraintError instead of forking the chain, the transaction rolls
 *   back, and the store retries it from a fresh read (up to `maxAttempts`, then `conflict`).
 * - Failures of the storage itself are `StorageError`s with a code (errors.ts); invalid records
 *   are `LedgerValidationError`s listing every problem; neither writes anything.
 */
import Dexie from 'dexie';
import {
  appendToChain,
  checkClient,
  checkEvent,
  checkInvoice,
  checkSettings,
  checkUserTemplates,
  correctInvoice,
  factOf,
  factsMismatches,
  factsSnapshot,
  isCorrectableField,
  LedgerValidationError,
  ledgerInvoiceFromV1,
  orThrow,
  verifyChain,
  type ChainedEvent,
  type ChainVerdict,
  type Client,
  type CorrectableField,
  type FactValue,
  type LedgerEvent,
  type LedgerInvoice,
  type LedgerSettings,
  type UserTemplates,
} from '../../core/ledger';
import type { IsoDate, LogEvent, TrackedInvoice } from '../../core/model';
import { DEFAULT_REPEAT_LATE_PAYER_RULE, type ClientInvoiceRecord, type RepeatLatePayerRule } from '../../core/chasing';
import { addDays } from '../../core/dates';
import {
  agingOfRows,
  canonicalEvent,
  chainsVerified,
  clientHistoryFromTotals,
  clientTotalsOf,
  countsForLatePayment,
  dsoOfRows,
  emptyClientTotals,
  invoiceSummary,
  moveClientTotals,
  outstandingByCurrency,
  saleOf,
  summaryIndexKeys,
  summaryRow,
  type AgingReport,
  type ClientHistory,
  type ClientTotals,
  type DsoReport,
  type InvoiceProof,
  type InvoiceSummary,
  type OutstandingTotals,
  type ScanMergePlan,
} from '../../core/ledger';
import { isConstraintError, StorageError, toStorageError, onOpenDatabase } from './errors';
import { RestoreTotals, storedWithSummary } from './restore-records';
import { RestoreStaging } from './restore-staging';
import { ExportPages } from './export-pages';
import { settingsOf, templatesOf, type RelanceDatabase, type StoredInvoice } from './schema';

/** An invoice and its whole logbook, in chain order (seq 0 first). */
export interface LedgerRecord {
  invoice: LedgerInvoice;
  logbook: ChainedEvent[];
}

/** What the router and the panel read today: the record plus the logbook as the v1 panel shows it. */
export interface InvoiceWithEvents extends LedgerRecord {
  /** The `tracked` and `reminder_drafted` entries as v1 `LogEvent`s, newest first. */
  events: LogEvent[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event to append: any logbook event; the store sets its invoice and its place in the chain. */
export type EventInput = DistributiveOmit<LedgerEvent, 'invoiceId' | 'id' | 'seq' | 'prevHash' | 'hash'>;

export interface When {
  /** ISO 8601 instant. */
  at: string;
  /** The local calendar day it counts for. */
  day: IsoDate;
}

export interface InvoiceVerdict {
  chain: ChainVerdict;
  /** Fields where the invoice disagrees with its logbook's snapshot and corrections. */
  facts: ReturnType<typeof factsMismatches>;
}

/**
 * Everything the ledger holds: what a backup exports and an import replaces. The same shape as
 * src/core/ledger/backup.ts `LedgerSnapshot`, so either is passed for the other.
 */
export interface LedgerContents {
  /** The defaults when never saved. */
  settings: LedgerSettings;
  /** Empty when never saved. */
  templates: UserTemplates;
  clients: readonly Client[];
  invoices: readonly LedgerInvoice[];
  /** Every chained event (`seq`, `prevHash`, `hash`), in any order; `exportAll` gives each invoice's in chain order. */
  events: readonly LedgerEvent[];
}

export interface LedgerStoreOptions {
  /** Attempts of a write refused by a unique index (a chain fork) before `conflict`. */
  maxAttempts?: number;
}

/** The ledger invoice without its summary and index keys. */
export function ledgerInvoiceOf(stored: StoredInvoice | LedgerInvoice): LedgerInvoice {
  const { open: _open, openDueDate: _openDueDate, attentionFrom: _attention, summary: _summary, ...invoice } = stored as StoredInvoice;
  return invoice;
}

/** The dashboard's three reports (`LedgerStore.dashboard`). */
export interface Dashboard {
  aging: AgingReport;
  outstanding: OutstandingTotals;
  dso: DsoReport;
}

/** What an invoice's summary reads besides its record and logbook (inside a write transaction). */
interface SummaryContext {
  settings: LedgerSettings;
  attentionDay: IsoDate | null;
}

/** The logbook as the v1 panel and badge read it: its two kinds, newest first. */
export function v1LogEvents(logbook: readonly LedgerEvent[]): LogEvent[] {
  const events: LogEvent[] = [];
  for (const event of logbook) {
    const base = { ...(event.id === undefined ? {} : { id: event.id }), invoiceId: event.invoiceId, at: event.at, day: event.day };
    if (event.kind === 'tracked') events.push({ ...base, kind: 'tracked' });
    else if (event.kind === 'reminder_drafted') events.push({ ...base, kind: 'reminder_drafted', step: event.step });
  }
  return events.sort((a, b) => (a.at === b.at ? (b.id ?? 0) - (a.id ?? 0) : a.at < b.at ? 1 : -1));
}

/** A new client for an invoice whose address no client has. */
function newClient(invoice: LedgerInvoice, createdAt: string): Client {
  const email = invoice.clientEmail.trim().toLowerCase();
  return {
    id: invoice.clientId,
    name: invoice.clientName?.trim() || email || invoice.clientId,
    emails: email ? [email] : [],
    phone: null,
    language: invoice.language,
    country: null,
    b2b: true,
    flags: [],
    notes: '',
    chasing: null,
    jurisdiction: null,
    createdAt,
  };
}

/** How a scan merge (`mergeScan`) is applied. */
export interface ScanMergeApply {
  /**
   * Append the events the plan proposes for the user's confirmation (`updates` of kind `event`:
   * a payment, a dispute, a note). False: only new clients, invoices and proofs are added.
   */
  acceptUpdates: boolean;
}

/** What `mergeScan` wrote. */
export interface ScanMergeOutcome {
  clientsAdded: number;
  invoicesAdded: number;
  /**
   * Invoices of the plan found in the ledger when it was applied (another merge of the same file
   * ran since it was planned): left as they are, with their events and proposals.
   */
  invoicesAlreadyThere: number;
  /** Messages added as proofs to invoices the ledger had. */
  proofsAdded: number;
  /** Proposed events appended (accepted and not already recorded). */
  updatesApplied: number;
  /** Proposed events not appended: declined, already recorded, or for an invoice no longer there. */
  updatesNotApplied: number;
  /** Every event appended: the new invoices' `detected` events and the accepted proposals. */
  eventsAdded: number;
  /** The invoices written (added or changed), for the pages to refresh. */
  invoiceIds: string[];
}

export class LedgerStore {
  private readonly maxAttempts: number;

  constructor(
    private readonly db: RelanceDatabase,
    options: LedgerStoreOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  // ---- writes ---------------------------------------------------------------------------------

  /**
   * Stores the invoice if it is new, with its client when no client has its address, and logs
   * `tracked` once, carrying the facts snapshot (so the chain vouches for the figures). Tracking an
   * invoice already tracked returns it unchanged (idempotent: two Gmail tabs may both ask).
   * A v1 `TrackedInvoice` is taken as `ledgerInvoiceFromV1` maps it.
   */
  async track(input: LedgerInvoice | TrackedInvoice, when: When): Promise<{ record: InvoiceWithEvents; created: boolean }> {
    const given = 'clientId' in input ? ledgerInvoiceOf(input as StoredInvoice) : ledgerInvoiceFromV1(input);
    const checked = orThrow('invoice', checkInvoice(given));
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const existing = await this.db.invoices.get(checked.id);
        if (existing) return { record: await this.load(existing), created: false };
        const invoice: LedgerInvoice = { ...checked, clientId: await this.clientFor(checked, when.at) };
        const tracked = orThrow('event', checkEvent({ kind: 'tracked', invoiceId: invoice.id, at: when.at, day: when.day, facts: factsSnapshot(invoice) }));
        const logbook = await this.appendInTransaction(invoice.id, tracked);
        await this.writeInvoice(invoice, logbook, undefined, await this.summaryContext());
        return { record: withEvents({ invoice, logbook }), created: true };
      }),
    );
  }

  /** Appends a checked event to the invoice's chain; returns it with its id, seq and hashes. */
  async appendEvent(invoiceId: string, input: EventInput): Promise<ChainedEvent> {
    const { id: _id, seq: _seq, prevHash: _prev, hash: _hash, ...fields } = input as LedgerEvent;
    const event = orThrow('event', checkEvent({ ...fields, invoiceId }));
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const stored = await this.db.invoices.get(invoiceId);
        if (!stored) throw new Error(`unknown invoice ${invoiceId}`);
        const logbook = await this.appendInTransaction(invoiceId, event);
        await this.writeInvoice(ledgerInvoiceOf(stored), logbook, stored, await this.summaryContext());
        return logbook[logbook.length - 1]!;
      }),
    );
  }

  /**
   * Stops tracking an invoice: the invoice and its logbook leave the ledger, its client's totals
   * and its day's sales move out, in one transaction (the client record stays: other invoices or a
   * later one may use it). Cost follows the invoice, not the ledger. False when it is not tracked.
   */
  async removeInvoice(invoiceId: string): Promise<boolean> {
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const stored = await this.db.invoices.get(invoiceId);
        if (!stored) return false;
        await this.db.events.where('[invoiceId+seq]').between([invoiceId, Dexie.minKey], [invoiceId, Dexie.maxKey]).delete();
        await this.db.invoices.delete(invoiceId);
        await this.moveSale(stored.summary ?? null, null);
        await this.moveTotals(stored.clientId, stored, null);
        return true;
      }),
    );
  }

  /**
   * Corrects one fact of an invoice (the user fixing what the engine read): the new value and its
   * `correction` event (from, to) in one transaction, index keys refreshed (a new due date moves
   * the invoice in the due-date index). The value is checked and normalised as `checkInvoice` does
   * (a problem with the corrected field refuses it). No change, no event (`event: null`).
   */
  async correct(invoiceId: string, field: CorrectableField | string, value: FactValue, when: When): Promise<{ record: InvoiceWithEvents; event: ChainedEvent | null }> {
    if (!isCorrectableField(field)) throw new LedgerValidationError('correction', [{ field: 'field', code: 'unknown_value', message: `${field} cannot be corrected` }]);
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const stored = await this.db.invoices.get(invoiceId);
        if (!stored) throw new Error(`unknown invoice ${invoiceId}`);
        const invoice = ledgerInvoiceOf(stored);
        const draft = correctInvoice(invoice, field, value, when);
        if (!draft) return { record: await this.load(stored), event: null };
        const checked = checkInvoice(draft.invoice);
        // Only the corrected field's problems refuse it: an old record's other fields stay as they are.
        const own = checked.ok ? [] : checked.problems.filter((problem) => problem.field === field || problem.field.startsWith(`${field}.`));
        if (own.length > 0) throw new LedgerValidationError('correction', own);
        const change = correctInvoice(invoice, field, checked.ok ? factOf(checked.value, field) : value, when);
        if (!change) return { record: await this.load(stored), event: null };
        const logbook = await this.appendInTransaction(invoiceId, orThrow('event', checkEvent(change.event)));
        await this.writeInvoice(change.invoice, logbook, stored, await this.summaryContext());
        return { record: withEvents({ invoice: change.invoice, logbook }), event: logbook[logbook.length - 1]! };
      }),
    );
  }

  /**
   * Creates or replaces a client (checked and normalised). Its profile flags and ladder override
   * move ladder dates: its open invoices' summaries are rewritten in the same transaction (closed
   * ones do not depend on the client).
   */
  async putClient(value: unknown): Promise<Client> {
    const client = orThrow('client', checkClient(value));
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        await this.db.clients.put(client);
        const open = await this.db.invoices.where('open').equals(1).filter((invoice) => invoice.clientId === client.id).toArray();
        await this.resummarise(open, await this.summaryContext(), new Map([[client.id, client]]));
        return client;
      }),
    );
  }

  /**
   * Replaces the user's settings (checked and normalised); returns what was stored. When the
   * ladder's settings change (delays, country, gaps…), every open invoice's summary is rewritten
   * in the same transaction (closed ones do not depend on them).
   */
  async putSettings(value: unknown): Promise<LedgerSettings> {
    const settings = orThrow('settings', checkSettings(value));
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const before = await this.db.meta.get('settings');
        await this.db.meta.put({ key: 'settings', value: settings });
        const previous = settingsOf(before);
        if (JSON.stringify(previous.chasing) !== JSON.stringify(settings.chasing)) {
          const context = await this.summaryContext();
          await this.resummarise(await this.db.invoices.where('open').equals(1).toArray(), context);
        }
        return settings;
      }),
    );
  }

  /** Replaces the user's edited templates (shape checked; see `checkUserTemplates`). */
  async putTemplates(value: unknown): Promise<UserTemplates> {
    const templates = orThrow('templates', checkUserTemplates(value));
    return this.write(async () => {
      await this.db.meta.put({ key: 'templates', value: templates });
      return templates;
    });
  }

  /**
   * Replaces the whole ledger (a backup import) in ONE transaction: either every record of
   * `contents` is stored or, on any failure (quota, a refused record), the previous ledger stays
   * exactly as it was. The caller checks the records (validate.ts `check*`); the store refuses
   * contents whose events name an unknown invoice, and whose chains do not verify, unless the
   * events are the very list `parseBackup` verified (hash-chain.ts `chainsVerified`: a million
   * events are not hashed twice). Summaries and client totals are computed here and written in
   * bulk with the records. Events get new storage ids, added in chain order.
   */
  async replaceAll(contents: LedgerContents): Promise<void> {
    const invoiceIds = new Set(contents.invoices.map((invoice) => invoice.id));
    const clientIds = new Set(contents.clients.map((client) => client.id));
    if (invoiceIds.size !== contents.invoices.length || clientIds.size !== contents.clients.length) {
      throw new LedgerValidationError('ledger', [{ field: invoiceIds.size !== contents.invoices.length ? 'invoices' : 'clients', code: 'inconsistent', message: 'two records have the same id' }]);
    }
    const stranger = contents.events.find((event) => !invoiceIds.has(event.invoiceId));
    if (stranger) throw new LedgerValidationError('ledger', [{ field: 'events', code: 'inconsistent', message: `an event names invoice ${stranger.invoiceId}, which is not in the ledger` }]);
    // Each invoice's events by their place in its chain (stable: equal places stay as given, and fail the check).
    const byInvoice = groupByInvoice(contents.events);
    for (const list of byInvoice.values()) list.sort((a, b) => (a.seq ?? -1) - (b.seq ?? -1));
    if (!chainsVerified(contents.events)) {
      const verdict = verifyChain([...byInvoice.values()].flat());
      if (!verdict.ok) throw new LedgerValidationError('ledger', [{ field: 'events', code: 'inconsistent', message: verdict.first.message }]);
    }
    const clients = new Map(contents.clients.map((client) => [client.id, client]));
    const restoreTotals = new RestoreTotals();
    const invoices = contents.invoices.map((invoice): StoredInvoice => {
      const stored = storedWithSummary(invoice, byInvoice.get(invoice.id) ?? [], contents.settings, clients.get(invoice.clientId) ?? null);
      restoreTotals.add(stored.clientId, stored.summary);
      return stored;
    });
    const totals = restoreTotals.clientTotals();
    const sales = restoreTotals.dailySales();
    // Every event is chained (verified). New storage ids, in chain order.
    const events: ChainedEvent[] = [];
    for (const list of byInvoice.values()) for (const { id: _id, ...event } of list) events.push(event as ChainedEvent);
    byInvoice.clear();
    await this.write(
      () =>
        this.db.transaction('rw', this.tables(), async () => {
          await Promise.all([this.db.invoices.clear(), this.db.events.clear(), this.db.clients.clear(), this.db.meta.clear(), this.db.clientTotals.clear(), this.db.dailySales.clear()]);
          await this.db.clients.bulkAdd([...contents.clients]);
          await this.db.invoices.bulkAdd(invoices);
          await this.db.clientTotals.bulkAdd(totals);
          await this.db.dailySales.bulkAdd(sales);
          await this.db.events.bulkAdd(events);
          await this.db.meta.bulkPut([
            { key: 'settings', value: contents.settings },
            { key: 'templates', value: contents.templates },
          ]);
        }),
      { retry: false },
    );
  }

  /** The staged restore over this store's database (restore-staging.ts): a backup of any size, swapped in by one commit. */
  restoreStaging(): RestoreStaging {
    return new RestoreStaging(this.db);
  }

  /** The ledger a page at a time, for the streamed backup export (export-pages.ts). */
  exportPages(): ExportPages {
    return new ExportPages(this.db);
  }

  /**
   * Applies a scan merge plan (src/core/ledger/scan-merge.ts `planScanMerge`) in ONE transaction:
   * adds the new clients and invoices, chains each new invoice's events (`detected`), adds the new
   * proofs (`add_proofs`: no confirmation needed), appends the proposed events only with
   * `acceptUpdates`, and recomputes the index keys of every invoice written. Any failure writes
   * nothing.
   *
   * The plan was made from an earlier read, so it is applied against what the ledger holds now:
   * an invoice already there is left alone (with its events and proposals), proofs are merged into
   * the stored record (a correction made since is kept), and a proposed event already in the
   * logbook is not appended again. Merging the same file twice (planned again, or the same plan
   * applied twice) adds nothing the second time.
   */
  async mergeScan(plan: ScanMergePlan, { acceptUpdates }: ScanMergeApply): Promise<ScanMergeOutcome> {
    // Checked (and normalised) before any transaction: a plan from elsewhere is refused whole.
    const clients = plan.newClients.map((client) => orThrow('client', checkClient(client)));
    const planned = plan.newInvoices.map((entry) => ({
      invoice: orThrow('invoice', checkInvoice(entry.invoice)),
      events: entry.events.map((event) => orThrow('event', checkEvent({ ...withoutChain(event), invoiceId: entry.invoice.id }))),
    }));
    const proofUpdates = plan.updates.flatMap((update) => (update.kind === 'add_proofs' ? [update] : []));
    const eventUpdates = plan.updates.flatMap((update) => (update.kind === 'event' ? [{ update, event: orThrow('event', checkEvent({ ...withoutChain(update.event), invoiceId: update.invoiceId })) }] : []));
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const outcome: ScanMergeOutcome = { clientsAdded: 0, invoicesAdded: 0, invoicesAlreadyThere: 0, proofsAdded: 0, updatesApplied: 0, updatesNotApplied: 0, eventsAdded: 0, invoiceIds: [] };
        const ids = [...new Set([...planned.map((entry) => entry.invoice.id), ...plan.updates.map((update) => update.invoiceId)])];
        const stored = new Map((await this.db.invoices.bulkGet(ids)).flatMap((invoice) => (invoice ? [[invoice.id, invoice] as const] : [])));
        /** What is written per invoice: its record as it will be, and the events to chain after its logbook. */
        const work = new Map<string, { invoice: LedgerInvoice; added: boolean; changed: boolean; events: Array<{ event: LedgerEvent; proposal: boolean }> }>();

        for (const entry of planned) {
          if (stored.has(entry.invoice.id) || work.has(entry.invoice.id)) {
            outcome.invoicesAlreadyThere += 1;
            continue;
          }
          work.set(entry.invoice.id, { invoice: entry.invoice, added: true, changed: true, events: entry.events.map((event) => ({ event, proposal: false })) });
        }
        for (const update of proofUpdates) {
          const entry = work.get(update.invoiceId);
          const current = entry?.invoice ?? stored.get(update.invoiceId);
          if (!current || (update.newInvoice && !entry?.added)) continue;
          const have = new Set(current.proofs.map(proofKey));
          const fresh: InvoiceProof[] = [];
          for (const proof of update.proofs) {
            if (have.has(proofKey(proof))) continue;
            have.add(proofKey(proof));
            fresh.push(proof);
          }
          if (fresh.length === 0) continue;
          const invoice = withProofs(entry?.invoice ?? ledgerInvoiceOf(current as StoredInvoice), fresh);
          if (entry) Object.assign(entry, { invoice, changed: true });
          else work.set(update.invoiceId, { invoice, added: false, changed: true, events: [] });
          outcome.proofsAdded += fresh.length;
        }
        for (const { update, event } of eventUpdates) {
          let entry = work.get(update.invoiceId);
          const current = stored.get(update.invoiceId);
          // A proposal for a new invoice stands only with that invoice, added by this merge.
          const applies = acceptUpdates && (update.newInvoice ? entry?.added === true : entry !== undefined || current !== undefined);
          if (!applies) {
            outcome.updatesNotApplied += 1;
            continue;
          }
          if (!entry) {
            entry = { invoice: ledgerInvoiceOf(current!), added: false, changed: false, events: [] };
            work.set(update.invoiceId, entry);
          }
          entry.events.push({ event, proposal: true });
        }

        // Clients of the invoices added that the ledger does not have yet.
        const needed = new Set([...work.values()].filter((entry) => entry.added).map((entry) => entry.invoice.clientId));
        const missing = clients.filter((client) => needed.has(client.id));
        const known = await this.db.clients.bulkGet(missing.map((client) => client.id));
        const toAdd = missing.filter((_client, index) => known[index] === undefined);
        if (toAdd.length > 0) await this.db.clients.bulkAdd(toAdd);
        outcome.clientsAdded = toAdd.length;

        const context = await this.summaryContext();
        for (const [invoiceId, entry] of work) {
          const chain = await this.chainOf(invoiceId);
          const recorded = new Set(chain.map(eventContent));
          const logbook: ChainedEvent[] = [...chain];
          let appended = 0;
          for (const { event, proposal } of entry.events) {
            const content = eventContent(event);
            if (recorded.has(content)) {
              // Already in the logbook (the same plan applied twice): not recorded again.
              if (proposal) outcome.updatesNotApplied += 1;
              continue;
            }
            recorded.add(content);
            const chained = appendToChain(logbook[logbook.length - 1] ?? null, event);
            chained.id = await this.db.events.add(chained);
            logbook.push(chained);
            appended += 1;
            if (proposal) outcome.updatesApplied += 1;
          }
          outcome.eventsAdded += appended;
          if (entry.added) {
            await this.writeInvoice(entry.invoice, logbook, undefined, context);
            outcome.invoicesAdded += 1;
          } else if (entry.changed || appended > 0) {
            await this.writeInvoice(entry.invoice, logbook, stored.get(invoiceId), context);
          }
          if (entry.added || entry.changed || appended > 0) outcome.invoiceIds.push(invoiceId);
        }
        return outcome;
      }),
    );
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** The whole ledger from one consistent read (a backup export): events in chain order per invoice. */
  async exportAll(): Promise<LedgerContents> {
    return this.read(() =>
      this.db.transaction('r', [this.db.invoices, this.db.events, this.db.clients, this.db.meta], async () => {
        const [invoices, events, clients, settings, templates] = await Promise.all([
          this.db.invoices.toArray(),
          this.db.events.orderBy('[invoiceId+seq]').toArray(),
          this.db.clients.toArray(),
          this.db.meta.get('settings'),
          this.db.meta.get('templates'),
        ]);
        return {
          settings: settingsOf(settings),
          templates: templatesOf(templates),
          clients,
          invoices: invoices.map(ledgerInvoiceOf),
          events,
        };
      }),
    );
  }

  async get(invoiceId: string): Promise<InvoiceWithEvents | null> {
    return this.read(() =>
      this.db.transaction('r', this.db.invoices, this.db.events, async () => {
        const stored = await this.db.invoices.get(invoiceId);
        return stored ? this.load(stored) : null;
      }),
    );
  }

  async forThread(account: string | null, threadId: string): Promise<InvoiceWithEvents[]> {
    return this.read(() =>
      this.db.transaction('r', this.db.invoices, this.db.events, async () => {
        // account may be null (Gmail did not show it): IndexedDB cannot index null, so filter.
        const stored =
          account === null
            ? await this.db.invoices.filter((i) => i.account === null && i.threadId === threadId).toArray()
            : await this.db.invoices.where('[account+threadId]').equals([account, threadId]).toArray();
        return Promise.all(stored.map((invoice) => this.load(invoice)));
      }),
    );
  }

  /** Every invoice with its logbook (reads the whole ledger: prefer the indexed queries below). */
  async all(): Promise<InvoiceWithEvents[]> {
    return this.read(() =>
      this.db.transaction('r', this.db.invoices, this.db.events, async () => {
        const [stored, events] = await Promise.all([this.db.invoices.toArray(), this.db.events.toArray()]);
        const byInvoice = groupByInvoice(events);
        return stored.map((invoice) => withEvents({ invoice: ledgerInvoiceOf(invoice), logbook: (byInvoice.get(invoice.id) ?? []).sort((a, b) => a.seq - b.seq) }));
      }),
    );
  }

  /** Open invoices due on `today` (index `openDueDate`). */
  dueToday(today: IsoDate): Promise<LedgerRecord[]> {
    return this.records(() => this.db.invoices.where('openDueDate').equals(today).toArray());
  }

  /** Open invoices due before `today` (index `openDueDate`). */
  overdue(today: IsoDate): Promise<LedgerRecord[]> {
    return this.records(() => this.db.invoices.where('openDueDate').below(today).toArray());
  }

  /** Invoices neither paid nor written off (index `open`): badge, actions, outstanding, aging. */
  openInvoices(): Promise<LedgerRecord[]> {
    return this.records(() => this.db.invoices.where('open').equals(1).toArray());
  }

  /** One client's invoices, open or closed (index `clientId`). */
  clientInvoices(clientId: string): Promise<LedgerRecord[]> {
    return this.records(() => this.db.invoices.where('clientId').equals(clientId).toArray());
  }

  /** Invoices issued between two days, both included (index `issueDate`): the DSO's sales. */
  issuedBetween(from: IsoDate, to: IsoDate): Promise<LedgerRecord[]> {
    return this.records(() => this.db.invoices.where('issueDate').between(from, to, true, true).toArray());
  }

  /**
   * The dashboard's records (aging and outstanding read the open invoices, the DSO also the sales
   * of its window): open invoices (index `open`) ∪ invoices issued between two days (index
   * `issueDate`), each once with its logbook, from one consistent read. Calling `openInvoices` and
   * `issuedBetween` reads the logbook of every recent open invoice twice (most open invoices fall
   * in the window): a fifth of the dashboard's reads on the bench ledger (scripts/bench-store.ts).
   */
  openOrIssuedBetween(from: IsoDate, to: IsoDate): Promise<LedgerRecord[]> {
    return this.records(async () => {
      const [open, issued] = await Promise.all([this.db.invoices.where('open').equals(1).toArray(), this.db.invoices.where('issueDate').between(from, to, true, true).toArray()]);
      const union = new Map(open.map((invoice) => [invoice.id, invoice]));
      for (const invoice of issued) union.set(invoice.id, invoice);
      return [...union.values()];
    });
  }

  // ---- QUERIES AT SCALE -------------------------------------------------------------------------
  // (Compound ranges run from [x] to [x, []]: a shorter array sorts first and an array after any
  // string or number; Dexie.maxKey twice in one key is the same array twice, which IndexedDB
  // refuses as a cycle.)
  //
  // Each reads the summaries the writes keep (summary.ts, client-totals.ts), through an index that
  // holds only what the answer is made of, so its cost grows with the answer, not the ledger:
  // - the badge: a count on `attentionFrom` (≤ today): IndexedDB counts the index's keys in that
  //   range, like any bare count; once a day, the keys ≤ today are brought up to it first;
  // - the dashboard: the open invoices (index `open`: their records, summary included) and the
  //   DSO window's sales per day and currency (`dailySales`, one range read: ≤ days × currencies);
  // - a client's history: its totals record, and its latest invoices due by [clientId+dueDate]
  //   (the repeat-late-payer rule's window: `lookback` records plus the unpaid ones in their grace).

  /**
   * How many invoices need the user on `today` (queries.ts `needsUserToday`): the toolbar badge.
   * The first count of a new day first re-searches the invoices whose key is ≤ today (those that
   * needed the user on an earlier day or start today; every invoice when the clock went back), in
   * one transaction with the new attention day (summary.ts explains why this makes it exact).
   */
  async attentionCount(today: IsoDate): Promise<number> {
    const fast = await this.read(() =>
      this.db.transaction('r', this.db.meta, this.db.invoices, async () => {
        const day = await this.db.meta.get('attention');
        return day?.key === 'attention' && day.value === today ? this.db.invoices.where('attentionFrom').belowOrEqual(today).count() : null;
      }),
    );
    if (fast !== null) return fast;
    return this.write(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const day = await this.db.meta.get('attention');
        const previous = day?.key === 'attention' ? day.value : null;
        if (previous !== today) {
          const stale = previous !== null && previous > today ? this.db.invoices.where('open').equals(1) : this.db.invoices.where('attentionFrom').belowOrEqual(today);
          await this.db.meta.put({ key: 'attention', value: today });
          await this.resummarise(await stale.toArray(), await this.summaryContext());
        }
        return this.db.invoices.where('attentionFrom').belowOrEqual(today).count();
      }),
    );
  }

  /** Aging, outstanding and DSO (`days` days ending today, 90 by default) from the summaries, in one read. */
  async dashboard(today: IsoDate, { days = 90 }: { days?: number } = {}): Promise<Dashboard> {
    const from = addDays(today, -(days - 1));
    const { open, sales } = await this.read(() =>
      this.db.transaction('r', this.db.invoices, this.db.dailySales, async () => {
        const [openRecords, saleDays] = await Promise.all([
          this.db.invoices.where('open').equals(1).toArray(),
          this.db.dailySales.where('[day+currency]').between([from], [today, []], true, true).toArray(),
        ]);
        return {
          open: openRecords.map((record) => summaryRow(record.summary)),
          sales: saleDays.map((day) => ({ issueDate: day.day, currency: day.currency, amount: day.cents / 100 })),
        };
      }),
    );
    return { aging: agingOfRows(open, today), outstanding: outstandingByCurrency(open), dso: dsoOfRows(open, sales, today, { days }) };
  }

  /**
   * The invoices that need the user on `today`, with their logbooks (the dashboard's today list and
   * the badge's urgency derive these few): `attentionCount` first brings the index up to the day.
   */
  async needingAttention(today: IsoDate): Promise<LedgerRecord[]> {
    await this.attentionCount(today);
    return this.records(() => this.db.invoices.where('attentionFrom').belowOrEqual(today).toArray());
  }

  /** The open invoices with their summaries, no logbook (index `open`): the dashboard's receivables. */
  async openSummaries(): Promise<Array<{ invoice: LedgerInvoice; summary: InvoiceSummary }>> {
    return this.read(async () => (await this.db.invoices.where('open').equals(1).toArray()).map((stored) => ({ invoice: ledgerInvoiceOf(stored), summary: stored.summary })));
  }

  /** The invoices issued between two days (both included), summaries only (index `issueDate`): an account's DSO sales. */
  async issuedSummariesBetween(from: IsoDate, to: IsoDate): Promise<Array<{ invoice: LedgerInvoice; summary: InvoiceSummary }>> {
    return this.read(async () => (await this.db.invoices.where('issueDate').between(from, to, true, true).toArray()).map((stored) => ({ invoice: ledgerInvoiceOf(stored), summary: stored.summary })));
  }

  /** These clients' totals (client-totals.ts), empty ones for clients without. */
  async clientTotalsOf(clientIds: readonly string[]): Promise<ClientTotals[]> {
    const ids = [...new Set(clientIds)];
    return this.read(async () => (await this.db.clientTotals.bulkGet(ids)).map((totals, index) => totals ?? emptyClientTotals(ids[index]!)));
  }

  /** One client's history (queries.ts `clientHistory`) from its totals and its latest invoices due. */
  async clientHistoryOf(clientId: string, today: IsoDate, { rule = DEFAULT_REPEAT_LATE_PAYER_RULE }: { rule?: RepeatLatePayerRule } = {}): Promise<ClientHistory> {
    return this.read(() =>
      this.db.transaction('r', this.db.invoices, this.db.clientTotals, async () => {
        const totals = (await this.db.clientTotals.get(clientId)) ?? emptyClientTotals(clientId);
        const window: ClientInvoiceRecord[] = [];
        await this.db.invoices
          .where('[clientId+dueDate]')
          .between([clientId], [clientId, []], true, true)
          .reverse()
          .until((stored) => {
            // Enough once `lookback` are taken and the due date changes (ties all taken, as clientHistory sees them).
            if (window.length >= rule.lookback && stored.dueDate !== window[window.length - 1]!.dueDate) return true;
            const record = { invoiceId: stored.id, dueDate: stored.dueDate, paidOn: stored.summary.paidOn };
            if (countsForLatePayment(record, today, rule)) window.push(record);
            return false;
          })
          .count();
        // clientHistory reads its states in invoice id order (the index `clientId`'s).
        window.sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));
        return clientHistoryFromTotals(totals, window, today, { rule });
      }),
    );
  }

  async getClient(id: string): Promise<Client | null> {
    return this.read(async () => (await this.db.clients.get(id)) ?? null);
  }

  /** The client one of whose addresses is `email` (index `*emails`). */
  async clientByEmail(email: string): Promise<Client | null> {
    return this.read(async () => (await this.db.clients.where('emails').equals(email.trim().toLowerCase()).first()) ?? null);
  }

  /** The clients of these ids that exist (e.g. the clients of the open invoices). */
  async getClients(ids: readonly string[]): Promise<Client[]> {
    return this.read(async () => (await this.db.clients.bulkGet([...new Set(ids)])).filter((client): client is Client => client !== undefined));
  }

  /** The user's settings, the defaults until saved. */
  async getSettings(): Promise<LedgerSettings> {
    return this.read(async () => {
      return settingsOf(await this.db.meta.get('settings'));
    });
  }

  /** The user's edited templates, empty until saved. */
  async getTemplates(): Promise<UserTemplates> {
    return this.read(async () => {
      return templatesOf(await this.db.meta.get('templates'));
    });
  }

  /**
   * Checks an invoice's evidence: its chain (`verifyChain`, from one consistent read) and whether
   * the invoice agrees with what its logbook vouches for. Null for an unknown invoice.
   */
  async verify(invoiceId: string): Promise<InvoiceVerdict | null> {
    const record = await this.get(invoiceId);
    if (!record) return null;
    return { chain: verifyChain(record.logbook), facts: factsMismatches(record.invoice, record.logbook) };
  }

  // ---- internals ------------------------------------------------------------------------------

  /** Opens, runs, retries a write refused by a unique index, and types storage failures. */
  private async write<T>(operation: () => Promise<T>, { retry = true }: { retry?: boolean } = {}): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.db.ready();
        return await operation();
      } catch (error) {
        if (retry && isConstraintError(error) && !(error instanceof StorageError)) {
          if (attempt < this.maxAttempts) continue;
          throw new StorageError('conflict', `${this.maxAttempts} attempts`, error);
        }
        throw toStorageError(error) ?? error;
      }
    }
  }

  private read<T>(operation: () => Promise<T>): Promise<T> {
    return onOpenDatabase(this.db, operation);
  }

  private records(select: () => Promise<StoredInvoice[]>): Promise<LedgerRecord[]> {
    return this.read(() =>
      this.db.transaction('r', this.db.invoices, this.db.events, async () => {
        const stored = await select();
        return Promise.all(stored.map(async (invoice) => ({ invoice: ledgerInvoiceOf(invoice), logbook: await this.chainOf(invoice.id) })));
      }),
    );
  }

  /** One invoice's chain in order (inside the caller's transaction). */
  private chainOf(invoiceId: string): Promise<ChainedEvent[]> {
    return this.db.events.where('[invoiceId+seq]').between([invoiceId, -Infinity], [invoiceId, Infinity], true, true).toArray();
  }

  private async load(stored: StoredInvoice): Promise<InvoiceWithEvents> {
    return withEvents({ invoice: ledgerInvoiceOf(stored), logbook: await this.chainOf(stored.id) });
  }

  /** Appends after the chain's last event (inside the caller's read-write transaction); returns the whole chain. */
  private async appendInTransaction(invoiceId: string, event: LedgerEvent): Promise<ChainedEvent[]> {
    const chain = await this.chainOf(invoiceId);
    const chained = appendToChain(chain[chain.length - 1] ?? null, event);
    chained.id = await this.db.events.add(chained);
    return [...chain, chained];
  }

  /** Every table a write touches: the record, its logbook, the client, settings and attention day, the client's totals, the day's sales. */
  private tables() {
    return [this.db.invoices, this.db.events, this.db.clients, this.db.meta, this.db.clientTotals, this.db.dailySales];
  }

  /** The settings and attention day a summary reads (inside the caller's transaction). */
  private async summaryContext(): Promise<SummaryContext> {
    const [settings, attention] = await Promise.all([this.db.meta.get('settings'), this.db.meta.get('attention')]);
    return { settings: settingsOf(settings), attentionDay: attention?.key === 'attention' ? attention.value : null };
  }

  /**
   * Writes the invoice with its summary (from its whole logbook) and index keys, and moves its
   * client's totals from the previous summary to the new one (inside the caller's read-write
   * transaction). `previous`: the record as stored before, undefined for a new invoice (added).
   */
  private async writeInvoice(invoice: LedgerInvoice, logbook: readonly LedgerEvent[], previous: StoredInvoice | undefined, context: SummaryContext, client?: Client | null): Promise<void> {
    const owner = client !== undefined ? client : ((await this.db.clients.get(invoice.clientId)) ?? null);
    const summary = invoiceSummary({ invoice, logbook, settings: context.settings, client: owner, attentionDay: context.attentionDay });
    const record: StoredInvoice = { ...invoice, ...summaryIndexKeys(summary), summary };
    if (previous === undefined) await this.db.invoices.add(record);
    else await this.db.invoices.put(record);
    await this.moveSale(previous?.summary ?? null, summary);
    const sameClient = previous !== undefined && previous.clientId === invoice.clientId;
    await this.moveTotals(invoice.clientId, sameClient ? previous : null, summary);
    if (previous !== undefined && !sameClient) await this.moveTotals(previous.clientId, previous, null);
  }

  /** Rewrites the summaries of these stored invoices from their logbooks (the clients by id, loaded unless given). */
  private async resummarise(records: readonly StoredInvoice[], context: SummaryContext, clients: ReadonlyMap<string, Client> = new Map()): Promise<void> {
    const missing = [...new Set(records.map((record) => record.clientId))].filter((id) => !clients.has(id));
    const loaded = new Map(clients);
    for (const client of await this.db.clients.bulkGet(missing)) if (client) loaded.set(client.id, client);
    for (const record of records) await this.writeInvoice(ledgerInvoiceOf(record), await this.chainOf(record.id), record, context, loaded.get(record.clientId) ?? null);
  }

  /** Moves an invoice's sale from its previous day/currency/amount to the new one (`dailySales`). */
  private async moveSale(before: InvoiceSummary | null, after: InvoiceSummary | null): Promise<void> {
    const out = saleOf(before);
    const into = saleOf(after);
    if (out && into && out.day === into.day && out.currency === into.currency && out.cents === into.cents) return;
    for (const [sale, sign] of [
      [out, -1],
      [into, 1],
    ] as const) {
      if (!sale) continue;
      const row = (await this.db.dailySales.get([sale.day, sale.currency])) ?? { day: sale.day, currency: sale.currency, cents: 0, count: 0 };
      const next = { ...row, cents: row.cents + sign * sale.cents, count: row.count + sign };
      if (next.count <= 0) await this.db.dailySales.delete([sale.day, sale.currency]);
      else await this.db.dailySales.put(next);
    }
  }

  /** Moves a client's totals from one summary of an invoice to the next (recounts when they cannot move in place). */
  private async moveTotals(clientId: string, previous: StoredInvoice | null, after: InvoiceSummary | null): Promise<void> {
    const before = previous === null ? null : (previous.summary ?? undefined);
    const totals = (await this.db.clientTotals.get(clientId)) ?? emptyClientTotals(clientId);
    // A record without summary (written before v3 by something else) cannot be taken out: recount.
    const moved: ClientTotals | null = before === undefined ? null : moveClientTotals(totals, before, after);
    await this.db.clientTotals.put(moved ?? clientTotalsOf(clientId, (await this.db.invoices.where('clientId').equals(clientId).toArray()).flatMap((record) => (record.summary ? [record.summary] : []))));
  }

  /** The id of the invoice's client: the given one if it exists, else the client of its address, else a new one. */
  private async clientFor(invoice: LedgerInvoice, createdAt: string): Promise<string> {
    if (await this.db.clients.get(invoice.clientId)) return invoice.clientId;
    const email = invoice.clientEmail.trim().toLowerCase();
    const known = email ? await this.db.clients.where('emails').equals(email).first() : undefined;
    if (known) return known.id;
    const client = orThrow('client', checkClient(newClient(invoice, createdAt)));
    await this.db.clients.add(client);
    return client.id;
  }
}

function withEvents(record: LedgerRecord): InvoiceWithEvents {
  return { ...record, events: v1LogEvents(record.logbook) };
}

function groupByInvoice<E extends LedgerEvent>(events: readonly E[]): Map<string, E[]> {
  const byInvoice = new Map<string, E[]>();
  for (const event of events) {
    const list = byInvoice.get(event.invoiceId);
    if (list) list.push(event);
    else byInvoice.set(event.invoiceId, [event]);
  }
  return byInvoice;
}

/** The event without its place in a chain (what a plan proposes, what the store chains). */
function withoutChain(event: LedgerEvent): LedgerEvent {
  const { id: _id, seq: _seq, prevHash: _prev, hash: _hash, ...fields } = event;
  return fields as LedgerEvent;
}

/**
 * The invoice with more proofs, checked as `checkInvoice` does; only problems with the proofs refuse
 * it (an old record's other fields stay as they are, as in `correct`).
 */
function withProofs(invoice: LedgerInvoice, fresh: readonly InvoiceProof[]): LedgerInvoice {
  const draft: LedgerInvoice = { ...invoice, proofs: [...invoice.proofs, ...fresh] };
  const checked = checkInvoice(draft);
  if (checked.ok) return checked.value;
  const own = checked.problems.filter((problem) => problem.field === 'proofs' || problem.field.startsWith('proofs.'));
  if (own.length > 0) throw new LedgerValidationError('invoice', own);
  return draft;
}

/** What an event records, wherever it stands in its chain: two equal ones are the same record. */
function eventContent(event: LedgerEvent): string {
  return canonicalEvent(withoutChain(event));
}

/** A proof's identity, as the scan merge compares them: its message id, else its file. */
function proofKey(proof: Pick<InvoiceProof, 'messageId' | 'file'>): string {
  return proof.messageId ? `id:${proof.messageId}` : `file:${proof.file ?? ''}`;
}
