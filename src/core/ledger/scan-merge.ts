/**
 * Merge import of the CLI's scan file (`relance scan … --ledger OUT.json`, format
 * `relance-ledger-scan` v1, src/cli/README.md): the invoices a mailbox export showed, added to the
 * ledger beside the ones it has. Pure: `planScanMerge` reads the file and the current ledger and
 * returns a plan; the store applies it (in one transaction) once the user has looked at it.
 *
 * - Validation first: JSON syntax, format and version, every field of the documented format. A
 *   foreign or damaged file is refused whole, with every error; a backup is sent to the restore.
 * - An invoice of the file is a duplicate when the ledger (or an earlier entry of the same file)
 *   has the same invoice number (compared without case and spaces, as the CLI does) for the same
 *   client (same address, or same company domain except on shared mail providers, as the CLI
 *   groups them). Duplicates are skipped; their new messages are proposed as proofs.
 * - New invoices are `source: 'imported'`, with every message of the file as a `file` proof, the
 *   scan's status hint kept in `importHint`, and a `detected` event carrying the facts (the
 *   evidence chain then covers them). Their client is the ledger's when it knows the address (or
 *   the company's domain), else a new one (`clientIdForEmail`).
 * - What the scan saw happen (a payment notice, a dispute, a promise) is only proposed, as events
 *   flagged for the user's confirmation, never recorded by the plan itself. Proposals already
 *   reflected in the ledger's logbook are left out.
 * - Idempotent: every id is derived from the file's facts, so planning the same file again once the
 *   first plan is applied gives no new client, no new invoice, no new proof.
 */
import { isValidIsoDate } from '../dates';
import { detectLanguage } from '../language';
import type { IsoDate, Language } from '../model';
import { parseJsonText } from './backup-json';
import type { LedgerEvent } from './events';
import { clientIdForEmail, factsSnapshot, type Client, type InvoiceProof, type LedgerInvoice } from './model';
import { checkClient, checkInvoice, type LedgerProblemCode } from './validate';

export const SCAN_FORMAT = 'relance-ledger-scan';
export const SCAN_VERSION = 1;

export const SCAN_LIMITS = Object.freeze({ maxChars: 64 * 1024 * 1024, maxInvoices: 100_000, maxMessagesPerInvoice: 10_000 });

/** The message kinds a scan file lists (src/cli/ledger-export.ts `LEDGER_KINDS`). */
const SCAN_MESSAGE_KINDS = ['invoice_sent', 'reminder', 'payment_notice', 'dispute', 'promise'] as const;
type ScanMessageKind = (typeof SCAN_MESSAGE_KINDS)[number];
const STATUS_HINTS = ['paid', 'disputed', 'promised', 'open'] as const;

/** One message of the file, as documented. */
export interface ScanMessage {
  file: string;
  message_id: string | null;
  kind: ScanMessageKind;
  date: string | null;
  amount: number | null;
}

/** One invoice of the file, as documented. */
export interface ScanInvoice {
  invoice_number: string;
  amount: number | null;
  currency: string | null;
  issue_date: string | null;
  due_date: string | null;
  terms: string | null;
  counterparty: string | null;
  messages: ScanMessage[];
  status_hint: (typeof STATUS_HINTS)[number];
}

export interface ScanFile {
  format: typeof SCAN_FORMAT;
  version: typeof SCAN_VERSION;
  generated_at: string;
  me: string[];
  invoices: ScanInvoice[];
}

export type ScanFileErrorCode = LedgerProblemCode | 'json_syntax' | 'not_a_scan' | 'backup_file' | 'newer_version' | 'too_large';

/** Why the file was refused (nothing of it is merged). */
export interface ScanFileError {
  /** `invoices[3].messages[0].kind`; '' for the whole file. */
  path: string;
  code: ScanFileErrorCode;
  message: string;
  position?: { line: number; column: number; offset: number };
}

export interface ScanMergeOptions {
  /** The local day of the merge: the day of the events it creates. */
  today: IsoDate;
  /** The instant of the merge (ISO 8601): `trackedAt`, `createdAt` and the events' `at`. */
  now: string;
  /** The user's own addresses (settings' `ownEmails`); the file's `me` is added to them. */
  ownAddresses?: readonly string[];
  /** Language of new clients when their invoice's terms do not tell, and of proposed notes. Default 'fr'. */
  language?: Language;
}

