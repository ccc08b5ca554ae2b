/**
 * What the UI needs from its host, as ports passed in as props. The extension's side panel
 * implements them with runtime messages and session storage (src/panel/extension-ports.ts); the
 * Outlook task pane will implement them with Office.js and a local Dexie store.
 */
import type { InvoiceFacts, IsoDate, Language } from '../core/model';
import type { DraftReminderResult, InvoiceRecord, TabThreadState, ThreadRef } from '../protocol/messages';

export interface ThreadSource {
  current(): Promise<TabThreadState | null>;
  /** Calls back whenever the open thread changes; returns the unsubscribe function. */
  subscribe(onChange: (state: TabThreadState | null) => void): () => void;
}

export interface LedgerPort {
  forThread(thread: ThreadRef): Promise<InvoiceRecord[]>;
  track(facts: InvoiceFacts, thread: ThreadRef): Promise<InvoiceRecord>;
  /** Puts a reminder draft into the host's compose window. Never sends it. */
  draftReminder(invoiceId: string): Promise<DraftReminderResult>;
  /** Calls back after any ledger change (from this or another context). */
  subscribe(onChange: () => void): () => void;
}

export interface UiPorts {
  language: Language;
  thread: ThreadSource;
  ledger: LedgerPort;
  today(): Promise<IsoDate>;
}
