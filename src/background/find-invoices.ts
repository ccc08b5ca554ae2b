/**
 * "Find my invoices" (issue 6): one run drives Gmail's own search in the user's tab, page by page,
 * opens each result thread by its hash at a human pace, lets the usual thread reader report it
 * (tab-thread state, read by the detection engine in router.ts), and collects the invoices the user
 * sent. Nothing is tracked here: the user confirms afterwards (find-invoices-requests.ts).
 * It stops cleanly when the tab closes, when the user leaves the search in that tab, on Cancel,
 * and puts the tab back on the view it showed when the run started (unless the user left or the tab is gone).
 */
import { sameInvoiceNumber, trackedInvoiceId } from '../core/invoice-id';
import type { InvoiceFacts } from '../core/model';
import type { ThreadInvoice } from '../core/invoice-from-thread';
import { invoiceSearchQuery, searchHash } from '../adapters/gmail/search-query';
import type { FindCommand, TabThreadState } from '../protocol/messages';
import type { FindCandidate, FindRunState, FindStopReason } from '../protocol/find-invoices-messages';
import { parseGoReply, parseRowsReply, type RowsReply } from './find-invoices-replies';

/** A human pace: a few seconds between two threads, with jitter, never a burst. */
export const HUMAN_PAUSE_MS = 3_000;
export const HUMAN_JITTER_MS = 3_000;
/** Bounds of the pause an extension page may ask for (the e2e runs fast; Gmail's page cannot ask at all). */
export const MIN_PAUSE_MS = 50;
export const MAX_PAUSE_MS = 20_000;
/** How long Gmail may take to show and the reader to report one thread. */
export const THREAD_WAIT_MS = 12_000;
const THREAD_POLL_MS = 150;
/** How long a result page may take to render (a page past the last shows none). */
const ROWS_WAIT_MS = 8_000;
const MAX_PAGES = 20;

export interface FindRunDeps {
  /** chrome.tabs.sendMessage to the tab's content script: rejects when the tab is gone. */
  send(tabId: number, command: FindCommand): Promise<unknown>;
  tabThread(tabId: number): Promise<TabThreadState | null>;
  /** Whether the ledger already has this invoice: from this thread (`key`), or the same number for the same client from another thread. */
  isTracked(key: string, account: string | null, threadId: string, facts: InvoiceFacts): Promise<boolean>;
  save(state: FindRunState): Promise<void>;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
  now(): Date;
  /** Where an unexpected failure of a run is told (the worker's log). */
  log(message: string, detail?: unknown): void;
}

interface FindRunOptions {
  tabId: number;
  months: number;
  /** A fixed pause for tests (bounded); null: the human pace. */
  paceMs: number | null;
}

export function emptyRunState(): FindRunState {
  return { status: 'idle', stopReason: null, looked: 0, total: 0, candidates: [] };
}

/** The pause before the next thread. */
export function pauseMs(paceMs: number | null, random: () => number): number {
  if (paceMs !== null) return Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, Math.round(paceMs)));
  return HUMAN_PAUSE_MS + Math.round(random() * HUMAN_JITTER_MS);
}

class Stop extends Error {
  constructor(readonly reason: FindStopReason | 'cancelled') {
    super(reason);
  }
}

export class FindRun {
  state: FindRunState;
  private readonly abort = new AbortController();
  private readonly within: string;
  private readonly query: string;

  constructor(
    private readonly deps: FindRunDeps,
    private readonly options: FindRunOptions,
  ) {
    this.query = invoiceSearchQuery(options.months);
    this.within = searchHash(this.query);
    this.state = { ...emptyRunState(), status: 'running' };
  }

  cancel(): void {
    this.abort.abort();
  }

  /** Runs to the end (done, cancelled or stopped) and returns the final state; never throws. */
  async run(): Promise<FindRunState> {
    let startHash: string | null = null;
    try {
      await this.save();
      const where = parseGoReply(await this.command({ type: 'find/where' }));
      if (!where) throw new Stop('gmail_unreadable');
      // Known before the tab moves, so a Cancel at any point after can put it back.
      startHash = where.hash;
      if (!parseGoReply(await this.command({ type: 'find/go', hash: this.within, within: null }))) throw new Stop('gmail_unreadable');
      await this.pages();
      this.state.status = 'done';
    } catch (error) {
      if (!(error instanceof Stop)) this.deps.log('a Find my invoices run failed', error);
      const reason = error instanceof Stop ? error.reason : 'failed';
      this.state.status = reason === 'cancelled' ? 'cancelled' : 'stopped';
      this.state.stopReason = reason === 'cancelled' ? null : reason;
    }
    const reason = this.state.stopReason;
    if (startHash !== null && reason !== 'navigated_away' && reason !== 'tab_closed') {
      // Back to the view the user had (the user's own navigation is left alone, a closed tab has none);
      // refused by the tab if the user has left the search since.
      await this.deps.send(this.options.tabId, { type: 'find/go', hash: startHash || '#inbox', within: this.within }).catch(() => undefined);
    }
    await this.save();
    return this.state;
  }

