/**
 * After the formal notice deadline: the checklist of an injonction de payer file, with the free
 * alternatives (late-payment-law.md 5; chasing-practice.md "escalation"). Items the context can
 * decide (notice sent and deadline passed, due dates passed, dispute) get a status; the others are
 * for the user to tick. Figures are as the law reference gives them ("about 33-35 €", to verify at
 * filing), never more precise than the sources.
 */
import { addMonths, compareIsoDates, isValidIsoDate } from '../dates';
import { formatDate } from '../format';
import type { IsoDate, Language } from '../model';
import type { DraftContext } from './context';
import { escapeHtml } from './html';

/** done: established by the facts; todo: for the user to do or confirm; check: verify (a date); warning: a problem; info: to know. */
export type ChecklistStatus = 'done' | 'todo' | 'check' | 'warning' | 'info';

export type ChecklistItemId =
  | 'formal_notice'
  | 'claim_certain'
  | 'claim_liquid'
  | 'claim_due'
  | 'not_disputed'
  | 'not_time_barred'
  | 'evidence'
  | 'correspondence'
  | 'court'
  | 'cost'
  | 'online_filing'
  | 'service_and_opposition'
  | 'mediator'
  | 'small_claims';

export interface ChecklistItem {
  id: ChecklistItemId;
  status: ChecklistStatus;
  label: string;
  /** What the facts say about it, when they say something. */
  detail?: string;
}

/** Upper bound of the simplified small-claims procedure (CPCE L125-1), in euros. */
export const SMALL_CLAIMS_LIMIT_EUR = 5000;

type Labels = Readonly<Record<ChecklistItemId, string>>;

const LABELS: Readonly<Record<Language, Labels & Record<'court_commercial' | 'court_civil' | 'cost_commercial' | 'cost_civil', string>>> = {
  fr: {
    formal_notice: 'Mise en demeure envoyée en recommandé avec accusé de réception, et délai de paiement expiré',
    claim_certain: 'Créance certaine : la commande est prouvée (devis signé, bon de commande ou contrat)',
    claim_liquid: 'Créance liquide : son montant est déterminé',
    claim_due: "Créance exigible : la date d'échéance est passée",
    not_disputed: "Créance non contestée : en cas de contestation, traitez d'abord le litige (la partie non contestée peut être facturée à part)",
    not_time_barred: "Créance non prescrite : 2 ans contre un particulier, 5 ans sinon ; les relances et la mise en demeure n'interrompent pas la prescription",
    evidence: 'Pièces justificatives : factures, devis signé ou bon de commande, bons de livraison ou procès-verbal de réception, conditions générales de vente',
    correspondence: 'Historique des échanges : relances (e-mails, courriers), appels (date, interlocuteur, contenu), mise en demeure et son accusé de réception',
    court: 'Juridiction',
    court_commercial:
      "tribunal de commerce (débiteur commerçant ou société, en matière commerciale) du lieu du siège ou du domicile du débiteur ; une clause du contrat désignant un autre tribunal est sans effet",
    court_civil: "tribunal judiciaire du lieu du domicile du débiteur ; une clause du contrat désignant un autre tribunal est sans effet",
    cost: 'Coût',
    cost_commercial: "environ 33 à 35 € de frais de greffe (le tarif exact est affiché au dépôt), plus les frais de signification par un commissaire de justice ; l'avocat n'est pas obligatoire",
    cost_civil: "pas de frais de greffe au tribunal judiciaire ; frais de signification par un commissaire de justice ; l'avocat n'est pas obligatoire",
    online_filing: 'Dépôt de la requête en ligne possible sur Tribunal Digital (tribunaldigital.fr)',
    service_and_opposition:
      "Après l'ordonnance : la faire signifier au débiteur par un commissaire de justice dans les 6 mois ; le débiteur a un mois à compter de la signification pour former opposition",
    mediator: 'Alternative gratuite : le Médiateur des entreprises (gratuit, confidentiel, de quelques jours à environ 3 mois), saisine par formulaire en ligne',
    small_claims:
      "Procédure simplifiée de recouvrement des petites créances (jusqu'à 5 000 €) : un commissaire de justice propose un accord au débiteur ; s'il l'accepte, un titre exécutoire est délivré sans juge",
  },
  en: {
    formal_notice: 'Formal notice (mise en demeure) sent by registered letter with acknowledgement of receipt, and the payment deadline has expired',
    claim_certain: 'Claim is certain (certaine): the order is proven (signed quote, purchase order or contract)',
    claim_liquid: 'Claim is liquidated (liquide): its amount is determined',
    claim_due: 'Claim is due (exigible): the due date has passed',
    not_disputed: 'Claim is not disputed: if it is, deal with the dispute first (the undisputed part can be invoiced separately)',
    not_time_barred: 'Claim is not time-barred: 2 years against a private person, 5 years otherwise; reminders and the formal notice do not stop the clock',
    evidence: 'Supporting documents: invoices, signed quote or purchase order, delivery notes or acceptance report, terms of sale',
    correspondence: 'History of exchanges: reminders (emails, letters), calls (date, person, what was said), the formal notice and its acknowledgement of receipt',
    court: 'Court',
    court_commercial:
      "commercial court (tribunal de commerce; the debtor is a trader or company, commercial matter) for the debtor's registered office or domicile; a contract clause naming another court has no effect",
    court_civil: "civil court (tribunal judiciaire) for the debtor's domicile; a contract clause naming another court has no effect",
    cost: 'Cost',
    cost_commercial: 'about €33-35 in court registry fees (the exact fee is shown when filing), plus service by a commissaire de justice; no lawyer needed',
    cost_civil: 'no registry fee at the tribunal judiciaire; service by a commissaire de justice; no lawyer needed',
    online_filing: 'The application can be filed online on Tribunal Digital (tribunaldigital.fr)',
    service_and_opposition:
      'After the order: have it served on the debtor by a commissaire de justice within 6 months; the debtor has one month from service to oppose it',
    mediator: 'Free alternative: the business mediator (Médiateur des entreprises): free, confidential, a few days to about 3 months, online referral form',
    small_claims:
      'Simplified small-claims procedure (up to €5,000): a commissaire de justice proposes an agreement to the debtor; if accepted, an enforceable title is issued without a judge',
  },
};

