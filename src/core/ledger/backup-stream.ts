/**
 * Reads a backup in chunks (strings or UTF-8 bytes, cut anywhere), checking every record as it
 * comes (BACKUP.md "Version 2"): the same checks as version 1 (validate.ts; duplicates;
 * references; each invoice's hash chain, verified as soon as the invoice's events end, against the
 * head on its line). Memory: one line, one invoice's events, the ids seen (for duplicates) and the
 * records not yet taken (`take`). Version 1 files (one JSON document) are recognised on their first
 * line and read whole at the end (`parseBackup`, within its size limit).
 *
 * Usage: `push(chunk)` any number of times, `take()` the complete records after each push (the
 * caller stages them), then `end()` for the verdict. Once `failed`, `take` gives nothing more: the
 * caller throws its staging away (all or nothing).
 */
import { DEFAULT_CHASING_SETTINGS, resolveSettings, type ChasingSettings } from '../chasing';
import { isValidIsoDate } from '../dates';
import { BACKUP_FORMAT, BACKUP_LIMITS, BREAK_WORDS, checkTemplates, fromLedger, HASH, identifyBackup, INSTANT, isObject, parseBackup, show, type BackupProblem, type BackupProblemCode } from './backup';
import { parseJsonText } from './backup-json';
import { BACKUP_V2, type BackupV2Counts } from './backup-v2';
import type { LedgerEvent } from './events';
import { eventHash, genesisHash, markChainsVerified, type ChainProblem } from './hash-chain';
import { factsMismatches, type Client, type LedgerInvoice, type LedgerSettings, type UserTemplates } from './model';
import { checkClient, checkEvent, checkInvoice, checkSettings } from './validate';

/** Limits of the streamed reading (on top of BACKUP_LIMITS' record counts). */
export const BACKUP_STREAM_LIMITS = Object.freeze({
  /** One line: the settings and templates lines are the longest (templates: ~100 × 20,000 characters at most). */
  maxLineChars: 8 * 1024 * 1024,
  /** Problems listed before the reading stops listing them. */
  maxProblems: 200,
  /** Warnings kept (the rest counted). */
  maxWarnings: 200,
});

/** An invoice and its events in chain order, checked (its chain verified: hash-chain.ts `chainsVerified`). */
export interface BackupGroup {
  invoice: LedgerInvoice;
  events: LedgerEvent[];
}

/** The complete records read since the last `take`. */
export interface BackupBatch {
  settings?: LedgerSettings;
  templates?: UserTemplates;
  clients: Client[];
  groups: BackupGroup[];
}

export interface BackupStreamSummary {
  version: 1 | 2;
  exportedAt: string;
  appVersion: string | null;
  counts: BackupV2Counts;
  warnings: BackupProblem[];
}

export type BackupStreamVerdict = { ok: true; summary: BackupStreamSummary } | { ok: false; errors: BackupProblem[]; warnings: BackupProblem[] };

export interface BackupStreamProgress {
  /** Characters read (UTF-16 code units). */
  chars: number;
  lines: number;
  clients: number;
  invoices: number;
  events: number;
}

type Section = 'start' | 'v1' | 'settings' | 'templates' | 'records' | 'done';

interface OpenGroup {
  /** Null when the invoice line was refused (its events are still checked). */
  invoice: LedgerInvoice | null;
  id: string;
  number: string | null;
  index: number;
  line: number;
  head: { count: number; hash: string } | null;
  events: LedgerEvent[];
  /** Chain state: position, the last two hashes, the first break. */
  position: number;
  previous: string;
  beforePrevious: string | null;
  lastRaw: Record<string, unknown> | null;
  broken: boolean;
  /** A jump ahead in `seq`: events removed, unless the missing one comes later (then moved): told when the invoice's events end. */
  jump: { position: number; index: number; line: number; raw: Record<string, unknown>; detail: string; moved: boolean } | null;
}

const EXPECTED_HEADER = ['format', 'version', 'exported_at', 'app_version', 'counts'];
const COUNT_KEYS = ['clients', 'invoices', 'events', 'templates'] as const;