export interface ScanMergeExisting {
  invoices: readonly LedgerInvoice[];
  clients: readonly Client[];
  /**
   * The ledger's logbook (at least the events of invoices the file may name): proposals already
   * recorded are left out. Without it, no event is proposed for an invoice already in the ledger.
   */
  events?: readonly LedgerEvent[];
}

export interface PlannedInvoice {
  /** Index in the file's `invoices`. */
  scanIndex: number;
  invoice: LedgerInvoice;
  /** Events to append after adding it, in order (not chained: the store chains them). */
  events: LedgerEvent[];
  /** Its client is one of `newClients`. */
  newClient: boolean;
}

interface UpdateBase {
  scanIndex: number;
  invoiceId: string;
  invoiceNumber: string;
  /** The invoice is one of `newInvoices` (apply the update after adding it). */
  newInvoice: boolean;
}

export type ScanUpdate =
  | (UpdateBase & {
      kind: 'event';
      /** The event to append once the user confirms (not chained). */
      event: LedgerEvent;
      /** Why it is proposed, in `options.language`. */
      reason: string;
      /** Fields the file did not give and the plan assumed: ask the user (e.g. `paidOn` of an undated notice). */
      assumed: string[];
      /** The message it rests on. */
      proof: InvoiceProof;
      requiresConfirmation: true;
    })
  | (UpdateBase & {
      kind: 'add_proofs';
      /** The invoice record with the new proofs appended (to put in place of the stored one). */
      invoice: LedgerInvoice;
      proofs: InvoiceProof[];
      requiresConfirmation: false;
    });

export interface ScanDuplicate {
  scanIndex: number;
  invoiceNumber: string;
  counterparty: string | null;
  /** The ledger's invoice (or the plan's, for a second entry of the same file). */
  existingInvoiceId: string;
  reason: string;
}

export type ScanMergeProblemCode =
  | 'no_counterparty'
  | 'own_address'
  | 'invalid_record'
  /** Warning: an amount without currency was left out (the ledger needs both). */
  | 'amount_without_currency';

export interface ScanMergeProblem {
  scanIndex: number;
  /** `invoices[3].counterparty`. */
  path: string;
  code: ScanMergeProblemCode;
  /** skipped: the invoice is not in the plan; warning: it is, with the field left blank. */
  severity: 'skipped' | 'warning';
  message: string;
}

export interface ScanMergePlan {
  source: { generatedAt: string; me: string[]; invoiceCount: number };
  newClients: Client[];
  newInvoices: PlannedInvoice[];
  updates: ScanUpdate[];
  duplicates: ScanDuplicate[];
  problems: ScanMergeProblem[];
}

export type ScanMergeResult = { ok: true; plan: ScanMergePlan } | { ok: false; errors: ScanFileError[] };

// ---- reading the file ---------------------------------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value) : Array.isArray(value) ? 'a list' : isObject(value) ? 'an object' : String(value));
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Reads one object's fields; the expected keys exactly (a field of a newer format is an error). */
class Fields {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly path: string,
    private readonly errors: ScanFileError[],
    keys: readonly string[],
  ) {
    for (const key of Object.keys(obj)) if (!keys.includes(key)) this.error(key, 'unknown_field', 'is not a field of a relance-ledger-scan v1 file');
  }

  private at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  error(key: string, code: ScanFileErrorCode, message: string): void {
    this.errors.push({ path: this.at(key), code, message: `${this.at(key)}: ${message}` });
  }

  private present(key: string): boolean {
    if (this.obj[key] === undefined) {
      this.error(key, 'missing', 'is missing (the file is incomplete or was edited)');
      return false;
    }
    return true;
  }

  text(key: string, nullable: boolean): string | null {
    if (!this.present(key)) return null;
    const value = this.obj[key];
    if (value === null && nullable) return null;
    if (typeof value !== 'string' || (!nullable && value.trim() === '')) {
      this.error(key, 'wrong_type', `must be ${nullable ? 'text or null' : 'non-empty text'}, got ${show(value)}`);
      return null;
    }
    return value;
  }

  amount(key: string): number | null {
    if (!this.present(key)) return null;
    const value = this.obj[key];
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      this.error(key, 'not_an_amount', `must be an amount ≥ 0 or null, got ${show(value)}`);
      return null;
    }
    return value;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | null {
    if (!this.present(key)) return null;
    const value = this.obj[key];
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.error(key, 'unknown_value', `must be one of ${values.join(', ')}, got ${show(value)}`);
    return null;
  }

  list(key: string, max: number): unknown[] {
    if (!this.present(key)) return [];
    const value = this.obj[key];
    if (!Array.isArray(value)) {
      this.error(key, 'wrong_type', `must be a list, got ${show(value)}`);
      return [];
    }
    if (value.length > max) {
      this.error(key, 'too_large', `${value.length} items, more than the ${max} a scan file may hold`);
      return [];
    }
    return value;
  }
}