const DETAIL: Readonly<Record<Language, Readonly<Record<string, (...args: string[]) => string>>>> = {
  fr: {
    sentExpired: (sent, deadline) => `Envoyée le ${sent} ; délai expiré le ${deadline}`,
    sentRunning: (sent, deadline) => `Envoyée le ${sent} ; délai en cours jusqu'au ${deadline}`,
    sentFromReceipt: (sent, days) => `Envoyée le ${sent} ; le délai de ${days} jours court à compter de la réception : vérifiez la date de l'accusé de réception`,
    notSent: () => "Aucun envoi enregistré : la mise en demeure est un préalable à l'injonction de payer",
    amount: (total) => `Montant : ${total}`,
    dues: (dates) => `Échéance : ${dates}`,
    duesPending: (dates) => `Échéance pas encore passée : ${dates}`,
    disputed: () => 'Le client conteste la facture',
    notDisputed: () => "Aucune contestation enregistrée",
    barredBy: (date) => `À agir avant le ${date} (compté depuis l'échéance ; à vérifier)`,
    barred: (date) => `Prescription possiblement acquise depuis le ${date} : vérifiez avant d'agir`,
    reminders: (count) => `${count} relance(s) enregistrée(s)`,
    court: (name) => `Pour ce client : ${name}`,
  },
  en: {
    sentExpired: (sent, deadline) => `Sent on ${sent}; deadline expired on ${deadline}`,
    sentRunning: (sent, deadline) => `Sent on ${sent}; deadline runs until ${deadline}`,
    sentFromReceipt: (sent, days) => `Sent on ${sent}; the ${days}-day period runs from receipt: check the date on the acknowledgement of receipt`,
    notSent: () => 'No sending recorded: the formal notice comes before an order for payment',
    amount: (total) => `Amount: ${total}`,
    dues: (dates) => `Due: ${dates}`,
    duesPending: (dates) => `Not yet due: ${dates}`,
    disputed: () => 'The client disputes the invoice',
    notDisputed: () => 'No dispute recorded',
    barredBy: (date) => `Act before ${date} (counted from the due date; to be checked)`,
    barred: (date) => `Possibly time-barred since ${date}: check before acting`,
    reminders: (count) => `${count} reminder(s) recorded`,
    court: (name) => `For this client: ${name}`,
  },
};

export interface ChecklistFacts {
  /** Formatted total claimed (or invoiced), when known. */
  total: string | null;
  /** Total in euros when every amount is in euros, for the small-claims threshold. */
  totalEur: number | null;
  courtName: string;
  commercialCourt: boolean;
}

