/**
 * Test helpers for the storage adapter: unique database names, cleanup, a database as an older
 * build wrote it (only the versions up to N declared), and sample records.
 */
import { afterEach } from 'vitest';
import Dexie from 'dexie';
import type { TrackedInvoice } from '../../core/model';
import { RelanceDatabase, SCHEMA_VERSIONS, type RelanceDatabaseOptions } from './schema';

const opened: Dexie[] = [];

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

export function uniqueName(prefix = 'relance-test'): string {
  return `${prefix}-${Math.random().toString(36).slice(2)}`;
}

/** The current schema (closed and deleted after the test). */
export function openDatabase(name: string = uniqueName(), options: RelanceDatabaseOptions = {}): RelanceDatabase {
  const db = new RelanceDatabase(name, options);
  opened.push(db);
  return db;
}

/**
 * A plain Dexie declaring only the published versions up to `version`, as the build that had them
 * did: for writing fixtures the way an older Relance wrote them.
 */
export function openOlderSchema(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const declared of SCHEMA_VERSIONS) if (declared.version <= version) db.version(declared.version).stores({ ...declared.stores });
  opened.push(db);
  return db;
}

export const sampleTrackedInvoice = (over: Partial<TrackedInvoice> = {}): TrackedInvoice => ({
  id: 'gmail:camille@atelier-durand.fr:18c0ffee00000001:F-2026-041',
  host: 'gmail',
  account: 'camille@atelier-durand.fr',
  threadId: '18c0ffee00000001',
  messageId: '#msg-a:r123',
  invoiceNumber: 'F-2026-041',
  clientEmail: 'compta@boulangerie-morel.fr',
  clientName: 'Julien Morel',
  amount: 2400,
  currency: 'EUR',
  issueDate: '2026-10-24',
  dueDate: '2026-11-23',
  terms: null,
  language: 'fr',
  subject: 'Facture F-2026-041',
  trackedAt: '2026-11-20T08:00:00.000Z',
  ...over,
});
