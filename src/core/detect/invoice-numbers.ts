/**
 * Invoice (and credit note) numbers. Two ways a number is recognised:
 *
 * 1. Introduced by an invoice word, in any of the six languages: "Facture n° F-2026-041",
 *    "Invoice #1042", "Rechnung Nr. RE-2025-12", "factura nº 2025/031", "fattura n. 12/2025",
 *    "factuur 2025-0042", "avoir AV-3", "credit note CN-0003", "factures F-12, F-13 et F-14".
 * 2. By the shape invoicing tools give them, even without the word: "INV-0042", "FA2501-0001"
 *    (Dolibarr), "INV/2025/00012" (Odoo), "F-2025-014", "AV2501-0002".
 *
 * Quote, order, PO, receipt, transfer, tracking, contract or customer references are never taken:
 * they are introduced by other words ("devis n° D-12", "PO 4500123", "commande 88"), and a shape
 * match right after one of those words is dropped.
 */
import { L } from './letters';
import { PrefixScanner, forEachMatch } from './prefix-scan';

export interface FoundNumber {
  number: string;
  start: number;
  end: number;
  /** The number is a credit note's ("avoir n°", "credit note"). */
  creditNote: boolean;
}

// Longest forms first: at one position the first alternative that matches wins.
const INVOICE_KEYWORD = String.raw`(?:facture\s(?:d'\s?acompte|de\s(?:solde|situation)|rectificative|finale|d'avoir)|factures?|avoirs?|notes?\sde\scr[ée]dit|tax\sinvoice|deposit\sinvoice|invoices?|credit\s?notes?|credit\smemo|bills?|rechnungs-?(?:nummer|nr\.?)|rechnung(?:en)?|schlussrechnung|abschlagsrechnung|anzahlungsrechnung|gutschrift|factura\srectificativa|facturas?|nota\sde\scr[ée]dito|fattur[ae]|nota\sdi\scredito|factu(?:u)?r(?:en)?|creditnota|credit\snota|re-?nr\.?)(?![a-z\u00df-\u00ff])`;
const CREDIT_KEYWORD = /^(?:avoir|note|credit|gutschrift|nota|creditnota|factura\srectificativa)/;
// A deposit invoice may state its share: "facture d'acompte (30 %) n° FA-3".
const SHARE = String.raw`(?:\s?\(?\s?\d{1,3}\s?%\s?\)?)?`;
const MARKER = String.raw`(?:n\s?[°º]|nº|n\.|(?:num(?:[ée]ro|ber|\.)?|número|numero|nummer|no|nr|ref|réf(?:[ée]rence)?)(?![${L}])\.?|#)`;
// A number has a digit within its first characters (so "facture d'acompte n° 3" is not read as
// number "d"); bounded, no nested quantifier.
const TOKEN = String.raw`((?=[a-z_\-/.]{0,12}\d)[a-z0-9](?:[a-z0-9_\-/.]{0,28}[a-z0-9])?)`;
// Between a keyword, its marker and the number: spaces or a table gap ("Invoice number   A4F2…").
const GAP = String.raw`[ \t]{0,12}`;