export class BackupStreamReader {
  private section: Section = 'start';
  private rest = '';
  private decoder: TextDecoder | null = null;
  private v1Parts: string[] = [];
  private v1Chars = 0;
  private lineNumber = 0;
  private readonly errorList: BackupProblem[] = [];
  private readonly warningList: BackupProblem[] = [];
  private problemsDropped = 0;
  private warningsDropped = 0;
  private header: { exportedAt: string; appVersion: string | null; counts: BackupV2Counts } | null = null;
  private settings: LedgerSettings | null = null;
  private userChasing: ChasingSettings | undefined;
  private templateCount = 0;
  private readonly clientIds = new Set<string>();
  private readonly invoiceIds = new Set<string>();
  private readonly eventIds = new Set<number>();
  private group: OpenGroup | null = null;
  private clientCount = 0;
  private invoiceCount = 0;
  private eventCount = 0;
  private chars = 0;
  private ended: { clients: number; invoices: number; events: number } | null = null;
  private pending: BackupBatch = { clients: [], groups: [] };
  private v1Result: BackupStreamVerdict | null = null;

  get failed(): boolean {
    return this.errorList.length > 0;
  }

  get errors(): readonly BackupProblem[] {
    return this.errorList;
  }

  get progress(): BackupStreamProgress {
    return { chars: this.chars, lines: this.lineNumber, clients: this.clientCount, invoices: this.invoiceCount, events: this.eventCount };
  }

