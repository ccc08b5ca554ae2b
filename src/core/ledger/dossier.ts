/**
 * One invoice's dossier for a court or a collection agency (issue 5 "Import/export"): the parties,
 * the invoice's facts, where it stands, every logbook event in words with its date, the messages
 * and letters that prove them, the amount claimed with the interest broken down period by period,
 * and the result of the hash-chain check. French or English.
 *
 * - `buildDossier(input)` computes it (pure: `today` is given); `dossierHtml` lays it out as a
 *   standalone HTML document (A4 print CSS, no script, nothing loaded: a Content-Security-Policy
 *   forbids it), `dossierText` as plain text.
 * - Every value is HTML-escaped: client names, notes, what was said on a call, message ids come
 *   from mail or from the user and are untrusted.
 * - Interest is the law module's (computePenalty through `deriveInvoiceState`). A reference rate
 *   that is not known gives "rate unknown for …: enter it", never an estimate.
 */
import { amountFromCents, formatDecimal, referenceDayOf, type RateTableId } from '../law';
import type { HalfYear } from '../law/half-year';
import type { IsoDate, Language } from '../model';
import { escapeHtml } from '../templates/html';
import { deriveLeniently } from './csv-export';
import type { InvoiceState } from './derive';
import { dayWords, describeEvent, EVENT_KIND_WORDS, moneyWords, ROUTE_WORDS, STATUS_WORDS } from './dossier-words';
import type { LedgerEvent } from './events';
import { verifyChain, type ChainHead, type ChainProblem } from './hash-chain';
import { factsMismatches, type Client, type LedgerInvoice, type LedgerSettings } from './model';

export interface DossierInput {
  invoice: LedgerInvoice;
  client: Client | null;
  /** The invoice's whole logbook, in chain order (as the store lists it by `seq`). */
  events: readonly LedgerEvent[];
  settings: LedgerSettings;
  /** The day the dossier is drawn up: interest runs to it (to the payment day for a paid invoice). */
  today: IsoDate;
  language: Language;
  /**
   * The invoice's chain head recorded elsewhere (a backup's `chain_heads`, a head quoted in a sent
   * reminder): also catches the last events removed. Without it, only the chain itself is checked.
   */
  recordedHead?: ChainHead | null;
}

export interface DossierLine {
  label: string;
  value: string;
}

export interface DossierTimelineEntry {
  /** The day the event counts for, in words. */
  day: string;
  isoDay: string;
  /** What happened, in words (quoted text as recorded). */
  text: string;
  note: string | null;
  /** When it was recorded, as stored (ISO 8601). */
  recordedAt: string;
  /** Its place in the chain and the start of its hash, when sealed. */
  seq: number | null;
  hash: string | null;
}

export interface DossierSegment {
  from: string;
  to: string;
  days: number;
  rate: string;
  basis: string;
  principal: string;
  interest: string;
}

export type DossierClaim =
  | { kind: 'computed'; lines: DossierLine[]; segments: DossierSegment[]; notes: string[] }
  /** No figure is given: the reason (a rate to enter, a missing fact, the law's refusal). */
  | { kind: 'not_computed'; lines: DossierLine[]; reason: string };

export interface DossierChainCheck {
  /** ok: the chain verifies (and ends at the recorded head when one was given). */
  status: 'ok' | 'altered' | 'unsealed' | 'empty';
  headline: string;
  details: string[];
}

export interface Dossier {
  language: Language;
  title: string;
  /** "Drawn up on 22 November 2026". */
  drawnUp: string;
  creditor: string[];
  debtor: string[];
  facts: DossierLine[];
  situation: DossierLine[];
  timeline: DossierTimelineEntry[];
  proofs: string[];
  claim: DossierClaim;
  chain: DossierChainCheck;
}

const RATE_TABLE_WORDS: Readonly<Record<Language, Readonly<Record<RateTableId, string>>>> = {
  fr: {
    ECB_MRO: 'taux de refinancement principal de la BCE',
    FR_LEGAL_PRO: 'taux de l’intérêt légal (créanciers professionnels)',
    FR_LEGAL_PRIVATE: 'taux de l’intérêt légal (créanciers particuliers)',
    DE_BASE_RATE: 'taux de base allemand (Basiszinssatz)',
    UK_BANK_RATE: 'taux directeur de la Banque d’Angleterre (Bank Rate)',
  },
  en: {
    ECB_MRO: 'ECB main refinancing rate',
    FR_LEGAL_PRO: 'French legal interest rate (professional creditors)',
    FR_LEGAL_PRIVATE: 'French legal interest rate (private creditors)',
    DE_BASE_RATE: 'German base rate (Basiszinssatz)',
    UK_BANK_RATE: 'Bank of England Bank Rate',
  },
};

