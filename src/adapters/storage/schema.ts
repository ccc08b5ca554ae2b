/**
 * The IndexedDB schema, in one place, with numbered versions. Never edit a published version:
 * add a new one (with its upgrade function and a test that opens a database written by the
 * previous version, see schema.test.ts).
 */
import Dexie, { type Table } from 'dexie';
import type { LogEvent, TrackedInvoice } from '../../core/model';

export const DATABASE_NAME = 'relance';

/** Dexie store definitions by version. Index only what queries use. */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      // Primary key = `host:account:threadId:number`, so tracking twice changes nothing.
      invoices: 'id, dueDate, clientEmail, [account+threadId]',
      // Append-only logbook. [invoiceId+at] gives one invoice's history in order.
      events: '++id, invoiceId, [invoiceId+at], kind, day',
    },
  },
] as const;

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export class RelanceDatabase extends Dexie {
  invoices!: Table<TrackedInvoice, string>;
  events!: Table<LogEvent, number>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}
