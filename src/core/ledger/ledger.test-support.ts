/**
 * Test support (imported by tests only): a reference invoice, client and settings, an event
 * builder that stamps events in the order the test writes them, a seeded PRNG and a generator of
 * whole random ledgers (`randomLedger`) for the backup's round trips.
 */
import { CHASING_STEPS, type ChasingSettingsOverride, type ClientFlag } from '../chasing';
import { addDays } from '../dates';
import { JURISDICTIONS } from '../law';
import type { IsoDate } from '../model';
import { CORRECTABLE_FIELDS, LEDGER_EVENT_KINDS, type EscalationRoute, type LedgerEvent } from './events';
import { chainEvents, type ChainedEvent } from './hash-chain';
import { DEFAULT_LEDGER_SETTINGS, clientIdForEmail, factOf, factsSnapshot, type Client, type InvoiceProof, type LedgerInvoice, type LedgerSettings, type UserTemplates } from './model';

/** A logbook event without its invoice, instant and day (filled in by `events`). */
export type EventInput = LedgerEvent extends infer E ? (E extends LedgerEvent ? Omit<E, 'invoiceId' | 'at' | 'day' | 'id' | 'seq' | 'prevHash' | 'hash'> : never) : never;

export const SETTINGS: LedgerSettings = { ...DEFAULT_LEDGER_SETTINGS, company: { ...DEFAULT_LEDGER_SETTINGS.company, name: 'Atelier Martin' } };

export const CLIENT: Client = {
  id: 'email:lucas@bernard-conseil.fr',
  name: 'Bernard Conseil',
  emails: ['lucas@bernard-conseil.fr'],
  phone: '+33 1 23 45 67 89',
  language: 'fr',
  country: 'FR',
  b2b: true,
  flags: [],
  notes: '',
  chasing: null,
  jurisdiction: null,
  createdAt: '2026-02-02T09:00:00.000Z',
};

/**
 * The reference invoice of the ladder's tests: 1,200 EUR due Wednesday 4 March 2026. Its ladder:
 * pre-reminder Fri 27 Feb, first reminder Wed 11 Mar, call Mon 16 Mar if unanswered, second
 * reminder Thu 19 Mar, further reminder Thu 26 Mar, formal notice Fri 3 Apr.
 */
export function invoice(overrides: Partial<LedgerInvoice> = {}): LedgerInvoice {
  return {
    id: 'gmail:claire@atelier-martin.fr:18c2f0a1b2c3d4e5:F-2026-040',
    host: 'gmail',
    account: 'claire@atelier-martin.fr',
    threadId: '18c2f0a1b2c3d4e5',
    messageId: '#msg-f:1791234567890123456',
    invoiceNumber: 'F-2026-040',
    clientEmail: 'lucas@bernard-conseil.fr',
    clientName: 'Lucas Bernard',
    amount: 1200,
    currency: 'EUR',
    issueDate: '2026-02-02',
    dueDate: '2026-03-04',
    terms: 'payable à 30 jours',
    language: 'fr',
    subject: 'Facture F-2026-040',
    trackedAt: '2026-02-02T09:15:00.000Z',
    clientId: CLIENT.id,
    source: 'detected',
    proofs: [{ host: 'gmail', account: 'claire@atelier-martin.fr', threadId: '18c2f0a1b2c3d4e5', messageId: '#msg-f:1791234567890123456' }],
    ...overrides,
  };
}

/** An event builder for one invoice: each call is recorded one second after the previous one. */
export function events(invoiceId: string = invoice().id) {
  let clock = 0;
  return (day: IsoDate, input: EventInput): LedgerEvent => {
    clock += 1;
    const time = [9 + Math.floor(clock / 3600), Math.floor(clock / 60) % 60, clock % 60].map((n) => String(n).padStart(2, '0')).join(':');
    return { ...input, invoiceId, day, at: `${day}T${time}.000Z` } as LedgerEvent;
  };
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** A whole number from `min` to `max`, both included. */
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    chance: (p: number): boolean => next() < p,
  };
}

// ---- random whole ledgers (backup round trips, exports) -----------------------------------------

type Rng = ReturnType<typeof prng>;

