/**
 * Is the mail about an invoice, who wrote it relative to the user, and what kind of message is it.
 *
 * Signals (all from the newest part, the subject and the attachment names):
 * - anchors: invoice numbers, invoice words, invoice attachments, and the cue families (sending an
 *   invoice, reminding, paying, promising, contesting, a vendor's bill);
 * - hard negatives: quotes, orders, shipping, newsletters, promotions, account mails (passwords),
 *   bank and tax mails. They win unless the invoice anchors are stronger (a quote accepted in an
 *   invoice mail is still an invoice mail; a newsletter about "unpaid invoices" is not).
 * Direction comes from the user's addresses when given, else from the words and the sender type.
 */
import { isWeakDispute, isWeakReminder, type CueFamily, type CueMatch } from './cues';
import type { SenderType } from './sender';
import type { MessageKind } from './types';

export type Direction = 'sent' | 'received' | 'unknown';

export interface Signals {
  cues: Partial<Record<CueFamily, CueMatch & { source: 'subject' | 'body' }>>;
  /** Invoice numbers found in the newest part, the subject or attachment names. */
  numberCount: number;
  /** Numbers found in the newest part or attachments (not only the subject of a reply). */
  ownNumberCount: number;
  /** Numbers found in the newest part. */
  bodyNumberCount: number;
  invoiceAttachment: boolean;
  hasAmount: boolean;
  sender: SenderType;
  isReply: boolean;
  /** A thread around the message is about an invoice (analyzeThread). */
  threadAboutInvoice: boolean;
  /** The sender is a mass-mailing mailbox (newsletter@, marketing@…). */
  bulkSender?: boolean;
  /** The promise found waits on an event, not a date ("we'll pay as soon as it is reissued"). */
  conditionalPromise?: boolean;
  /** The newest part asks something ("Peux-tu regarder quand tu as un moment ?"). */
  newestAsks?: boolean;
}

export interface Classification {
  related: boolean;
  kind: MessageKind | null;
  confidence: number;
  /** The cue that decided the kind, for evidence. */
  kindCue: (CueMatch & { source: 'subject' | 'body' }) | null;
}

const NEGATIVE_WEIGHTS: ReadonlyArray<readonly [CueFamily, number]> = [
  ['quote', 2.5],
  ['order', 2],
  ['shipping', 1.5],
  ['newsletter', 2.5],
  ['promo', 1.5],
  ['account', 3],
  ['bank', 2],
  ['tax', 2.5],
  ['autoReply', 5],
  ['jobAd', 3],
  ['personal', 2.5],
];

// A reminder named, not made ("votre relance", "the reminder").
const REMINDER_NOUN = /^(?:relance|rappel|reminder|erinnerung|recordatorio|sollecito|promemoria|herinnering)$/;

const PRO_FORMA = /^pro-?\s?forma$/;
const REMITTANCE = /advice|avis\sde\s(?:paiement|virement|règlement)|zahlungsavis|aviso\sde\spago|avviso\sdi\spagamento|betalingsadvies/;

// What, in the newest part itself, makes a reply about an invoice.
const BODY_ANCHORS: readonly CueFamily[] = [
  'invoiceWord', 'sendInvoice', 'invoiceDelivery', 'reminder', 'paid', 'promise', 'userPaid', 'dispute', 'acknowledge', 'creditNote', 'procedural', 'billingInfo',
];

/** The cue family was found (a module-level function: a closure made per call costs more than the test). */
function hasCue(signals: Pick<Signals, 'cues'>, family: CueFamily): boolean {
  return signals.cues[family] !== undefined;
}

/**
 * What speaks for the mail being about an invoice, amounts aside (`hasAmount` only adds to a
 * positive score: a mail with none here is not about an invoice, amounts or not).
 */
export function anchorScore(signals: Omit<Signals, 'hasAmount'>): number {
  let positive = namingScore(signals);
  // Payment and promise words are about an invoice only in an invoice context.
  const invoiceContext = positive > 0 || signals.threadAboutInvoice || signals.isReply;
  for (const family of ['paid', 'promise', 'userPaid'] as const) if (hasCue(signals, family) && invoiceContext) positive += 1.5;
  if (hasCue(signals, 'acknowledge') && (signals.threadAboutInvoice || (signals.isReply && signals.cues.invoiceWord?.source === 'subject'))) positive += 1;
  if (signals.threadAboutInvoice) positive += 1;
  // A remittance advice is about invoices even when it names none with the word ("AVIS DE PAIEMENT …
  // Votre réf. FK-26-00431").
  if (isRemittance(signals) && positive < 2) positive = 2;
  return positive;
}

function isRemittance(signals: Pick<Signals, 'cues'>): boolean {
  return signals.cues.paid !== undefined && REMITTANCE.test(signals.cues.paid.text);
}

