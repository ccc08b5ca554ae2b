/**
 * The ledger store's scale figures (issue 5), in Debian's Chromium with its real IndexedDB on disk
 * (not fake-indexeddb), through the real schema, LedgerStore and ledger functions. Used by `npm run
 * bench` (scripts/bench.ts adds `...(await storeFigures())`) and runnable alone:
 *
 *     node --import tsx scripts/bench-store.ts        # prints a table
 *
 * How: builds the bench page (scripts/bench-store/: page.html, page.ts, worker.ts, ledger-gen.ts;
 * its own Vite config, output in .cache/bench-store/), serves it on 127.0.0.1, opens it in headless
 * Chromium with a fresh persistent profile (IndexedDB on disk, as the extension's; nothing kept
 * between runs) and calls `window.bench` through page.evaluate, each step in a page of its own:
 * 1. writes the newest 10,000 invoices of the bench ledger (ledger-gen.ts: ten years, 100,000
 *    invoices, 1,000,000 events; every invoice open today is among the newest 10,000) into a
 *    database of another origin (localhost: a LevelDB of its own), through generator workers;
 * 2. generates the whole ledger (workers chain the 1,000,000 events with the real chainEvents) and
 *    writes its backup file with the real backupLines (format version 2, JSON Lines);
 * 3. restores that file into an empty database through the app's restore path (restoreBackupFile:
 *    the file as a stream, in chunks, to the worker's handler, which checks and stages them; then
 *    one commit) in a fresh page, timed, with memory peaks: the 100k database the queries then read;
 * 4. once Chromium's LevelDB has stopped compacting, times each query (warm-up, then many runs:
 *    median and p95), the badge on the 10k and 100k databases in alternating rounds.
 *
 * Figures:
 * - store_due_today_ms (the badge's query, LedgerStore.attentionCount; goal <= 10),
 *   store_bare_count_ms (a bare count on the `open` index; the badge is meant to stay within 3
 *   times it), store_dashboard_ms (LedgerStore.dashboard: aging + outstanding + DSO; goal <= 150),
 *   store_client_history_ms (LedgerStore.clientHistoryOf, a client with 2,000 invoices; goal
 *   <= 20): medians of queries reading schema v3's summaries; each answer is checked against the
 *   same query over derived states (the schema v2 way, timed too for the notes). The notes give
 *   p95, the badge's first count of a day (its daily re-search), the badge on the 10k database,
 *   and the invoice records alone.
 * - store_export_100k_s, store_export_100k_peak_mb: the same 100k database downloaded as a backup
 *   through the app's streamed export (src/ui/backup-download.ts, src/background/backup-export.ts),
 *   in a page of its own right after the import; wall time and peaks measured as the import's.
 * - store_import_100k_s, store_import_100k_peak_mb: the restore's wall time, and the peak resident
 *   memory of the renderer process running it (the kernel's high-water mark VmHWM, reset through
 *   /proc/<pid>/clear_refs once the file is fetched: every allocation counts, which no sampling
 *   from outside the page sees). The note adds the JS heap (performance.memory, precise) and the
 *   browser process's peak (IndexedDB's side).
 *
 * About 5.5 minutes on a 2-core machine, 3 of them the restore (1,100,000 records written in one
 * transaction).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { CHROMIUM_PATH } from '../tests/e2e/chromium-args';
import type { BackupMade, ExportResult, GenerateResult, ImportResult, Measured, StoreBench } from './bench-store/page';
import { EXPORT_PAGE } from '../src/background/backup-export';

export interface StoreFigure {
  key: string;
  value: number;
  unit: string;
  goal?: { max?: number; min?: number };
  note: string;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.cache/bench-store');
const DB = 'relance-bench';
const DB_10K = 'relance-bench-10k';

const log = (text: string) => process.stderr.write(`  [store] ${text}\n`);
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toString());
const mb = (bytes: number) => Math.round(bytes / 1048576);

// ---- the page, served ----------------------------------------------------------------------------

async function buildPage(): Promise<void> {
  await build({ configFile: path.join(ROOT, 'scripts/bench-store/vite.config.ts'), logLevel: 'warn' });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8' };

/** Serves the built page; keeps the backup file the page posts to /backup.json and serves it back. */
function serve(): Promise<{ server: Server; origin: string; dropBackup: () => void }> {
  let backup: Buffer | null = null;
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname;
    if (name === '/backup.json' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        backup = Buffer.concat(chunks);
        response.writeHead(204).end();
      });
      return;
    }
    let body: Buffer | null = null;
    if (name === '/backup.json') body = backup;
    else if (/^\/[\w./-]+$/.test(name) && !name.includes('..')) {
      try {
        body = readFileSync(path.join(OUT, name));
      } catch {
        body = null;
      }
    }
    if (body === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
    response.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        dropBackup: () => {
          backup = null;
        },
      }),
    ),
  );
}

