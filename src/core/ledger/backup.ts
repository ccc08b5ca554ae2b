/**
 * The JSON backup of the whole ledger (issue 5 "Import/export"): settings, templates, clients,
 * invoices and the logbook with its hash chain, in one versioned file. Format: BACKUP.md.
 *
 * - `exportBackup(snapshot, exportedAt)` gives the file's object and its text (stable: the same
 *   ledger gives the same bytes), and the problems the restore would report for it (none for a
 *   healthy ledger), so a backup that would not restore is known when it is made.
 * - `parseBackup(text)` reads a file and checks it completely before anything is written: JSON
 *   syntax (with line and column), format and version, size, every record through the ledger's
 *   checks (each problem with its path, `invoices[12].dueDate`), duplicate ids, references
 *   (events to invoices, invoices to clients, heads to invoices), and the hash chain of every
 *   invoice against the file's chain heads. Either the whole backup, or every error: the store
 *   then replaces its data in one transaction, or touches nothing.
 */
import { DEFAULT_CHASING_SETTINGS, resolveSettings, type ChasingSettings } from '../chasing';
import { isValidIsoDate } from '../dates';
import { parseTemplateKey, templateKey, validateTemplate } from '../templates/user-templates';
import { parseJsonText, sortedJson } from './backup-json';
import type { LedgerEvent } from './events';
import { chainHeads, genesisHash, markChainsVerified, verifyChain, type ChainBreak, type ChainHead, type ChainProblem } from './hash-chain';
import { factsMismatches, type Client, type LedgerInvoice, type LedgerSettings, type UserTemplates } from './model';
import { checkClient, checkEvent, checkInvoice, checkSettings, type LedgerProblem, type LedgerProblemCode } from './validate';

export const BACKUP_FORMAT = 'relance-backup';
export const BACKUP_VERSION = 1;
/** The newest version this code reads and writes (v2: JSON Lines, streamed; backup-v2.ts, backup-stream.ts). */
export const BACKUP_LATEST_VERSION = 2;

/** Limits a file must stay within (far above a freelancer's decades of invoices). */
export const BACKUP_LIMITS = Object.freeze({
  /** Characters of JSON text (UTF-16 code units, about the size in bytes). */
  maxChars: 128 * 1024 * 1024,
  maxClients: 50_000,
  maxInvoices: 100_000,
  maxEvents: 1_000_000,
  maxAppVersionChars: 100,
});

/** What the store holds, as the backup takes it. */
export interface LedgerSnapshot {
  settings: LedgerSettings;
  templates: UserTemplates;
  clients: readonly Client[];
  invoices: readonly LedgerInvoice[];
  /** Every logbook event, chained (`seq`, `prevHash`, `hash`), in any order. */
  events: readonly LedgerEvent[];
}

/** The backup file (format `relance-backup`, version 1). Field names as in the file. */
export interface LedgerBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 instant the backup was made. */
  exported_at: string;
  /** The Relance version that wrote it (informative). */
  app_version?: string;
  settings: LedgerSettings;
  templates: UserTemplates;
  /** By id. */
  clients: Client[];
  /** By id. */
  invoices: LedgerInvoice[];
  /** Grouped by invoice (invoice order), each invoice's events in chain order (`seq` 0, 1, 2…). */
  events: LedgerEvent[];
  /** One per invoice, in invoice order: where its chain ends (count 0 and the genesis hash when it has no event). */
  chain_heads: ChainHead[];
}

export type BackupProblemCode =
  | LedgerProblemCode
  /** The text is not JSON. */
  | 'json_syntax'
  /** A JSON file, but not a Relance backup. */
  | 'not_a_backup'
  /** The CLI's scan file: it is merged (scan-merge.ts), not restored. */
  | 'scan_file'
  /** Written by a newer Relance. */
  | 'newer_version'
  | 'too_large'
  | 'duplicate_id'
  /** An event, or a chain head, of an invoice the backup does not have. */
  | 'unknown_invoice'
  /** An invoice of a client the backup does not have. */
  | 'unknown_client'
  /** The logbook's hash chain does not verify: history was altered (see `chain`). */
  | 'chain_break'
  /** A template that does not compile. */
  | 'template_error'
  /** Warning: an invoice record disagrees with the facts its logbook vouches for. */
  | 'facts_mismatch'
  /** Version 2: the file ends before its `end` line (a download or copy cut short). */
  | 'truncated'
  /** Version 2: a line out of its place (an event before any invoice, a client after the invoices…). */
  | 'out_of_order';

