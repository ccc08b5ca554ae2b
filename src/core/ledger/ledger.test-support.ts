/**
 * Test support (imported by tests only): a reference invoice, client and settings, and an event
 * builder that stamps events in the order the test writes them.
 */
import type { IsoDate } from '../model';
import type { LedgerEvent } from './events';
import { DEFAULT_LEDGER_SETTINGS, type Client, type LedgerInvoice, type LedgerSettings } from './model';

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