/** The checklist of an injonction de payer file for this context. */
export function escalationChecklist(ctx: DraftContext, facts: ChecklistFacts): ChecklistItem[] {
  const { language, today } = ctx;
  const labels = LABELS[language];
  const detail = DETAIL[language];
  const say = (key: string, ...args: string[]): string => detail[key]?.(...args) ?? '';
  const date = (iso: IsoDate): string => formatDate(iso, language, 'long');
  const business = ctx.client.kind === 'business';
  const items: ChecklistItem[] = [];
  const add = (id: ChecklistItemId, status: ChecklistStatus, label: string, itemDetail?: string): void => {
    items.push(itemDetail ? { id, status, label, detail: itemDetail } : { id, status, label });
  };

  const notice = ctx.formalNotice ?? {};
  const sentOn = notice.sentOn && isValidIsoDate(notice.sentOn) ? notice.sentOn : null;
  const deadline = notice.deadlineDate && isValidIsoDate(notice.deadlineDate) ? notice.deadlineDate : null;
  const days = typeof notice.deadlineDays === 'number' && notice.deadlineDays > 0 ? Math.round(notice.deadlineDays) : 8;
  if (sentOn === null) add('formal_notice', 'todo', labels.formal_notice, say('notSent'));
  else if (deadline !== null) {
    const passed = compareIsoDates(today, deadline) > 0;
    add('formal_notice', passed ? 'done' : 'warning', labels.formal_notice, say(passed ? 'sentExpired' : 'sentRunning', date(sentOn), date(deadline)));
  } else add('formal_notice', 'check', labels.formal_notice, say('sentFromReceipt', date(sentOn), String(days)));

  add('claim_certain', 'todo', labels.claim_certain);
  add('claim_liquid', facts.total ? 'done' : 'todo', labels.claim_liquid, facts.total ? say('amount', facts.total) : undefined);

  const dues = ctx.invoices.map((invoice) => invoice.dueDate).filter((due): due is IsoDate => typeof due === 'string' && isValidIsoDate(due));
  const pending = dues.filter((due) => compareIsoDates(due, today) >= 0);
  if (dues.length < ctx.invoices.length) add('claim_due', 'todo', labels.claim_due, dues.length > 0 ? say('dues', dues.map(date).join(', ')) : undefined);
  else if (pending.length > 0) add('claim_due', 'warning', labels.claim_due, say('duesPending', pending.map(date).join(', ')));
  else add('claim_due', 'done', labels.claim_due, say('dues', dues.map(date).join(', ')));

  if (ctx.disputed === true) add('not_disputed', 'warning', labels.not_disputed, say('disputed'));
  else if (ctx.disputed === false) add('not_disputed', 'done', labels.not_disputed, say('notDisputed'));
  else add('not_disputed', 'todo', labels.not_disputed);

  const earliest = [...dues].sort(compareIsoDates)[0];
  if (earliest) {
    const barredOn = addMonths(earliest, business ? 60 : 24);
    add('not_time_barred', compareIsoDates(today, barredOn) >= 0 ? 'warning' : 'check', labels.not_time_barred, say(compareIsoDates(today, barredOn) >= 0 ? 'barred' : 'barredBy', date(barredOn)));
  } else add('not_time_barred', 'todo', labels.not_time_barred);

  add('evidence', 'todo', labels.evidence);
  const reminders = (ctx.previousReminders ?? []).filter(isValidIsoDate).length;
  add('correspondence', 'todo', labels.correspondence, reminders > 0 ? say('reminders', String(reminders)) : undefined);
  const colon = language === 'fr' ? ' : ' : ': ';
  add('court', 'info', `${labels.court}${colon}${facts.commercialCourt ? labels.court_commercial : labels.court_civil}`, say('court', facts.courtName));
  add('cost', 'info', `${labels.cost}${colon}${facts.commercialCourt ? labels.cost_commercial : labels.cost_civil}`);
  if (facts.commercialCourt) add('online_filing', 'info', labels.online_filing);
  add('service_and_opposition', 'info', labels.service_and_opposition);
  if (business) add('mediator', 'info', labels.mediator);
  if (facts.totalEur !== null && facts.totalEur <= SMALL_CLAIMS_LIMIT_EUR) add('small_claims', 'info', labels.small_claims);
  return items;
}

const MARK: Readonly<Record<ChecklistStatus, string>> = { done: '[x]', todo: '[ ]', check: '[?]', warning: '[!]', info: '(i)' };

/** The checklist as plain text, one item per line ("[x] …", "[ ] …", "[!] …"). */
export function checklistText(items: readonly ChecklistItem[]): string {
  return items.map((item) => `${MARK[item.status]} ${item.label}${item.detail ? `\n    ${item.detail}` : ''}`).join('\n');
}

const SYMBOL: Readonly<Record<ChecklistStatus, string>> = { done: '☑', todo: '☐', check: '☐', warning: '⚠', info: 'ℹ' };

/** The checklist as an HTML list (escaped), with a data-status per item for styling. */
export function checklistHtml(items: readonly ChecklistItem[]): string {
  const rows = items.map(
    (item) =>
      `<li data-status="${item.status}"><span aria-hidden="true">${SYMBOL[item.status]}</span> ${escapeHtml(item.label)}${item.detail ? `<br><small>${escapeHtml(item.detail)}</small>` : ''}</li>`,
  );
  return `<ul class="relance-checklist">\n${rows.join('\n')}\n</ul>`;
}