/** What the detection engine called a message (a proof's `kind`). */
const MESSAGE_KIND_WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  fr: { invoice_sent: 'envoi de la facture', reminder: 'relance', payment_notice: 'avis de paiement', dispute: 'contestation', promise: 'promesse de paiement' },
  en: { invoice_sent: 'invoice sent', reminder: 'reminder', payment_notice: 'payment notice', dispute: 'dispute', promise: 'promise to pay' },
};

const CHAIN_WORDS: Readonly<Record<Language, Readonly<Record<ChainProblem, string>>>> = {
  fr: {
    missing_hash: 'un événement n’est pas scellé dans la chaîne',
    altered: 'un événement a été modifié après son enregistrement',
    removed: 'des événements ont été supprimés',
    inserted: 'un événement a été inséré après coup',
    reordered: 'des événements ont été déplacés ou dupliqués',
    broken_link: 'un événement antérieur a été modifié puis rescellé, ou des événements ont été supprimés et renumérotés',
    truncated: 'les derniers événements ont été supprimés (la chaîne ne se termine pas à l’empreinte enregistrée)',
    unexpected_chain: 'l’empreinte enregistrée ne concerne pas cette facture',
  },
  en: {
    missing_hash: 'an event is not sealed in the chain',
    altered: 'an event was changed after it was recorded',
    removed: 'events were removed',
    inserted: 'an event was inserted afterwards',
    reordered: 'events were moved or duplicated',
    broken_link: 'an earlier event was changed and sealed again, or events were removed and renumbered',
    truncated: 'the last events were removed (the chain does not end at the recorded head)',
    unexpected_chain: 'the recorded head is not this invoice’s',
  },
};

function text(language: Language) {
  return (fr: string, en: string): string => (language === 'fr' ? fr : en);
}

function rateWords(value: string, language: Language): string {
  return `${language === 'fr' ? value.replace('.', ',') : value} %`;
}

function rateUnknownWords(table: RateTableId, period: HalfYear, language: Language): string {
  const day = dayWords(referenceDayOf(table, period), language);
  return language === 'fr'
    ? `Taux inconnu pour ${period} (${RATE_TABLE_WORDS.fr[table]} au ${day}) : saisissez-le dans les réglages. Aucun intérêt n’est chiffré sans lui.`
    : `Rate unknown for ${period} (${RATE_TABLE_WORDS.en[table]} on ${day}): enter it in the settings. No interest is computed without it.`;
}

/** Events by day, then by recording instant, then in chain order. */
function chronological(events: readonly LedgerEvent[]): LedgerEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.day !== b.event.day ? (a.event.day < b.event.day ? -1 : 1) : a.event.at !== b.event.at ? (a.event.at < b.event.at ? -1 : 1) : a.index - b.index))
    .map(({ event }) => event);
}

