/**
 * English (UK) reminder wording, same structure as the French: an informative pre-reminder and a
 * friendly first reminder that assumes an oversight — never "late" or "overdue".
 */
import type { DraftFacts, ReminderWording } from './wording';
import { recapBlock } from './wording';

const invoiceRef = ({ invoiceNumber }: DraftFacts): string => (invoiceNumber ? `invoice ${invoiceNumber}` : 'your invoice');

function dueClause({ dueTiming, dueDate }: DraftFacts): string {
  if (dueDate === null || dueTiming === null) return '';
  if (dueTiming === 'today') return ', which falls due today';
  return dueTiming === 'upcoming' ? `, which falls due on ${dueDate}` : `, which fell due on ${dueDate}`;
}

function recap(facts: DraftFacts): string[] {
  const invoice = facts.invoiceNumber && `${facts.invoiceNumber}${facts.issueDate ? `, dated ${facts.issueDate}` : ''}`;
  return recapBlock(facts, [
    ['Invoice: ', invoice || null],
    ['Amount: ', facts.amount],
    ['Due date: ', facts.dueDate],
  ]);
}

const HOW_TO_PAY = 'Payment can be made by bank transfer to the details shown on the invoice.';
const QUESTIONS = 'Please do not hesitate to get in touch if you have any questions.';

export const ENGLISH: ReminderWording = {
  greeting: (firstName) => (firstName ? `Hello ${firstName},` : 'Hello,'),
  paragraphs: {
    pre_reminder: (facts) => [
      `I hope you are well. This is a quick note about ${invoiceRef(facts)}${dueClause(facts)}.`,
      ...recap(facts),
      HOW_TO_PAY,
      `If payment is already scheduled, please disregard this message. ${QUESTIONS}`,
    ],
    first_reminder: (facts) => [
      `I hope you are well. According to my records, I have not yet received payment for ${invoiceRef(facts)}${dueClause(facts)}. It has most likely just been overlooked.`,
      ...recap(facts),
      `Could you let me know when payment will be made? As a reminder, it can be made by bank transfer to the details shown on the invoice.`,
      `If payment has already been made, please disregard this message. ${QUESTIONS}`,
    ],
  },
  signOff: 'Kind regards,',
  newSubject: (invoiceNumber) => (invoiceNumber ? `Invoice ${invoiceNumber}` : 'Your invoice'),
};
