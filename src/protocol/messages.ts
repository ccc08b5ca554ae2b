/**
 * Every message Relance's contexts exchange, in one place.
 *
 * Trust model: the Gmail content script runs beside a page we do not control, so everything it sends
 * is untrusted input: it is parsed here (shape, sizes) before any use, and it may only report what it
 * read and ask to open the panel. Privileged operations (tracking an invoice, drafting a reminder)
 * are accepted only from extension pages (the side panel); the service worker checks the sender.
 */
import type {
  InvoiceFacts,
  Language,
  LogEvent,
  MailAddress,
  MailMessage,
  ReminderDraft,
  ThreadSnapshot,
  TrackedInvoice,
} from '../core/model';
import type { ThreadInvoice } from '../core/thread-invoice';
import type { BackupExportReplies, BackupExportStreamRequest } from './backup-export-messages';
import type { LedgerEvent, LedgerInvoice, LedgerProblem, LedgerSettings, UserTemplates } from '../core/ledger';
import type { ChasingPlan, ChasingStatus, ChasingTone } from '../core/chasing/next-actions';
import { isChasingStep, type ChasingStep } from '../core/chasing/steps';

// ---------------------------------------------------------------------------------------------
// Content script -> service worker

export interface ThreadReadError {
  code: string;
  feature: string;
  detail: string;
}

export type ContentToWorker =
  | { type: 'thread/opened'; snapshot: ThreadSnapshot }
  | { type: 'thread/unreadable'; error: ThreadReadError }
  | { type: 'thread/closed' }
  | { type: 'panel/open' };

// ---------------------------------------------------------------------------------------------
// Service worker -> content script

export type WorkerToContent = { type: 'compose/insert-draft'; draft: ReminderDraft };

/**
 * "Find my invoices" (issue 6) drives Gmail's search in the user's tab: where the tab is, go to a
 * hash (unless the tab left the run's search: `within`), read the visible result rows. Answers are
 * untrusted: the worker validates them (src/background/find-invoices-replies.ts).
 */
export type FindCommand =
  | { type: 'find/where' }
  | { type: 'find/go'; hash: string; within: string | null }
  | { type: 'find/rows'; within: string; after: string[]; waitMs: number };

export type InsertDraftResponse =
  | { ok: true; mode: 'reply' | 'new_compose' }
  | { ok: false; error: ThreadReadError };

// ---------------------------------------------------------------------------------------------
// Extension pages (panel) -> service worker

export interface ThreadRef {
  host: ThreadSnapshot['host'];
  account: string | null;
  threadId: string;
}

/** One corrected fact of a tracked invoice (`CorrectableField` names; null clears it). */
export interface FactCorrection {
  field: 'invoiceNumber' | 'amount' | 'currency' | 'issueDate' | 'dueDate' | 'clientEmail' | 'clientName';
  value: string | number | null;
}

/** An invoice named in a thread (its number and client): finds it when it was tracked from another thread. */
export interface InvoiceKey {
  invoiceNumber: string;
  clientEmail: string;
}

