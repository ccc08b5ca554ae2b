/**
 * What one message says, read once and kept with its prepared form: cues, invoice numbers,
 * amounts, language, dates, terms. None of it depends on the user's addresses or on the thread
 * around the message, so a thread's second pass (analyzeThread) classifies again without reading
 * again.
 */
import type { PreparedMessage } from './prepare';
import { ALL_CUE_BITS, CUE_PATTERNS, CueSearch, findAllCues, findCue, findMoneyReceived, isWeakReminder, type CueFamily } from './cues';
import { PrefixScanner } from './prefix-scan';
import type { Signals } from './classify';
import { WORD_LED_PATTERNS, bareAttachmentReference, findInvoiceNumbers, transferLabelNumbers, typedRowNumbers, type FoundNumber } from './invoice-numbers';
import { findAmounts, withoutBlankTail, type AmountMention } from './money';
import { detectLanguageOf, type DetectLanguage } from './language';
import { DATE_PATTERNS, datesFromMatches, findDateMatches, type DateOrder } from './written-dates';
import { labelDates, type LabelledDate } from './date-labels';
import { findTerms, type FoundTerms } from './terms';

/** Cue phrases are looked for in the first characters of the newest part (footers excepted). */
const CUE_LIMIT = 3000;
/** A bank's or platform's "you received…" is looked for in the first characters only. */
const MONEY_RECEIVED_LIMIT = 800;

const BODY_FAMILIES: readonly CueFamily[] = [
  'invoiceWord', 'sendInvoice', 'invoiceDelivery', 'vendor', 'userPaid', 'reminder', 'paid', 'promise', 'dispute', 'acknowledge',
  'creditNote', 'deposit', 'quote', 'order', 'shipping', 'newsletter', 'promo', 'account', 'bank', 'tax', 'autoReply', 'billingInfo',
  'procedural', 'jobAd', 'offTopic', 'personal',
];
// In a reply, the subject is the original mail's: only what it names counts, not what it is.
const REPLY_SUBJECT_FAMILIES: ReadonlySet<CueFamily> = new Set(['invoiceWord', 'creditNote', 'deposit', 'autoReply']);

export interface Readings {
  /** `readSender` ran (its reading depends on the sender's type only). */
  senderRead: boolean;
  cues: Signals['cues'];
  bodyNumbers: FoundNumber[];
  subjectNumbers: FoundNumber[];
  attachmentNumbers: FoundNumber[][];
  invoiceAttachment: boolean;
  /** Read on demand (`amountsOf`): a mail with nothing about an invoice never needs them. */
  amounts: { body: AmountMention[]; subject: AmountMention[] } | undefined;
  /** Language of the subject and newest part, with the fallback for undecided text. */
  language: DetectLanguage;
  /** Read on demand, per day/month order. */
  dates: Map<DateOrder, LabelledDate[]>;
  /** The date patterns' raw matches in the newest part (the same in either order), read on demand. */
  dateMatches: RegExpExecArray[][] | undefined;
  terms: FoundTerms | null | undefined;
}

const READINGS = new WeakMap<PreparedMessage, Readings>();

// The newest part is read for cues, invoice numbers led by a word and dates in one pass: one
// scanner holds the three sets of patterns (bits: cues from 0, numbers, dates), each pattern run
// only where it may start, as the separate scans did.
const NUMBERS_FROM = CUE_PATTERNS.length;
const DATES_FROM = NUMBERS_FROM + WORD_LED_PATTERNS.length;
// Built on first use. The second, eight-character look (see prefix-scan.ts) makes the scan of the
// newest part ~9 % faster (most cue phrases begin with words of everyday text) but costs ~130 ms to
// build: worth it for `relance scan` over a mailbox, not for a service worker that wakes up to read
// one thread. Same matches either way (2026-11-22: byte-identical output over 24,737 messages).
let bodyScanner: PrefixScanner | null = null;
let longLook = false;

/** For batch readers (`relance scan`): spend ~130 ms once to read each message faster. */
export function preferScanThroughput(): void {
  if (longLook) return;
  longLook = true;
  bodyScanner = null;
}

function bodyScannerOf(): PrefixScanner {
  return (bodyScanner ??= new PrefixScanner([...CUE_PATTERNS, ...WORD_LED_PATTERNS, ...DATE_PATTERNS], new Set(), longLook));
}
const NUMBER_BITS = ((1 << WORD_LED_PATTERNS.length) - 1) << NUMBERS_FROM;
const DATE_BITS = ((1 << DATE_PATTERNS.length) - 1) << DATES_FROM;
const OTHER_BITS = NUMBER_BITS | DATE_BITS;

