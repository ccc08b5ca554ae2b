/**
 * Checks for every ledger record (clients, invoices, settings, templates, logbook events), for the
 * forms and for the backup import: `checkX(value)` reads an unknown value and returns either the
 * record, normalised, or every problem found, each naming its field (dotted path) with a stable
 * `code` for the UI and an English message.
 *
 * Normalisation: strings trimmed; emails lower-cased; currency, country, IBAN, BIC and VAT number
 * upper-cased (IBAN, SIRET and VAT number without spaces); amounts rounded to the cent. An absent
 * nullable field reads as null, an absent list as empty. A field the record does not have is a
 * problem (`unknown_field`): a backup from a newer version must not be half read.
 *
 * Rules: amounts are finite, ≥ 0, with at most 2 decimals (payments and instalments > 0); dates are
 * real calendar days (`YYYY-MM-DD`); instants are ISO 8601 with a zone; currencies are 3-letter ISO
 * 4217 codes; emails have one `@` and a dotted domain; SIRET: 14 digits with a valid Luhn key (La
 * Poste's: digit sum a multiple of 5); IBAN: ISO 13616 mod-97; VAT: 2-letter prefix, French key
 * checked; payment link: https.
 */
import { CHASING_STEPS, DEFAULT_CHASING_SETTINGS, isChasingStep, validateSettings, type ChasingDelays, type ChasingSettings, type ChasingSettingsOverride, type ClientFlag, type DelayCause, type SettingsProblemCode } from '../chasing';
import { isValidIsoDate } from '../dates';
import { JURISDICTIONS, RATE_TABLES, parseHalfYear, type Jurisdiction, type RateOverride, type RateTableId, type TermsInput } from '../law';
import type { IsoDate, Language } from '../model';
import { parseTemplateKey, type TemplateKey } from '../templates/user-templates';
import { CORRECTABLE_FIELDS, LEDGER_EVENT_KINDS, type CallOutcome, type EscalationRoute, type InvoiceFactsSnapshot, type LedgerEvent, type PlanInstalment } from './events';
import { DEFAULT_ALERT_SETTINGS, INTERFACE_LANGUAGES, NOTIFY_TIME, isCorrectableField, type AlertSettings, type Client, type CompanyIdentity, type ImportHint, type InvoiceProof, type LedgerInvoice, type LedgerSettings, type PenaltySettings, type UserTemplates } from './model';

export type LedgerProblemCode =
  | 'missing'
  | 'wrong_type'
  | 'empty'
  | 'unknown_field'
  | 'unknown_value'
  | 'not_a_date'
  | 'not_an_instant'
  | 'not_an_amount'
  | 'not_a_currency'
  | 'not_an_email'
  | 'bad_format'
  | 'bad_checksum'
  | 'out_of_range'
  | 'out_of_order'
  | 'inconsistent';

export interface LedgerProblem {
  /** Dotted path of the field, e.g. `emails.1`, `penalty.rateOverrides.0.period`. */
  field: string;
  code: LedgerProblemCode;
  /** English, for developers and logs; the UI translates `code`. */
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: LedgerProblem[] };

export class LedgerValidationError extends Error {
  constructor(
    readonly what: string,
    readonly problems: readonly LedgerProblem[],
  ) {
    super(`Invalid ${what}: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`);
    this.name = 'LedgerValidationError';
  }
}

/** The checked value, or a `LedgerValidationError` listing every problem. */
export function orThrow<T>(what: string, checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw new LedgerValidationError(what, checked.problems);
}

// ---- the field reader ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : typeof value === 'object' && value !== null ? 'an object' : String(value));

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const CURRENCY = /^[A-Z]{3}$/;
const HASH = /^[0-9a-f]{64}$/;

/** Round to the cent; null when the number has more than 2 decimals (beyond float noise). */
function toCents(value: number): number | null {
  const cents = Math.round(value * 100);
  return Math.abs(value * 100 - cents) < 1e-6 * Math.max(1, Math.abs(value)) ? cents / 100 : null;
}

interface Opt {
  /** Absent or null reads as null. */
  nullable?: boolean;
  /** Absent reads as undefined (the field is left out of the record). */
  optional?: boolean;
}

/** Reads the fields of one object, recording problems under `path`. */
class Reader {
  private readonly seen = new Set<string>();

  /**
   * @param normalise false for logbook events: they are evidence under a hash, so their values are
   *   checked as they are and returned unchanged (no trimming, no rounding).
   */
  constructor(
    private readonly obj: Obj,
    readonly path: string,
    readonly problems: LedgerProblem[],
    readonly normalise = true,
  ) {}

  private tidy(value: string): string {
    return this.normalise ? value.trim() : value;
  }

