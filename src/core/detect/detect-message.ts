/**
 * One message -> one Detection: prepare the text, reject unrelated mail cheaply, gather signals,
 * classify, then extract the facts the kind calls for, each with its evidence.
 */
import type { IsoDate } from '../model';
import { DEFAULT_END_OF_MONTH_METHOD, addDays, calendarDate, daysInMonth, dueDateFromTerms, isValidIsoDate, parseIsoDate, toIsoDate } from '../dates';
import { resolveWrittenDate } from '../reader/written-dates';
import type { Detection, DetectOptions, EngineMessage, Evidence, EvidenceField, MessageKind } from './types';
import { historyOf, historySender, maskSegment, prepareMessage, type PreparedMessage, type Segment } from './prepare';
import { isConditionalAfter, type CueMatch } from './cues';
import { anchorScore, classify, type Classification, type Direction, type Signals } from './classify';
import { directionFromAddresses, directionFromWords } from './direction';
import { isBulkSender, senderType, type SenderType } from './sender';
import { findInvoiceNumbers, isReplacedNumber, numberKey, type FoundNumber } from './invoice-numbers';
import { findAmounts, type AmountMention } from './money';
import { chooseAmount } from './choose-amount';
import { findDates, type DateOrder } from './written-dates';
import { labelDates, type LabelledDate } from './date-labels';
import type { FoundTerms } from './terms';
import { amountsOf, labelledDatesOf, readSender, readingsOf, termsOf } from './readings';
import { detectLanguageOf, type DetectLanguage } from './language';
import { findPlanRequest, mayRequestPlan } from './plan-request';

/**
 * Cheap first look: a mail with none of these stems is not about an invoice. (A plain literal
 * alternation, which V8 runs faster than the prefix scanner of prefix-scan.ts would.) The stems,
 * grouped by their first letters so fewer alternatives are tried at each position (only whether
 * one occurs matters): factur, factuur, fattur, invoice, rechnung, avoir, credit note, creditnota,
 * gutschrift, Geldeingang, relance, rappel, remind, paiement, payment, paid, payé, réglé, règlement, reglement,
 * virement, remittance, overdue, impay, unpaid, outstanding, zahlung, überweis, mahnung,
 * erinnerung, pago, pagamento, pagat, bonifico, betaling, betaald, herinnering, sollecito,
 * recordatorio, receipt, "received money", reçu, acompte, échéance, "due" and, at a word start, bill, inv, fa1, f-1
 * (written as the word then a look back, so that every alternative starts with a letter V8 can test).
 */
const PREFILTER =
  /pa(?:iement|yment|id|yé|ying|go|gamento|gat)|r(?:echnung|elance|appel|emind|eglement|emittance|ecordatorio|eceipt|eceived\s(?:money|funds|[$€£\d])|eçu|églé|èglement)|fa(?:ctuu?r|ttur)|i(?:nvoice|mpay)|a(?:voir|compte)|credit(?:\s?note|nota)|g(?:utschrift|eldeingang)|virement|o(?:verdue|utstanding)|unpaid|überweis|zahlung|mahnung|erinnerung|échéance|b(?:onifico|eta(?:ling|ald))|herinnering|sollecito|due\b|bill(?<!\wbill)|inv(?<!\winv)|fa\d(?<!\wfa\d)|f-\d(?<!\wf-\d)/;

const NO_AMOUNTS: { body: AmountMention[]; subject: AmountMention[] } = { body: [], subject: [] };

/** Context a thread gives a message (see thread.ts). */
export interface MessageContext {
  /** The user's addresses inferred from the thread when none were given. */
  inferredOwn?: ReadonlySet<string>;
  threadAboutInvoice?: boolean;
  /** The message already prepared (a second pass in a thread). */
  prepared?: PreparedMessage;
}

/** The detection plus what the thread analysis reuses. */
export interface DetailedDetection {
  detection: Detection;
  prepared: PreparedMessage;
  /** Direction as read from the words only (for inferring the user's addresses in a thread). */
  wordDirection: Direction;
  sender: SenderType;
  creditNote: boolean;
  /** The invoice numbers were read in the quoted history (the newest part names none). */
  numbersFromHistory: boolean;
}

export function detectMessage(message: EngineMessage, options: DetectOptions): Detection {
  return detectDetailed(message, options, {}).detection;
}

