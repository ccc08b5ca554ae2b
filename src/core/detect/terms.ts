/**
 * Payment terms as invoices write them, in the six languages: "30 jours fin de mois", "net 30",
 * "à réception", "30 Tage netto", "a 30 días", "30 gg d.f.f.m.", "binnen 14 dagen".
 *
 * `strong` terms are stated as the contract's ("conditions de paiement", "net 30", "fin de mois");
 * weak ones ("sous 8 jours", "within 7 days") are often a reminder's new deadline rather than the
 * invoice's terms, so a reminder only takes strong ones.
 */
import type { PaymentTerms } from '../dates';

export interface FoundTerms {
  terms: PaymentTerms;
  /** As written (trimmed). */
  text: string;
  start: number;
  end: number;
  strong: boolean;
}

type Reader = (days: number) => PaymentTerms;
const netDays: Reader = (days) => ({ kind: 'net_days', days });
const endOfMonth: Reader = (days) => ({ kind: 'days_end_of_month', days });
const onReceipt: Reader = () => ({ kind: 'on_receipt' });

// Most specific first: "30 jours fin de mois" must not be read as plain "30 jours".
const PATTERNS: ReadonlyArray<readonly [RegExp, Reader, boolean]> = [
  // End of month.
  [/(\d{1,3})\s?(?:jours?|j)\s(?:nets?\s)?(?:fin\sde\smois|fdm)/, endOfMonth, true],
  [/(\d{1,3})\s?days\s(?:from|after|following)\s(?:the\s)?(?:end\sof\s(?:the\s)?(?:invoice\s)?month|month\send)(?:\sof\s(?:the\s)?invoice)?/, endOfMonth, true],
  [/(\d{1,3})\s?days?\s(?:net\s)?(?:end\sof\s(?:the\s)?month|eom)(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))/, endOfMonth, true],
  [/(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))net\s?-?(\d{1,3})\s?eom(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))/, endOfMonth, true],
  [/(\d{1,3})\s?tage\s(?:netto\s)?(?:zum\s)?monatsende/, endOfMonth, true],
  [/(\d{1,3})\s?días\s(?:netos\s)?(?:a\s)?fin(?:al)?\sde\smes/, endOfMonth, true],
  [/(\d{1,3})\s?(?:gg|giorni)\.?\s(?:d\.?f\.?\s?|data\sfattura\s)?f\.?\s?m\.?(?![a-z\u00df-\u00ff\u0153])|(\d{1,3})\s?giorni\s(?:data\sfattura\s)?fine\smese/, endOfMonth, true],
  [/(\d{1,3})\s?dagen\s(?:na\s)?einde\s(?:van\s(?:de\s)?)?maand/, endOfMonth, true],
  [/(?:paiement|règlement|payable)\s(?:à\s)?fin\sde\smois/, () => endOfMonth(0), true],
  // Net days, stated as terms.
  [/(?:conditions|délai|modalités)\sde\s(?:paiement|règlement)[ \t]{0,12}:?[ \t]{0,12}(?:à\s|de\s)?(\d{1,3})\s?jours(?:\snets?)?/, netDays, true],
  [/(?:paiement|règlement|payable|échéance)(?:\s(?:est|se\sfait|sera|s'effectue))?\s?:?\s?(?:à|de|sous)\s(\d{1,3})\s?jours(?:\snets?)?(?:\s(?:date\sde\sfacture|à\scompter\sde\sla\s(?:date\sde\s)?facture|date\sd'émission))?/, netDays, true],
  [/(\d{1,3})\s?jours\s(?:nets?|date\sde\sfacture|à\scompter\sde\sla\s(?:date\sde\s)?facture)/, netDays, true],
  [/(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))net\s?-?(\d{1,3})(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))(?!\s?[\d€£$]|[.,]\d|\s?(?:eur|gbp|usd|chf)(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d])))(?:\sdays)?/, netDays, true],
  [/(\d{1,3})\sdays\snet(?:(?<![a-z\u00df-\u00ff\u0153\d])|(?![a-z\u00df-\u00ff\u0153\d]))/, netDays, true],
  [/(?:payment\s)?terms?[ \t]{0,12}:?[ \t]{0,12}(?:net\s)?(\d{1,3})\s?days(?!\s(?:from|after|following)\s(?:the\s)?(?:end|month))/, netDays, true],
  [/(\d{1,3})\sdays\s(?:from|after|of)\s(?:the\s)?(?:date\sof\s(?:the\s)?)?invoice(?:\sdate)?/, netDays, true],
  [/(\d{1,3})\s?tage\snetto|zahlungsziel[ \t]{0,12}:?[ \t]{0,12}(\d{1,3})\s?tage|(\d{1,3})\s?tage\snach\srechnungs(?:datum|eingang|erhalt)|(\d{1,3})\s?tag(?:e|en)\sohne\sabzug/, netDays, true],
  [/(?:condiciones\sde\spago|forma\sde\spago|plazo\sde\spago)[ \t]{0,12}:?[ \t]{0,12}(?:a\s)?(\d{1,3})\s?días|(\d{1,3})\s?días\s(?:fecha\sfactura|netos|desde\sla\sfecha\sde\s(?:la\s)?factura)/, netDays, true],
  [/(?:condizioni|termini)\sdi\spagamento[ \t]{0,12}:?[ \t]{0,12}(?:a\s)?(\d{1,3})\s?(?:gg|giorni)|(\d{1,3})\s?(?:gg|giorni)\s(?:d\.?f\.?(?![a-z\u00df-\u00ff\u0153])|data\sfattura)/, netDays, true],
  [/beta(?:lings|al)termijn[ \t]{0,12}:?[ \t]{0,12}(?:van\s)?(\d{1,3})\s?dagen|(\d{1,3})\s?dagen\s(?:na\sfactuurdatum|netto)/, netDays, true],
  // Net days, weakly stated.
  [/(?:paiement|règlement|payable|à\srégler|à\spayer|régler|payer)\s(?:à|sous|dans\sun\sdélai\sde|dans\sles)\s(\d{1,3})\s?jours/, netDays, false],
  [/(?:payable|due|payment(?:\sis)?(?:\sdue)?|pay(?:ment)?)\s(?:within|in)\s(\d{1,3})\sdays|within\s(\d{1,3})\sdays\sof\s(?:the\s)?invoice/, netDays, false],
  [/(?:zahlbar|zahlung)\s(?:innerhalb\s|in\s|binnen\s)?(?:von\s)?(\d{1,3})\s?tag(?:en|e)|innerhalb\s(?:von\s)?(\d{1,3})\s?tagen/, netDays, false],
  [/(?:pago|pagadera?|a\spagar)\s(?:a|en)\s(\d{1,3})\s?días|a\s(\d{1,3})\sdías/, netDays, false],
  [/(?:pagamento|da\spagare)\s(?:a|entro)\s(\d{1,3})\s?(?:gg|giorni)|a\s(\d{1,3})\s(?:gg|giorni)/, netDays, false],
  [/(?:betaling|te\sbetalen|betalen|overmaken|voldoen)\sbinnen\s(\d{1,3})\sdagen|binnen\s(\d{1,3})\sdagen\s(?:na|netto|over(?:te)?maken|betalen|te\sbetalen|voldoen)/, netDays, false],
  // On receipt.
  [/(?:(?:paiement|règlement|payable|à\srégler|à\spayer)\s)?(?:à|dès)\s(?:la\s)?réception(?:\sde\s(?:la\s)?facture)?|paiement\scomptant/, onReceipt, true],
  [/(?:(?:payable|due|payment\sdue)\s)?(?:up)?on\sreceipt(?:\sof\s(?:the\s)?invoice)?|due\simmediately/, onReceipt, true],
  [/sofort\s(?:zahlbar|fällig)|zahlbar\s(?:sofort|bei\serhalt)|sofort\sohne\sabzug/, onReceipt, true],
  [/(?:pago\s)?(?:al\scontado|a\sla\srecepción(?:\sde\s(?:la\s)?factura)?)/, onReceipt, true],
  [/(?:pagamento\s)?(?:a\svista|al\sricevimento(?:\s(?:della\s)?fattura)?|rimessa\sdiretta)/, onReceipt, true],
  [/(?:betaling\s)?(?:bij\sontvangst|direct\sbij\sontvangst|onmiddellijk)/, onReceipt, true],
];