interface BodyScan {
  cues: ReturnType<typeof findAllCues>;
  wordLedNumbers: RegExpExecArray[][];
  dateMatches: RegExpExecArray[][];
}

/**
 * `findAllCues(lower.slice(0, CUE_LIMIT))`, the word-led number matches `findInvoiceNumbers` and
 * the date matches `findDateMatches` would find in `lower`, in one scan. The cue patterns run on
 * the first CUE_LIMIT characters alone (as on the slice they were given); the others, like
 * `forEachMatch`, resume after each match.
 */
function scanBody(lower: string): BodyScan {
  const cueText = lower.length > CUE_LIMIT ? lower.slice(0, CUE_LIMIT) : lower;
  const search = new CueSearch(cueText, ALL_CUE_BITS);
  const wordLedNumbers: RegExpExecArray[][] = WORD_LED_PATTERNS.map(() => []);
  const dateMatches: RegExpExecArray[][] = DATE_PATTERNS.map(() => []);
  const resume: number[] = [];
  let cueBits = ALL_CUE_BITS;
  const BODY_SCANNER = bodyScannerOf();
  BODY_SCANNER.scan(lower, cueBits | OTHER_BITS, (position, bits) => {
    if (cueBits !== 0) {
      if (position >= cueText.length) cueBits = 0;
      else if ((bits & cueBits) !== 0) cueBits = search.visit(BODY_SCANNER, 0, position, bits & cueBits);
    }
    let pending = bits & OTHER_BITS;
    while (pending !== 0) {
      const bit = pending & -pending;
      pending ^= bit;
      const index = 31 - Math.clz32(bit);
      if (position < (resume[index] ?? 0)) continue;
      const match = BODY_SCANNER.matchAt(index, lower, position);
      if (!match) continue;
      const end = position + match[0].length;
      resume[index] = end === position ? position + 1 : end;
      if (index < DATES_FROM) wordLedNumbers[index - NUMBERS_FROM]!.push(match);
      else dateMatches[index - DATES_FROM]!.push(match);
    }
    return cueBits | OTHER_BITS;
  }, 0, contentEnd(lower));
  return { cues: search.found, wordLedNumbers, dateMatches };
}

/**
 * Where the text's last non-blank character ends: a blanked signature or quote at the end of the
 * newest part holds nothing to find (no pattern of the body scan matches blanks alone).
 */
function contentEnd(text: string): number {
  return withoutBlankTail(text).length;
}

/** The readings of a message whose segments are masked (maskSegment), computed on first use. */
export function readingsOf(prepared: PreparedMessage): Readings {
  const known = READINGS.get(prepared);
  if (known) return known;
  const main = prepared.main;
  const subjectCore = prepared.subjectLower.slice(prepared.subjectCoreStart);

  // Cues: the subject (what the mail says it is, unless it is a reply's), then the newest part.
  const cues: Signals['cues'] = {};
  const inSubject = findAllCues(subjectCore, prepared.isReply ? REPLY_SUBJECT_FAMILIES : null);
  const body = scanBody(main.lower);
  const inBody = body.cues;
  for (const family of BODY_FAMILIES) {
    const subjectCue = inSubject[family];
    const bodyCue = inBody[family];
    if (subjectCue) cues[family] = { ...subjectCue, start: subjectCue.start + prepared.subjectCoreStart, end: subjectCue.end + prepared.subjectCoreStart, source: 'subject' };
    else if (bodyCue) cues[family] = { ...bodyCue, source: 'body' };
  }
  // A follow-up tied to the invoice ("following up on invoice 12") read first with an invoice sent:
  // a stronger reminder later in the text ("…which is now overdue") still makes it a reminder.
  let weak = cues.reminder;
  for (let tries = 0; weak && weak.source === 'body' && cues.sendInvoice && isWeakReminder(weak.text) && tries < 3; tries += 1) {
    const from = weak.end;
    const later = findCue('reminder', main.lower.slice(from, CUE_LIMIT));
    if (!later) break;
    weak = { start: later.start + from, end: later.end + from, text: later.text, source: 'body' };
    if (!isWeakReminder(later.text)) cues.reminder = weak;
  }
  // Footers (unsubscribe links) sit at the end of long newsletters.
  if (!cues.newsletter && main.lower.length > CUE_LIMIT) {
    const footer = findCue('newsletter', main.lower.slice(CUE_LIMIT));
    if (footer) cues.newsletter = { ...footer, start: footer.start + CUE_LIMIT, end: footer.end + CUE_LIMIT, source: 'body' };
  }
  const attachmentWords = prepared.attachments.some((attachment) => findCue('invoiceWord', attachment.lower.slice(0, attachment.stemEnd)) !== null);
  const attachmentQuote = prepared.attachments.some((attachment) => findCue('quote', attachment.lower) !== null);

  // Invoice numbers: newest part, subject, attachment names.
  let bodyNumbers = findInvoiceNumbers(main.lower, main.text, body.wordLedNumbers);
  const paymentWords = cues.paid !== undefined || cues.userPaid !== undefined;
  if (paymentWords || (cues.reminder && bodyNumbers.length === 0)) bodyNumbers = paymentNumbers(prepared, bodyNumbers, paymentWords);
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


  const language = detectLanguageOf(subjectCore, main.lower, languageFallback(prepared));
  const readings: Readings = {
    senderRead: false, cues, bodyNumbers, subjectNumbers, attachmentNumbers, invoiceAttachment, amounts: undefined, language, dates: new Map(), dateMatches: body.dateMatches, terms: undefined,
  };
  READINGS.set(prepared, readings);
  return readings;
}

