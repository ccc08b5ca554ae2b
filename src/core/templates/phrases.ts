/**
 * The pieces of wording that depend on grammar or layout rather than on a template's choice of
 * words: greetings, "la facture n° X" vs "les factures n° X et Y", invoice recaps, identity blocks,
 * the claim breakdown. Each language provides them once; templates use them as variables.
 * Every input here is already formatted (money, dates) for the language.
 */
import type { ChasingStep } from '../chasing/steps';

export type Civility = 'madame' | 'monsieur';

export interface Addressee {
  firstName: string | null;
  civility: Civility | null;
  lastName: string | null;
}

/** An invoice with its facts formatted; null when unknown. */
export interface InvoiceLine {
  number: string | null;
  amount: string | null;
  issueDate: string | null;
  dueDate: string | null;
  description: string | null;
}

export interface PaymentFacts {
  iban: string | null;
  bic: string | null;
  holder: string | null;
  reference: string | null;
  link: string | null;
}

export interface IdentityFacts {
  company: string | null;
  person: string | null;
  /** "Madame Martin" style, for the attention line. */
  personFormal: string | null;
  address: string | null;
  siren: string | null;
  phone: string | null;
  email: string | null;
  /** Recipient block: the person as "À l'attention de …" under the company. */
  attention: boolean;
}

export interface BreakdownFacts {
  principal: string;
  interest: string | null;
  /** "12,15 % l'an du … au …" pieces, one per period. */
  interestDetail: string | null;
  fixedIndemnity: string | null;
  /** The fixed indemnity per invoice under the claim's law ("40 €"; "£70" in the UK). */
  fixedIndemnityUnit: string;
  paid: string | null;
  total: string;
  consumer: boolean;
}

export type DueTiming = 'upcoming' | 'today' | 'passed';

export interface Phrases {
  /** "a, b et c". */
  join(items: readonly string[]): string;
  percent(value: number): string;
  greeting(to: Addressee): string;
  formalSalutation(to: Addressee): string;
  formalClosing(to: Addressee): string;
  /** "la facture n° X" / "les factures n° X et Y" / "votre facture". */
  invoiceRef(numbers: readonly string[]): string;
  /** "de la facture n° X" / "des factures n° X et Y" (French contraction; English "of invoice X"). */
  ofInvoiceRef(numbers: readonly string[]): string;
  /** A title: "Facture n° X" / "Factures n° X et Y" / "Votre facture". */
  invoiceLabel(numbers: readonly string[]): string;
  /** ", qui arrive à échéance le …" for one invoice. */
  dueClause(timing: DueTiming, dueDate: string): string;
  /** Recap lines of one invoice ("- Montant : …"); empty when only the number is known. */
  singleInvoiceDetails(invoice: InvoiceLine): string[];
  /** One recap line per invoice when there are several. */
  invoiceListLine(invoice: InvoiceLine): string;
  totalLine(total: string): string;
  paymentDetails(facts: PaymentFacts): string;
  signature(name: string | null, role: string | null, company: string | null, phone: string | null): string | null;
  identityBlock(identity: IdentityFacts): string | null;
  placeDate(city: string | null, date: string): string;
  deadline(days: number | null, date: string | null): string;
  /** "une mise en demeure". */
  nextStep(step: ChasingStep): string;
  /** "je vous adresserai une mise en demeure par lettre recommandée avec accusé de réception". */
  nextStepAction(step: ChasingStep): string;
  /** "ma relance du 2 décembre 2026" / "mes relances du … et du …". */
  previousReminders(dates: readonly string[]): string;
  /** The court for an injonction de payer: with its article ("le tribunal de commerce compétent") and as a name. */
  court(commercial: boolean): string;
  courtName(commercial: boolean): string;
  /** "du 24 novembre 2026 au 19 janvier 2027". */
  period(from: string, to: string): string;
  /** One period of interest: "12,15 % l'an du … au …". */
  ratePeriod(rate: string, from: string, to: string): string;
  /** The fixed indemnity per invoice as prose ("40 €"). */
  fixedIndemnityUnit: string;
  breakdown(facts: BreakdownFacts): string[];
  /** "1 jour" / "12 jours". */
  days(count: number): string;
  /** The attachment line of a formal notice letter: "P. J. : copie de la facture n° X". */
  enclosures(numbers: readonly string[]): string;
  /** "Lettre recommandée avec accusé de réception". */
  registeredLetter: string;
  /** "Objet :" */
  subjectLabel: string;
}

/** "a", "a et b", "a, b et c". */
export function joinWith(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}