export interface BackupProblem {
  /** Where: `invoices[12].dueDate`, `events[40]`, `chain_heads[3].hash`; '' for the whole file. */
  path: string;
  code: BackupProblemCode;
  /** English, a whole sentence for people; the UI may translate `code`. */
  message: string;
  /** Version 2: the file's line (1-based) the problem is on. */
  line?: number;
  /** json_syntax: where the text breaks. */
  position?: { line: number; column: number; offset: number };
  /** chain_break: which invoice, which event, what kind of break. */
  chain?: {
    invoiceId: string;
    /** The invoice's number when the backup has the invoice. */
    invoiceNumber: string | null;
    problem: ChainProblem;
    /** Index in `events` (the list's length for a chain cut short). */
    eventIndex: number;
    /** The event's position in its invoice's chain, and its own `seq`. */
    position: number;
    seq: number | null;
    kind: string | null;
    day: string | null;
  };
}

export type BackupParseResult =
  | {
      ok: true;
      /** Every record normalised by the ledger's checks (the store writes these). */
      backup: LedgerBackup;
      /** Not blocking, shown to the user before they confirm (facts mismatches). */
      warnings: BackupProblem[];
    }
  | { ok: false; errors: BackupProblem[]; warnings: BackupProblem[] };

// ---- export -------------------------------------------------------------------------------------

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Events grouped by invoice (in `invoiceIds` order, then any other invoice by id), each group by `seq`. */
function orderEvents(events: readonly LedgerEvent[], invoiceIds: readonly string[]): LedgerEvent[] {
  const groups = new Map<string, LedgerEvent[]>();
  for (const id of invoiceIds) groups.set(id, []);
  const strays = [...new Set(events.map((event) => event.invoiceId))].filter((id) => !groups.has(id)).sort(compareText);
  for (const id of strays) groups.set(id, []);
  for (const event of events) groups.get(event.invoiceId)?.push(event);
  const seq = (event: LedgerEvent): number => (typeof event.seq === 'number' ? event.seq : Number.MAX_SAFE_INTEGER);
  // Array.prototype.sort is stable: unchained events keep their order, after the chained ones.
  return [...groups.values()].flatMap((group) => [...group].sort((a, b) => seq(a) - seq(b)));
}

/** One head per invoice, in invoice order (then heads of events whose invoice is missing). */
function headsOf(events: readonly LedgerEvent[], invoiceIds: readonly string[]): ChainHead[] {
  // A chain whose last event is not sealed has no head to record (the restore reports the event).
  const found = new Map(chainHeads(events).filter((head) => head.hash !== '').map((head) => [head.invoiceId, head]));
  const unsealed = new Set(events.filter((event) => typeof event.hash !== 'string').map((event) => event.invoiceId));
  const heads = invoiceIds.flatMap((id) => found.get(id) ?? (unsealed.has(id) ? [] : [{ invoiceId: id, count: 0, hash: genesisHash(id) }]));
  const known = new Set(invoiceIds);
  return [...heads, ...[...found.values()].filter((head) => !known.has(head.invoiceId))];
}

/**
 * The backup's text: the header one field a line, each record on a line of its own (keys sorted,
 * so the same ledger always gives the same bytes, and a changed record shows as a changed line).
 */
export function serializeBackup(backup: LedgerBackup): string {
  const list = (records: readonly unknown[]): string => (records.length === 0 ? '[]' : `[\n${records.map((record) => `    ${sortedJson(record)}`).join(',\n')}\n  ]`);
  const fields: Array<[string, string]> = [
    ['format', JSON.stringify(backup.format)],
    ['version', JSON.stringify(backup.version)],
    ['exported_at', JSON.stringify(backup.exported_at)],
    ...(backup.app_version === undefined ? [] : ([['app_version', JSON.stringify(backup.app_version)]] as Array<[string, string]>)),
    ['settings', sortedJson(backup.settings)],
    ['templates', sortedJson(backup.templates)],
    ['clients', list(backup.clients)],
    ['invoices', list(backup.invoices)],
    ['events', list(backup.events)],
    ['chain_heads', list(backup.chain_heads)],
  ];
  return `{\n${fields.map(([key, value]) => `  ${JSON.stringify(key)}: ${value}`).join(',\n')}\n}\n`;
}

