/**
 * What the detection engine read in a thread, as the UI shows it: the facts, and for each field the
 * words it was read from. Types and helpers only, no engine: the panel imports this without loading
 * the engine (the service worker runs it, src/core/invoice-from-thread.ts).
 */
import type { Evidence } from './detect/types';
import type { InvoiceFacts, NoInvoiceReason } from './model';

export type FactField = 'invoiceNumber' | 'client' | 'amount' | 'issueDate' | 'dueDate';

/** Where one value came from: a span of one message's text, subject or attachment name. */
export interface FieldEvidence {
  /** Index in thread.messages. */
  messageIndex: number;
  source: Evidence['source'];
  /** The message text the offsets refer to (the body the engine read, the subject or the file name). */
  context: string;
  start: number;
  end: number;
}

export type ThreadInvoice =
  | { kind: 'invoice'; facts: InvoiceFacts; evidence: Partial<Record<FactField, FieldEvidence>>; confidence: number }
  | { kind: 'none'; reason: NoInvoiceReason };

/** The fields whose value differs between what Relance read and what the user holds now. */
export function changedFields(read: InvoiceFacts, now: InvoiceFacts): Set<FactField> {
  const changed = new Set<FactField>();
  if (read.client.email !== now.client.email || read.client.name !== now.client.name) changed.add('client');
  if (read.invoiceNumber !== now.invoiceNumber) changed.add('invoiceNumber');
  if (read.amount !== now.amount || read.currency !== now.currency) changed.add('amount');
  if (read.issueDate !== now.issueDate) changed.add('issueDate');
  if (read.dueDate !== now.dueDate) changed.add('dueDate');
  return changed;
}
