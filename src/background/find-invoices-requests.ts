/**
 * The dashboard's "Find my invoices" requests (issue 6): parsed here (extension pages only: router.ts
 * never hands a content script's message to this file), then one run at a time in this worker, its
 * state in chrome.storage.session so a reopened dashboard finds it (content scripts cannot read that
 * area). A run the worker lost (restarted mid-run) reads as stopped, "interrupted".
 */
import { fail, guarded, isRecord, record, type Parsed, type WorkerReply } from '../protocol/messages';
import { FIND_REQUESTS, type FindReplies, type FindRequest, type FindRunState, type FindTrackResult, type GmailTabInfo } from '../protocol/find-invoices-messages';
import { sameInvoiceNumber } from '../core/invoice-id';
import type { InvoiceFacts } from '../core/model';
import type { ThreadRef } from '../protocol/messages';
import { DEFAULT_MONTHS, MAX_MONTHS, MIN_MONTHS } from '../adapters/gmail/search-query';
import { emptyRunState, FindRun, type FindRunDeps } from './find-invoices';
import { parseGoReply } from './find-invoices-replies';
import { threadInvoices, type ThreadInvoicesLedger } from './thread-invoices';

export const FIND_STATE_KEY = 'find-invoices:run';
const MAX_KEYS = 500;

export function isFindRequest(raw: unknown): boolean {
  return isRecord(raw) && (FIND_REQUESTS as readonly unknown[]).includes(raw.type);
}

export function parseFindRequest(raw: unknown): Parsed<FindRequest> {
  return guarded((): FindRequest => {
    const r = record(raw, 'message');
    switch (r.type) {
      case 'find/tabs':
      case 'find/status':
      case 'find/cancel':
        return { type: r.type };
      case 'find/start': {
        if (typeof r.tabId !== 'number' || !Number.isInteger(r.tabId) || r.tabId < 0) fail('tabId', 'expected a tab id');
        const months = r.months === undefined ? DEFAULT_MONTHS : r.months;
        if (typeof months !== 'number' || !Number.isInteger(months) || months < MIN_MONTHS || months > MAX_MONTHS) fail('months', `expected ${MIN_MONTHS} to ${MAX_MONTHS}`);
        const paceMs = r.paceMs ?? null;
        if (paceMs !== null && (typeof paceMs !== 'number' || !Number.isFinite(paceMs))) fail('paceMs', 'expected a number or null');
        return { type: 'find/start', tabId: r.tabId, months, paceMs };
      }
      case 'find/track': {
        if (!Array.isArray(r.keys) || r.keys.length > MAX_KEYS || !r.keys.every((key) => typeof key === 'string' && key.length <= 400)) fail('keys', 'expected invoice keys');
        return { type: 'find/track', keys: r.keys as string[] };
      }
      default:
        return fail('message.type', 'not a find request');
    }
  });
}

export interface FindHost extends Omit<FindRunDeps, 'save'> {
  /** Every tab id of the browser (no URL needed: each is asked through its content script). */
  tabIds(): Promise<number[]>;
  loadState(): Promise<FindRunState | null>;
  saveState(state: FindRunState): Promise<void>;
  /** Writes one invoice to the ledger as the panel's "Track this invoice" does (no broadcast, no badge). */
  track(facts: InvoiceFacts, thread: ThreadRef): Promise<TrackWrite>;
  /** Once after the writes: tells the open pages and refreshes the badge. */
  afterTrack(invoiceIds: string[]): Promise<void>;
}

export type TrackWrite = { ok: true; id: string } | { ok: false; error: string };

/** The run in progress in this worker (one at a time). */
let current: { run: FindRun; done: Promise<FindRunState> } | null = null;

async function stateOf(host: FindHost): Promise<FindRunState> {
  if (current) return structuredClone(current.run.state);
  const stored = (await host.loadState()) ?? emptyRunState();
  if (stored.status !== 'running') return stored;
  // The worker was restarted during a run: that run is gone.
  const lost: FindRunState = { ...stored, status: 'stopped', stopReason: 'interrupted' };
  await host.saveState(lost);
  return lost;
}

