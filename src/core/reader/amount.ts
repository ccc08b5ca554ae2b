/**
 * The amount to pay written in an invoice mail. Mails often list several amounts (HT, TVA, TTC,
 * line items); the one a client must pay is the tax-inclusive total, so each amount is classified by
 * the label closest to it and the best-ranked one wins.
 */
import { normalizeSpacing } from './normalize';

export interface Money {
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

/** What an amount stands for, from the words around it; ranked by how surely it is the sum due. */
// 'balance' is what remains to pay ("net à payer", "amount due"): after a deposit it is below the TTC
// total and still the amount to chase.
type AmountRole = 'balance' | 'to_pay' | 'total' | 'plain' | 'excl_tax' | 'tax';
const RANK: Readonly<Record<AmountRole, number>> = { balance: 5, to_pay: 4, total: 3, plain: 2, excl_tax: 1, tax: 0 };

interface AmountMention extends Money {
  index: number;
  end: number;
  role: AmountRole;
}

// A number with optional thousands groups (one separator used throughout) and 1-2 decimals:
// "2 400,00", "1.234,50", "1,250.00", "960", "12,5". Spacing is normalised before matching.
const NUMBER = String.raw`\d{1,3}(?:(?<separator>[ .,'])\d{3})(?:\k<separator>\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SYMBOL_OR_CODE = String.raw`US\$|€|£|\$|(?:eur|gbp|usd|chf|cad)(?![\p{L}])|euros?(?![\p{L}])`;
const AMOUNT_THEN_CURRENCY = new RegExp(String.raw`(?<![\d.,])(${NUMBER})\s?(${SYMBOL_OR_CODE})`, 'giu');
const CURRENCY_THEN_AMOUNT = new RegExp(String.raw`(?<![\p{L}])(${SYMBOL_OR_CODE})\s?(${NUMBER})(?![\d])`, 'giu');

const CURRENCY_CODES: Readonly<Record<string, string>> = { '€': 'EUR', euro: 'EUR', euros: 'EUR', '£': 'GBP', $: 'USD', us$: 'USD' };

// Labels, looked for in the words just before an amount; the one ending closest to the amount wins,
// ties go to the more specific role (listed first).
const LABELS_BEFORE: ReadonlyArray<readonly [AmountRole, RegExp]> = [
  ['balance', /net à payer|reste à (?:payer|régler)|(?:reste|solde|montant) dû|à payer|à régler|amount due|balance due|total due|amount payable|total payable|balance\b|to pay\b/gi],
  ['to_pay', /\bttc\b|t\.t\.c|incl(?:\.|uding|usive of)?\s+(?:of\s+)?(?:vat|tax)|(?:vat|tax|tva)\s+(?:incl(?:\.|uded)?|inclus[e]?|compris[e]?)/gi],
  ['excl_tax', /\bht\b|h\.t\.|hors\s+tax|sous-total|sub-?total|excl(?:\.|uding)?\s+(?:of\s+)?(?:vat|tax)|net of (?:vat|tax)|before tax/gi],
  ['tax', /\btva\b|\bvat\b|\btax(?:es)?\b/gi],
  ['total', /(?<!sous-|sub-|sub)\btotal\b|\bmontant\b|\bamount\b|\bsomme\b|\bsum\b/gi],
];
// Labels written right after an amount: "1 850,00 € TTC", "2 000 € HT", "£2,000 + VAT".
const LABELS_AFTER: ReadonlyArray<readonly [AmountRole, RegExp]> = [
  ['to_pay', /^\s*(?:\(?\s*)?(?:ttc\b|t\.t\.c|incl(?:\.|uding)?\s+(?:vat|tax)|(?:tva|vat)\s+(?:incluse|comprise|included))/i],
  ['excl_tax', /^\s*(?:\(?\s*)?(?:ht\b|h\.t\.|hors\s+tax|excl(?:\.|uding)?\s+(?:vat|tax)|\+\s*(?:tva|vat))/i],
];
const CONTEXT_CHARS = 60;

/** The total to pay written in `text`, or null when it names no amount with a currency. */
export function findAmountDue(text: string): Money | null {
  const mentions = findAmountMentions(normalizeSpacing(text));
  if (mentions.length === 0) return null;
  const bestRank = Math.max(...mentions.map((mention) => RANK[mention.role]));
  if (bestRank <= RANK.excl_tax) {
    const fromParts = sumOfNetAndTax(mentions);
    if (fromParts) return fromParts;
  }
  const best = mentions.filter((mention) => RANK[mention.role] === bestRank);
  // Among equals (line items, repeated totals), the largest: a total is never smaller than its parts.
  const largest = best.reduce((a, b) => (b.amount > a.amount ? b : a));
  return { amount: largest.amount, currency: largest.currency };
}

/** Parses a written number whose decimal part, if any, is its last 1-2 digits after '.' or ','. */
export function parseWrittenNumber(written: string): number | null {
  const decimals = /[.,](\d{1,2})$/.exec(written);
  const integerPart = decimals ? written.slice(0, decimals.index) : written;
  const digits = integerPart.replace(/[ .,']/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits) + (decimals?.[1] ? Number(`0.${decimals[1]}`) : 0);
  return Math.round(value * 100) / 100;
}

function findAmountMentions(text: string): AmountMention[] {
  const raw: Array<{ index: number; end: number; written: string; currency: string }> = [];
  for (const match of text.matchAll(AMOUNT_THEN_CURRENCY)) {
    raw.push({ index: match.index, end: match.index + match[0].length, written: match[1] ?? '', currency: match[3] ?? '' });
  }
  for (const match of text.matchAll(CURRENCY_THEN_AMOUNT)) {
    raw.push({ index: match.index, end: match.index + match[0].length, written: match[2] ?? '', currency: match[1] ?? '' });
  }
  raw.sort((a, b) => a.index - b.index);

  const mentions: AmountMention[] = [];
  let previousEnd = 0;
  for (const candidate of raw) {
    if (candidate.index < previousEnd) continue; // "€ 960 €": one amount, not two
    const amount = parseWrittenNumber(candidate.written);
    if (amount === null || amount <= 0) continue;
    const role = roleOf(text, candidate.index, candidate.end, previousEnd);
    mentions.push({ index: candidate.index, end: candidate.end, amount, currency: currencyCode(candidate.currency), role });
    previousEnd = candidate.end;
  }
  return mentions;
}

function roleOf(text: string, start: number, end: number, previousEnd: number): AmountRole {
  const after = text.slice(end, end + 30).split('\n')[0] ?? '';
  for (const [role, pattern] of LABELS_AFTER) if (pattern.test(after)) return role;

  // Only the words since the previous amount on the same line describe this one.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const contextStart = Math.max(lineStart, previousEnd, start - CONTEXT_CHARS);
  const before = text.slice(contextStart, start);
  let best: { role: AmountRole; end: number } | null = null;
  for (const [role, pattern] of LABELS_BEFORE) {
    for (const match of before.matchAll(pattern)) {
      const labelEnd = match.index + match[0].length;
      if (best === null || labelEnd > best.end) best = { role, end: labelEnd };
    }
  }
  return best?.role ?? 'plain';
}

/** "Montant HT : 2 000 € / TVA : 400 €" with no total line: the client pays their sum. */
function sumOfNetAndTax(mentions: readonly AmountMention[]): Money | null {
  const net = mentions.find((mention) => mention.role === 'excl_tax');
  const tax = mentions.find((mention) => mention.role === 'tax');
  if (!net || !tax || net.currency !== tax.currency) return null;
  return { amount: Math.round((net.amount + tax.amount) * 100) / 100, currency: net.currency };
}

function currencyCode(written: string): string {
  const lower = written.toLowerCase();
  return CURRENCY_CODES[lower] ?? lower.toUpperCase();
}