export interface BackupExport {
  backup: LedgerBackup;
  /** The file's text (UTF-8 when saved; no byte-order mark). */
  json: string;
  /**
   * What `parseBackup` would refuse in this file (empty for a healthy ledger): the backup is
   * still made, and the user told it will not restore as it is.
   */
  problems: BackupProblem[];
}

/**
 * The backup of `snapshot`, made at `exportedAt` (an ISO 8601 instant, the caller's clock).
 * Records are ordered (clients and invoices by id, events by invoice then chain order) and the
 * chain heads computed from the events; nothing else is changed. `check: false` skips reading the
 * file back (`problems` is then empty): about half the time on a very large ledger.
 */
export function exportBackup(snapshot: LedgerSnapshot, exportedAt: string, options: { appVersion?: string; check?: boolean } = {}): BackupExport {
  const clients = [...snapshot.clients].sort((a, b) => compareText(a.id, b.id));
  const invoices = [...snapshot.invoices].sort((a, b) => compareText(a.id, b.id));
  const invoiceIds = invoices.map((invoice) => invoice.id);
  const events = orderEvents(snapshot.events, invoiceIds);
  const backup: LedgerBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported_at: exportedAt,
    ...(options.appVersion === undefined ? {} : { app_version: options.appVersion }),
    settings: snapshot.settings,
    templates: snapshot.templates,
    clients,
    invoices,
    events,
    chain_heads: headsOf(events, invoiceIds),
  };
  const json = serializeBackup(backup);
  let problems: BackupProblem[] = [];
  if (options.check !== false) {
    const read = json.length > BACKUP_LIMITS.maxChars ? parseBackup(json) : readBackup(JSON.parse(json) as unknown);
    problems = read.ok ? [] : read.errors;
  }
  return { backup, json, problems };
}

// ---- import -------------------------------------------------------------------------------------

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value) : Array.isArray(value) ? 'a list' : isObject(value) ? 'an object' : String(value));

/** `emails.1` under `clients[3]` → `clients[3].emails[1]`. */
export function problemPath(base: string, field: string): string {
  if (field === '') return base;
  const tail = field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
  return base === '' ? tail.replace(/^\./, '') : `${base}${tail}`;
}

export function fromLedger(base: string, problems: readonly LedgerProblem[]): BackupProblem[] {
  return problems.map((problem) => ({ path: problemPath(base, problem.field), code: problem.code, message: `${problemPath(base, problem.field)}: ${problem.message}` }));
}

/** The scan file's format name (src/cli/README.md), recognised to send the user to the merge import. */
const SCAN_FORMAT = 'relance-ledger-scan';

/**
 * Whether a parsed JSON value is a Relance backup this version reads: null when it is, else the
 * error saying what it is instead. Shared with the merge import (which says the opposite).
 */
export function identifyBackup(value: unknown): BackupProblem | null {
  const notBackup = (what: string, code: BackupProblemCode = 'not_a_backup'): BackupProblem => ({ path: '', code, message: `This is not a Relance backup: ${what}` });
  if (!isObject(value)) return notBackup(`the file holds ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, where a backup is an object with "format": "${BACKUP_FORMAT}".`);
  const format = value.format;
  if (format === SCAN_FORMAT) {
    return notBackup(
      `it is the invoice list written by \`relance scan --ledger\` (format "${SCAN_FORMAT}"). It does not replace your ledger: use the merge import ("Import invoices from a scan"), which adds the invoices it found to the ones you have.`,
      'scan_file',
    );
  }
  if (format === undefined) {
    const looksLike = Array.isArray(value.invoices) || Array.isArray(value.events) ? ' It has invoices or events, but no format field: it was not written by Relance, or was edited.' : '';
    return notBackup(`it has no "format": "${BACKUP_FORMAT}" field.${looksLike}`);
  }
  if (format !== BACKUP_FORMAT) return notBackup(`its format is ${show(format)}, not "${BACKUP_FORMAT}".`);
  const version = value.version;
  if (version === undefined) return { path: 'version', code: 'missing', message: `The backup has no "version": the file is incomplete or was edited.` };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { path: 'version', code: 'wrong_type', message: `The backup's version must be a whole number from 1, got ${show(version)}: the file was edited or damaged.` };
  if (version > BACKUP_LATEST_VERSION) {
    return {
      path: 'version',
      code: 'newer_version',
      message: `This backup was written by a newer version of Relance (backup format version ${version}); this version reads versions 1 to ${BACKUP_LATEST_VERSION} only. Update Relance, then restore it. Nothing was changed.`,
    };
  }
  return null;
}