function identifyScan(value: unknown): ScanFileError | null {
  const notScan = (what: string, code: ScanFileErrorCode = 'not_a_scan'): ScanFileError => ({ path: '', code, message: `This is not a Relance scan file: ${what}` });
  if (!isObject(value)) return notScan(`the file holds ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, where a scan file is an object with "format": "${SCAN_FORMAT}".`);
  if (value.format === 'relance-backup') {
    return notScan('it is a Relance backup (format "relance-backup"). A backup is not merged: restore it with "Restore a backup", which replaces the whole ledger with it.', 'backup_file');
  }
  if (value.format === undefined) return notScan(`it has no "format": "${SCAN_FORMAT}" field. Scan files are written by \`relance scan PATH --ledger OUT.json\`.`);
  if (value.format !== SCAN_FORMAT) return notScan(`its format is ${show(value.format)}, not "${SCAN_FORMAT}".`);
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { path: 'version', code: version === undefined ? 'missing' : 'wrong_type', message: `The scan file's version must be a whole number from 1, got ${show(version)}: the file was edited or damaged.` };
  }
  if (version > SCAN_VERSION) {
    return {
      path: 'version',
      code: 'newer_version',
      message: `This scan file was written by a newer \`relance\` command (format version ${version}); this version reads version ${SCAN_VERSION} only. Update Relance, or scan again with the matching command. Nothing was changed.`,
    };
  }
  return null;
}

