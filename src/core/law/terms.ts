/**
 * Payment terms -> due date, with the legal defaults and the legal caps (late-payment-law.md 1.1, 1.2,
 * 6, 7).
 *
 * - `net`: N calendar days after the invoice date, the service/delivery date, or the day the debtor
 *   received the invoice (`receipt`). The start day is not counted: invoice 1 March + 30 = 31 March.
 * - `end_of_month`: "N jours fin de mois", method A (+N days, then end of that month) or method B
 *   (end of the invoice month, then +N days). Both are accepted by the DGCCRF; the contract says which.
 * - `on_receipt`: due on the day the invoice is received: `receipt_date` when given, else the invoice
 *   date (as `dueDateFromTerms` in dates.ts).
 * - `due_date`: a date written on the invoice.
 * - Nothing agreed: FR: 30 days after the service/delivery (L441-10 I; the invoice date stands in, with
 *   a warning, when no service date is known). EU/DE/UK: 30 days after the later of the service date
 *   and the invoice's receipt (invoice date when the receipt date is unknown): Directive 2011/7/EU
 *   art. 3(3), BGB §286 Abs. 3, UK 1998 Act s.4.
 * - Caps (business debtors only; warnings, never corrections): FR: more than 60 days from the invoice
 *   date, or more than 45 days end of month; EU/DE/UK: a due date more than 60 days after the invoice
 *   date (valid only if expressly agreed and not grossly unfair).
 */
import { addDays, daysBetween, endOfMonth, isValidIsoDate, type EndOfMonthMethod } from '../dates';
import type { IsoDate } from '../model';
import { invalidInput, type LawWarning } from './errors';
import type { Jurisdiction } from './jurisdiction';

export type NetFrom = 'invoice' | 'service' | 'receipt';

export type TermsInput =
  | { kind: 'net'; days: number; from: NetFrom }
  | { kind: 'end_of_month'; days: number; method: EndOfMonthMethod }
  | { kind: 'due_date'; dueDate: IsoDate }
  | { kind: 'on_receipt' };

export interface DueDateInput {
  jurisdiction: Jurisdiction;
  b2b: boolean;
  /** Needed by every kind of terms but an explicit due date (and then used for the cap check). */
  invoiceDate?: IsoDate | null;
  serviceDate?: IsoDate | null;
  receiptDate?: IsoDate | null;
  /** Null or absent: nothing agreed, the legal default applies. */
  terms?: TermsInput | null;
}

export interface DueDateResult {
  dueDate: IsoDate;
  /** How the date was reached, in words ("45 days end of month, method B, from the invoice of 2025-01-15"). */
  basis: string;
  warnings: LawWarning[];
}

export const LEGAL_DEFAULT_DAYS = 30;
export const CAP_DAYS = 60;
export const FR_CAP_END_OF_MONTH_DAYS = 45;
const MAX_TERM_DAYS = 3650;

