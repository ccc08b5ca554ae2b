/**
 * The store bench page (built by scripts/bench-store/vite.config.ts, driven by scripts/bench-store.ts
 * through Playwright): the REAL schema, LedgerStore and ledger functions over Chromium's real
 * IndexedDB. Exposes `window.bench`; every function returns plain data (page.evaluate copies it).
 *
 * Each query is what its screen needs, called as the app calls the store (schema v3: each invoice
 * carries its summary, each client its totals; src/core/ledger/summary.ts, client-totals.ts):
 * - badge: `LedgerStore.attentionCount(today)`: a count on the index `attentionFrom` (the day's
 *   re-search already done); `badgeNewDay`: the first count of a new day, which first re-searches
 *   the invoices whose key is ≤ today (the attention day set back one day before each run).
 * - dashboard: `LedgerStore.dashboard(today)`: the open invoices' summaries (index `open`) and the
 *   DSO's sales per day and currency (table `dailySales`); aging, outstanding, DSO.
 * - client history: `LedgerStore.clientHistoryOf(id, today)`: the client's totals record and its
 *   latest invoices due (index [clientId+dueDate]).
 * For comparison (the notes), the schema v2 way: `badgeDerived` (open invoices with their logbooks
 * and clients, derived, `badgeCount`) and `dueToday`.
 * Runs through the store are timed whole (`load`); the v2-way runs in three parts: load
 * (IndexedDB), derive (`deriveInvoiceState`), query (the pure function).
 */
import Dexie from 'dexie';
import { LedgerStore, type LedgerRecord } from '../../src/adapters/storage/ledger-store';
import { RelanceDatabase } from '../../src/adapters/storage/schema';
import { addDays } from '../../src/core/dates';
import {
  agingBuckets,
  backupLines,
  badgeCount,
  clientHistory,
  daysSalesOutstanding,
  deriveInvoiceState,
  dueToday,
  needsUserToday,
  outstandingByCurrency,
  type ChainedEvent,
  type Client,
  type InvoiceState,
  type LedgerInvoice,
  type LedgerSettings,
} from '../../src/core/ledger';
import { handleRestoreRequest } from '../../src/background/backup-restore';
import { restoreBackupFile, UPLOAD_CHUNK_CHARS, type SendRestoreRequest } from '../../src/ui/backup-upload';
import { handleExportRequest } from '../../src/background/backup-export';
import type { BackupExportStreamRequest } from '../../src/protocol/backup-export-messages';
import { downloadBackupFile, type SendExportRequest } from '../../src/ui/backup-download';
import { allClients, clientOf, FULL_LEDGER, SETTINGS, TODAY } from './ledger-gen';
import type { ChunkDone, ChunkReply, ChunkRequest } from './worker';

const connections = new Map<string, { db: RelanceDatabase; store: LedgerStore }>();

function open(name: string): { db: RelanceDatabase; store: LedgerStore } {
  let found = connections.get(name);
  if (!found) {
    const db = new RelanceDatabase(name);
    found = { db, store: new LedgerStore(db) };
    connections.set(name, found);
  }
  return found;
}

/** A new, empty database with the bench's settings and clients. */
async function setup(name: string): Promise<void> {
  connections.get(name)?.db.close();
  connections.delete(name);
  await Dexie.delete(name);
  const { db, store } = open(name);
  await db.ready();
  await store.putSettings(SETTINGS);
  await db.clients.bulkAdd(allClients());
}

export interface GenerateResult extends ChunkDone {
  ms: number;
  workers: number;
}

const CHUNK = 2_000;

/**
 * Runs chunks of CHUNK invoices of [from, to) through a pool of generator workers (one per core, at
 * most 4); `take` receives each reply's records (mode `records`).
 */