async function gmailTabs(host: FindHost): Promise<GmailTabInfo[]> {
  const tabs = await Promise.all(
    (await host.tabIds()).map(async (tabId) => {
      const where = parseGoReply(await host.send(tabId, { type: 'find/where' }).catch(() => null));
      return where ? { tabId, account: where.account, path: where.path } : null;
    }),
  );
  return tabs.filter((tab): tab is GmailTabInfo => tab !== null).sort((a, b) => a.path.localeCompare(b.path) || a.tabId - b.tabId);
}

export async function handleFindRequest(request: FindRequest, host: FindHost): Promise<FindReplies[FindRequest['type']]> {
  switch (request.type) {
    case 'find/tabs':
      return { ok: true, value: await gmailTabs(host) };
    case 'find/status':
      return { ok: true, value: await stateOf(host) };
    case 'find/start': {
      if (current) return { ok: false, error: 'a search is already running' };
      const run = new FindRun({ ...host, save: host.saveState }, { tabId: request.tabId, months: request.months, paceMs: request.paceMs });
      const done = run.run().finally(() => {
        if (current?.run === run) current = null;
      });
      current = { run, done };
      return { ok: true, value: structuredClone(run.state) };
    }
    case 'find/cancel': {
      const running = current;
      if (!running) return { ok: true, value: await stateOf(host) };
      running.run.cancel();
      return { ok: true, value: await running.done };
    }
    case 'find/track': {
      const state = await stateOf(host);
      if (state.status === 'running') return { ok: false, error: 'the search is still running' };
      const wanted = new Set(request.keys);
      const ids: string[] = [];
      const failed: FindTrackResult['failed'] = [];
      for (const candidate of state.candidates) {
        if (!wanted.has(candidate.key) || candidate.tracked) continue;
        const written = await host.track(candidate.facts, { host: 'gmail', account: candidate.account, threadId: candidate.threadId }).catch((error: unknown): TrackWrite => {
          host.log(`find/track could not track ${candidate.key}`, error);
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        });
        if (!written.ok) {
          failed.push({ key: candidate.key, error: written.error });
          continue;
        }
        candidate.tracked = true;
        ids.push(written.id);
      }
      await host.saveState(state);
      if (ids.length > 0) await host.afterTrack(ids);
      return { ok: true, value: { tracked: ids.length, failed, state } };
    }
  }
}

/** Test seam: forgets the in-memory run (a worker restart). */
export function forgetRunForTests(): void {
  current = null;
}

/** What the browser gives a run (find-invoices-browser.ts); absent in unit tests of the router. */
export type FindPorts = Pick<FindHost, 'tabIds' | 'loadState' | 'saveState' | 'sleep' | 'random'>;

/** The worker's deps this file uses (a subset of router.ts WorkerDeps). */
interface FindWorkerDeps {
  ledger: ThreadInvoicesLedger;
  now: FindHost['now'];
  sendToTab(tabId: number, command: never): Promise<unknown>;
  getTabThread: FindHost['tabThread'];
  log(message: string, detail?: unknown): void;
  findPorts?: FindPorts;
}

/** Parses and answers one find request from an extension page; failures become replies. */
export async function routeFindRequest(raw: unknown, deps: FindWorkerDeps, tracking: Pick<FindHost, 'track' | 'afterTrack'>): Promise<WorkerReply<unknown>> {
  const parsed = parseFindRequest(raw);
  if (!parsed.ok) {
    deps.log('rejected a find request', parsed.error);
    return { ok: false, error: `invalid message: ${parsed.error}` };
  }
  if (!deps.findPorts) return { ok: false, error: 'not available here' };
  const host: FindHost = {
    ...deps.findPorts,
    send: (tabId, command) => deps.sendToTab(tabId, command as never),
    tabThread: deps.getTabThread,
    // The panel's list for this thread (router.ts listForThread): this thread's invoice, or the same number for the same client.
    isTracked: async (key, account, threadId, facts) =>
      (await threadInvoices(deps.ledger, { account, threadId }, [{ invoiceNumber: facts.invoiceNumber, clientEmail: facts.client.email }])).some(
        (record) => record.invoice.id === key || sameInvoiceNumber(record.invoice.invoiceNumber, facts.invoiceNumber),
      ),
    now: deps.now,
    log: deps.log,
    ...tracking,
  };
  try {
    return await handleFindRequest(parsed.value, host);
  } catch (error) {
    deps.log(`${parsed.value.type} failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