const KEYWORD_FIRST = new RegExp(
  String.raw`(?<![${L}\d])(${INVOICE_KEYWORD})${SHARE}(?:${GAP}|[-_])(?:\(\s?)?(?:${MARKER}${GAP})?(?:[:#]${GAP})?${TOKEN}`,
  'g',
);
// "N° de facture : 2026-07", "Numéro de facture F-12", "Invoice number: INV-7", "Rechnungsnummer: 12".
const MARKER_FIRST = new RegExp(
  String.raw`(?<![${L}\d])(?:${MARKER}|(?:num(?:[ée]ro|ber)|número|numero|nummer))\s?(?:de\s(?:la\s)?|d'\s?|of\s(?:the\s)?|del(?:la)?\s|van\s(?:de\s)?)?(${INVOICE_KEYWORD})${GAP}[:#]?${GAP}${TOKEN}`,
  'g',
);
/** The patterns of numbers led by a word, in the order `findInvoiceNumbers` reads their matches. */
export const WORD_LED_PATTERNS: readonly RegExp[] = [KEYWORD_FIRST, MARKER_FIRST];
// Numbers led by a word (either pattern): only run where one may start.
const WORD_LED = new PrefixScanner(WORD_LED_PATTERNS);
// "… F-12, F-13 et F-14": more numbers after the first.
const LIST_NEXT = new RegExp(String.raw`^\s?(?:,|;|/|&|\+|et|and|und|y|e|en|ou|or)\s?(?:${MARKER}\s?)?${TOKEN}`);
// Numbers shaped by invoicing tools (case-sensitive prefixes).
const SHAPED = /(?<![A-Za-z\u00c0-\u024f\d\-/_.])((?:INV|FAC|FACT|FA|FV|FC|AV|AVO|CN|RE|RG|INVOICE)[-_/]?(?:\d{2,4}[-_/])?\d{2,}(?:[-_/]\d{1,6}){0,2}|F-?\d{4}-\d{1,6}(?:-\d{1,6})?|F-\d{3,8})(?![A-Za-z\u00c0-\u024f\d]|[-_/]\d)/g;