function chainCheck(input: DossierInput, t: ReturnType<typeof text>): DossierChainCheck {
  const { events, invoice, language } = input;
  const head = input.recordedHead ?? null;
  if (events.length === 0 && !head) return { status: 'empty', headline: t('Le journal de cette facture est vide.', 'This invoice’s logbook is empty.'), details: [] };
  const verdict = verifyChain(events, head ? { heads: [head] } : {});
  const details: string[] = [];
  for (const mismatch of factsMismatches(invoice, events)) {
    details.push(
      t(
        `Le champ ${mismatch.field} de la facture (${String(mismatch.stored)}) diffère de la valeur attestée par le journal (${String(mismatch.logged)}) : la fiche a été modifiée sans événement de correction.`,
        `The invoice’s ${mismatch.field} (${String(mismatch.stored)}) differs from the value its logbook vouches for (${String(mismatch.logged)}): the record was changed without a correction event.`,
      ),
    );
  }
  if (verdict.ok) {
    const last = events[events.length - 1];
    const hash = last?.hash ?? '';
    const lines = [
      t(`Empreinte finale (SHA-256) : ${hash}`, `Last hash (SHA-256): ${hash}`),
      head
        ? t('Elle correspond à l’empreinte enregistrée par ailleurs : aucun événement n’a été ajouté, modifié ni retiré depuis.', 'It matches the head recorded elsewhere: no event was added, changed or removed since.')
        : t(
            'Pour établir qu’aucun événement final n’a été retiré, comparez cette empreinte et le nombre d’événements avec ceux conservés ailleurs (sauvegarde, relance envoyée).',
            'To show that no last event was removed, compare this hash and the number of events with those kept elsewhere (a backup, a sent reminder).',
          ),
    ];
    return {
      status: 'ok',
      headline: t(
        `Journal intègre : les ${events.length} événements forment une chaîne d’empreintes SHA-256 vérifiée ; aucun n’a été modifié, inséré ou déplacé.`,
        `Logbook intact: the ${events.length} events form a verified SHA-256 hash chain; none was changed, inserted or moved.`,
      ),
      details: [...lines, ...details],
    };
  }
  const unsealed = verdict.breaks.every((found) => found.problem === 'missing_hash');
  for (const found of verdict.breaks) {
    const event = events[found.index];
    const where = event
      ? t(`événement n° ${found.position + 1} (${EVENT_KIND_WORDS.fr[event.kind] ?? event.kind}, ${dayWords(event.day, 'fr')})`, `event no. ${found.position + 1} (${EVENT_KIND_WORDS.en[event.kind] ?? event.kind}, ${dayWords(event.day, 'en')})`)
      : t(`après l’événement n° ${found.position}`, `after event no. ${found.position}`);
    details.unshift(`${where}${language === 'fr' ? ' : ' : ': '}${CHAIN_WORDS[language][found.problem]}.`);
  }
  return unsealed
    ? {
        status: 'unsealed',
        headline: t('Journal non scellé : certains événements n’ont pas d’empreinte, leur intégrité ne peut pas être établie.', 'Logbook not sealed: some events have no hash, so their integrity cannot be shown.'),
        details,
      }
    : {
        status: 'altered',
        headline: t(
          'ATTENTION : le journal de cette facture a été modifié après coup. La chaîne d’empreintes ne se vérifie pas ; les événements ci-dessous ne peuvent pas être présentés comme intacts.',
          'WARNING: this invoice’s logbook was altered afterwards. Its hash chain does not verify; the events below cannot be presented as intact.',
        ),
        details,
      };
}