/** A step and tone the user chose instead of the ladder's (both optional: the ladder's by default). */
export interface DraftChoice {
  step?: ChasingStep;
  tone?: ChasingTone;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The logbook entries the panel records (the store adds the invoice, instant, day and chain). */
export const PANEL_ENTRY_KINDS = [
  'call',
  'visit',
  'letter',
  'promise',
  'partial_payment',
  'payment',
  'dispute_opened',
  'dispute_resolved',
  'payment_plan',
  'formal_notice',
  'note',
] as const satisfies ReadonlyArray<LedgerEvent['kind']>;

export type PanelEntryKind = (typeof PANEL_ENTRY_KINDS)[number];

export type PanelEntry = DistributiveOmit<Extract<LedgerEvent, { kind: PanelEntryKind }>, 'invoiceId' | 'id' | 'seq' | 'prevHash' | 'hash' | 'at' | 'day'>;

/**
 * Panel requests, parsed by src/background/panel-requests.ts before use (shapes, sizes, dates):
 * - `invoice/list-for-thread`: the thread's invoices, plus those `also` names (tracked from another thread).
 * - `reminder/draft`: puts the ladder's step (or the `choice`) into the tab's compose; never sends.
 * - `reminder/preview`: the same draft as text, to read before inserting (and the formal notice's
 *   printable letter, the escalation checklist).
 * - `invoice/log`: one logbook entry (a call, a promise, a payment…).
 * - `invoice/untrack`: stops tracking (the invoice and its logbook are removed from the ledger).
 * - `invoice/correct`: the user fixes what Relance read on a tracked invoice; each change is a
 *   `correction` event in the chain (LedgerStore.correct).
 */
export type PageToWorker =
  | { type: 'invoice/track'; facts: InvoiceFacts; thread: ThreadRef }
  | { type: 'invoice/list-for-thread'; thread: ThreadRef; also?: InvoiceKey[] }
  | { type: 'reminder/draft'; invoiceId: string; tabId: number; choice?: DraftChoice }
  | { type: 'reminder/preview'; invoiceId: string; choice?: DraftChoice }
  | { type: 'invoice/log'; invoiceId: string; entry: PanelEntry }
  | { type: 'invoice/untrack'; invoiceId: string }
  | { type: 'invoice/correct'; invoiceId: string; changes: FactCorrection[] }
  | { type: 'storage/persistence' }
  | LedgerFileRequest
  | SettingsRequest;

/**
 * The settings page (src/background/settings-requests.ts parses them; extension pages only). A save
 * replaces the whole record after checking all of it (validate.ts): refused, nothing is written.
 */
export type SettingsRequest =
  | { type: 'settings/get' }
  | { type: 'settings/save'; settings: unknown }
  | { type: 'templates/get' }
  | { type: 'templates/save'; templates: unknown };

/** A refused save names every field at fault (`LedgerProblem`: dotted path, code, English message). */
export type SettingsSaveReply<T> = WorkerReply<T> | { ok: false; error: string; code: 'invalid'; problems: LedgerProblem[] };

/**
 * The ledger's files (issue 5 "Import and export"; formats in src/core/ledger/BACKUP.md and
 * src/cli/README.md). Extension pages only, parsed by `parseLedgerFileRequest`
 * (ledger-file-requests.ts; sizes bounded).
 *
 * - `backup/export-*`: the whole ledger as a backup file (version 2), streamed in pieces.
 * - `backup/import-*`: restores a backup (version 1 or 2) sent in chunks, replacing the whole
 *   ledger, all or nothing: checked and staged as it comes, swapped in by the commit only.
 * - `backup/merge-scan`: adds the invoices of the CLI's scan file (`relance scan … --ledger`);
 *   `acceptUpdates` also records the events it proposes (payments, disputes, promises seen in
 *   mail). `dryRun`: only plan it (what would be added, proposed, skipped).
 * - `export/csv`: the receivables for the accountant.
 * - `export/dossier`: one invoice's dossier (printable HTML and plain text).
 */
export type LedgerFileRequest =
  // A backup of any size in chunks (src/background/backup-restore.ts): staged, checked as it comes, swapped in by the commit only.
  | { type: 'backup/import-begin' }
  | { type: 'backup/import-chunk'; restoreId: string; index: number; text: string; last?: boolean }
  | { type: 'backup/import-commit'; restoreId: string }
  | { type: 'backup/import-abort'; restoreId: string }
  // The streamed export of a backup of any size (backup-export-messages.ts).
  | BackupExportStreamRequest
  | { type: 'backup/merge-scan'; text: string; acceptUpdates: boolean; dryRun?: boolean }
  | { type: 'export/csv'; language: Language }
  | { type: 'export/dossier'; invoiceId: string; language: Language };

/**
 * A ledger invoice reached through its mailbox thread (host and thread id known). LedgerInvoice
 * keeps every TrackedInvoice field under the same name, so it reads as one.
 */
export type ThreadLedgerInvoice = LedgerInvoice & Pick<TrackedInvoice, 'host' | 'threadId'>;

export interface InvoiceRecord {
  invoice: ThreadLedgerInvoice;
  /** The `tracked` and `reminder_drafted` entries as v1 LogEvents, newest first (what the panel shows). */
  events: LogEvent[];
  /** The whole logbook in chain order (seq 0 first), with its hashes. */
  logbook: LedgerEvent[];
  /** The invoice's state today, derived by the ledger's owner (absent from older hosts). */
  state?: InvoiceStatusView;
  /** The client's other invoices' logbook entries, newest first (at most CLIENT_TIMELINE_MAX). */
  clientTimeline?: ClientTimelineEntry[];
}

export const CLIENT_TIMELINE_MAX = 50;

export interface ClientTimelineEntry {
  invoiceNumber: string;
  currency: string | null;
  event: LedgerEvent;
}

/**
 * Interest and indemnity accrued today, serialisable (the calculator's result holds bigints).
 * `rate_unknown`: a reference rate is not published yet: the user enters it in the settings; never a guess.
 */
export type PenaltyView =
  | { kind: 'computed'; asOf: string; currency: string; interest: number; indemnity: { amount: number; currency: string } | null; total: number }
  | { kind: 'rate_unknown'; table: string; period: string }
  | { kind: 'not_computed'; reason: 'amount_unknown' | 'currency_unknown' | 'due_date_unknown' }
  | { kind: 'error'; message: string };

/** What the panel shows of `deriveInvoiceState` (src/core/ledger/derive.ts). */
export interface InvoiceStatusView {
  today: string;
  status: ChasingStatus;
  daysPastDue: number | null;
  outstanding: number | null;
  received: number;
  currency: string | null;
  penalty: PenaltyView;
  currentStep: ChasingStep | null;
  plan: ChasingPlan;
  /** The step the Draft button writes today, and its tone. */
  draftStep: ChasingStep;
  draftTone: ChasingTone | null;
  /** No reminder drafted or sent yet: the panel shows the checklist before the first one. */
  beforeFirstReminder: boolean;
  dispute: { since: string; reason: string } | null;
  promise: { promisedDate: string; amount: number | null; state: 'pending' | 'kept' | 'broken' | 'replaced' } | null;
  paymentPlan: { agreedOn: string; instalments: Array<{ dueDate: string; amount: number; paid: boolean }> } | null;
  formalNotice: { sentOn: string; deadline: string } | null;
}

/** A draft as text, to read before it goes into the compose window (nothing is inserted). */
export interface DraftPreview {
  step: ChasingStep;
  tone: ChasingTone;
  language: Language;
  to: string[];
  subject: string;
  bodyText: string;
  /** Formal notice: the printable A4 letter (our own escaped HTML, never mail content). */
  letterHtml?: string;
  /** Call: the message to leave on voicemail (practice: facts only). */
  voicemailText?: string;
  /** Escalation: the injonction de payer file checklist. */
  checklist?: Array<{ id: string; status: string; label: string; detail?: string }>;
  toneViolations: string[];
  missingFacts: string[];
}

/**
 * A failed request: `error` is an English message the panel may show; `code` is set for storage
 * failures (src/adapters/storage/errors.ts `StorageErrorCode`: quota_exceeded, upgrade_blocked,
 * upgrade_failed, version_too_new, conflict, unknown).
 */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string };