/**
 * Text fragments for random strings: accents (composed and decomposed), other scripts, emoji, a
 * lone surrogate, quotes, backslashes, markup, line and paragraph separators, formula starters.
 */
export const AWKWARD_TEXT = [
  'Atelier',
  'Émilie',
  'Zoë',
  'Łódź',
  '北京事務所',
  'مرحبا',
  'שלום',
  '🎉👩🏽‍💻',
  'e\u0301te\u0301',
  '"guillemets"',
  '« chevrons »',
  'back\\slash',
  '<b>&amp;</b><script>x()</script>',
  "l'apostrophe",
  '1 200,00 €',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'a\u00a0b',
  'tab\there',
  'deux\nlignes',
  'para\u2028graph',
  '=SUM(A1)',
  '+33 6',
  '@home',
  '-5',
  'lone\ud800surrogate',
  'null',
  '0',
];

/** Random text: fragments joined by spaces, trimmed (the checks trim record text), never empty. */
export function randomText(r: Rng, fragments = 3): string {
  const text = Array.from({ length: r.int(1, fragments) }, () => r.pick(AWKWARD_TEXT))
    .join(r.pick([' ', ' ', '\n', ' · ']))
    .trim();
  return text === '' ? 'x' : text;
}

const LOCAL_PARTS = ['lucas', 'compta', 'jean.dupont', 'x+relance', 'factures', 'anne-marie', 'o_brien'];
const DOMAINS = ['bernard-conseil.fr', 'acme.co.uk', 'müller.de', 'gmail.com', 'etoile.example', 'xn--caf-dma.fr'];

export function randomEmail(r: Rng): string {
  return `${r.pick(LOCAL_PARTS)}${r.chance(0.5) ? r.int(1, 99) : ''}@${r.pick(DOMAINS)}`;
}

