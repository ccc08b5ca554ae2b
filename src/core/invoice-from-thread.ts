/**
 * The invoice a thread is about, for the panel: runs the detection engine over the thread the host
 * read and keeps, for each field, the evidence the engine found, so the UI can show it and the user
 * can correct it before tracking.
 */
import { analyzeThread } from './detect';
import type { Detection, EngineMessage } from './detect/types';
import type { InvoiceFacts, Language, ThreadSnapshot } from './model';
import type { FactField, FieldEvidence, ThreadInvoice } from './thread-invoice';

export { changedFields, type FactField, type FieldEvidence, type ThreadInvoice } from './thread-invoice';

export function toEngineMessages(thread: ThreadSnapshot): EngineMessage[] {
  return thread.messages.map((m) => ({
    id: m.id,
    subject: thread.subject,
    from: m.from,
    to: m.to,
    cc: m.cc,
    date: m.date,
    text: m.bodyText,
    html: null,
    attachments: m.attachments,
  }));
}

/** Drafts exist in French and English; other languages get English. */
function draftLanguage(language: string): Language {
  return language === 'fr' ? 'fr' : 'en';
}

function evidenceOf(detection: Detection, field: keyof Detection['evidence'], messageIndex: number, thread: ThreadSnapshot): FieldEvidence | undefined {
  const first = detection.evidence[field]?.[0];
  if (!first) return undefined;
  const index = first.source === 'thread' ? (first.message_index ?? messageIndex) : messageIndex;
  const message = thread.messages[index];
  const context =
    first.source === 'subject'
      ? thread.subject
      : first.source === 'attachment'
        ? (message?.attachments[first.attachment_index ?? 0] ?? first.text)
        : first.source === 'thread'
          ? (message?.bodyText ?? first.text)
          : detection.body_text;
  // Offsets must point at the quoted text; when they do not (a derived value), show the text alone.
  const fits = context.slice(first.start, first.end) === first.text;
  return fits
    ? { messageIndex: index, source: first.source, context, start: first.start, end: first.end }
    : { messageIndex: index, source: first.source, context: first.text, start: 0, end: first.text.length };
}

/**
 * The invoice the user sent in this thread: the earliest message the engine reads as an invoice the
 * user sent, else the user's own reminder about a single invoice. Null reasons explain why not.
 */
export function invoiceFromThread(thread: ThreadSnapshot, options: { endOfMonthMethod?: 'A' | 'B' } = {}): ThreadInvoice {
  if (!thread.messages.some((m) => !m.collapsed && m.bodyText.trim() !== '')) return { kind: 'none', reason: 'no_readable_message' };
  const detections = analyzeThread(toEngineMessages(thread), {
    ownAddresses: thread.account ? [thread.account] : [],
    endOfMonthMethod: options.endOfMonthMethod,
  });
  const pick = (accept: (d: Detection) => boolean) => detections.findIndex((d, i) => !thread.messages[i]?.collapsed && accept(d));
  let index = pick((d) => d.kind === 'invoice_sent' && d.direction !== 'received' && d.invoice_numbers.length > 0);
  if (index < 0) index = pick((d) => d.kind === 'reminder' && d.direction !== 'received' && d.invoice_numbers.length === 1);
  const detection = detections[index];
  const message = thread.messages[index];
  if (!detection || !message) return { kind: 'none', reason: 'no_invoice_found' };

  const clientEmail = detection.counterparty ?? message.to.find((a) => a.email !== thread.account)?.email ?? null;
  if (!clientEmail) return { kind: 'none', reason: 'no_invoice_found' };
  const clientName = [...message.to, ...message.cc].find((a) => a.email === clientEmail)?.name ?? null;
  const facts: InvoiceFacts = {
    invoiceNumber: detection.invoice_numbers[0]!,
    amount: detection.amount,
    currency: detection.amount === null ? null : detection.currency,
    issueDate: detection.issue_date,
    dueDate: detection.due_date,
    terms: detection.terms,
    client: { email: clientEmail, name: clientName },
    language: draftLanguage(detection.language),
    messageId: message.id,
    subject: thread.subject,
  };
  const evidence: Partial<Record<FactField, FieldEvidence>> = {};
  const put = (field: FactField, from: keyof Detection['evidence'], ...fallbacks: Array<keyof Detection['evidence']>) => {
    for (const candidate of [from, ...fallbacks]) {
      const found = evidenceOf(detection, candidate, index, thread);
      if (found) {
        evidence[field] = found;
        return;
      }
    }
  };
  put('invoiceNumber', 'invoice_numbers');
  put('client', 'counterparty');
  put('amount', 'amount');
  put('issueDate', 'issue_date');
  put('dueDate', 'due_date', 'terms');
  return { kind: 'invoice', facts, evidence, confidence: detection.confidence };
}

