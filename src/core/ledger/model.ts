/**
 * What the ledger keeps (issue 5 "Model"): clients, invoices, the user's settings and templates.
 * The logbook's events are in events.ts. Stored records hold facts only: an invoice's status,
 * outstanding amount, ladder step and next action are derived from its events (derive.ts).
 *
 * Amounts are in currency units (1234.56), at most 2 decimals; dates are `IsoDate` calendar days;
 * instants are ISO 8601 strings; emails are lower-cased. Checks: validate.ts.
 */
import type { ChasingSettingsOverride, ClientFlag, DelayCause } from '../chasing';
import type { EndOfMonthMethod } from '../dates';
import type { Jurisdiction, RateBasis, RateOverride, TermsInput } from '../law';
import type { IsoDate, Language, ThreadSnapshot, TrackedInvoice } from '../model';
import type { TemplateOverrides } from '../templates/user-templates';
import { CORRECTABLE_FIELDS, type CorrectableField, type EventOf, type InvoiceFactsSnapshot, type LedgerEvent } from './events';

// ---- clients ----------------------------------------------------------------------------------

export interface Client {
  /** Storage key (see `clientIdForEmail` for the id given to a client found by its address). */
  id: string;
  name: string;
  /** Lower-cased, the main address first. At least one. */
  emails: string[];
  phone: string | null;
  /** The language drafts to this client are written in. */
  language: Language;
  /** ISO 3166-1 alpha-2 (`FR`, `GB`), null when unknown. */
  country: string | null;
  /** False when the client is a consumer (shorter prescription, no fixed indemnity, legal rate only). */
  b2b: boolean;
  /** The profile flags the ladder adapts to (long-standing, key account, known difficulty). */
  flags: ClientFlag[];
  notes: string;
  /** The ladder's delays for this client, over the user's (`resolveSettings`); null: the user's. */
  chasing: ChasingSettingsOverride | null;
  /** The late-payment law to apply for this client, when not the settings' one. */
  jurisdiction: Jurisdiction | null;
  /** ISO 8601 instant the client was created. */
  createdAt: string;
}