/** A calendar day from 2020 to 2030 (the 29 February of 2024 comes up often). */
export function randomDay(r: Rng): IsoDate {
  if (r.chance(0.05)) return '2024-02-29';
  const year = r.int(2020, 2030);
  const month = r.int(1, 12);
  const day = r.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO 8601 instant in one of the forms the checks accept (Z or an offset, with or without seconds). */
export function randomInstant(r: Rng, day: IsoDate = randomDay(r)): string {
  const hh = String(r.int(0, 23)).padStart(2, '0');
  const mm = String(r.int(0, 59)).padStart(2, '0');
  const ss = String(r.int(0, 59)).padStart(2, '0');
  return r.pick([`${day}T${hh}:${mm}:${ss}.${String(r.int(0, 999)).padStart(3, '0')}Z`, `${day}T${hh}:${mm}:${ss}+01:00`, `${day}T${hh}:${mm}Z`, `${day}T${hh}:${mm}:${ss}.123456-05:30`]);
}

/** Amounts at the edges: zero, one cent, float-unfriendly cents, very large, random. */
const EDGE_AMOUNTS = [0, 0.01, 0.1, 0.29, 1, 99.99, 1200, 1234.56, 40, 999999999.99, 12345678901.23, 0.3];

export function randomAmount(r: Rng): number {
  return r.chance(0.4) ? r.pick(EDGE_AMOUNTS) : r.int(1, 10_000_000) / 100;
}

function luhnDigit(partial: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const digits = [...`${partial}${d}`].map(Number);
    const sum = digits.reduce((total, digit, index) => {
      const doubled = index % 2 === 0 ? digit * 2 : digit;
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
    if (sum % 10 === 0) return String(d);
  }
  return '0';
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const char of digits) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Valid French identifiers (SIRET with its Luhn key, VAT number with its key, IBAN with mod-97 check digits). */
export function randomIdentifiers(r: Rng): { siret: string; vatNumber: string; iban: string } {
  const siren = `${r.int(1, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
  // A SIREN's own Luhn key is not checked; the SIRET's is.
  const partial = `${siren}${String(r.int(0, 9999)).padStart(4, '0')}`;
  const siret = `${partial}${luhnDigit(partial)}`;
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  const bban = `${String(r.int(10000, 99999))}${String(r.int(10000, 99999))}${String(r.int(0, 99_999_999_999)).padStart(11, '0')}${String(r.int(10, 99))}`;
  const check = 98 - mod97(`${bban}FR00`);
  return { siret, vatNumber: `FR${String(key).padStart(2, '0')}${siren}`, iban: `FR${String(check).padStart(2, '0')}${bban}` };
}

const USER_CHASING: ChasingSettingsOverride[] = [{}, { formalNoticeDeadline: 15 }, { delays: { firstReminder: 10, secondReminder: 20 } }, { country: 'GB', alsaceMoselle: false }, { delays: { preReminder: null }, callAfterUnansweredReminder: null }];
const CLIENT_CHASING: ChasingSettingsOverride[] = [{ callFirst: true }, { delays: { formalNotice: 45 } }, { minimumGap: 5 }, { delays: { preReminder: null }, instalmentReminder: null }, { smallAmountThreshold: 0 }, { delays: {} }];

export function randomSettings(r: Rng): LedgerSettings {
  const ids = randomIdentifiers(r);
  const jurisdiction = r.pick(JURISDICTIONS);
  const agreedRatePercent = r.chance(0.3) ? r.pick([0, 8.5, 12.15, 15, 100]) : null;
  return {
    company: {
      name: r.chance(0.1) ? '' : randomText(r),
      legalForm: r.chance(0.5) ? null : r.pick(['EI', 'SARL', 'SAS', 'Ltd', 'EURL']),
      siret: r.chance(0.5) ? null : ids.siret,
      vatNumber: r.chance(0.5) ? null : r.pick([ids.vatNumber, 'DE123456789', 'BE0123456789']),
      address: r.chance(0.3) ? null : `${r.int(1, 200)} rue de ${randomText(r, 1)}\n75011 Paris`,
      email: r.chance(0.3) ? null : randomEmail(r),
      phone: r.chance(0.5) ? null : '+33 1 23 45 67 89',
    },
    iban: r.chance(0.5) ? null : ids.iban,
    bic: r.chance(0.5) ? null : r.pick(['BNPAFRPP', 'BNPAFRPPXXX', 'CCBPFRPPVER']),
    paymentLink: r.chance(0.6) ? null : `https://pay.example.com/c/${r.int(1, 9999)}?ref=${r.int(1, 99)}`,
    signature: r.chance(0.3) ? '' : `${randomText(r)}\n${randomText(r, 1)}`,
    language: r.pick(['fr', 'en'] as const),
    ownEmails: [...new Set(Array.from({ length: r.int(0, 3) }, () => randomEmail(r)))],
    chasing: r.pick(USER_CHASING),
    penalty: {
      jurisdiction,
      agreedRatePercent,
      rateBasis: jurisdiction === 'FR' && agreedRatePercent === null && r.chance(0.3) ? '3x_legal_rate' : null,
      endOfMonthMethod: r.pick(['A', 'B'] as const),
      rateOverrides: r.chance(0.6)
        ? []
        : [
            { table: 'ECB_MRO', period: '2026-H2', ratePercent: 2.15 },
            { table: 'DE_BASE_RATE', period: '2022-H1', ratePercent: -0.88 },
          ].slice(0, r.int(1, 2)) as LedgerSettings['penalty']['rateOverrides'],
    },
  };
}

const TEMPLATE_KEYS = ['first_reminder.fr.subject', 'first_reminder.en.body', 'second_reminder.fr.friendly.body', 'call.fr.voicemail', 'formal_notice.en.subject', 'further_reminder.en.friendly.subject', 'pre_reminder.fr.body'];

export function randomTemplates(r: Rng): UserTemplates {
  const out: Record<string, string> = {};
  for (const key of TEMPLATE_KEYS) {
    // Whitespace is kept as written (a template's layout), so it is not trimmed.
    if (r.chance(0.3)) out[key] = r.pick([`{{invoice_label}} — ${randomText(r)}`, `{{greeting}}\n\n${randomText(r)}\n\n  indented line  \n`, `\n${randomText(r)}{{#if invoice_label}} ({{invoice_label}}){{/if}}\t`]);
  }
  return out as UserTemplates;
}

export function randomClient(r: Rng, index: number, userChasing: boolean): Client {
  const emails = [...new Set(Array.from({ length: r.int(1, 3) }, () => randomEmail(r)))];
  return {
    id: r.chance(0.5) ? `${clientIdForEmail(emails[0]!)}#${index}` : `client-${index}-${randomText(r, 1)}`,
    name: randomText(r),
    emails,
    phone: r.chance(0.5) ? null : r.pick(['+33 6 12 34 56 78', '020 7946 0000', randomText(r, 1)]),
    language: r.pick(['fr', 'en'] as const),
    country: r.chance(0.3) ? null : r.pick(['FR', 'GB', 'DE', 'BE', 'CH']),
    b2b: r.chance(0.8),
    flags: (['long_standing', 'key_account', 'known_difficulty'] as const).filter(() => r.chance(0.2)),
    notes: r.chance(0.5) ? '' : randomText(r, 5),
    chasing: userChasing && r.chance(0.3) ? r.pick(CLIENT_CHASING) : null,
    jurisdiction: r.chance(0.7) ? null : r.pick(JURISDICTIONS),
    createdAt: randomInstant(r),
  };
}

function randomProof(r: Rng): InvoiceProof {
  if (r.chance(0.4)) {
    return {
      host: 'file',
      account: null,
      threadId: null,
      messageId: r.chance(0.3) ? null : `${r.int(1, 1e6)}@atelier-martin.fr`,
      file: r.pick(['takeout.mbox#0', 'messages/0001.eml', `boîte ${randomText(r, 1)}.mbox#${r.int(0, 99)}`]),
      ...(r.chance(0.7) ? { kind: r.pick(['invoice_sent', 'reminder', 'payment_notice', 'dispute', 'promise']) } : {}),
      ...(r.chance(0.7) ? { date: r.chance(0.2) ? null : randomInstant(r) } : {}),
      ...(r.chance(0.6) ? { amount: r.chance(0.2) ? null : randomAmount(r) } : {}),
    };
  }
  const threadId = r.chance(0.2) ? null : r.int(1, 1e9).toString(16);
  return {
    host: r.pick(['gmail', 'outlook'] as const),
    account: r.chance(0.3) ? null : randomEmail(r),
    threadId,
    messageId: threadId === null || r.chance(0.5) ? `#msg-f:${r.int(1, 1e9)}` : null,
  };
}

/** A valid invoice of `client` (every optional field absent, null or set). */
export function randomInvoice(r: Rng, index: number, client: Client): LedgerInvoice {
  const host = r.pick([null, 'gmail', 'outlook'] as const);
  const number = `${r.pick(['F-2026-', 'N° ', 'ФАКТ-', '2026/', 'INV '])}${String(index).padStart(3, '0')}`;
  const amount = r.chance(0.15) ? null : randomAmount(r);
  const issueDate = r.chance(0.1) ? null : randomDay(r);
  const invoice: LedgerInvoice = {
    id: `${host ?? 'entered'}:${index}:${number}`,
    host,
    account: host && r.chance(0.8) ? randomEmail(r) : null,
    threadId: host ? r.int(1, 1e9).toString(16) : null,
    messageId: host && r.chance(0.7) ? `#msg-f:${r.int(1, 1e9)}` : null,
    invoiceNumber: number,
    clientEmail: r.chance(0.1) ? '' : r.pick(client.emails),
    clientName: r.chance(0.4) ? null : randomText(r),
    amount,
    currency: amount !== null || r.chance(0.5) ? r.pick(['EUR', 'EUR', 'GBP', 'USD', 'CHF', 'JPY']) : null,
    issueDate,
    dueDate: r.chance(0.1) ? null : randomDay(r),
    terms: r.chance(0.3) ? null : r.pick(['payable à 30 jours', '45 jours fin de mois', 'due on receipt', randomText(r)]),
    language: r.pick(['fr', 'en'] as const),
    subject: r.chance(0.2) ? '' : randomText(r),
    trackedAt: randomInstant(r),
    clientId: client.id,
    source: r.pick(['detected', 'entered', 'imported'] as const),
    proofs: Array.from({ length: r.int(0, 3) }, () => randomProof(r)),
  };
  if (amount !== null && r.chance(0.4)) {
    const totalCents = Math.round(amount * 100);
    const exclCents = Math.round(totalCents / 1.2);
    invoice.amountExclTax = exclCents / 100;
    invoice.taxAmount = (totalCents - exclCents) / 100;
  } else if (r.chance(0.2)) {
    invoice.amountExclTax = null;
    if (r.chance(0.5)) invoice.taxAmount = null;
  }
  if (r.chance(0.5)) {
    invoice.paymentTerms = r.pick<LedgerInvoice['paymentTerms']>([null, { kind: 'net', days: 30, from: 'invoice' }, { kind: 'end_of_month', days: 45, method: 'A' }, { kind: 'due_date', dueDate: randomDay(r) }, { kind: 'on_receipt' }, { kind: 'net', days: 0, from: 'service' }]);
  }
  if (r.chance(0.3)) invoice.serviceDate = r.chance(0.3) ? null : randomDay(r);
  if (r.chance(0.3)) invoice.cause = r.pick([null, 'oversight', 'cash_trouble', 'dispute', 'bad_faith', 'unknown'] as const);
  if (r.chance(0.3)) invoice.importHint = r.chance(0.3) ? null : { format: 'relance-ledger-scan', version: 1, generatedAt: randomInstant(r), statusHint: r.pick(['paid', 'disputed', 'promised', 'open'] as const) };
  return invoice;
}

/** Every kind of event, with random values (text is not trimmed: events are kept exactly as recorded). */
export function randomEventInput(r: Rng, invoice: LedgerInvoice, day: IsoDate, kind: LedgerEvent['kind']): EventInput {
  const later = (max: number) => addDays(day, r.int(0, max));
  const some = () => (r.chance(0.2) ? r.pick([0.01, 999999999.99, 0.29]) : r.int(1, 500_000) / 100);
  const words = () => (r.chance(0.2) ? ` ${randomText(r)}  ` : randomText(r));
  switch (kind) {
    case 'detected':
      return { kind, ...(r.chance(0.5) ? { messageId: r.chance(0.3) ? null : `#msg-f:${r.int(1, 1e9)}` } : {}), ...(r.chance(0.7) ? { facts: factsSnapshot(invoice) } : {}) };
    case 'tracked':
      return { kind, ...(r.chance(0.7) ? { facts: factsSnapshot(invoice) } : {}) };
    case 'reminder_drafted':
      return { kind, step: r.pick(CHASING_STEPS) };
    case 'reminder_sent':
      return { kind, step: r.pick(CHASING_STEPS), ...(r.chance(0.6) ? { messageId: r.chance(0.3) ? null : `<${r.int(1, 1e6)}@mail.example>` } : {}) };
    case 'call':
      return {
        kind,
        calledAt: `${day}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`,
        who: words(),
        outcome: r.pick(['answered', 'no_answer', 'voicemail'] as const),
        nextCallDate: later(30),
        ...(r.chance(0.5) ? { phone: '+33 6 12 34 56 78' } : {}),
        ...(r.chance(0.5) ? { said: r.chance(0.2) ? '' : words() } : {}),
        ...(r.chance(0.4) ? { promisedDate: addDays(day, r.int(-3, 30)) } : {}),
        ...(r.chance(0.3) ? { promisedAmount: some() } : {}),
      };
    case 'visit':
      return { kind, who: words(), ...(r.chance(0.5) ? { said: words() } : {}) };
    case 'letter':
      return { kind, registered: r.chance(0.5), ...(r.chance(0.6) ? { step: r.pick(CHASING_STEPS) } : {}), ...(r.chance(0.4) ? { trackingNumber: `1A ${r.int(1e8, 9e8)}` } : {}), ...(r.chance(0.3) ? { acknowledgedOn: later(10) } : {}) };
    case 'promise':
      return { kind, promisedDate: addDays(day, r.int(-3, 30)), ...(r.chance(0.5) ? { amount: some() } : {}) };
    case 'partial_payment':
      return { kind, amount: some(), paidOn: addDays(day, -r.int(0, 5)) };
    case 'payment':
      return { kind, paidOn: addDays(day, -r.int(0, 5)), ...(r.chance(0.5) ? { amount: r.chance(0.2) ? 0 : (invoice.amount ?? some()) } : {}) };
    case 'dispute_opened':
      return { kind, reason: words() };
    case 'dispute_resolved':
      return { kind, resolution: words() };
    case 'payment_plan':
      return {
        kind,
        ...(r.chance(0.4) ? { deposit: { dueDate: day, amount: some() } } : {}),
        instalments: Array.from({ length: r.int(1, 4) }, (_, n) => ({ dueDate: addDays(day, 30 * (n + 1)), amount: some() })),
      };
    case 'debt_acknowledged':
      return { kind };
    case 'formal_notice':
      return { kind, sentOn: day, deadline: later(15) };
    case 'escalation':
      return { kind, route: r.pick(['business_mediator', 'injonction_de_payer', 'refere_provision', 'small_claims_procedure', 'collection_agency'] as const), filedOn: day };
    case 'write_off':
      return { kind, reason: words() };
    case 'note':
      return { kind, text: words() };
    case 'correction': {
      // Corrects to the invoice's value on record, so the logbook vouches for the stored facts.
      const field = r.pick(CORRECTABLE_FIELDS);
      return { kind, field, from: r.pick([null, 'avant', 1199.99]), to: factOf(invoice, field) };
    }
  }
}

/** A whole ledger as the store would hold it. */
export interface RandomLedger {
  settings: LedgerSettings;
  templates: UserTemplates;
  clients: Client[];
  invoices: LedgerInvoice[];
  events: ChainedEvent[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A random valid ledger, in the order a backup lists it: clients and invoices by id, events
 * grouped by invoice (invoice order) in chain order. Every record is already normalised (the
 * checks return it unchanged) and every event chained. Some ledgers are empty.
 */
export function randomLedger(seed: number): RandomLedger {
  const r = prng(seed);
  const settings = randomSettings(r);
  const userChasing = Object.keys(settings.chasing).length > 0 || r.chance(0.5);
  const clients = Array.from({ length: r.chance(0.05) ? 0 : r.int(1, 5) }, (_, k) => randomClient(r, k, userChasing)).sort(byId);
  const invoices = clients.length === 0 ? [] : Array.from({ length: r.int(0, 8) }, (_, k) => randomInvoice(r, k, r.pick(clients))).sort(byId);
  const storageIds = r.chance(0.7);
  let nextId = r.int(1, 1000);
  const events: ChainedEvent[] = [];
  for (const invoice of invoices) {
    let day = invoice.issueDate ?? randomDay(r);
    const count = r.chance(0.1) ? 0 : r.int(1, 12);
    const logbook: LedgerEvent[] = [];
    for (let k = 0; k < count; k += 1) {
      const kind = k === 0 ? r.pick(['tracked', 'detected'] as const) : r.pick(LEDGER_EVENT_KINDS);
      day = addDays(day, r.chance(0.1) ? -r.int(1, 3) : r.int(0, 20));
      const input = randomEventInput(r, invoice, day, kind);
      const event = { ...input, invoiceId: invoice.id, day, at: randomInstant(r, day) } as LedgerEvent;
      if (r.chance(0.2)) event.note = r.chance(0.2) ? '' : randomText(r);
      if (storageIds) event.id = (nextId += r.int(1, 3));
      logbook.push(event);
    }
    events.push(...chainEvents(logbook));
  }
  return { settings, templates: randomTemplates(r), clients, invoices, events };
}

// ---- random single-invoice cases (property.test.ts, summary.test.ts) ---------------------------

const ROUTES: EscalationRoute[] = ['business_mediator', 'injonction_de_payer', 'refere_provision', 'small_claims_procedure', 'collection_agency'];
const FLAGS: ClientFlag[] = ['long_standing', 'key_account', 'known_difficulty'];

/** One invoice, its client and a random logbook, with a day to look at it (property tests). */
export interface Case {
  invoice: LedgerInvoice;
  client: Client;
  logbook: LedgerEvent[];
  today: IsoDate;
}

export function randomCase(seed: number): Case {
  const r = prng(seed);
  const issueDate = addDays('2026-01-01', r.int(0, 90));
  const amount = r.chance(0.1) ? null : r.int(1, 500_000) / 100;
  const inv = invoice({
    id: `inv-${seed}`,
    invoiceNumber: `P-${seed}`,
    amount,
    currency: r.pick(['EUR', 'EUR', 'GBP']),
    issueDate,
    dueDate: r.chance(0.1) ? null : addDays(issueDate, r.pick([0, 15, 30, 45, 60])),
    cause: r.chance(0.8) ? null : r.pick(['oversight', 'cash_trouble', 'dispute', 'bad_faith', 'unknown'] as const),
  });
  const client: Client = { ...CLIENT, b2b: r.chance(0.85), flags: FLAGS.filter(() => r.chance(0.15)) };
  const ev = events(inv.id);
  const some = () => r.int(1, Math.max(1, Math.round((amount ?? 1000) * 60))) / 100;
  let day = issueDate;
  const logbook: LedgerEvent[] = [ev(day, { kind: 'tracked' })];
  const count = r.int(0, 25);
  for (let i = 0; i < count; i += 1) {
    // Mostly forward in time; sometimes an event logged for an earlier day.
    day = addDays(day, r.chance(0.1) ? -r.int(1, 5) : r.int(0, 7));
    const later = (max: number) => addDays(day, r.int(0, max));
    const inputs: Array<() => EventInput> = [
      () => ({ kind: 'reminder_drafted', step: r.pick(CHASING_STEPS) }),
      () => ({ kind: 'reminder_sent', step: r.pick(CHASING_STEPS), messageId: r.chance(0.5) ? `m${i}` : null }),
      () => ({
        kind: 'call',
        calledAt: `${day}T${String(r.int(8, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`,
        who: 'Mme Petit',
        outcome: r.pick(['answered', 'no_answer', 'voicemail'] as const),
        nextCallDate: later(14),
        ...(r.chance(0.4) ? { promisedDate: addDays(day, r.int(-2, 20)) } : {}),
        ...(r.chance(0.3) ? { promisedAmount: some() } : {}),
      }),
      () => ({ kind: 'visit', who: 'M. Petit' }),
      () => ({ kind: 'letter', registered: r.chance(0.5), ...(r.chance(0.7) ? { step: r.pick(CHASING_STEPS) } : {}) }),
      () => ({ kind: 'promise', promisedDate: addDays(day, r.int(-2, 20)), ...(r.chance(0.5) ? { amount: some() } : {}) }),
      () => ({ kind: 'partial_payment', amount: some(), paidOn: addDays(day, -r.int(0, 3)) }),
      () => ({ kind: 'partial_payment', amount: some(), paidOn: addDays(day, -r.int(0, 3)) }),
      () => ({ kind: 'payment', paidOn: addDays(day, -r.int(0, 3)), ...(r.chance(0.5) && amount !== null ? { amount } : {}) }),
      () => ({ kind: 'dispute_opened', reason: 'quantity' }),
      () => ({ kind: 'dispute_resolved', resolution: 'credit note' }),
      () => ({
        kind: 'payment_plan',
        ...(r.chance(0.5) ? { deposit: { dueDate: day, amount: some() } } : {}),
        instalments: Array.from({ length: r.int(1, 4) }, (_, n) => ({ dueDate: addDays(day, 15 * (n + 1)), amount: some() })),
      }),
      () => ({ kind: 'debt_acknowledged' }),
      () => ({ kind: 'formal_notice', sentOn: day, deadline: later(15) }),
      () => ({ kind: 'escalation', route: r.pick(ROUTES), filedOn: day }),
      () => ({ kind: 'write_off', reason: 'gave up' }),
      () => ({ kind: 'note', text: `note ${i}` }),
      () => ({ kind: 'correction', field: r.pick(CORRECTABLE_FIELDS), from: null, to: 'x' }),
    ];
    // Closing events are rarer, so most logbooks stay open long enough to exercise the ladder.
    const pick = r.chance(0.1) ? r.pick([inputs[8]!, inputs[15]!]) : r.pick([...inputs.slice(0, 8), ...inputs.slice(9, 15), ...inputs.slice(16)]);
    logbook.push(ev(day, pick()));
  }
  const today = addDays(issueDate, r.int(0, 150));
  return { invoice: inv, client, logbook, today };
}

