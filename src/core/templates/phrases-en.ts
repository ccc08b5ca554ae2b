/**
 * English (UK) grammar and layout pieces. The legal frame stays French (the creditor is a French
 * freelancer or company), so French terms of art are given in brackets where a court or clerk
 * would look for them.
 */
import type { ChasingStep } from '../chasing/steps';
import { joinWith, type Addressee, type Phrases } from './phrases';

const PERCENT = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const CIVILITY = { madame: 'Ms', monsieur: 'Mr' } as const;

const formalName = ({ civility, lastName }: Addressee): string | null => (civility && lastName ? `${CIVILITY[civility]} ${lastName}` : null);

const NEXT_STEP: Readonly<Record<ChasingStep, readonly [noun: string, action: string]>> = {
  pre_reminder: ['a reminder before the due date', 'I will send you a reminder'],
  first_reminder: ['a first reminder', 'I will send you a reminder'],
  call: ['a phone call', 'I will call you'],
  call_follow_up: ['a written follow-up', 'I will write to you'],
  second_reminder: ['a second reminder', 'I will send you a second reminder'],
  further_reminder: ['a further reminder', 'I will send you a further reminder'],
  formal_notice: ['a formal notice (mise en demeure)', 'I will send you a formal notice (mise en demeure) by registered letter with acknowledgement of receipt'],
  escalation: ['an application to the competent court', 'I will apply to the competent court for an order for payment (injonction de payer)'],
};