/** The id of a client first seen by its address: stable, so creating it twice is idempotent. */
export function clientIdForEmail(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

// ---- invoices ---------------------------------------------------------------------------------

/** How the invoice entered the ledger. */
export type InvoiceSource =
  /** Read from a thread by the detection engine, tracked by the user. */
  | 'detected'
  /** Typed in by the user. */
  | 'entered'
  /** From a file (the CLI's `relance-ledger-scan`, a backup). */
  | 'imported';

/**
 * A message that proves the invoice (the invoice mail, a reminder, a payment notice…). From a
 * mailbox: host, account, thread and message ids. From a file (the CLI's scan): `host: 'file'`,
 * the file label (`takeout.mbox#0`) and the Message-ID header.
 */
export interface InvoiceProof {
  host: ThreadSnapshot['host'] | 'file';
  /** The mailbox owner, null when unknown (and for a file). */
  account: string | null;
  threadId: string | null;
  messageId: string | null;
  /** `file` proofs: the scan's label of the message (`takeout.mbox#0`, `messages/0001.eml`). */
  file?: string;
  /** What the message is, as the engine classified it (`invoice_sent`, `reminder`, `payment_notice`…). */
  kind?: string;
  /** The message's date (ISO 8601 instant or mailbox local date-time), null when unknown. */
  date?: string | null;
  /** The amount that message states, null when none. */
  amount?: number | null;
}

/** What the CLI's scan said about an imported invoice, kept for the user to confirm. */
export interface ImportHint {
  format: 'relance-ledger-scan';
  version: 1;
  generatedAt: string;
  statusHint: 'paid' | 'disputed' | 'promised' | 'open';
}

/**
 * An invoice in the ledger: every field of the skeleton's `TrackedInvoice` under the same name (a
 * v1 record maps with `ledgerInvoiceFromV1`), plus the client, the source, the proofs, the split of
 * the amount and the terms as structured data. `host`, `threadId` are the main proof's (null for an
 * invoice typed in or imported from a file).
 */
export interface LedgerInvoice extends Omit<TrackedInvoice, 'host' | 'threadId'> {
  host: ThreadSnapshot['host'] | null;
  threadId: string | null;
  clientId: string;
  source: InvoiceSource;
  /** Every message known about the invoice, oldest first. */
  proofs: InvoiceProof[];
  /** Total excluding tax, when the invoice gives it. `amount` stays the total to pay. */
  amountExclTax?: number | null;
  taxAmount?: number | null;
  /** The terms as the law calculators read them; `terms` keeps them as written. */
  paymentTerms?: TermsInput | null;
  /** Date of the service or delivery (the French legal default runs from it). */
  serviceDate?: IsoDate | null;
  /** Why it is late, when the user knows (the ladder adapts to it). */
  cause?: DelayCause | null;
  importHint?: ImportHint | null;
}

/** A skeleton (schema v1) record as a ledger invoice: its thread is its only proof. */
export function ledgerInvoiceFromV1(record: TrackedInvoice, clientId: string = clientIdForEmail(record.clientEmail)): LedgerInvoice {
  return {
    ...record,
    clientId,
    source: 'detected',
    proofs: [{ host: record.host, account: record.account, threadId: record.threadId, messageId: record.messageId }],
  };
}

// ---- corrections ------------------------------------------------------------------------------

export type FactValue = string | number | null;

export function isCorrectableField(field: string): field is CorrectableField {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(field);
}

/** The invoice's current value of a correctable field (absent optional fields read as null). */
export function factOf(invoice: LedgerInvoice, field: CorrectableField): FactValue {
  const value = (invoice as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** The facts of an invoice, for the `facts` of its `tracked` / `detected` event. */
export function factsSnapshot(invoice: LedgerInvoice): InvoiceFactsSnapshot {
  const facts: InvoiceFactsSnapshot = {};
  for (const field of CORRECTABLE_FIELDS) facts[field] = factOf(invoice, field);
  return facts;
}

/**
 * A correction, as the store writes it: the invoice with the new value (so indexes such as the due
 * date follow) and the `correction` event that is its evidence, to append in the same transaction.
 * Null when the value does not change. The caller validates the new invoice (validate.ts).
 */
export function correctInvoice(
  invoice: LedgerInvoice,
  field: CorrectableField,
  to: FactValue,
  when: { at: string; day: IsoDate },
): { invoice: LedgerInvoice; event: EventOf<'correction'> } | null {
  const from = factOf(invoice, field);
  if (from === to) return null;
  return {
    invoice: { ...invoice, [field]: to },
    event: { kind: 'correction', invoiceId: invoice.id, at: when.at, day: when.day, field, from, to },
  };
}

/**
 * The facts the logbook vouches for: the snapshot of the first `tracked` / `detected` event that
 * has one, with every later `correction` applied in chain order. Null when no event carries a
 * snapshot (v1 records). Events must be in chain order.
 */
export function factsFromLogbook(events: readonly LedgerEvent[]): InvoiceFactsSnapshot | null {
  let facts: InvoiceFactsSnapshot | null = null;
  for (const event of events) {
    if ((event.kind === 'tracked' || event.kind === 'detected') && event.facts && facts === null) facts = { ...event.facts };
    else if (event.kind === 'correction' && facts !== null && isCorrectableField(event.field)) facts[event.field] = event.to;
  }
  return facts;
}

/**
 * Fields where the stored invoice disagrees with what its logbook vouches for (a snapshot plus
 * corrections): empty when they agree or when the logbook has no snapshot. With a verified chain,
 * a mismatch means the invoice record was edited outside a correction.
 */
export function factsMismatches(invoice: LedgerInvoice, events: readonly LedgerEvent[]): Array<{ field: CorrectableField; stored: FactValue; logged: FactValue }> {
  const facts = factsFromLogbook(events);
  if (facts === null) return [];
  const mismatches: Array<{ field: CorrectableField; stored: FactValue; logged: FactValue }> = [];
  for (const field of CORRECTABLE_FIELDS) {
    if (!(field in facts)) continue;
    const logged = facts[field] ?? null;
    const stored = factOf(invoice, field);
    if (logged !== stored) mismatches.push({ field, stored, logged });
  }
  return mismatches;
}

// ---- settings ---------------------------------------------------------------------------------

export interface CompanyIdentity {
  /** Trading name as it appears on invoices and letters. */
  name: string;
  /** "EI", "SARL", "Ltd"…, null when not shown. */
  legalForm: string | null;
  /** French SIRET, 14 digits (Luhn-checked), null outside France. */
  siret: string | null;
  /** Intra-community VAT number (`FR` + 11 characters…), null when none. */
  vatNumber: string | null;
  /** Postal address, lines separated by `\n` (the formal notice's letterhead). */
  address: string | null;
  email: string | null;
  phone: string | null;
}

export interface PenaltySettings {
  /** The late-payment law the calculators apply (a client may override it). */
  jurisdiction: Jurisdiction;
  /** A contractual late-payment rate (percent per year) from the terms of sale; null: the legal rate. */
  agreedRatePercent: number | null;
  /** France: `3x_legal_rate` when the terms of sale say so (exclusive with `agreedRatePercent`). */
  rateBasis: RateBasis | null;
  /** How "N jours fin de mois" is counted (the contract's choice). */
  endOfMonthMethod: EndOfMonthMethod;
  /** Reference rates the user entered (periods the tables do not know, or corrections). */
  rateOverrides: RateOverride[];
}

/** 'auto': the browser's language (French for a French browser, English otherwise). */
export type InterfaceLanguage = 'auto' | Language;

export const INTERFACE_LANGUAGES: readonly InterfaceLanguage[] = ['auto', 'fr', 'en'];

/**
 * The daily alerts (issue 6): when the daily notification comes and which Gmail account the badge
 * counts. Optional in `LedgerSettings` (older backups have none): read it with `alertSettingsOf`.
 */
export interface AlertSettings {
  /** Local time of the daily notification, `HH:MM` (24 h); null: no notification. */
  notifyAt: string | null;
  /** The Gmail account (its address) the badge counts; null: every account. */
  badgeAccount: string | null;
}

export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = Object.freeze({ notifyAt: '09:00', badgeAccount: null });

/** `HH:MM`, 00:00 to 23:59. */
export const NOTIFY_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The alert settings, the defaults for what was never saved. */
export function alertSettingsOf(settings: Pick<LedgerSettings, 'alerts'>): AlertSettings {
  return { ...DEFAULT_ALERT_SETTINGS, ...(settings.alerts ?? {}) };
}

export interface LedgerSettings {
  company: CompanyIdentity;
  /** Bank details printed on reminders; the IBAN is stored without spaces, upper-cased. */
  iban: string | null;
  bic: string | null;
  /** An https link where the client can pay. */
  paymentLink: string | null;
  /** The signature appended to drafts. */
  signature: string;
  /** The default language of drafts for new clients (and the interface's when `interfaceLanguage` is auto). */
  language: Language;
  /** The extension's interface language (panel, settings, dashboard); absent or 'auto': the browser's. */
  interfaceLanguage?: InterfaceLanguage;
  /** The user's own mailbox addresses (the CLI's `--me`), lower-cased. */
  ownEmails: string[];
  /** The daily notification's time and the badge's account (`alertSettingsOf` gives the defaults). */
  alerts?: AlertSettings;
  /** The ladder's settings, over `DEFAULT_CHASING_SETTINGS` (only what the user changed). */
  chasing: ChasingSettingsOverride;
  penalty: PenaltySettings;
}

export const DEFAULT_LEDGER_SETTINGS: Readonly<LedgerSettings> = Object.freeze({
  company: Object.freeze({ name: '', legalForm: null, siret: null, vatNumber: null, address: null, email: null, phone: null }),
  iban: null,
  bic: null,
  paymentLink: null,
  signature: '',
  language: 'fr',
  ownEmails: [],
  chasing: {},
  penalty: Object.freeze({ jurisdiction: 'FR', agreedRatePercent: null, rateBasis: null, endOfMonthMethod: 'B', rateOverrides: [] }),
}) as Readonly<LedgerSettings>;

// ---- templates --------------------------------------------------------------------------------

/** The user's edited templates: only the parts they changed (src/core/templates/user-templates.ts). */
export type UserTemplates = TemplateOverrides;