const HEADER_FIELDS = ['format', 'version', 'exported_at', 'app_version', 'settings', 'templates', 'clients', 'invoices', 'events', 'chain_heads'];
export const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const HASH = /^[0-9a-f]{64}$/;

/** The user's templates: known keys only (as the templates module writes them), sources that compile. */
export function checkTemplates(value: unknown, errors: BackupProblem[]): UserTemplates {
  const out: Record<string, string> = {};
  if (!isObject(value)) {
    errors.push({ path: 'templates', code: 'wrong_type', message: `templates: must be an object (template key → text), got ${show(value)}` });
    return out;
  }
  for (const [key, source] of Object.entries(value)) {
    const path = `templates[${JSON.stringify(key)}]`;
    const slot = parseTemplateKey(key);
    if (slot === null || templateKey(slot) !== key) {
      errors.push({ path, code: 'unknown_field', message: `${path}: not a template of this version (keys are step.language.part or step.language.tone.part, e.g. second_reminder.fr.body)` });
    } else if (typeof source !== 'string') {
      errors.push({ path, code: 'wrong_type', message: `${path}: must be the template's text, got ${show(source)}` });
    } else {
      const problems = validateTemplate(source);
      if (problems.length > 0) {
        const first = problems[0]!;
        errors.push({ path, code: 'template_error', message: `${path}: the template does not compile (line ${first.line}, column ${first.column}: ${first.message})${problems.length > 1 ? ` and ${problems.length - 1} more error(s)` : ''}` });
      } else out[key] = source;
    }
  }
  return out as UserTemplates;
}

export const BREAK_WORDS: Readonly<Record<ChainProblem, string>> = {
  missing_hash: 'an event is not sealed in the chain',
  altered: 'an event was changed after it was recorded',
  removed: 'events were removed',
  inserted: 'an event was inserted',
  reordered: 'events were moved or duplicated',
  broken_link: 'an earlier event was changed and sealed again, or events were removed and renumbered',
  truncated: 'the last events were removed',
  unexpected_chain: 'the file lists events of an invoice its chain heads do not know',
};

function chainProblem(found: ChainBreak, events: readonly unknown[], invoiceNumbers: ReadonlyMap<string, string>, headIndex: ReadonlyMap<string, number>): BackupProblem {
  const raw = events[found.index];
  const event = isObject(raw) ? raw : null;
  const number = invoiceNumbers.get(found.invoiceId) ?? null;
  const invoice = number === null ? `invoice ${JSON.stringify(found.invoiceId)}` : `invoice ${number} (${found.invoiceId})`;
  const path = found.problem === 'truncated' ? `chain_heads[${headIndex.get(found.invoiceId) ?? 0}]` : `events[${found.index}]`;
  return {
    path,
    code: 'chain_break',
    message: `${found.problem === 'missing_hash' ? 'Unsealed history' : 'Altered history'} in ${invoice}: ${BREAK_WORDS[found.problem]} (${path}). ${found.message}.`,
    chain: {
      invoiceId: found.invoiceId,
      invoiceNumber: number,
      problem: found.problem,
      eventIndex: found.index,
      position: found.position,
      seq: found.seq,
      kind: typeof event?.kind === 'string' ? event.kind : null,
      day: typeof event?.day === 'string' ? event.day : null,
    },
  };
}

