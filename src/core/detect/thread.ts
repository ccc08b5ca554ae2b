/**
 * A whole thread, oldest first: each message is still read on its own, then the thread fills in
 * what a reply leaves implicit.
 *
 * - Without the user's addresses, the thread tells who the user is: the sender of what reads as
 *   an invoice or a reminder, the recipient of what reads as a client's reply. Every message is
 *   then read again with those addresses, so "Merci !" from the client is 'received' and its
 *   counterparty is the client.
 * - A payment notice, promise or dispute that names no invoice ("c'est réglé") is about the invoice
 *   of the thread: it takes its numbers and amount, with evidence source 'thread' and the index
 *   of the message they come from.
 */
import type { Detection, DetectOptions, EngineMessage, Evidence } from './types';
import { detectDetailed, type DetailedDetection } from './detect-message';

const FILLED_KINDS = new Set(['payment_notice', 'promise', 'dispute', 'reminder', 'other_invoice_related']);
const SOURCE_KINDS = new Set(['invoice_sent', 'reminder', 'vendor_bill']);

export function analyzeThread(messages: readonly EngineMessage[], options: DetectOptions): Detection[] {
  const first = messages.map((message) => detectDetailed(message, options, {}));
  const aboutInvoice = first.some(({ detection }) => detection.is_invoice_related && (detection.invoice_numbers.length > 0 || SOURCE_KINDS.has(detection.kind ?? '')));
  const inferredOwn = options.ownAddresses.some((address) => address.trim() !== '') ? undefined : inferOwnAddresses(messages, first);

  const second = aboutInvoice || inferredOwn
    ? messages.map((message, index) => {
        const earlier = first[index] as DetailedDetection;
        return detectDetailed(message, options, { inferredOwn, threadAboutInvoice: aboutInvoice, prepared: earlier.prepared });
      })
    : first;

  const detections = second.map(({ detection }) => detection);
  for (let index = 0; index < detections.length; index += 1) {
    const detection = detections[index] as Detection;
    if (!detection.is_invoice_related || !FILLED_KINDS.has(detection.kind ?? '')) continue;
    const sourceIndex = findSource(detections, index);
    if (sourceIndex === -1) continue;
    fillFromThread(detection, detections[sourceIndex] as Detection, sourceIndex, (second[index] as DetailedDetection).numbersFromHistory);
  }
  return detections;
}

/** The latest earlier message that names an invoice (an invoice sent, a reminder, a bill). */
function findSource(detections: readonly Detection[], index: number): number {
  for (let previous = index - 1; previous >= 0; previous -= 1) {
    const candidate = detections[previous] as Detection;
    if (candidate.is_invoice_related && SOURCE_KINDS.has(candidate.kind ?? '') && candidate.invoice_numbers.length > 0) return previous;
  }
  return -1;
}

function fillFromThread(detection: Detection, source: Detection, sourceIndex: number, numbersFromHistory: boolean): void {
  const fromThread = (items: readonly Evidence[] | undefined): Evidence[] =>
    (items ?? []).map((item) => ({ ...item, source: 'thread' as const, message_index: sourceIndex }));
  // The thread's own message is better evidence than the same invoice quoted in the reply.
  if (detection.invoice_numbers.length === 0 || numbersFromHistory) {
    detection.invoice_numbers = [...source.invoice_numbers];
    detection.evidence.invoice_numbers = fromThread(source.evidence.invoice_numbers);
  }
  if (detection.amount === null && source.amount !== null && detection.kind !== 'other_invoice_related') {
    detection.amount = source.amount;
    detection.currency = source.currency;
    detection.evidence.amount = fromThread(source.evidence.amount);
    detection.evidence.currency = fromThread(source.evidence.currency);
  }
  const single = detection.invoice_numbers.length <= 1;
  if (single && (detection.kind === 'reminder' || detection.kind === 'promise' || detection.kind === 'dispute')) {
    if (detection.due_date === null && source.due_date !== null) {
      detection.due_date = source.due_date;
      detection.evidence.due_date = fromThread(source.evidence.due_date);
    }
    if (detection.issue_date === null && source.issue_date !== null) {
      detection.issue_date = source.issue_date;
      detection.evidence.issue_date = fromThread(source.evidence.issue_date);
    }
    if (detection.terms === null && source.terms !== null) {
      detection.terms = source.terms;
      detection.evidence.terms = fromThread(source.evidence.terms);
    }
  }
}

/**
 * The user's addresses as the thread shows them: votes for the sender of what the user writes
 * (invoices, reminders) and the recipients of what the user receives (client replies, bills).
 */
function inferOwnAddresses(messages: readonly EngineMessage[], detections: readonly DetailedDetection[]): ReadonlySet<string> | undefined {
  const votes = new Map<string, number>();
  const vote = (address: string | undefined, weight: number): void => {
    if (!address) return;
    const key = address.toLowerCase();
    votes.set(key, (votes.get(key) ?? 0) + weight);
  };
  messages.forEach((message, index) => {
    const detailed = detections[index] as DetailedDetection;
    if (!detailed.detection.is_invoice_related) return;
    if (detailed.wordDirection === 'sent') {
      vote(message.from?.email, 2);
      for (const address of message.to) vote(address.email, -1);
    } else if (detailed.wordDirection === 'received') {
      vote(message.from?.email, -2);
      for (const address of message.to) vote(address.email, 1);
    }
  });
  const own = new Set([...votes].filter(([, count]) => count > 0).map(([address]) => address));
  return own.size > 0 ? own : undefined;
}