  field(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  problem(key: string, code: LedgerProblemCode, message: string): void {
    this.problems.push({ field: this.field(key), code, message });
  }

  /** The raw value; reports `missing` for a required field. `undefined` means "absent, fine". */
  private raw(key: string, opt: Opt): { present: true; value: unknown } | { present: false; value: null | undefined } {
    this.seen.add(key);
    const value = this.obj[key];
    if (value === undefined || (value === null && opt.nullable)) {
      if (value === undefined && !opt.nullable && !opt.optional) this.problem(key, 'missing', 'is required');
      return { present: false, value: opt.nullable ? null : undefined };
    }
    return { present: true, value };
  }

  text(key: string, opt: Opt & { nonEmpty?: boolean; max?: number } = {}): string | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    if (typeof value !== 'string') return this.wrong(key, 'text', value);
    const text = this.tidy(value);
    if (opt.nonEmpty && text.trim() === '') {
      this.problem(key, 'empty', 'must not be empty');
      return undefined;
    }
    if (opt.max !== undefined && text.length > opt.max) {
      this.problem(key, 'out_of_range', `must be at most ${opt.max} characters, got ${text.length}`);
      return undefined;
    }
    return text;
  }

  /** Like `text`, but an absent field reads as `fallback` (notes, signature, subject). */
  textOr(key: string, fallback: string): string {
    if (this.obj[key] === undefined || this.obj[key] === null) {
      this.seen.add(key);
      return fallback;
    }
    return this.text(key) ?? fallback;
  }

  date(key: string, opt: Opt = {}): IsoDate | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    if (typeof value === 'string' && isValidIsoDate(this.tidy(value))) return this.tidy(value);
    this.problem(key, 'not_a_date', `must be a calendar date YYYY-MM-DD, got ${show(value)}`);
    return undefined;
  }

  instant(key: string, opt: Opt = {}): string | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    const match = typeof value === 'string' ? INSTANT.exec(this.tidy(value)) : null;
    if (typeof value === 'string' && match?.[1] && isValidIsoDate(match[1])) return this.tidy(value);
    this.problem(key, 'not_an_instant', `must be an ISO 8601 instant with a zone (2026-03-04T09:15:00.000Z), got ${show(value)}`);
    return undefined;
  }

  localDateTime(key: string, opt: Opt = {}): string | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    const match = typeof value === 'string' ? LOCAL_DATE_TIME.exec(this.tidy(value)) : null;
    if (typeof value === 'string' && match?.[1] && isValidIsoDate(match[1])) return this.tidy(value);
    this.problem(key, 'not_a_date', `must be a local date and time YYYY-MM-DDTHH:mm, got ${show(value)}`);
    return undefined;
  }

  amount(key: string, opt: Opt & { positive?: boolean } = {}): number | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    const cents = typeof value === 'number' && Number.isFinite(value) ? toCents(value) : null;
    if (typeof value !== 'number' || cents === null || value < 0 || (opt.positive && value === 0)) {
      this.problem(key, 'not_an_amount', `must be a finite amount ${opt.positive ? '> 0' : '≥ 0'} with at most 2 decimals, got ${show(value)}`);
      return undefined;
    }
    return this.normalise ? cents : value;
  }

  number(key: string, opt: Opt & { integer?: boolean; min?: number; max?: number } = {}): number | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    if (typeof value !== 'number' || !Number.isFinite(value) || (opt.integer && !Number.isInteger(value))) {
      this.problem(key, 'wrong_type', `must be a ${opt.integer ? 'whole number' : 'finite number'}, got ${show(value)}`);
      return undefined;
    }
    if ((opt.min !== undefined && value < opt.min) || (opt.max !== undefined && value > opt.max)) {
      this.problem(key, 'out_of_range', `must be between ${opt.min ?? '-∞'} and ${opt.max ?? '∞'}, got ${value}`);
      return undefined;
    }
    return value;
  }

  boolean(key: string, opt: Opt = {}): boolean | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    if (typeof value === 'boolean') return value;
    return this.wrong(key, 'true or false', value);
  }

  currency(key: string, opt: Opt = {}): string | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    const code = typeof value === 'string' ? value.trim().toUpperCase() : null;
    if (code !== null && CURRENCY.test(code)) return code;
    this.problem(key, 'not_a_currency', `must be a 3-letter ISO 4217 code (EUR, GBP…), got ${show(value)}`);
    return undefined;
  }

  email(key: string, opt: Opt = {}): string | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    return this.emailValue(key, value);
  }

  emailValue(key: string, value: unknown): string | undefined {
    const email = typeof value === 'string' ? value.trim().toLowerCase() : null;
    if (email !== null && EMAIL.test(email)) return email;
    this.problem(key, 'not_an_email', `must be an email address, got ${show(value)}`);
    return undefined;
  }

  oneOf<T extends string>(key: string, values: readonly T[], opt: Opt = {}): T | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.problem(key, 'unknown_value', `must be one of ${values.join(', ')}, got ${show(value)}`);
    return undefined;
  }

  hash(key: string): string | undefined {
    const { present, value } = this.raw(key, { optional: true });
    if (!present) return undefined;
    if (typeof value === 'string' && HASH.test(value)) return value;
    this.problem(key, 'bad_format', `must be 64 lower-case hex digits (SHA-256), got ${show(value)}`);
    return undefined;
  }

  /** A list (absent reads as empty), each item read by `item` (undefined items are dropped). */
  list<T>(key: string, item: (value: unknown, field: string) => T | undefined, opt: { optional?: boolean } = {}): T[] | undefined {
    this.seen.add(key);
    const value = this.obj[key];
    if (value === undefined || value === null) {
      if (value === null) this.wrong(key, 'list', value);
      return opt.optional ? undefined : [];
    }
    if (!Array.isArray(value)) return this.wrong(key, 'list', value);
    const out: T[] = [];
    value.forEach((element, index) => {
      const read = item(element, `${this.field(key)}.${index}`);
      if (read !== undefined) out.push(read);
    });
    return out;
  }

  /** A nested object, read by `read` with its own Reader. */
  object<T>(key: string, read: (reader: Reader) => T, opt: Opt = {}): T | null | undefined {
    const { present, value } = this.raw(key, opt);
    if (!present) return value;
    if (!isObject(value)) return this.wrong(key, 'object', value);
    const reader = new Reader(value, this.field(key), this.problems, this.normalise);
    const result = read(reader);
    reader.done();
    return result;
  }

  /** Marks a field as read without reading it. */
  accept(key: string): unknown {
    this.seen.add(key);
    return this.obj[key];
  }

  keys(): string[] {
    return Object.keys(this.obj).filter((key) => this.obj[key] !== undefined);
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }

  /** Reports every field that was not read. */
  done(): void {
    for (const key of Object.keys(this.obj)) if (!this.seen.has(key) && this.obj[key] !== undefined) this.problem(key, 'unknown_field', 'is not a field of this record');
  }

  private wrong(key: string, what: string, value: unknown): undefined {
    this.problem(key, 'wrong_type', `must be ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}, got ${show(value)}`);
    return undefined;
  }
}