// ---- Chromium's processes (Linux /proc) ----------------------------------------------------------

interface ChromiumProcess {
  pid: number;
  /** `browser`, `renderer`, `gpu-process`, `utility`, `zygote`… */
  type: string;
}

/** The Chromium processes started by this Node process. */
function chromiumProcesses(): ChromiumProcess[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Ended meanwhile.
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  const found: ChromiumProcess[] = [];
  for (const pid of parents.keys()) {
    if (!mine(pid)) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('chrom')) continue;
      found.push({ pid, type: /--type=([\w-]+)/.exec(command)?.[1] ?? 'browser' });
    } catch {
      // Ended meanwhile.
    }
  }
  return found;
}

const renderers = () => chromiumProcesses().flatMap((p) => (p.type === 'renderer' ? [p.pid] : []));

function browserPid(): number {
  const browser = chromiumProcesses().find((p) => p.type === 'browser');
  if (!browser) throw new Error('no Chromium browser process found');
  return browser.pid;
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Resets the peak resident size (VmHWM) to the current one. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** CPU time of a process so far, in clock ticks (1/100 s). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until Chromium's browser process (where IndexedDB's LevelDB lives) is idle: after bulk
 * writes it compacts for a while, and a query timed meanwhile takes up to twice as long. Idle: under
 * 5 % of a core for 5 seconds in a row; gives up after 120 s. Returns the seconds waited.
 */
async function settle(pid: number): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let last = cpuTicks(pid);
  while (quiet < 5 && Date.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = cpuTicks(pid);
    quiet = now - last <= 5 ? quiet + 1 : 0;
    last = now;
  }
  return (Date.now() - started) / 1000;
}

// ---- the run -------------------------------------------------------------------------------------

type BenchFunction<K extends keyof StoreBench> = Extract<StoreBench[K], (...args: never[]) => unknown>;

async function call<K extends keyof StoreBench>(page: Page, name: K, ...args: Parameters<BenchFunction<K>>): Promise<Awaited<ReturnType<BenchFunction<K>>>> {
  return page.evaluate(([fn, params]) => (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[fn]!(...params), [name, args] as const) as never;
}

async function openPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  page.on('crash', () => log('the page crashed (out of memory?)'));
  await page.goto(`${origin}/page.html`);
  await page.waitForFunction(() => document.title === 'ready');
  return page;
}

