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
 */
import { BACKUP_FORMAT, type LedgerSnapshot } from './backup';
import { sortedJson } from './backup-json';
import type { LedgerEvent } from './events';
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
  const header: BackupV2Header = {
    format: BACKUP_FORMAT,
    version: BACKUP_V2,
    exported_at: exportedAt,
    ...(options.appVersion === undefined ? {} : { app_version: options.appVersion }),
    counts: { clients: clients.length, invoices: invoices.length, events, templates: Object.keys(snapshot.templates).length },
  };
  // The header's keys in a fixed, readable order (format first, so `head -c 60` tells what it is).
  yield JSON.stringify(header);
  yield `{"settings":${sortedJson(snapshot.settings)}}`;
  yield `{"templates":${sortedJson(snapshot.templates)}}`;
  for (const client of clients) yield `{"client":${sortedJson(client)}}`;
  const seq = (event: LedgerEvent): number => (typeof event.seq === 'number' ? event.seq : Number.MAX_SAFE_INTEGER);
  for (const invoice of invoices) {
    const chain = [...(byInvoice.get(invoice.id) ?? [])].sort((a, b) => seq(a) - seq(b));
    byInvoice.delete(invoice.id);
    const head = chainHeads(chain)[0] ?? { count: 0, hash: genesisHash(invoice.id) };
    yield `{"head":${sortedJson({ count: head.count, hash: head.hash })},"invoice":${sortedJson(invoice)}}`;
    for (const event of chain) yield `{"event":${sortedJson(event)}}`;
  }
  yield `{"end":${JSON.stringify({ clients: clients.length, invoices: invoices.length, events })}}`;
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