function claimOf(state: InvoiceState, invoice: LedgerInvoice, language: Language, t: ReturnType<typeof text>): DossierClaim {
  const money = (amount: number, currency = invoice.currency) => moneyWords(amount, currency, language);
  const base: DossierLine[] = [];
  if (state.amount !== null) base.push({ label: t('Montant de la facture', 'Invoice amount'), value: money(state.amount) });
  base.push({ label: t('Déjà reçu', 'Already received'), value: money(state.received) });
  if (state.balance !== null) base.push({ label: t('Principal restant dû', 'Principal outstanding'), value: money(state.balance) });
  const penalty = state.penalty;
  switch (penalty.kind) {
    case 'rate_unknown':
      return { kind: 'not_computed', lines: base, reason: rateUnknownWords(penalty.table, penalty.period, language) };
    case 'not_computed':
      return {
        kind: 'not_computed',
        lines: base,
        reason: {
          amount_unknown: t('Le montant de la facture est inconnu : saisissez-le pour chiffrer la créance.', 'The invoice amount is unknown: enter it to compute the claim.'),
          currency_unknown: t('La devise de la facture est inconnue : saisissez-la pour chiffrer les intérêts.', 'The invoice currency is unknown: enter it to compute interest.'),
          due_date_unknown: t('L’échéance de la facture est inconnue : saisissez-la pour chiffrer les intérêts.', 'The invoice due date is unknown: enter it to compute interest.'),
        }[penalty.reason],
      };
    case 'error':
      return { kind: 'not_computed', lines: base, reason: t(`Les intérêts ne peuvent pas être calculés : ${penalty.error.message}`, `Interest cannot be computed: ${penalty.error.message}`) };
    case 'computed': {
      const { result } = penalty;
      const lines = [...base];
      lines.push({
        label: result.interestStart
          ? t(`Intérêts de retard du ${dayWords(result.interestStart, 'fr')} au ${dayWords(penalty.asOf, 'fr')}`, `Late-payment interest from ${dayWords(result.interestStart, 'en')} to ${dayWords(penalty.asOf, 'en')}`)
          : t('Intérêts de retard', 'Late-payment interest'),
        value: money(penalty.interest),
      });
      if (penalty.fixedIndemnity) lines.push({ label: t('Indemnité forfaitaire pour frais de recouvrement', 'Fixed compensation for recovery costs'), value: money(penalty.fixedIndemnity.amount, penalty.fixedIndemnity.currency) });
      lines.push({ label: t('Total réclamé', 'Total claimed'), value: money(penalty.total) });
      const segments = result.segments.map(
        (segment): DossierSegment => ({
          from: dayWords(segment.from, language),
          to: dayWords(segment.to, language),
          days: segment.days,
          rate: rateWords(formatDecimal(segment.ratePercent), language),
          basis: segment.rateBasis,
          principal: money(amountFromCents(segment.principalCents)),
          interest: money(amountFromCents(segment.interestCents)),
        }),
      );
      const notes = [
        t(`Règle de taux : ${result.rateRule}.`, `Rate rule: ${result.rateRule}.`),
        t(`Échéance retenue : ${dayWords(result.dueDate, 'fr')} (${result.overdueDays} jours de retard au ${dayWords(penalty.asOf, 'fr')}).`, `Due date used: ${dayWords(result.dueDate, 'en')} (${result.overdueDays} days late on ${dayWords(penalty.asOf, 'en')}).`),
        ...(penalty.fixedIndemnity ? [t(`Indemnité : ${result.fixedFee?.basis ?? ''}.`, `Compensation: ${result.fixedFee?.basis ?? ''}.`)] : []),
        ...(segments.length > 1 ? [t('Le total des intérêts est arrondi une seule fois à partir de la somme exacte ; les lignes par période sont arrondies séparément.', 'The interest total is rounded once from the exact sum; the per-period lines are rounded separately.')] : []),
        ...result.referenceRates.map((rate) => `${RATE_TABLE_WORDS[language][rate.table]} ${rate.period}${t(' : ', ': ')}${rateWords(formatDecimal(rate.value), language)} — ${rate.userEntered ? t('saisi par l’utilisateur', 'entered by the user') : rate.source}`),
        ...result.warnings.map((warning) => `${t('Remarque : ', 'Note: ')}${warning.message}`),
      ];
      return { kind: 'computed', lines, segments, notes };
    }
  }
}

/**
 * The dossier's content (pure). Throws a RangeError for an event of another invoice. Ladder
 * settings the chasing module refuses are left out (they change no figure of the dossier).
 */
