/**
 * The IndexedDB schema, in one place, with numbered versions. Never edit a published version:
 * add a new one (with its upgrade function in its own file, upgrade-vN.ts, and a test that opens a
 * database written by the previous version: upgrade-v1-to-v2.test.ts is the pattern).
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { DEFAULT_LEDGER_SETTINGS, type ChainedEvent, type Client, type ClientTotals, type DailySales, type InvoiceSummary, type LedgerIndexKeys, type LedgerInvoice, type LedgerSettings, type SummaryIndexKeys, type UserTemplates } from '../../core/ledger';
import type { IsoDate } from '../../core/model';
import { StorageError, toStorageError } from './errors';
import { upgradeToV2 } from './upgrade-v2';
import { upgradeToV3 } from './upgrade-v3';

export const DATABASE_NAME = 'relance';

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions. Index only what queries use. */
  stores: Readonly<Record<string, string>>;
  /** Rewrites the previous version's records, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Primary key = `host:account:threadId:number`, so tracking twice changes nothing.
      invoices: 'id, dueDate, clientEmail, [account+threadId]',
      // Append-only logbook. [invoiceId+at] gives one invoice's history in order.
      events: '++id, invoiceId, [invoiceId+at], kind, day',
    },
  },
  {
    // The ledger (issue 5): clients, chained logbook, settings and templates. Indexes from
    // src/core/ledger/queries.ts.
    version: 2,
    stores: {
      // `open` (1 while neither paid nor written off) and `openDueDate` are index keys written by
      // the store from `ledgerIndexKeys` with every append: absent once closed, so out of the index.
      invoices: 'id, clientId, issueDate, openDueDate, open, [account+threadId]',
      // [invoiceId+seq] is unique: one invoice's chain in order, its last event, and no fork.
      events: '++id, &[invoiceId+seq]',
      // Multi-entry: the client of an address.
      clients: 'id, *emails',
      // One record per key: 'settings', 'templates'.
      meta: 'key',
    },
    upgrade: upgradeToV2,
  },
  {
    // Queries whose cost follows the answer (issue 5 "Scale"): each invoice carries its summary
    // (src/core/ledger/summary.ts, written with every event), clients their totals.
    version: 3,
    stores: {
      // + `attentionFrom`: the badge is a count on it (summary.ts explains why it is exact).
      // + [clientId+dueDate]: a client's latest invoices due (the repeat-late-payer window).
      invoices: 'id, clientId, issueDate, openDueDate, open, [account+threadId], attentionFrom, [clientId+dueDate]',
      // One record per client: the sums of its invoice summaries (client-totals.ts).
      clientTotals: 'clientId',
      // One record per day and currency invoiced: the DSO window's sales in one range read.
      dailySales: '[day+currency]',
    },
    upgrade: upgradeToV3,
  },
  {
    // The staged restore (restore-staging.ts): a backup of any size is read in chunks into these
    // tables, checked as it comes, and only its commit swaps it into the ledger, in one
    // transaction. Empty outside a restore; nothing to migrate (new tables only).
    version: 4,
    stores: {
      // The session (its id, what was staged) and the backup's settings and templates.
      restoreMeta: 'key',
      restoreClients: 'id',
      // Invoices with their summary and index keys, as `invoices` stores them (no index: only copied).
      restoreInvoices: 'id',
      // Events in file order (each invoice's chain in order): the commit copies them in that order.
      restoreEvents: '++stagedId',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** An invoice as schema v2 stored it: the ledger invoice plus its index keys. */
export type StoredInvoiceV2 = LedgerInvoice & LedgerIndexKeys;

/** An invoice as stored (v3): the ledger invoice, its summary and the index keys from it (never returned to callers). */
export type StoredInvoice = LedgerInvoice & SummaryIndexKeys & { summary: InvoiceSummary };

/**
 * `attention`: the day the `attentionFrom` keys were last brought up to (summary.ts; the badge's
 * count), absent until the first count.
 */
export type MetaRecord = { key: 'settings'; value: LedgerSettings } | { key: 'templates'; value: UserTemplates } | { key: 'attention'; value: IsoDate };

/** The settings a meta record holds: the defaults when none was saved (a fresh copy each time). */
export function settingsOf(record: MetaRecord | RestoreMetaRecord | undefined): LedgerSettings {
  return record?.key === 'settings' ? record.value : (structuredClone(DEFAULT_LEDGER_SETTINGS) as LedgerSettings);
}

/** The edited templates a meta record holds: none when none was saved. */
export function templatesOf(record: MetaRecord | RestoreMetaRecord | undefined): UserTemplates {
  return record?.key === 'templates' ? record.value : {};
}

/** A staged restore's records (schema v4, restore-staging.ts). */
export type RestoreMetaRecord =
  | { key: 'session'; value: { id: string; startedAt: string } }
  | { key: 'settings'; value: LedgerSettings }
  | { key: 'templates'; value: UserTemplates };

/** A staged event: the chained event (without its storage id) and its place in the file. */
export type StagedEvent = ChainedEvent & { stagedId?: number };