export function detectDetailed(message: EngineMessage, options: DetectOptions, context: MessageContext): DetailedDetection {
  const prepared = context.prepared ?? prepareMessage(message);
  const own = ownSet(options.ownAddresses, context.inferredOwn);
  const sender = senderType(message.from?.email ?? null);
  const subjectCore = prepared.subjectLower.slice(prepared.subjectCoreStart);
  const mailDay = dayOf(message.date);

  if (
    !context.threadAboutInvoice &&
    !PREFILTER.test(prepared.subjectLower) &&
    !PREFILTER.test(prepared.main.lower) &&
    !prepared.attachments.some((attachment) => PREFILTER.test(attachment.lower))
  ) {
    const direction = directionFromAddresses(message, own, sender);
    const language = detectLanguageOf(subjectCore, prepared.main.lower);
    return { detection: unrelated(prepared, direction, language, 0.97), prepared, wordDirection: 'unknown', sender, creditNote: false, numbersFromHistory: false };
  }
  maskSegment(prepared.main);
  const main = prepared.main;

  const addressDirection = directionFromAddresses(message, own, sender);
  // A mail the user forwards between their own addresses ("TR: Contestation facture…"): what it is
  // about is the forwarded mail, written by its sender to the user.
  const forwardedFrom = addressDirection === 'sent' ? internalForwardFrom(message, own, prepared) : null;
  const writer: SenderType = forwardedFrom ? senderType(forwardedFrom) : sender;

  const readings = readingsOf(prepared);
  readSender(prepared, readings, sender === 'person');
  const { cues, bodyNumbers, subjectNumbers, attachmentNumbers, invoiceAttachment, language } = readings;

  const wordDirection = directionFromWords(cues, sender);
  const direction: Direction = forwardedFrom ? 'received' : addressDirection !== 'unknown' ? addressDirection : wordDirection;

  const numberCount = bodyNumbers.length + subjectNumbers.length + attachmentNumbers.reduce((sum, found) => sum + found.length, 0);
  const signals: Signals = {
    cues,
    numberCount,
    bodyNumberCount: bodyNumbers.length,
    ownNumberCount: bodyNumbers.length + attachmentNumbers.reduce((sum, found) => sum + found.length, 0) + (prepared.isReply ? 0 : subjectNumbers.length),
    invoiceAttachment,
    hasAmount: false,
    sender: writer,
    isReply: prepared.isReply,
    threadAboutInvoice: context.threadAboutInvoice ?? false,
    bulkSender: isBulkSender(message.from?.email ?? null),
    conditionalPromise: cues.promise !== undefined && isConditionalAfter(cues.promise.source === 'body' ? main.lower : prepared.subjectLower, cues.promise.end),
    newestAsks: prepared.isReply && main.lower.includes('?') && !MONEY_TALK.test(main.lower.slice(0, 3000)),
  };
  // Amounts only count for a mail that something else ties to an invoice: read them only then.
  const anchors = anchorScore(signals);
  const { body: bodyAmounts, subject: subjectAmounts } = anchors > 0 ? amountsOf(prepared, readings) : NO_AMOUNTS;
  signals.hasAmount = bodyAmounts.length > 0 || subjectAmounts.length > 0;
  const classification = classify(signals, direction, anchors);
  if (!classification.related) {
    return { detection: unrelated(prepared, direction, language, classification.confidence), prepared, wordDirection, sender, creditNote: false, numbersFromHistory: false };
  }
  let kind = classification.kind as MessageKind;
  let creditNote = cues.creditNote !== undefined || bodyNumbers.some((found) => found.creditNote);

  const evidence: Partial<Record<EvidenceField, Evidence[]>> = {};
  const kindEvidence = cueEvidence(classification, prepared);
  if (kindEvidence) evidence.kind = [kindEvidence];

  // Invoice numbers, in order: body, subject, attachments; duplicates dropped.
  const numbers: string[] = [];
  const numberEvidence: Evidence[] = [];
  const seen = new Set<string>();
  const addNumber = (found: FoundNumber, item: Evidence): void => {
    const key = numberKey(found.number);
    if (seen.has(key)) return;
    seen.add(key);
    numbers.push(found.number);
    numberEvidence.push(item);
  };
  // A corrected invoice sent "in place of" another: the one it cancels and replaces is not sent,
  // nor the credit note that cancelled it, nor the deposit invoice a final invoice deducts.
  const replacing = kind === 'invoice_sent' && bodyNumbers.length >= 2 && !bodyNumbers[0]?.creditNote && cues.creditNote?.source !== 'subject';
  let dropped = false;
  // A payment notice is about the invoices it says are paid, not one it says is still waiting.
  const paidSome = kind === 'payment_notice' && bodyNumbers.length >= 2;
  const waiting = paidSome ? bodyNumbers.filter((found) => stillUnpaid(main.lower, found.start)) : [];
  for (const found of bodyNumbers) {
    if (waiting.length < bodyNumbers.length && waiting.includes(found)) continue;
    if (replacing && isReplacedNumber(main.lower, found.start)) {
      dropped = true;
      continue;
    }
    addNumber(found, bodyEvidence(prepared, prepared.main, found.start, found.end));
  }
  // What is left is an invoice, not a credit note, when the credit note was only named as the cancelled one's.
  if (dropped && creditNote && cues.creditNote?.source !== 'subject' && !bodyNumbers.some((found) => found.creditNote && seen.has(numberKey(found.number)))) creditNote = false;
  // A new invoice sent in the reply to an old one's thread: the subject's number is the old one.
  const newInvoiceInReply = kind === 'invoice_sent' && prepared.isReply && numbers.length > 0;
  for (const found of subjectNumbers) {
    if (newInvoiceInReply && !seen.has(numberKey(found.number))) continue;
    addNumber(found, { source: 'subject', text: prepared.subjectRaw.slice(found.start, found.end), start: found.start, end: found.end });
  }
  attachmentNumbers.forEach((list, index) => {
    const attachment = prepared.attachments[index];
    const raw = attachment?.raw ?? '';
    // The same number spelled otherwise in the name ("Fattura_12_2026.pdf" for "12/2026"): the
    // body's spelling is the one kept, and a piece of it is not another number.
    const nameKey = numberKey(attachment ? attachment.name.slice(0, attachment.stemEnd) : '');
    for (const found of list) {
      const key = numberKey(found.number);
      // …or with a document word glued in front of it ("FACT_7012458.pdf", "INV7012458.pdf" for "7012458").
      if ([...seen].some((known) => (known.includes(key) && nameKey.includes(known)) || (key.endsWith(known) && /^[A-Z]{2,8}$/.test(key.slice(0, key.length - known.length))))) continue;
      addNumber(found, { source: 'attachment', attachment_index: index, text: raw.slice(found.start, found.end), start: found.start, end: found.end });
    }
  });
  let usedHistory = false;
  // A reply that names no invoice ("c'est réglé") is about the one in the quoted mail.
  const history = numbers.length === 0 && (kind === 'payment_notice' || kind === 'promise' || kind === 'dispute' || kind === 'other_invoice_related') ? historyOf(prepared) : null;
  if (history) {
    maskSegment(history);
    for (const found of findInvoiceNumbers(history.lower, history.text).slice(0, 3)) {
      addNumber(found, bodyEvidence(prepared, history, found.start, found.end));
      usedHistory = true;
    }
  }
  if (numberEvidence.length > 0) evidence.invoice_numbers = numberEvidence;

  // Amount.
  let amountSource: { mentions: AmountMention[]; segment: Segment | null; source: 'body' | 'subject' | 'attachment'; index?: number } | null = null;
  if (bodyAmounts.length > 0) amountSource = { mentions: bodyAmounts, segment: prepared.main, source: 'body' };
  else if (subjectAmounts.length > 0) amountSource = { mentions: subjectAmounts, segment: null, source: 'subject' };
  else {
    for (const [index, attachment] of prepared.attachments.entries()) {
      const found = findAmounts(attachment.lower.slice(0, attachment.stemEnd), attachment.name.slice(0, attachment.stemEnd));
      if (found.length > 0) {
        amountSource = { mentions: found, segment: null, source: 'attachment', index };
        break;
      }
    }
  }
  // The user forwards an invoice of theirs with a word of their own ("TR: Facture F-12", to a new
  // accounts address): what the mail sends is the forwarded invoice, its total and its dates.
  const forwardsOwnInvoice = kind === 'invoice_sent' && prepared.isForward && !amountSource;
  // "When a reply only says it paid": the amount of the invoice it answers, in the quoted mail.
  const amountHistory = !amountSource && (usedHistory || kind === 'payment_notice' || forwardsOwnInvoice) ? historyOf(prepared) : null;
  if (amountHistory) {
    maskSegment(amountHistory);
    const found = findAmounts(amountHistory.lower, amountHistory.text);
    if (found.length > 0) amountSource = { mentions: found, segment: amountHistory, source: 'body' };
  }
  // An amount read in the history is the quoted invoice's; one read in the subject or an attachment
  // name of a mail without a quoted history (marked by a header) is read as an invoice's too.
  const fromHistory = amountSource !== null && amountSource.segment !== null && amountSource.segment === prepared.history;
  const noHeaderHistory = prepared.historyFrom === -1 && (prepared.history === null || prepared.quotedFrom !== -1);
  const amountKind: MessageKind = fromHistory || (amountSource !== null && amountSource.segment === null && noHeaderHistory) ? 'invoice_sent' : kind;
  const chosen = amountSource ? chooseAmount(amountSource.mentions, amountKind, numbers.length, creditNote) : null;
  if (chosen && amountSource) {
    const items = chosen.from.map((mention): Evidence => {
      if (amountSource.segment) return bodyEvidence(prepared, amountSource.segment, mention.start, mention.end);
      if (amountSource.source === 'subject') return { source: 'subject', text: prepared.subjectRaw.slice(mention.start, mention.end), start: mention.start, end: mention.end };
      const raw = prepared.attachments[amountSource.index ?? 0]?.raw ?? '';
      return { source: 'attachment', attachment_index: amountSource.index ?? 0, text: raw.slice(mention.start, mention.end), start: mention.start, end: mention.end };
    });
    evidence.amount = items;
    evidence.currency = items;
  }

  // Dates and terms.
  const currency = chosen?.currency ?? majorityCurrency(bodyAmounts);
  const order: DateOrder = language === 'en' && currency === 'USD' ? 'mdy' : 'dmy';
  const forwarded = forwardsOwnInvoice && amountSource?.segment === prepared.history ? prepared.history : null;
  const dateSegment: Segment = forwarded ?? main;
  const labelled = forwarded ? labelDates(forwarded.lower, findDates(forwarded.lower, order)) : labelledDatesOf(prepared, readings, order);
  const terms = termsOf(prepared, readings);
  const isInvoice = kind === 'invoice_sent' || kind === 'vendor_bill';
  const usableTerms = terms && (isInvoice || terms.strong) ? terms : null;
  // Several invoices: no single invoice date or due date (a credit note sent with the invoice it
  // corrects is one document).
  const several = new Set(numbers.map(numberKey)).size >= 2 && !(creditNote && kind === 'invoice_sent');

  const issue = several ? null : firstWithRole(labelled, kind === 'payment_notice' ? ['issue'] : ['issue', 'dateLine']);
  let issueDate = issue ? resolveWrittenDate(issue.date, mailDay, 'onOrBefore') : null;
  if (issue && issueDate) evidence.issue_date = [bodyEvidence(prepared, dateSegment, issue.date.index, issue.date.end)];
  if (issueDate === null && isInvoice && !several) issueDate = mailDay;

  let dueDate: IsoDate | null = null;
  if (!several) {
    const stated = labelled.find((date) => date.role === 'due' || date.role === 'pastDue') ?? null;
    // A date to pay by is the invoice's own only when it is about the invoice: not a tax payment
    // the mail mentions ("payable to HMRC by 31 January"), and not when the invoice's due date is
    // stated as terms ("Due   Upon receipt", "Échéance : à réception"): those terms decide.
    const termsAsDue = usableTerms !== null && DUE_LABEL_BEFORE.test(main.lower.slice(Math.max(0, usableTerms.start - 24), usableTerms.start));
    const deadline =
      stated || !isInvoice || termsAsDue ? null : (labelled.find((date) => date.role === 'deadline' && !taxDeadline(dateSegment.lower, date.date.index)) ?? null);
    const due = stated ?? deadline;
    // A year-less due date: after the invoice date on an invoice; already past in a reminder or
    // reply, and whenever the words say it is past ("arrivée à échéance le 1er avril").
    const past = !isInvoice || due?.role === 'pastDue';
    dueDate = due ? (past ? resolveWrittenDate(due.date, mailDay, 'onOrBefore') : resolveWrittenDate(due.date, issueDate ?? mailDay, 'onOrAfter')) : null;
    if (due && dueDate) evidence.due_date = [bodyEvidence(prepared, dateSegment, due.date.index, due.date.end)];
    if (dueDate === null && usableTerms && issueDate !== null) {
      dueDate = dueDateFromTerms(issueDate, usableTerms.terms, options.endOfMonthMethod ?? DEFAULT_END_OF_MONTH_METHOD);
      evidence.due_date = [termsEvidence(prepared, usableTerms)];
    }
  }
  if (usableTerms) evidence.terms = [termsEvidence(prepared, usableTerms)];

  let promisedDate: IsoDate | null = null;
  const planRequest = mayRequestPlan(kind, direction) ? findPlanRequest(main.lower) : null;
  if (planRequest) evidence.plan_request = [bodyEvidence(prepared, prepared.main, planRequest.start, planRequest.end)];
  // A plan proposed with its dates ("en trois fois : 2 000 € le 5 mai, puis…") commits to paying
  // on the first of them: a promise for that date (corpus convention, README).
  const firstInstalment = planRequest && kind === 'other_invoice_related' ? firstDateFrom(labelled, planRequest.start, mailDay) : null;
  if (firstInstalment) {
    kind = 'promise';
    promisedDate = firstInstalment.date;
    evidence.promised_date = [bodyEvidence(prepared, prepared.main, firstInstalment.at.index, firstInstalment.at.end)];
  } else if (kind === 'promise') {
    const promised = findPromisedDate(prepared, labelled, classification, mailDay, language);
    if (promised) {
      promisedDate = promised.date;
      evidence.promised_date = [promised.evidence];
    }
  }

  const counterparty = forwardedFrom
    ? counterpartyOf({ ...message, from: { name: '', email: forwardedFrom } }, own, kind, direction, writer)
    : counterpartyOf(message, own, kind, direction, sender, () => prepared.bodyText.slice(main.base, main.base + Math.min(main.text.length, 4000)));
  const detection: Detection = {
    is_invoice_related: true,
    kind,
    invoice_numbers: numbers,
    amount: chosen?.value ?? null,
    currency: chosen ? chosen.currency : null,
    issue_date: issueDate,
    due_date: dueDate,
    terms: usableTerms ? main.text.slice(usableTerms.start, usableTerms.end) : null,
    counterparty,
    promised_date: promisedDate,
    plan_request: planRequest !== null,
    direction,
    language,
    confidence: classification.confidence,
    evidence,
    body_text: prepared.bodyText,
  };
  return { detection, prepared, wordDirection, sender, creditNote, numbersFromHistory: usedHistory };
}

