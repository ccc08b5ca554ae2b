/**
 * Payment terms written in a mail ("30 jours fin de mois", "paiement à réception", "net 30"), read
 * into `PaymentTerms` so a due date can be computed when the mail gives no explicit date.
 */
import type { PaymentTerms } from '../dates';

export interface WrittenTerms {
  terms: PaymentTerms;
  /** The terms as written in the mail. */
  text: string;
}

type Reader = (match: RegExpMatchArray) => PaymentTerms;
const days = (match: RegExpMatchArray): number => Number(match[1] ?? 0);

// Most specific first: "30 jours fin de mois" must not be read as plain "30 jours".
const PATTERNS: ReadonlyArray<readonly [RegExp, Reader]> = [
  [/(\d{1,3})\s*jours?\s+(?:nets?\s+)?fin\s+de\s+mois/i, (m) => ({ kind: 'days_end_of_month', days: days(m) })],
  [/(\d{1,3})\s*days?\s+(?:net\s+)?(?:end\s+of\s+(?:the\s+)?month|eom)\b/i, (m) => ({ kind: 'days_end_of_month', days: days(m) })],
  [/\bnet[\s-]?(\d{1,3})\s*eom\b/i, (m) => ({ kind: 'days_end_of_month', days: days(m) })],
  [/(?:paiement|règlement|payable)\s+(?:à\s+)?fin\s+de\s+mois/i, () => ({ kind: 'days_end_of_month', days: 0 })],
  [
    /(?:(?:conditions|délai)\s+de\s+(?:paiement|règlement)\s*:?\s*|(?:paiement|règlement|payable|(?:à\s+)?régler|(?:à\s+)?payer|échéance)\s*:?\s*(?:à|sous|dans\s+un\s+délai\s+de|de)?\s*)(\d{1,3})\s*jours(?:\s+nets?)?(?:\s+(?:date\s+de\s+facture|à\s+compter\s+de\s+la\s+(?:date\s+de\s+)?facture))?/i,
    (m) => ({ kind: 'net_days', days: days(m) }),
  ],
  [/(\d{1,3})\s*jours\s+nets?/i, (m) => ({ kind: 'net_days', days: days(m) })],
  // "Net 30" but not "Net 2 400,00 €" (the French "net à payer" total).
  [/\bnet[\s-]?(\d{1,3})\b(?!\s*[\d€£$]|[.,]\d|\s*(?:eur|gbp|usd)\b)(?:\s+days)?/i, (m) => ({ kind: 'net_days', days: days(m) })],
  [/(\d{1,3})\s*days\s+net\b/i, (m) => ({ kind: 'net_days', days: days(m) })],
  [
    /(?:(?:payable|due|payment(?:\s+is)?(?:\s+due)?|pay(?:ment)?)\s+)?within\s+(\d{1,3})\s+days(?:\s+(?:of|from)\s+(?:the\s+)?(?:date\s+of\s+(?:the\s+)?)?invoice(?:\s+date)?)?/i,
    (m) => ({ kind: 'net_days', days: days(m) }),
  ],
  [/payment\s+terms?\s*:?\s*(\d{1,3})\s*days/i, (m) => ({ kind: 'net_days', days: days(m) })],
  [
    /(?:(?:paiement|règlement|payable|à\s+régler|à\s+payer)\s+)?(?:à|dès)\s+(?:la\s+)?réception(?:\s+de\s+(?:la\s+)?facture)?/i,
    () => ({ kind: 'on_receipt' }),
  ],
  [/(?:(?:payable|due|payment\s+due)\s+)?(?:up)?on\s+receipt(?:\s+of\s+(?:the\s+)?invoice)?/i, () => ({ kind: 'on_receipt' })],
];

export function findPaymentTerms(text: string): WrittenTerms | null {
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { terms: read(match), text: match[0].trim().replace(/\s+/g, ' ') };
  }
  return null;
}