async function pool(mode: ChunkRequest['mode'], name: string, from: number, to: number, take?: (records: { invoices: LedgerInvoice[]; events: ChainedEvent[] }) => void): Promise<GenerateResult> {
  const started = performance.now();
  const queue: ChunkRequest[] = [];
  for (let k = from; k < to; k += CHUNK) queue.push({ mode, name, from: k, to: Math.min(to, k + CHUNK) });
  const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4, queue.length));
  const total: ChunkDone = { invoices: 0, events: 0, open: 0, generateMs: 0, writeMs: 0 };
  const workers = Array.from({ length: size }, () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (let request = queue.shift(); request; request = queue.shift()) {
          const reply = await new Promise<ChunkReply>((resolve) => {
            worker.onmessage = (message: MessageEvent<ChunkReply>) => resolve(message.data);
            worker.onerror = (error) => resolve({ ok: false, error: error.message });
            worker.postMessage(request);
          });
          if (!reply.ok) throw new Error(`worker: ${reply.error}`);
          if (reply.records) take?.(reply.records);
          total.invoices += reply.done.invoices;
          total.events += reply.done.events;
          total.open += reply.done.open;
          total.generateMs += reply.done.generateMs;
          total.writeMs += reply.done.writeMs;
        }
      }),
    );
  } finally {
    for (const worker of workers) worker.terminate();
  }
  return { ...total, ms: performance.now() - started, workers: size };
}

/** Writes invoices [from, to) of the bench ledger into the database, CHUNK invoices per transaction. */
function generate(name: string, from: number, to: number): Promise<GenerateResult> {
  return pool('write', name, from, to);
}

async function counts(name: string): Promise<{ invoices: number; events: number; open: number; dueToday: number; clients: number; clientTotals: number }> {
  const { db } = open(name);
  const [invoices, events, openCount, due, clients, clientTotals] = await Promise.all([
    db.invoices.count(),
    db.events.count(),
    db.invoices.where('open').equals(1).count(),
    db.invoices.where('openDueDate').equals(TODAY).count(),
    db.clients.count(),
    db.clientTotals.count(),
  ]);
  return { invoices, events, open: openCount, dueToday: due, clients, clientTotals };
}

// ---- the queries ---------------------------------------------------------------------------------

interface Run {
  /** Untimed preparation inside the run (subtracted from its total). */
  setup?: number;
  /** The answer (to check the runs agree, and to show it). */
  answer: unknown;
  /** Invoices derived, events read. */
  invoices: number;
  events: number;
  load: number;
  derive: number;
  query: number;
}

function deriveAll(records: readonly LedgerRecord[], settings: LedgerSettings, clients: readonly Client[]): InvoiceState[] {
  const byId = new Map(clients.map((client) => [client.id, client]));
  return records.map(({ invoice, logbook }) => deriveInvoiceState(invoice, logbook, settings, TODAY, { client: byId.get(invoice.clientId) ?? null }));
}

const eventCount = (records: readonly LedgerRecord[]) => records.reduce((sum, record) => sum + record.logbook.length, 0);

async function badgeRun(name: string): Promise<Run> {
  const { store } = open(name);
  const t0 = performance.now();
  const count = await store.attentionCount(TODAY);
  return { answer: count, invoices: count, events: 0, load: performance.now() - t0, derive: 0, query: 0 };
}

/** The first badge count of a day: the attention day is set back to yesterday (untimed), then counted. */
async function badgeNewDayRun(name: string): Promise<Run> {
  const { db, store } = open(name);
  const s0 = performance.now();
  await db.meta.put({ key: 'attention', value: addDays(TODAY, -1) });
  const stale = await db.invoices.where('attentionFrom').belowOrEqual(TODAY).count();
  const t0 = performance.now();
  const count = await store.attentionCount(TODAY);
  return { answer: count, invoices: stale, events: 0, load: performance.now() - t0, derive: 0, query: 0, setup: t0 - s0 };
}

/** The schema v2 badge, for comparison: every open invoice derived from its logbook. */
async function badgeDerivedRun(name: string): Promise<Run> {
  const { store } = open(name);
  const t0 = performance.now();
  const [records, settings] = await Promise.all([store.openInvoices(), store.getSettings()]);
  const clients = await store.getClients(records.map((record) => record.invoice.clientId));
  const t1 = performance.now();
  const states = deriveAll(records, settings, clients);
  const t2 = performance.now();
  const answer = { items: badgeCount(states, TODAY), invoices: states.filter((state) => needsUserToday(state, TODAY)).length };
  const t3 = performance.now();
  return { answer, invoices: records.length, events: eventCount(records), load: t1 - t0, derive: t2 - t1, query: t3 - t2 };
}