/** The forwarded mail's sender when the user forwards a third party's mail to their own addresses, else null. */
function internalForwardFrom(message: EngineMessage, own: ReadonlySet<string>, prepared: PreparedMessage): string | null {
  if (!(prepared.isForward || prepared.forwardedMain) || prepared.historyHeader === null) return null;
  const recipients = [...message.to, ...message.cc];
  if (recipients.length === 0 || !recipients.every((address) => own.has(address.email.toLowerCase()))) return null;
  const historyFrom = historySender(prepared);
  if (historyFrom === null || own.has(historyFrom)) return null;
  return historyFrom;
}

function unrelated(prepared: PreparedMessage, direction: Direction, language: DetectLanguage, confidence: number): Detection {
  return {
    is_invoice_related: false,
    kind: null,
    invoice_numbers: [],
    amount: null,
    currency: null,
    issue_date: null,
    due_date: null,
    terms: null,
    counterparty: null,
    promised_date: null,
    plan_request: false,
    direction,
    language,
    confidence,
    evidence: {},
    body_text: prepared.bodyText,
  };
}

function ownSet(addresses: readonly string[], inferred: ReadonlySet<string> | undefined): ReadonlySet<string> {
  const own = new Set(addresses.map((address) => address.trim().toLowerCase()).filter((address) => address !== ''));
  if (own.size === 0 && inferred) for (const address of inferred) own.add(address);
  return own;
}