/** What names an invoice: numbers, an invoice attached, invoice words and cues. */
function namingScore(signals: Omit<Signals, 'hasAmount'>): number {
  let positive = 0;
  if (signals.ownNumberCount > 0) positive += 2.5;
  else if (signals.numberCount > 0) positive += 1.5;
  if (signals.invoiceAttachment) positive += 1.5;
  if (signals.cues.invoiceWord?.source === 'subject') positive += 1;
  if (signals.cues.invoiceWord?.source === 'body') positive += 1;
  for (const family of ['sendInvoice', 'reminder', 'dispute', 'vendor', 'invoiceDelivery', 'creditNote', 'procedural'] as const) if (hasCue(signals, family)) positive += 1.5;
  if (hasCue(signals, 'billingInfo')) positive += 2;
  return positive;
}

export function relatedness(signals: Signals, anchors: number = anchorScore(signals)): { related: boolean; margin: number } {
  let positive = anchors;
  if (signals.hasAmount && positive > 0) positive += 0.5;
  const invoiceContext = signals.threadAboutInvoice || signals.isReply || namingScore(signals) > 0;

  let negative = 0;
  for (const [family, weight] of NEGATIVE_WEIGHTS) {
    const cue = signals.cues[family];
    if (cue) negative += cue.source === 'subject' ? weight + 0.5 : weight;
  }
  // A vendor's "your order"/"your account" wording is part of a bill, not a reason to reject it.
  if (hasCue(signals, 'vendor') && (signals.numberCount > 0 || signals.invoiceAttachment)) negative = Math.max(0, negative - 2);
  // A purchase order named in a request about an invoice ("rejected: PO number missing") is that request's.
  if (hasCue(signals, 'procedural') && hasCue(signals, 'order') && signals.numberCount > 0) negative = Math.max(0, negative - 2);
  const remittance = isRemittance(signals);
  const margin = positive - negative;
  // Something must name an invoice (or be a payment word in an invoice context): "your next bill
  // will reflect the new price" alone is not about one.
  const anchored =
    signals.numberCount > 0 ||
    signals.invoiceAttachment ||
    hasCue(signals, 'invoiceWord') ||
    hasCue(signals, 'sendInvoice') ||
    hasCue(signals, 'reminder') ||
    hasCue(signals, 'creditNote') ||
    hasCue(signals, 'invoiceDelivery') ||
    hasCue(signals, 'billingInfo') ||
    hasCue(signals, 'procedural') ||
    remittance ||
    (invoiceContext && (hasCue(signals, 'paid') || hasCue(signals, 'promise') || hasCue(signals, 'dispute') || hasCue(signals, 'userPaid')));
  // A newsletter or a promotion from a mass-mailing mailbox: its invoices, amounts and reminders are
  // examples ("Template #2: invoice #123 for $450 is now overdue"), whatever their number.
  if (signals.bulkSender && (hasCue(signals, 'newsletter') || hasCue(signals, 'promo'))) return { related: false, margin };
  // A pro-forma invoice is an offer, like a quote (README): its subject says so.
  if (signals.cues.quote?.source === 'subject' && PRO_FORMA.test(signals.cues.quote.text)) return { related: false, margin };
  // A reply whose newest part changes the subject and says nothing about the invoice quoted below
  // it ("Au fait, tu serais dispo mardi ?"): the quoted invoice is only context.
  if (signals.isReply && (signals.cues.offTopic?.source === 'body' || signals.newestAsks) && signals.bodyNumberCount === 0 && !signals.hasAmount) {
    // (2026-11, blind set dev5: a question about a site bug, a new job or photo rights, asked in the
    // invoice's thread, is as off-topic as one that says "by the way".)
    if (!BODY_ANCHORS.some((family) => signals.cues[family]?.source === 'body')) return { related: false, margin };
  }
  return { related: anchored && positive >= 2 && margin >= 1.5, margin };
}