/** The file's text read and checked against the documented format: the file, or every error. */
export function parseScanFile(text: string): { ok: true; file: ScanFile } | { ok: false; errors: ScanFileError[] } {
  if (text.length > SCAN_LIMITS.maxChars) return { ok: false, errors: [{ path: '', code: 'too_large', message: `The file is larger than ${SCAN_LIMITS.maxChars / 1048576} MB: it is not a scan file Relance reads.` }] };
  if (text.trim() === '' || text === '\uFEFF') return { ok: false, errors: [{ path: '', code: 'json_syntax', message: 'The file is empty: it is not a Relance scan file.' }] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { error } = parsed;
    return {
      ok: false,
      errors: [
        {
          path: '',
          code: 'json_syntax',
          message: `This is not a Relance scan file, or it is damaged: it is not valid JSON (${error.message}).${error.truncated ? ' The file is cut short: the scan or the copy did not finish.' : ''}`,
          position: { line: error.line, column: error.column, offset: error.offset },
        },
      ],
    };
  }
  const identity = identifyScan(parsed.value);
  if (identity || !isObject(parsed.value)) return { ok: false, errors: [identity ?? { path: '', code: 'not_a_scan', message: 'This is not a Relance scan file.' }] };
  const errors: ScanFileError[] = [];
  const top = new Fields(parsed.value, '', errors, ['format', 'version', 'generated_at', 'me', 'invoices']);
  const generatedAt = top.text('generated_at', false);
  const match = generatedAt === null ? null : INSTANT.exec(generatedAt);
  if (generatedAt !== null && (!match?.[1] || !isValidIsoDate(match[1]))) top.error('generated_at', 'not_an_instant', `must be an ISO 8601 instant, got ${show(generatedAt)}`);
  const me = top.list('me', 1000).flatMap((item, index) => {
    if (typeof item === 'string') return [item.trim().toLowerCase()];
    errors.push({ path: `me[${index}]`, code: 'wrong_type', message: `me[${index}]: must be an address, got ${show(item)}` });
    return [];
  });
  const invoices = top.list('invoices', SCAN_LIMITS.maxInvoices).flatMap((raw, index): ScanInvoice[] => {
    const path = `invoices[${index}]`;
    if (!isObject(raw)) {
      errors.push({ path, code: 'wrong_type', message: `${path}: must be an object, got ${show(raw)}` });
      return [];
    }
    const f = new Fields(raw, path, errors, ['invoice_number', 'amount', 'currency', 'issue_date', 'due_date', 'terms', 'counterparty', 'messages', 'status_hint']);
    const messages = f.list('messages', SCAN_LIMITS.maxMessagesPerInvoice).flatMap((item, k): ScanMessage[] => {
      const at = `${path}.messages[${k}]`;
      if (!isObject(item)) {
        errors.push({ path: at, code: 'wrong_type', message: `${at}: must be an object, got ${show(item)}` });
        return [];
      }
      const m = new Fields(item, at, errors, ['file', 'message_id', 'kind', 'date', 'amount']);
      return [{ file: m.text('file', false) ?? '', message_id: m.text('message_id', true), kind: m.oneOf('kind', SCAN_MESSAGE_KINDS) ?? 'invoice_sent', date: m.text('date', true), amount: m.amount('amount') }];
    });
    return [
      {
        invoice_number: f.text('invoice_number', false) ?? '',
        amount: f.amount('amount'),
        currency: f.text('currency', true),
        issue_date: f.text('issue_date', true),
        due_date: f.text('due_date', true),
        terms: f.text('terms', true),
        counterparty: f.text('counterparty', true),
        messages,
        status_hint: f.oneOf('status_hint', STATUS_HINTS) ?? 'open',
      },
    ];
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, file: { format: SCAN_FORMAT, version: SCAN_VERSION, generated_at: generatedAt ?? '', me, invoices } };
}

// ---- matching -----------------------------------------------------------------------------------

/** Invoice numbers compared without case and spaces (also the CLI's ledger file, src/cli/ledger-export.ts). */
export function scanNumberKey(number: string): string {
  return number.trim().toUpperCase().replace(/[\s\u00a0]+/g, '');
}

/** Mail providers shared by unrelated people (the CLI's list): there the whole address is the client. */
const SHARED_DOMAINS =
  /^(?:gmail\.com|googlemail\.com|outlook\.[a-z.]+|hotmail\.[a-z.]+|live\.[a-z.]+|msn\.com|yahoo\.[a-z.]+|ymail\.com|icloud\.com|me\.com|mac\.com|aol\.com|gmx\.[a-z.]+|web\.de|proton(?:mail)?\.(?:com|me|ch)|pm\.me|orange\.fr|wanadoo\.fr|free\.fr|sfr\.fr|laposte\.net|bbox\.fr|neuf\.fr|libero\.it|zoho\.com|mail\.com|yandex\.[a-z.]+|fastmail\.[a-z.]+)$/i;

/** The client an address stands for, as the CLI groups messages: the company's domain, or the address on a shared provider. */
export function partyOf(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at === -1) return address;
  const domain = address.slice(at + 1);
  return SHARED_DOMAINS.test(domain) ? address : domain;
}

const proofKey = (proof: Pick<InvoiceProof, 'messageId' | 'file'>): string => (proof.messageId ? `id:${proof.messageId}` : `file:${proof.file ?? ''}`);

function dayOf(date: string | null): IsoDate | null {
  const day = date?.slice(0, 10) ?? null;
  return day !== null && isValidIsoDate(day) ? day : null;
}

/** Words of the proposals, in the user's language. */
function words(language: Language) {
  const fr = language === 'fr';
  return {
    payment: (file: string) => (fr ? `Un avis de paiement a été vu dans ${file}` : `A payment notice was seen in ${file}`),
    partial: (file: string) => (fr ? `Un avis de paiement partiel a été vu dans ${file}` : `A partial payment notice was seen in ${file}`),
    dispute: (file: string) => (fr ? `Contestation reçue par e-mail (${file})` : `Dispute received by email (${file})`),
    disputeReason: (file: string) => (fr ? `La dernière réponse du client dans ${file} conteste la facture` : `The client's latest reply in ${file} disputes the invoice`),
    promise: (file: string, day: string | null) =>
      fr
        ? `Promesse de paiement reçue par e-mail${day ? ` le ${day}` : ''} (${file}) : enregistrez la date promise.`
        : `Promise to pay received by email${day ? ` on ${day}` : ''} (${file}): record the promised date.`,
    promiseReason: (file: string) => (fr ? `Le client a promis de payer dans ${file} (sans date lisible)` : `The client promised to pay in ${file} (no readable date)`),
  };
}

