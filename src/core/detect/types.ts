/**
 * The detection engine's contract: what any host (Gmail panel, Outlook add-in, `relance scan`)
 * gives it and what it answers. Output field names are fixed by issue 3 (snake_case on purpose:
 * they are also the JSON lines `relance scan` prints).
 */
import type { IsoDate, MailAddress } from '../model';

export type MessageKind =
  /** The user (creditor) sends an invoice, a credit note or a deposit invoice. */
  | 'invoice_sent'
  /** A payment reminder about one or more invoices (usually from the user). */
  | 'reminder'
  /** The client says it paid; a remittance advice; a payment confirmation. */
  | 'payment_notice'
  /** The client contests: not received, wrong amount, not conform… */
  | 'dispute'
  /** The client promises to pay on a date. */
  | 'promise'
  /** An invoice the user RECEIVED from a supplier: related, not a receivable. */
  | 'vendor_bill'
  | 'other_invoice_related';

/** One message as a host hands it to the engine. Either `text` or `html` (or both) may be given. */
export interface EngineMessage {
  /** Host id (Gmail message id, Message-ID header…), passed through. */
  id?: string | null;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /**
   * Reply-To, when the host knows it (mail files do; Gmail's thread view does not show it). An
   * invoicing tool mailing the user's client on the user's behalf puts the user here.
   */
  replyTo?: MailAddress[];
  /** When it was sent: ISO 8601 date-time (with or without zone) or `YYYY-MM-DDTHH:mm`; null if unknown. */
  date: string | null;
  /** Plain-text body, quoted history included as the mail has it. */
  text?: string | null;
  /** HTML body; used when there is no text part, and for tables. Never rendered, only read. */
  html?: string | null;
  /** Attachment file names. */
  attachments: string[];
}

export type EvidenceSource = 'subject' | 'body' | 'attachment' | 'thread';

/** Where a value came from, so the UI can show and highlight it. */
export interface Evidence {
  source: EvidenceSource;
  /** The text as written in the message (e.g. "1 850,00 € TTC"). */
  text: string;
  /**
   * Offsets of `text` in the source: the subject, the attachment name, or the body text the engine
   * read (`EngineMessage.text` when given, else the text derived from `html`; see `body_text`).
   */
  start: number;
  end: number;
  /** For source 'attachment': which attachment. */
  attachment_index?: number;
  /** For source 'thread': which message of the thread it came from (index in the array given). */
  message_index?: number;
}

export type EvidenceField =
  | 'kind'
  | 'invoice_numbers'
  | 'amount'
  | 'currency'
  | 'issue_date'
  | 'due_date'
  | 'terms'
  | 'counterparty'
  | 'promised_date'
  | 'plan_request';

export interface Detection {
  is_invoice_related: boolean;
  kind: MessageKind | null;
  /** As written, in order of appearance, without duplicates. Never quotes, orders, POs, transfers. */
  invoice_numbers: string[];
  /** See issue 3 "Field meanings": total incl. tax for an invoice; outstanding for a reminder; paid for a payment notice. */
  amount: number | null;
  /** ISO 4217; null when amount is null. */
  currency: string | null;
  issue_date: IsoDate | null;
  /** The invoice's own contractual due date (not a reminder's new deadline, not a promised date). */
  due_date: IsoDate | null;
  terms: string | null;
  /** Lower-cased address of the other party (the debtor for receivables, the vendor for a vendor bill). */
  counterparty: string | null;
  /** For a promise: the date the client promised to pay. */
  promised_date: IsoDate | null;
  /** A client's reply asking to pay in instalments (see plan-request.ts); its words are `evidence.plan_request`. */
  plan_request: boolean;
  /** Who wrote it relative to the user: the user ('sent'), someone to the user ('received'). */
  direction: 'sent' | 'received' | 'unknown';
  /** Language of the newest part of the message: fr, en, de, es, it, nl. */
  language: string;
  /** 0..1: how sure the engine is that `is_invoice_related` and `kind` are right. */
  confidence: number;
  evidence: Partial<Record<EvidenceField, Evidence[]>>;
  /** The body text the engine read (derived from HTML when there was no text part); offsets refer to it. */
  body_text: string;
}

export interface DetectOptions {
  /** The user's own addresses (lower-case or not). May be empty: the engine then reads direction from the words. */
  ownAddresses: string[];
  /** "N jours fin de mois" computation (late-payment-law.md 1.2); default 'B'. */
  endOfMonthMethod?: 'A' | 'B';
}