/** A parsed JSON value read as a backup: every check, every problem. */
export function readBackup(value: unknown): BackupParseResult {
  const errors: BackupProblem[] = [];
  const warnings: BackupProblem[] = [];
  const identity = identifyBackup(value);
  if (identity || !isObject(value)) return { ok: false, errors: [identity ?? { path: '', code: 'not_a_backup', message: 'This is not a Relance backup.' }], warnings };
  if (value.version !== BACKUP_VERSION) {
    // Version 2 is JSON Lines (backup-stream.ts reads it); one JSON document saying 2 was edited.
    return { ok: false, errors: [{ path: 'version', code: 'wrong_type', message: `version: ${show(value.version)} in a one-document backup: a version ${String(value.version)} backup has one record a line (JSON Lines). The file was edited or damaged.` }], warnings };
  }

  // ---- header
  for (const key of Object.keys(value)) {
    if (!HEADER_FIELDS.includes(key)) errors.push({ path: key, code: 'unknown_field', message: `${key}: not a field of a version ${BACKUP_VERSION} backup (written by a newer version, or edited)` });
  }
  const incomplete = (key: string, what: string): void => {
    errors.push({ path: key, code: 'missing', message: `${key} is missing: the file is incomplete (cut short, or edited). A backup has ${what}.` });
  };
  const exportedAt = value.exported_at;
  const instant = typeof exportedAt === 'string' ? INSTANT.exec(exportedAt) : null;
  if (exportedAt === undefined) incomplete('exported_at', 'the instant it was made');
  else if (!instant?.[1] || !isValidIsoDate(instant[1])) errors.push({ path: 'exported_at', code: 'not_an_instant', message: `exported_at: must be an ISO 8601 instant with a zone, got ${show(exportedAt)}` });
  const appVersion = value.app_version;
  if (appVersion !== undefined && (typeof appVersion !== 'string' || appVersion.length > BACKUP_LIMITS.maxAppVersionChars)) {
    errors.push({ path: 'app_version', code: 'wrong_type', message: `app_version: must be text of at most ${BACKUP_LIMITS.maxAppVersionChars} characters, got ${show(appVersion)}` });
  }
  const lists: Record<'clients' | 'invoices' | 'events' | 'chain_heads', unknown[]> = { clients: [], invoices: [], events: [], chain_heads: [] };
  const limits = { clients: BACKUP_LIMITS.maxClients, invoices: BACKUP_LIMITS.maxInvoices, events: BACKUP_LIMITS.maxEvents, chain_heads: BACKUP_LIMITS.maxInvoices };
  for (const key of ['clients', 'invoices', 'events', 'chain_heads'] as const) {
    const list = value[key];
    if (list === undefined) incomplete(key, `a list of ${key.replace('_', ' ')}`);
    else if (!Array.isArray(list)) errors.push({ path: key, code: 'wrong_type', message: `${key}: must be a list, got ${show(list)}` });
    else if (list.length > limits[key]) errors.push({ path: key, code: 'too_large', message: `${key}: ${list.length} records, more than the ${limits[key]} a backup may hold` });
    else lists[key] = list;
  }
  if (errors.some((error) => error.code === 'too_large')) return { ok: false, errors, warnings };

  // ---- settings and templates
  let settings: LedgerSettings | null = null;
  let userChasing: ChasingSettings | undefined;
  if (value.settings === undefined) incomplete('settings', 'the settings');
  else {
    const checked = checkSettings(value.settings);
    if (checked.ok) {
      settings = checked.value;
      try {
        userChasing = resolveSettings(DEFAULT_CHASING_SETTINGS, settings.chasing);
      } catch {
        userChasing = undefined;
      }
    } else errors.push(...fromLedger('settings', checked.problems));
  }
  let templates: UserTemplates = {};
  if (value.templates === undefined) incomplete('templates', 'the templates (an empty object when none was edited)');
  else templates = checkTemplates(value.templates, errors);

  // ---- clients
  const clients: Client[] = [];
  const clientIds = new Map<string, number>();
  lists.clients.forEach((raw, index) => {
    const checked = checkClient(raw, userChasing ? { userChasing } : {});
    if (!checked.ok) {
      errors.push(...fromLedger(`clients[${index}]`, checked.problems));
      const id = isObject(raw) && typeof raw.id === 'string' ? raw.id.trim() : null;
      if (id) clientIds.set(id, clientIds.get(id) ?? index);
      return;
    }
    const first = clientIds.get(checked.value.id);
    if (first !== undefined) errors.push({ path: `clients[${index}].id`, code: 'duplicate_id', message: `clients[${index}].id: ${show(checked.value.id)} is also the id of clients[${first}]` });
    else clientIds.set(checked.value.id, index);
    clients.push(checked.value);
  });

  // ---- invoices
  const invoices: LedgerInvoice[] = [];
  const invoiceIds = new Map<string, number>();
  const invoiceNumbers = new Map<string, string>();
  lists.invoices.forEach((raw, index) => {
    const checked = checkInvoice(raw);
    const id = checked.ok ? checked.value.id : isObject(raw) && typeof raw.id === 'string' ? raw.id.trim() : null;
    if (id !== null && id !== '') {
      const first = invoiceIds.get(id);
      if (first !== undefined) errors.push({ path: `invoices[${index}].id`, code: 'duplicate_id', message: `invoices[${index}].id: ${show(id)} is also the id of invoices[${first}]` });
      else {
        invoiceIds.set(id, index);
        if (isObject(raw) && typeof raw.invoiceNumber === 'string') invoiceNumbers.set(id, raw.invoiceNumber.trim());
      }
    }
    if (!checked.ok) {
      errors.push(...fromLedger(`invoices[${index}]`, checked.problems));
      return;
    }
    const { clientId } = checked.value;
    if (!clientIds.has(clientId)) errors.push({ path: `invoices[${index}].clientId`, code: 'unknown_client', message: `invoices[${index}].clientId: no client has the id ${show(clientId)} in this backup` });
    invoices.push(checked.value);
  });

  // ---- events
  const events: LedgerEvent[] = [];
  const chainable: LedgerEvent[] = [];
  const chainIndex: number[] = [];
  const eventIds = new Map<number, number>();
  lists.events.forEach((raw, index) => {
    const checked = checkEvent(raw);
    if (!checked.ok) errors.push(...fromLedger(`events[${index}]`, checked.problems));
    else {
      const { id, invoiceId } = checked.value;
      if (id !== undefined) {
        const first = eventIds.get(id);
        if (first !== undefined) errors.push({ path: `events[${index}].id`, code: 'duplicate_id', message: `events[${index}].id: ${id} is also the id of events[${first}]` });
        else eventIds.set(id, index);
      }
      if (!invoiceIds.has(invoiceId)) errors.push({ path: `events[${index}].invoiceId`, code: 'unknown_invoice', message: `events[${index}].invoiceId: this backup has no invoice ${show(invoiceId)}` });
      events.push(checked.value);
    }
    // The chain is checked on the events as written in the file (what was hashed).
    if (isObject(raw) && typeof raw.invoiceId === 'string') {
      chainable.push(raw as unknown as LedgerEvent);
      chainIndex.push(index);
    }
  });

  // ---- chain heads
  const heads: ChainHead[] = [];
  const headIndex = new Map<string, number>();
  lists.chain_heads.forEach((raw, index) => {
    const path = `chain_heads[${index}]`;
    if (!isObject(raw)) {
      errors.push({ path, code: 'wrong_type', message: `${path}: must be an object { invoiceId, count, hash }, got ${show(raw)}` });
      return;
    }
    const before = errors.length;
    for (const key of Object.keys(raw)) if (!['invoiceId', 'count', 'hash'].includes(key)) errors.push({ path: `${path}.${key}`, code: 'unknown_field', message: `${path}.${key}: not a field of a chain head` });
    const { invoiceId, count, hash } = raw;
    if (typeof invoiceId !== 'string' || invoiceId === '') errors.push({ path: `${path}.invoiceId`, code: invoiceId === undefined ? 'missing' : 'wrong_type', message: `${path}.invoiceId: must be an invoice id, got ${show(invoiceId)}` });
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) errors.push({ path: `${path}.count`, code: count === undefined ? 'missing' : 'wrong_type', message: `${path}.count: must be a whole number ≥ 0, got ${show(count)}` });
    if (typeof hash !== 'string' || !HASH.test(hash)) errors.push({ path: `${path}.hash`, code: hash === undefined ? 'missing' : 'bad_format', message: `${path}.hash: must be 64 lower-case hex digits (SHA-256), got ${show(hash)}` });
    if (errors.length > before || typeof invoiceId !== 'string') return;
    if (headIndex.has(invoiceId)) {
      errors.push({ path: `${path}.invoiceId`, code: 'duplicate_id', message: `${path}.invoiceId: ${show(invoiceId)} also has chain_heads[${headIndex.get(invoiceId)}]` });
      return;
    }
    if (!invoiceIds.has(invoiceId)) errors.push({ path: `${path}.invoiceId`, code: 'unknown_invoice', message: `${path}.invoiceId: this backup has no invoice ${show(invoiceId)}` });
    headIndex.set(invoiceId, index);
    heads.push(raw as unknown as ChainHead);
  });

  // ---- the hash chain
  const verdict = verifyChain(chainable, { heads });
  if (!verdict.ok) {
    for (const found of verdict.breaks) {
      const index = found.index < chainIndex.length ? chainIndex[found.index]! : lists.events.length;
      errors.push(chainProblem({ ...found, index }, lists.events, invoiceNumbers, headIndex));
    }
  }

  // ---- invoice records against their logbook (warnings)
  if (errors.length === 0) {
    const byInvoice = new Map<string, LedgerEvent[]>();
    for (const event of events) {
      const list = byInvoice.get(event.invoiceId);
      if (list) list.push(event);
      else byInvoice.set(event.invoiceId, [event]);
    }
    invoices.forEach((invoice) => {
      const index = invoiceIds.get(invoice.id) ?? 0;
      for (const mismatch of factsMismatches(invoice, byInvoice.get(invoice.id) ?? [])) {
        warnings.push({
          path: `invoices[${index}].${mismatch.field}`,
          code: 'facts_mismatch',
          message: `invoices[${index}].${mismatch.field}: invoice ${invoice.invoiceNumber} says ${show(mismatch.stored)}, its logbook ${show(mismatch.logged)} (the record was changed without a correction event)`,
        });
      }
    });
  }

  if (errors.length > 0 || settings === null) return { ok: false, errors, warnings };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exported_at: exportedAt as string,
      ...(typeof appVersion === 'string' ? { app_version: appVersion } : {}),
      settings,
      templates,
      clients,
      invoices,
      // Verified above (against the chain heads): the store does not hash them again (replaceAll).
      events: markChainsVerified(events),
      chain_heads: heads,
    },
    warnings,
  };
}