function dayOf(date: string | null): IsoDate | null {
  if (!date) return null;
  const day = date.slice(0, 10);
  return isValidIsoDate(day) ? day : null;
}


function majorityCurrency(mentions: readonly AmountMention[]): string | null {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.currency, (counts.get(mention.currency) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [currency, count] of counts) if (count > bestCount) [best, bestCount] = [currency, count];
  return best;
}

function bodyEvidence(prepared: PreparedMessage, segment: Segment, start: number, end: number): Evidence {
  const absoluteStart = segment.base + start;
  const absoluteEnd = segment.base + end;
  return { source: 'body', text: prepared.bodyText.slice(absoluteStart, absoluteEnd), start: absoluteStart, end: absoluteEnd };
}

function termsEvidence(prepared: PreparedMessage, terms: FoundTerms): Evidence {
  return bodyEvidence(prepared, prepared.main, terms.start, terms.end);
}

function cueEvidence(classification: Classification, prepared: PreparedMessage): Evidence | null {
  const cue = classification.kindCue;
  if (!cue) return null;
  if (cue.source === 'subject') return { source: 'subject', text: prepared.subjectRaw.slice(cue.start, cue.end), start: cue.start, end: cue.end };
  return bodyEvidence(prepared, prepared.main, cue.start, cue.end);
}