/** Runs `read` on the value when it is an object; the record is returned only when nothing is wrong. */
function check<T>(value: unknown, what: string, read: (reader: Reader) => T, normalise = true): Checked<T> {
  const problems: LedgerProblem[] = [];
  if (!isObject(value)) return { ok: false, problems: [{ field: '', code: 'wrong_type', message: `a ${what} must be an object, got ${show(value)}` }] };
  const reader = new Reader(value, '', problems, normalise);
  const result = read(reader);
  reader.done();
  return problems.length === 0 ? { ok: true, value: result } : { ok: false, problems };
}

/** Copies the entries whose value is not undefined (optional fields absent from the input stay absent). */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

// ---- identifiers --------------------------------------------------------------------------------

/** SIRET: 14 digits, Luhn key; La Poste's establishments (SIREN 356000000) use a digit sum multiple of 5. */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  if (siret.startsWith('356000000')) return digits.reduce((sum, digit) => sum + digit, 0) % 5 === 0;
  const sum = digits.reduce((total, digit, index) => {
    const doubled = index % 2 === 0 ? digit * 2 : digit;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0;
}

/** IBAN (ISO 13616): country, 2 check digits, up to 30 characters; the mod-97 remainder is 1. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function isValidBic(bic: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic);
}

/**
 * Intra-community VAT number: 2-letter prefix then 2 to 12 letters or digits. French numbers are
 * `FR` + a 2-character key + the 9-digit SIREN; a numeric key must be (12 + 3 × (SIREN mod 97)) mod 97.
 */
export function isValidVatNumber(vat: string): boolean {
  if (!/^[A-Z]{2}[A-Z0-9]{2,12}$/.test(vat)) return false;
  if (!vat.startsWith('FR')) return true;
  const match = /^FR([0-9A-Z]{2})(\d{9})$/.exec(vat);
  if (!match?.[1] || !match[2]) return false;
  if (!/^\d{2}$/.test(match[1])) return true;
  return Number(match[1]) === (12 + 3 * (Number(match[2]) % 97)) % 97;
}

// ---- clients ------------------------------------------------------------------------------------

const LANGUAGES: readonly Language[] = ['fr', 'en'];
const CLIENT_FLAGS: readonly ClientFlag[] = ['long_standing', 'key_account', 'known_difficulty'];
const DELAY_CAUSES: readonly DelayCause[] = ['oversight', 'cash_trouble', 'dispute', 'bad_faith', 'unknown'];
const SETTING_KEYS = Object.keys(DEFAULT_CHASING_SETTINGS).filter((key) => key !== 'delays');
const DELAY_KEYS = Object.keys(DEFAULT_CHASING_SETTINGS.delays);

const SETTINGS_CODES: Readonly<Record<SettingsProblemCode, LedgerProblemCode>> = {
  not_a_whole_number: 'wrong_type',
  out_of_range: 'out_of_range',
  out_of_order: 'out_of_order',
  not_a_boolean: 'wrong_type',
  unknown_country: 'unknown_value',
  not_an_amount: 'not_an_amount',
};

/**
 * A ladder override: known fields only, and values the ladder accepts once merged over `base` (the
 * user's settings for a client's override, the defaults for the user's). With `strictOrder` false
 * (a client's override checked without the user's settings) only the fields it sets are checked.
 */
function readChasingOverride(reader: Reader, base: ChasingSettings, strictOrder: boolean): ChasingSettingsOverride {
  const override: ChasingSettingsOverride = {};
  for (const key of SETTING_KEYS) if (reader.has(key)) Object.assign(override, { [key]: reader.accept(key) });
  if (reader.has('delays')) {
    reader.object('delays', (delays) => {
      const out: Partial<ChasingDelays> = {};
      for (const key of DELAY_KEYS) if (delays.has(key)) Object.assign(out, { [key]: delays.accept(key) });
      override.delays = out;
    });
  }
  const merged: ChasingSettings = { ...base, ...Object.fromEntries(Object.entries(override).filter(([key]) => key !== 'delays')), delays: { ...base.delays, ...override.delays } };
  const set = new Set([...Object.keys(override).filter((key) => key !== 'delays'), ...Object.keys(override.delays ?? {}).map((key) => `delays.${key}`)]);
  for (const problem of validateSettings(merged)) {
    if (strictOrder || set.has(problem.field)) reader.problems.push({ field: reader.field(problem.field), code: SETTINGS_CODES[problem.code], message: problem.message });
  }
  return override;
}

/**
 * A client. `userChasing`: the user's resolved ladder settings, to check the client's override in
 * combination (a delay out of order only shows against them); without it, each field it sets is
 * checked against the defaults.
 */
export function checkClient(value: unknown, options: { userChasing?: ChasingSettings } = {}): Checked<Client> {
  return check(value, 'client', (r) => {
    const emails = r.list('emails', (item, field) => {
      const email = typeof item === 'string' ? item.trim().toLowerCase() : null;
      if (email !== null && EMAIL.test(email)) return email;
      r.problems.push({ field, code: 'not_an_email', message: `must be an email address, got ${show(item)}` });
      return undefined;
    });
    const flags = r.list('flags', (item, field) => {
      if (typeof item === 'string' && (CLIENT_FLAGS as readonly string[]).includes(item)) return item as ClientFlag;
      r.problems.push({ field, code: 'unknown_value', message: `must be one of ${CLIENT_FLAGS.join(', ')}, got ${show(item)}` });
      return undefined;
    });
    const country = r.text('country', { nullable: true });
    const countryCode = country ? country.toUpperCase() : null;
    if (countryCode !== null && !/^[A-Z]{2}$/.test(countryCode)) r.problem('country', 'bad_format', `must be a 2-letter ISO 3166 code (FR, GB…), got ${show(country)}`);
    const chasing = r.object('chasing', (reader) => readChasingOverride(reader, options.userChasing ?? DEFAULT_CHASING_SETTINGS, options.userChasing !== undefined), { nullable: true });
    return {
      id: r.text('id', { nonEmpty: true }) ?? '',
      name: r.text('name', { nonEmpty: true }) ?? '',
      emails: [...new Set(emails ?? [])],
      phone: r.text('phone', { nullable: true }) || null,
      language: r.oneOf('language', LANGUAGES) ?? 'fr',
      country: countryCode,
      b2b: r.boolean('b2b') ?? true,
      flags: [...new Set(flags ?? [])],
      notes: r.textOr('notes', ''),
      chasing: chasing ?? null,
      jurisdiction: r.oneOf('jurisdiction', JURISDICTIONS, { nullable: true }) ?? null,
      createdAt: r.instant('createdAt') ?? '',
    };
  });
}

// ---- invoices -----------------------------------------------------------------------------------

const HOSTS = ['gmail', 'outlook'] as const;
const SOURCES = ['detected', 'entered', 'imported'] as const;

function readTerms(r: Reader): TermsInput | undefined {
  const kind = r.oneOf('kind', ['net', 'end_of_month', 'due_date', 'on_receipt'] as const);
  switch (kind) {
    case 'net': {
      const days = r.number('days', { integer: true, min: 0, max: 3650 });
      const from = r.oneOf('from', ['invoice', 'service', 'receipt'] as const);
      return days != null && from ? { kind, days, from } : undefined;
    }
    case 'end_of_month': {
      const days = r.number('days', { integer: true, min: 0, max: 3650 });
      const method = r.oneOf('method', ['A', 'B'] as const);
      return days != null && method ? { kind, days, method } : undefined;
    }
    case 'due_date': {
      const dueDate = r.date('dueDate');
      return dueDate ? { kind, dueDate } : undefined;
    }
    case 'on_receipt':
      return { kind };
    default:
      return undefined;
  }
}

function readProof(r: Reader): InvoiceProof {
  const host = r.oneOf('host', [...HOSTS, 'file'] as const) ?? 'file';
  const proof: InvoiceProof = {
    host,
    account: r.email('account', { nullable: true }) ?? null,
    threadId: r.text('threadId', { nullable: true }) ?? null,
    messageId: r.text('messageId', { nullable: true }) ?? null,
  };
  const file = r.text('file', { optional: true, nonEmpty: true });
  if (file) proof.file = file;
  const kind = r.text('kind', { optional: true, nonEmpty: true });
  if (kind) proof.kind = kind;
  if (r.has('date')) proof.date = r.text('date', { nullable: true }) ?? null;
  if (r.has('amount')) proof.amount = r.amount('amount', { nullable: true }) ?? null;
  if (host !== 'file' && proof.threadId === null && proof.messageId === null) r.problem('threadId', 'missing', 'a mailbox proof needs a thread id or a message id');
  if (host === 'file' && !proof.file) r.problem('file', 'missing', 'a file proof needs the file label of the message');
  return proof;
}

function readImportHint(r: Reader): ImportHint {
  return {
    format: r.oneOf('format', ['relance-ledger-scan'] as const) ?? 'relance-ledger-scan',
    version: (r.number('version', { integer: true, min: 1, max: 1 }) ?? 1) as 1,
    generatedAt: r.instant('generatedAt') ?? '',
    statusHint: r.oneOf('statusHint', ['paid', 'disputed', 'promised', 'open'] as const) ?? 'open',
  };
}

export function checkInvoice(value: unknown): Checked<LedgerInvoice> {
  return check(value, 'invoice', (r) => {
    const invoice: LedgerInvoice = {
      id: r.text('id', { nonEmpty: true }) ?? '',
      host: r.oneOf('host', HOSTS, { nullable: true }) ?? null,
      account: r.email('account', { nullable: true }) ?? null,
      threadId: r.text('threadId', { nullable: true }) ?? null,
      messageId: r.text('messageId', { nullable: true }) ?? null,
      invoiceNumber: r.text('invoiceNumber', { nonEmpty: true }) ?? '',
      // '' when the client's address is unknown (an invoice typed in, a scan without counterparty).
      clientEmail: r.accept('clientEmail') === '' ? '' : (r.email('clientEmail') ?? ''),
      clientName: r.text('clientName', { nullable: true }) || null,
      amount: r.amount('amount', { nullable: true }) ?? null,
      currency: r.currency('currency', { nullable: true }) ?? null,
      issueDate: r.date('issueDate', { nullable: true }) ?? null,
      dueDate: r.date('dueDate', { nullable: true }) ?? null,
      terms: r.text('terms', { nullable: true }) || null,
      language: r.oneOf('language', LANGUAGES) ?? 'fr',
      subject: r.textOr('subject', ''),
      trackedAt: r.instant('trackedAt') ?? '',
      clientId: r.text('clientId', { nonEmpty: true }) ?? '',
      source: r.oneOf('source', SOURCES) ?? 'entered',
      proofs: r.list('proofs', (item, field) => {
        if (!isObject(item)) {
          r.problems.push({ field, code: 'wrong_type', message: `must be an object, got ${show(item)}` });
          return undefined;
        }
        const reader = new Reader(item, field, r.problems);
        const proof = readProof(reader);
        reader.done();
        return proof;
      }) ?? [],
    };
    const optional = defined({
      amountExclTax: r.has('amountExclTax') ? r.amount('amountExclTax', { nullable: true }) ?? null : undefined,
      taxAmount: r.has('taxAmount') ? r.amount('taxAmount', { nullable: true }) ?? null : undefined,
      paymentTerms: r.has('paymentTerms') ? r.object('paymentTerms', readTerms, { nullable: true }) ?? null : undefined,
      serviceDate: r.has('serviceDate') ? r.date('serviceDate', { nullable: true }) ?? null : undefined,
      cause: r.has('cause') ? r.oneOf('cause', DELAY_CAUSES, { nullable: true }) ?? null : undefined,
      importHint: r.has('importHint') ? r.object('importHint', readImportHint, { nullable: true }) ?? null : undefined,
    });
    Object.assign(invoice, optional);
    if (invoice.amount !== null && invoice.amountExclTax != null && invoice.taxAmount != null && Math.abs(invoice.amountExclTax + invoice.taxAmount - invoice.amount) > 0.005) {
      r.problem('amount', 'inconsistent', `${invoice.amount} is not the total excluding tax ${invoice.amountExclTax} plus tax ${invoice.taxAmount}`);
    }
    if (invoice.amountExclTax != null && invoice.amount !== null && invoice.amountExclTax > invoice.amount + 0.005) {
      r.problem('amountExclTax', 'inconsistent', `the total excluding tax ${invoice.amountExclTax} exceeds the total ${invoice.amount}`);
    }
    if (invoice.amount !== null && r.accept('currency') == null) r.problem('currency', 'missing', 'an invoice with an amount needs its currency');
    return invoice;
  });
}

// ---- settings -----------------------------------------------------------------------------------

function readCompany(r: Reader): CompanyIdentity {
  const siret = r.text('siret', { nullable: true })?.replace(/\s+/g, '') || null;
  if (siret !== null && !/^\d{14}$/.test(siret)) r.problem('siret', 'bad_format', `must be 14 digits, got ${show(siret)}`);
  else if (siret !== null && !isValidSiret(siret)) r.problem('siret', 'bad_checksum', `${siret} is not a valid SIRET (its check digit is wrong)`);
  const vatNumber = r.text('vatNumber', { nullable: true })?.replace(/[\s.-]+/g, '').toUpperCase() || null;
  if (vatNumber !== null && !isValidVatNumber(vatNumber)) {
    r.problem('vatNumber', /^[A-Z]{2}[A-Z0-9]{2,12}$/.test(vatNumber) ? 'bad_checksum' : 'bad_format', `${vatNumber} is not a valid intra-community VAT number`);
  }
  return {
    name: r.textOr('name', ''),
    legalForm: r.text('legalForm', { nullable: true }) || null,
    siret,
    vatNumber,
    address: r.text('address', { nullable: true }) || null,
    email: r.email('email', { nullable: true }) ?? null,
    phone: r.text('phone', { nullable: true }) || null,
  };
}

function readPenalty(r: Reader): PenaltySettings {
  const jurisdiction: Jurisdiction = r.oneOf('jurisdiction', JURISDICTIONS) ?? 'FR';
  const agreedRatePercent = r.number('agreedRatePercent', { nullable: true, min: 0, max: 100 }) ?? null;
  const rateBasis = r.oneOf('rateBasis', ['3x_legal_rate'] as const, { nullable: true }) ?? null;
  if (agreedRatePercent !== null && rateBasis !== null) r.problem('rateBasis', 'inconsistent', 'give either an agreed rate or the 3 × legal rate basis, not both');
  if (rateBasis !== null && jurisdiction !== 'FR') r.problem('rateBasis', 'inconsistent', `the 3 × legal rate basis is a French rule, not for ${jurisdiction}`);
  const tables = Object.keys(RATE_TABLES) as RateTableId[];
  const rateOverrides =
    r.list('rateOverrides', (item, field) => {
      if (!isObject(item)) {
        r.problems.push({ field, code: 'wrong_type', message: `must be an object, got ${show(item)}` });
        return undefined;
      }
      const reader = new Reader(item, field, r.problems);
      const table = reader.oneOf('table', tables);
      const periodText = reader.text('period');
      const period = typeof periodText === 'string' ? parseHalfYear(periodText) : null;
      if (typeof periodText === 'string' && period === null) reader.problem('period', 'bad_format', `must be a half-year like 2026-H2, got ${show(periodText)}`);
      // Reference rates may be negative (the German base rate was, 2019-2022).
      const ratePercent = reader.number('ratePercent', { min: -100, max: 100 });
      reader.done();
      return table && period && ratePercent != null ? ({ table, period, ratePercent } satisfies RateOverride) : undefined;
    }) ?? [];
  return { jurisdiction, agreedRatePercent, rateBasis, endOfMonthMethod: r.oneOf('endOfMonthMethod', ['A', 'B'] as const) ?? 'B', rateOverrides };
}

export function checkSettings(value: unknown): Checked<LedgerSettings> {
  return check(value, 'settings', (r) => {
    const iban = r.text('iban', { nullable: true })?.replace(/\s+/g, '').toUpperCase() || null;
    if (iban !== null && !isValidIban(iban)) {
      r.problem('iban', /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) ? 'bad_checksum' : 'bad_format', `${iban} is not a valid IBAN`);
    }
    const bic = r.text('bic', { nullable: true })?.replace(/\s+/g, '').toUpperCase() || null;
    if (bic !== null && !isValidBic(bic)) r.problem('bic', 'bad_format', `${bic} is not a valid BIC (8 or 11 characters)`);
    const paymentLink = r.text('paymentLink', { nullable: true }) || null;
    if (paymentLink !== null && !/^https:\/\/[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?$/i.test(paymentLink)) r.problem('paymentLink', 'bad_format', `must be an https:// link, got ${show(paymentLink)}`);
    const ownEmails = r.list('ownEmails', (item, field) => {
      const email = typeof item === 'string' ? item.trim().toLowerCase() : null;
      if (email !== null && EMAIL.test(email)) return email;
      r.problems.push({ field, code: 'not_an_email', message: `must be an email address, got ${show(item)}` });
      return undefined;
    });
    return {
      company: r.object('company', readCompany) ?? { ...DEFAULT_COMPANY },
      iban,
      bic,
      paymentLink,
      signature: r.textOr('signature', ''),
      language: r.oneOf('language', LANGUAGES) ?? 'fr',
      // Optional (added with the settings page): older backups have none and stay valid.
      ...optionalField('interfaceLanguage', r.oneOf('interfaceLanguage', INTERFACE_LANGUAGES, { optional: true })),
      ownEmails: [...new Set(ownEmails ?? [])],
      // Optional (issue 6, the daily alerts): older backups have none and stay valid.
      ...optionalField('alerts', r.object('alerts', readAlerts, { optional: true })),
      chasing: r.has('chasing') ? (r.object('chasing', (reader) => readChasingOverride(reader, DEFAULT_CHASING_SETTINGS, true)) ?? {}) : (r.accept('chasing'), {}),
      penalty: r.object('penalty', readPenalty) ?? { jurisdiction: 'FR', agreedRatePercent: null, rateBasis: null, endOfMonthMethod: 'B', rateOverrides: [] },
    };
  });
}

/** `{ [key]: value }`, or nothing when the value is absent (an optional field stays absent). */
function optionalField<K extends string, T>(key: K, value: T | null | undefined): { [P in K]?: T } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]?: T });
}