/**
 * Reads a backup file's text: `{ ok: true, backup }` only when everything checks out, else every
 * error found (JSON syntax, foreign format, newer version and size stop the reading early).
 */
export function parseBackup(text: string): BackupParseResult {
  if (text.length > BACKUP_LIMITS.maxChars) {
    return { ok: false, errors: [{ path: '', code: 'too_large', message: `The file is ${Math.round(text.length / 1048576)} MB, more than the ${BACKUP_LIMITS.maxChars / 1048576} MB a backup may be: it is not a Relance backup, or not this one.` }], warnings: [] };
  }
  if (text.trim() === '' || text === '\uFEFF') return { ok: false, errors: [{ path: '', code: 'json_syntax', message: 'The file is empty: it is not a Relance backup.' }], warnings: [] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { error } = parsed;
    const truncated = error.truncated ? ' The file is cut short: the download or copy did not finish.' : '';
    return {
      ok: false,
      errors: [{ path: '', code: 'json_syntax', message: `This is not a Relance backup, or it is damaged: it is not valid JSON (${error.message}).${truncated}`, position: { line: error.line, column: error.column, offset: error.offset } }],
      warnings: [],
    };
  }
  return readBackup(parsed.value);
}

/** The problems as lines for people: the first `max`, then how many more. */
export function describeBackupProblems(problems: readonly BackupProblem[], max = 20): string {
  const lines = problems.slice(0, max).map((problem) => `- ${problem.message}`);
  if (problems.length > max) lines.push(`- … and ${problems.length - max} more`);
  return lines.join('\n');
}