// Where terms may be written: a number of days, "net N", or a "receipt"/"end of month" word. The
// full patterns only run in a window around these few places, not over the whole text.
const TRIGGER =
  /\d{1,3}\s?(?:jours?|j|days?|tage|tagen|días|dias|giorni|gg|dagen)(?![a-z])|net\s?-?\d|réception|receipt|immediately|sofort|contado|recepción|a\svista|ricevimento|rimessa|ontvangst|onmiddellijk|comptant|fin\sde\smois/g;
const WINDOW_BEFORE = 90;
const WINDOW_AFTER = 80;
const MAX_TRIGGERS = 12;

/** The first payment terms written in `text` (lower-cased, see letters.ts), most specific pattern first, or null. */
export function findTerms(text: string): FoundTerms | null {
  let best: FoundTerms | null = null;
  let triggers = 0;
  let covered = -1;
  TRIGGER.lastIndex = 0;
  for (const trigger of text.matchAll(TRIGGER)) {
    if (triggers >= MAX_TRIGGERS) break;
    triggers += 1;
    if (trigger.index < covered) continue;
    const start = Math.max(0, trigger.index - WINDOW_BEFORE);
    const end = Math.min(text.length, trigger.index + trigger[0].length + WINDOW_AFTER);
    covered = end - WINDOW_AFTER;
    const found = termsIn(text.slice(start, end), start);
    if (found?.strong) return found;
    best ??= found;
  }
  return best;
}

function termsIn(window: string, offset: number): FoundTerms | null {
  let best: FoundTerms | null = null;
  for (const [pattern, read, strong] of PATTERNS) {
    const match = pattern.exec(window);
    if (!match) continue;
    const digits = match.slice(1).find((group) => group !== undefined);
    const days = digits === undefined ? 0 : Number(digits);
    if (days > 180) continue;
    const written = match[0];
    const leading = written.length - written.trimStart().length;
    const trimmed = written.trim();
    const start = offset + match.index + leading;
    const found: FoundTerms = { terms: read(days), text: trimmed, start, end: start + trimmed.length, strong };
    // Patterns are in order of specificity; among the weak ones keep looking for a strong one.
    if (strong) return found;
    best ??= found;
  }
  return best;
}