export function dueDateOf(input: DueDateInput): DueDateResult {
  const invoiceDate = optionalDate(input.invoiceDate, 'invoice_date');
  const serviceDate = optionalDate(input.serviceDate, 'service_date');
  const receiptDate = optionalDate(input.receiptDate, 'receipt_date');
  const terms = input.terms ?? null;
  const warnings: LawWarning[] = [];
  const needInvoice = (why: string): IsoDate => invoiceDate ?? invalidInput(`invoice_date is required ${why}`, 'invoice_date');

  let dueDate: IsoDate;
  let basis: string;
  if (terms === null) {
    if (input.jurisdiction === 'FR') {
      if (serviceDate) {
        dueDate = addDays(serviceDate, LEGAL_DEFAULT_DAYS);
        basis = `no terms agreed: ${LEGAL_DEFAULT_DAYS} days after the service/delivery of ${serviceDate} (C. com. L441-10 I)`;
      } else {
        const from = needInvoice('when neither terms nor service_date are given');
        dueDate = addDays(from, LEGAL_DEFAULT_DAYS);
        basis = `no terms agreed: ${LEGAL_DEFAULT_DAYS} days after the invoice date ${from} (service date unknown)`;
        warnings.push({
          code: 'default_terms_without_service_date',
          message: `no terms and no service_date: the French default (30 days after the service or delivery, L441-10 I) was counted from the invoice date ${from}; give service_date for the exact due date`,
        });
      }
    } else {
      const notice = receiptDate ?? needInvoice('when neither terms nor receipt_date are given');
      const from = serviceDate && serviceDate > notice ? serviceDate : notice;
      dueDate = addDays(from, LEGAL_DEFAULT_DAYS);
      basis = `no terms agreed: ${LEGAL_DEFAULT_DAYS} days after ${from === serviceDate ? 'the service/delivery' : receiptDate ? 'receipt of the invoice' : 'the invoice date'} of ${from}`;
    }
    warnings.push({ code: 'default_terms', message: `no payment terms given: legal default used (${basis})` });
    return { dueDate, basis, warnings };
  }

  switch (terms.kind) {
    case 'net': {
      const days = termDays(terms.days);
      const from =
        terms.from === 'invoice'
          ? needInvoice('for terms counted from the invoice')
          : terms.from === 'service'
            ? (serviceDate ?? invalidInput('service_date is required when the terms run from the service/delivery', 'service_date'))
            : (receiptDate ?? invalidInput('receipt_date is required when the terms run from receipt of the invoice', 'receipt_date'));
      dueDate = addDays(from, days);
      basis = `${days} days after the ${terms.from === 'invoice' ? 'invoice date' : terms.from === 'service' ? 'service/delivery' : 'receipt of the invoice'} of ${from}`;
      if (input.b2b && input.jurisdiction === 'FR') {
        // The 60-day cap runs from the invoice date, whatever the terms count from.
        const fromInvoice = invoiceDate ? daysBetween(invoiceDate, dueDate) : days;
        if (days > CAP_DAYS || fromInvoice > CAP_DAYS) warnings.push(frCapWarning(terms.from === 'invoice' ? `${days} days` : `${days} days after the ${terms.from === 'service' ? 'service' : 'receipt'} (due ${dueDate}, ${fromInvoice} days after the invoice date)`));
      }
      break;
    }
    case 'end_of_month': {
      const days = termDays(terms.days);
      const from = needInvoice('for end-of-month terms');
      dueDate = terms.method === 'A' ? endOfMonth(addDays(from, days)) : addDays(endOfMonth(from), days);
      basis =
        terms.method === 'A'
          ? `${days} days end of month, method A (invoice date ${from} + ${days} days, then end of that month)`
          : `${days} days end of month, method B (end of the invoice month ${endOfMonth(from)}, then + ${days} days)`;
      if (input.b2b && input.jurisdiction === 'FR' && days > FR_CAP_END_OF_MONTH_DAYS) warnings.push(frCapWarning(`${days} days end of month`));
      break;
    }
    case 'on_receipt':
      dueDate = receiptDate ?? needInvoice('for terms payable on receipt (or give receipt_date)');
      basis = receiptDate ? `payable on receipt of the invoice (${receiptDate})` : `payable on receipt, taken as the invoice date ${dueDate}`;
      break;
    case 'due_date':
      dueDate = optionalDate(terms.dueDate, 'terms.due_date') ?? invalidInput('terms.due_date is required', 'terms');
      basis = `due date agreed: ${dueDate}`;
      if (input.b2b && input.jurisdiction === 'FR' && invoiceDate) {
        const overSixty = daysBetween(invoiceDate, dueDate) > CAP_DAYS;
        // The most generous reading of "45 days end of month" (method A) is still allowed.
        const overEndOfMonth = dueDate > endOfMonth(addDays(invoiceDate, FR_CAP_END_OF_MONTH_DAYS));
        if (overSixty && overEndOfMonth) warnings.push(frCapWarning(`${daysBetween(invoiceDate, dueDate)} days (due ${dueDate})`));
      }
      break;
  }

  if (input.b2b && input.jurisdiction !== 'FR' && invoiceDate && daysBetween(invoiceDate, dueDate) > CAP_DAYS) {
    warnings.push({
      code: 'terms_exceed_cap',
      message: `payment terms of ${daysBetween(invoiceDate, dueDate)} days from the invoice date exceed ${CAP_DAYS} days: valid only if expressly agreed and not grossly unfair to the creditor (${CAP_REFERENCE[input.jurisdiction]})`,
    });
  }
  return { dueDate, basis, warnings };
}

const CAP_REFERENCE: Readonly<Record<Jurisdiction, string>> = {
  FR: 'C. com. L441-10 I',
  EU: 'Directive 2011/7/EU art. 3(5)',
  DE: 'BGB §271a',
  UK: 'Late Payment of Commercial Debts (Interest) Act 1998 as amended in 2013',
};

function frCapWarning(what: string): LawWarning {
  return {
    code: 'terms_exceed_cap',
    message: `agreed payment terms of ${what} exceed the French cap (C. com. L441-10 I): at most 60 days from the invoice date, or 45 days end of month if expressly agreed; the due date is kept as agreed`,
  };
}

function termDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > MAX_TERM_DAYS) invalidInput(`terms.days must be a whole number of days from 0 to ${MAX_TERM_DAYS}, got ${String(days)}`, 'terms');
  return days;
}

function optionalDate(value: IsoDate | null | undefined, field: string): IsoDate | null {
  if (value === null || value === undefined) return null;
  if (!isValidIsoDate(value)) invalidInput(`${field} is not a real calendar date (YYYY-MM-DD): "${value}"`, field);
  return value;
}
