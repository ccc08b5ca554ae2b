/**
 * The first invoice reader: finds the invoice the account sent in a thread and reads its facts.
 * The invoice chased is the first one the account sent, so messages are read oldest first and only
 * the account's own messages count: a client writing "votre facture n° …" is not an invoice sent.
 */
import type { InvoiceFacts, IsoDate, MailAddress, MailMessage, NoInvoiceReason, ReadOutcome, ThreadSnapshot } from '../model';
import { DEFAULT_END_OF_MONTH_METHOD, dayOfLocalDateTime, dueDateFromTerms, type EndOfMonthMethod } from '../dates';
import { detectLanguage } from '../language';
import { findAmountDue } from './amount';
import { findInvoiceNumber, invoiceNumberOfFileName, isInvoiceFileName, mentionsInvoice } from './invoice-number';
import { findLabelledDates } from './labelled-dates';
import { normalizeSpacing } from './normalize';
import { findPaymentTerms } from './payment-terms';
import { readableText } from './readable-text';
import { resolveWrittenDate } from './written-dates';

export interface ReadInvoiceOptions {
  /** The user's addresses (aliases included); `thread.account` always counts as one. */
  ownAddresses: string[];
  /** How to count "N jours fin de mois" (late-payment-law.md 1.2); B when not given. */
  endOfMonthMethod?: EndOfMonthMethod;
}

export function readInvoice(thread: ThreadSnapshot, options: ReadInvoiceOptions): ReadOutcome {
  if (!thread.messages.some(hasBody)) return none('no_readable_message');
  const own = ownAddressSet(thread, options.ownAddresses);
  const method = options.endOfMonthMethod ?? DEFAULT_END_OF_MONTH_METHOD;
  // Oldest first (the model's order): the first invoice sent is the one to chase, later own
  // messages in the thread are usually reminders or replies about it.
  for (const message of thread.messages) {
    if (!hasBody(message) || !isFrom(message, own)) continue;
    const facts = readMessage(thread, message, own, method);
    if (facts) return { kind: 'invoice', facts };
  }
  return none('no_invoice_found');
}

function readMessage(thread: ThreadSnapshot, message: MailMessage, own: ReadonlySet<string>, method: EndOfMonthMethod): InvoiceFacts | null {
  const text = normalizeSpacing(readableText(message.bodyText));
  if (text === '') return null; // only quoted history
  const subject = normalizeSpacing(thread.subject);
  const invoiceNumber = invoiceNumberOf(text, subject, message.attachments);
  if (invoiceNumber === null) return null;
  const client = clientOf(message, own);
  if (client === null) return null; // sent to nobody but the account: nobody to chase

  const money = findAmountDue(text) ?? findAmountDue(subject);
  const messageDay = dayOfLocalDateTime(message.date);
  const labelled = findLabelledDates(text);
  const issueDate = (labelled.issue && resolveWrittenDate(labelled.issue, messageDay, 'onOrBefore')) ?? messageDay;
  const writtenTerms = findPaymentTerms(text);
  const dueDate = explicitOrComputedDueDate(labelled.due && resolveWrittenDate(labelled.due, issueDate, 'onOrAfter'), issueDate, writtenTerms, method);

  return {
    invoiceNumber,
    amount: money?.amount ?? null,
    currency: money?.currency ?? null,
    issueDate,
    dueDate,
    terms: writtenTerms?.text ?? null,
    client,
    language: detectLanguage(`${subject}\n${text}`, thread.uiLanguage ?? 'fr'),
    messageId: message.id,
    subject: thread.subject,
  };
}

/**
 * The number from the body first; else, when the mail speaks of an invoice (in its text or by an
 * attached invoice file), from the attachment names, then from the subject.
 */
function invoiceNumberOf(text: string, subject: string, attachments: readonly string[]): string | null {
  const fromBody = findInvoiceNumber(text);
  if (fromBody !== null) return fromBody;
  if (!mentionsInvoice(text) && !attachments.some(isInvoiceFileName)) return null;
  for (const attachment of attachments) {
    const fromFile = invoiceNumberOfFileName(attachment);
    if (fromFile !== null) return fromFile;
  }
  return findInvoiceNumber(subject);
}

// An explicit date on the invoice wins over a date computed from the terms.
function explicitOrComputedDueDate(
  explicit: IsoDate | null,
  issueDate: IsoDate | null,
  writtenTerms: ReturnType<typeof findPaymentTerms>,
  method: EndOfMonthMethod,
): IsoDate | null {
  if (explicit !== null) return explicit;
  if (writtenTerms === null || issueDate === null) return null;
  return dueDateFromTerms(issueDate, writtenTerms.terms, method);
}

function clientOf(message: MailMessage, own: ReadonlySet<string>): MailAddress | null {
  const isOther = (address: MailAddress): boolean => !own.has(address.email.toLowerCase());
  return message.to.find(isOther) ?? message.cc.find(isOther) ?? null;
}

function ownAddressSet(thread: ThreadSnapshot, ownAddresses: readonly string[]): ReadonlySet<string> {
  const all = thread.account === null ? ownAddresses : [...ownAddresses, thread.account];
  return new Set(all.map((address) => address.trim().toLowerCase()).filter((address) => address !== ''));
}

function isFrom(message: MailMessage, own: ReadonlySet<string>): boolean {
  return message.from !== null && own.has(message.from.email.toLowerCase());
}

function hasBody(message: MailMessage): boolean {
  return !message.collapsed && message.bodyText.trim() !== '';
}

function none(reason: NoInvoiceReason): ReadOutcome {
  return { kind: 'none', reason };
}