// Terms written as the due date: "Due   Upon receipt", "Échéance : 30 jours fin de mois".
const DUE_LABEL_BEFORE = /(?:^|\n)[ \t]{0,8}(?:due(?:\sdate)?|payment\sdue|échéance|date\sd'échéance|fällig(?:keit)?|vencimiento|scadenza|vervaldatum)[ \t]{0,12}:?[ \t]{0,12}$/;

// A tax or social-contribution payment named in the sentence before a date.
const TAX_CONTEXT =
  /hmrc|(?<![a-z])irs(?![a-z])|urssaf|impôts?(?![a-z])|impots|acompte\sd'is(?![a-z])|impôt\ssur\sles\ssociétés|(?<![a-z])cfe(?![a-z])|self\sassessment|corporation\stax|income\stax|tax\s(?:return|bill|payment)|finanzamt|steuer(?:vorauszahlung|nachzahlung|zahlung)|hacienda|agencia\stributaria|agenzia\sdelle\sentrate|(?<![a-z])f24(?![a-z])|belastingdienst/;

function taxDeadline(text: string, index: number): boolean {
  const from = Math.max(0, index - 120);
  const before = text.slice(from, index);
  // Only the sentence the date is in.
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'));
  return TAX_CONTEXT.test(stop === -1 ? before : before.slice(stop));
}

function firstWithRole(dates: readonly LabelledDate[], roles: ReadonlyArray<LabelledDate['role']>): LabelledDate | null {
  for (const role of roles) {
    const found = dates.find((date) => date.role === role);
    if (found) return found;
  }
  return null;
}

// Relative days in a promise ("le virement partira demain", "we'll pay on Friday").
const RELATIVE_DAY =
  /(?<![\p{L}])(après-demain|demain|tomorrow|übermorgen|overmorgen|morgen|mañana|dopodomani|domani|lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday|friday|montag|dienstag|mittwoch|donnerstag|freitag|lunes|martes|miércoles|jueves|viernes|lunedì|martedì|mercoledì|giovedì|venerdì|maandag|dinsdag|woensdag|donderdag|vrijdag)(?![\p{L}])/iu;
// A day of the month alone: "on the 20th", "le 20", "el 25", "il 20" (not "le 15 de chaque mois", a habit).
const DAY_OF_MONTH =
  /(?<![\p{L}\d])(?:on\s)?the\s(\d{1,2})(?:st|nd|rd|th)(?![\p{L}\d])(?!\sof\s(?:each|every))|(?<![\p{L}])(?:le|el|il|am|op|día|giorno|du)\s(\d{1,2})(?:er|\.)?(?=[\s,;!?).]|$)(?!\.\d)(?!\s?(?:h\d|h\s|heures?|jours?|días|giorni|tage|dagen|days|%|€|eur|de\s(?:chaque|cada)|di\sogni|jedes|van\selke))/iu;
