/**
 * Invoice (and credit note) numbers. Two ways a number is recognised:
 *
 * 1. Introduced by an invoice word, in any of the six languages: "Facture n° F-2026-041",
 *    "Invoice #1042", "Rechnung Nr. RE-2025-12", "factura nº 2025/031", "fattura n. 12/2025",
 *    "factuur 2025-0042", "avoir AV-3", "credit note CN-0003", "factures F-12, F-13 et F-14".
 * 2. By the shape invoicing tools give them, even without the word: "INV-0042", "FA2501-0001"
 *    (Dolibarr), "INV/2025/00012" (Odoo), "F-2025-014", "AV2501-0002", and a year with a sequence
 *    ("2026-031", "2026-05-014": never a date, whose day has two digits).
 *
 * Quote, order, PO, receipt, transfer, tracking, contract or customer references are never taken:
 * they are introduced by other words ("devis n° D-12", "PO 4500123", "commande 88"), and a shape
 * match right after one of those words is dropped.
 */
import { L } from './letters';
import { PrefixScanner, forEachMatch } from './prefix-scan';
import { withoutBlankTail } from './money';

export interface FoundNumber {
  number: string;
  start: number;
  end: number;
  /** The number is a credit note's ("avoir n°", "credit note"). */
  creditNote: boolean;
}

// Longest forms first: at one position the first alternative that matches wins.
const INVOICE_KEYWORD = String.raw`(?:facture\s(?:d'\s?acompte|de\s(?:solde|situation)|rectificative|finale|d'avoir|d'honoraires|de\s(?:frais|prestations?|services?|travaux))|notes?\sd'honoraires|factures?|avoirs?|notes?\sde\scr[ée]dit|tax\sinvoice|deposit\sinvoice|invoices?|credit\s?notes?|credit\smemo|bills?|rechnungs-?(?:nummer|nr\.?)|rechnung(?:en)?|schlussrechnung|abschlagsrechnung|anzahlungsrechnung|gutschrift|factura\srectificativa|facturas?|nota\sde\scr[ée]dito|fattur[ae]|nota\sdi\scredito|factu(?:u)?r(?:en)?|creditnota|credit\snota|re-?nr\.?)(?![a-z\u00df-\u00ff])`;
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
  String.raw`(?<![${L}\d])(${INVOICE_KEYWORD})${SHARE}(?:${GAP}|[-_]|\s[–—]\s)(?:\(\s?)?(?:${MARKER}${GAP})?(?:[:#]${GAP})?${TOKEN}`,
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
const SHAPED = /(?<![A-Za-z\u00c0-\u024f\d\-/_.])((?:INV|FAC|FACT|FA|FV|FC|AV|AVO|CN|RE|RG|INVOICE)[-_/]?(?:\d{2,4}[-_/])?\d{2,}(?:[-_/]\d{1,6}){0,2}|F-?\d{4}-\d{1,6}(?:-\d{1,6})?|F-\d{3,8}|20\d\d-(?:\d{2}-)?(?!20\d\d(?!\d))\d{3,5})(?![A-Za-z\u00c0-\u024f\d]|[-_/]\d)/g;