/** The daily alerts: a `HH:MM` time or null (no notification), an account address or null (every account). */
function readAlerts(r: Reader): AlertSettings {
  const notifyAt = r.text('notifyAt', { nullable: true }) ?? null;
  if (notifyAt !== null && !NOTIFY_TIME.test(notifyAt)) r.problem('notifyAt', 'bad_format', `must be a time HH:MM (00:00 to 23:59), got ${show(notifyAt)}`);
  const badgeAccount = r.email('badgeAccount', { nullable: true }) ?? null;
  // A refused time is reported above (the settings are not saved); null keeps notifications off.
  return { notifyAt: notifyAt === null || NOTIFY_TIME.test(notifyAt) ? notifyAt : DEFAULT_ALERT_SETTINGS.notifyAt, badgeAccount };
}

const DEFAULT_COMPANY: CompanyIdentity = { name: '', legalForm: null, siret: null, vatNumber: null, address: null, email: null, phone: null };

// ---- templates ----------------------------------------------------------------------------------

/** The templates module's longest template (user-templates.ts `MAX_TEMPLATE_CHARS`). */
const MAX_TEMPLATE_CHARS = 20_000;

/**
 * Stored template overrides: keys `step.language.part`, string values. Only the shape is checked
 * here; whether a step has that part and whether the source compiles is the templates module's
 * call (`loadOverrides`, `validateTemplate`), which the import runs next.
 */
