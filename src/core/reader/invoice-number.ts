/**
 * Finding the invoice number in a mail: only a reference introduced by "facture"/"invoice" counts,
 * so quote, purchase-order and order numbers ("devis n° D-12", "PO 4500123", "commande 88") are
 * never taken for it.
 */

const KEYWORD = String.raw`(?:factures?|invoices?)`;
// Kinds of invoice that still ask for payment: "facture d'acompte n° FA-3", "facture de solde n° …".
// A deposit invoice may state its share: "facture d'acompte (30 %) n° FA-3".
const QUALIFIER = String.raw`(?:\s+(?:d['’]\s?acompte(?:\s*\(\s*\d{1,3}\s*%\s*\))?|de\s+solde|finale|final))?`;
// Word markers must end at a word boundary, or "Invoice NOV-12" would read as marker "no" + "V-12".
const MARKER = String.raw`(?:n\s?[°º]|(?:num(?:[ée]ro|ber)?|no|nr|r[ée]f(?:[ée]rence)?)(?![\p{L}])\.?|#)`;
const TOKEN = String.raw`([a-z0-9](?:[a-z0-9_\-/.]*[a-z0-9])?)`;

/** "Facture n° F-2026-041", "Invoice #1042", "Invoice number: INV-1042", "facture 2026-07", "invoice (INV-7)". */
const KEYWORD_FIRST = new RegExp(String.raw`(?<![\p{L}\d])${KEYWORD}${QUALIFIER}\s*\(?(?:${MARKER}\s*)?[:#]?\s*${TOKEN}`, 'giu');
/** "N° de facture : 2026-07", "Numéro de facture F-12", "Réf. facture : F-12". */
const MARKER_FIRST = new RegExp(String.raw`(?<![\p{L}\d])${MARKER}\s*(?:de\s+(?:la\s+)?|d['’]\s?)?${KEYWORD}\s*[:#]?\s*${TOKEN}`, 'giu');

const INVOICE_WORD = new RegExp(String.raw`(?<![\p{L}\d])${KEYWORD}(?![\p{L}])`, 'giu');

// A date or an amount right after the keyword is not a number: "facture du 12/10", "facture 960 €".
const DATE_SHAPED = /^(\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?|\d{4}-\d{2}-\d{2})$/;
const AMOUNT_CONTINUES = /^(\s?\d{3}(?!\d)|[,.]\d|\s*(€|£|\$|eur\b|euros?\b|gbp\b|usd\b|chf\b))/i;
// The account acknowledging someone else's invoice: "bien reçu votre facture n° …", "thanks for your invoice".
const ACKNOWLEDGEMENT_BEFORE = /(re[çc]u|receiv(ed|e)|merci\s+pour|thanks?\s+(you\s+)?for)\s+(votre|vos|la|les|your|the)\s*$/i;
// Attachments named after the number alone: "INV-1042.pdf", "F-2026-041.pdf", "FA2026-07.pdf".
const NUMBER_ONLY_FILE_NAME = /^(inv|fact?|fa|f)[-_ ]?\d[\w-]*$/i;

/** The first invoice number written in `text`, or null. */
export function findInvoiceNumber(text: string): string | null {
  const candidates = [...text.matchAll(KEYWORD_FIRST), ...text.matchAll(MARKER_FIRST)].sort((a, b) => a.index - b.index);
  for (const match of candidates) {
    const token = match[1];
    if (token === undefined) continue;
    const after = text.slice(match.index + match[0].length);
    if (isInvoiceNumber(token) && !AMOUNT_CONTINUES.test(after) && !acknowledgesReceipt(text, match.index)) return token;
  }
  return null;
}

/** True when `text` speaks of an invoice at all (for a mail whose number is only in the subject). */
export function mentionsInvoice(text: string): boolean {
  return [...text.matchAll(INVOICE_WORD)].some((match) => !acknowledgesReceipt(text, match.index));
}

/** The invoice number an attachment's file name carries ("Facture_F-2026-041.pdf"), or null. */
export function invoiceNumberOfFileName(fileName: string): string | null {
  const baseName = fileName.replace(/\.[a-z0-9]{2,4}$/i, '').trim();
  if (NUMBER_ONLY_FILE_NAME.test(baseName)) return baseName;
  return findInvoiceNumber(baseName.replace(/[_]+/g, ' ').replace(new RegExp(`^(${KEYWORD})-`, 'i'), '$1 '));
}

/** True when a file name looks like an invoice ("Facture_…pdf", "INV-1042.pdf"). */
export function isInvoiceFileName(fileName: string): boolean {
  return mentionsInvoice(fileName.replace(/[_-]+/g, ' ')) || invoiceNumberOfFileName(fileName) !== null;
}

function acknowledgesReceipt(text: string, keywordIndex: number): boolean {
  return ACKNOWLEDGEMENT_BEFORE.test(text.slice(Math.max(0, keywordIndex - 40), keywordIndex));
}

function isInvoiceNumber(token: string): boolean {
  return /\d/.test(token) && token.length <= 30 && !DATE_SHAPED.test(token);
}
