/**
 * The UI's ledger port built from one request function, so every host speaks the same requests
 * (src/protocol/messages.ts PageToWorker): the extension sends them to its service worker, the
 * Outlook task pane hands them to the same router in its own page. A new panel action is one new
 * request and one line here, never one implementation per host.
 */
import type { PageReplies, PageToWorker } from '../protocol/messages';
import type { LedgerPort } from './ports';

/** The value of a successful reply to a request of type K. */
export type ReplyValue<K extends PageToWorker['type']> = PageReplies[K] extends { ok: true; value: infer V } | { ok: false } ? V : never;

/** Sends one request to the ledger's owner and resolves with its value, or rejects with its error. */
export type AskLedger = <K extends PageToWorker['type']>(message: Extract<PageToWorker, { type: K }>) => Promise<ReplyValue<K>>;

export interface LedgerPortHost {
  ask: AskLedger;
  /** The host's reference for where a draft goes (the Gmail tab id; the Outlook item is implicit: 0). */
  draftTarget: number | null;
  /** Calls back after any ledger change; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
}

export function ledgerPortOverRequests(host: LedgerPortHost): LedgerPort {
  return {
    forThread: (thread, also) => host.ask({ type: 'invoice/list-for-thread', thread, ...(also?.length ? { also } : {}) }),
    track: (facts, thread) => host.ask({ type: 'invoice/track', facts, thread }),
    draftReminder(invoiceId, choice) {
      if (host.draftTarget === null) return Promise.reject(new Error('no mail window to draft into'));
      return host.ask({ type: 'reminder/draft', invoiceId, tabId: host.draftTarget, ...(choice ? { choice } : {}) });
    },
    preview: (invoiceId, choice) => host.ask({ type: 'reminder/preview', invoiceId, ...(choice ? { choice } : {}) }),
    log: (invoiceId, entry) => host.ask({ type: 'invoice/log', invoiceId, entry }),
    untrack: (invoiceId) => host.ask({ type: 'invoice/untrack', invoiceId }),
    correct: (invoiceId, changes) => host.ask({ type: 'invoice/correct', invoiceId, changes }),
    subscribe: (onChange) => host.subscribe(onChange),
  };
}