export function checkUserTemplates(value: unknown): Checked<UserTemplates> {
  return check(value, 'templates', (r) => {
    const out: Partial<Record<TemplateKey, string>> = {};
    for (const key of r.keys()) {
      const source = r.accept(key);
      // The templates module decides which keys name a wording (tone variants included).
      if (parseTemplateKey(key) === null) {
        r.problem(key, 'unknown_field', 'is not a template key (step.language[.tone].part, e.g. second_reminder.fr.body)');
      } else if (typeof source !== 'string') {
        r.problem(key, 'wrong_type', `must be the template's text, got ${show(source)}`);
      } else if (source.length > MAX_TEMPLATE_CHARS) {
        r.problem(key, 'out_of_range', `must be at most ${MAX_TEMPLATE_CHARS} characters, got ${source.length}`);
      } else {
        // Not trimmed: a template's whitespace is its layout.
        out[key as TemplateKey] = source;
      }
    }
    return out;
  });
}

// ---- events -------------------------------------------------------------------------------------

const CALL_OUTCOMES: readonly CallOutcome[] = ['answered', 'no_answer', 'voicemail'];
const ESCALATION_ROUTES: readonly EscalationRoute[] = ['business_mediator', 'injonction_de_payer', 'refere_provision', 'small_claims_procedure', 'collection_agency'];