/** Only the invoices due today (index `openDueDate`): NOT the badge (it misses the overdue invoices' actions); shown for comparison. */
async function dueTodayRun(name: string): Promise<Run> {
  const { store } = open(name);
  const t0 = performance.now();
  const [records, settings] = await Promise.all([store.dueToday(TODAY), store.getSettings()]);
  const clients = await store.getClients(records.map((record) => record.invoice.clientId));
  const t1 = performance.now();
  const states = deriveAll(records, settings, clients);
  const t2 = performance.now();
  const due = dueToday(states, TODAY).length;
  const t3 = performance.now();
  return { answer: due, invoices: records.length, events: eventCount(records), load: t1 - t0, derive: t2 - t1, query: t3 - t2 };
}

async function bareCountRun(name: string): Promise<Run> {
  const { db } = open(name);
  const t0 = performance.now();
  const count = await db.invoices.where('open').equals(1).count();
  const t1 = performance.now();
  return { answer: count, invoices: 0, events: 0, load: t1 - t0, derive: 0, query: 0 };
}

async function dashboardRun(name: string): Promise<Run> {
  const { store } = open(name);
  const t0 = performance.now();
  const { aging, outstanding, dso } = await store.dashboard(TODAY, { days: 90 });
  const t1 = performance.now();
  const eur = (rows: ReadonlyArray<{ currency: string }>) => rows.find((row) => row.currency === 'EUR');
  const openCount = aging.rows.reduce((sum, row) => sum + Object.values(row.buckets).reduce((n, bucket) => n + bucket.count, 0), 0) + aging.unknownCount;
  return { answer: { outstandingEur: eur(outstanding.byCurrency), agingEur: eur(aging.rows), dsoEur: eur(dso.rows) }, invoices: openCount, events: 0, load: t1 - t0, derive: 0, query: 0 };
}

/** The schema v2 dashboard, for comparison: open ∪ window invoices with their logbooks, derived. */
async function dashboardDerivedRun(name: string): Promise<Run> {
  const { store } = open(name);
  const t0 = performance.now();
  const [records, settings] = await Promise.all([store.openOrIssuedBetween(addDays(TODAY, -89), TODAY), store.getSettings()]);
  const clients = await store.getClients(records.map((record) => record.invoice.clientId));
  const t1 = performance.now();
  const states = deriveAll(records, settings, clients);
  const t2 = performance.now();
  const aging = agingBuckets(states, TODAY);
  const outstanding = outstandingByCurrency(states);
  const dso = daysSalesOutstanding(states, TODAY, { days: 90 });
  const t3 = performance.now();
  const eur = (rows: ReadonlyArray<{ currency: string }>) => rows.find((row) => row.currency === 'EUR');
  return {
    answer: { outstandingEur: eur(outstanding.byCurrency), agingEur: eur(aging.rows), dsoEur: eur(dso.rows) },
    invoices: records.length,
    events: eventCount(records),
    load: t1 - t0,
    derive: t2 - t1,
    query: t3 - t2,
  };
}

export const BIG_CLIENT_ID = clientOf(0).id;

async function clientHistoryRun(name: string): Promise<Run> {
  const { store } = open(name);
  const t0 = performance.now();
  const history = await store.clientHistoryOf(BIG_CLIENT_ID, TODAY);
  const t1 = performance.now();
  const { latePayment: _late, ...summary } = history;
  return { answer: summary, invoices: history.latePayment.considered, events: 0, load: t1 - t0, derive: 0, query: 0 };
}

