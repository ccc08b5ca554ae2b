/**
 * Amounts with a currency, and what each one stands for.
 *
 * Linear by construction: a single regex finds currency markers (€, $, £, EUR, CHF, "euros"…), then
 * the number next to each marker is read by walking a bounded number of characters left or right.
 * No pattern ever tries to match "a number" at every position of the text, so a megabyte of
 * "1 234,56 1 234,56 …" without a currency costs nothing, and with one costs a bounded walk each.
 *
 * Formats: "1 234,56 €", "1.234,56 EUR", "€1,234.56", "EUR 1234.56", "CHF 1'234.50", "$1,250", "12,5 €".
 * The decimal part is 1-2 digits after the last separator; any other separator groups thousands.
 */

import { PrefixScanner, forEachMatch } from './prefix-scan';

export type AmountRole = 'balance' | 'paid' | 'incl_tax' | 'total' | 'deposit' | 'plain' | 'excl_tax' | 'unit' | 'tax' | 'quote';

export interface AmountMention {
  /** Offsets of the whole mention (number and currency) in the text searched. */
  start: number;
  end: number;
  value: number;
  currency: string;
  role: AmountRole;
  /** Written with a minus sign ("-600,00 €": a deduction, or a credit note's total). */
  negative: boolean;
}

// A code may be glued to the number ("840,00EUR" in a file name). The codes are grouped by their
// first letter (one test per position instead of one per code); a dollar's prefix ("US$", "CA$",
// "A$") is read back from the "$" (see `dollarMarker`).
const CURRENCY_MARKER =
  /[$€£]|(?<![a-z\u00df-\u00ff\u0153])(?:e(?:uros?|ur)|usd|gbp|c(?:hf|ad)|aud|s(?:ek|fr\.?)|nok|dkk|pln|fr\.)(?![a-z\u00df-\u00ff\u0153])/g;
// In a text with no other currency, an "e" right after a number is a hand-written euro ("(780e)"),
// unless a word follows, as after an ordinal ("2e relance", "3e étage"). Looked for only then: the
// letter e is everywhere, a digit before it is not.
const HAND_EURO = /\de(?![a-z\u00df-\u00ff\u0153\d'-])(?!\s(?!ttc|ht)[a-z\u00df-\u00ff\u0153])/g;
const CURRENCY_CODES: Readonly<Record<string, string>> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', e: 'EUR', $: 'USD', us$: 'USD', ca$: 'CAD', c$: 'CAD', au$: 'AUD', a$: 'AUD', '£': 'GBP',
  'sfr.': 'CHF', sfr: 'CHF', 'fr.': 'CHF',
};
/** Currencies written before the number in their usual style ("$1,250", "£900"). */
const PREFIX_SYMBOLS = new Set(['$', '£', 'us$', 'ca$', 'au$', 'a$', 'c$', 'fr.', 'sfr.', 'sfr']);

const MAX_NUMBER_CHARS = 24;
const VALID_NUMBER = /^(?:\d{1,3}(?:([ .,''])\d{3})(?:\1\d{3}){0,5}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,2})?)$/;

