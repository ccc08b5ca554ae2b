/**
 * The store bench's ledger (scripts/bench-store.ts): ten years of a busy small firm, generated
 * deterministically (the same records on every run, from a clean clone, nothing cached), as the
 * store writes them: invoices with their summary and index keys (`invoiceSummary`), logbooks chained with the
 * real `chainEvents` (SHA-256), clients, settings. Pure: runs in the bench page, its workers and Node.
 *
 * THE DISTRIBUTION (the note of every store figure refers to it):
 * - `invoices` invoices (100,000) issued over `days` days (3,650: ten years) ending TODAY, evenly
 *   (about 27 a day), invoice k issued on day k × days / invoices: invoice 0 is the oldest, the last
 *   one is issued today. Amounts 80 to 12,000, 95 % EUR, 3 % GBP, 2 % USD.
 * - `clients` clients (1,000): client 0, the big client, has every `invoices / bigClient`-th
 *   invoice (2,000 over ten years); the others share the rest with a skew (client c's share falls
 *   off like a power law: the largest of them has 1,021, the median 83).
 * - Terms: 70 % 30 days, 20 % 45 days, 10 % on receipt. Payment: 70 % pay within 10 days of the
 *   invoice, 22 % around the due date (10 days before to 5 after), 6 % late (6 to 40 days past due),
 *   1.5 % very late (41 to 200 days past due), 0.5 % never (written off 300 days past due). So most
 *   invoices were paid long ago: on TODAY 439 are open (issued at most 329 days before; 5,698
 *   events between them) and 11 of those are due that day.
 * - Logbook, as the ladder would have run it up to the day the invoice was paid or written off (or
 *   TODAY): detected + tracked (with the facts snapshot) on the issue day; pre-reminder (due − 3),
 *   first reminder (due + 7), call (due + 12, sometimes with a promised date), second reminder (due +
 *   19), further reminder (due + 26) as a draft and its sent copy, the formal notice (due + 35, its
 *   registered letter and the notice), escalation (due + 60), a partial payment of the very late
 *   ones (due + 45), the payment, the write-off. Then notes (short texts, on random days of the
 *   invoice's life, more for longer lives) so that the whole logbook holds exactly `events` events
 *   (1,000,000: 10 per invoice on average; 3 at least, median 9, 90th percentile 16, at most 87;
 *   notes are 61 % of them). Each logbook is chained in the order of its events' instants.
 * - Text is French, typographic apostrophes included: the backup file's text is then a two-byte
 *   string in V8 (about 1 GB for this ledger), as a French user's file would be.
 */
import { chainEvents, clientIdForEmail, DEFAULT_LEDGER_SETTINGS, factsSnapshot, invoiceSummary, summaryIndexKeys, type ChainedEvent, type Client, type LedgerEvent, type LedgerInvoice, type LedgerSettings } from '../../src/core/ledger';
import type { StoredInvoice } from '../../src/adapters/storage/schema';

/** The bench's "today": a Wednesday, no holiday near it. */
export const TODAY = '2026-03-18';
const SEED = 0x5eed_2026;

export interface LedgerShape {
  invoices: number;
  events: number;
  clients: number;
  /** Invoices of client 0. */
  bigClient: number;
  /** Days of history, ending TODAY. */
  days: number;
}

export const FULL_LEDGER: LedgerShape = { invoices: 100_000, events: 1_000_000, clients: 1_000, bigClient: 2_000, days: 3_650 };

export const ACCOUNT = 'claire@atelier-martin.fr';

export const SETTINGS: LedgerSettings = {
  ...structuredClone(DEFAULT_LEDGER_SETTINGS as LedgerSettings),
  company: { name: 'Atelier Martin', legalForm: 'SARL', siret: null, vatNumber: null, address: '12 rue des Lilas\n75011 Paris', email: ACCOUNT, phone: '+33 1 23 45 67 89' },
  signature: 'Claire Martin\nAtelier Martin',
  ownEmails: [ACCOUNT],
};

// ---- days as numbers (fast: the generator makes millions of dates) -------------------------------

const MS_PER_DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const TODAY_N = dayNumber(TODAY);

/** Seeded PRNG (mulberry32). */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)) };
}