// The end of the week (its Friday) or of the month.
const END_OF_PERIOD =
  /(?<![\p{L}])(?:the\s)?end\sof\s(?:the\s|this\s)?(week|month)|fin\s(?:de\s(?:la\s|cette\s)?|du\s)(semaine|mois)|ende\s(?:der|dieser|des|diese[sn])\s(woche|monats)|(?:zum\s)?(monat)sende|final(?:es)?\sde\s(?:la\s|esta\s|este\s)?(semana|mes)|fine\s(?:della\s|di\squesta\s|del\s|di\s)?(settimana|mese)|eind\svan\sde(?:ze)?\s(week|maand)|(month)[-\s]end(?![\p{L}])/iu;
const NEXT_MONTH = /^\s?(?:du\smois\sprochain|of\snext\smonth|next\smonth|des\snächsten\smonats|del\smes\sque\sviene|del\spróximo\smes|del\sprossimo\smese|van\svolgende\smaand)/iu;
const NEXT_WEEK = /(?<![\p{L}])(?:volgende\sweek|next\sweek|semaine\sprochaine|nächste[nr]?\swoche|próxima\ssemana|semana\sque\sviene|settimana\sprossima|prossima\ssettimana)(?![\p{L}])/iu;
const WEEKDAYS: Readonly<Record<string, number>> = {
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5,
  montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, lunes: 1, martes: 2, miércoles: 3, jueves: 4, viernes: 5,
  lunedì: 1, martedì: 2, mercoledì: 3, giovedì: 4, venerdì: 5, maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5,
};