/** The schema v2 client history, for comparison: every invoice of the client with its logbook, derived. */
async function clientHistoryDerivedRun(name: string): Promise<Run> {
  const { store } = open(name);
  const t0 = performance.now();
  const [records, settings, client] = await Promise.all([store.clientInvoices(BIG_CLIENT_ID), store.getSettings(), store.getClient(BIG_CLIENT_ID)]);
  const t1 = performance.now();
  const states = deriveAll(records, settings, client ? [client] : []);
  const t2 = performance.now();
  const history = clientHistory(BIG_CLIENT_ID, states, TODAY);
  const t3 = performance.now();
  const { latePayment: _late, ...summary } = history;
  return { answer: summary, invoices: records.length, events: eventCount(records), load: t1 - t0, derive: t2 - t1, query: t3 - t2 };
}

/**
 * For comparison in the notes: the invoice records alone, without their logbooks (the bytes a
 * design keeping each invoice's derived state on its record would read). Not a query of the app.
 */
async function recordsOnlyRun(name: string, select: (db: RelanceDatabase) => Promise<unknown[]>): Promise<Run> {
  const { db } = open(name);
  const t0 = performance.now();
  const rows = await select(db);
  return { answer: rows.length, invoices: rows.length, events: 0, load: performance.now() - t0, derive: 0, query: 0 };
}

const RUNS = {
  badge: badgeRun,
  badgeNewDay: badgeNewDayRun,
  badgeDerived: badgeDerivedRun,
  dashboardDerived: dashboardDerivedRun,
  clientHistoryDerived: clientHistoryDerivedRun,
  dueToday: dueTodayRun,
  bareCount: bareCountRun,
  dashboard: dashboardRun,
  clientHistory: clientHistoryRun,
  openRecordsOnly: (name: string) => recordsOnlyRun(name, (db) => db.invoices.where('open').equals(1).toArray()),
  clientRecordsOnly: (name: string) => recordsOnlyRun(name, (db) => db.invoices.where('clientId').equals(BIG_CLIENT_ID).toArray()),
};
export type QueryName = keyof typeof RUNS;

/** One timed run: the whole query and its parts, in ms. */
export interface Sample {
  total: number;
  load: number;
  derive: number;
  query: number;
}

export interface Measured {
  samples: Sample[];
  /** Of the last run: invoices derived, events read, the answer. */
  invoices: number;
  events: number;
  answer: unknown;
}

/**
 * Runs a query `warmup` times untimed (JIT, Dexie's and IndexedDB's caches), then at least
 * `minRuns` times and until `minMs` have passed (at most `maxRuns`). The driver takes the median
 * and p95 of the samples.
 */
async function measure(name: string, query: QueryName, { warmup = 3, minRuns = 15, maxRuns = 200, minMs = 1_500 } = {}): Promise<Measured> {
  const run = RUNS[query];
  for (let i = 0; i < warmup; i += 1) await run(name);
  const samples: Sample[] = [];
  let last: Run | null = null;
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < minMs)) {
    const t0 = performance.now();
    last = await run(name);
    samples.push({ total: performance.now() - t0 - (last.setup ?? 0), load: last.load, derive: last.derive, query: last.query });
  }
  return { samples, invoices: last?.invoices ?? 0, events: last?.events ?? 0, answer: last?.answer };
}

// ---- backup export and import ------------------------------------------------------------------

export interface BackupMade {
  chars: number;
  invoices: number;
  events: number;
  generateMs: number;
  serializeMs: number;
  uploadMs: number;
}

/**
 * The whole bench ledger (100,000 invoices, 1,000,000 events) as a backup file: generated by the
 * workers, written by the real `backupLines` (format version 2, JSON Lines; what the export writes
 * for a ledger this size), then posted to the bench server (`uploadUrl`), from where `loadBackup`
 * reads it in another page as a Blob, as the settings page holds the File the user picked.
 */