  /** Reads a chunk: text, or UTF-8 bytes (a byte-order mark is skipped; a character may be cut between two chunks). */
  push(chunk: string | Uint8Array): void {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      this.decoder ??= new TextDecoder('utf-8', { fatal: true });
      try {
        text = this.decoder.decode(chunk, { stream: true });
      } catch {
        this.fail({ path: '', code: 'json_syntax', message: `This is not a Relance backup: it is not UTF-8 text (near line ${this.lineNumber + 1}).` });
        return;
      }
    }
    if (this.chars === 0 && text.startsWith('\uFEFF')) text = text.slice(1);
    this.chars += text.length;
    this.feed(text);
  }

  /** The complete records read since the last call (nothing once the file failed). */
  take(): BackupBatch {
    const batch = this.pending;
    this.pending = { clients: [], groups: [] };
    return this.failed ? { clients: [], groups: [] } : batch;
  }

  /** The end of the file: the last checks (chain of the last invoice, the end line, the counts) and the verdict. */
  end(): BackupStreamVerdict {
    if (this.decoder) {
      try {
        this.feed(this.decoder.decode());
      } catch {
        this.fail({ path: '', code: 'json_syntax', message: 'This is not a Relance backup: its last bytes are not UTF-8 text (the file is cut short).' });
      }
    }
    if (this.section === 'start' || this.section === 'v1') return this.endV1();
    if (this.rest !== '') {
      const last = this.rest;
      this.rest = '';
      this.line(last);
    }
    if (this.section !== 'done') {
      this.closeGroup();
      this.fail({
        path: '',
        code: 'truncated',
        line: this.lineNumber,
        message: `The backup is cut short after line ${this.lineNumber} (${this.invoiceCount} of ${this.header?.counts.invoices ?? '?'} invoices, ${this.eventCount} of ${this.header?.counts.events ?? '?'} events): the download or copy did not finish. Nothing was changed.`,
      });
    }
    if (this.problemsDropped > 0) this.errorList.push({ path: '', code: 'too_large', message: `… and ${this.problemsDropped} more problems (not listed).` });
    const warnings = this.warningsWithCount();
    if (this.failed || !this.header) return { ok: false, errors: this.errorList, warnings };
    return { ok: true, summary: { version: 2, exportedAt: this.header.exportedAt, appVersion: this.header.appVersion, counts: { clients: this.clientCount, invoices: this.invoiceCount, events: this.eventCount, templates: this.templateCount }, warnings } };
  }

  // ---- lines ------------------------------------------------------------------------------------

  private feed(text: string): void {
    if (this.section === 'v1') return this.feedV1(text);
    let data = this.rest + text;
    let from = 0;
    for (let cut = data.indexOf('\n', from); cut !== -1; cut = data.indexOf('\n', from)) {
      const line = data.slice(from, cut);
      from = cut + 1;
      if (this.section === 'start') {
        if (!this.startsVersion2(line)) {
          this.section = 'v1';
          this.rest = '';
          return this.feedV1(data);
        }
        this.lineNumber += 1;
        this.headerLine(line);
        continue;
      }
      this.line(line);
    }
    data = data.slice(from);
    if (this.section === 'start' && data.length > BACKUP_STREAM_LIMITS.maxLineChars) {
      // No line feed this far: a version 1 file on one line.
      this.section = 'v1';
      this.rest = '';
      return this.feedV1(data);
    }
    if (data.length > BACKUP_STREAM_LIMITS.maxLineChars) {
      this.fail({ path: '', code: 'too_large', line: this.lineNumber + 1, message: `line ${this.lineNumber + 1}: longer than ${BACKUP_STREAM_LIMITS.maxLineChars / 1048576} M characters: this is not a Relance backup, or it is damaged.` });
      this.rest = '';
      this.section = 'done';
      return;
    }
    this.rest = data;
  }

  /** Whether the first line is a version 2 header (else the file is read as version 1). */
  private startsVersion2(line: string): boolean {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{') || trimmed === '{') return false;
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (!isObject(value)) return false;
      // A foreign format on one line: the header's check says what it is.
      if (value.format !== BACKUP_FORMAT) return typeof value.format === 'string';
      return value.version !== 1 && value.version !== undefined && 'counts' in value;
    } catch {
      return false;
    }
  }

  private feedV1(text: string): void {
    if (this.v1Chars < 0) return;
    this.v1Chars += text.length;
    if (this.v1Chars > BACKUP_LIMITS.maxChars) {
      this.v1Parts = [];
      this.v1Chars = -1;
      this.fail({ path: '', code: 'too_large', message: `The file is a version 1 backup (one JSON document) over ${BACKUP_LIMITS.maxChars / 1048576} MB, more than that version may be: it is not a Relance backup, or not this one. Nothing was changed.` });
      return;
    }
    this.v1Parts.push(text);
  }

  private endV1(): BackupStreamVerdict {
    if (this.v1Result) return this.v1Result;
    if (this.failed) return { ok: false, errors: this.errorList, warnings: [] };
    const text = this.rest + this.v1Parts.join('');
    this.v1Parts = [];
    this.rest = '';
    const read = parseBackup(text);
    if (!read.ok) {
      this.errorList.push(...read.errors);
      this.v1Result = { ok: false, errors: read.errors, warnings: read.warnings };
      return this.v1Result;
    }
    const { backup, warnings } = read;
    const byInvoice = new Map<string, LedgerEvent[]>();
    for (const invoice of backup.invoices) byInvoice.set(invoice.id, []);
    for (const event of backup.events) byInvoice.get(event.invoiceId)?.push(event);
    this.pending = {
      settings: backup.settings,
      templates: backup.templates,
      clients: backup.clients,
      // readBackup verified every chain against its head.
      groups: backup.invoices.map((invoice) => ({ invoice, events: markChainsVerified(byInvoice.get(invoice.id) ?? []) })),
    };
    this.clientCount = backup.clients.length;
    this.invoiceCount = backup.invoices.length;
    this.eventCount = backup.events.length;
    this.v1Result = {
      ok: true,
      summary: {
        version: 1,
        exportedAt: backup.exported_at,
        appVersion: backup.app_version ?? null,
        counts: { clients: backup.clients.length, invoices: backup.invoices.length, events: backup.events.length, templates: Object.keys(backup.templates).length },
        warnings,
      },
    };
    return this.v1Result;
  }

  private fail(problem: BackupProblem): void {
    if (this.errorList.length >= BACKUP_STREAM_LIMITS.maxProblems) {
      this.problemsDropped += 1;
      return;
    }
    this.errorList.push(problem);
  }

  private warn(problem: BackupProblem): void {
    if (this.warningList.length >= BACKUP_STREAM_LIMITS.maxWarnings) this.warningsDropped += 1;
    else this.warningList.push(problem);
  }

  private warningsWithCount(): BackupProblem[] {
    return this.warningsDropped > 0 ? [...this.warningList, { path: '', code: 'facts_mismatch', message: `… and ${this.warningsDropped} more warnings.` }] : this.warningList;
  }

  /** A problem on the current line: `line N: path: what`. */
  private at(path: string, code: BackupProblemCode, what: string): void {
    this.fail({ path, code, line: this.lineNumber, message: `line ${this.lineNumber}: ${path ? `${path}: ` : ''}${what}` });
  }

  private withLine(problems: readonly BackupProblem[]): void {
    for (const problem of problems) this.fail({ ...problem, line: this.lineNumber, message: `line ${this.lineNumber}: ${problem.message}` });
  }

  private parseLine(line: string): Record<string, unknown> | null {
    try {
      const value = JSON.parse(line) as unknown;
      if (isObject(value)) return value;
      this.at('', 'not_a_backup', `a record line is an object ({"client": …}, {"invoice": …}, {"event": …}), got ${show(value)}`);
      return null;
    } catch {
      const parsed = parseJsonText(line);
      const error = parsed.ok ? null : parsed.error;
      this.fail({
        path: '',
        code: 'json_syntax',
        line: this.lineNumber,
        message: `line ${this.lineNumber}${error ? `, column ${error.column}` : ''}: not valid JSON (${error ? error.message.replace(/^line 1, column \d+: /, '') : 'unreadable'}): the file is damaged.`,
        ...(error ? { position: { line: this.lineNumber, column: error.column, offset: error.offset } } : {}),
      });
      return null;
    }
  }

  private headerLine(line: string): void {
    const value = this.parseLine(line.replace(/\r$/, ''));
    this.section = 'settings';
    if (!value) return;
    const identity = identifyBackup(value);
    if (identity) {
      this.fail(identity);
      this.section = 'done';
      return;
    }
    if (value.version !== BACKUP_V2) {
      this.at('version', 'wrong_type', `this reader knows versions 1 and 2, got ${show(value.version)}`);
      this.section = 'done';
      return;
    }
    for (const key of Object.keys(value)) if (!EXPECTED_HEADER.includes(key)) this.at(key, 'unknown_field', `not a field of a version 2 backup's first line (written by a newer version, or edited)`);
    const exportedAt = value.exported_at;
    const instant = typeof exportedAt === 'string' ? INSTANT.exec(exportedAt) : null;
    if (!instant?.[1] || !isValidIsoDate(instant[1])) this.at('exported_at', exportedAt === undefined ? 'missing' : 'not_an_instant', `must be an ISO 8601 instant with a zone, got ${show(exportedAt)}`);
    const appVersion = value.app_version;
    if (appVersion !== undefined && (typeof appVersion !== 'string' || appVersion.length > BACKUP_LIMITS.maxAppVersionChars)) this.at('app_version', 'wrong_type', `must be text of at most ${BACKUP_LIMITS.maxAppVersionChars} characters, got ${show(appVersion)}`);
    const counts = isObject(value.counts) ? value.counts : null;
    const read: BackupV2Counts = { clients: 0, invoices: 0, events: 0, templates: 0 };
    const limits = { clients: BACKUP_LIMITS.maxClients, invoices: BACKUP_LIMITS.maxInvoices, events: BACKUP_LIMITS.maxEvents, templates: Number.MAX_SAFE_INTEGER };
    for (const key of COUNT_KEYS) {
      const count = counts?.[key];
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) this.at(`counts.${key}`, count === undefined ? 'missing' : 'wrong_type', `must be a whole number ≥ 0, got ${show(count)}`);
      else if (count > limits[key]) this.at(`counts.${key}`, 'too_large', `${count} records, more than the ${limits[key]} a backup may hold`);
      else read[key] = count;
    }
    if (this.failed) {
      this.section = 'done';
      return;
    }
    this.header = { exportedAt: exportedAt as string, appVersion: typeof appVersion === 'string' ? appVersion : null, counts: read };
  }

  private line(raw: string): void {
    this.lineNumber += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    if (this.errorList.length >= BACKUP_STREAM_LIMITS.maxProblems) return;
    if (this.section === 'done') {
      if (this.ended) this.at('', 'out_of_order', 'a line after the end line: the file was edited, or two files were joined');
      return;
    }
    const value = this.parseLine(line);
    if (!value) return;
    const keys = Object.keys(value);
    const kind = keys.includes('invoice') ? 'invoice' : keys.length === 1 ? keys[0]! : null;
    const expectOnly = (allowed: readonly string[]): boolean => {
      const extra = keys.filter((key) => !allowed.includes(key));
      for (const key of extra) this.at(key, 'unknown_field', `not a field of a ${allowed[0]} line`);
      return extra.length === 0;
    };
    switch (kind) {
      case 'settings':
        return this.inOrder('settings', ['settings']) ? this.settingsLine(value.settings) : undefined;
      case 'templates':
        return this.inOrder('templates', ['templates']) ? this.templatesLine(value.templates) : undefined;
      case 'client':
        if (!this.inOrder('client', ['records'])) return;
        return this.invoiceCount === 0 ? this.clientLine(value.client) : this.at('', 'out_of_order', 'a client after the invoices: clients come first');
      case 'invoice':
        if (!expectOnly(['invoice', 'head'])) return;
        return this.inOrder('invoice', ['records']) ? this.invoiceLine(value.invoice, value.head) : undefined;
      case 'event':
        if (this.group === null) return this.at(`events[${this.eventCount}]`, 'out_of_order', 'an event before any invoice: each invoice line is followed by its own events');
        return this.eventLine(value.event);
      case 'end':
        return this.endLine(value.end);
      default:
        this.at('', 'unknown_field', `not a line of a version 2 backup (keys ${keys.map((key) => JSON.stringify(key)).join(', ') || 'none'})`);
    }
  }

  private inOrder(kind: string, allowed: readonly Section[]): boolean {
    if (allowed.includes(this.section)) return true;
    const expected = this.section === 'settings' ? 'the settings line' : this.section === 'templates' ? 'the templates line' : 'clients, invoices and events';
    this.at('', 'out_of_order', `a ${kind} line where ${expected} come next: the lines are out of order (edited, or two files joined)`);
    return false;
  }

  private settingsLine(value: unknown): void {
    this.section = 'templates';
    const checked = checkSettings(value);
    if (!checked.ok) return this.withLine(fromLedger('settings', checked.problems));
    this.settings = checked.value;
    this.pending.settings = checked.value;
    try {
      this.userChasing = resolveSettings(DEFAULT_CHASING_SETTINGS, checked.value.chasing);
    } catch {
      this.userChasing = undefined;
    }
  }

  private templatesLine(value: unknown): void {
    this.section = 'records';
    const problems: BackupProblem[] = [];
    const templates = checkTemplates(value, problems);
    if (problems.length > 0) return this.withLine(problems);
    this.templateCount = Object.keys(templates).length;
    if (this.header && this.templateCount !== this.header.counts.templates) this.at('templates', 'inconsistent', `${this.templateCount} templates, the first line says ${this.header.counts.templates}`);
    this.pending.templates = templates;
  }

  private clientLine(raw: unknown): void {
    const index = this.clientCount;
    this.clientCount += 1;
    const path = `clients[${index}]`;
    if (this.clientCount > BACKUP_LIMITS.maxClients) return this.at('clients', 'too_large', `more than the ${BACKUP_LIMITS.maxClients} clients a backup may hold`);
    const checked = checkClient(raw, this.userChasing ? { userChasing: this.userChasing } : {});
    const id = checked.ok ? checked.value.id : isObject(raw) && typeof raw.id === 'string' ? raw.id.trim() : null;
    if (id) {
      if (this.clientIds.has(id)) this.at(`${path}.id`, 'duplicate_id', `${show(id)} is the id of an earlier client`);
      this.clientIds.add(id);
    }
    if (!checked.ok) return this.withLine(fromLedger(path, checked.problems));
    if (!this.failed) this.pending.clients.push(checked.value);
  }

  private invoiceLine(raw: unknown, head: unknown): void {
    this.closeGroup();
    const index = this.invoiceCount;
    this.invoiceCount += 1;
    const path = `invoices[${index}]`;
    if (this.invoiceCount > BACKUP_LIMITS.maxInvoices) return this.at('invoices', 'too_large', `more than the ${BACKUP_LIMITS.maxInvoices} invoices a backup may hold`);
    const checked = checkInvoice(raw);
    const id = checked.ok ? checked.value.id : isObject(raw) && typeof raw.id === 'string' ? raw.id.trim() : '';
    if (id !== '' && this.invoiceIds.has(id)) this.at(`${path}.id`, 'duplicate_id', `${show(id)} is the id of an earlier invoice`);
    if (id !== '') this.invoiceIds.add(id);
    if (!checked.ok) this.withLine(fromLedger(path, checked.problems));
    else if (!this.clientIds.has(checked.value.clientId)) this.at(`${path}.clientId`, 'unknown_client', `no client has the id ${show(checked.value.clientId)} in this backup`);
    let parsedHead: OpenGroup['head'] = null;
    if (!isObject(head)) this.at(`${path}.head`, head === undefined ? 'missing' : 'wrong_type', `must be the invoice's chain head { count, hash }, got ${show(head)}`);
    else {
      const { count, hash } = head;
      for (const key of Object.keys(head)) if (key !== 'count' && key !== 'hash') this.at(`${path}.head.${key}`, 'unknown_field', 'not a field of a chain head');
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) this.at(`${path}.head.count`, count === undefined ? 'missing' : 'wrong_type', `must be a whole number ≥ 0, got ${show(count)}`);
      else if (typeof hash !== 'string' || !HASH.test(hash)) this.at(`${path}.head.hash`, hash === undefined ? 'missing' : 'bad_format', `must be 64 lower-case hex digits (SHA-256), got ${show(hash)}`);
      else parsedHead = { count, hash };
    }
    const number = isObject(raw) && typeof raw.invoiceNumber === 'string' ? raw.invoiceNumber.trim() : null;
    this.group = { invoice: checked.ok ? checked.value : null, id, number, index, line: this.lineNumber, head: parsedHead, events: [], position: 0, previous: genesisHash(id), beforePrevious: null, lastRaw: null, broken: false, jump: null };
  }

  private eventLine(raw: unknown): void {
    const group = this.group!;
    const index = this.eventCount;
    this.eventCount += 1;
    const path = `events[${index}]`;
    if (this.eventCount > BACKUP_LIMITS.maxEvents) return this.at('events', 'too_large', `more than the ${BACKUP_LIMITS.maxEvents} events a backup may hold`);
    const checked = checkEvent(raw);
    if (!checked.ok) this.withLine(fromLedger(path, checked.problems));
    else {
      const { id, invoiceId } = checked.value;
      if (id !== undefined) {
        if (this.eventIds.has(id)) this.at(`${path}.id`, 'duplicate_id', `${id} is the id of an earlier event`);
        this.eventIds.add(id);
      }
      if (invoiceId !== group.id) this.at(`${path}.invoiceId`, 'unknown_invoice', `this event follows invoice ${show(group.id)} (line ${group.line}) but names ${show(invoiceId)}: each invoice's events follow its own line`);
      group.events.push(checked.value);
    }
    if (group.jump && isObject(raw) && raw.seq === group.jump.position) group.jump.moved = true;
    if (!group.broken && isObject(raw)) this.chainStep(group, raw, index);
  }

  /** One link of the invoice's chain, on the event as written in the file (what was hashed). */
  private chainStep(group: OpenGroup, raw: Record<string, unknown>, index: number): void {
    const event = raw as unknown as LedgerEvent;
    const position = group.position;
    const { seq, prevHash, hash } = raw;
    let problem: ChainProblem | null = null;
    let detail = '';
    let where = { position, index, raw };
    if (typeof seq !== 'number' || typeof prevHash !== 'string' || typeof hash !== 'string') {
      problem = 'missing_hash';
      detail = 'it has no seq, prevHash or hash';
    } else {
      let computed: string | null = null;
      try {
        computed = eventHash(event, prevHash);
      } catch {
        computed = null;
      }
      if (computed !== hash) {
        problem = 'altered';
        detail = 'its content no longer gives its hash';
      } else if (seq !== position) {
        if (seq === position - 1 && group.lastRaw && prevHash === (group.beforePrevious ?? '')) {
          problem = 'inserted';
          detail = 'the next event follows the one before it';
          where = { position: position - 1, index: index - 1, raw: group.lastRaw };
        } else if (seq > position) {
          // Removed, or moved: a later event of this invoice may carry the missing number.
          group.broken = true;
          group.jump = { position, index, line: this.lineNumber, raw, detail: `it is number ${seq} in the chain`, moved: false };
          return;
        } else {
          problem = 'reordered';
          detail = `it is number ${seq} in the chain`;
        }
      } else if (prevHash !== group.previous) {
        problem = 'broken_link';
        detail = position === 0 ? "it does not start from the invoice's genesis hash" : 'it does not follow the event before it';
      }
    }
    if (problem) {
      group.broken = true;
      this.chainBreak(group, problem, detail, where.index, where.position, where.raw);
      return;
    }
    group.beforePrevious = group.previous;
    group.previous = hash as string;
    group.lastRaw = raw;
    group.position += 1;
  }

  private chainBreak(group: OpenGroup, problem: ChainProblem, detail: string, index: number, position: number, raw: Record<string, unknown> | null, line = this.lineNumber): void {
    const invoice = group.number === null ? `invoice ${JSON.stringify(group.id)}` : `invoice ${group.number} (${group.id})`;
    const path = problem === 'truncated' ? `invoices[${group.index}].head` : `events[${index}]`;
    const kind = typeof raw?.kind === 'string' ? raw.kind : null;
    const day = typeof raw?.day === 'string' ? raw.day : null;
    const what = problem === 'truncated' ? detail : `event ${position} of the chain${kind ? ` (${kind}${day ? `, ${day}` : ''})` : ''}: ${detail}`;
    this.fail({
      path,
      code: 'chain_break',
      line,
      message: `line ${line}: ${problem === 'missing_hash' ? 'Unsealed history' : 'Altered history'} in ${invoice}: ${BREAK_WORDS[problem]} (${path}). ${what}.`,
      chain: { invoiceId: group.id, invoiceNumber: group.number, problem, eventIndex: index, position, seq: typeof raw?.seq === 'number' ? raw.seq : null, kind, day },
    });
  }

  /** The current invoice's events have ended: its chain against its head, its facts, then it is ready to take. */
  private closeGroup(): void {
    const group = this.group;
    if (!group) return;
    this.group = null;
    const jump = group.jump;
    if (jump) {
      const seq = jump.raw.seq as number;
      const detail = jump.moved ? jump.detail : `${jump.detail}: ${seq - jump.position} event(s) before it are missing`;
      this.chainBreak(group, jump.moved ? 'reordered' : 'removed', detail, jump.index, jump.position, jump.raw, jump.line);
    }
    if (!group.broken && group.head && (group.position !== group.head.count || group.previous !== group.head.hash)) {
      const detail =
        group.position < group.head.count
          ? `its chain has ${group.position} event(s), its head on line ${group.line} ${group.head.count}: the last ${group.head.count - group.position} were removed`
          : `its chain does not end at the head on line ${group.line} (${group.head.count} events, ${group.head.hash.slice(0, 12)}…)`;
      group.broken = true;
      this.chainBreak(group, 'truncated', detail, this.eventCount, group.position, null);
    }
    if (this.failed || group.invoice === null || group.broken) return;
    for (const mismatch of factsMismatches(group.invoice, group.events)) {
      this.warn({
        path: `invoices[${group.index}].${mismatch.field}`,
        code: 'facts_mismatch',
        line: group.line,
        message: `line ${group.line}: invoices[${group.index}].${mismatch.field}: invoice ${group.invoice.invoiceNumber} says ${show(mismatch.stored)}, its logbook ${show(mismatch.logged)} (the record was changed without a correction event)`,
      });
    }
    this.pending.groups.push({ invoice: group.invoice, events: markChainsVerified(group.events) });
  }

  private endLine(raw: unknown): void {
    this.closeGroup();
    if (this.section !== 'records') this.at('end', 'out_of_order', 'the end line before the settings and templates lines');
    this.section = 'done';
    if (!isObject(raw)) return this.at('end', 'wrong_type', `must be { clients, invoices, events }, got ${show(raw)}`);
    this.ended = { clients: this.clientCount, invoices: this.invoiceCount, events: this.eventCount };
    const header = this.header?.counts;
    for (const key of ['clients', 'invoices', 'events'] as const) {
      const read = this.ended[key];
      if (raw[key] !== read) this.at(`end.${key}`, 'inconsistent', `the file has ${read} ${key}, its end line says ${show(raw[key])}: records were removed or added`);
      else if (header && header[key] !== read) this.at(`counts.${key}`, 'inconsistent', `the file has ${read} ${key}, its first line says ${header[key]}`);
    }
    for (const key of Object.keys(raw)) if (!['clients', 'invoices', 'events'].includes(key)) this.at(`end.${key}`, 'unknown_field', 'not a field of the end line');
  }
}

/** A whole backup text, either version, read through the streaming reader (tests, small files). */
export function readBackupText(text: string, chunkChars = 1 << 20): { verdict: BackupStreamVerdict; batch: BackupBatch } {
  const reader = new BackupStreamReader();
  const batch: BackupBatch = { clients: [], groups: [] };
  const gather = (): void => {
    const part = reader.take();
    if (part.settings) batch.settings = part.settings;
    if (part.templates) batch.templates = part.templates;
    batch.clients.push(...part.clients);
    batch.groups.push(...part.groups);
  };
  for (let at = 0; at < text.length; at += chunkChars) {
    reader.push(text.slice(at, at + chunkChars));
    gather();
  }
  const verdict = reader.end();
  gather();
  return { verdict, batch: verdict.ok ? batch : { clients: [], groups: [] } };
}