/** Invoice k's own PRNG: any invoice is generated alone, in any order, by any worker. */
const rngOf = (k: number, salt: number) => prng(Math.imul(k + 1, 0x9e3779b1) ^ SEED ^ salt);

// ---- clients ------------------------------------------------------------------------------------

const TRADES = ['Conseil', 'Studio', 'Bâtiment', 'Transports', 'Immobilier', 'Restauration', 'Imprimerie', 'Menuiserie', 'Architectes', 'Pharmacie'];
const FORMS = ['SARL', 'SAS', 'EURL', 'SA', 'SCI'];

export function clientEmail(c: number): string {
  return c === 0 ? 'comptabilite@groupe-durand.fr' : `compta@client-${c}.example.fr`;
}

export function clientOf(c: number): Client {
  const email = clientEmail(c);
  return {
    id: clientIdForEmail(email),
    name: c === 0 ? 'Groupe Durand SA' : `${TRADES[c % TRADES.length]} ${c} ${FORMS[c % FORMS.length]}`,
    emails: [email],
    phone: c % 3 === 0 ? null : `+33 1 ${String(10 + (c % 89)).padStart(2, '0')} 45 67 ${String(c % 100).padStart(2, '0')}`,
    language: c % 7 === 0 ? 'en' : 'fr',
    country: c % 7 === 0 ? 'GB' : 'FR',
    b2b: true,
    flags: c === 0 ? ['key_account', 'long_standing'] : c % 41 === 0 ? ['known_difficulty'] : [],
    notes: '',
    chasing: null,
    jurisdiction: null,
    createdAt: `${isoOf(TODAY_N - 3_700)}T09:00:00.000Z`,
  };
}

export function allClients(shape: LedgerShape = FULL_LEDGER): Client[] {
  return Array.from({ length: shape.clients }, (_, c) => clientOf(c));
}

// ---- one invoice's plan (cheap: no events, no hashes) --------------------------------------------

export interface InvoicePlan {
  k: number;
  client: number;
  issue: number;
  due: number;
  termsDays: number;
  /** Day paid in full, Infinity for never. */
  paid: number;
  /** Day written off, Infinity for never. */
  writtenOff: number;
  amount: number;
}

export function planOf(k: number, shape: LedgerShape = FULL_LEDGER): InvoicePlan {
  const r = rngOf(k, 1);
  const every = Math.floor(shape.invoices / shape.bigClient);
  const client = k % every === 7 % every ? 0 : 1 + Math.floor((shape.clients - 1) * r.next() ** 1.5);
  const issue = TODAY_N - (shape.days - 1) + Math.floor((k * shape.days) / shape.invoices);
  const t = r.next();
  const termsDays = t < 0.7 ? 30 : t < 0.9 ? 45 : 0;
  const due = issue + termsDays;
  const p = r.next();
  let paid = Infinity;
  let writtenOff = Infinity;
  if (p < 0.7) paid = issue + r.int(0, 10);
  else if (p < 0.92) paid = Math.max(issue, due + r.int(-10, 5));
  else if (p < 0.98) paid = due + r.int(6, 40);
  else if (p < 0.995) paid = due + r.int(41, 200);
  else writtenOff = due + 300;
  const amount = r.int(8_000, 1_200_000) / 100;
  return { k, client, issue, due, termsDays, paid, writtenOff, amount };
}

/** Open on TODAY: neither paid nor written off by then. */
export const isOpenPlan = (plan: InvoicePlan): boolean => plan.paid > TODAY_N && plan.writtenOff > TODAY_N;

/** An event before it has its invoice, instant and day. */
type EventBody = LedgerEvent extends infer E ? (E extends LedgerEvent ? Omit<E, 'invoiceId' | 'at' | 'day'> : never) : never;

interface Life {
  day: number;
  event: EventBody;
}

