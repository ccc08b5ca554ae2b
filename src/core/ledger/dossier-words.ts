/**
 * The ledger in words, French and English: statuses, steps, event kinds, and each logbook event
 * as a sentence (for the dossier's timeline and the accountant's CSV). Plain text: callers escape
 * it for HTML. Values come from the logbook as recorded (mail-derived text included): quoted, never
 * interpreted.
 */
import type { ChasingStatus, ChasingStep } from '../chasing';
import { isValidIsoDate } from '../dates';
import { formatDate, formatMoney } from '../format';
import type { IsoDate, Language } from '../model';
import type { CallOutcome, EscalationRoute, LedgerEvent, LedgerEventKind } from './events';

type Words<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export const STATUS_WORDS: Words<ChasingStatus> = {
  fr: {
    no_due_date: 'sans échéance',
    not_due: 'non échue',
    due_soon: 'bientôt échue',
    overdue: 'en retard',
    promised: 'promesse de paiement',
    on_plan: 'échéancier en cours',
    disputed: 'contestée',
    formal_notice_sent: 'mise en demeure envoyée',
    escalated: 'procédure engagée',
    paid: 'payée',
    written_off: 'passée en perte',
  },
  en: {
    no_due_date: 'no due date',
    not_due: 'not due',
    due_soon: 'due soon',
    overdue: 'overdue',
    promised: 'payment promised',
    on_plan: 'on a payment plan',
    disputed: 'disputed',
    formal_notice_sent: 'formal notice sent',
    escalated: 'procedure started',
    paid: 'paid',
    written_off: 'written off',
  },
};

export const STEP_WORDS: Words<ChasingStep> = {
  fr: {
    pre_reminder: 'pré-relance',
    first_reminder: 'première relance amicale',
    call: 'appel téléphonique',
    call_follow_up: 'confirmation écrite de l’appel',
    second_reminder: 'deuxième relance',
    further_reminder: 'nouvelle relance',
    formal_notice: 'mise en demeure',
    escalation: 'procédure de recouvrement',
  },
  en: {
    pre_reminder: 'pre-reminder',
    first_reminder: 'friendly first reminder',
    call: 'phone call',
    call_follow_up: 'written follow-up of the call',
    second_reminder: 'second reminder',
    further_reminder: 'further reminder',
    formal_notice: 'formal notice',
    escalation: 'collection procedure',
  },
};

export const EVENT_KIND_WORDS: Words<LedgerEventKind> = {
  fr: {
    detected: 'facture détectée',
    tracked: 'facture suivie',
    reminder_drafted: 'relance préparée',
    reminder_sent: 'relance envoyée',
    call: 'appel',
    visit: 'visite',
    letter: 'courrier',
    promise: 'promesse de paiement',
    partial_payment: 'paiement partiel',
    payment: 'paiement',
    dispute_opened: 'contestation',
    dispute_resolved: 'contestation résolue',
    payment_plan: 'échéancier',
    debt_acknowledged: 'reconnaissance de dette',
    formal_notice: 'mise en demeure',
    escalation: 'procédure engagée',
    write_off: 'passage en perte',
    note: 'note',
    correction: 'correction',
  },
  en: {
    detected: 'invoice detected',
    tracked: 'invoice tracked',
    reminder_drafted: 'reminder drafted',
    reminder_sent: 'reminder sent',
    call: 'call',
    visit: 'visit',
    letter: 'letter',
    promise: 'promise to pay',
    partial_payment: 'partial payment',
    payment: 'payment',
    dispute_opened: 'dispute',
    dispute_resolved: 'dispute resolved',
    payment_plan: 'payment plan',
    debt_acknowledged: 'debt acknowledged',
    formal_notice: 'formal notice',
    escalation: 'procedure started',
    write_off: 'written off',
    note: 'note',
    correction: 'correction',
  },
};