/**
 * The merge plan of a scan file into the ledger (`existing`): new clients and invoices to add,
 * updates to propose, duplicates skipped, invoices that cannot be imported and why. A foreign or
 * damaged file gives `{ ok: false, errors }` and nothing else.
 */
export function planScanMerge(scanFileText: string, existing: ScanMergeExisting, options: ScanMergeOptions): ScanMergeResult {
  const read = parseScanFile(scanFileText);
  if (!read.ok) return read;
  const { file } = read;
  const language = options.language ?? 'fr';
  const say = words(language);
  const own = new Set([...file.me, ...(options.ownAddresses ?? [])].map((address) => address.trim().toLowerCase()));

  const plan: ScanMergePlan = { source: { generatedAt: file.generated_at, me: file.me, invoiceCount: file.invoices.length }, newClients: [], newInvoices: [], updates: [], duplicates: [], problems: [] };

  // Clients by address and by party, invoices by number + party (the ledger's, then the plan's).
  const clients = [...existing.clients];
  const clientOfAddress = (address: string): Client | null => {
    const exact = clients.find((client) => client.emails.includes(address));
    if (exact) return exact;
    const party = partyOf(address);
    if (party === address) return null;
    const sameCompany = clients.filter((client) => client.emails.some((email) => partyOf(email) === party));
    return sameCompany.length === 1 ? sameCompany[0]! : null;
  };
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const invoicesByKey = new Map<string, { invoice: LedgerInvoice; planned: boolean }>();
  const keyOf = (number: string, party: string) => `${scanNumberKey(number)}\u0000${party}`;
  for (const invoice of existing.invoices) {
    const parties = new Set<string>();
    if (invoice.clientEmail) parties.add(partyOf(invoice.clientEmail));
    for (const email of clientById.get(invoice.clientId)?.emails ?? []) parties.add(partyOf(email));
    for (const party of parties) if (!invoicesByKey.has(keyOf(invoice.invoiceNumber, party))) invoicesByKey.set(keyOf(invoice.invoiceNumber, party), { invoice, planned: false });
  }
  // An invoice imported before whose number was corrected since still has its scan id.
  const invoicesById = new Map(existing.invoices.map((invoice) => [invoice.id, { invoice, planned: false }]));
  const logbooks = new Map<string, LedgerEvent[]>();
  for (const event of existing.events ?? []) {
    const list = logbooks.get(event.invoiceId);
    if (list) list.push(event);
    else logbooks.set(event.invoiceId, [event]);
  }

  file.invoices.forEach((scanned, scanIndex) => {
    const path = `invoices[${scanIndex}]`;
    const skip = (code: ScanMergeProblemCode, field: string, message: string) => plan.problems.push({ scanIndex, path: `${path}${field}`, code, severity: 'skipped', message: `${path} (${scanned.invoice_number}): ${message}` });
    const counterparty = scanned.counterparty?.trim().toLowerCase() ?? '';
    if (counterparty === '' || !EMAIL.test(counterparty)) {
      skip('no_counterparty', '.counterparty', counterparty === '' ? 'no message names the client: enter this invoice by hand' : `the client ${show(scanned.counterparty)} is not an email address: enter this invoice by hand`);
      return;
    }
    if (own.has(counterparty)) {
      skip('own_address', '.counterparty', `the client address ${counterparty} is one of your own: not a receivable`);
      return;
    }
    const party = partyOf(counterparty);
    const proofs = scanned.messages.map(
      (message): InvoiceProof => ({ host: 'file', account: null, threadId: null, messageId: message.message_id, file: message.file, kind: message.kind, date: message.date, amount: message.amount }),
    );

    // ---- already in the ledger (or earlier in this file)
    const id = `scan:${party}:${scanNumberKey(scanned.invoice_number)}`;
    const known = invoicesByKey.get(keyOf(scanned.invoice_number, party)) ?? invoicesById.get(id);
    if (known) {
      plan.duplicates.push({
        scanIndex,
        invoiceNumber: scanned.invoice_number,
        counterparty,
        existingInvoiceId: known.invoice.id,
        reason: known.planned ? `another entry of this file is the same invoice (${known.invoice.invoiceNumber})` : `invoice ${known.invoice.invoiceNumber} of this client is already in the ledger`,
      });
      if (known.planned) return;
      const have = new Set(known.invoice.proofs.map(proofKey));
      const fresh = proofs.filter((proof) => !have.has(proofKey(proof)));
      const base = { scanIndex, invoiceId: known.invoice.id, invoiceNumber: known.invoice.invoiceNumber, newInvoice: false };
      if (fresh.length > 0) plan.updates.push({ ...base, kind: 'add_proofs', invoice: { ...known.invoice, proofs: [...known.invoice.proofs, ...fresh] }, proofs: fresh, requiresConfirmation: false });
      if (existing.events) plan.updates.push(...proposals(scanned, known.invoice, logbooks.get(known.invoice.id) ?? [], base, options, say));
      return;
    }

    // ---- a new invoice, and perhaps a new client
    let client = clientOfAddress(counterparty);
    const newClient = client === null;
    if (client === null) {
      const candidate: Client = {
        id: clientIdForEmail(counterparty),
        name: counterparty,
        emails: [counterparty],
        phone: null,
        language: detectLanguage(scanned.terms ?? '', language),
        country: null,
        b2b: true,
        flags: [],
        notes: '',
        chasing: null,
        jurisdiction: null,
        createdAt: options.now,
      };
      const checked = checkClient(candidate);
      if (!checked.ok) {
        skip('invalid_record', '.counterparty', `its client cannot be created: ${checked.problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`);
        return;
      }
      client = checked.value;
    }
    let amount = scanned.amount;
    if (amount !== null && scanned.currency === null) {
      plan.problems.push({ scanIndex, path: `${path}.amount`, code: 'amount_without_currency', severity: 'warning', message: `${path} (${scanned.invoice_number}): the amount ${amount} has no currency: it is left blank, enter it with its currency` });
      amount = null;
    }
    const invoiceMail = scanned.messages.find((message) => message.kind === 'invoice_sent');
    const record: LedgerInvoice = {
      id,
      host: null,
      account: null,
      threadId: null,
      messageId: invoiceMail?.message_id ?? null,
      invoiceNumber: scanned.invoice_number.trim(),
      clientEmail: counterparty,
      clientName: null,
      amount,
      currency: scanned.currency,
      issueDate: scanned.issue_date,
      dueDate: scanned.due_date,
      terms: scanned.terms,
      language: client.language,
      subject: '',
      trackedAt: options.now,
      clientId: client.id,
      source: 'imported',
      proofs,
      importHint: { format: SCAN_FORMAT, version: SCAN_VERSION, generatedAt: file.generated_at, statusHint: scanned.status_hint },
    };
    const checked = checkInvoice(record);
    if (!checked.ok) {
      const field = (name: string) =>
        ({ invoiceNumber: 'invoice_number', issueDate: 'issue_date', dueDate: 'due_date', clientEmail: 'counterparty', amount: 'amount', currency: 'currency', terms: 'terms' })[name.split('.')[0] ?? ''] ?? name;
      const first = checked.problems[0]!;
      plan.problems.push({
        scanIndex,
        path: `${path}.${field(first.field)}`,
        code: 'invalid_record',
        severity: 'skipped',
        message: `${path} (${scanned.invoice_number}): ${checked.problems.map((problem) => `${field(problem.field)} ${problem.message}`).join('; ')}`,
      });
      return;
    }
    const invoice = checked.value;
    if (newClient) {
      plan.newClients.push(client);
      clients.push(client);
      clientById.set(client.id, client);
    }
    const detected: LedgerEvent = { kind: 'detected', invoiceId: invoice.id, at: options.now, day: options.today, messageId: invoice.messageId, facts: factsSnapshot(invoice) };
    plan.newInvoices.push({ scanIndex, invoice, events: [detected], newClient });
    invoicesByKey.set(keyOf(invoice.invoiceNumber, party), { invoice, planned: true });
    plan.updates.push(...proposals(scanned, invoice, [detected], { scanIndex, invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber, newInvoice: true }, options, say));
  });
  return { ok: true, plan };
}