function findPromisedDate(
  prepared: PreparedMessage,
  labelled: readonly LabelledDate[],
  classification: Classification,
  mailDay: IsoDate | null,
  _language: DetectLanguage,
): { date: IsoDate; evidence: Evidence } | null {
  const cue: CueMatch | null = classification.kindCue?.source === 'body' ? classification.kindCue : null;
  const candidates = [
    labelled.find((date) => date.role === 'promise'),
    labelled.find((date) => cue !== null && date.date.index >= cue.start && (date.role === null || date.role === 'deadline')),
    labelled.find((date) => date.role === 'deadline' || date.role === null),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const resolved = resolveWrittenDate(candidate.date, mailDay, 'onOrAfter');
    if (resolved) return { date: resolved, evidence: bodyEvidence(prepared, prepared.main, candidate.date.index, candidate.date.end) };
  }
  if (mailDay === null) return null;
  const parts = parseIsoDate(mailDay);
  if (!parts) return null;
  const from = cue ? cue.start : 0;
  const window = prepared.main.lower.slice(from, from + 400);
  // The first of: a day word ("vendredi", "tomorrow"), a bare day of the month ("on the 20th",
  // "le 20"), the end of the week or month.
  let best: { index: number; length: number; date: IsoDate } | null = null;
  const relative = RELATIVE_DAY.exec(window);
  if (relative && relative[1] !== undefined) {
    const word = relative[1].toLowerCase();
    let date: IsoDate | null = null;
    if (word === 'demain' || word === 'tomorrow' || word === 'morgen' || word === 'mañana' || word === 'domani') date = addDays(mailDay, 1);
    else if (word === 'après-demain' || word === 'übermorgen' || word === 'dopodomani' || word === 'overmorgen') date = addDays(mailDay, 2);
    else {
      const target = WEEKDAYS[word];
      const around = window.slice(Math.max(0, relative.index - 28), relative.index + relative[0].length + 28);
      // "volgende week vrijdag", "vendredi de la semaine prochaine": that day of next week, not the coming one.
      if (target !== undefined && NEXT_WEEK.test(around)) date = addDays(mailDay, ((8 - weekdayOf(parts)) % 7 || 7) + target - 1);
      else if (target !== undefined) date = addDays(mailDay, ((target - weekdayOf(parts) + 7) % 7) || 7);
    }
    if (date) best = { index: relative.index, length: relative[0].length, date };
  }
  const day = DAY_OF_MONTH.exec(window);
  if (day && (best === null || day.index < best.index)) {
    const number = Number(day[1] ?? day[2]);
    // The next such day: this month, or the next one when it has passed ("du 10 du mois prochain": the next).
    const nextMonth = NEXT_MONTH.test(window.slice(day.index + day[0].length, day.index + day[0].length + 24));
    const month = number >= parts.day && !nextMonth ? parts.month : parts.month + 1;
    const date = calendarDate(parts.year + (month > 12 ? 1 : 0), month > 12 ? 1 : month, number);
    if (date) best = { index: day.index, length: day[0].length, date: toIsoDate(date) };
  }
  const period = END_OF_PERIOD.exec(window);
  if (period && (best === null || period.index < best.index)) {
    const unit = period.slice(1).find((group) => group !== undefined) ?? '';
    const date = /^(?:week|semaine|woche|semana|settimana)$/.test(unit)
      ? addDays(mailDay, (5 - weekdayOf(parts) + 7) % 7)
      : toIsoDate({ year: parts.year, month: parts.month, day: daysInMonth(parts.year, parts.month) });
    best = { index: period.index, length: period[0].length, date };
  }
  if (best === null) return null;
  const start = from + best.index;
  return { date: best.date, evidence: bodyEvidence(prepared, prepared.main, start, start + best.length) };
}

// Words about paying, in a reply's question ("could we spread the balance over three months?"): the
// question is about the invoice, whatever else it lacks. (Parts of words count too: no lookbehind,
// which would make V8 try every position.)
const MONEY_TALK =
  /(?:pay|paid|paying|payment|balance|invoice|bill|amount|owe|owed|instal|spread|factur|paie|paiement|payer|payé|régl|règlement|solde|montant|virement|échéan|échelonn|étaler|zahl|rechnung|betrag|raten|überweis|pago|pagar|pagad|pagament|pagare|pagat|importe|plazo|fattur|importo|bonific|betal|factuur|bedrag|termijn)/;

// A sentence saying an invoice is not paid yet (2026-11, blind set dev5): "2026-052 is still waiting
// on a budget code", "Pour la FA00917, elle est bien en cours de validation", "La facture 2026-044
// partira avec notre virement de fin de mois".
const NOT_PAID_YET =
  /still\s(?:waiting|pending|open|outstanding|unpaid|in\sapproval)|not\s(?:yet\s)?(?:paid|approved)|awaiting|(?<![a-z])pending|en\scours\sde\s(?:validation|traitement|approbation)|pas\s(?:encore|toujours)|partira|(?:sera|seront)\s(?:réglée?s?|payée?s?|virée?s?)|will\s(?:be\s)?(?:paid|settled|follow|go\sout)|(?:later|plus\stard|ultérieurement)(?![a-z])|noch\s(?:nicht|offen|in\sprüfung)|später|todavía\sno|(?:aún|sigue)\spendiente|ancora\s(?:da|in)|in\sattesa|nog\sniet|volgt\slater/;