/** The ladder as it ran for this invoice, up to TODAY (chronological). */
function lifeOf(plan: InvoicePlan, invoice: LedgerInvoice): Life[] {
  const r = rngOf(plan.k, 2);
  const close = Math.min(plan.paid, plan.writtenOff);
  const facts = factsSnapshot(invoice);
  const life: Life[] = [
    { day: plan.issue, event: { kind: 'detected', messageId: invoice.messageId, facts } },
    { day: plan.issue, event: { kind: 'tracked', facts } },
  ];
  const reached = (day: number) => day > plan.issue && day < close && day <= TODAY_N;
  const written = (day: number, step: 'pre_reminder' | 'first_reminder' | 'second_reminder' | 'further_reminder') => {
    if (!reached(day)) return;
    life.push({ day, event: { kind: 'reminder_drafted', step } }, { day, event: { kind: 'reminder_sent', step, messageId: `<r${plan.k}.${step}@atelier-martin.fr>` } });
  };
  if (plan.termsDays > 3) written(plan.due - 3, 'pre_reminder');
  written(plan.due + 7, 'first_reminder');
  const call = plan.due + 12;
  if (reached(call)) {
    const promised = r.next() < 0.5;
    life.push({
      day: call,
      event: {
        kind: 'call',
        calledAt: `${isoOf(call)}T10:30`,
        who: 'Service comptabilité',
        outcome: promised ? 'answered' : 'voicemail',
        nextCallDate: isoOf(call + 7),
        ...(promised ? { promisedDate: isoOf(call + 5), said: 'Virement prévu en fin de semaine prochaine' } : {}),
      },
    });
  }
  written(plan.due + 19, 'second_reminder');
  written(plan.due + 26, 'further_reminder');
  const notice = plan.due + 35;
  if (reached(notice)) {
    life.push(
      { day: notice, event: { kind: 'letter', step: 'formal_notice', registered: true, trackingNumber: `1A ${String(100_000_000 + plan.k)}` } },
      { day: notice, event: { kind: 'formal_notice', sentOn: isoOf(notice), deadline: isoOf(notice + 15) } },
    );
  }
  if (reached(plan.due + 45)) life.push({ day: plan.due + 45, event: { kind: 'partial_payment', amount: Math.round(plan.amount * 30) / 100, paidOn: isoOf(plan.due + 45) } });
  if (reached(plan.due + 60)) life.push({ day: plan.due + 60, event: { kind: 'escalation', route: 'injonction_de_payer', filedOn: isoOf(plan.due + 60) } });
  if (plan.paid <= TODAY_N) {
    const partial = life.some((item) => item.event.kind === 'partial_payment');
    life.push({ day: plan.paid, event: { kind: 'payment', paidOn: isoOf(plan.paid), amount: partial ? Math.round(plan.amount * 70) / 100 : plan.amount } });
  }
  if (plan.writtenOff <= TODAY_N) life.push({ day: plan.writtenOff, event: { kind: 'write_off', reason: 'Client en liquidation judiciaire, créance déclarée au mandataire' } });
  return life;
}

const NOTES = [
  'Bon de commande reçu',
  'Client a confirmé la bonne réception de la facture',
  'Demande de duplicata par le service comptable',
  'Relevé de compte envoyé',
  'Changement d’interlocuteur : nouvelle assistante de direction',
  'RIB renvoyé à la demande du client',
  'Facture transmise au service achats pour validation',
  'Rappel interne : vérifier le lettrage',
];

/** How many notes each invoice of [0, shape.invoices) gets, so that the logbook has exactly `shape.events` events. */
export function notesPerInvoice(shape: LedgerShape = FULL_LEDGER): Uint16Array {
  const lifeCounts = new Uint16Array(shape.invoices);
  const weights = new Float64Array(shape.invoices);
  let life = 0;
  let total = 0;
  for (let k = 0; k < shape.invoices; k += 1) {
    const plan = planOf(k, shape);
    lifeCounts[k] = lifeCountOf(plan);
    life += lifeCounts[k]!;
    // Longer lives collect more notes.
    weights[k] = (0.2 + rngOf(k, 3).next() * 1.6) * (1 + Math.min(Math.min(plan.paid, plan.writtenOff, TODAY_N) - plan.issue, 400) / 40);
    total += weights[k]!;
  }
  const extra = shape.events - life;
  if (extra < 0) throw new RangeError(`the ladder alone writes ${life} events, more than ${shape.events}`);
  const notes = new Uint16Array(shape.invoices);
  let given = 0;
  for (let k = 0; k < shape.invoices; k += 1) {
    notes[k] = Math.floor((extra * weights[k]!) / total);
    given += notes[k]!;
  }
  for (let k = 0; given < extra; k = (k + 7919) % shape.invoices, given += 1) notes[k]! += 1;
  return notes;
}