export function buildDossier(input: DossierInput): Dossier {
  const { invoice, client, events, settings, today, language } = input;
  const t = text(language);
  const money = (amount: number | null) => (amount === null ? t('inconnu', 'unknown') : moneyWords(amount, invoice.currency, language));
  const day = (value: string | null | undefined) => (value ? dayWords(value, language) : t('inconnue', 'unknown'));
  const state = deriveLeniently(invoice, events, settings, today, client);

  const company = settings.company;
  const creditor = [
    [company.name, company.legalForm].filter(Boolean).join(', '),
    ...(company.address ?? '').split('\n'),
    company.siret ? `SIRET ${company.siret}` : '',
    company.vatNumber ? t(`N° TVA ${company.vatNumber}`, `VAT no. ${company.vatNumber}`) : '',
    company.email ?? '',
    company.phone ?? '',
  ].filter((line) => line.trim() !== '');
  const debtor = [
    client?.name ?? invoice.clientName ?? '',
    ...(client ? client.emails : invoice.clientEmail ? [invoice.clientEmail] : []),
    client?.phone ?? '',
    client?.country ? t(`Pays : ${client.country}`, `Country: ${client.country}`) : '',
    client ? (client.b2b ? t('Professionnel', 'Business') : t('Particulier (consommateur)', 'Private individual (consumer)')) : '',
  ].filter((line) => line.trim() !== '');

  const facts: DossierLine[] = [
    { label: t('Numéro de facture', 'Invoice number'), value: invoice.invoiceNumber },
    { label: t('Date d’émission', 'Issue date'), value: day(invoice.issueDate) },
    ...(invoice.serviceDate ? [{ label: t('Date de la prestation', 'Service date'), value: day(invoice.serviceDate) }] : []),
    { label: t('Échéance', 'Due date'), value: day(invoice.dueDate) },
    ...(invoice.terms ? [{ label: t('Conditions de paiement (telles qu’écrites)', 'Payment terms (as written)'), value: invoice.terms }] : []),
    { label: t('Montant TTC', 'Amount (tax included)'), value: money(invoice.amount) },
    ...(invoice.amountExclTax != null ? [{ label: t('Montant HT', 'Amount excluding tax'), value: money(invoice.amountExclTax) }] : []),
    ...(invoice.taxAmount != null ? [{ label: t('TVA', 'Tax'), value: money(invoice.taxAmount) }] : []),
    { label: t('Devise', 'Currency'), value: invoice.currency ?? t('inconnue', 'unknown') },
    ...(invoice.subject ? [{ label: t('Objet du message de facturation', 'Subject of the invoice mail'), value: invoice.subject }] : []),
  ];

  const situation: DossierLine[] = [
    { label: t('Statut au', 'Status on') + ` ${day(today)}`, value: STATUS_WORDS[language][state.status] },
    { label: t('Reste dû', 'Outstanding'), value: money(state.outstanding) },
  ];
  if (state.paidOn) situation.push({ label: t('Payée le', 'Paid on'), value: day(state.paidOn) });
  if (state.daysLate !== null && state.daysLate > 0) situation.push({ label: t('Jours de retard', 'Days late'), value: String(state.daysLate) });
  if (state.formalNotice) {
    const notice = state.formalNotice;
    situation.push({
      label: t('Mise en demeure', 'Formal notice'),
      value:
        t(`envoyée le ${day(notice.sentOn)}, délai jusqu’au ${day(notice.deadline)}`, `sent on ${day(notice.sentOn)}, deadline ${day(notice.deadline)}`) +
        (notice.trackingNumber ? t(`, recommandé n° ${notice.trackingNumber}`, `, registered letter no. ${notice.trackingNumber}`) : '') +
        (notice.acknowledgedOn ? t(`, reçue le ${day(notice.acknowledgedOn)}`, `, received on ${day(notice.acknowledgedOn)}`) : ''),
    });
  }
  if (state.dispute) situation.push({ label: t('Contestation', 'Dispute'), value: t(`depuis le ${day(state.dispute.since)} : ${state.dispute.reason}`, `since ${day(state.dispute.since)}: ${state.dispute.reason}`) });
  if (state.promise) {
    const words = { pending: t('en cours', 'pending'), kept: t('tenue', 'kept'), broken: t('non tenue', 'broken'), replaced: t('remplacée par un échéancier', 'replaced by a payment plan') }[state.promise.state];
    situation.push({ label: t('Dernière promesse de paiement', 'Latest promise to pay'), value: `${day(state.promise.promisedDate)}${state.promise.amount !== null ? `, ${money(state.promise.amount)}` : ''} (${words})` });
  }
  if (state.paymentPlan && state.paymentPlan.missed.length > 0) situation.push({ label: t('Échéances impayées du plan', 'Missed plan instalments'), value: state.paymentPlan.missed.map((instalment) => `${money(instalment.amount)} (${day(instalment.dueDate)})`).join(', ') });
  if (state.escalation) situation.push({ label: t('Procédure', 'Procedure'), value: `${ROUTE_WORDS[language][state.escalation.route]}, ${day(state.escalation.filedOn)}` });
  if (state.prescription) {
    const p = state.prescription;
    situation.push({
      label: t('Prescription', 'Limitation period'),
      value: t(`${p.periodYears} ans à compter du ${day(p.runsFrom)} : agir au plus tard le ${day(p.expiresOn)}`, `${p.periodYears} years from ${day(p.runsFrom)}: act by ${day(p.expiresOn)} at the latest`),
    });
  }
  if (state.futureEventCount > 0) situation.push({ label: t('Événements datés après ce jour', 'Events dated after this day'), value: t(`${state.futureEventCount} (non pris en compte)`, `${state.futureEventCount} (not counted)`) });

  const timeline = chronological(events).map(
    (event): DossierTimelineEntry => ({
      day: day(event.day),
      isoDay: event.day,
      text: describeEvent(event, language, invoice.currency),
      note: event.note && event.note.trim() !== '' ? event.note : null,
      recordedAt: event.at,
      seq: typeof event.seq === 'number' ? event.seq : null,
      hash: typeof event.hash === 'string' ? event.hash : null,
    }),
  );

  const proofs: string[] = [];
  for (const proof of invoice.proofs) {
    const kind = proof.kind ? (MESSAGE_KIND_WORDS[language][proof.kind] ?? proof.kind) : t('message', 'message');
    const when = proof.date ? t(` du ${proof.date}`, ` of ${proof.date}`) : '';
    const amount = proof.amount != null ? ` (${money(proof.amount)})` : '';
    const where =
      proof.host === 'file'
        ? t(`fichier ${proof.file ?? '?'}`, `file ${proof.file ?? '?'}`)
        : `${proof.host === 'gmail' ? 'Gmail' : 'Outlook'}${proof.account ? t(`, compte ${proof.account}`, `, account ${proof.account}`) : ''}${proof.threadId ? t(`, fil ${proof.threadId}`, `, thread ${proof.threadId}`) : ''}`;
    proofs.push(`${kind}${when}${amount} — ${where}${proof.messageId ? `, Message-ID ${proof.messageId}` : ''}`);
  }
  for (const event of chronological(events)) {
    if ((event.kind === 'reminder_sent' || event.kind === 'detected') && event.messageId) proofs.push(`${EVENT_KIND_WORDS[language][event.kind]} (${day(event.day)}) — Message-ID ${event.messageId}`);
    if (event.kind === 'letter' && event.trackingNumber) proofs.push(t(`courrier recommandé (${day(event.day)}) — n° de suivi ${event.trackingNumber}`, `registered letter (${day(event.day)}) — tracking number ${event.trackingNumber}`));
  }

  return {
    language,
    title: t(`Dossier de recouvrement — facture ${invoice.invoiceNumber}`, `Debt collection file — invoice ${invoice.invoiceNumber}`),
    drawnUp: t(`Établi le ${day(today)}`, `Drawn up on ${day(today)}`),
    creditor,
    debtor,
    facts,
    situation,
    timeline,
    proofs,
    claim: claimOf(state, invoice, language, t),
    chain: chainCheck(input, t),
  };
}