/** The events the scan suggests for an invoice, less what its logbook already records. */
function proposals(scanned: ScanInvoice, invoice: LedgerInvoice, logbook: readonly LedgerEvent[], base: UpdateBase, options: ScanMergeOptions, say: ReturnType<typeof words>): ScanUpdate[] {
  const out: ScanUpdate[] = [];
  const cents = (value: number) => Math.round(value * 100);
  const paidInFull = logbook.some((event) => event.kind === 'payment');
  let partialCents = logbook.reduce((sum, event) => sum + (event.kind === 'partial_payment' ? cents(event.amount) : 0), 0);
  const settled = () => paidInFull || (invoice.amount !== null && partialCents >= cents(invoice.amount));
  const closed = logbook.some((event) => event.kind === 'write_off');
  const proofOf = (message: ScanMessage): InvoiceProof => ({ host: 'file', account: null, threadId: null, messageId: message.message_id, file: message.file, kind: message.kind, date: message.date, amount: message.amount });
  const propose = (message: ScanMessage, event: LedgerEvent, reason: string, assumed: string[]) => out.push({ ...base, kind: 'event', event, reason, assumed, proof: proofOf(message), requiresConfirmation: true });
  const when = (message: ScanMessage): { day: IsoDate; assumed: string[] } => {
    const day = dayOf(message.date);
    return day === null ? { day: options.today, assumed: ['date'] } : { day, assumed: [] };
  };
  const eventDay = (day: IsoDate): IsoDate => (day <= options.today ? day : options.today);

  if (scanned.status_hint === 'paid' && !closed) {
    for (const message of scanned.messages.filter((m) => m.kind === 'payment_notice')) {
      if (settled()) break;
      const { day, assumed } = when(message);
      const partial = message.amount !== null && message.amount > 0 && invoice.amount !== null && cents(message.amount) < cents(invoice.amount) - partialCents;
      if (partial) {
        const amount = message.amount!;
        if (logbook.some((event) => event.kind === 'partial_payment' && cents(event.amount) === cents(amount) && event.paidOn === day)) continue;
        propose(message, { kind: 'partial_payment', invoiceId: invoice.id, at: options.now, day: eventDay(day), amount, paidOn: day }, say.partial(message.file), assumed.map(() => 'paidOn'));
        partialCents += cents(amount);
      } else {
        propose(
          message,
          { kind: 'payment', invoiceId: invoice.id, at: options.now, day: eventDay(day), paidOn: day, ...(message.amount !== null ? { amount: message.amount } : {}) },
          say.payment(message.file),
          assumed.map(() => 'paidOn'),
        );
        break;
      }
    }
  }
  if (scanned.status_hint === 'disputed' && !closed && !settled()) {
    const message = scanned.messages.filter((m) => m.kind === 'dispute').at(-1);
    let open = false;
    for (const event of logbook) {
      if (event.kind === 'dispute_opened') open = true;
      if (event.kind === 'dispute_resolved') open = false;
    }
    const { day, assumed } = message ? when(message) : { day: options.today, assumed: [] };
    // A dispute recorded since that message (even resolved since) already answers it.
    const recorded = logbook.some((event) => event.kind === 'dispute_opened' && event.day >= day);
    if (message && !open && !recorded) {
      propose(message, { kind: 'dispute_opened', invoiceId: invoice.id, at: options.now, day: eventDay(day), reason: say.dispute(message.file) }, say.disputeReason(message.file), assumed.map(() => 'day'));
    }
  }
  if (scanned.status_hint === 'promised' && !closed && !settled()) {
    const message = scanned.messages.filter((m) => m.kind === 'promise').at(-1);
    if (message) {
      const { day, assumed } = when(message);
      const text = say.promise(message.file, assumed.length === 0 ? day : null);
      const recorded = logbook.some((event) => (event.kind === 'note' && event.text === text) || (event.kind === 'promise' && event.day >= day) || (event.kind === 'call' && event.promisedDate !== undefined && event.day >= day));
      if (!recorded) propose(message, { kind: 'note', invoiceId: invoice.id, at: options.now, day: eventDay(day), text }, say.promiseReason(message.file), [...assumed.map(() => 'day'), 'promisedDate']);
    }
  }
  return out;
}