function readInstalment(r: Reader): PlanInstalment {
  return { dueDate: r.date('dueDate') ?? '', amount: r.amount('amount', { positive: true }) ?? 0 };
}

function readFacts(r: Reader): InvoiceFactsSnapshot {
  const facts: InvoiceFactsSnapshot = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (!r.has(field)) continue;
    const value = r.accept(field);
    if (value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) facts[field] = value;
    else r.problem(field, 'wrong_type', `must be text, a number or null, got ${show(value)}`);
  }
  return facts;
}

/**
 * One logbook event: its kind's fields, nothing else. Values are checked as they are and returned
 * unchanged (no trimming, no rounding): the event's hash covers them, so a chained event that
 * passes still verifies.
 */
export function checkEvent(value: unknown): Checked<LedgerEvent> {
  return check(value, 'event', (r) => {
    const base = defined({
      id: r.number('id', { optional: true, integer: true, min: 0 }) ?? undefined,
      invoiceId: r.text('invoiceId', { nonEmpty: true }) ?? '',
      at: r.instant('at') ?? '',
      day: r.date('day') ?? '',
      note: r.text('note', { optional: true }) ?? undefined,
      seq: r.number('seq', { optional: true, integer: true, min: 0 }) ?? undefined,
      prevHash: r.hash('prevHash'),
      hash: r.hash('hash'),
    });
    const kind = r.oneOf('kind', LEDGER_EVENT_KINDS);
    const step = () => {
      const s = r.accept('step');
      if (isChasingStep(s)) return s;
      r.problem('step', s === undefined ? 'missing' : 'unknown_value', `must be one of ${CHASING_STEPS.join(', ')}, got ${show(s)}`);
      return 'first_reminder' as const;
    };
    const opt = <T>(key: string, read: () => T | null | undefined): { [k: string]: T } => {
      if (!r.has(key)) {
        r.accept(key);
        return {};
      }
      const value = read();
      return value === undefined || value === null ? {} : { [key]: value };
    };
    let event: LedgerEvent;
    switch (kind) {
      case 'detected':
        event = { ...base, kind, ...(r.has('messageId') ? { messageId: r.text('messageId', { nullable: true }) ?? null } : (r.accept('messageId'), {})), ...opt('facts', () => r.object('facts', readFacts)) };
        break;
      case 'tracked':
        event = { ...base, kind, ...opt('facts', () => r.object('facts', readFacts)) };
        break;
      case 'reminder_drafted':
        event = { ...base, kind, step: step() };
        break;
      case 'reminder_sent':
        event = { ...base, kind, step: step(), ...(r.has('messageId') ? { messageId: r.text('messageId', { nullable: true }) ?? null } : (r.accept('messageId'), {})) };
        break;
      case 'call': {
        const calledAt = r.localDateTime('calledAt') ?? '';
        let nextCallDate: IsoDate | null | undefined;
        if (r.has('nextCallDate')) nextCallDate = r.date('nextCallDate');
        else r.problem('nextCallDate', 'missing', 'is required: never hang up without agreeing the next call date');
        if (nextCallDate && calledAt && nextCallDate < calledAt.slice(0, 10)) r.problem('nextCallDate', 'out_of_order', `the next call (${nextCallDate}) cannot come before this call (${calledAt.slice(0, 10)})`);
        event = {
          ...base,
          kind,
          calledAt,
          who: r.text('who', { nonEmpty: true }) ?? '',
          outcome: r.oneOf('outcome', CALL_OUTCOMES) ?? 'no_answer',
          nextCallDate: nextCallDate ?? '',
          ...opt('phone', () => r.text('phone', { nonEmpty: true })),
          ...opt('said', () => r.text('said')),
          ...opt('promisedDate', () => r.date('promisedDate')),
          ...opt('promisedAmount', () => r.amount('promisedAmount', { positive: true })),
        };
        break;
      }
      case 'visit':
        event = { ...base, kind, who: r.text('who', { nonEmpty: true }) ?? '', ...opt('said', () => r.text('said')) };
        break;
      case 'letter':
        event = {
          ...base,
          kind,
          registered: r.boolean('registered') ?? false,
          ...(r.has('step') ? { step: step() } : (r.accept('step'), {})),
          ...opt('trackingNumber', () => r.text('trackingNumber', { nonEmpty: true })),
          ...opt('acknowledgedOn', () => r.date('acknowledgedOn')),
        };
        break;
      case 'promise':
        event = { ...base, kind, promisedDate: r.date('promisedDate') ?? '', ...opt('amount', () => r.amount('amount', { positive: true })) };
        break;
      case 'partial_payment':
        event = { ...base, kind, amount: r.amount('amount', { positive: true }) ?? 0, paidOn: r.date('paidOn') ?? '' };
        break;
      case 'payment':
        event = { ...base, kind, paidOn: r.date('paidOn') ?? '', ...opt('amount', () => r.amount('amount')) };
        break;
      case 'dispute_opened':
        event = { ...base, kind, reason: r.text('reason', { nonEmpty: true }) ?? '' };
        break;
      case 'dispute_resolved':
        event = { ...base, kind, resolution: r.text('resolution', { nonEmpty: true }) ?? '' };
        break;
      case 'payment_plan': {
        const instalments =
          r.list('instalments', (item, field) => {
            if (!isObject(item)) {
              r.problems.push({ field, code: 'wrong_type', message: `must be an object, got ${show(item)}` });
              return undefined;
            }
            const reader = new Reader(item, field, r.problems, false);
            const instalment = readInstalment(reader);
            reader.done();
            return instalment;
          }) ?? [];
        const deposit = r.has('deposit') ? r.object('deposit', readInstalment) : (r.accept('deposit'), undefined);
        if (instalments.length === 0 && !deposit) r.problem('instalments', 'empty', 'a payment plan needs at least one instalment');
        event = { ...base, kind, instalments, ...(deposit ? { deposit } : {}) };
        break;
      }
      case 'debt_acknowledged':
        event = { ...base, kind };
        break;
      case 'formal_notice': {
        const sentOn = r.date('sentOn') ?? '';
        const deadline = r.date('deadline') ?? '';
        if (sentOn && deadline && deadline < sentOn) r.problem('deadline', 'out_of_order', `the deadline (${deadline}) cannot come before the sending (${sentOn})`);
        event = { ...base, kind, sentOn, deadline };
        break;
      }
      case 'escalation':
        event = { ...base, kind, route: r.oneOf('route', ESCALATION_ROUTES) ?? 'collection_agency', filedOn: r.date('filedOn') ?? '' };
        break;
      case 'write_off':
        event = { ...base, kind, reason: r.text('reason', { nonEmpty: true }) ?? '' };
        break;
      case 'note':
        event = { ...base, kind, text: r.text('text', { nonEmpty: true }) ?? '' };
        break;
      case 'correction': {
        const field = r.text('field', { nonEmpty: true }) ?? '';
        if (field && !isCorrectableField(field)) r.problem('field', 'unknown_value', `must be one of ${CORRECTABLE_FIELDS.join(', ')}, got ${show(field)}`);
        const fact = (key: string): string | number | null => {
          const v = r.accept(key);
          if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
          r.problem(key, v === undefined ? 'missing' : 'wrong_type', `must be text, a number or null, got ${show(v)}`);
          return null;
        };
        event = { ...base, kind, field, from: fact('from'), to: fact('to') };
        break;
      }
      default:
        event = { ...base, kind: 'note', text: '' };
    }
    return event;
  }, false);
}