// ---- layout -------------------------------------------------------------------------------------

const CSS = `
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { background: #eceff1; }
body { margin: 0; color: #000; font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.4; }
.sheet { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 16mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.2); }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h3 { font-size: 10pt; margin: 4mm 0 1.5mm; }
h2 { font-size: 11.5pt; margin: 7mm 0 2mm; border-bottom: 0.3mm solid #000; padding-bottom: 1mm; break-after: avoid; }
.drawn-up { margin: 0 0 5mm; color: #333; }
.parties { display: flex; gap: 10mm; }
.parties section { flex: 1; }
.parties h2 { margin-top: 3mm; }
address { font-style: normal; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 0.2mm solid #bbb; }
th { font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
.facts th { width: 42%; font-weight: normal; color: #333; }
.timeline td.day { width: 28mm; white-space: nowrap; }
.timeline .note { display: block; color: #333; font-style: italic; }
.timeline .seal { display: block; color: #555; font-size: 8pt; font-family: "Courier New", monospace; overflow-wrap: anywhere; }
.claim .total td, .claim .total th { font-weight: bold; border-top: 0.4mm solid #000; }
.reason { border: 0.4mm solid #000; padding: 2mm 3mm; font-weight: bold; }
.notes { font-size: 8.5pt; color: #333; padding-left: 5mm; }
.chain { padding: 2mm 3mm; border: 0.4mm solid #2e7d32; }
.chain.altered { border: 0.8mm solid #b00020; color: #b00020; }
.chain.unsealed { border: 0.6mm solid #e65100; }
.chain p { margin: 0 0 1mm; }
.chain .headline { font-weight: bold; }
.mono { font-family: "Courier New", monospace; overflow-wrap: anywhere; }
ul { margin: 0; padding-left: 5mm; }
tr, li, .chain, .reason { break-inside: avoid; }
@media print {
  html { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`.trim();

