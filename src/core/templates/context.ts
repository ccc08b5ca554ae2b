/**
 * What a draft is written from: the invoices, the client, the sender, the claim figures and the
 * step's own facts. Amounts are numbers in currency units, dates `YYYY-MM-DD`; everything is
 * formatted for the draft's language by variables.ts. Optional facts may be missing: the draft then
 * leaves out the line that needed them, it never prints "undefined".
 */
import type { DelayCause } from '../chasing/client-profile';
import type { ChasingTone } from '../chasing/next-actions';
import type { ChasingStep } from '../chasing/steps';
import type { Jurisdiction } from '../law/jurisdiction';
import type { IsoDate, Language } from '../model';

/** Why the invoice is not paid, when the user knows: the ladder's `DelayCause`. */
export type DraftCause = DelayCause;
export const DRAFT_CAUSES: readonly DraftCause[] = ['oversight', 'cash_trouble', 'dispute', 'bad_faith', 'unknown'];

/** `business`: a company or a professional (B2B: penalties and the 40 € indemnity); `consumer`: a private person. */
export type ClientKind = 'business' | 'consumer';

export interface DraftInvoice {
  number: string;
  /** Amount still owed, tax included, in `currency` units; null when unknown. */
  amount: number | null;
  /** ISO 4217 code. */
  currency: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** What it was for ("refonte du site"), when known. */
  description?: string | null;
}

export interface DraftClient {
  kind: ClientKind;
  /** Company name (a business client). */
  company?: string | null;
  /** The contact person as the mailbox shows them ("Julien Moreau"). */
  contactName?: string | null;
  /** With `lastName`, greets "Bonjour Madame Martin," instead of by first name. */
  civility?: 'madame' | 'monsieur' | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Postal address, lines separated by "\n". */
  address?: string | null;
  siren?: string | null;
  /**
   * Whether the debtor is a trader or company in a commercial matter (court: tribunal de commerce).
   * False for a non-commercial business (association, liberal profession): tribunal judiciaire.
   * Default: true for a business, irrelevant for a consumer.
   */
  commercial?: boolean | null;
}

/** The user: the creditor and signatory. */
export interface DraftSender {
  name?: string | null;
  company?: string | null;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Postal address, lines separated by "\n". */
  address?: string | null;
  /** The town written before the date of a letter ("Paris, le …"). */
  city?: string | null;
  siren?: string | null;
  iban?: string | null;
  bic?: string | null;
  /** An https:// page where the client can pay. */
  paymentLink?: string | null;
}

/** One stretch of interest at one rate (a half-year of the ECB rate, for instance). */
export interface InterestPeriod {
  from: IsoDate;
  to: IsoDate;
  /** Annual rate in percent (12.15 for 12,15 %). */
  ratePercent: number;
  amount?: number | null;
}

/**
 * The amount claimed in one currency, as the calculator computed it (this module only formats).
 * `total` is taken as given: principal + interest + fixed indemnity − paid.
 */
export interface ClaimFigures {
  currency: string;
  principal: number;
  /** Late-payment penalties (B2B) or legal-rate interest (consumer). */
  interest?: number | null;
  interestPeriods?: InterestPeriod[] | null;
  /** The fixed recovery indemnity (40 € per invoice), B2B only. */
  fixedIndemnity?: number | null;
  /** Partial payments already received, deducted from the total. */
  paid?: number | null;
  total: number;
}

/** What the call brought, for the written follow-up. */
export interface CallNotes {
  date?: IsoDate | null;
  /** The reason the client gave, in the user's words. */
  reason?: string | null;
  /** Anything else agreed, in the user's words. */
  agreement?: string | null;
  promisedDate?: IsoDate | null;
  promisedAmount?: number | null;
  /** A payment plan: instalments in order. Amounts are in the invoices' currency. */
  plan?: Array<{ dueDate: IsoDate; amount: number }> | null;
  nextCallDate?: IsoDate | null;
}

export interface FormalNoticeFacts {
  /** When it was sent (escalation: the proof of the prerequisite). */
  sentOn?: IsoDate | null;
  /** Days to pay from receipt; market practice 8 or 15. Default 8. */
  deadlineDays?: number | null;
  /** A fixed date to pay by, instead of days from receipt. */
  deadlineDate?: IsoDate | null;
}

export interface DraftContext {
  step: ChasingStep;
  language: Language;
  /** The local calendar day the draft is written (the date of a letter). */
  today: IsoDate;
  /** One or several invoices of the same client. */
  invoices: DraftInvoice[];
  client: DraftClient;
  sender?: DraftSender | null;
  /** The claim, one entry per currency. */
  claims?: ClaimFigures[] | null;
  /** The annual penalty rate in percent the second reminder states (agreed rate, or ECB + 10 points). */
  penaltyRatePercent?: number | null;
  /**
   * Whose late-payment law the claim follows (the user's setting penalty.jurisdiction): which
   * articles the draft cites and which fixed indemnity it states. Default FR.
   */
  jurisdiction?: Jurisdiction | null;
  /** Payment terms as agreed ("à 30 jours fin de mois"). */
  paymentTerms?: string | null;
  /** The next step of the ladder and its date, when planned. */
  nextStep?: { step: ChasingStep; date: IsoDate | null } | null;
  /** Dates of the reminders already sent. */
  previousReminders?: IsoDate[] | null;
  call?: CallNotes | null;
  formalNotice?: FormalNoticeFacts | null;
  /** Whether the client disputes the invoice (escalation checklist). */
  disputed?: boolean | null;
  /** The subject of the invoice's mail thread: a reply keeps it ("Re: …"). */
  threadSubject?: string | null;
  /**
   * The register of the wording, as the ladder gives it (`ChasingAction.tone`) or as the user
   * chooses. Default: the step's usual tone (`DEFAULT_TONE_OF_STEP`), made firm for a known bad
   * faith the way the ladder does (`adjustTone`). A tone the step has no wording for falls back to
   * its usual tone (`TONES_OF_STEP`); the draft says which tone it used.
   */
  tone?: ChasingTone | null;
  /**
   * Why the invoice is not paid, when known. `oversight`: the draft supposes a simple oversight and
   * gives the references again; `cash_trouble`: it offers a payment plan; `bad_faith`: it never
   * supposes an oversight; `dispute`: no draft at all (`renderDraft` refuses: settle the dispute first).
   */
  cause?: DraftCause | null;
  /**
   * The ladder's advice codes (`ChasingPlan.advice`). Only `offer_payment_plan` (adds the payment
   * plan paragraph) and `resolve_dispute_first` (refused like the cause `dispute`) change the
   * draft; the others are for the user (e.g. `ask_deposit_on_future_work`) and never reach the
   * client. Unknown codes are ignored.
   */
  advice?: readonly string[] | null;
}
