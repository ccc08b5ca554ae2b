/**
 * Every string the panel shows, in French (first) and English. Amounts and dates are formatted with
 * Intl (core/format.ts), never by hand. A missing English key is a type error.
 */
import type { Language } from '../core/model';

const fr = {
  appTitle: 'Relance',
  noThread: 'Ouvrez un fil dans Gmail : Relance affichera ici la facture qu’il y lit.',
  unreadable: 'Relance n’a pas pu lire ce fil. Gmail a peut-être changé d’apparence ; le reste de Gmail n’est pas touché.',
  noInvoice: 'Aucune facture envoyée par vous n’a été trouvée dans ce fil. Rien n’est enregistré.',
  noReadableMessage: 'Le message de la facture est replié : dépliez-le (ou « Tout développer ») pour que Relance le lise.',
  fieldClient: 'Client',
  fieldInvoice: 'Facture',
  fieldAmount: 'Montant',
  fieldDueDate: 'Échéance',
  fieldStatus: 'Situation',
  fieldIssueDate: 'Date de facture',
  fieldClientName: 'Nom du client',
  fieldClientEmail: 'E-mail du client',
  fieldCurrency: 'Devise',
  correct: 'Corriger',
  saveCorrections: 'Valider',
  cancel: 'Annuler',
  correctedByYou: '(corrigé par vous)',
  evidenceBody: 'Lu dans le message',
  evidenceSubject: 'Lu dans l’objet',
  evidenceAttachment: 'Lu dans le nom de la pièce jointe',
  invalidEmail: 'Adresse e-mail invalide',
  invalidAmount: 'Montant invalide (par exemple 1 234,56)',
  invalidCurrency: 'Code de devise en 3 lettres (EUR, GBP…)',
  required: 'Obligatoire',
  unknown: 'non trouvé',
  dueInDays: 'à échoir dans {n} jours',
  dueInOneDay: 'à échoir demain',
  dueToday: 'échéance aujourd’hui',
  pastDueDays: 'échue depuis {n} jours',
  pastDueOneDay: 'échue depuis hier',
  noDueDate: 'échéance inconnue',
  track: 'Suivre cette facture',
  tracking: 'Enregistrement…',
  tracked: 'Facture suivie',
  draftReminder: 'Préparer la relance ({step})',
  drafting: 'Préparation du brouillon…',
  draftReady: 'Brouillon prêt dans Gmail : relisez-le et envoyez-le vous-même.',
  step_pre_reminder: 'pré-relance',
  step_first_reminder: 'première relance amicale',
  step_call: 'appel téléphonique',
  step_call_follow_up: 'confirmation écrite de l’appel',
  step_second_reminder: 'deuxième relance',
  step_further_reminder: 'nouvelle relance',
  step_formal_notice: 'mise en demeure',
  step_escalation: 'injonction de payer ou médiation',
  logbook: 'Journal',
  event_tracked: 'Suivi commencé',
  event_reminder_drafted: 'Relance préparée ({step})',
  actionFailed: 'L’action n’a pas abouti : {reason}',
  localOnly: 'Vos données restent dans ce navigateur.',
};

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  appTitle: 'Relance',
  noThread: 'Open a thread in Gmail: Relance will show the invoice it reads there.',
  unreadable: 'Relance could not read this thread. Gmail may have changed its layout; the rest of Gmail is not affected.',
  noInvoice: 'No invoice sent by you was found in this thread. Nothing is stored.',
  noReadableMessage: 'The invoice message is collapsed: expand it (or “Expand all”) so Relance can read it.',
  fieldClient: 'Client',
  fieldInvoice: 'Invoice',
  fieldAmount: 'Amount',
  fieldDueDate: 'Due date',
  fieldStatus: 'Status',
  fieldIssueDate: 'Invoice date',
  fieldClientName: 'Client name',
  fieldClientEmail: 'Client email',
  fieldCurrency: 'Currency',
  correct: 'Correct',
  saveCorrections: 'Save',
  cancel: 'Cancel',
  correctedByYou: '(corrected by you)',
  evidenceBody: 'Read in the message',
  evidenceSubject: 'Read in the subject',
  evidenceAttachment: 'Read in the attachment name',
  invalidEmail: 'Invalid email address',
  invalidAmount: 'Invalid amount (for example 1,234.56)',
  invalidCurrency: 'Three-letter currency code (EUR, GBP…)',
  required: 'Required',
  unknown: 'not found',
  dueInDays: 'due in {n} days',
  dueInOneDay: 'due tomorrow',
  dueToday: 'due today',
  pastDueDays: '{n} days past due',
  pastDueOneDay: '1 day past due',
  noDueDate: 'due date unknown',
  track: 'Track this invoice',
  tracking: 'Saving…',
  tracked: 'Invoice tracked',
  draftReminder: 'Draft reminder ({step})',
  drafting: 'Preparing the draft…',
  draftReady: 'Draft ready in Gmail: read it over and send it yourself.',
  step_pre_reminder: 'pre-reminder',
  step_first_reminder: 'friendly first reminder',
  step_call: 'phone call',
  step_call_follow_up: 'written follow-up of the call',
  step_second_reminder: 'second reminder',
  step_further_reminder: 'further reminder',
  step_formal_notice: 'formal notice (mise en demeure)',
  step_escalation: 'order for payment or mediation',
  logbook: 'Logbook',
  event_tracked: 'Tracking started',
  event_reminder_drafted: 'Reminder drafted ({step})',
  actionFailed: 'That did not work: {reason}',
  localOnly: 'Your data stays in this browser.',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** French first: a French browser gets French, any other gets English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