export const ROUTE_WORDS: Words<EscalationRoute> = {
  fr: {
    business_mediator: 'médiateur des entreprises',
    injonction_de_payer: 'injonction de payer',
    refere_provision: 'référé-provision',
    small_claims_procedure: 'procédure simplifiée de recouvrement des petites créances',
    collection_agency: 'société de recouvrement',
  },
  en: {
    business_mediator: 'business mediator',
    injonction_de_payer: 'order for payment (injonction de payer)',
    refere_provision: 'summary proceedings for an interim payment (référé-provision)',
    small_claims_procedure: 'small claims procedure',
    collection_agency: 'collection agency',
  },
};

const OUTCOME_WORDS: Words<CallOutcome> = {
  fr: { answered: 'a répondu', no_answer: 'pas de réponse', voicemail: 'message laissé sur le répondeur' },
  en: { answered: 'answered', no_answer: 'no answer', voicemail: 'voicemail left' },
};

/** "25 mars 2026" / "25 March 2026"; a value that is not a date is shown as it is. */
export function dayWords(day: string, language: Language): string {
  return isValidIsoDate(day) ? formatDate(day as IsoDate, language, 'long') : day;
}

/** "1 200,00 €" / "€1,200.00"; without a currency, the number alone. */
export function moneyWords(amount: number, currency: string | null, language: Language): string {
  if (currency) return formatMoney(amount, currency, language);
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

const quote = (text: string, language: Language): string => (language === 'fr' ? `« ${text} »` : `“${text}”`);
const colon = (language: Language): string => (language === 'fr' ? ' : ' : ': ');

/** One logbook event as a sentence (without its day, which the timeline shows beside it). */
export function describeEvent(event: LedgerEvent, language: Language, currency: string | null): string {
  const fr = language === 'fr';
  const day = (value: string) => dayWords(value, language);
  const money = (amount: number) => moneyWords(amount, currency, language);
  const q = (text: string) => quote(text, language);
  const c = colon(language);
  const message = (id: string | null | undefined) => (id ? (fr ? ` (message ${id})` : ` (message ${id})`) : '');
  switch (event.kind) {
    case 'detected':
      return (fr ? 'Facture détectée dans la messagerie' : 'Invoice detected in the mailbox') + message(event.messageId);
    case 'tracked':
      return fr ? 'Facture enregistrée dans le suivi' : 'Invoice entered in the ledger';
    case 'reminder_drafted':
      return (fr ? 'Brouillon préparé' : 'Draft prepared') + c + STEP_WORDS[language][event.step];
    case 'reminder_sent':
      return (fr ? 'Relance envoyée' : 'Reminder sent') + c + STEP_WORDS[language][event.step] + message(event.messageId);
    case 'call': {
      const time = event.calledAt.slice(11, 16);
      const parts = [
        fr ? `Appel du ${day(event.calledAt.slice(0, 10))} à ${time} avec ${event.who}${event.phone ? ` (${event.phone})` : ''}${c}${OUTCOME_WORDS.fr[event.outcome]}` : `Call on ${day(event.calledAt.slice(0, 10))} at ${time} with ${event.who}${event.phone ? ` (${event.phone})` : ''}${c}${OUTCOME_WORDS.en[event.outcome]}`,
      ];
      if (event.said) parts.push((fr ? 'Propos' : 'Said') + c + q(event.said));
      if (event.promisedDate || event.promisedAmount !== undefined) {
        const amount = event.promisedAmount !== undefined ? ` ${fr ? 'de' : 'of'} ${money(event.promisedAmount)}` : '';
        const when = event.promisedDate ? ` ${fr ? 'pour le' : 'for'} ${day(event.promisedDate)}` : '';
        parts.push(fr ? `Promesse de paiement${amount}${when}` : `Promise to pay${amount}${when}`);
      }
      parts.push((fr ? 'Prochain appel convenu le ' : 'Next call agreed for ') + day(event.nextCallDate));
      return parts.join('. ');
    }
    case 'visit':
      return (fr ? `Visite à ${event.who}` : `Visit to ${event.who}`) + (event.said ? `. ${fr ? 'Propos' : 'Said'}${c}${q(event.said)}` : '');
    case 'letter': {
      const kind = event.registered ? (fr ? 'Lettre recommandée avec accusé de réception' : 'Registered letter with acknowledgement of receipt') : fr ? 'Courrier postal' : 'Letter by post';
      const parts = [kind + (event.step ? c + STEP_WORDS[language][event.step] : '')];
      if (event.trackingNumber) parts.push((fr ? 'N° de suivi ' : 'Tracking number ') + event.trackingNumber);
      if (event.acknowledgedOn) parts.push((fr ? 'Accusé de réception signé le ' : 'Receipt acknowledged on ') + day(event.acknowledgedOn));
      return parts.join('. ');
    }
    case 'promise':
      return fr
        ? `Promesse de paiement${event.amount !== undefined ? ` de ${money(event.amount)}` : ''} pour le ${day(event.promisedDate)}`
        : `Promise to pay${event.amount !== undefined ? ` ${money(event.amount)}` : ''} by ${day(event.promisedDate)}`;
    case 'partial_payment':
      return fr ? `Paiement partiel de ${money(event.amount)} reçu le ${day(event.paidOn)}` : `Partial payment of ${money(event.amount)} received on ${day(event.paidOn)}`;
    case 'payment':
      return fr
        ? `Paiement du solde reçu le ${day(event.paidOn)}${event.amount !== undefined ? ` (${money(event.amount)})` : ''}`
        : `Payment in full received on ${day(event.paidOn)}${event.amount !== undefined ? ` (${money(event.amount)})` : ''}`;
    case 'dispute_opened':
      return (fr ? 'Contestation du client' : 'Dispute raised by the client') + c + q(event.reason);
    case 'dispute_resolved':
      return (fr ? 'Contestation résolue' : 'Dispute resolved') + c + q(event.resolution);
    case 'payment_plan': {
      const item = (instalment: { dueDate: string; amount: number }) => `${money(instalment.amount)} ${fr ? 'le' : 'on'} ${day(instalment.dueDate)}`;
      const deposit = event.deposit ? `${fr ? 'acompte de' : 'deposit of'} ${item(event.deposit)}; ` : '';
      return `${fr ? 'Échéancier convenu' : 'Payment plan agreed'}${c}${deposit}${event.instalments.length} ${fr ? 'échéance(s)' : 'instalment(s)'}${c}${event.instalments.map(item).join(', ')}`;
    }
    case 'debt_acknowledged':
      return fr ? 'Reconnaissance de dette écrite du débiteur (interrompt la prescription, C. civ. art. 2240)' : 'Written acknowledgement of the debt by the debtor (interrupts prescription, French Civil Code art. 2240)';
    case 'formal_notice':
      return fr ? `Mise en demeure envoyée le ${day(event.sentOn)}, délai de paiement jusqu’au ${day(event.deadline)}` : `Formal notice sent on ${day(event.sentOn)}, payment deadline ${day(event.deadline)}`;
    case 'escalation':
      return fr ? `Procédure engagée le ${day(event.filedOn)}${c}${ROUTE_WORDS.fr[event.route]}` : `Procedure started on ${day(event.filedOn)}${c}${ROUTE_WORDS.en[event.route]}`;
    case 'write_off':
      return (fr ? 'Créance passée en perte' : 'Written off') + c + q(event.reason);
    case 'note':
      return (fr ? 'Note' : 'Note') + c + q(event.text);
    case 'correction': {
      const value = (v: string | number | null) => (v === null ? (fr ? '(vide)' : '(empty)') : q(String(v)));
      return `${fr ? 'Correction de' : 'Correction of'} ${event.field}${c}${value(event.from)} → ${value(event.to)}`;
    }
  }
}