/**
 * Whether the browser keeps Relance's storage under pressure instead of evicting it:
 * granted (persistent), denied (best-effort: may be evicted), unsupported (no such API).
 */
export type StoragePersistence = 'granted' | 'denied' | 'unsupported';

export interface DraftReminderResult {
  draft: ReminderDraft;
  mode: 'reply' | 'new_compose';
}

/** One problem of a file (a refused backup or scan file, a warning): where, what, in English. */
export interface FileProblem {
  /** `invoices[12].dueDate`, `events[40]`; '' for the whole file. */
  path: string;
  /** The reader's code (backup.ts `BackupProblemCode`, scan-merge.ts `ScanFileErrorCode` or `ScanMergeProblemCode`). */
  code: string;
  message: string;
  /** A JSON syntax error: where the text breaks. */
  position?: { line: number; column: number; offset: number };
}

/**
 * The reply of an import: a refused file is `code: 'invalid_file'` with every problem found
 * (nothing was changed); other failures are as `WorkerReply`'s.
 */
export type FileImportReply<T> = WorkerReply<T> | { ok: false; error: string; code: 'invalid_file'; problems: FileProblem[] };

/** How many records a ledger or a backup holds. */
export interface LedgerCounts {
  clients: number;
  invoices: number;
  events: number;
  templates: number;
}

