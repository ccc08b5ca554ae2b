/** French grammar and layout pieces (vouvoiement, French letter conventions). */
import type { ChasingStep } from '../chasing/steps';
import { joinWith, type Addressee, type Phrases } from './phrases';

const PERCENT = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const CIVILITY = { madame: 'Madame', monsieur: 'Monsieur' } as const;

const formalName = ({ civility, lastName }: Addressee): string | null => (civility && lastName ? `${CIVILITY[civility]} ${lastName}` : null);
const formalAddress = ({ civility }: Addressee): string => (civility ? CIVILITY[civility] : 'Madame, Monsieur');
const numbered = (numbers: readonly string[]): string => `n° ${joinWith(numbers, 'et')}`;

const NEXT_STEP: Readonly<Record<ChasingStep, readonly [noun: string, action: string]>> = {
  pre_reminder: ['un rappel avant échéance', 'je vous adresserai un rappel'],
  first_reminder: ['une première relance', 'je vous adresserai une relance'],
  call: ['un appel téléphonique', 'je vous appellerai'],
  call_follow_up: ['un courrier de suivi', 'je vous écrirai pour faire le point'],
  second_reminder: ['une deuxième relance', 'je vous adresserai une deuxième relance'],
  further_reminder: ['une nouvelle relance', 'je vous adresserai une nouvelle relance'],
  formal_notice: ['une mise en demeure', 'je vous adresserai une mise en demeure par lettre recommandée avec accusé de réception'],
  escalation: ['la saisine du tribunal compétent', "je saisirai le tribunal compétent d'une requête en injonction de payer"],
};

