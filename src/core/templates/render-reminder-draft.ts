/**
 * Renders a reminder as a plain-text reply draft in the invoice's language. The host adapter puts it
 * in the compose window; the user reads and sends it, so it must read well with any fact missing.
 */
import type { IsoDate, Language, ReminderDraft, ReminderStep, TrackedInvoice } from '../model';
import { compareIsoDates, isValidIsoDate } from '../dates';
import { formatDate, formatMoney, LOCALE_OF_LANGUAGE } from '../format';
import { firstNameOf } from './first-name';
import { replySubject } from './reply-subject';
import type { DraftFacts, ReminderWording } from './wording';
import { ENGLISH } from './wording-en';
import { FRENCH } from './wording-fr';

const WORDING: Readonly<Record<Language, ReminderWording>> = { fr: FRENCH, en: ENGLISH };

export interface ReminderDraftInput {
  invoice: Pick<TrackedInvoice, 'invoiceNumber' | 'amount' | 'currency' | 'issueDate' | 'dueDate' | 'clientEmail' | 'clientName' | 'language' | 'subject'>;
  step: ReminderStep;
  /** Decides the tense of the due date ("arrive à échéance le…" / "arrivée à échéance le…"). */
  today: IsoDate;
  senderName?: string | null;
}

export function renderReminderDraft({ invoice, step, today, senderName }: ReminderDraftInput): ReminderDraft {
  const language = invoice.language;
  const wording = WORDING[language];
  const facts = draftFacts(invoice, today);
  const signature = senderName?.trim() ? `${wording.signOff}\n${senderName.trim()}` : wording.signOff;
  const paragraphs = [wording.greeting(firstNameOf(invoice.clientName)), ...wording.paragraphs[step](facts), signature];
  return {
    step,
    language,
    to: [invoice.clientEmail],
    subject: invoice.subject.trim() ? replySubject(invoice.subject) : wording.newSubject(facts.invoiceNumber),
    bodyText: paragraphs.join('\n\n'),
  };
}

function draftFacts(invoice: ReminderDraftInput['invoice'], today: IsoDate): DraftFacts {
  const language = invoice.language;
  const dueDate = invoice.dueDate !== null && isValidIsoDate(invoice.dueDate) ? invoice.dueDate : null;
  const issueDate = invoice.issueDate !== null && isValidIsoDate(invoice.issueDate) ? invoice.issueDate : null;
  return {
    invoiceNumber: invoice.invoiceNumber.trim() || null,
    amount: formattedAmount(invoice.amount, invoice.currency, language),
    issueDate: issueDate && formatDate(issueDate, language, 'long'),
    dueDate: dueDate && formatDate(dueDate, language, 'long'),
    dueTiming: dueDate === null ? null : timing(compareIsoDates(dueDate, today)),
  };
}

function formattedAmount(amount: number | null, currency: string | null, language: Language): string | null {
  if (amount === null || !Number.isFinite(amount)) return null;
  if (currency === null || currency.trim() === '') {
    // The model pairs them, but a number without a unit is still worth showing.
    return new Intl.NumberFormat(LOCALE_OF_LANGUAGE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  }
  return formatMoney(amount, currency.trim().toUpperCase(), language);
}

function timing(dueComparedToToday: number): DraftFacts['dueTiming'] {
  if (dueComparedToToday === 0) return 'today';
  return dueComparedToToday > 0 ? 'upcoming' : 'passed';
}