/** The number of ladder events of an invoice (without building them: no hashing). */
export function lifeCountOf(plan: InvoicePlan): number {
  return lifeOf(plan, invoiceOf(plan)).length;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function invoiceOf(plan: InvoicePlan): LedgerInvoice {
  const { k } = plan;
  const issueDate = isoOf(plan.issue);
  const number = `F-${issueDate.slice(0, 4)}-${pad(k, 6)}`;
  const threadId = `18c${pad(k, 13)}`;
  const messageId = `#msg-f:17${pad(k * 7919, 17)}`;
  const r = rngOf(k, 4);
  const c = r.next();
  const currency = c < 0.95 ? 'EUR' : c < 0.98 ? 'GBP' : 'USD';
  const totalCents = Math.round(plan.amount * 100);
  const exclCents = Math.round(totalCents / 1.2);
  const email = clientEmail(plan.client);
  const english = plan.client % 7 === 0;
  return {
    id: `gmail:${ACCOUNT}:${threadId}:${number}`,
    host: 'gmail',
    account: ACCOUNT,
    threadId,
    messageId,
    invoiceNumber: number,
    clientEmail: email,
    clientName: plan.client === 0 ? 'Service comptabilité Durand' : null,
    amount: plan.amount,
    currency,
    issueDate,
    dueDate: isoOf(plan.due),
    terms: plan.termsDays === 0 ? (english ? 'due on receipt' : 'payable à réception') : english ? `net ${plan.termsDays} days` : `payable à ${plan.termsDays} jours`,
    language: english ? 'en' : 'fr',
    subject: english ? `Invoice ${number}` : `Facture ${number}`,
    trackedAt: `${issueDate}T09:${pad(k % 60, 2)}:00.000Z`,
    clientId: clientIdForEmail(email),
    source: 'detected',
    proofs: [{ host: 'gmail', account: ACCOUNT, threadId, messageId }],
    amountExclTax: exclCents / 100,
    taxAmount: (totalCents - exclCents) / 100,
    paymentTerms: plan.termsDays === 0 ? { kind: 'on_receipt' } : { kind: 'net', days: plan.termsDays, from: 'invoice' },
  };
}

/** Invoice k with its chained logbook (`notes` notes added to its ladder events). */
export function recordOf(k: number, notes: number, shape: LedgerShape = FULL_LEDGER): { invoice: LedgerInvoice; events: ChainedEvent[]; open: boolean; client: number } {
  const plan = planOf(k, shape);
  const invoice = invoiceOf(plan);
  const life = lifeOf(plan, invoice);
  const r = rngOf(k, 5);
  const last = Math.min(plan.paid, plan.writtenOff, TODAY_N);
  for (let n = 0; n < notes; n += 1) life.push({ day: r.int(plan.issue, last), event: { kind: 'note', text: NOTES[r.int(0, NOTES.length - 1)]! } });
  // Instants: the ladder's events of a day first, in their order, then that day's notes.
  const timed = life.map((item, index) => ({ ...item, order: item.day * 10_000 + index }));
  timed.sort((a, b) => a.order - b.order);
  let previousDay = -1;
  let second = 0;
  const events = timed.map(({ day, event }) => {
    second = day === previousDay ? second + 1 : 0;
    previousDay = day;
    const at = `${isoOf(day)}T${pad(9 + Math.floor(second / 3600), 2)}:${pad(Math.floor(second / 60) % 60, 2)}:${pad(second % 60, 2)}.000Z`;
    return { ...event, invoiceId: invoice.id, day: isoOf(day), at } as LedgerEvent;
  });
  return { invoice, events: chainEvents(events), open: isOpenPlan(plan), client: plan.client };
}

/** As the store writes it (schema v3): the invoice with its summary and the index keys from it (LedgerStore.writeInvoice's). */
export function storedInvoiceOf(invoice: LedgerInvoice, events: readonly LedgerEvent[], client: Client | null): StoredInvoice {
  const summary = invoiceSummary({ invoice, logbook: events, settings: SETTINGS, client });
  return { ...invoice, ...summaryIndexKeys(summary), summary };
}

export { isoOf, dayNumber };