export const FRENCH_PHRASES: Phrases = {
  join: (items) => joinWith(items, 'et'),
  percent: (value) => `${PERCENT.format(value)}\u00a0%`,
  greeting: (to) => {
    const name = formalName(to) ?? to.firstName ?? (to.civility ? CIVILITY[to.civility] : null);
    return name ? `Bonjour ${name},` : 'Bonjour,';
  },
  formalSalutation: (to) => `${formalAddress(to)},`,
  formalClosing: (to) => `Je vous prie d'agréer, ${formalAddress(to)}, l'expression de mes salutations distinguées.`,
  invoiceRef: (numbers) => (numbers.length === 0 ? 'votre facture' : numbers.length === 1 ? `la facture ${numbered(numbers)}` : `les factures ${numbered(numbers)}`),
  ofInvoiceRef: (numbers) => (numbers.length === 0 ? 'de votre facture' : numbers.length === 1 ? `de la facture ${numbered(numbers)}` : `des factures ${numbered(numbers)}`),
  invoiceLabel: (numbers) => (numbers.length === 0 ? 'Votre facture' : numbers.length === 1 ? `Facture ${numbered(numbers)}` : `Factures ${numbered(numbers)}`),
  dueClause: (timing, dueDate) =>
    timing === 'today' ? ", qui arrive à échéance aujourd'hui" : timing === 'upcoming' ? `, qui arrive à échéance le ${dueDate}` : `, arrivée à échéance le ${dueDate}`,
  singleInvoiceDetails: (invoice) => {
    if (invoice.amount === null && invoice.dueDate === null && invoice.issueDate === null) return [];
    const lines: string[] = [];
    if (invoice.number) lines.push(`- Facture : n° ${invoice.number}${invoice.issueDate ? ` du ${invoice.issueDate}` : ''}`);
    if (invoice.description) lines.push(`- Objet : ${invoice.description}`);
    if (invoice.amount) lines.push(`- Montant : ${invoice.amount}`);
    if (invoice.dueDate) lines.push(`- Échéance : ${invoice.dueDate}`);
    return lines;
  },
  invoiceListLine: (invoice) => {
    let line = invoice.number ? `- Facture n° ${invoice.number}` : '- Facture';
    if (invoice.issueDate) line += ` du ${invoice.issueDate}`;
    if (invoice.description) line += ` (${invoice.description})`;
    if (invoice.amount) line += ` : ${invoice.amount}`;
    if (invoice.dueDate) line += `${invoice.amount ? ',' : ' :'} échéance le ${invoice.dueDate}`;
    return line;
  },
  totalLine: (total) => `- Total : ${total}`,
  paymentDetails: ({ iban, bic, holder, reference, link }) => {
    const paragraphs: string[] = [];
    if (iban) {
      const lines = ['Le règlement peut se faire par virement bancaire :', `- IBAN : ${iban}`];
      if (bic) lines.push(`- BIC : ${bic}`);
      if (holder) lines.push(`- Titulaire du compte : ${holder}`);
      if (reference) lines.push(`- Référence à indiquer : ${reference}`);
      paragraphs.push(lines.join('\n'));
      if (link) paragraphs.push(`Vous pouvez aussi régler en ligne : ${link}`);
    } else if (link) {
      paragraphs.push(`Vous pouvez régler en ligne : ${link}\nLe règlement peut aussi se faire par virement bancaire, aux coordonnées indiquées sur la facture.`);
    } else {
      paragraphs.push('Le règlement peut se faire par virement bancaire, aux coordonnées indiquées sur la facture.');
    }
    return paragraphs.join('\n\n');
  },
  signature: (name, role, company, phone) => {
    const lines = [name, [role, company].filter(Boolean).join(' – ') || null, phone].filter((line): line is string => Boolean(line));
    return lines.length > 0 ? lines.join('\n') : null;
  },
  identityBlock: ({ company, person, personFormal, address, siren, phone, email, attention }) => {
    const lines: string[] = [];
    if (company) lines.push(company);
    const who = personFormal ?? person;
    if (who) lines.push(company && attention ? `À l'attention de ${who}` : who);
    if (address) lines.push(...address.split('\n'));
    if (siren) lines.push(`SIREN ${siren}`);
    if (phone) lines.push(`Tél. ${phone}`);
    if (email) lines.push(email);
    return lines.length > 0 ? lines.join('\n') : null;
  },
  placeDate: (city, date) => (city ? `${city}, le ${date}` : `Le ${date}`),
  deadline: (days, date) => (date ? `au plus tard le ${date}` : `dans un délai de ${days ?? 8} jours à compter de la réception de la présente lettre`),
  nextStep: (step) => NEXT_STEP[step][0],
  nextStepAction: (step) => NEXT_STEP[step][1],
  previousReminders: (dates) => (dates.length === 1 ? `ma relance du ${dates[0] ?? ''}` : `mes relances ${joinWith(dates.map((date) => `du ${date}`), 'et')}`),
  court: (commercial) => (commercial ? 'le tribunal de commerce compétent' : 'le tribunal judiciaire compétent'),
  courtName: (commercial) => (commercial ? 'Tribunal de commerce' : 'Tribunal judiciaire'),
  period: (from, to) => `du ${from} au ${to}`,
  ratePeriod: (rate, from, to) => `${rate} l'an du ${from} au ${to}`,
  fixedIndemnityUnit: '40\u00a0€',
  breakdown: ({ principal, interest, interestDetail, fixedIndemnity, fixedIndemnityUnit, paid, total, consumer }) => {
    const lines = [`- Montant principal : ${principal}`];
    if (interest) lines.push(`- ${consumer ? 'Intérêts au taux légal' : 'Pénalités de retard'} : ${interest}${interestDetail ? ` (${interestDetail})` : ''}`);
    if (fixedIndemnity && !consumer) lines.push(`- Indemnité forfaitaire pour frais de recouvrement : ${fixedIndemnity} (${fixedIndemnityUnit} par facture)`);
    if (paid) lines.push(`- Règlements déjà reçus, déduits : ${paid}`);
    lines.push(`- Total réclamé : ${total}`);
    return lines;
  },
  days: (count) => `${count} jour${Math.abs(count) > 1 ? 's' : ''}`,
  enclosures: (numbers) => `P. J. : copie ${numbers.length > 1 ? `des factures n° ${joinWith(numbers, 'et')}` : numbers.length === 1 ? `de la facture n° ${numbers[0] ?? ''}` : 'de la facture'}`,
  registeredLetter: 'Lettre recommandée avec accusé de réception',
  subjectLabel: 'Objet :',
};