// Words after which a reference is not an invoice's.
const OTHER_REFERENCE_BEFORE =
  /(?<![a-z])(?:devis|quote|quotation|estimate|proposal|commande|order|\bpo\b|purchase|bon|\bbc\b|angebot|bestellung|auftrag|presupuesto|pedido|preventivo|ordine|offerte|bestelling|tracking|suivi|colis|virement|transfer|transaction|receipt|reçu|ticket|contrat|contract|dossier|client|customer|account|compte|mandat|mandate|sepa|rum|ics|siret|siren|tva|vat)\s?(?:n\s?[°º]|no\.?|nr\.?|#|number|num[ée]ro|ref\.?|:)?\s?:?\s?$/;
// A date or an amount right after the keyword is not a number: "facture du 12/10", "facture 960 €".
// A year-less day-month with a hyphen ("facture 26-02") is a number: year-less dates are written
// with a slash (see written-dates.ts).
const DATE_SHAPED = /^(?:\d{1,2}[/.]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;
// A quantity is not a number: "Invoice 2026-0017 bills 80 hours", "facture 12 jours".
const UNIT_FOLLOWS = /^\s?(?:hours?|hrs?|h(?![a-z])|heures?|days?|jours?|j(?![a-z])|stunden|std\.|tage|horas|días|ore(?![a-z])|giorni|uur|dagen|items?|pages?|members?|units?|mois|months?|semaines?|weeks?)/;
const AMOUNT_CONTINUES = /^(?:\s?\d{3}(?!\d)|[,.]\d|\s?(?:€|£|\$|eur\b|euros?\b|gbp\b|usd\b|chf\b|%))/;
const NOT_A_NUMBER = /^(?:19|20)\d{2}$/; // "facture 2025" is a year, not a number

const MAX_NUMBERS = 30;

/**
 * Invoice numbers in `original`, in reading order, without duplicates; `text` is its lower-cased
 * copy (same offsets, see letters.ts) that the word patterns read. Numbers are returned as written.
 */
export function findInvoiceNumbers(
  text: string,
  original: string,
  /** The matches of WORD_LED_PATTERNS in `text`, per pattern, when a caller's scan found them already. */
  wordLed?: readonly RegExpExecArray[][],
): FoundNumber[] {
  const found: FoundNumber[] = [];
  const add = (token: string, start: number, creditNote: boolean): number => {
    const end = start + token.length;
    if (!isInvoiceNumber(token) || AMOUNT_CONTINUES.test(text.slice(end, end + 5)) || UNIT_FOLLOWS.test(text.slice(end, end + 10))) return -1;
    if (found.some((number) => start < number.end && number.start < end)) return end;
    found.push({ number: original.slice(start, end), start, end, creditNote });
    return end;
  };

  // Both patterns' matches in one pass, then read in the order the patterns were once run.
  let perPattern = wordLed;
  if (!perPattern) {
    const collected: RegExpExecArray[][] = [[], []];
    forEachMatch(WORD_LED, text, 0b11, text.length, (index, match) => void collected[index]!.push(match));
    perPattern = collected;
  }
  for (const matches of perPattern) {
    for (const match of matches) {
      if (found.length >= MAX_NUMBERS) break;
      const token = match[2];
      if (token === undefined) continue;
      const keyword = match[1] ?? '';
      // "invoice for", "facture du" etc. are caught by the digit rule; a pro-forma is not an invoice.
      const start = match.index + match[0].length - token.length;
      if (/pro-?\s?forma/.test(text.slice(match.index, start))) continue;
      const creditNote = CREDIT_KEYWORD.test(keyword);
      let end = add(token, start, creditNote);
      // A list after the first number.
      let guard = 0;
      while (end !== -1 && guard < MAX_NUMBERS) {
        guard += 1;
        const next = LIST_NEXT.exec(text.slice(end, end + 60));
        if (!next || next[1] === undefined) break;
        const nextStart = end + next[0].length - next[1].length;
        if (!similarShape(token, next[1])) break;
        end = add(next[1], nextStart, creditNote);
      }
    }
  }
  SHAPED.lastIndex = 0;
  for (const match of original.matchAll(SHAPED)) {
    if (found.length >= MAX_NUMBERS) break;
    const token = match[1] ?? match[0];
    if (OTHER_REFERENCE_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
    add(token, match.index, /^(?:AV|AVO|CN)/.test(token));
  }
  found.sort((a, b) => a.start - b.start);
  return found;
}

// An attachment named by its reference alone ("SI-1049.pdf", "NTN-2026-004812.pdf"), not by a
// document type that is not an invoice (quote, order, delivery note, photo, scan), nor by a tax id
// (Italian e-invoice files are "IT01234567890_00014": 11 digits after the country code).
const BARE_REFERENCE = /^([a-z]{1,5})[-_ ]?\d{2,10}(?!\d)(?:[-_ ]\d{1,8}){0,2}$/;
const NOT_INVOICE_PREFIX = /^(?:po|bc|bl|bdc|dev|devis|d|q|quo|quote|est|cmd|ord|order|pf|img|dsc|dscn|pxl|scan|doc|photo|screenshot|cv|rcpt|receipt|recu|ticket|cmr|lieferschein|ls|ab|ang|pr|pres|prev|off|of)$/;

/**
 * The attachment stem as an invoice number when it is nothing but a reference ("SI-1049"). The
 * caller only asks when the mail names an invoice. `stem` is lower-cased, `original` as written.
 */
export function bareAttachmentReference(stem: string, original: string): FoundNumber | null {
  const trimmed = stem.trim();
  const match = BARE_REFERENCE.exec(trimmed);
  if (!match || NOT_INVOICE_PREFIX.test(match[1] ?? '')) return null;
  const start = stem.indexOf(trimmed);
  return { number: original.slice(start, start + trimmed.length), start, end: start + trimmed.length, creditNote: false };
}

function isInvoiceNumber(token: string): boolean {
  return /\d/.test(token) && token.length <= 30 && !DATE_SHAPED.test(token) && !NOT_A_NUMBER.test(token);
}

function similarShape(first: string, next: string): boolean {
  const prefix = (token: string): string => /^[A-Za-z]*/.exec(token)?.[0].toUpperCase() ?? '';
  return prefix(first) === prefix(next) && Math.abs(first.length - next.length) <= 3 && /\d/.test(next);
}

/** Letters and digits only, so "2026/018", "2026-018" and "2026_018" count once (first spelling kept). */
export function numberKey(number: string): string {
  return number.toUpperCase().replace(/[^0-9A-Z]/g, '');
}