/** The sentence around `index` in `text` says its invoice is not paid yet. */
function stillUnpaid(text: string, index: number): boolean {
  const start = Math.max(text.lastIndexOf('.', index - 1), text.lastIndexOf('\n', index - 1), index - 200) + 1;
  let end = text.slice(index, index + 200).search(/[.!?\n](?:\s|$)/);
  end = end === -1 ? Math.min(text.length, index + 200) : index + end;
  return NOT_PAID_YET.test(text.slice(start, end));
}

/** The first date written after `from` in the newest part that is not before the mail's day. */
function firstDateFrom(labelled: readonly LabelledDate[], from: number, mailDay: IsoDate | null): { date: IsoDate; at: LabelledDate['date'] } | null {
  if (mailDay === null) return null;
  for (const candidate of labelled) {
    if (candidate.date.index < from) continue;
    const resolved = resolveWrittenDate(candidate.date, mailDay, 'onOrAfter');
    if (resolved && resolved >= mailDay) return { date: resolved, at: candidate.date };
  }
  return null;
}

function weekdayOf(parts: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
}

// Platforms a client pays its suppliers through (2026-11): they write for the client.
const PAYABLES_PLATFORM = /@(?:[a-z0-9-]+\.)*(?:libeo\.io|agicap\.com|basware\.com|coupahost\.com|coupa\.com|ariba\.com|tungsten-network\.com|tradeshift\.com|bill\.com)$/;
const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}/gi;

/**
 * A payables platform writing for the client (Libeo, Agicap, Basware, Coupa: "Transports Villiers
 * vous informe qu'un virement a été émis… Pour toute question : compta@transports-villiers.fr"):
 * the client's own address, from Reply-To or the newest part, when one of another domain than the
 * platform's is given. Null for a person's mail and when none is given.
 */
function payerBehindPlatform(message: EngineMessage, own: ReadonlySet<string>, sender: SenderType, newestText: () => string): string | null {
  const from = message.from?.email.toLowerCase() ?? '';
  // An unknown automated sender, or a platform the client pays through. The platforms that collect
  // for the user (Stripe, PayPal, Qonto…) have no counterparty (README).
  if (sender !== 'automated' && !(sender === 'platform' && PAYABLES_PLATFORM.test(from))) return null;
  const platformDomain = from.slice(from.indexOf('@') + 1);
  const usable = (address: string): boolean => {
    const email = address.toLowerCase();
    const domain = email.slice(email.indexOf('@') + 1);
    return !own.has(email) && domain !== platformDomain && !domain.endsWith(`.${platformDomain}`) && !/^(?:no-?reply|do-?not-?reply|donotreply)/.test(email);
  };
  for (const address of message.replyTo ?? []) if (usable(address.email)) return address.email.toLowerCase();
  const text = newestText();
  // From each "@" outwards (a pattern run from every position would cost more than the rest).
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    EMAIL.lastIndex = Math.max(0, at - 64);
    for (let match = EMAIL.exec(text); match !== null && match.index <= at; match = EMAIL.exec(text)) {
      if (match.index + match[0].indexOf('@') === at && usable(match[0])) return match[0].toLowerCase();
    }
  }
  return null;
}

function counterpartyOf(message: EngineMessage, own: ReadonlySet<string>, kind: MessageKind, direction: Direction, sender: SenderType, newestText: () => string = () => ''): string | null {
  const from = message.from?.email.toLowerCase() ?? null;
  const firstOther = (): string | null => {
    for (const address of [...message.to, ...message.cc]) {
      const email = address.email.toLowerCase();
      if (!own.has(email) && email !== from) return email;
    }
    return null;
  };
  if (direction === 'sent') return firstOther();
  if (direction === 'received') {
    const payer = kind !== 'vendor_bill' && kind !== 'invoice_sent' && kind !== 'reminder' ? payerBehindPlatform(message, own, sender, newestText) : null;
    if (payer) return payer;
    if (sender === 'bank' || (sender === 'platform' && kind !== 'vendor_bill')) return null;
    return from;
  }
  // Unknown direction: what the user writes goes to the client; what the user receives comes from it.
  if (kind === 'invoice_sent' || kind === 'reminder') return firstOther() ?? from;
  if (sender === 'bank' || (sender === 'platform' && kind !== 'vendor_bill')) return null;
  return from;
}
