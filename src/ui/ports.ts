/**
 * What the UI needs from its host, as ports passed in as props. The extension's side panel
 * implements them with runtime messages and session storage (src/panel/extension-ports.ts); the
 * Outlook task pane implements them with Office.js and the same requests (ledger-port.ts).
 */
import type { InvoiceFacts, IsoDate, Language } from '../core/model';
import type { DraftChoice, DraftPreview, DraftReminderResult, FactCorrection, InvoiceKey, InvoiceRecord, PanelEntry, TabThreadState, ThreadRef } from '../protocol/messages';

export interface ThreadSource {
  current(): Promise<TabThreadState | null>;
  /** Calls back whenever the open thread changes; returns the unsubscribe function. */
  subscribe(onChange: (state: TabThreadState | null) => void): () => void;
}

export interface LedgerPort {
  /** The thread's invoices, and those `also` names that were tracked from another thread. */
  forThread(thread: ThreadRef, also?: InvoiceKey[]): Promise<InvoiceRecord[]>;
  track(facts: InvoiceFacts, thread: ThreadRef): Promise<InvoiceRecord>;
  /** Puts a reminder draft into the host's compose window (the ladder's step, or the chosen one). Never sends it. */
  draftReminder(invoiceId: string, choice?: DraftChoice): Promise<DraftReminderResult>;
  /** The same draft as text, to read first; nothing is inserted. */
  preview(invoiceId: string, choice?: DraftChoice): Promise<DraftPreview>;
  /** Records one logbook entry (a call, a promise, a payment…); resolves with the updated record. */
  log(invoiceId: string, entry: PanelEntry): Promise<InvoiceRecord>;
  /** Corrects facts of a tracked invoice (each one a `correction` in its logbook). */
  correct(invoiceId: string, changes: FactCorrection[]): Promise<InvoiceRecord>;
  /** Stops tracking the invoice. */
  untrack(invoiceId: string): Promise<{ removed: boolean }>;
  /** Calls back after any ledger change (from this or another context). */
  subscribe(onChange: () => void): () => void;
}

export interface UiPorts {
  language: Language;
  /** The mail program the panel sits beside, as the UI names it ("Gmail", "Outlook"). Default Gmail. */
  mailApp?: string;
  thread: ThreadSource;
  ledger: LedgerPort;
  today(): Promise<IsoDate>;
}
