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

const CURRENCY_MARKER =
  /us\$|ca\$|au\$|a\$|c\$|\$|€|£|(?<![a-z\u00df-\u00ff\u0153\d])(?:eur|usd|gbp|chf|cad|aud|sek|nok|dkk|pln|euros?|sfr\.?|fr\.)(?![a-z\u00df-\u00ff\u0153])/g;
const CURRENCY_CODES: Readonly<Record<string, string>> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', $: 'USD', us$: 'USD', ca$: 'CAD', c$: 'CAD', au$: 'AUD', a$: 'AUD', '£': 'GBP',
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
    /(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))(?:payée?s?|réglée?s?|versée?s?|virée?s?)(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:virement|paiement|règlement|reglement|versement|transfert)\s(?:de|d'un\smontant\sde)|montant\s(?:payé|réglé|viré|versé|reçu)|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))paid(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|payment\sof|transfer\sof|remittance\sof|amount\spaid|(?:(?<![a-z])we|(?<![a-z])i)\s(?:have\s|'ve\s)?(?:just\s|already\s)?(?:sent|wired|transferred|remitted)(?:\syou)?\s?|received|reçu\s(?:un\s(?:virement|paiement)\s)?de|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))bezahlt|überwiesen|zahlung\s(?:von|über|in\shöhe\svon)|pagad[oa]|pago\sde|transferencia\sde|pagat[oa]|pagamento\sdi|bonifico\sdi|betaald|betaling\svan|overgemaakt/g,
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
  ['total', /(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))total(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))montant(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))amount(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))somme(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))sum(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|betrag|summe|gesamt|importe|importo|totale|bedrag|totaal|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))prix(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))price(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))|honoraires|(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))fee(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))/g],
];
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
  for (const match of text.matchAll(CURRENCY_MARKER)) {
    if (mentions.length >= max) break;
    const markerStart = match.index;
    const markerEnd = markerStart + match[0].length;
    if (markerStart < consumed) continue;
    const written = match[0].toLowerCase();
    if (written === 'fr.' && original.slice(markerStart, markerEnd) !== 'Fr.') continue; // ".fr." in a domain is not Swiss francs
    const currency = CURRENCY_CODES[written] ?? written.toUpperCase();
    const before = numberBefore(text, markerStart, consumed);
    const after = numberAfter(text, markerEnd);
    // Which side: the usual one for the marker when both have a number ("$1,250" vs "1 250 €").
    let number: NumberSpan | null;
    if (before && after) number = PREFIX_SYMBOLS.has(written) ? after : before;
    else number = before ?? after;
    if (!number || number.value <= 0) continue;
    const start = Math.min(number.start, markerStart);
    const end = Math.max(number.end, markerEnd);
    const negative = isNegative(text, start);
    const role = roleOf(text, start, end, consumed);
    mentions.push({ start, end, value: number.value, currency, role, negative });
    consumed = end;
  }
  return mentions;
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
const QUOTE_WORD = /devis|quote|quotation|estimate|preventivo|presupuesto|angebot|offerte|proposal|pro-?forma/g;
const INVOICE_WORD = /factur|invoice|rechnung|fattur|factuur|avoir|credit\snote/g;

function lastIndexOf(pattern: RegExp, text: string): number {
  let last = -1;
  // An exec loop, as matchAll reads the global pattern (without cloning it per call).
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    last = match.index;
    if (match[0] === '') pattern.lastIndex += 1;
  }
  return last;
}

function roleOf(text: string, start: number, end: number, previousEnd: number): AmountRole {
  const sentenceStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 80);
  const sentence = text.slice(sentenceStart, start);
  const quoteAt = lastIndexOf(QUOTE_WORD, sentence);
  if (quoteAt !== -1 && quoteAt > lastIndexOf(INVOICE_WORD, sentence)) return 'quote';

  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, Math.min(end + 30, lineEnd === -1 ? text.length : lineEnd));
  for (const [role, pattern] of AFTER_LABELS) if (pattern.test(after)) return role;

  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const contextStart = Math.max(lineStart, previousEnd, start - CONTEXT_CHARS);
  let role = labelIn(text.slice(contextStart, start));
  // A table or a layout with the label alone on the line above ("Total TTC\n1 200,00 €").
  if (role === null && contextStart === lineStart && text.slice(lineStart, start).trim() === '' && lineStart > 0) {
    const previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (lineStart - previousLineStart <= 50 && previousLineStart >= previousEnd) role = labelIn(text.slice(previousLineStart, lineStart - 1));
  }
  return role ?? 'plain';
}

function labelIn(before: string): AmountRole | null {
  let best: { role: AmountRole; end: number } | null = null;
  for (const [role, pattern] of ROLE_LABELS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(before); match !== null; match = pattern.exec(before)) {
      const labelEnd = match.index + match[0].length;
      if (best === null || labelEnd > best.end) best = { role, end: labelEnd };
      if (match[0] === '') pattern.lastIndex += 1;
    }
  }
  return best?.role ?? null;
}
