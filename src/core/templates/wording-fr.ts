/**
 * French reminder wording. Pre-reminder: informative and courteous (references, amount, due date,
 * how to pay). First reminder: friendly, assumes an oversight, asks for a date — never "retard".
 */
import type { DraftFacts, ReminderWording } from './wording';
import { recapBlock } from './wording';

const invoiceRef = ({ invoiceNumber }: DraftFacts): string => (invoiceNumber ? `la facture n° ${invoiceNumber}` : 'votre facture');

function dueClause({ dueTiming, dueDate }: DraftFacts): string {
  if (dueDate === null || dueTiming === null) return '';
  if (dueTiming === 'today') return ", qui arrive à échéance aujourd'hui";
  return dueTiming === 'upcoming' ? `, qui arrive à échéance le ${dueDate}` : `, arrivée à échéance le ${dueDate}`;
}

function recap(facts: DraftFacts): string[] {
  const invoice = facts.invoiceNumber && `n° ${facts.invoiceNumber}${facts.issueDate ? ` du ${facts.issueDate}` : ''}`;
  return recapBlock(facts, [
    ['Facture : ', invoice || null],
    ['Montant : ', facts.amount],
    ['Échéance : ', facts.dueDate],
  ]);
}

const HOW_TO_PAY = 'Le règlement peut se faire par virement bancaire, aux coordonnées indiquées sur la facture.';
const QUESTIONS = "N'hésitez pas à me contacter si vous avez la moindre question.";

export const FRENCH: ReminderWording = {
  greeting: (firstName) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,'),
  paragraphs: {
    pre_reminder: (facts) => [
      `Je me permets de vous adresser ce petit message au sujet de ${invoiceRef(facts)}${dueClause(facts)}.`,
      ...recap(facts),
      HOW_TO_PAY,
      `Si le règlement est déjà programmé, merci de ne pas tenir compte de ce message. ${QUESTIONS}`,
    ],
    first_reminder: (facts) => [
      `Sauf erreur de ma part, je n'ai pas encore reçu le règlement de ${invoiceRef(facts)}${dueClause(facts)}. Il s'agit probablement d'un simple oubli.`,
      ...recap(facts),
      `Pourriez-vous m'indiquer à quelle date le paiement pourra être effectué ? Pour rappel, il peut se faire par virement bancaire, aux coordonnées indiquées sur la facture.`,
      `Si le règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message. ${QUESTIONS}`,
    ],
  },
  signOff: 'Bien cordialement,',
  newSubject: (invoiceNumber) => (invoiceNumber ? `Facture n° ${invoiceNumber}` : 'Votre facture'),
};
