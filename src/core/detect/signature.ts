/**
 * Company identifiers and contact details that must never be read as amounts or invoice numbers:
 * SIRET/SIREN, RCS, VAT numbers, IBAN/BIC, share capital ("au capital de 10 000 €"), phone numbers,
 * postal addresses. French invoices must print most of them (late-payment-law.md 1.5), so they are
 * in nearly every invoice mail's footer.
 *
 * Instead of deleting them (which would shift every offset), the caller blanks the returned ranges
 * with spaces: evidence offsets stay valid in the body text.
 */

import { PrefixScanner, forEachMatch } from './prefix-scan';

// Keyword-led identifiers: the keyword and what follows on the line, up to a bounded length and
// never past the end of a sentence ("…company no. 588214, VAT IE 9876543W. Please reissue it…") nor
// a separator of footer items ("P.IVA 01882390364 — Cap. soc. € 100.000": each is read on its own).
// "capital" lines carry a currency amount ("SARL au capital de 10 000 €"): the whole tail goes.
const LEGAL_IDENTIFIER = new RegExp(
  [
    String.raw`\b(?:siret|siren|rcs|r\.c\.s\.|rm|ape|naf|eori|duns)\b(?:[^\n.—|]|\.(?=\S)){0,60}`,
    String.raw`\b(?:n°|no|num[ée]ro|numéro)?\s?(?:de\s)?tva\s(?:intra[-\s]?(?:communautaire|com\.?)?|intracom)(?:[^\n.—|]|\.(?=\S)){0,40}`,
    String.raw`\bn°\s?(?:de\s)?tva\b(?:[^\n.—|]|\.(?=\S)){0,30}`,
    String.raw`\bvat\s?(?:reg(?:istration)?\.?\s?)?(?:no\.?|number|id|#)(?:[^\n.—|]|\.(?=\S)){0,30}`,
    String.raw`\b(?:ust-?id(?:nr)?\.?|ust\.?-?idnr\.?|umsatzsteuer-?id(?:entifikationsnummer)?|steuer-?nr\.?|steuernummer|handelsregister|hrb|amtsgericht)\b(?:[^\n.—|]|\.(?=\S)){0,40}`,
    String.raw`\b(?:partita\s+iva|p\.\s?iva|c\.f\.|codice\s+fiscale|cif|nif|n\.i\.f\.|kvk(?:-nummer)?|btw(?:-?nummer|-?nr\.?|\s?nr\.?)|btw-id|kbo)\b(?:[^\n.—|]|\.(?=\S)){0,40}`,
    String.raw`\b(?:iban|bic|swift|rib|sort\s+code|routing\s+(?:no|number)|account\s+(?:no|number)|kontonummer|blz)\b(?:[^\n.—|]|\.(?=\S)){0,60}`,
    String.raw`\b(?:au\s+)?capital(?:\s+social)?\s+(?:de\s+)?\d(?:[^\n.—|]|\.(?=\S)){0,40}`,
    String.raw`\bcap\.\s?soc(?:iale)?\.?(?:[^\n.—|]|\.(?=\S)){0,40}`,
    String.raw`\b(?:share\s+capital|stammkapital|capitale\s+sociale|capital\s+social)\b(?:[^\n.—|]|\.(?=\S)){0,40}`,
    String.raw`\b(?:company|registered|reg\.)\s+(?:no\.?|number|in\s+england)(?:[^\n.—|]|\.(?=\S)){0,40}`,
  ].join('|'),
  'g',
);

// Phones: keyword-led ("Tél. : 01 23 45 67 89", "Phone: +44 20 7946 0958"), international, French.
const PHONE = new RegExp(
  [
    String.raw`\b(?:t[ée]l(?:[ée]phone)?|tel|phone|mobile|mob|portable|fax|gsm|tfno|tel[ée]fono|telefon|telefoon|cell)\.?\s?(?:\.|:)?\s?[+(0-9][0-9 ().\-/]{5,22}`,
    String.raw`(?<![\w+])\+\d{1,3}[\s.\-]?\(?\d{1,4}\)?(?:[\s.\-]?\d{2,4}){2,5}`,
    String.raw`(?<![\d,.])0[1-9](?:[\s.\-]\d{2}){4}(?![\d,])`,
  ].join('|'),
  'g',
);