// Labels before an amount, per role; the one ending closest to the amount wins.
const ROLE_LABELS: ReadonlyArray<readonly [AmountRole, RegExp]> = [
  [
    'balance',
    /net\s(?:à|a)\spayer|reste\s(?:à|a)\s(?:payer|régler|regler)|rest(?:e|ant)\sdû|solde\s(?:restant|dû|du|à\spayer)|montant\s(?:restant\s)?d[ûu](?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?<!d')(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))(?:à|a)\s(?:payer|régler)|amount\s(?:due|outstanding|owed|owing|payable)|balance(?:\sdue|\soutstanding|\sremaining)?|total\s(?:due|payable|outstanding|owed)|outstanding(?:\samount|\sbalance)?|remaining(?:\sbalance|\samount)?|still\sdue|left\sto\spay|to\spay(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|due\samount|noch\soffen(?:er\sbetrag)?|offene[rn]?\sbetrag|restbetrag|zahlbetrag|zu\szahlen|f(?:ä|ae)lliger\sbetrag|importe\s(?:pendiente|adeudado|a\spagar)|saldo\spendiente|total\sa\spagar|a\spagar|importo\s(?:dovuto|residuo|da\spagare)|da\spagare|saldo|(?:nog\s)?te\sbetalen|openstaand(?:e)?(?:\sbedrag|\ssaldo)?|solde/g,
  ],
  [
    'paid',
    /(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))(?:payée?s?|réglée?s?|versée?s?|virée?s?)(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:virement|paiement|règlement|reglement|versement|transfert)\s(?:(?:ce\sjour|aujourd'hui|effectué|du\s\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)\s)?(?:de|d'un\smontant\sde)|montant\s(?:payé|réglé|viré|versé|reçu)|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))paid(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|payment\sof|transfer\sof|remittance\sof|amount\spaid|(?:(?<![a-z])we|(?<![a-z])i)\s(?:have\s|'ve\s)?(?:just\s|already\s)?(?:sent|wired|transferred|remitted)(?:\syou)?\s?|received|reçu\s(?:un\s(?:virement|paiement)\s)?de|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))bezahlt|überwiesen|zahlung\s(?:von|über|in\shöhe\svon)|pagad[oa]|pago\sde|transferencia\sde|pagat[oa]|pagamento\sdi|bonifico\sdi|betaald|betaling\svan|overgemaakt/g,
  ],
  [
    'incl_tax',
    /(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))ttc(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|t\.t\.c|incl(?:\.|uding|usive)?\s(?:of\s)?(?:vat|tax(?:es)?)|(?:tva|vat|taxes)\s(?:incluse|comprise|included|incl\.?)|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))gross(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|inkl\.?\s?(?:mwst|ust)|brutto|gesamtbetrag|rechnungsbetrag|endbetrag|iva\s(?:incluida|incluido|inclusa|compresa)|incl\.?\s?btw|totale\s(?:fattura|documento)|total\sfactura|grand\stotal|total\sà\spayer|total\s(?:amount|général)/g,
  ],
  [
    'excl_tax',
    /(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))h\.?t\.?(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|hors\stax(?:e|es)?|sous-total|sub-?\s?total|excl(?:\.|uding)?\s(?:of\s)?(?:vat|tax)|net\samount|montant\snet|before\stax|netto(?:betrag)?|zzgl|base\simponible|imponibile|excl\.?\s?btw|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))htva(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))/g,
  ],
  ['tax', /(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))tva(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))vat(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))tax(?:es)?(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|mwst|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))ust(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))iva(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))btw(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|sales\stax/g],
  ['deposit', /acompte|deposit|anzahlung|anticipo|acconto|aanbetaling|advance\spayment/g],
  ['unit', /prix\sunitaire|unit\sprice|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))p\.u\.|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))qty(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|quantité|unit\scost|einzelpreis|precio\sunitario|prezzo\sunitario|stukprijs|\/\s?(?:h|heure|hour|jour|day|mois|month)(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|tarif\sjournalier|taux\sjournalier|par\sjour|per\sday|per\shour/g],
  ['total', /(?:invoice|facture|rechnung|factura|fattura|factuur)\s(?:n[°º]\s?|no\.?\s?|nr\.?\s?|#\s?)?[\w/.-]{1,25}\s(?:for|of|totall?ing|de|d'un\smontant\sde|über|por(?:\svalor\sde)?|di|da|van)\s?$|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))total(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))montant(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))amount(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))somme(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))sum(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|betrag|summe|gesamt|importe|importo|totale|bedrag|totaal|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))prix(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))price(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|honoraires|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))fee(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))/g],
];
const BALANCE_LABEL = new RegExp((ROLE_LABELS[0] as readonly [AmountRole, RegExp])[1].source);
// Labels right after an amount: "1 850,00 € TTC", "2 000 € HT", "£2,000 + VAT".
const AFTER_LABELS: ReadonlyArray<readonly [AmountRole, RegExp]> = [
  ['balance', /^\s?(?:outstanding|remaining|left\sto\spay|still\sdue|restants?\s(?:dus?|à\spayer)|restant|ausstehend|offen|pendientes?|residuo|openstaand)/],
  ['incl_tax', /^\s?\(?\s?(?:ttc(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|t\.t\.c|incl(?:\.|uding|usive)?\s(?:of\s)?(?:vat|tax)|(?:tva|vat|iva|btw|mwst)\s(?:incluse?|comprise|included|incl\.?|inbegrepen)|inkl\.?\s?(?:mwst|ust)|brutto|iva\sinclu)/],
  ['excl_tax', /^\s?\(?\s?(?:h\.?t\.?(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|htva(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|hors\stax|excl(?:\.|uding)?\s(?:of\s)?(?:vat|tax)|\+\s?(?:tva|vat|iva|btw|mwst)|netto|zzgl|\+\s?iva|plus\svat)/],
  ['unit', /^\s?(?:\/|par\s|per\s|pro\s)\s?(?:h(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|heure|hour|jour|day|mois|month|an(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|year|unit|stunde|tag|ora|giorno|dag|uur)/],
];
const CONTEXT_CHARS = 60;

export interface FindAmountsOptions {
  /** Stop after this many mentions (hostile input). */
  max?: number;
}

/**
 * Every amount with a currency in `text` (lower-cased, see letters.ts), in reading order, with its
 * role. `original` (same offsets) tells Swiss "Fr." from a ".fr" domain.
 */
export function findAmounts(text: string, original: string = text, options: FindAmountsOptions = {}): AmountMention[] {
  const max = options.max ?? 120;
  const mentions: AmountMention[] = [];
  let consumed = 0; // text before this is already part of a mention
  CURRENCY_MARKER.lastIndex = 0;
  // (Not through a blanked tail: a signature or quote blanked at the end holds no marker.)
  for (const match of withoutBlankTail(text).matchAll(CURRENCY_MARKER)) {
    if (mentions.length >= max) break;
    const written = match[0];
    if (written === '$') {
      const prefix = dollarPrefix(text, match.index);
      consumed = addMention(text, original, mentions, consumed, match.index - prefix.length, `${prefix}$`);
    } else consumed = addMention(text, original, mentions, consumed, match.index, written);
  }
  if (mentions.length === 0) {
    HAND_EURO.lastIndex = 0;
    for (const match of text.matchAll(HAND_EURO)) {
      if (mentions.length >= max) break;
      consumed = addMention(text, original, mentions, consumed, match.index + 1, 'e');
    }
  }
  if (mentions.length < max && text.includes('(')) addColumnAmounts(text, mentions, max);
  return mentions;
}

// A table whose amount column names the currency in its header ("Montant (EUR)", "Amount (£)"):
// the bare figures below it ("15 000,00", "-1 200,00", "Total réglé   13 800,00") are amounts.
// The currency in brackets first (a literal "(" lets the search skip ahead), then the label before it.
const COLUMN_CURRENCY = /\((eur|gbp|usd|chf|€|£|\$)\)/g;
const COLUMN_LABEL = /(?:montant|amount|betrag|importe|importo|bedrag|total|totaal|somme|sum|net|paid|réglé|payé)\s?$/;
const CELL_FIGURE = /(?:^|\t| {2,12})(-\s?)?(\d{1,3}(?:([ .,'])\d{3})?(?:\3\d{3}){0,3}[.,]\d{2})(?=[ \t]{0,12}$|\t| {2})/gm;
const COLUMN_CHARS = 4000;
const COLUMN_ROWS = 30;

function addColumnAmounts(text: string, mentions: AmountMention[], max: number): void {
  COLUMN_CURRENCY.lastIndex = 0;
  let header = COLUMN_CURRENCY.exec(text);
  while (header !== null && !COLUMN_LABEL.test(text.slice(Math.max(0, header.index - 12), header.index))) header = COLUMN_CURRENCY.exec(text);
  if (!header) return;
  const currency = CURRENCY_CODES[header[1] ?? ''] ?? (header[1] ?? '').toUpperCase();
  const from = text.indexOf('\n', header.index);
  if (from === -1) return;
  // The rows under the header, up to a blank line past the first figures.
  let end = from;
  for (let row = 0; row < COLUMN_ROWS; row += 1) {
    const next = text.indexOf('\n', end + 1);
    end = next === -1 ? text.length : next;
    if (next === -1) break;
  }
  const added: AmountMention[] = [];
  CELL_FIGURE.lastIndex = 0;
  end = Math.min(end, from + COLUMN_CHARS);
  const rows = text.slice(from, end);
  for (let match = CELL_FIGURE.exec(rows); match !== null && mentions.length + added.length < max; match = CELL_FIGURE.exec(rows)) {
    const figure = match[2] ?? '';
    const start = from + match.index + match[0].length - figure.length;
    const stop = start + figure.length;
    if (mentions.some((mention) => start < mention.end && mention.start < stop)) continue;
    const value = parseNumber(figure);
    if (value === null || value <= 0) continue;
    added.push({ start, end: stop, value, currency, role: roleOf(text, start, stop, 0), negative: match[1] !== undefined });
  }
  if (added.length === 0) return;
  mentions.push(...added);
  mentions.sort((a, b) => a.start - b.start);
}

/** `text` without the spaces and newlines it ends with (the same string when there are few). */
export function withoutBlankTail(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 32 && code !== 10) break;
    end -= 1;
  }
  return text.length - end > 64 ? text.slice(0, end) : text;
}

/** "us", "ca", "au", "a", "c" written right before the "$" at `index` ("US$ 1,200", "CA$900"), or "". */
function dollarPrefix(text: string, index: number): string {
  const two = text.slice(Math.max(0, index - 2), index);
  if (two === 'us' || two === 'ca' || two === 'au') return two;
  const one = text.charAt(index - 1);
  return one === 'a' || one === 'c' ? one : '';
}

/** Reads the amount around the currency marker `written` at `markerStart`; returns where reading may resume. */
function addMention(text: string, original: string, mentions: AmountMention[], consumed: number, markerStart: number, written: string): number {
  const markerEnd = markerStart + written.length;
  if (markerStart < consumed) return consumed;
  if (written === 'fr.' && original.slice(markerStart, markerEnd) !== 'Fr.') return consumed; // ".fr." in a domain is not Swiss francs
  const currency = CURRENCY_CODES[written] ?? written.toUpperCase();
  const before = numberBefore(text, markerStart, consumed);
  const after = numberAfter(text, markerEnd);
  // Which side: the usual one for the marker when both have a number ("$1,250" vs "1 250 €").
  let number: NumberSpan | null;
  if (before && after) number = PREFIX_SYMBOLS.has(written) ? after : before;
  else number = before ?? after;
  if (!number || number.value <= 0) return consumed;
  const start = Math.min(number.start, markerStart);
  const end = Math.max(number.end, markerEnd);
  const negative = isNegative(text, start);
  const role = roleOf(text, start, end, consumed);
  mentions.push({ start, end, value: number.value, currency, role, negative });
  return end;
}

interface NumberSpan {
  start: number;
  end: number;
  value: number;
}

function isNumberChar(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 32 || code === 46 || code === 44 || code === 39 || code === 0x2019;
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number written right before `position` (at most one space between), not before `floor`. */
function numberBefore(text: string, position: number, floor: number): NumberSpan | null {
  let end = position;
  if (end > floor && text.charCodeAt(end - 1) === 32) end -= 1;
  if (end <= floor || !isDigit(text.charCodeAt(end - 1))) return null;
  let start = end;
  while (start > floor && end - start < MAX_NUMBER_CHARS && isNumberChar(text.charCodeAt(start - 1))) start -= 1;
  // The longest valid number that starts at a token boundary: "2025 1 234,56" -> "1 234,56".
  for (let from = start; from < end; from += 1) {
    if (!isDigit(text.charCodeAt(from))) continue;
    if (from > 0 && isDigit(text.charCodeAt(from - 1))) continue;
    if (from > 0 && gluedToReference(text, from)) continue; // "F-12 €": part of a reference
    const value = parseNumber(text.slice(from, end));
    if (value !== null) return { start: from, end, value };
  }
  return null;
}

/** The number written right after `position` (at most one space between). */
function numberAfter(text: string, position: number): NumberSpan | null {
  let start = position;
  if (text.charCodeAt(start) === 32) start += 1;
  if (!isDigit(text.charCodeAt(start))) return null;
  let end = start;
  while (end < text.length && end - start < MAX_NUMBER_CHARS && isNumberChar(text.charCodeAt(end))) end += 1;
  for (let to = end; to > start; to -= 1) {
    if (!isDigit(text.charCodeAt(to - 1))) continue;
    if (to < text.length && isDigit(text.charCodeAt(to))) continue;
    const value = parseNumber(text.slice(start, to));
    if (value !== null) return { start, end: to, value };
  }
  return null;
}

/** The number continues a reference ("F-12", "INV/7", "x12"), unlike a minus sign ("-400,00 €"). */
function gluedToReference(text: string, from: number): boolean {
  const previous = text.charCodeAt(from - 1);
  if (previous === 45 || previous === 47 || previous === 95) {
    const beforeDash = text.charCodeAt(from - 2);
    return isWordChar(beforeDash) || isDigit(beforeDash);
  }
  return isWordChar(previous);
}

function isWordChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 95 || code === 47;
}

/** A written amount's value, or null when it is not a well-formed amount. */
export function parseNumber(written: string): number | null {
  const trimmed = written.trim();
  if (!VALID_NUMBER.test(trimmed)) return null;
  const decimals = /[.,](\d{1,2})$/.exec(trimmed);
  const integerPart = decimals ? trimmed.slice(0, decimals.index) : trimmed;
  const digits = integerPart.replace(/[ .,'']/g, '');
  const value = Number(digits) + (decimals?.[1] ? Number(`0.${decimals[1]}`) : 0);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

/** "-600,00 €", "Acompte : - 600 €": a deduction. Not the dash of "Facture 12 - 980,00 EUR". */
function isNegative(text: string, start: number): boolean {
  let index = start - 1;
  const spaced = text.charCodeAt(index) === 32;
  if (spaced) index -= 1;
  const code = text.charCodeAt(index);
  if (code !== 45 && code !== 0x2212) return false;
  let before = index - 1;
  if (spaced) {
    while (before >= 0 && text.charCodeAt(before) === 32) before -= 1;
    const previous = text.charCodeAt(before);
    return Number.isNaN(previous) || previous === 10 || previous === 9 || previous === 40 || previous === 58;
  }
  const previous = text.charCodeAt(before);
  return Number.isNaN(previous) || previous === 32 || previous === 10 || previous === 9 || previous === 40 || previous === 58;
}

// A quote's amount ("suite au devis D-8 (7 200 € TTC)") is not the invoice's: a quote word closer
// to the amount than any invoice word.
// A whole project's total on a deposit invoice ("the 50% deposit … (total project fee $8,000.00)")
// is not the invoice's either (2026-11, blind set dev5).
const QUOTE_WORD = /devis|quote|quotation|estimate|preventivo|presupuesto|angebot|offerte|proposal|pro-?forma|total\sproject|project\s(?:total|fee|budget)|(?:total|montant\stotal|budget)\sdu\sprojet|projektsumme|gesamtprojekt|total\sdel\sproyecto|totale\sdel\sprogetto|totale\sprogetto/g;
const INVOICE_WORD = /factur|invoice|rechnung|fattur|factuur|avoir|credit\snote/g;


// Both words looked for in one pass, each only where it may start (the same matches as a search
// per word, see prefix-scan.ts).
const WORD_SCANNER = new PrefixScanner([QUOTE_WORD, INVOICE_WORD]);

/** A quote word comes after the last invoice word in `sentence` (or there is no invoice word). */
function quoteWordLast(sentence: string): boolean {
  let quoteAt = -1;
  let invoiceAt = -1;
  forEachMatch(WORD_SCANNER, sentence, 0b11, sentence.length, (index, match) => {
    if (index === 0) quoteAt = match.index;
    else invoiceAt = match.index;
  });
  return quoteAt !== -1 && quoteAt > invoiceAt;
}

const LATER_INVOICE_AFTER = /^[\s)]{0,3}(?:(?:ttc|ht|incl\.?\s(?:vat|tax)|\+\s?vat)[\s)]{0,3})?(?:sera|seront)\s(?:facturée?s?|appelée?s?)|^[\s)]{0,3}(?:(?:incl\.?\s(?:vat|tax)|\+\s?vat)[\s)]{0,3})?(?:will|is\sto|are\sto)\sbe\s(?:invoiced|billed)/;
const EACH_BEFORE = /(?:^|[^a-z\u00df-\u00ff])(?:je|each|chacun|chacune|cada\suno|cada\suna)\s$/;

function roleOf(text: string, start: number, end: number, previousEnd: number): AmountRole {
  const sentenceStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 80);
  const sentence = text.slice(sentenceStart, start);
  if (quoteWordLast(sentence)) return 'quote';
  // "zweimal aufgeführt (je 180,00 € netto)", "two lines at £40 each": one line's price.
  if (EACH_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return 'unit';
  // "Le solde (10 500,00 € TTC) sera facturé à l'issue de l'événement": a later invoice's amount.
  if (LATER_INVOICE_AFTER.test(text.slice(end, end + 40))) return 'quote';

  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, Math.min(end + 30, lineEnd === -1 ? text.length : lineEnd));
  let afterRole: AmountRole | null = null;
  for (const [role, pattern] of AFTER_LABELS) {
    if (pattern.test(after)) {
      afterRole = role;
      break;
    }
  }
  if (afterRole !== null && afterRole !== 'incl_tax') return afterRole;

  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const contextStart = Math.max(lineStart, previousEnd, start - CONTEXT_CHARS);
  const context = text.slice(contextStart, start);
  // "Reste à régler : 2 880,00 € TTC": the tax mention says how it is counted, the label what it is.
  if (afterRole !== null) {
    BALANCE_LABEL.lastIndex = 0;
    return BALANCE_LABEL.test(context) && labelIn(context) === 'balance' ? 'balance' : afterRole;
  }
  let role = labelIn(context);
  // A table or a layout with the label alone on the line above ("Total TTC\n1 200,00 €").
  if (role === null && contextStart === lineStart && text.slice(lineStart, start).trim() === '' && lineStart > 0) {
    const previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (lineStart - previousLineStart <= 50 && previousLineStart >= previousEnd) role = labelIn(text.slice(previousLineStart, lineStart - 1));
  }
  return role ?? 'plain';
}

// The role labels run only where one may start (one pass over the text before an amount instead of
// one search per role): the same matches as a search per label, see prefix-scan.ts.
const ROLE_SCANNER = new PrefixScanner(ROLE_LABELS.map(([, pattern]) => pattern));
const ALL_ROLES = (1 << ROLE_LABELS.length) - 1;

/** The role of the label that ends closest to the end of `before` (the first label's on a tie). */
function labelIn(before: string): AmountRole | null {
  let bestIndex = -1;
  let bestEnd = -1;
  forEachMatch(ROLE_SCANNER, before, ALL_ROLES, before.length, (index, match) => {
    const end = match.index + match[0].length;
    if (end > bestEnd || (end === bestEnd && index < bestIndex)) {
      bestEnd = end;
      bestIndex = index;
    }
  });
  return bestIndex === -1 ? null : (ROLE_LABELS[bestIndex] as readonly [AmountRole, RegExp])[0];
}
