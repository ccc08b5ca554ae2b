/**
 * What one message says, read once and kept with its prepared form: cues, invoice numbers,
 * amounts, language, dates, terms. None of it depends on the user's addresses or on the thread
 * around the message, so a thread's second pass (analyzeThread) classifies again without reading
 * again.
 */
import type { PreparedMessage } from './prepare';
import { findAllCues, findCue, type CueFamily } from './cues';
import type { Signals } from './classify';
import { bareAttachmentReference, findInvoiceNumbers, type FoundNumber } from './invoice-numbers';
import { findAmounts, type AmountMention } from './money';
import { LANGUAGE_SAMPLE, detectLanguage, type DetectLanguage } from './language';
import { findDates, type DateOrder } from './written-dates';
import { labelDates, type LabelledDate } from './date-labels';
import { findTerms, type FoundTerms } from './terms';

/** Cue phrases are looked for in the first characters of the newest part (footers excepted). */
const CUE_LIMIT = 3000;

const BODY_FAMILIES: readonly CueFamily[] = [
  'invoiceWord', 'sendInvoice', 'invoiceDelivery', 'vendor', 'userPaid', 'reminder', 'paid', 'promise', 'dispute', 'acknowledge',
  'creditNote', 'deposit', 'quote', 'order', 'shipping', 'newsletter', 'promo', 'account', 'bank', 'tax', 'autoReply', 'billingInfo',
  'procedural', 'jobAd', 'offTopic', 'personal',
];
// In a reply, the subject is the original mail's: only what it names counts, not what it is.
const REPLY_SUBJECT_FAMILIES: ReadonlySet<CueFamily> = new Set(['invoiceWord', 'creditNote', 'deposit', 'autoReply']);

export interface Readings {
  cues: Signals['cues'];
  bodyNumbers: FoundNumber[];
  subjectNumbers: FoundNumber[];
  attachmentNumbers: FoundNumber[][];
  invoiceAttachment: boolean;
  bodyAmounts: AmountMention[];
  /** Only read when the body has no amount. */
  subjectAmounts: AmountMention[];
  /** Language of the subject and newest part, with the fallback for undecided text. */
  language: DetectLanguage;
  /** Read on demand, per day/month order. */
  dates: Map<DateOrder, LabelledDate[]>;
  terms: FoundTerms | null | undefined;
}

const READINGS = new WeakMap<PreparedMessage, Readings>();

/** The readings of a message whose segments are masked (maskSegment), computed on first use. */
export function readingsOf(prepared: PreparedMessage): Readings {
  const known = READINGS.get(prepared);
  if (known) return known;
  const main = prepared.main;
  const subjectCore = prepared.subjectLower.slice(prepared.subjectCoreStart);

  // Cues: the subject (what the mail says it is, unless it is a reply's), then the newest part.
  const cues: Signals['cues'] = {};
  const inSubject = findAllCues(subjectCore, prepared.isReply ? REPLY_SUBJECT_FAMILIES : null);
  const inBody = findAllCues(main.lower.length > CUE_LIMIT ? main.lower.slice(0, CUE_LIMIT) : main.lower);
  for (const family of BODY_FAMILIES) {
    const subjectCue = inSubject[family];
    const bodyCue = inBody[family];
    if (subjectCue) cues[family] = { ...subjectCue, start: subjectCue.start + prepared.subjectCoreStart, end: subjectCue.end + prepared.subjectCoreStart, source: 'subject' };
    else if (bodyCue) cues[family] = { ...bodyCue, source: 'body' };
  }
  // Footers (unsubscribe links) sit at the end of long newsletters.
  if (!cues.newsletter && main.lower.length > CUE_LIMIT) {
    const footer = findCue('newsletter', main.lower.slice(CUE_LIMIT));
    if (footer) cues.newsletter = { ...footer, start: footer.start + CUE_LIMIT, end: footer.end + CUE_LIMIT, source: 'body' };
  }
  const attachmentWords = prepared.attachments.some((attachment) => findCue('invoiceWord', attachment.lower.slice(0, attachment.stemEnd)) !== null);
  const attachmentQuote = prepared.attachments.some((attachment) => findCue('quote', attachment.lower) !== null);

  // Invoice numbers: newest part, subject, attachment names.
  const bodyNumbers = findInvoiceNumbers(main.lower, main.text);
  const subjectNumbers = findInvoiceNumbers(prepared.subjectLower, prepared.subject);
  const attachmentNumbers = prepared.attachments.map((attachment) =>
    findInvoiceNumbers(attachment.lower.slice(0, attachment.stemEnd), attachment.name.slice(0, attachment.stemEnd)),
  );
  // "Invoice attached" with "SI-1049.pdf": the attachment's name is the invoice's number.
  if (!attachmentQuote && (cues.invoiceWord || cues.sendInvoice) && !cues.quote && !cues.order) {
    prepared.attachments.forEach((attachment, index) => {
      if ((attachmentNumbers[index] as FoundNumber[]).length > 0 || !/\.pdf$/i.test(attachment.name)) return;
      const reference = bareAttachmentReference(attachment.lower.slice(0, attachment.stemEnd), attachment.name.slice(0, attachment.stemEnd));
      if (reference) attachmentNumbers[index] = [reference];
    });
  }
  const invoiceAttachment = !attachmentQuote && (attachmentWords || attachmentNumbers.some((found) => found.length > 0));

  // Amounts: newest part first; the subject when the body has none.
  const bodyAmounts = findAmounts(main.lower, main.text);
  const subjectAmounts = bodyAmounts.length === 0 ? findAmounts(prepared.subjectLower, prepared.subject) : [];

  const language = detectLanguage(`${subjectCore}\n${main.lower.slice(0, LANGUAGE_SAMPLE)}`, languageFallback(prepared));
  const readings: Readings = {
    cues, bodyNumbers, subjectNumbers, attachmentNumbers, invoiceAttachment, bodyAmounts, subjectAmounts, language, dates: new Map(), terms: undefined,
  };
  READINGS.set(prepared, readings);
  return readings;
}

/** The dates of the newest part with their labels, read in the given order. */
export function labelledDatesOf(prepared: PreparedMessage, readings: Readings, order: DateOrder): LabelledDate[] {
  let labelled = readings.dates.get(order);
  if (!labelled) {
    labelled = labelDates(prepared.main.lower, findDates(prepared.main.lower, order));
    readings.dates.set(order, labelled);
  }
  return labelled;
}

/** The payment terms of the newest part, or null. */
export function termsOf(prepared: PreparedMessage, readings: Readings): FoundTerms | null {
  if (readings.terms === undefined) readings.terms = findTerms(prepared.main.lower);
  return readings.terms;
}

function languageFallback(prepared: PreparedMessage): DetectLanguage {
  return /€|eur\b/.test(prepared.main.lower.slice(0, 2000)) ? 'fr' : 'en';
}