export interface BackupImportResult {
  /** False for a dry run: the file checks out, nothing was written. */
  replaced: boolean;
  /** What the backup holds (what the ledger now holds once replaced). */
  counts: LedgerCounts;
  exportedAt: string;
  appVersion: string | null;
  /** Not blocking: records that disagree with what their logbook vouches for. */
  warnings: FileProblem[];
}

/** A chunk of a staged restore read: how far the file is read; with the last chunk, what it holds (not yet swapped in). */
export interface BackupChunkResult {
  read: { chars: number; lines: number; clients: number; invoices: number; events: number };
  /** The last chunk: the file checked out whole and is staged; `backup/import-commit` swaps it in. */
  checked?: Omit<BackupImportResult, 'replaced'> & { version: number };
}

/** An event the scan file suggests, for the user to confirm (`acceptUpdates`). */
export interface ScanProposal {
  invoiceId: string;
  invoiceNumber: string;
  /** The invoice is one the merge adds. */
  newInvoice: boolean;
  kind: LedgerEvent['kind'];
  day: string;
  /** Why, in the user's language. */
  reason: string;
  /** Fields the file did not give and the plan assumed (ask the user). */
  assumed: string[];
}

export interface ScanMergeReport {
  /** False for a dry run: the plan only, nothing written. */
  applied: boolean;
  source: { generatedAt: string; invoiceCount: number };
  counts: {
    /** Added (planned, for a dry run). */
    newClients: number;
    newInvoices: number;
    /** Invoices of the file the ledger already has (or that appear twice in it): not added. */
    duplicatesSkipped: number;
    /** Messages added as proofs to invoices the ledger had. */
    proofsAdded: number;
    /** Events the file suggests (payments, disputes, promises seen in mail). */
    updatesProposed: number;
    /** Of those, recorded (only with `acceptUpdates`). */
    updatesApplied: number;
    /** Invoices of the file that could not be imported, and warnings. */
    problems: number;
  };
  /** The lists behind the counts, each cut at `SCAN_REPORT_LIST_MAX` items. */
  proposals: ScanProposal[];
  duplicates: Array<{ invoiceNumber: string; counterparty: string | null; existingInvoiceId: string; reason: string }>;
  problems: Array<FileProblem & { severity: 'skipped' | 'warning' }>;
}

export const SCAN_REPORT_LIST_MAX = 1_000;

export interface CsvExportResult {
  /** RFC 4180 text with a UTF-8 byte-order mark. */
  csv: string;
  fileName: string;
}

export interface DossierExportResult {
  /** A standalone printable HTML document (A4). */
  html: string;
  text: string;
  /** `relance-dossier-<number>-YYYY-MM-DD`, without extension (`.html` or `.txt`). */
  fileName: string;
}

/** What each page request answers. */
export interface PageReplies {
  'invoice/track': WorkerReply<InvoiceRecord>;
  'invoice/list-for-thread': WorkerReply<InvoiceRecord[]>;
  'reminder/draft': WorkerReply<DraftReminderResult>;
  'reminder/preview': WorkerReply<DraftPreview>;
  'invoice/log': WorkerReply<InvoiceRecord>;
  'invoice/untrack': WorkerReply<{ removed: boolean }>;
  'invoice/correct': WorkerReply<InvoiceRecord>;
  'storage/persistence': WorkerReply<StoragePersistence>;
  'backup/import-begin': WorkerReply<{ restoreId: string }>;
  'backup/import-chunk': FileImportReply<BackupChunkResult>;
  'backup/import-commit': FileImportReply<BackupImportResult>;
  'backup/import-abort': WorkerReply<{ aborted: true }>;
  'backup/export-begin': BackupExportReplies['backup/export-begin'];
  'backup/export-chunk': BackupExportReplies['backup/export-chunk'];
  'backup/export-end': BackupExportReplies['backup/export-end'];
  'backup/merge-scan': FileImportReply<ScanMergeReport>;
  'export/csv': WorkerReply<CsvExportResult>;
  'export/dossier': WorkerReply<DossierExportResult>;
  'settings/get': WorkerReply<LedgerSettings>;
  'settings/save': SettingsSaveReply<LedgerSettings>;
  'templates/get': WorkerReply<UserTemplates>;
  'templates/save': SettingsSaveReply<UserTemplates>;
}

