/**
 * The Gmail search "Find my invoices" runs (issue 6): sent mail of the last months that names an
 * invoice (French and English words) or carries a PDF, in Gmail's own search operators
 * (in:sent, newer_than:Nm, OR, quotes, parentheses, has:attachment, filename:pdf), and the URL
 * hash that shows it (`#search/<query>`, dom-facts "Thread URL hash"; page n ≥ 2 is `/p<n>`).
 */

/** Invoice words, French then English; multi-word ones are quoted. */
const INVOICE_WORDS = ['facture', 'factures', 'avoir', 'acompte', 'relance', '"note d\'honoraires"', 'invoice', 'invoices', '"credit note"', 'receipt', '"payment reminder"'] as const;

export const MIN_MONTHS = 1;
export const MAX_MONTHS = 36;
export const DEFAULT_MONTHS = 12;

/** The search query for the last `months` months (clamped to 1–36). */
export function invoiceSearchQuery(months: number): string {
  const span = Math.min(MAX_MONTHS, Math.max(MIN_MONTHS, Math.round(Number.isFinite(months) ? months : DEFAULT_MONTHS)));
  return `in:sent newer_than:${span}m (${INVOICE_WORDS.join(' OR ')} OR (has:attachment filename:pdf))`;
}

/** The hash of the query's result page (1-based). */
export function searchHash(query: string, page = 1): string {
  return `#search/${encodeURIComponent(query)}${page > 1 ? `/p${page}` : ''}`;
}
