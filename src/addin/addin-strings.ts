/**
 * The strings only the Outlook task pane and command show, in French (first) and English, built
 * like src/ui/i18n.ts (a missing English key is a type error). The thread panel's own strings are
 * src/ui/i18n.ts's.
 */
import type { Language } from '../core/model';

const fr = {
  dueTodayTitle: 'Aujourd’hui',
  dueTodayNone: 'Rien à relancer aujourd’hui.',
  dueTodayOne: 'Une facture demande votre attention aujourd’hui.',
  dueTodayMany: '{n} factures demandent votre attention aujourd’hui.',
  dueTodayItem: '{invoice} · {client} · {amount} : {action}',
  dueBar: 'Relance : la facture {invoice} ({client}) demande votre attention aujourd’hui : {action}.',
  noAmount: 'montant inconnu',
  duePromiseToday: 'paiement promis pour aujourd’hui : vérifiez qu’il est arrivé',
  dueInstalmentToday: 'échéance du plan de paiement aujourd’hui',
  dueCheck: 'à vérifier',
  openMessage: 'Ouvrir le message',
  openMessageLabel: 'Ouvrir le message de la facture {invoice}',
  openFailed: 'Le message de la facture {invoice} ne s’ouvre pas ({reason}). Cherchez-le dans Outlook.',
  viewsLabel: 'Vues du volet Relance',
  viewToday: 'Aujourd’hui',
  viewMessage: 'Ce message',
  viewTodayCount: 'Aujourd’hui ({n})',
  dueSee: 'Voir la liste',
  viewDashboard: 'Tableau de bord',
  viewSettings: 'Paramètres',
  settingsInOutlook: 'Dans Outlook, pas de rappel quotidien ni de badge : la vue « Aujourd’hui » du volet et la barre d’information sur le message les remplacent (volet épinglé).',
  insertNoConversation: 'Relance : enregistrez ou envoyez d’abord ce message, ou ouvrez une réponse dans la conversation de la facture.',
  insertNoInvoice: 'Relance : aucune facture suivie dans cette conversation. Ouvrez le message de la facture et suivez-la depuis le volet Relance.',
  insertDone: 'Relance : relance insérée ({step}). Relisez-la avant d’envoyer.',
  insertFailed: 'Relance : la relance n’a pas pu être insérée ({reason}).',
  startFailed: 'Relance n’a pas pu démarrer : {reason}',
};

export type AddinMessageKey = keyof typeof fr;

const en: Record<AddinMessageKey, string> = {
  dueTodayTitle: 'Today',
  dueTodayNone: 'Nothing to chase today.',
  dueTodayOne: 'One invoice needs you today.',
  dueTodayMany: '{n} invoices need you today.',
  dueTodayItem: '{invoice} · {client} · {amount}: {action}',
  dueBar: 'Relance: invoice {invoice} ({client}) needs you today: {action}.',
  noAmount: 'amount unknown',
  duePromiseToday: 'payment promised for today: check it came in',
  dueInstalmentToday: 'payment plan instalment due today',
  dueCheck: 'to check',
  openMessage: 'Open the message',
  openMessageLabel: 'Open the message of invoice {invoice}',
  openFailed: 'The message of invoice {invoice} cannot be opened ({reason}). Look for it in Outlook.',
  viewsLabel: 'Relance pane views',
  viewToday: 'Today',
  viewMessage: 'This message',
  viewTodayCount: 'Today ({n})',
  dueSee: 'See the list',
  viewDashboard: 'Dashboard',
  viewSettings: 'Settings',
  settingsInOutlook: 'Outlook has no daily reminder or badge: the pane’s “Today” view and the information bar on the message stand in for them (pin the pane).',
  insertNoConversation: 'Relance: save or send this message first, or open a reply in the invoice’s conversation.',
  insertNoInvoice: 'Relance: no tracked invoice in this conversation. Open the invoice message and track it from the Relance pane.',
  insertDone: 'Relance: reminder inserted ({step}). Read it over before sending.',
  insertFailed: 'Relance: the reminder could not be inserted ({reason}).',
  startFailed: 'Relance could not start: {reason}',
};

const catalogues: Record<Language, Record<AddinMessageKey, string>> = { fr, en };

export type AddinTranslate = (key: AddinMessageKey, params?: Record<string, string | number>) => string;

export function addinTranslator(language: Language): AddinTranslate {
  const catalogue = catalogues[language];
  return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