/**
 * Broadcast by the worker to extension pages after any ledger write. `replaced`: the whole ledger
 * was replaced (a backup restored): read everything again.
 */
export type WorkerBroadcast = { type: 'ledger/changed'; invoiceIds: string[]; replaced?: true };

// ---------------------------------------------------------------------------------------------
// Session storage keys (chrome.storage.session is readable by trusted contexts only, never by
// content scripts: Chrome's default access level).

/**
 * What the panel shows for one Gmail tab. The worker runs the detection engine once per thread and
 * keeps its reading beside the snapshot, so the panel page does not load the engine (size budget).
 */
export type TabThreadState =
  | {
      state: 'thread';
      snapshot: ThreadSnapshot;
      reading: ThreadInvoice;
      at: number;
      /** More invoices the user sent in the same thread (beyond `reading`), in thread order. */
      others?: ThreadInvoice[];
      /** The newest message from the client, when the engine reads it as a payment, dispute, promise or plan request. */
      reply?: ReplyReading | null;
    }
  | { state: 'unreadable'; error: ThreadReadError; at: number }
  | { state: 'none'; at: number };

/** What the client's newest reply says, as the detection engine reads it; the panel proposes the matching entry. */
export interface ReplyReading {
  kind: 'paid' | 'dispute' | 'promise' | 'plan_request';
  /** Index in snapshot.messages. */
  messageIndex: number;
  /** The reply's local date-time, when Gmail showed it. */
  date: string | null;
  invoiceNumbers: string[];
  amount: number | null;
  promisedDate: string | null;
  /** The words that made the reading (a short excerpt of the reply, as text). */
  excerpt: string;
}

export const tabThreadKey = (tabId: number): string => `tab-thread:${tabId}`;

/** Test and demo clock: a `YYYY-MM-DD` that replaces today's date while set (session only). */
export const CLOCK_OVERRIDE_KEY = 'clock:today';

// ---------------------------------------------------------------------------------------------
// Parsing untrusted content-script messages

/** Limits well above any real thread: they only stop a hostile page from flooding the worker. */
export const LIMITS = {
  messages: 50,
  bodyChars: 20_000,
  shortText: 1_000,
  addresses: 100,
  attachments: 50,
  /**
   * A backup's or scan file's text sent to the worker: Chrome refuses runtime messages over
   * 64 MiB anyway (the backup format allows 128 MiB: such a ledger needs another channel).
   */
  fileChars: 64 * 1024 * 1024,
  /** Result rows read from one Gmail search page: its largest page-size setting; the worker reads no more. */
  resultRowsPerPage: 100,
} as const;

/**
 * A Gmail legacy thread id as read (lowercased first): 16 hex digits. It opens the thread by hash.
 * Here, not with the selectors, so the worker checks the page's rows without loading DOM code.
 */
export const LEGACY_THREAD_ID = /^[0-9a-f]{16}$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

class InvalidMessage extends Error {}

