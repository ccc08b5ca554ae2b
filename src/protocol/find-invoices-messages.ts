/**
 * "Find my invoices" (issue 6): the dashboard's requests and the run's state as the worker keeps it
 * (chrome.storage.session, so a dashboard closed and reopened finds the run where it is). Types
 * only: the parser is src/background/find-invoices-requests.ts (extension pages only).
 */
import type { InvoiceFacts } from '../core/model';

export type FindRequest =
  /** The Gmail tabs open now, with their account (asked of each tab's content script). */
  | { type: 'find/tabs' }
  /** Starts a run in that tab; `paceMs` (tests) replaces the human pause, bounded by the worker. */
  | { type: 'find/start'; tabId: number; months: number; paceMs: number | null }
  | { type: 'find/status' }
  | { type: 'find/cancel' }
  /** Tracks the chosen candidates (by `key`); nothing is tracked before this. */
  | { type: 'find/track'; keys: string[] };

export const FIND_REQUESTS = ['find/tabs', 'find/start', 'find/status', 'find/cancel', 'find/track'] as const satisfies ReadonlyArray<FindRequest['type']>;

export interface GmailTabInfo {
  tabId: number;
  account: string | null;
  /** `/mail/u/<n>/`. */
  path: string;
}

/** One invoice found in a thread, for the user to confirm. */
export interface FindCandidate {
  /** The invoice id it would be tracked under. */
  key: string;
  account: string | null;
  threadId: string;
  facts: InvoiceFacts;
  /** Already in the ledger (tracked before, from this thread). */
  tracked: boolean;
}

/** Why a run stopped early ('failed': an unexpected error, logged by the worker). */
export type FindStopReason = 'tab_closed' | 'navigated_away' | 'interrupted' | 'gmail_unreadable' | 'failed';

export interface FindRunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'stopped';
  stopReason: FindStopReason | null;
  /** Threads opened and read so far. */
  looked: number;
  /** Result rows collected so far (the progress bar's total, growing with the pages read). */
  total: number;
  candidates: FindCandidate[];
}

/** The answer to "Track selected": how many were tracked, and the candidates the ledger refused (with why). */
export interface FindTrackResult {
  tracked: number;
  failed: { key: string; error: string }[];
  state: FindRunState;
}

export interface FindReplies {
  'find/tabs': { ok: true; value: GmailTabInfo[] } | { ok: false; error: string };
  'find/start': { ok: true; value: FindRunState } | { ok: false; error: string };
  'find/status': { ok: true; value: FindRunState } | { ok: false; error: string };
  'find/cancel': { ok: true; value: FindRunState } | { ok: false; error: string };
  'find/track': { ok: true; value: FindTrackResult } | { ok: false; error: string };
}