const esc = escapeHtml;
const lines = (items: readonly string[]): string => items.map(esc).join('<br>\n');

/** Headings of the document, per language. */
function headings(language: Language) {
  const t = text(language);
  return {
    creditor: t('Créancier', 'Creditor'),
    debtor: t('Débiteur', 'Debtor'),
    facts: t('La facture', 'The invoice'),
    situation: t('Situation', 'Where it stands'),
    claim: t('Sommes réclamées', 'Amounts claimed'),
    segments: t('Détail des intérêts par période', 'Interest by period'),
    timeline: t('Chronologie des démarches', 'Timeline of every step'),
    proofs: t('Preuves et références des messages', 'Proofs and message references'),
    chain: t('Intégrité du journal', 'Integrity of the logbook'),
    none: t('aucune', 'none'),
    columns: {
      from: t('Du', 'From'),
      to: t('Au', 'To'),
      days: t('Jours', 'Days'),
      rate: t('Taux annuel', 'Annual rate'),
      basis: t('Base du taux', 'Rate basis'),
      principal: t('Principal', 'Principal'),
      interest: t('Intérêts', 'Interest'),
      date: t('Date', 'Date'),
      event: t('Événement', 'Event'),
    },
    recorded: t('enregistré le', 'recorded'),
    footer: t(
      'Document établi par Relance à partir du journal de suivi de la facture. Les montants d’intérêts sont calculés jour par jour selon la règle indiquée ; aucun taux inconnu n’est estimé.',
      'Document drawn up by Relance from the invoice’s logbook. Interest is computed day by day under the stated rule; no unknown rate is estimated.',
    ),
  };
}