export function classify(signals: Signals, direction: Direction, anchors?: number): Classification {
  const { related, margin } = relatedness(signals, anchors);
  if (!related) return { related: false, kind: null, confidence: confidenceOf(-margin, 0.6), kindCue: null };
  const cue = (family: CueFamily) => signals.cues[family] ?? null;
  const pick = (kind: MessageKind, family: CueFamily | null, strength: number): Classification => ({
    related: true,
    kind,
    confidence: confidenceOf(margin + strength, 0.55),
    kindCue: family ? cue(family) : null,
  });
  const first = (...families: CueFamily[]): CueFamily | null => {
    let best: CueFamily | null = null;
    for (const family of families) {
      const found = cue(family);
      if (!found) continue;
      const current = best ? cue(best) : null;
      if (!current || rank(found) < rank(current)) best = family;
    }
    return best;
  };
  const automated = signals.sender !== 'person';
  // An explicit invoice-sending cue beats a conversational follow-up tied to the invoice
  // ("Following up on our call, please find attached invoice 12"): the invoice is being sent.
  const reminderFound = cue('reminder');
  const reminder = reminderFound && !(cue('sendInvoice') && reminderFound.source === 'body' && isWeakReminder(reminderFound.text)) ? reminderFound : null;
  // A generic mailbox (factures@, invoices@, billing@) replying in a thread with nothing of a bill
  // (no vendor wording, no invoice attached or delivered): the client's accounts payable answering.
  const readsAsBill = cue('vendor') !== null || cue('invoiceDelivery') !== null || cue('sendInvoice') !== null || cue('userPaid') !== null || signals.invoiceAttachment;
  const clientMailbox = signals.sender === 'automated' && signals.isReply && !readsAsBill;

  if (direction === 'sent') {
    if (reminder) return pick('reminder', 'reminder', 1);
    if ((cue('userPaid') || cue('paid')) && !cue('sendInvoice')) return pick('payment_notice', cue('userPaid') ? 'userPaid' : 'paid', 0.5);
    if (cue('sendInvoice') || cue('invoiceDelivery') || cue('creditNote')) return pick('invoice_sent', first('sendInvoice', 'invoiceDelivery', 'creditNote'), 1);
    if (signals.invoiceAttachment || (signals.ownNumberCount > 0 && signals.hasAmount && !signals.isReply)) return pick('invoice_sent', null, 0.5);
    return pick('other_invoice_related', null, 0);
  }

  // Received (or unknown: read as the words say).
  // A vendor's automated mail: its "will be debited" is not a client's promise. A reminder it
  // sends is still a reminder (the user owes the supplier).
  const platformNotice = signals.sender === 'bank' || signals.sender === 'platform';
  // A known vendor (SaaS, marketplace) delivering its invoice ("Voici la facture de frais de service").
  const vendorSends = signals.sender === 'vendor' && cue('sendInvoice') !== null;
  if (automated && !platformNotice && (cue('vendor') || cue('invoiceDelivery') || signals.invoiceAttachment || vendorSends)) {
    if (reminder && !cue('userPaid')) return pick('reminder', 'reminder', 0.5);
    return pick('vendor_bill', first('vendor', 'invoiceDelivery', 'userPaid'), 0.8);
  }
  // A processing block ("we are unable to process it") that comes with a procedural request ("please
  // reissue it with our PO number") is that request, not a dispute of the invoice.
  const disputeFound = cue('dispute');
  const blockOnly = disputeFound !== null && cue('procedural') !== null && isWeakDispute(disputeFound.text);
  if (disputeFound && !blockOnly && !(automated && cue('vendor'))) return pick('dispute', 'dispute', 1);
  // A promise that waits on the request being met ("we'll pay both as soon as they're reissued") is
  // part of the request.
  // So is one that follows the request it waits on ("Please reissue it to the correct entity and we
  // will process it in the next run", "Merci de la redéposer… Elle sera alors mise en paiement").
  const request = cue('procedural');
  const promiseFound = cue('promise');
  const promiseAfterRequest = request !== null && promiseFound !== null && request.source === 'body' && promiseFound.source === 'body' && promiseFound.start > request.start;
  const clientWords = request && (signals.conditionalPromise || promiseAfterRequest) && !cue('paid') ? null : first('promise', 'paid');
  // A procedural request or status (reissue with a PO, rejected on a portal, pay in instalments).
  if (cue('procedural') && clientWords === null) return pick('other_invoice_related', 'procedural', 0.5);
  if (clientWords === 'promise') return pick('promise', 'promise', 1);
  if (clientWords === 'paid') return pick('payment_notice', 'paid', 1);
  if (cue('userPaid') && direction === 'unknown' && !automated) return pick('payment_notice', 'userPaid', 0.5);
  // The client acknowledges the user's reminder ("Merci, bien reçu votre relance"): the reminder is
  // only named, not made.
  const reminderCue = reminder;
  if (reminderCue && cue('acknowledge') && (!automated || clientMailbox) && direction === 'received' && REMINDER_NOUN.test(reminderCue.text)) {
    return pick('other_invoice_related', 'acknowledge', 0);
  }
  if (reminderCue) {
    // Unknown direction: a reminder is usually the user's own.
    return pick('reminder', 'reminder', direction === 'unknown' ? 0.5 : 0.3);
  }
  if (direction === 'unknown' && (cue('sendInvoice') || (cue('creditNote') && !cue('vendor'))) && !automated) {
    return pick('invoice_sent', first('sendInvoice', 'creditNote'), 0.5);
  }
  const billSender = automated && !clientMailbox;
  if (cue('vendor') || cue('userPaid') || cue('invoiceDelivery') || cue('sendInvoice') || signals.invoiceAttachment || billSender) {
    if (direction === 'received' || billSender || cue('vendor') || cue('userPaid')) return pick('vendor_bill', first('vendor', 'userPaid', 'invoiceDelivery', 'sendInvoice'), 0.8);
  }
  if (direction === 'unknown' && signals.ownNumberCount > 0 && signals.hasAmount && !signals.isReply) return pick('invoice_sent', null, 0);
  return pick('other_invoice_related', cue('acknowledge') ? 'acknowledge' : null, 0);
}

/** Subject cues count before body cues (a subject states the purpose), then by position. */
function rank(cue: CueMatch & { source: 'subject' | 'body' }): number {
  return (cue.source === 'subject' ? 0 : 1_000_000) + cue.start;
}

function confidenceOf(margin: number, floor: number): number {
  const value = floor + 0.08 * Math.max(0, margin);
  return Math.round(Math.min(0.99, value) * 100) / 100;
}