  private async pages(): Promise<void> {
    const seen = new Set<string>();
    let previous: string[] = [];
    let firstPageSize = 0;
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      if (page > 1) await this.go(searchHash(this.query, page));
      const rows = await this.rows(previous);
      const fresh = rows.filter((row) => !seen.has(row.threadId));
      if (fresh.length === 0) return;
      for (const row of fresh) seen.add(row.threadId);
      this.state.total += fresh.length;
      await this.save();
      for (const row of fresh) {
        if (this.state.looked > 0) await this.pause();
        await this.readThread(row.threadId);
      }
      firstPageSize ||= rows.length;
      // A short page is the last one (no need to probe an empty page).
      if (rows.length < firstPageSize) return;
      previous = rows.map((row) => row.threadId);
    }
  }

  private async readThread(threadId: string): Promise<void> {
    const since = this.deps.now().getTime();
    await this.go(`${this.within}/${threadId}`);
    const shown = await this.waitForThread(threadId, since);
    this.state.looked += 1;
    if (shown) {
      for (const reading of [shown.reading, ...(shown.others ?? [])]) await this.addCandidate(reading, shown.snapshot.account, threadId);
    }
    await this.save();
  }

  private async addCandidate(reading: ThreadInvoice, account: string | null, threadId: string): Promise<void> {
    if (reading.kind !== 'invoice') return;
    const { facts } = reading;
    const key = trackedInvoiceId('gmail', account, threadId, facts.invoiceNumber);
    // One invoice chased in several threads is proposed once (the newest thread, Gmail's order).
    const same = (candidate: FindCandidate): boolean =>
      candidate.key === key || (candidate.facts.client.email === facts.client.email && sameInvoiceNumber(candidate.facts.invoiceNumber, facts.invoiceNumber));
    if (this.state.candidates.some(same)) return;
    const tracked = await this.deps.isTracked(key, account, threadId, facts);
    const candidate: FindCandidate = { key, account, threadId, facts, tracked };
    this.state.candidates.push(candidate);
  }

  private async waitForThread(threadId: string, since: number): Promise<Extract<TabThreadState, { state: 'thread' }> | null> {
    const deadline = since + THREAD_WAIT_MS;
    for (;;) {
      this.checkCancelled();
      const shown = await this.deps.tabThread(this.options.tabId);
      if (shown && shown.at >= since) {
        if (shown.state === 'thread' && shown.snapshot.threadId === threadId) return shown;
        if (shown.state === 'unreadable') return null;
      }
      if (this.deps.now().getTime() >= deadline) return null;
      await this.deps.sleep(THREAD_POLL_MS, this.abort.signal);
    }
  }

  private async pause(): Promise<void> {
    this.checkCancelled();
    await this.deps.sleep(pauseMs(this.options.paceMs, this.deps.random), this.abort.signal);
    this.checkCancelled();
  }

  private async go(hash: string): Promise<void> {
    this.checkCancelled();
    const reply = await this.command({ type: 'find/go', hash, within: this.within });
    if (parseGoReply(reply) === null) throw new Stop(isMoved(reply) ? 'navigated_away' : 'gmail_unreadable');
  }

  private async rows(after: string[]): Promise<RowsReply['rows']> {
    this.checkCancelled();
    const reply = await this.command({ type: 'find/rows', within: this.within, after, waitMs: ROWS_WAIT_MS });
    const parsed = parseRowsReply(reply);
    if (!parsed) throw new Stop(isMoved(reply) ? 'navigated_away' : 'gmail_unreadable');
    this.checkCancelled();
    return parsed.rows;
  }

  /** A failed send means the tab (or its content script) is gone; Cancel does not wait for Gmail's answer. */
  private command(command: FindCommand): Promise<unknown> {
    const { signal } = this.abort;
    return new Promise((resolve, reject) => {
      const cancelled = (): void => reject(new Stop('cancelled'));
      if (signal.aborted) return cancelled();
      signal.addEventListener('abort', cancelled, { once: true });
      this.deps
        .send(this.options.tabId, command)
        .then(resolve, () => reject(new Stop('tab_closed')))
        .finally(() => signal.removeEventListener('abort', cancelled));
    });
  }

  private checkCancelled(): void {
    if (this.abort.signal.aborted) throw new Stop('cancelled');
  }

  private save(): Promise<void> {
    return this.deps.save(structuredClone(this.state));
  }
}

function isMoved(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && (reply as { moved?: unknown }).moved === true;
}