/** A standalone HTML document (A4, print CSS, no script, nothing loaded), every value escaped. */
export function dossierHtml(dossier: Dossier): string {
  const h = headings(dossier.language);
  const table = (rows: readonly DossierLine[], className: string, lastIsTotal = false) =>
    `<table class="${className}">\n${rows.map((row, index) => `<tr${lastIsTotal && index === rows.length - 1 ? ' class="total"' : ''}><th>${esc(row.label)}</th><td${className === 'claim' ? ' class="num"' : ''}>${esc(row.value)}</td></tr>`).join('\n')}\n</table>`;
  const claim = dossier.claim;
  const claimHtml =
    claim.kind === 'computed'
      ? [
          table(claim.lines, 'claim', true),
          claim.segments.length > 0
            ? `<h3>${esc(h.segments)}</h3>\n<table class="segments">\n<tr><th>${esc(h.columns.from)}</th><th>${esc(h.columns.to)}</th><th class="num">${esc(h.columns.days)}</th><th class="num">${esc(h.columns.rate)}</th><th>${esc(h.columns.basis)}</th><th class="num">${esc(h.columns.principal)}</th><th class="num">${esc(h.columns.interest)}</th></tr>\n${claim.segments
                .map(
                  (segment) =>
                    `<tr><td>${esc(segment.from)}</td><td>${esc(segment.to)}</td><td class="num">${segment.days}</td><td class="num">${esc(segment.rate)}</td><td>${esc(segment.basis)}</td><td class="num">${esc(segment.principal)}</td><td class="num">${esc(segment.interest)}</td></tr>`,
                )
                .join('\n')}\n</table>`
            : '',
          claim.notes.length > 0 ? `<ul class="notes">\n${claim.notes.map((note) => `<li>${esc(note)}</li>`).join('\n')}\n</ul>` : '',
        ]
          .filter(Boolean)
          .join('\n')
      : `${table(claim.lines, 'claim')}\n<p class="reason">${esc(claim.reason)}</p>`;
  const timeline = dossier.timeline
    .map(
      (entry) =>
        `<tr><td class="day">${esc(entry.day)}</td><td>${esc(entry.text)}${entry.note ? `<span class="note">${esc(entry.note)}</span>` : ''}<span class="seal">${esc(h.recorded)} ${esc(entry.recordedAt)}${entry.seq !== null ? ` · n° ${entry.seq}` : ''}${entry.hash ? ` · ${esc(entry.hash.slice(0, 16))}…` : ''}</span></td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${dossier.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(dossier.title)}</title>
<style>
${CSS}
</style>
</head>
<body>
<main class="sheet">
<h1>${esc(dossier.title)}</h1>
<p class="drawn-up">${esc(dossier.drawnUp)}</p>
<div class="chain ${dossier.chain.status}">
<p class="headline">${esc(dossier.chain.headline)}</p>
</div>
<div class="parties">
<section><h2>${esc(h.creditor)}</h2><address>${lines(dossier.creditor)}</address></section>
<section><h2>${esc(h.debtor)}</h2><address>${lines(dossier.debtor)}</address></section>
</div>
<h2>${esc(h.facts)}</h2>
${table(dossier.facts, 'facts')}
<h2>${esc(h.situation)}</h2>
${table(dossier.situation, 'facts')}
<h2>${esc(h.claim)}</h2>
${claimHtml}
<h2>${esc(h.timeline)}</h2>
<table class="timeline">
<tr><th>${esc(h.columns.date)}</th><th>${esc(h.columns.event)}</th></tr>
${timeline}
</table>
<h2>${esc(h.proofs)}</h2>
${dossier.proofs.length > 0 ? `<ul class="mono">\n${dossier.proofs.map((proof) => `<li>${esc(proof)}</li>`).join('\n')}\n</ul>` : `<p>${esc(h.none)}</p>`}
<h2>${esc(h.chain)}</h2>
<div class="chain ${dossier.chain.status}">
<p class="headline">${esc(dossier.chain.headline)}</p>
${dossier.chain.details.map((detail) => `<p class="mono">${esc(detail)}</p>`).join('\n')}
</div>
<p class="notes">${esc(h.footer)}</p>
</main>
</body>
</html>
`;
}

/** The same dossier as plain text (an email to the agency, a file beside the PDF). */
export function dossierText(dossier: Dossier): string {
  const h = headings(dossier.language);
  const section = (title: string, body: string[]) => [title.toUpperCase(), ...body].join('\n');
  const colon = dossier.language === 'fr' ? ' : ' : ': ';
  const rows = (items: readonly DossierLine[]) => items.map((row) => `${row.label}${colon}${row.value}`);
  const claim = dossier.claim;
  const claimBody =
    claim.kind === 'computed'
      ? [
          ...rows(claim.lines),
          ...(claim.segments.length > 0
            ? ['', `${h.segments}${colon}`.trimEnd(), ...claim.segments.map((s) => `- ${s.from} → ${s.to}, ${s.days} ${h.columns.days.toLowerCase()}, ${s.rate} (${s.basis}), ${h.columns.principal.toLowerCase()} ${s.principal}${colon}${s.interest}`)]
            : []),
          ...(claim.notes.length > 0 ? ['', ...claim.notes.map((note) => `* ${note}`)] : []),
        ]
      : [...rows(claim.lines), '', `!! ${claim.reason}`];
  const timeline = dossier.timeline.flatMap((entry) => [
    `- ${entry.day} — ${entry.text}`,
    ...(entry.note ? [`  ${entry.note}`] : []),
    `  (${h.recorded} ${entry.recordedAt}${entry.seq !== null ? `, n° ${entry.seq}` : ''}${entry.hash ? `, ${entry.hash.slice(0, 16)}…` : ''})`,
  ]);
  const rule = '='.repeat(Math.min(72, Math.max(20, dossier.title.length)));
  return `${[
    `${dossier.title}\n${rule}\n${dossier.drawnUp}`,
    `${dossier.chain.status === 'altered' ? '!! ' : ''}${dossier.chain.headline}`,
    section(h.creditor, dossier.creditor),
    section(h.debtor, dossier.debtor),
    section(h.facts, rows(dossier.facts)),
    section(h.situation, rows(dossier.situation)),
    section(h.claim, claimBody),
    section(h.timeline, timeline),
    section(h.proofs, dossier.proofs.length > 0 ? dossier.proofs.map((proof) => `- ${proof}`) : [h.none]),
    section(h.chain, [dossier.chain.headline, ...dossier.chain.details]),
    h.footer,
  ].join('\n\n')}\n`;
}

/** The dossier, its HTML document and its plain text. */
export function invoiceDossier(input: DossierInput): { dossier: Dossier; html: string; text: string } {
  const dossier = buildDossier(input);
  return { dossier, html: dossierHtml(dossier), text: dossierText(dossier) };
}