async function makeBackup(uploadUrl: string): Promise<BackupMade> {
  let invoices: LedgerInvoice[] = [];
  let events: ChainedEvent[] = [];
  const generated = await pool('records', '', 0, FULL_LEDGER.invoices, (records) => {
    // A message gives every event its own copy of its invoice's id: share the invoice's.
    const ids = new Map<string, string>();
    for (const invoice of records.invoices) {
      ids.set(invoice.id, invoice.id);
      invoices.push(invoice);
    }
    for (const event of records.events) {
      event.invoiceId = ids.get(event.invoiceId) ?? event.invoiceId;
      events.push(event);
    }
  });
  const t0 = performance.now();
  // Lines gathered into parts of about 16 M characters (a Blob of them is the file).
  const parts: string[] = [];
  let part: string[] = [];
  let partChars = 0;
  let chars = 0;
  for (const line of backupLines({ settings: SETTINGS, templates: {}, clients: allClients(), invoices, events }, `${TODAY}T18:00:00.000Z`, { appVersion: 'bench' })) {
    part.push(line);
    partChars += line.length + 1;
    if (partChars >= 1 << 24) {
      parts.push(`${part.join('\n')}\n`);
      chars += partChars;
      part = [];
      partChars = 0;
    }
  }
  parts.push(`${part.join('\n')}\n`);
  chars += partChars;
  const counted = { invoices: invoices.length, events: events.length };
  invoices = [];
  events = [];
  const t1 = performance.now();
  const response = await fetch(uploadUrl, { method: 'POST', body: new Blob(parts) });
  if (!response.ok) throw new Error(`upload: ${response.status}`);
  parts.length = 0;
  collect();
  return { chars, ...counted, generateMs: generated.ms, serializeMs: t1 - t0, uploadMs: performance.now() - t1 };
}

declare const gc: (() => void) | undefined;