export const ENGLISH_PHRASES: Phrases = {
  join: (items) => joinWith(items, 'and'),
  percent: (value) => `${PERCENT.format(value)}%`,
  greeting: (to) => {
    const formal = formalName(to);
    if (formal) return `Dear ${formal},`;
    return to.firstName ? `Hello ${to.firstName},` : 'Hello,';
  },
  formalSalutation: (to) => {
    const formal = formalName(to);
    return formal ? `Dear ${formal},` : 'Dear Sir or Madam,';
  },
  formalClosing: (to) => (formalName(to) ? 'Yours sincerely,' : 'Yours faithfully,'),
  invoiceRef: (numbers) => (numbers.length === 0 ? 'your invoice' : numbers.length === 1 ? `invoice ${numbers[0] ?? ''}` : `invoices ${joinWith(numbers, 'and')}`),
  ofInvoiceRef: (numbers) => (numbers.length === 0 ? 'of your invoice' : numbers.length === 1 ? `of invoice ${numbers[0] ?? ''}` : `of invoices ${joinWith(numbers, 'and')}`),
  invoiceLabel: (numbers) => (numbers.length === 0 ? 'Your invoice' : numbers.length === 1 ? `Invoice ${numbers[0] ?? ''}` : `Invoices ${joinWith(numbers, 'and')}`),
  dueClause: (timing, dueDate) => (timing === 'today' ? ', which falls due today' : timing === 'upcoming' ? `, which falls due on ${dueDate}` : `, which fell due on ${dueDate}`),
  singleInvoiceDetails: (invoice) => {
    if (invoice.amount === null && invoice.dueDate === null && invoice.issueDate === null) return [];
    const lines: string[] = [];
    if (invoice.number) lines.push(`- Invoice: ${invoice.number}${invoice.issueDate ? `, dated ${invoice.issueDate}` : ''}`);
    if (invoice.description) lines.push(`- For: ${invoice.description}`);
    if (invoice.amount) lines.push(`- Amount: ${invoice.amount}`);
    if (invoice.dueDate) lines.push(`- Due date: ${invoice.dueDate}`);
    return lines;
  },
  invoiceListLine: (invoice) => {
    let line = invoice.number ? `- Invoice ${invoice.number}` : '- Invoice';
    if (invoice.issueDate) line += `, dated ${invoice.issueDate}`;
    if (invoice.description) line += ` (${invoice.description})`;
    if (invoice.amount) line += `: ${invoice.amount}`;
    if (invoice.dueDate) line += `${invoice.amount ? ',' : ':'} due on ${invoice.dueDate}`;
    return line;
  },
  totalLine: (total) => `- Total: ${total}`,
  paymentDetails: ({ iban, bic, holder, reference, link }) => {
    const paragraphs: string[] = [];
    if (iban) {
      const lines = ['Payment can be made by bank transfer:', `- IBAN: ${iban}`];
      if (bic) lines.push(`- BIC: ${bic}`);
      if (holder) lines.push(`- Account holder: ${holder}`);
      if (reference) lines.push(`- Reference: ${reference}`);
      paragraphs.push(lines.join('\n'));
      if (link) paragraphs.push(`You can also pay online: ${link}`);
    } else if (link) {
      paragraphs.push(`You can pay online: ${link}\nPayment can also be made by bank transfer to the details shown on the invoice.`);
    } else {
      paragraphs.push('Payment can be made by bank transfer to the details shown on the invoice.');
    }
    return paragraphs.join('\n\n');
  },
  signature: (name, role, company, phone) => {
    const lines = [name, [role, company].filter(Boolean).join(', ') || null, phone].filter((line): line is string => Boolean(line));
    return lines.length > 0 ? lines.join('\n') : null;
  },
  identityBlock: ({ company, person, personFormal, address, siren, phone, email, attention }) => {
    const lines: string[] = [];
    if (company) lines.push(company);
    const who = personFormal ?? person;
    if (who) lines.push(company && attention ? `For the attention of ${who}` : who);
    if (address) lines.push(...address.split('\n'));
    if (siren) lines.push(`SIREN ${siren}`);
    if (phone) lines.push(`Tel. ${phone}`);
    if (email) lines.push(email);
    return lines.length > 0 ? lines.join('\n') : null;
  },
  placeDate: (city, date) => (city ? `${city}, ${date}` : date),
  deadline: (days, date) => (date ? `by ${date} at the latest` : `within ${days ?? 8} days of receipt of this letter`),
  nextStep: (step) => NEXT_STEP[step][0],
  nextStepAction: (step) => NEXT_STEP[step][1],
  previousReminders: (dates) => (dates.length === 1 ? `my reminder of ${dates[0] ?? ''}` : `my reminders of ${joinWith(dates, 'and')}`),
  court: (commercial) => (commercial ? 'the competent commercial court (tribunal de commerce)' : 'the competent court (tribunal judiciaire)'),
  courtName: (commercial) => (commercial ? 'Commercial court (tribunal de commerce)' : 'Civil court (tribunal judiciaire)'),
  period: (from, to) => `from ${from} to ${to}`,
  ratePeriod: (rate, from, to) => `${rate} a year from ${from} to ${to}`,
  fixedIndemnityUnit: '€40',
  breakdown: ({ principal, interest, interestDetail, fixedIndemnity, fixedIndemnityUnit, paid, total, consumer }) => {
    const lines = [`- Principal: ${principal}`];
    if (interest) lines.push(`- ${consumer ? 'Interest at the statutory rate' : 'Late-payment penalties'}: ${interest}${interestDetail ? ` (${interestDetail})` : ''}`);
    if (fixedIndemnity && !consumer) lines.push(`- Fixed indemnity for recovery costs: ${fixedIndemnity} (${fixedIndemnityUnit} per invoice)`);
    if (paid) lines.push(`- Payments already received, deducted: ${paid}`);
    lines.push(`- Total claimed: ${total}`);
    return lines;
  },
  days: (count) => `${count} day${Math.abs(count) === 1 ? '' : 's'}`,
  enclosures: (numbers) => `Enclosed: copy of ${numbers.length > 1 ? `invoices ${joinWith(numbers, 'and')}` : numbers.length === 1 ? `invoice ${numbers[0] ?? ''}` : 'the invoice'}`,
  registeredLetter: 'Registered letter with acknowledgement of receipt (lettre recommandée avec accusé de réception)',
  subjectLabel: 'Subject:',
};
