/**
 * Which of the amounts a mail writes is "the" amount for its kind (issue 3, field meanings):
 * - invoice sent, vendor bill, credit note: the total including tax (the "net à payer" when a
 *   deposit was deducted; HT + TVA when only those are written);
 * - reminder: the outstanding amount claimed: a balance after a partial payment, the total of
 *   several invoices (summed when only per-invoice amounts are written);
 * - payment notice: the amount paid;
 * - dispute, promise: the invoice amount if stated.
 */
import type { MessageKind } from './types';
import type { AmountMention, AmountRole } from './money';

type Ranks = Readonly<Record<AmountRole, number>>;

const INVOICE_RANKS: Ranks = { balance: 7, incl_tax: 6, total: 5, deposit: 4, plain: 3, paid: 2, excl_tax: 1, unit: 0, tax: -1, quote: -2 };
// A vendor's receipt: "Amount paid" is its total (the line items above it are plain amounts).
const VENDOR_RANKS: Ranks = { ...INVOICE_RANKS, paid: 4.5 };
const REMINDER_RANKS: Ranks = { balance: 7, incl_tax: 6, total: 5, plain: 4, deposit: 2, excl_tax: 1, paid: 0, unit: 0, tax: -1, quote: -2 };
const PAYMENT_RANKS: Ranks = { paid: 7, incl_tax: 6, total: 5, balance: 4, plain: 4, deposit: 3, excl_tax: 1, unit: 0, tax: -1, quote: -2 };
const CLAIM_RANKS: Ranks = { incl_tax: 7, total: 6, balance: 5, plain: 5, paid: 4, deposit: 3, excl_tax: 1, unit: 0, tax: -1, quote: -2 };
// A credit note's own total; what is left to pay is the corrected invoice's balance ("le montant
// restant à régler sur la facture est donc de 2 880 €").
const CREDIT_NOTE_RANKS: Ranks = { ...INVOICE_RANKS, balance: 2.5 };

function ranksFor(kind: MessageKind | null): Ranks {
  switch (kind) {
    case 'reminder':
      return REMINDER_RANKS;
    case 'vendor_bill':
      return VENDOR_RANKS;
    case 'payment_notice':
      return PAYMENT_RANKS;
    case 'dispute':
    case 'promise':
    case 'other_invoice_related':
      return CLAIM_RANKS;
    default:
      return INVOICE_RANKS;
  }
}

export interface ChosenAmount {
  value: number;
  currency: string;
  /** The mentions the value comes from (one, or the parts of a sum). */
  from: AmountMention[];
}

export function chooseAmount(mentions: readonly AmountMention[], kind: MessageKind | null, invoiceCount: number, creditNote: boolean): ChosenAmount | null {
  // Deductions ("Acompte versé : -600 €") are not the total, except on a credit note.
  const usable = mentions.filter((mention) => (creditNote || !mention.negative) && mention.role !== 'quote');
  if (usable.length === 0) return null;
  const ranks = creditNote && (kind === 'invoice_sent' || kind === 'vendor_bill' || kind === 'other_invoice_related') ? CREDIT_NOTE_RANKS : ranksFor(kind);
  const bestRank = Math.max(...usable.map((mention) => ranks[mention.role]));
  // A unit price or a tax line alone is not what a client's reply is about ("je 180,00 € netto").
  if (bestRank <= ranks.unit && kind !== 'invoice_sent' && kind !== 'vendor_bill' && kind !== 'reminder') return null;

  if (bestRank <= ranks.excl_tax) {
    const net = usable.find((mention) => mention.role === 'excl_tax');
    const tax = usable.find((mention) => mention.role === 'tax' && mention.start > (net?.start ?? 0));
    if (net && tax && net.currency === tax.currency && tax.value < net.value) {
      return { value: round(net.value + tax.value), currency: net.currency, from: [net, tax] };
    }
  }
  const best = usable.filter((mention) => ranks[mention.role] === bestRank);
  const currency = best[0]?.currency ?? 'EUR';

  // A reminder about several invoices that lists one amount each and no total: their sum.
  if (kind === 'reminder' && invoiceCount >= 2 && (best[0]?.role === 'plain' || best[0]?.role === 'incl_tax')) {
    const sameCurrency = best.filter((mention) => mention.currency === currency);
    const distinct = dedupeValues(sameCurrency);
    if (distinct.length >= 2 && distinct.length <= invoiceCount) {
      return { value: round(distinct.reduce((sum, mention) => sum + mention.value, 0)), currency, from: distinct };
    }
  }
  // Among equals the largest: a total is never smaller than its parts (line items, repeated totals).
  // A balance after a partial payment is the exception: the last one stated is the one left to pay.
  const chosen =
    bestRank === ranks.balance && kind === 'reminder' && usable.some((mention) => mention.role === 'paid')
      ? (best.at(-1) as AmountMention)
      : best.reduce((a, b) => (b.value > a.value ? b : a));
  return { value: chosen.value, currency: chosen.currency, from: [chosen] };
}

function dedupeValues(mentions: readonly AmountMention[]): AmountMention[] {
  // The same amount written twice ("1 200 € … soit 1 200 €") is one invoice's, not two.
  const seen = new Set<number>();
  const out: AmountMention[] = [];
  for (const mention of mentions) {
    if (seen.has(mention.value)) continue;
    seen.add(mention.value);
    out.push(mention);
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
