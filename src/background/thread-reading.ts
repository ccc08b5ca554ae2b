/**
 * The worker's reading of a thread for the panel: the invoice(s) the user sent in it and what the
 * client's newest reply says. Runs the detection engine here, so the panel page never loads it.
 */
import { analyzeThread } from '../core/detect';
import type { Detection } from '../core/detect/types';
import { invoiceFromThread, toEngineMessages, type ThreadInvoice } from '../core/invoice-from-thread';
import type { ThreadSnapshot } from '../core/model';
import type { ReplyReading } from '../protocol/messages';

export interface ThreadReading {
  reading: ThreadInvoice;
  /** More invoices sent in the thread, after `reading`'s. */
  others: ThreadInvoice[];
  reply: ReplyReading | null;
}

const EXCERPT_CHARS = 300;

function excerptOf(detection: Detection): string {
  const text = detection.body_text;
  const kindEvidence = detection.evidence.plan_request?.[0] ?? detection.evidence.kind?.[0];
  const at = kindEvidence && (kindEvidence.source === 'body' || kindEvidence.source === 'thread') ? kindEvidence.start : 0;
  const from = Math.max(0, at - 40);
  const slice = text.slice(from, from + EXCERPT_CHARS).replace(/\s+/g, ' ').trim();
  return (from > 0 ? '…' : '') + slice + (from + EXCERPT_CHARS < text.length ? '…' : '');
}

/** The newest message from someone else, read as a payment, dispute, promise or plan request; else null. */
export function replyReading(snapshot: ThreadSnapshot, detections: readonly Detection[]): ReplyReading | null {
  for (let index = snapshot.messages.length - 1; index >= 0; index -= 1) {
    const message = snapshot.messages[index]!;
    const detection = detections[index];
    if (!detection || message.collapsed || message.bodyText.trim() === '') continue;
    const fromClient = message.from !== null ? message.from.email !== snapshot.account : detection.direction === 'received';
    // The newest readable message decides: once the user answered, the client's older words are dealt with.
    if (!fromClient) return null;
    const kind: ReplyReading['kind'] | null =
      detection.kind === 'dispute' ? 'dispute' : detection.plan_request ? 'plan_request' : detection.kind === 'payment_notice' ? 'paid' : detection.kind === 'promise' ? 'promise' : null;
    if (kind === null) return null;
    return {
      kind,
      messageIndex: index,
      date: message.date,
      invoiceNumbers: detection.invoice_numbers,
      amount: detection.amount,
      promisedDate: detection.promised_date,
      excerpt: excerptOf(detection),
    };
  }
  return null;
}

/** The thread with every message but those from `index` on marked collapsed: the reader then picks the invoice at `index`. */
function from(snapshot: ThreadSnapshot, index: number): ThreadSnapshot {
  return { ...snapshot, messages: snapshot.messages.map((message, i) => (i < index ? { ...message, collapsed: true } : message)) };
}

export function readThreadForPanel(snapshot: ThreadSnapshot): ThreadReading {
  const reading = invoiceFromThread(snapshot);
  if (!snapshot.messages.some((m) => !m.collapsed && m.bodyText.trim() !== '')) return { reading, others: [], reply: null };
  const detections = analyzeThread(toEngineMessages(snapshot), { ownAddresses: snapshot.account ? [snapshot.account] : [] });
  const others: ThreadInvoice[] = [];
  if (reading.kind === 'invoice') {
    const seen = new Set([reading.facts.invoiceNumber.toUpperCase()]);
    detections.forEach((detection, index) => {
      const message = snapshot.messages[index];
      if (!message || message.collapsed || detection.kind !== 'invoice_sent' || detection.direction === 'received') return;
      const number = detection.invoice_numbers[0];
      if (!number || seen.has(number.toUpperCase())) return;
      const other = invoiceFromThread(from(snapshot, index));
      if (other.kind === 'invoice' && !seen.has(other.facts.invoiceNumber.toUpperCase())) {
        seen.add(other.facts.invoiceNumber.toUpperCase());
        others.push(other);
      }
    });
  }
  return { reading, others, reply: replyReading(snapshot, detections) };
}