/** The JS heap in use (precise with --enable-precise-memory-info), in bytes. */
const heapUsed = (): number => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
const heapLimit = (): number => (performance as Performance & { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit ?? 0;

/** Frees what the page no longer references (the bench starts Chromium with --expose-gc); the heap then. */
function collect(): number {
  if (typeof gc === 'function') gc();
  return heapUsed();
}

let backupFile: Blob | null = null;

/** Fetches the backup file as a Blob (Chromium keeps a big one in its blob storage, out of the page's heap), as the File input gives it. */
async function loadBackup(url: string): Promise<{ chars: number; bytes: number; heap: number; heapLimit: number }> {
  const response = await fetch(url);
  backupFile = await response.blob();
  return { chars: 0, bytes: backupFile.size, heap: collect(), heapLimit: heapLimit() };
}

export interface ImportResult {
  /** Reading the file as a stream, sending it in chunks, checking and staging them (until the last chunk's verdict). */
  stageMs: number;
  /** The commit: the staged ledger swapped in, in one transaction. */
  commitMs: number;
  totalMs: number;
  bytes: number;
  chunks: number;
  chunkChars: number;
  warnings: number;
  heapBefore: number;
  /** The largest JS heap seen after a chunk (sampled), and after the commit. */
  heapPeakSampled: number;
  heapAfter: number;
  imported: { invoices: number; events: number; open: number; dueToday: number; clients: number };
}

/**
 * Imports the Blob `loadBackup` fetched into the database `target` (deleted first), through the
 * app's real restore path: `restoreBackupFile` (src/ui/backup-upload.ts: the file as a stream, in
 * chunks of UPLOAD_CHUNK_CHARS) sending each request, copied as a runtime message copies it, to the
 * service worker's handler (src/background/backup-restore.ts: the streaming reader checks every
 * record and chain, RestoreStaging stages them; the commit swaps them in, in one transaction). The
 * page and the "worker" share this renderer, so its memory is both sides'. Wall time; the driver
 * reads the memory peaks around it.
 */
async function importBackup(target: string): Promise<ImportResult> {
  const file = backupFile;
  if (file === null) throw new Error('loadBackup first');
  await remove(target);
  const { db, store } = open(target);
  await db.ready();
  const deps = { ledger: store, now: () => new Date(), broadcast: () => undefined, refreshBadge: async () => undefined };
  const heapBefore = collect();
  let heapPeakSampled = heapBefore;
  let chunks = 0;
  let commitStarted = 0;
  const send = (async (message: Parameters<typeof handleRestoreRequest>[0]) => {
    if (message.type === 'backup/import-commit') commitStarted = performance.now();
    if (message.type === 'backup/import-chunk') chunks += 1;
    const reply = await handleRestoreRequest(structuredClone(message), deps);
    heapPeakSampled = Math.max(heapPeakSampled, heapUsed());
    return reply;
  }) as SendRestoreRequest;
  const t0 = performance.now();
  let warnings = 0;
  const outcome = await restoreBackupFile(file, {
    send,
    ask: async (checked) => {
      warnings = checked.warnings.length;
      return true;
    },
  });
  const t2 = performance.now();
  if (!outcome.ok) throw new Error(`the backup does not restore: ${outcome.cancelled ? 'cancelled' : `${outcome.error}\n${outcome.problems.map((problem) => problem.message).join('\n')}`}`);
  const heapAfter = heapUsed();
  return {
    stageMs: commitStarted - t0,
    commitMs: t2 - commitStarted,
    totalMs: t2 - t0,
    bytes: file.size,
    chunks,
    chunkChars: UPLOAD_CHUNK_CHARS,
    warnings,
    heapBefore,
    heapPeakSampled,
    heapAfter,
    imported: await counts(target),
  };
}

export interface ExportResult {
  totalMs: number;
  bytes: number;
  pieces: number;
  heapBefore: number;
  /** The largest JS heap seen after a piece (sampled). */
  heapPeakSampled: number;
  heapAfter: number;
  counts: { clients: number; invoices: number; events: number; templates: number };
  /** The file's first and last lines (the driver checks the header's and the end's counts). */
  header: string;
  end: string;
}

/**
 * Downloads the database `source` as a backup through the app's real export path:
 * `downloadBackupFile` (src/ui/backup-download.ts) asking for the file in pieces, each request and
 * reply copied as a runtime message copies it, from the service worker's handler
 * (src/background/backup-export.ts: the store read a page at a time, src/adapters/storage/export-pages.ts),
 * the pieces kept as Blob parts and joined into one Blob. Page and "worker" share this renderer.
 * Wall time; the driver reads the memory peaks around it.
 */
async function exportBackup(source: string): Promise<ExportResult> {
  const { db, store } = open(source);
  await db.ready();
  const deps = { ledger: store, now: () => new Date(), today: async () => TODAY, appVersion: 'bench' };
  const heapBefore = collect();
  let heapPeakSampled = heapBefore;
  let pieces = 0;
  const send = (async (message: BackupExportStreamRequest) => {
    if (message.type === 'backup/export-chunk') pieces += 1;
    const reply = structuredClone(await handleExportRequest(structuredClone(message), deps));
    heapPeakSampled = Math.max(heapPeakSampled, heapUsed());
    return reply;
  }) as SendExportRequest;
  const t0 = performance.now();
  const outcome = await downloadBackupFile({ send });
  const totalMs = performance.now() - t0;
  if (!outcome.ok) throw new Error(`the export failed: ${outcome.cancelled ? 'cancelled' : outcome.error}`);
  const heapAfter = heapUsed();
  const head = await outcome.file.slice(0, 400).text();
  const tail = await outcome.file.slice(Math.max(0, outcome.file.size - 200)).text();
  return {
    totalMs,
    bytes: outcome.file.size,
    pieces,
    heapBefore,
    heapPeakSampled,
    heapAfter,
    counts: outcome.counts,
    header: head.slice(0, head.indexOf('\n')),
    end: tail.trimEnd().slice(tail.trimEnd().lastIndexOf('\n') + 1),
  };
}

function dropBackup(): number {
  backupFile = null;
  return collect();
}

async function remove(name: string): Promise<void> {
  connections.get(name)?.db.close();
  connections.delete(name);
  await Dexie.delete(name);
}

const bench = { setup, generate, counts, measure, makeBackup, loadBackup, importBackup, exportBackup, dropBackup, collect, remove, today: TODAY, bigClientId: BIG_CLIENT_ID };
export type StoreBench = typeof bench;

(window as unknown as { bench: StoreBench }).bench = bench;
document.title = 'ready';
