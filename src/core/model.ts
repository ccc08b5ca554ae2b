/**
 * The shared vocabulary of Relance: what a host adapter (Gmail DOM, Outlook Office.js) hands to the
 * core, what the core reads out of it, and what the ledger keeps. Pure types: no DOM, no browser.
 */
import type { ChasingStep } from './chasing/steps';

/** A calendar date, `YYYY-MM-DD`, with no time zone: due dates are days, not instants. */
export type IsoDate = string;

/** A local date-time as the mailbox showed it, `YYYY-MM-DDTHH:mm` (no zone: Gmail shows none). */
export type LocalDateTime = string;

export type Language = 'fr' | 'en';

export interface MailAddress {
  /** Display name as the mailbox shows it, or null when only the address is known. */
  name: string | null;
  /** Lower-cased email address. */
  email: string;
}

/** One message of a thread, as read by a host adapter. */
export interface MailMessage {
  /** The host's message id (Gmail: `#msg-f:…` / `#msg-a:r…`), null while the host has not loaded it. */
  id: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** When the message was sent, in the mailbox's local time, or null when the host did not show it. */
  date: LocalDateTime | null;
  /**
   * The message text without quoted history. Empty for a collapsed message whose body the host has
   * not loaded (see `collapsed`).
   */
  bodyText: string;
  /** Attachment file names, as shown. */
  attachments: string[];
  /** True when the host showed only a header and snippet (the body is not loaded). */
  collapsed: boolean;
}

/** A whole thread as one host adapter read it from the open view. Oldest message first. */
export interface ThreadSnapshot {
  host: 'gmail' | 'outlook';
  /** The mailbox owner's address (the creditor), or null when the host did not show it. */
  account: string | null;
  /** A stable thread id from the host (Gmail: the 16-hex legacy thread id). */
  threadId: string;
  subject: string;
  /** The language of the mailbox UI, when known. */
  uiLanguage: Language | null;
  messages: MailMessage[];
}

/** What the first invoice reader found in a thread (issue 3 replaces the reader, not this shape). */
export interface InvoiceFacts {
  invoiceNumber: string;
  /** Total to pay, tax included when the mail says so. */
  amount: number | null;
  /** ISO 4217 code, null when `amount` is null. */
  currency: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** Payment terms as written (e.g. "30 jours fin de mois"), or null. */
  terms: string | null;
  /** The party that owes the money. */
  client: MailAddress;
  /** The language the thread is written in: drafts are written in it. */
  language: Language;
  /** The message the facts were read from. */
  messageId: string | null;
  /** The thread subject, for reply drafts. */
  subject: string;
}

export type ReadOutcome =
  | { kind: 'invoice'; facts: InvoiceFacts }
  | { kind: 'none'; reason: NoInvoiceReason };

export type NoInvoiceReason =
  /** No message in the thread looks like an invoice the account sent. */
  | 'no_invoice_found'
  /** The thread has no message whose body is loaded. */
  | 'no_readable_message';

/** Ladder steps: every step of the graduated ladder (chasing/steps.ts). */
export type ReminderStep = ChasingStep;

/** A draft ready to go into the host's compose window. Plain text: the host adapter builds nodes. */
export interface ReminderDraft {
  step: ReminderStep;
  language: Language;
  to: string[];
  subject: string;
  bodyText: string;
}

/** An invoice the user chose to track. Its status is derived from its logbook, never stored. */
export interface TrackedInvoice {
  /** `host:account:threadId:number`, so tracking twice is idempotent. */
  id: string;
  host: ThreadSnapshot['host'];
  account: string | null;
  threadId: string;
  messageId: string | null;
  invoiceNumber: string;
  clientEmail: string;
  clientName: string | null;
  amount: number | null;
  currency: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  terms: string | null;
  language: Language;
  subject: string;
  /** ISO 8601 instant when the user tracked it. */
  trackedAt: string;
}

export type LogEventKind = 'tracked' | 'reminder_drafted';

/** One entry of the append-only logbook. */
export interface LogEvent {
  /** Auto-increment key, assigned by storage. */
  id?: number;
  invoiceId: string;
  kind: LogEventKind;
  /** ISO 8601 instant. */
  at: string;
  /** The local calendar day the action counts for (the injected `today`). */
  day: IsoDate;
  step?: ReminderStep;
}
