/**
 * Backup format version 2 (BACKUP.md "Version 2"): the same records as version 1, as JSON Lines,
 * so a ledger of any size is written and read a line at a time (a 10-year ledger of 100,000
 * invoices is about 500 M characters: more than one string, one JSON.parse or one runtime
 * message can hold). Lines, in this order:
 *
 *     {"format":"relance-backup","version":2,"exported_at":…,"app_version":…,"counts":{…}}
 *     {"settings":{…}}
 *     {"templates":{…}}
 *     {"client":{…}}                                  one per client, by id
 *     {"head":{"count":2,"hash":"…"},"invoice":{…}}   one per invoice, by id, followed by
 *     {"event":{…}}                                   its events in chain order (seq 0, 1, 2…)
 *     {"end":{"clients":…,"invoices":…,"events":…}}
 *
 * Each invoice is followed by its own events, so a reader verifies each chain as soon as it ends
 * (against the head on the invoice's line) holding one invoice's events, never the whole logbook.
 * `backupLines` yields the lines one by one (bounded memory on top of the snapshot given).
 * `backupV2Line` writes each kind of line; the service worker's streamed export calls it a store
 * page at a time (src/background/backup-export.ts), so the two writers give the same bytes.
 */
import { BACKUP_FORMAT, type LedgerSnapshot } from './backup';
import { sortedJson } from './backup-json';
import type { LedgerEvent } from './events';
import type { Client, LedgerInvoice } from './model';
import { chainHeads, genesisHash } from './hash-chain';

export const BACKUP_V2 = 2;

export interface BackupV2Counts {
  clients: number;
  invoices: number;
  events: number;
  templates: number;
}

/** The first line. */
export interface BackupV2Header {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_V2;
  exported_at: string;
  app_version?: string;
  counts: BackupV2Counts;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The line writers, one per record kind: the only place the v2 line format is written. The
 * whole-snapshot writer below and the service worker's streamed export
 * (src/background/backup-export.ts, a page of the store at a time) both call them, so the two
 * give the same bytes for the same ledger.
 */
export const backupV2Line = {
  /** The header's keys in a fixed, readable order (format first, so `head -c 60` tells what it is). */
  header(exportedAt: string, counts: BackupV2Counts, options: { appVersion?: string } = {}): string {
    const header: BackupV2Header = {
      format: BACKUP_FORMAT,
      version: BACKUP_V2,
      exported_at: exportedAt,
      ...(options.appVersion === undefined ? {} : { app_version: options.appVersion }),
      counts: { clients: counts.clients, invoices: counts.invoices, events: counts.events, templates: counts.templates },
    };
    return JSON.stringify(header);
  },
  settings: (settings: LedgerSnapshot['settings']): string => `{"settings":${sortedJson(settings)}}`,
  templates: (templates: LedgerSnapshot['templates']): string => `{"templates":${sortedJson(templates)}}`,
  client: (client: Client): string => `{"client":${sortedJson(client)}}`,
  /** An invoice with the head of its chain (`chain`: its events in chain order). */
  invoice(invoice: LedgerInvoice, chain: readonly LedgerEvent[]): string {
    const head = chainHeads(chain)[0] ?? { count: 0, hash: genesisHash(invoice.id) };
    return `{"head":${sortedJson({ count: head.count, hash: head.hash })},"invoice":${sortedJson(invoice)}}`;
  },
  event: (event: LedgerEvent): string => `{"event":${sortedJson(event)}}`,
  end: (counts: Omit<BackupV2Counts, 'templates'>): string => `{"end":${JSON.stringify({ clients: counts.clients, invoices: counts.invoices, events: counts.events })}}`,
};

/** An invoice's events in chain order (`seq`; an unsealed event last). */
function inChainOrder(events: readonly LedgerEvent[]): LedgerEvent[] {
  const seq = (event: LedgerEvent): number => (typeof event.seq === 'number' ? event.seq : Number.MAX_SAFE_INTEGER);
  return [...events].sort((a, b) => seq(a) - seq(b));
}

/**
 * The backup's lines (each without its line feed), in file order. Stable: the same ledger always
 * gives the same lines. Events of an invoice the snapshot does not have are left out (they have no
 * invoice line to follow; `exportBackup`'s v1 file reports them).
 */
export function* backupLines(snapshot: LedgerSnapshot, exportedAt: string, options: { appVersion?: string } = {}): Generator<string, void, undefined> {
  const clients = [...snapshot.clients].sort((a, b) => compareText(a.id, b.id));
  const invoices = [...snapshot.invoices].sort((a, b) => compareText(a.id, b.id));
  const byInvoice = new Map<string, LedgerEvent[]>();
  for (const invoice of invoices) byInvoice.set(invoice.id, []);
  let events = 0;
  for (const event of snapshot.events) {
    const list = byInvoice.get(event.invoiceId);
    if (!list) continue;
    list.push(event);
    events += 1;
  }
  const counts: BackupV2Counts = { clients: clients.length, invoices: invoices.length, events, templates: Object.keys(snapshot.templates).length };
  yield backupV2Line.header(exportedAt, counts, options);
  yield backupV2Line.settings(snapshot.settings);
  yield backupV2Line.templates(snapshot.templates);
  for (const client of clients) yield backupV2Line.client(client);
  for (const invoice of invoices) {
    const chain = inChainOrder(byInvoice.get(invoice.id) ?? []);
    byInvoice.delete(invoice.id);
    yield backupV2Line.invoice(invoice, chain);
    for (const event of chain) yield backupV2Line.event(event);
  }
  yield backupV2Line.end(counts);
}

export interface BackupV2Export {
  /** The whole file's text (lines ended by a line feed; UTF-8 when saved). Small ledgers only: a big one is written line by line (`backupLines`). */
  text: string;
  counts: BackupV2Counts;
}

/** The version 2 file as one text (tests, small ledgers). */
export function exportBackupV2(snapshot: LedgerSnapshot, exportedAt: string, options: { appVersion?: string } = {}): BackupV2Export {
  const lines = [...backupLines(snapshot, exportedAt, options)];
  const header = JSON.parse(lines[0]!) as BackupV2Header;
  return { text: `${lines.join('\n')}\n`, counts: header.counts };
}