// Words after which a reference is not an invoice's.
const OTHER_REFERENCE_BEFORE =
  /(?<![a-z])(?:devis|quote|quotation|estimate|proposal|commande|order|\bpo\b|purchase|bon|\bbc\b|angebot|bestellung|auftrag|presupuesto|pedido|preventivo|ordine|offerte|bestelling|tracking|suivi|colis|virement|transfer|transaction|receipt|reçu|ticket|contrat|contract|dossier|client|customer|account|compte|mandat|mandate|sepa|rum|ics|siret|siren|tva|vat|ej|engagement(?:\sjuridique)?|zahlungsavis|avis|advice|remittance|policy|police|polizza|póliza|polis|versicherungsschein)\s?(?:n\s?[°º]|no\.?|nr\.?|#|number|num[ée]ro|ref\.?|:)?\s?:?\s?$/;
// A date or an amount right after the keyword is not a number: "facture du 12/10", "facture 960 €".
// A year-less day-month with a hyphen ("facture 26-02") is a number: year-less dates are written
// with a slash (see written-dates.ts).
const DATE_SHAPED = /^(?:\d{1,2}[/.]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;
// A quantity is not a number: "Invoice 2026-0017 bills 80 hours", "facture 12 jours".
const UNIT_FOLLOWS = /^\s?(?:hours?|hrs?|h(?![a-z])|heures?|days?|jours?|j(?![a-z])|stunden|std\.|tage|horas|días|ore(?![a-z])|giorni|uur|dagen|items?|pages?|members?|units?|mois|months?|semaines?|weeks?)/;
const AMOUNT_CONTINUES = /^(?:\s?\d{3}(?!\d)|[,.]\d|\s?(?:€|£|\$|eur\b|euros?\b|gbp\b|usd\b|chf\b|%))/;
// A reference with letters or separators ("F-2026-0044") cannot be the head of an amount: only a
// currency or a percent right after it says it is not a number ("Facture_F-2026-0044_840,00EUR").
const UNIT_CONTINUES = /^\s?(?:€|£|\$|eur\b|euros?\b|gbp\b|usd\b|chf\b|%)/;
const DIGITS_ONLY = /^\d[\d.,']*$/;
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
    const continues = DIGITS_ONLY.test(token) ? AMOUNT_CONTINUES : UNIT_CONTINUES;
    if (!isInvoiceNumber(token) || continues.test(text.slice(end, end + 5)) || UNIT_FOLLOWS.test(text.slice(end, end + 10))) return -1;
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
      // A software name with the word glued to a short figure ("généré avec Fattura24"), not a number.
      if (start === match.index + keyword.length && token.length <= 2) continue;
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
  for (const match of withoutBlankTail(original).matchAll(SHAPED)) {
    if (found.length >= MAX_NUMBERS) break;
    const token = match[1] ?? match[0];
    if (OTHER_REFERENCE_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
    add(token, match.index, /^(?:AV|AVO|CN)/.test(token));
  }
  // Nothing else: a reference in a supplier's own capitals-dash-digits shape ("NJ-2026-071",
  // "HF-1185", "FK-26-00431" in a remittance's "Votre réf." column), not an order, a PO, a bank
  // transfer or an accounts-payable document (2026-11, blind set dev6).
  if (found.length === 0) {
    GENERIC_SHAPED.lastIndex = 0;
    for (const match of withoutBlankTail(original).matchAll(GENERIC_SHAPED)) {
      if (found.length >= MAX_NUMBERS) break;
      const token = match[1] ?? match[0];
      // Checked here rather than by lookarounds: a pattern that begins with one is tried at every
      // position of the text; this one only where two capitals and a dash may start a reference.
      if (match.index > 0 && GLUED_BEFORE.test(original.charAt(match.index - 1))) continue;
      if (NOT_INVOICE_SHAPE_PREFIX.has(token.slice(0, token.indexOf('-')))) continue;
      if (OTHER_REFERENCE_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
      add(token, match.index, false);
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found;
}

const GENERIC_SHAPED = /([A-Z]{2,5}-(?:\d{2,4}-\d{3,6}|\d{4,6}))(?![A-Za-z\u00c0-\u024f\d]|[-_/][A-Za-z\d])/g;
const GLUED_BEFORE = /[A-Za-z\u00c0-\u024f\d\-/_.]/;
// Orders, POs, quotes, tickets, transfers, accounts-payable documents, policies, products, photos.
const NOT_INVOICE_SHAPE_PREFIX = new Set(
  'PO BC BL BDC CMD ORD QT QUO DEV DV TKT REF CUST CLI VIR TRX TX SO DN GRN RMA CASE SR EJ CRO UPS DHL ISO ID NO TEL FAX EUR USD GBP CHF PF PRO DOS RES BK CT CTR AP SUP BACS ACH WIRE PAY PMT DOC RCP POL PI SKU ART LOT SN ISBN IMG DSC DSCN PXL SCAN PHOTO VID MOV WA'.split(' '),
);

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

// A transfer's label as banks and payment apps show it, alone on its line: "Libellé   REGLEMENT FACT
// SB-2025-044", "Reference: CD-0214", "Message : « Fact FL-2026-022 »". Not "Référence du règlement".
const TRANSFER_LABEL =
  /(?:libellé|référence|reference|ref\.?|réf\.?|message|motif|communication|verwendungszweck|mitteilung|concepto|causale|omschrijving|kenmerk|description|memo|note)(?:[ \t]{0,4}:[ \t]{0,4}|[ \t]{2,12})/g;
const LINE_LEAD = /^[ \t>]{0,8}$/;
// A reference in it: letters then digits ("SB-2025-044", "CD-0214", "FL-2026-022"), or digits with a
// separator ("2026-018"). Not a transfer's, an order's or a quote's own reference.
const LABEL_TOKEN = /(?<![A-Za-z0-9])([A-Za-z]{1,6}[-/_]?\d[A-Za-z0-9/_-]{0,20}|\d{2,6}[-/]\d[A-Za-z0-9/_-]{0,20})(?![A-Za-z0-9])/g;
const NOT_INVOICE_TOKEN = /^(?:vir|trx|tx|trf|trn|sepa|po|ord|order|cmd|bl|dev|quo|q|est|iban|bic|fr\d{2}|gb\d{2}|de\d{2}|es\d{2}|it\d{2}|nl\d{2})/i;

/**
 * Invoice references written in a transfer's label (a bank or payment app telling the user it
 * received money). `text` is lower-cased, `original` as written (same offsets).
 */
export function transferLabelNumbers(text: string, original: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  TRANSFER_LABEL.lastIndex = 0;
  for (let label = TRANSFER_LABEL.exec(text); label !== null && found.length < 5; label = TRANSFER_LABEL.exec(text)) {
    // The label opens its line, and the value is the rest of the line.
    const lineStart = text.lastIndexOf('\n', label.index - 1) + 1;
    if (label.index - lineStart > 8 || !LINE_LEAD.test(text.slice(lineStart, label.index))) continue;
    const valueStart = label.index + label[0].length;
    const lineEnd = text.indexOf('\n', valueStart);
    const valueEnd = lineEnd === -1 ? text.length : lineEnd;
    if (valueEnd - valueStart > 120 || valueEnd === valueStart) continue;
    const value = text.slice(valueStart, valueEnd);
    LABEL_TOKEN.lastIndex = 0;
    for (const token of original.slice(valueStart, valueStart + value.length).matchAll(LABEL_TOKEN)) {
      const written = token[1] ?? '';
      if (NOT_INVOICE_TOKEN.test(written) || !isInvoiceNumber(written) || written.length > 24) continue;
      const start = valueStart + token.index;
      found.push({ number: written, start, end: start + written.length, creditNote: false });
    }
  }
  return found;
}

// A table row typed by a cell naming the document ("SB-2025-021   02/06/2025   Facture   15 000,00"):
// its first cell is that document's number (a remittance advice, a statement of account).
const DOCUMENT_CELL = /^(?:facture|invoice|inv|avoir|credit\snote|rechnung|gutschrift|factura|abono|fattura|nota\sdi\scredito|factuur|creditnota)$/;
const CREDIT_CELL = /^(?:avoir|credit\snote|gutschrift|abono|nota\sdi\scredito|creditnota)$/;
// A column of invoice numbers under its header ("Invoice number   Amount", "N° facture   Montant").
const NUMBER_HEADER =
  /^(?:(?:n°|no\.?|num(?:éro|ber)|nr\.?|#)\s?(?:de\s|of\s|del\s|di\s)?(?:la\s)?(?:facture|invoice|rechnung|factura|fattura|factuur)|(?:facture|invoice|inv\.?|rechnung|factura|fattura|factuur)(?:\s?(?:n°|no\.?|number|#|nr\.?|nummer|número|numero|ref\.?|réf\.?))?|rechnungs-?(?:nummer|nr\.?)|factuurnummer)$/;
// A document word alone in a cell, or a number column's header: the cheap look before reading rows.
// (The word first: a pattern led by the cell gap would be tried at every blank of a masked text.)
const TYPED_CELL =
  /(?:facture|invoice|inv|avoir|credit\snote|rechnung|gutschrift|factura|abono|fattura|nota\sdi\scredito|factuur|creditnota|rechnungs-?nummer|factuurnummer)(?:\s?(?:n°|no\.?|number|#|nr\.?|nummer|número|numero))?(?=\t| {2}|[ \t]{0,12}(?:\n|$))/g;

/** A document word alone in a table cell somewhere in `text` (a cell gap or a line start before it). */
function hasTypedCell(text: string): boolean {
  TYPED_CELL.lastIndex = 0;
  for (let found = TYPED_CELL.exec(text), tries = 0; found !== null && tries < 50; found = TYPED_CELL.exec(text), tries += 1) {
    const before = text.slice(Math.max(0, found.index - 16), found.index);
    if (/(?:^|\n|\t| {2})(?:(?:n°|no\.?|num(?:éro|ber)|nr\.?)\s?(?:de\s|of\s)?)?$/.test(before)) return true;
  }
  return false;
}

/** Cells of a table line: their text and start offset in the line. */
function cellsOf(line: string): Array<{ text: string; start: number }> {
  const cells: Array<{ text: string; start: number }> = [];
  CELL_GAP.lastIndex = 0;
  let from = 0;
  for (let gap = CELL_GAP.exec(line); ; gap = CELL_GAP.exec(line)) {
    const end = gap ? gap.index : line.length;
    const raw = line.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') cells.push({ text, start: from + lead });
    if (!gap || cells.length > 12) break;
    from = gap.index + gap[0].length;
  }
  return cells;
}
const CELL_GAP = /\t+| {2,}/g;

/** Numbers of the documents listed in a table whose rows name their type. */
export function typedRowNumbers(text: string, original: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  if (!hasTypedCell(text)) return found;
  // The number column found in a header line, with that line's cell count.
  let header: { column: number; cells: number } | null = null;
  let lineStart = 0;
  for (let rows = 0; lineStart < text.length && rows < 400; rows += 1) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = lineEnd - lineStart <= 200 ? text.slice(lineStart, lineEnd) : '';
    if (line.includes('  ') || line.includes('\t')) {
      const cells = cellsOf(line);
      let number: { text: string; start: number } | undefined;
      let creditNote = false;
      const typed = cells.length >= 3 ? cells.slice(1).find((cell) => DOCUMENT_CELL.test(cell.text)) : undefined;
      if (typed !== undefined) {
        number = cells[0];
        creditNote = CREDIT_CELL.test(typed.text);
      } else if (header !== null && cells.length === header.cells) {
        number = cells[header.column];
      } else if (!/\d/.test(line)) {
        const column = cells.findIndex((cell) => NUMBER_HEADER.test(cell.text));
        header = column === -1 ? null : { column, cells: cells.length };
      }
      if (number !== undefined && isInvoiceNumber(number.text) && /^[a-z0-9][a-z0-9/_.-]{1,24}$/.test(number.text) && !NOT_INVOICE_TOKEN.test(number.text)) {
        const start = lineStart + number.start;
        found.push({ number: original.slice(start, start + number.text.length), start, end: start + number.text.length, creditNote });
        if (found.length >= MAX_NUMBERS) break;
      }
    } else if (line.trim() === '') header = null;
    lineStart = lineEnd + 1;
  }
  return found;
}

// What a corrected invoice says of the one it cancels: "elle annule et remplace la FAC-2026-012",
// "this replaces invoice 1041", "ersetzt die Rechnung RE-7", "anula y sustituye a la factura 12".
// Also the invoices a final invoice deducts or cancels (2026-11, blind set dev5): "émise en
// remplacement de la facture X (annulée par avoir Y)", "Acompte versé (facture FAC-ACP-0031)".
const REPLACED_BEFORE =
  /(?:(?:(?:annule\set\s)?remplace|en\sremplacement\sde|replaces|replacing|supersedes|in\splace\sof|instead\sof|ersetzt|storniert|anula\sy\s(?:sustituye|reemplaza)|sustituye\sa|reemplaza\sa|annulla\se\ssostituisce|sostituisce|vervangt|annulée?\spar|cancell?ed\sby)\s(?:(?:la|l'|l'ancienne|the|our|previous|die|den|a\sla|la\sprecedente|de)\s?){0,2}|(?:acompte|deposit|anzahlung|anticipo|acconto|aanbetaling)(?:\s(?:versé|reçu|déduit|payé|réglé|paid|received|deducted|already\spaid))?\s?[(:]?\s?)(?:(?:facture(?:\sd'acompte)?|invoice|deposit\sinvoice|rechnung|factura|fattura|factuur|avoir|credit\snote)\s)?(?:n[°º]\s?|no\.?\s|nr\.?\s|#\s?)?$/;

/** The number at `start` in `text` (lower-cased) is the one a corrected invoice cancels and replaces. */
export function isReplacedNumber(text: string, start: number): boolean {
  return REPLACED_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

/** Letters and digits only, so "2026/018", "2026-018" and "2026_018" count once (first spelling kept). */
export function numberKey(number: string): string {
  return number.toUpperCase().replace(/[^0-9A-Z]/g, '');
}