/**
 * A payment received or a remittance advice names the invoices in its own ways: in a table of
 * settled documents whose rows say "Facture" / "Avoir" (or under an "Invoice number" header), or
 * in the transfer's label ("Libellé : REGLEMENT FACT SB-2025-044").
 */
function paymentNumbers(prepared: PreparedMessage, found: FoundNumber[], transferLabels: boolean): FoundNumber[] {
  const main = prepared.main;
  let numbers = found;
  // Tables only where the mail as written has cell gaps (the blanked quotes and signature of the
  // read text have runs of spaces of their own).
  if (hasCellGap(prepared.bodyText, main.base, main.base + main.text.length)) {
    const rows = typedRowNumbers(main.lower, main.text).filter((row) => !numbers.some((known) => row.start < known.end && known.start < row.end));
    if (rows.length > 0) numbers = [...numbers, ...rows].sort((a, b) => a.start - b.start);
  }
  if (numbers.length === 0 && transferLabels) numbers = transferLabelNumbers(main.lower, main.text);
  return numbers;
}

/** A tab or two spaces in `text` between `from` and `to` (without copying that part). */
function hasCellGap(text: string, from: number, to: number): boolean {
  const tab = text.indexOf('\t', from);
  if (tab !== -1 && tab < to) return true;
  const spaces = text.indexOf('  ', from);
  return spaces !== -1 && spaces < to;
}

/**
 * What only a bank, payment app or platform writes ("You've received €4,500.00", "Client Corp paid
 * invoice #0031"): looked for in mail from a sender that is not a person, as a 'paid' cue, with the
 * invoice references such a notice carries.
 */
export function readSender(prepared: PreparedMessage, readings: Readings, person: boolean): void {
  if (readings.senderRead) return;
  readings.senderRead = true;
  if (person || readings.cues.paid) return;
  const subjectCore = prepared.subjectLower.slice(prepared.subjectCoreStart);
  const inSubject = prepared.isReply ? null : findMoneyReceived(subjectCore);
  // Such notices say it at once: the first lines are enough.
  const inBody = inSubject ? null : findMoneyReceived(prepared.main.lower.slice(0, MONEY_RECEIVED_LIMIT));
  if (inSubject) readings.cues.paid = { ...inSubject, start: inSubject.start + prepared.subjectCoreStart, end: inSubject.end + prepared.subjectCoreStart, source: 'subject' };
  else if (inBody) readings.cues.paid = { ...inBody, source: 'body' };
  else return;
  if (readings.cues.userPaid === undefined) readings.bodyNumbers = paymentNumbers(prepared, readings.bodyNumbers, true);
}

/** Amounts of the newest part, and of the subject when the newest part has none. */
export function amountsOf(prepared: PreparedMessage, readings: Readings): { body: AmountMention[]; subject: AmountMention[] } {
  if (readings.amounts === undefined) {
    const body = findAmounts(prepared.main.lower, prepared.main.text);
    const subject = body.length === 0 ? findAmounts(prepared.subjectLower, prepared.subject) : [];
    readings.amounts = { body, subject };
  }
  return readings.amounts;
}

/** The dates of the newest part with their labels, read in the given order. */
export function labelledDatesOf(prepared: PreparedMessage, readings: Readings, order: DateOrder): LabelledDate[] {
  let labelled = readings.dates.get(order);
  if (!labelled) {
    readings.dateMatches ??= findDateMatches(prepared.main.lower);
    labelled = labelDates(prepared.main.lower, datesFromMatches(readings.dateMatches, order));
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