export interface RelanceDatabaseOptions {
  /**
   * How long an upgrade may wait for other pages to close the previous version before operations
   * fail with `upgrade_blocked` (the upgrade itself keeps waiting and runs once they close).
   */
  blockedTimeoutMs?: number;
  /** Only for tests: the highest version to declare (a database as an older build wrote it). */
  upToVersion?: number;
  dexie?: ConstructorParameters<typeof Dexie>[1];
}

export class RelanceDatabase extends Dexie {
  invoices!: Table<StoredInvoice, string>;
  events!: Table<ChainedEvent, number>;
  clients!: Table<Client, string>;
  meta!: Table<MetaRecord, MetaRecord['key']>;
  clientTotals!: Table<ClientTotals, string>;
  dailySales!: Table<DailySales, [string, string]>;
  restoreMeta!: Table<RestoreMetaRecord, RestoreMetaRecord['key']>;
  restoreClients!: Table<Client, string>;
  restoreInvoices!: Table<StoredInvoice, string>;
  restoreEvents!: Table<StagedEvent, number>;

  private readonly blockedTimeoutMs: number;
  private readonly upTo: number;
  private readonly factory: Partial<Pick<IDBFactory, 'databases'>> | undefined;
  /** The installed version was found not newer than this code (checked once, before the first open). */
  private versionChecked = false;
  /** Set once an upgrade has been blocked longer than allowed; cleared when the open succeeds. */
  private blockedError: StorageError | null = null;
  private readonly blockedWaiters = new Set<(error: StorageError) => void>();

  constructor(name: string = DATABASE_NAME, options: RelanceDatabaseOptions = {}) {
    super(name, options.dexie);
    this.blockedTimeoutMs = options.blockedTimeoutMs ?? 3_000;
    const upTo = options.upToVersion ?? CURRENT_SCHEMA_VERSION;
    this.upTo = upTo;
    this.factory = (options.dexie?.indexedDB as Partial<IDBFactory> | undefined) ?? Dexie.dependencies.indexedDB;
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      if (version > upTo) break;
      const declared = this.version(version).stores({ ...stores });
      if (upgrade) declared.upgrade(upgrade);
    }
    // Fallback of the check in `ready()` where `indexedDB.databases()` is missing (by then Dexie 4
    // may have added this version's missing indexes to the newer database: harmless, but a change).
    this.on('ready', (db) => {
      const installed = (db as Dexie).backendDB().version;
      return Math.floor(installed / 10) > upTo ? Promise.reject(this.tooNew(installed)) : undefined;
    });
    // A newer build is upgrading the database: Dexie closes this connection (its default), and
    // the next `ready()` checks the version again before reopening.
    this.on('versionchange', () => {
      this.versionChecked = false;
    });
    // Another connection did not close on "versionchange" (Dexie's own connections do): the
    // upgrade waits for it. Past the delay, callers get `upgrade_blocked` instead of waiting.
    this.on('blocked', () => {
      setTimeout(() => {
        if (this.isOpen()) return;
        const error = new StorageError('upgrade_blocked');
        this.blockedError = error;
        for (const waiter of [...this.blockedWaiters]) waiter(error);
      }, this.blockedTimeoutMs);
    });
  }

  /**
   * Opens the database (Dexie would on first use) and turns open failures into StorageErrors:
   * an upgrade blocked longer than `blockedTimeoutMs`, a database newer than this code, an upgrade
   * that failed. A blocked upgrade keeps waiting in the background: a later call succeeds once the
   * other page has closed.
   */
  async ready(): Promise<void> {
    if (this.isOpen()) return;
    if (!this.versionChecked) await this.checkInstalledVersion();
    return new Promise<void>((resolve, reject) => {
      const onBlocked = (error: StorageError) => {
        this.blockedWaiters.delete(onBlocked);
        reject(error);
      };
      if (this.blockedError) return onBlocked(this.blockedError);
      this.blockedWaiters.add(onBlocked);
      this.open().then(
        () => {
          this.blockedWaiters.delete(onBlocked);
          this.blockedError = null;
          resolve();
        },
        (error: unknown) => {
          this.blockedWaiters.delete(onBlocked);
          reject(toStorageError(error) ?? error);
        },
      );
    });
  }

  /**
   * Refuses a database written by a newer build BEFORE Dexie opens it: Dexie 4 opens a higher
   * version with the schema it declares and adds the indexes it misses, and the newer build's
   * records may be in a shape this code does not know. `indexedDB.databases()` reads the version
   * without opening (or creating) anything.
   */
  private async checkInstalledVersion(): Promise<void> {
    const databases = this.factory?.databases?.bind(this.factory);
    if (typeof databases !== 'function') return;
    let installed: number | undefined;
    try {
      installed = (await databases()).find((info) => info.name === this.name)?.version;
    } catch {
      return; // The on('ready') check still applies.
    }
    if (installed !== undefined && Math.floor(installed / 10) > this.upTo) throw this.tooNew(installed);
    this.versionChecked = true;
  }

  /** `native`: IndexedDB's version (Dexie's × 10, plus any schema patches). */
  private tooNew(native: number): StorageError {
    return new StorageError('version_too_new', `database version ${Math.floor(native / 10)}, this Relance reads up to ${this.upTo}`);
  }
}