// Postal addresses, on the lower-cased text: "12 rue de la Paix", "Hauptstraße 5", "BP 12", "CS 30012".
// Not "via": Italian addresses put the number after the street ("Via Tortona 27"), and "0094 via ACH"
// is a payment.
const ADDRESS = new RegExp(
  [
    String.raw`\b\d{1,4}(?:\s?(?:bis|ter))?,?\s(?:rue|avenue|av\.|bd|boulevard|place|chemin|all[ée]e|impasse|quai|route|cours|square|street|st\.|road|rd\.|lane|calle|avda\.|straat|laan|weg)\s[^\n]{0,50}`,
    String.raw`(?<=[a-zäöüß])(?:straße|strasse|str\.|weg|platz|gasse|allee)\s\d{1,4}[a-z]?(?![0-9])`,
    String.raw`\bcs\s\d{4,6}\b`,
    String.raw`\b(?:bp|b\.p\.)\s\d{1,6}\b`,
  ].join('|'),
  'g',
);
// On the original text (case matters): bare VAT numbers "FR12345678901", postcode + city "75011 Paris".
const CASED = new RegExp(
  [
    String.raw`\b(?:FR\s?[0-9A-Z]{2}\s?\d{3}\s?\d{3}\s?\d{3}|DE\s?\d{9}|GB\s?\d{3}\s?\d{4}\s?\d{2}(?:\d{3})?|BE\s?0?\d{3}\.?\d{3}\.?\d{3}|IT\s?\d{11}|ES\s?[0-9A-Z]\d{7}[0-9A-Z]|NL\s?\d{9}B\d{2}|IE\s?\d{7}[A-Z]{1,2}|LU\s?\d{8}|ATU\s?\d{8}|CHE[-\s]?\d{3}\.?\d{3}\.?\d{3}|PT\s?\d{9})(?![0-9A-Za-z])`,
    String.raw`(?<![\d,.\-/])(?:F-|D-|CH-|B-)?\d{5}(?![\d,.\-/])\s(?!(?:EUR|Euros?|CHF|USD|GBP|TTC|HT|HTVA|TVA|VAT|Fr)(?![A-Za-z]))(?=[A-ZÀ-ÖØ-Þ])[A-Za-zÀ-ÖØ-öø-ÿ' -]{2,30}`,
  ].join('|'),
  'g',
);

// One pass over the lower-cased text finds where any of them may start; the cased pattern then
// runs on the original text (same offsets).
const SCANNER = new PrefixScanner([LEGAL_IDENTIFIER, PHONE, ADDRESS, CASED], new Set([3]));

/**
 * Ranges (as [start, end) pairs, in order) that hold identifiers and contact details, from the
 * text and its lower-cased copy (same offsets). Matches starting at or after `stop` are not looked
 * for (the caller blanks everything from there anyway, e.g. the signature).
 */
export function identifierRanges(text: string, lower: string, stop: number = text.length): Array<readonly [number, number]> {
  // Collected per pattern, in the order the patterns were once run one after the other.
  const perPattern: Array<Array<readonly [number, number]>> = [[], [], [], []];
  const collect = (index: number, match: RegExpExecArray): void => void perPattern[index]!.push([match.index, match.index + match[0].length]);
  forEachMatch(SCANNER, lower, 0b1111, stop, collect, [undefined, undefined, undefined, text]);
  return perPattern.flat().sort((a, b) => a[0] - b[0]);
}

/**
 * Where a signature introduced by "-- " starts, or -1: the first line that is "--" or "-- " alone
 * (what /^-- ?$/m finds, with its line terminators: \n, \r, U+2028, U+2029), found by looking at
 * each "--" instead of at each line start.
 */
export function signatureStart(text: string): number {
  for (let index = text.indexOf('--'); index !== -1; index = text.indexOf('--', index + 1)) {
    if (index > 0 && !isLineTerminator(text.charCodeAt(index - 1))) continue;
    let end = index + 2;
    if (text.charCodeAt(end) === 32) end += 1;
    if (end === text.length || isLineTerminator(text.charCodeAt(end))) return index;
  }
  return -1;
}

function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}