/** Parse helpers, shared with ledger-file-requests.ts (a message that breaks a rule throws, `guarded` catches). */
export function fail(path: string, what: string): never {
  throw new InvalidMessage(`${path}: ${what}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) fail(path, 'expected an object');
  return value;
}

export function text(value: unknown, path: string, max: number = LIMITS.shortText): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length > max) fail(path, `longer than ${max} characters`);
  return value;
}

function textOrNull(value: unknown, path: string, max: number = LIMITS.shortText): string | null {
  return value === null ? null : text(value, path, max);
}

function list<T>(value: unknown, path: string, max: number, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > max) fail(path, `more than ${max} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;

function address(value: unknown, path: string): MailAddress {
  const r = record(value, path);
  const email = text(r.email, `${path}.email`, 320).toLowerCase();
  if (!EMAIL.test(email)) fail(`${path}.email`, 'not an email address');
  return { name: textOrNull(r.name, `${path}.name`), email };
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function message(value: unknown, path: string): MailMessage {
  const r = record(value, path);
  const date = textOrNull(r.date, `${path}.date`, 16);
  if (date !== null && !LOCAL_DATE_TIME.test(date)) fail(`${path}.date`, 'expected YYYY-MM-DDTHH:mm');
  if (typeof r.collapsed !== 'boolean') fail(`${path}.collapsed`, 'expected a boolean');
  return {
    id: textOrNull(r.id, `${path}.id`, 100),
    from: r.from === null ? null : address(r.from, `${path}.from`),
    to: list(r.to, `${path}.to`, LIMITS.addresses, address),
    cc: list(r.cc, `${path}.cc`, LIMITS.addresses, address),
    date,
    bodyText: text(r.bodyText, `${path}.bodyText`, LIMITS.bodyChars),
    attachments: list(r.attachments, `${path}.attachments`, LIMITS.attachments, (v, p) => text(v, p, 300)),
    collapsed: r.collapsed,
  };
}

export function language(value: unknown, path: string): Language | null {
  if (value === null || value === 'fr' || value === 'en') return value;
  fail(path, "expected 'fr', 'en' or null");
}

function snapshot(value: unknown, path: string): ThreadSnapshot {
  const r = record(value, path);
  if (r.host !== 'gmail') fail(`${path}.host`, "expected 'gmail'");
  const account = textOrNull(r.account, `${path}.account`, 320);
  if (account !== null && !EMAIL.test(account)) fail(`${path}.account`, 'not an email address');
  const threadId = text(r.threadId, `${path}.threadId`, 100);
  if (!/^[0-9A-Za-z:_-]{1,100}$/.test(threadId)) fail(`${path}.threadId`, 'unexpected characters');
  return {
    host: 'gmail',
    account: account?.toLowerCase() ?? null,
    threadId,
    subject: text(r.subject, `${path}.subject`),
    uiLanguage: language(r.uiLanguage, `${path}.uiLanguage`),
    messages: list(r.messages, `${path}.messages`, LIMITS.messages, message),
  };
}

function readError(value: unknown, path: string): ThreadReadError {
  const r = record(value, path);
  return {
    code: text(r.code, `${path}.code`, 60),
    feature: text(r.feature, `${path}.feature`, 60),
    detail: text(r.detail, `${path}.detail`),
  };
}

export function guarded<T>(parse: () => T): Parsed<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof InvalidMessage) return { ok: false, error: error.message };
    throw error;
  }
}

/** Parses a message claimed to come from the Gmail content script. Unknown types are rejected. */
export function parseContentMessage(raw: unknown): Parsed<ContentToWorker> {
  return guarded(() => {
    const r = record(raw, 'message');
    switch (r.type) {
      case 'thread/opened':
        return { type: 'thread/opened', snapshot: snapshot(r.snapshot, 'snapshot') };
      case 'thread/unreadable':
        return { type: 'thread/unreadable', error: readError(r.error, 'error') };
      case 'thread/closed':
        return { type: 'thread/closed' };
      case 'panel/open':
        return { type: 'panel/open' };
      default:
        return fail('message.type', `not a content-script message: ${String(r.type).slice(0, 40)}`);
    }
  });
}

function draft(value: unknown, path: string): ReminderDraft {
  const r = record(value, path);
  if (!isChasingStep(r.step)) fail(`${path}.step`, 'unknown step');
  const lang = language(r.language, `${path}.language`);
  if (lang === null) fail(`${path}.language`, 'required');
  return {
    step: r.step,
    language: lang,
    to: list(r.to, `${path}.to`, LIMITS.addresses, (v, p) => address({ name: null, email: v }, p).email),
    subject: text(r.subject, `${path}.subject`),
    bodyText: text(r.bodyText, `${path}.bodyText`, LIMITS.bodyChars),
  };
}

/**
 * Parses a command the content script received. Only the worker sends these, but the content script
 * checks them anyway: it is the one place that writes into Gmail's page.
 */
export function parseWorkerCommand(raw: unknown): Parsed<WorkerToContent> {
  return guarded(() => {
    const r = record(raw, 'command');
    if (r.type !== 'compose/insert-draft') fail('command.type', 'unknown command');
    return { type: 'compose/insert-draft', draft: draft(r.draft, 'draft') };
  });
}
