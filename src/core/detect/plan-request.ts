/**
 * A client asking to pay in instalments ("pourrions-nous régler en trois fois ?", "could we set up
 * a payment plan?", "Ratenzahlung", "pagar a plazos", "rateizzare", "betalingsregeling").
 *
 * Not a kind of its own (the kinds have none: such a reply is `other_invoice_related`, or a
 * `promise` when it also commits to a date), but the panel proposes the plan builder for it, so
 * the engine reports it as `plan_request` with its evidence. Read only in a client's reply that is
 * related and is not a payment or a dispute, so that costs nothing on the rest of a mailbox, and
 * "the second instalment is paid" stays a payment.
 *
 * Runs on the newest part, lower-cased (letters.ts); bounded gaps only (the hostile-input test
 * covers it through `detectMessage`).
 */
import { L } from './letters';
import type { MessageKind } from './types';

const W = String.raw`[${L}\d'’-]{1,25}`;
// Up to a few words on the same clause: "régler la facture F-12 en trois fois".
const GAP = String.raw`(?:[^\n.?!]|\.(?=\S)){0,50}?`;
const COUNT_FR = String.raw`(?:plusieurs|deux|trois|quatre|cinq|six|\d{1,2})`;
const COUNT_EN = String.raw`(?:two|three|four|five|six|several|a\sfew|monthly|\d{1,2})`;

const PLAN_REQUEST = [
  // French
  String.raw`échéancier|plan\sde\s(?:paiement|règlement|remboursement|apurement)|facilités\sde\s(?:paiement|règlement)`,
  String.raw`(?:payer|régler|réglions|payions|paiement|règlement|solder|acquitter)${GAP}\sen\s${COUNT_FR}\s(?:fois|versements|échéances|mensualités|tranches|paiements)`,
  String.raw`(?:proposons|propose|proposer|proposerions)\s(?:le|un|les)\s(?:règlement|paiement|calendrier|échelonnement)s?\s(?:suivants?|ci-dessous|comme\ssuit)|(?:échelonner|étaler|fractionner|étalement|échelonnement|fractionnement)\s(?:${W}\s){0,3}(?:paiements?|règlements?|factures?|sommes?|montants?|dettes?|soldes?)`,
  String.raw`(?:paiement|règlement)s?\s(?:échelonnés?|étalés?|fractionnés?|en\splusieurs\sfois)`,
  // English
  String.raw`payment\s(?:plan|schedule|arrangement)|instal(?:l)?ment\s(?:plan|arrangement|agreement)|repayment\splan`,
  String.raw`(?:pay|settle|clear|paying|settling|clearing)${GAP}\sin\s${COUNT_EN}\s(?:(?:monthly|weekly|equal|separate)\s)?(?:parts|instal(?:l)?ments|payments|tranches|chunks)`,
  String.raw`(?:split(?:ting)?|spread(?:ing)?|break(?:ing)?|stagger(?:ing)?)\s(?:\S{1,25}\s){0,3}(?:into|over|across)\s(?:${W}\s){0,2}(?:instal(?:l)?ments|payments|months|weeks)`,
  String.raw`(?:pay|paying)\s(?:${W}\s){0,3}(?:by|in)\s(?:monthly|weekly)\s(?:instal(?:l)?ments|payments)`,
  // German, Spanish, Italian, Dutch
  String.raw`ratenzahlung|ratenplan|ratenvereinbarung|teilzahlungen|in\s(?:zwei|drei|vier|\d{1,2})\s(?:raten|teilen|tranchen|teilbeträgen)|in\s(?:${W}\s)?raten\s(?:zahlen|begleichen|bezahlen|abzahlen)|in\sraten(?![${L}])`,
  String.raw`pago\sfraccionado|plan\sde\spagos|(?:pagar|abonar|liquidar)\s(?:${W}\s){0,3}a\splazos|en\s(?:varios|dos|tres|cuatro|\d{1,2})\s(?:plazos|pagos|cuotas|partes|veces)|fraccionar\s(?:${W}\s){0,2}(?:pago|importe|factura)|aplazar\s(?:${W}\s){0,2}pago`,
  String.raw`rateizza(?:re|zione|to)|pagamento\s(?:a\srate|rateale|dilazionato)|in\s(?:due|tre|quattro|più|\d{1,2})\s(?:rate|tranche|volte|parti)|piano\sdi\s(?:pagamento|rientro)|dilazionare\s(?:${W}\s){0,2}pagamento`,
  String.raw`betalingsregeling|afbetalingsregeling|(?:in|over)\s(?:${W}\s)?termijnen\s(?:betalen|voldoen)|gespreide\sbetaling|in\s(?:twee|drie|vier|\d{1,2})\s(?:termijnen|delen|keer)\s(?:${W}\s){0,2}(?:betalen|voldoen|overmaken)|in\s(?:twee|drie|vier|\d{1,2})\stermijnen`,
].join('|');
// A word boundary after; the one before is checked by hand (a leading lookbehind would make V8 try
// every position of the text instead of only those where an alternative can begin).
const PATTERN = new RegExp(String.raw`(?:${PLAN_REQUEST})(?![${L}])`, 'g');
const LETTER = new RegExp(`[${L}]`);

/** The kinds a plan request can come with: a reply about the invoice that neither pays nor contests it. */
const WITH_KINDS: ReadonlySet<MessageKind> = new Set(['other_invoice_related', 'promise']);

/** Where `lower` (the newest part, lower-cased) asks to pay in instalments, or null. */
export function findPlanRequest(lower: string): { start: number; end: number } | null {
  PATTERN.lastIndex = 0;
  for (let tries = 0; tries < 20; tries += 1) {
    const match = PATTERN.exec(lower);
    if (!match) return null;
    if (match.index === 0 || !LETTER.test(lower.charAt(match.index - 1))) return { start: match.index, end: match.index + match[0].length };
    PATTERN.lastIndex = match.index + 1;
  }
  return null;
}

/** Whether a message of this kind and direction is read for a plan request at all. */
export function mayRequestPlan(kind: MessageKind | null, direction: 'sent' | 'received' | 'unknown'): boolean {
  return kind !== null && direction !== 'sent' && WITH_KINDS.has(kind);
}