interface Timing {
  runs: number;
  median: number;
  p95: number;
  /** Medians of the parts. */
  load: number;
  derive: number;
  query: number;
  invoices: number;
  events: number;
  answer: unknown;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

/** Median and p95 over the samples of one or more measurements of the same query. */
function timing(...measured: Measured[]): Timing {
  const samples = measured.flatMap((m) => m.samples);
  const last = measured[measured.length - 1]!;
  return {
    runs: samples.length,
    median: median(samples.map((s) => s.total)),
    p95: p95(samples.map((s) => s.total)),
    load: median(samples.map((s) => s.load)),
    derive: median(samples.map((s) => s.derive)),
    query: median(samples.map((s) => s.query)),
    invoices: last.invoices,
    events: last.events,
    answer: last.answer,
  };
}


/** Rounds a figure's value: 2 decimals under 10, 1 under 100, whole above. */
const figureValue = (value: number) => Number(ms(value));

export async function storeFigures(): Promise<StoreFigure[]> {
  log('building the bench page…');
  await buildPage();
  const { server, origin, dropBackup } = await serve();
  // The 10k database under another origin (localhost): Chromium keeps one LevelDB per origin, so
  // it is a database of its own on disk, not a corner of the 100k one.
  const smallOrigin = origin.replace('127.0.0.1', 'localhost');
  // A persistent profile: IndexedDB on disk, as the extension has it (a Playwright
  // `browser.newContext()` is incognito, where IndexedDB lives in memory).
  const profile = mkdtempSync(path.join(tmpdir(), 'relance-bench-store-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--js-flags=--expose-gc', '--enable-precise-memory-info', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const browser = browserPid();
    for (const page of context.pages()) await page.close();

    // 1. The newest 10,000 invoices (every invoice open today is among them), written by workers.
    let small = await openPage(context, smallOrigin);
    await call(small, 'setup', DB_10K);
    log('generating the newest 10,000 invoices…');
    const recent: GenerateResult = await call(small, 'generate', DB_10K, 90_000, 100_000);
    const counts10k = await call(small, 'counts', DB_10K);
    log(`10k database: ${JSON.stringify(counts10k)} in ${ms(recent.ms / 1000)} s`);
    await small.close();

    // 2. The whole ledger as a backup file, made in a page of its own (its renderer's peak memory
    // is the export's, with the generated records).
    const maker = await openPage(context, origin);
    for (const pid of renderers()) resetPeak(pid);
    log('generating the 100,000-invoice backup…');
    const made: BackupMade = await call(maker, 'makeBackup', `${origin}/backup.json`);
    const makerPeak = Math.max(...renderers().map((pid) => memoryOf(pid).peak));
    log(`backup: ${made.invoices} invoices, ${made.events} events, ${mb(made.chars)} M characters (generated ${ms(made.generateMs / 1000)} s, serialised ${ms(made.serializeMs / 1000)} s; renderer peak ${mb(makerPeak)} MB)`);
    await maker.close();

    // 3. Its import, in a page of its own (a renderer process holding nothing else).
    const importer = await openPage(context, origin);
    const loaded = await call(importer, 'loadBackup', `${origin}/backup.json`);
    dropBackup();
    // Every renderer's peak is reset and the highest taken: the import page's is the only one busy
    // (which process Chromium gave the page is not told; the file is a Blob, out of its heap).
    const pages = renderers();
    const highest = (): { rss: number; peak: number } => pages.map((pid) => memoryOf(pid)).reduce((a, b) => ({ rss: Math.max(a.rss, b.rss), peak: Math.max(a.peak, b.peak) }), { rss: 0, peak: 0 });
    const before = { renderer: highest(), browser: memoryOf(browser) };
    for (const pid of pages) resetPeak(pid);
    resetPeak(browser);
    log('importing it…');
    const imported: ImportResult = await call(importer, 'importBackup', DB);
    const after = { renderer: highest(), browser: memoryOf(browser) };
    log(`import: ${ms(imported.totalMs / 1000)} s (read, check and stage ${ms(imported.stageMs / 1000)} s, commit ${ms(imported.commitMs / 1000)} s); renderer peak ${mb(after.renderer.peak)} MB (${mb(before.renderer.rss)} before), browser process peak ${mb(after.browser.peak)} MB (${mb(before.browser.rss)} before)`);
    await importer.close();
    const counts100k = imported.imported;
    if (counts100k.open !== counts10k.open || counts100k.dueToday !== counts10k.dueToday) throw new Error(`the open set changed: ${JSON.stringify(counts10k)} → ${JSON.stringify(counts100k)}`);

    // 3b. The same 100k database downloaded as a backup, in a page of its own, through the app's
    // streamed export path; peaks as the import's.
    const exporter = await openPage(context, origin);
    const exportPages = renderers();
    const highestOf = (pids: number[]): { rss: number; peak: number } => pids.map((pid) => memoryOf(pid)).reduce((a, b) => ({ rss: Math.max(a.rss, b.rss), peak: Math.max(a.peak, b.peak) }), { rss: 0, peak: 0 });
    const beforeExport = { renderer: highestOf(exportPages), browser: memoryOf(browser) };
    for (const pid of exportPages) resetPeak(pid);
    resetPeak(browser);
    log('exporting it…');
    const exported: ExportResult = await call(exporter, 'exportBackup', DB);
    const afterExport = { renderer: highestOf(exportPages), browser: memoryOf(browser) };
    await exporter.close();
    const exportedHeader = JSON.parse(exported.header) as { counts: { invoices: number; events: number; clients: number } };
    if (exported.counts.invoices !== counts100k.invoices || exported.counts.events !== counts100k.events || exportedHeader.counts.invoices !== counts100k.invoices || !exported.end.startsWith('{"end":')) {
      throw new Error(`the export does not hold the database: ${JSON.stringify(exported.counts)}, header ${exported.header.slice(0, 200)}, end ${exported.end}`);
    }
    log(`export: ${ms(exported.totalMs / 1000)} s, ${mb(exported.bytes)} MB in ${exported.pieces} pieces; renderer peak ${mb(afterExport.renderer.peak)} MB (${mb(beforeExport.renderer.rss)} before), browser process peak ${mb(afterExport.browser.peak)} MB (${mb(beforeExport.browser.rss)} before)`);

    // 4. The queries, in fresh pages, once LevelDB has settled. The badge on the 10k and the 100k
    // databases in alternating rounds, so both see the same machine.
    log(`settled in ${ms(await settle(browser))} s`);
    const page = await openPage(context, origin);
    small = await openPage(context, smallOrigin);
    const badges: Measured[] = [];
    const badges10k: Measured[] = [];
    const bares: Measured[] = [];
    const bares10k: Measured[] = [];
    for (let round = 0; round < 3; round += 1) {
      badges.push(await call(page, 'measure', DB, 'badge', { minRuns: 7, minMs: 0 }));
      badges10k.push(await call(small, 'measure', DB_10K, 'badge', { minRuns: 7, minMs: 0 }));
      bares.push(await call(page, 'measure', DB, 'bareCount', { minRuns: 15 }));
      bares10k.push(await call(small, 'measure', DB_10K, 'bareCount', { minRuns: 15 }));
    }
    const badge = timing(...badges);
    const badge10k = timing(...badges10k);
    const bare = timing(...bares);
    const bare10k = timing(...bares10k);
    const newDay = timing(await call(page, 'measure', DB, 'badgeNewDay', { minRuns: 10 }));
    // The same day's count again (the last new-day run left the attention day on TODAY).
    const derivedBadge = timing(await call(page, 'measure', DB, 'badgeDerived', { minRuns: 5, minMs: 0 }));
    const derivedAnswer = derivedBadge.answer as { items: number; invoices: number };
    if (badge.answer !== derivedAnswer.invoices || newDay.answer !== derivedAnswer.invoices) throw new Error(`the badge counts ${String(badge.answer)} (new day ${String(newDay.answer)}), the derived states ${derivedAnswer.invoices}`);
    const due = timing(await call(page, 'measure', DB, 'dueToday'));
    log(`badge ${ms(badge.median)} ms; 10k database ${ms(badge10k.median)} ms; bare count ${ms(bare.median)} ms (10k: ${ms(bare10k.median)}); first count of a day ${ms(newDay.median)} ms (${newDay.invoices} invoices re-searched); v2 way ${ms(derivedBadge.median)} ms`);
    const dashboard = timing(await call(page, 'measure', DB, 'dashboard', { minRuns: 20 }));
    const derivedDashboard = timing(await call(page, 'measure', DB, 'dashboardDerived', { minRuns: 5, minMs: 0 }));
    if (JSON.stringify(dashboard.answer) !== JSON.stringify(derivedDashboard.answer)) throw new Error(`the dashboard differs from the derived one: ${JSON.stringify(dashboard.answer)} vs ${JSON.stringify(derivedDashboard.answer)}`);
    log(`dashboard ${ms(dashboard.median)} ms (v2 way ${ms(derivedDashboard.median)} ms)`);
    const history = timing(await call(page, 'measure', DB, 'clientHistory', { minRuns: 20 }));
    const derivedHistory = timing(await call(page, 'measure', DB, 'clientHistoryDerived', { minRuns: 5, minMs: 0 }));
    if (JSON.stringify(history.answer) !== JSON.stringify(derivedHistory.answer)) throw new Error(`the client history differs from the derived one: ${JSON.stringify(history.answer)} vs ${JSON.stringify(derivedHistory.answer)}`);
    log(`client history ${ms(history.median)} ms (v2 way ${ms(derivedHistory.median)} ms)`);
    const openRecords = timing(await call(page, 'measure', DB, 'openRecordsOnly'));
    const clientRecords = timing(await call(page, 'measure', DB, 'clientRecordsOnly'));
    log(`invoice records alone: the open ones ${ms(openRecords.median)} ms, the big client's ${ms(clientRecords.median)} ms`);
    await call(page, 'remove', DB);
    await call(small, 'remove', DB_10K);

    const distribution = `${counts100k.invoices.toLocaleString('en')} invoices over 10 years, ${counts100k.events.toLocaleString('en')} events, ${counts100k.clients.toLocaleString('en')} clients; ${counts100k.open} open, ${counts100k.dueToday} due today (scripts/bench-store/ledger-gen.ts)`;
    const dashboardAnswer = dashboard.answer as { dsoEur?: unknown };
    return [
      {
        key: 'store_due_today_ms',
        value: figureValue(badge.median),
        unit: 'ms',
        goal: { max: 10 },
        note:
          `the badge in Chromium, IndexedDB on disk, ${distribution}: LedgerStore.attentionCount = ${String(badge.answer)} invoices needing the user today (their ${derivedAnswer.items} items of badgeCount), ` +
          `a count on the index \`attentionFrom\` <= today (schema v3: each invoice's summary, written with every event, src/core/ledger/summary.ts); p95 ${ms(badge.p95)} ms, ${badge.runs} runs; ${Math.round((badge.median / bare.median) * 10) / 10}x the bare count. ` +
          `Same open set in a 10k-invoice database: ${ms(badge10k.median)} ms. The first count of a day first re-searches the invoices whose key is <= today (${newDay.invoices} here) from their logbooks: ${ms(newDay.median)} ms (p95 ${ms(newDay.p95)}), once a day. ` +
          `The schema v2 way (every open invoice's logbook and client loaded and derived, badgeCount): ${ms(derivedBadge.median)} ms, same invoices; the ${due.invoices} invoices due today alone (index openDueDate, derived): ${ms(due.median)} ms`,
      },
      {
        key: 'store_bare_count_ms',
        value: figureValue(bare.median),
        unit: 'ms',
        note: `db.invoices.where('open').equals(1).count() = ${String(bare.answer)} on the same 100k database (p95 ${ms(bare.p95)} ms; on the 10k one ${ms(bare10k.median)} ms); the badge is meant to stay within 3x it: ${Math.round((badge.median / bare.median) * 10) / 10}x`,
      },
      {
        key: 'store_dashboard_ms',
        value: figureValue(dashboard.median),
        unit: 'ms',
        goal: { max: 150 },
        note: `aging + outstanding + DSO (90 days) on the 100k database: LedgerStore.dashboard reads the ${dashboard.invoices} open invoices' summaries (index \`open\`) and the DSO window's sales per day and currency (table dailySales, one range read of at most 90 days x currencies rows), no logbook; p95 ${ms(dashboard.p95)} ms, ${dashboard.runs} runs; equal to the derived answer (DSO EUR ${JSON.stringify(dashboardAnswer.dsoEur)}); the schema v2 way (logbooks loaded and derived): ${ms(derivedDashboard.median)} ms. The open records alone: ${ms(openRecords.median)} ms`,
      },
      {
        key: 'store_client_history_ms',
        value: figureValue(history.median),
        unit: 'ms',
        goal: { max: 20 },
        note: `LedgerStore.clientHistoryOf for the client with 2,000 invoices on the 100k database: its totals record (kept with every write, client-totals.ts) and its latest invoices due by [clientId+dueDate] (the repeat-late-payer window, ${history.invoices} considered); p95 ${ms(history.p95)} ms, ${history.runs} runs; equal to clientHistory over its ${derivedHistory.invoices} derived invoices (the schema v2 way: ${ms(derivedHistory.median)} ms). Its ${clientRecords.invoices} invoice records alone: ${ms(clientRecords.median)} ms`,
      },
      {
        key: 'store_import_100k_s',
        value: Number((imported.totalMs / 1000).toFixed(1)),
        unit: 's',
        note:
          `restore of a backup of ${counts100k.invoices.toLocaleString('en')} invoices and ${counts100k.events.toLocaleString('en')} events (format version 2, JSON Lines: ${mb(made.chars)} M characters, ${mb(imported.bytes)} MB of UTF-8) into an empty database on disk, through the app's restore path: ` +
          `restoreBackupFile (src/ui/backup-upload.ts) reads the file (a Blob) as a stream and sends ${imported.chunks} chunks of at most ${mb(imported.chunkChars * 2)} MB (${imported.chunkChars / 1048576} M characters), each copied as a runtime message is, to the worker's handler (src/background/backup-restore.ts): ` +
          `the streaming reader checks every record and verifies each invoice's chain against its head as it ends, RestoreStaging stages the records with their summaries (schema v4 staging tables): ${ms(imported.stageMs / 1000)} s; ` +
          `then the commit swaps the staged ledger in, in one transaction (ledger cleared, 1,100,000 records copied page by page, client totals and daily sales): ${ms(imported.commitMs / 1000)} s. ` +
          `Page and worker share the bench's renderer here (in the extension they are two processes). Making the file took ${ms(made.generateMs / 1000)} s (generation and 1,000,000 chain links, ${recent.workers} workers) + ${ms(made.serializeMs / 1000)} s (backupLines; that page's renderer peaked at ${mb(makerPeak)} MB with the generated records)`,
      },
      {
        key: 'store_import_100k_peak_mb',
        value: mb(after.renderer.peak),
        unit: 'MB',
        note:
          `peak resident memory of the renderer process running that import, page and worker side together (Linux VmHWM, reset once the file was fetched as a Blob: ${mb(before.renderer.rss)} MB then); ` +
          `JS heap (performance.memory) ${mb(imported.heapBefore)} MB before, at most ${mb(imported.heapPeakSampled)} MB after a chunk (sampled after each of the ${imported.chunks}), ${mb(imported.heapAfter)} MB after the commit, limit ${mb(loaded.heapLimit)} MB; ` +
          `Chromium's browser process (IndexedDB, the Blob's storage) peaked at ${mb(after.browser.peak)} MB (${mb(before.browser.rss)} MB before). ` +
          `Before (format version 1, one JSON document read whole, parseBackup + LedgerStore.replaceAll): 194.6 s and 2,649 MB`,
      },
      {
        key: 'store_export_100k_s',
        value: Number((exported.totalMs / 1000).toFixed(1)),
        unit: 's',
        note:
          `backup download of that 100k database (${exported.counts.invoices.toLocaleString('en')} invoices, ${exported.counts.events.toLocaleString('en')} events, ${exported.counts.clients.toLocaleString('en')} clients; format version 2: ${mb(exported.bytes)} MB of UTF-8) through the app's export path: ` +
          `downloadBackupFile (src/ui/backup-download.ts) asks for ${exported.pieces} pieces, each request and reply copied as a runtime message is, from the worker's handler (src/background/backup-export.ts), ` +
          `which reads the store a page at a time in key order (src/adapters/storage/export-pages.ts: ${EXPORT_PAGE.clients} clients, or ${EXPORT_PAGE.invoices} invoices with their events in one transaction and one [invoiceId+seq] range read) and writes the lines with core's backupV2Line; ` +
          `the page keeps each piece as a Blob part and joins them into one Blob (header first, its counts those of the lines sent). Page and worker share the bench's renderer here`,
      },
      {
        key: 'store_export_100k_peak_mb',
        value: mb(afterExport.renderer.peak),
        unit: 'MB',
        note:
          `peak resident memory of the renderer process running that export, page and worker side together (Linux VmHWM, reset before it: ${mb(beforeExport.renderer.rss)} MB then); ` +
          `JS heap (performance.memory) ${mb(exported.heapBefore)} MB before, at most ${mb(exported.heapPeakSampled)} MB after a piece (sampled after each of the ${exported.pieces}), ${mb(exported.heapAfter)} MB at the end; ` +
          `Chromium's browser process (IndexedDB, the Blob parts' storage) peaked at ${mb(afterExport.browser.peak)} MB (${mb(beforeExport.browser.rss)} MB before). ` +
          `Before (format version 1, LedgerStore.exportAll + exportBackup: the whole ledger and its text in one message) it could not be made at this size`,
      },
    ];
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await storeFigures();
  console.table(figures.map((f) => ({ figure: f.key, value: `${f.value} ${f.unit}`, goal: f.goal ? (f.goal.max !== undefined ? `<= ${f.goal.max}` : `>= ${f.goal.min}`) : '', note: f.note })));
  for (const f of figures) console.log(`${f.key}: ${f.note}`);
}
