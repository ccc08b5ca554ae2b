/**
 * The service worker's message router: who may ask what, and what each request does.
 * Kept apart from the wiring (service-worker.ts) so the trust rules are unit-tested with fakes.
 */
import { sameInvoiceNumber, trackedInvoiceId } from '../core/invoice-id';
import type { InvoiceFacts, IsoDate, ThreadSnapshot, TrackedInvoice } from '../core/model';
import {
  parseContentMessage,
  CLIENT_TIMELINE_MAX,
  type ClientTimelineEntry,
  type ContentToWorker,
  type DraftChoice,
  type FactCorrection,
  type InsertDraftResponse,
  type InvoiceKey,
  type PanelEntry,
  type InvoiceRecord,
  type PageReplies,
  type PageToWorker,
  type StoragePersistence,
  type TabThreadState,
  type ThreadRef,
  type WorkerBroadcast,
  type WorkerReply,
  type WorkerToContent,
} from '../protocol/messages';
import { isLedgerFileRequest, parseLedgerFileRequest } from '../protocol/ledger-file-requests';
import { ledgerInvoiceFromV1, type Client, type LedgerSettings } from '../core/ledger';
import type { InvoiceWithEvents, LedgerStore } from '../adapters/storage/ledger-store';
import { StorageError } from '../adapters/storage/errors';
import { handleLedgerFileRequest } from './ledger-files';
import { deriveForPanel, statusView } from './invoice-status';
import { composeDraftOf, previewOf, renderPanelDraft, type PanelDraftOutcome } from './panel-draft';
import { isPanelRequest, parsePanelRequest } from './panel-requests';
import { handleDashboardRequest, isDashboardRequest, parseDashboardRequest } from './dashboard-requests';
import { NO_INVOICE_OPENER, type InvoiceOpener } from './invoice-opener';
import { handleSettingsRequest, isSettingsRequest } from './settings-requests';
import { readThreadForPanel, type ThreadReading } from './thread-reading';
import { isFindRequest, routeFindRequest, type FindPorts } from './find-invoices-requests';
import { threadInvoices } from './thread-invoices';

export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface WorkerDeps {
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  ledger: LedgerStore;
  /** The extension's version (the manifest's), written in backups. */
  appVersion?: string;
  today(): Promise<IsoDate>;
  now(): Date;
  setTabThread(tabId: number, state: TabThreadState): Promise<void>;
  getTabThread(tabId: number): Promise<TabThreadState | null>;
  /** Makes the side panel available on this tab (called before any open, see openPanel). */
  enablePanel(tabId: number): Promise<void>;
  /** Must be called synchronously inside the message listener: Chrome requires a user gesture. */
  openPanel(tabId: number): void;
  sendToTab(tabId: number, command: WorkerToContent): Promise<unknown>;
  refreshBadge(): Promise<unknown>;
  /** Requests persistent storage if it can and says whether the ledger is kept (adapters/browser/persist.ts). */
  storagePersistence(): Promise<StoragePersistence>;
  broadcast(message: WorkerBroadcast): void;
  log(message: string, detail?: unknown): void;
  /** The dashboard's open button: the host's mail program (invoice-opener.ts); none: nothing opens. */
  invoiceOpener?: InvoiceOpener;
  /** Remembers which `/mail/u/<n>/` an account is at, from the reporting Gmail page's URL. */
  rememberGmailAccount?(account: string | null, senderUrl: string | undefined): Promise<void>;
  /** "Find my invoices" runs (find-invoices-browser.ts). */
  findPorts?: FindPorts;
}

export type SenderRole = { role: 'page' } | { role: 'gmail'; tabId: number } | { role: 'unknown' };

const GMAIL_ORIGIN = 'https://mail.google.com';

/**
 * Extension pages (side panel, dashboard) are trusted; the Gmail content script (top frame of a
 * mail.google.com tab) may only report; anything else is ignored. Gmail's own page scripts cannot
 * reach us at all (no externally_connectable), but a compromised content script could, hence
 * the split.
 */
export function classifySender(sender: MessageSender, deps: Pick<WorkerDeps, 'extensionId' | 'extensionOrigin'>): SenderRole {
  if (sender.id !== deps.extensionId) return { role: 'unknown' };
  const url = sender.url ?? '';
  if (url.startsWith(deps.extensionOrigin)) return { role: 'page' };
  const tabId = sender.tab?.id;
  const origin = sender.origin ?? safeOrigin(url);
  if (origin === GMAIL_ORIGIN && sender.frameId === 0 && typeof tabId === 'number') return { role: 'gmail', tabId };
  return { role: 'unknown' };
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Routes one runtime message. Returns a promise of the reply, or undefined when the message is not
 * for us (so other listeners may answer). Synchronous until the first await on purpose: see openPanel.
 */
export function routeMessage(raw: unknown, sender: MessageSender, deps: WorkerDeps): Promise<unknown> | undefined {
  const who = classifySender(sender, deps);
  if (who.role === 'gmail') {
    const parsed = parseContentMessage(raw);
    if (!parsed.ok) {
      deps.log('rejected a message from the Gmail content script', parsed.error);
      return Promise.resolve({ ok: false, error: 'invalid message' });
    }
    if (parsed.value.type === 'thread/opened') void deps.rememberGmailAccount?.(parsed.value.snapshot.account, sender.url).catch((error) => deps.log('could not remember the Gmail account', error));
    return handleContentMessage(parsed.value, who.tabId, deps);
  }
  if (who.role === 'page') return handlePageMessage(raw, deps);
  deps.log('ignored a message from an unknown sender', sender.url);
  return undefined;
}

function handleContentMessage(message: ContentToWorker, tabId: number, deps: WorkerDeps): Promise<unknown> {
  const at = deps.now().getTime();
  switch (message.type) {
    case 'panel/open':
      deps.openPanel(tabId);
      return Promise.resolve({ ok: true });
    case 'thread/opened': {
      const { reading, others, reply } = readThread(message.snapshot, deps);
      return Promise.all([
        deps.enablePanel(tabId),
        deps.setTabThread(tabId, { state: 'thread', snapshot: message.snapshot, reading, others, reply, at }),
      ]).then(() => ({ ok: true }));
    }
    case 'thread/unreadable':
      return Promise.all([
        deps.enablePanel(tabId),
        deps.setTabThread(tabId, { state: 'unreadable', error: message.error, at }),
      ]).then(() => ({ ok: true }));
    case 'thread/closed':
      return deps.setTabThread(tabId, { state: 'none', at }).then(() => ({ ok: true }));
  }
}

/** The engine's reading of a thread; a failure of the engine reads as "no invoice", never as a crash. */
function readThread(snapshot: ThreadSnapshot, deps: WorkerDeps): ThreadReading {
  try {
    return readThreadForPanel(snapshot);
  } catch (error) {
    deps.log('the detection engine failed on a thread', error);
    return { reading: { kind: 'none', reason: 'no_invoice_found' }, others: [], reply: null };
  }
}

function isPageMessage(raw: unknown): raw is PageToWorker {
  if (typeof raw !== 'object' || raw === null) return false;
  const type = (raw as { type?: unknown }).type;
  return type === 'invoice/track' || type === 'storage/persistence';
}

/**
 * A stored record as the panel reads it. Invoices reached through a thread always have host and
 * thread id; one without (typed in, imported from a file) is not a thread's and is left out.
 */
export function toInvoiceRecord(record: InvoiceWithEvents): InvoiceRecord | null {
  const { invoice, events, logbook } = record;
  if (invoice.host === null || invoice.threadId === null) return null;
  return { invoice: { ...invoice, host: invoice.host, threadId: invoice.threadId }, events, logbook };
}

/** The reply for a failed request: storage failures carry their code for the panel. */
export function failure(error: unknown): { ok: false; error: string; code?: string } {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof StorageError ? { ok: false, error: message, code: error.code } : { ok: false, error: message };
}

async function handlePageMessage(raw: unknown, deps: WorkerDeps): Promise<WorkerReply<unknown> | undefined> {
  if (isLedgerFileRequest(raw)) return handleFileRequest(raw, deps);
  if (isPanelRequest(raw)) return handlePanelRequest(raw, deps);
  if (isDashboardRequest(raw)) return handleDashboard(raw, deps);
  if (isFindRequest(raw)) {
    return routeFindRequest(raw, deps, {
      track: async (facts, thread) => {
        const written = await writeTrackedInvoice(facts, thread, deps);
        return written.ok ? { ok: true, id: written.record.invoice.id } : written;
      },
      afterTrack: (invoiceIds) => afterLedgerWrite(invoiceIds, deps),
    });
  }
  if (isSettingsRequest(raw)) return handleSettingsRequest(raw, deps).catch((error: unknown) => (deps.log(`${raw.type} failed`, error), failure(error)));
  if (!isPageMessage(raw)) return undefined;
  try {
    switch (raw.type) {
      case 'invoice/track':
        return await trackInvoice(raw.facts, raw.thread, deps);
      case 'storage/persistence':
        return { ok: true, value: await deps.storagePersistence() };
      default:
        return undefined;
    }
  } catch (error) {
    deps.log(`${raw.type} failed`, error);
    return failure(error);
  }
}

/** The panel's ledger requests (panel-requests.ts): parsed first, failures as replies. */
async function handlePanelRequest(raw: unknown, deps: WorkerDeps): Promise<WorkerReply<unknown>> {
  const parsed = parsePanelRequest(raw);
  if (!parsed.ok) {
    deps.log('rejected a panel request', parsed.error);
    return { ok: false, error: `invalid message: ${parsed.error}` };
  }
  const request = parsed.value;
  try {
    switch (request.type) {
      case 'invoice/list-for-thread':
        return { ok: true, value: await listForThread(request.thread, request.also, deps) };
      case 'reminder/draft':
        return await draftReminder(request.invoiceId, request.tabId, request.choice, deps);
      case 'reminder/preview':
        return await previewReminder(request.invoiceId, request.choice, deps);
      case 'invoice/log':
        return await logEntry(request.invoiceId, request.entry, deps);
      case 'invoice/untrack':
        return await untrack(request.invoiceId, deps);
      case 'invoice/correct':
        return await correctFacts(request.invoiceId, request.changes, deps);
      default:
        return { ok: false, error: 'invalid message' };
    }
  } catch (error) {
    deps.log(`${request.type} failed`, error);
    return failure(error);
  }
}

/** What a panel reply is built from: the settings and the client, read once per request. */
interface PanelContext {
  settings: LedgerSettings;
  today: IsoDate;
  clients: Map<string, Client | null>;
}

async function panelContext(deps: WorkerDeps): Promise<PanelContext> {
  return { settings: await deps.ledger.getSettings(), today: await deps.today(), clients: new Map() };
}

async function clientOf(clientId: string, context: PanelContext, deps: WorkerDeps): Promise<Client | null> {
  if (!context.clients.has(clientId)) context.clients.set(clientId, await deps.ledger.getClient(clientId));
  return context.clients.get(clientId) ?? null;
}

/** The record with its state today and the client's other invoices' entries (newest first). */
async function panelRecord(stored: InvoiceWithEvents, context: PanelContext, deps: WorkerDeps): Promise<InvoiceRecord | null> {
  const record = toInvoiceRecord(stored);
  if (!record) return null;
  const { invoice, logbook } = stored;
  const client = await clientOf(invoice.clientId, context, deps);
  const state = deriveForPanel(invoice, logbook, context.settings, client, context.today);
  const siblings = (await deps.ledger.clientInvoices(invoice.clientId)).filter((other) => other.invoice.id !== invoice.id);
  const clientTimeline: ClientTimelineEntry[] = siblings
    .flatMap((other) => other.logbook.map((event) => ({ invoiceNumber: other.invoice.invoiceNumber, currency: other.invoice.currency, event })))
    .sort((a, b) => (a.event.at < b.event.at ? 1 : a.event.at > b.event.at ? -1 : 0))
    .slice(0, CLIENT_TIMELINE_MAX);
  return { ...record, ...(state ? { state: statusView(state, invoice, logbook) } : {}), clientTimeline };
}

/** The thread's invoices, and those it names that were tracked from another thread (same number, same client). */
async function listForThread(thread: ThreadRef, also: InvoiceKey[], deps: WorkerDeps): Promise<InvoiceRecord[]> {
  const context = await panelContext(deps);
  const stored = await threadInvoices(deps.ledger, thread, also);
  const records = await Promise.all(stored.map((record) => panelRecord(record, context, deps)));
  return records.filter((record): record is InvoiceRecord => record !== null);
}

/** The dashboard page's requests (dashboard-requests.ts): parsed first, failures as replies. */
async function handleDashboard(raw: unknown, deps: WorkerDeps): Promise<WorkerReply<unknown>> {
  const parsed = parseDashboardRequest(raw);
  if (!parsed.ok) {
    deps.log('rejected a dashboard request', parsed.error);
    return { ok: false, error: `invalid message: ${parsed.error}` };
  }
  try {
    return await handleDashboardRequest(parsed.value, { ledger: deps.ledger, today: deps.today, invoiceOpener: deps.invoiceOpener ?? NO_INVOICE_OPENER });
  } catch (error) {
    deps.log(`${parsed.value.type} failed`, error);
    return failure(error);
  }
}

/** The ledger's files (ledger-files.ts): parsed first (the file text's size), failures as replies. */
async function handleFileRequest(raw: unknown, deps: WorkerDeps): Promise<WorkerReply<unknown>> {
  const parsed = parseLedgerFileRequest(raw);
  if (!parsed.ok) {
    deps.log('rejected a file request from an extension page', parsed.error);
    return { ok: false, error: `invalid message: ${parsed.error}` };
  }
  try {
    return await handleLedgerFileRequest(parsed.value, deps);
  } catch (error) {
    deps.log(`${parsed.value.type} failed`, error);
    return failure(error);
  }
}

async function afterLedgerWrite(invoiceIds: string[], deps: WorkerDeps): Promise<void> {
  deps.broadcast({ type: 'ledger/changed', invoiceIds });
  await deps.refreshBadge();
}

/** The ledger write of "Track this invoice", without the reply: the panel's request and "Find my invoices" (many at once) share it. */
async function writeTrackedInvoice(facts: InvoiceFacts, thread: ThreadRef, deps: WorkerDeps): Promise<{ ok: true; record: InvoiceWithEvents } | { ok: false; error: string }> {
  if (!facts.invoiceNumber.trim()) return { ok: false, error: 'an invoice number is required' };
  const invoice: TrackedInvoice = {
    id: trackedInvoiceId(thread.host, thread.account, thread.threadId, facts.invoiceNumber),
    host: thread.host,
    account: thread.account,
    threadId: thread.threadId,
    messageId: facts.messageId,
    invoiceNumber: facts.invoiceNumber.trim(),
    clientEmail: facts.client.email,
    clientName: facts.client.name,
    amount: facts.amount,
    currency: facts.currency,
    issueDate: facts.issueDate,
    dueDate: facts.dueDate,
    terms: facts.terms,
    language: facts.language,
    subject: facts.subject,
    trackedAt: deps.now().toISOString(),
  };
  const { record } = await deps.ledger.track(ledgerInvoiceFromV1(invoice), { at: invoice.trackedAt, day: await deps.today() });
  return { ok: true, record };
}

async function trackInvoice(facts: InvoiceFacts, thread: ThreadRef, deps: WorkerDeps): Promise<PageReplies['invoice/track']> {
  const written = await writeTrackedInvoice(facts, thread, deps);
  if (!written.ok) return written;
  const { record } = written;
  await afterLedgerWrite([record.invoice.id], deps);
  const reply = await panelRecord(record, await panelContext(deps), deps);
  return reply ? { ok: true, value: reply } : { ok: false, error: 'the tracked invoice has no thread' };
}

function isInsertDraftResponse(value: unknown): value is InsertDraftResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && (v.mode === 'reply' || v.mode === 'new_compose')) || (v.ok === false && typeof v.error === 'object');
}

/** The draft for an invoice, from the ledger (panel-draft.ts). */
async function panelDraft(invoiceId: string, choice: DraftChoice, deps: WorkerDeps): Promise<{ record: InvoiceRecord; outcome: PanelDraftOutcome } | { error: string }> {
  const stored = await deps.ledger.get(invoiceId);
  const record = stored ? toInvoiceRecord(stored) : null;
  if (!stored || !record) return { error: 'unknown invoice' };
  const context = await panelContext(deps);
  const client = await clientOf(stored.invoice.clientId, context, deps);
  const state = deriveForPanel(stored.invoice, stored.logbook, context.settings, client, context.today);
  if (!state) return { error: 'the chasing settings cannot be read: check them in the settings' };
  const view = statusView(state, stored.invoice, stored.logbook);
  const templates = await deps.ledger.getTemplates();
  return { record, outcome: renderPanelDraft({ invoice: stored.invoice, logbook: stored.logbook, state, view, settings: context.settings, client, templates }, choice) };
}

async function previewReminder(invoiceId: string, choice: DraftChoice, deps: WorkerDeps): Promise<PageReplies['reminder/preview']> {
  const made = await panelDraft(invoiceId, choice, deps);
  if ('error' in made) return { ok: false, error: made.error };
  if (!made.outcome.ok) return { ok: false, error: made.outcome.error };
  return { ok: true, value: previewOf(made.outcome.draft) };
}

/** The tab may draft for an invoice of its own thread, or one its thread names (the same invoice chased in another thread). */
function tabShowsInvoice(shown: TabThreadState | null, invoice: InvoiceRecord['invoice']): boolean {
  if (shown?.state !== 'thread') return false;
  if (shown.snapshot.threadId === invoice.threadId) return true;
  return [shown.reading, ...(shown.others ?? [])].some(
    (reading) => reading.kind === 'invoice' && sameInvoiceNumber(reading.facts.invoiceNumber, invoice.invoiceNumber) && reading.facts.client.email === invoice.clientEmail,
  );
}

async function draftReminder(invoiceId: string, tabId: number, choice: DraftChoice, deps: WorkerDeps): Promise<PageReplies['reminder/draft']> {
  const made = await panelDraft(invoiceId, choice, deps);
  if ('error' in made) return { ok: false, error: made.error };
  const { invoice } = made.record;
  if (!tabShowsInvoice(await deps.getTabThread(tabId), invoice)) return { ok: false, error: 'the invoice thread is not open in this tab' };
  if (!made.outcome.ok) return { ok: false, error: made.outcome.error };
  const draft = composeDraftOf(made.outcome.draft);
  const response = await deps.sendToTab(tabId, { type: 'compose/insert-draft', draft });
  if (!isInsertDraftResponse(response)) return { ok: false, error: 'Gmail did not answer' };
  if (!response.ok) return { ok: false, error: `${response.error.code}: ${response.error.detail}` };
  await deps.ledger.appendEvent(invoice.id, { kind: 'reminder_drafted', at: deps.now().toISOString(), day: await deps.today(), step: draft.step });
  await afterLedgerWrite([invoice.id], deps);
  return { ok: true, value: { draft, mode: response.mode } };
}

/** One logbook entry from the panel: the ledger checks it (validate.ts) and chains it. */
async function logEntry(invoiceId: string, entry: PanelEntry, deps: WorkerDeps): Promise<PageReplies['invoice/log']> {
  if (!(await deps.ledger.get(invoiceId))) return { ok: false, error: 'unknown invoice' };
  await deps.ledger.appendEvent(invoiceId, { ...entry, at: deps.now().toISOString(), day: await deps.today() } as Parameters<LedgerStore['appendEvent']>[1]);
  await afterLedgerWrite([invoiceId], deps);
  const stored = await deps.ledger.get(invoiceId);
  const reply = stored ? await panelRecord(stored, await panelContext(deps), deps) : null;
  return reply ? { ok: true, value: reply } : { ok: false, error: 'unknown invoice' };
}

/**
 * Corrections of a tracked invoice, one `correction` event each (LedgerStore.correct checks the
 * value; a refused one stops there, with the earlier ones kept: each is its own fact).
 */
async function correctFacts(invoiceId: string, changes: FactCorrection[], deps: WorkerDeps): Promise<PageReplies['invoice/correct']> {
  if (!(await deps.ledger.get(invoiceId))) return { ok: false, error: 'unknown invoice' };
  const when = { at: deps.now().toISOString(), day: await deps.today() };
  for (const change of changes) await deps.ledger.correct(invoiceId, change.field, change.value, when);
  await afterLedgerWrite([invoiceId], deps);
  const stored = await deps.ledger.get(invoiceId);
  const reply = stored ? await panelRecord(stored, await panelContext(deps), deps) : null;
  return reply ? { ok: true, value: reply } : { ok: false, error: 'unknown invoice' };
}

/** Stops tracking: the invoice and its logbook leave the ledger in one transaction (LedgerStore.removeInvoice). */
async function untrack(invoiceId: string, deps: WorkerDeps): Promise<PageReplies['invoice/untrack']> {
  const removed = await deps.ledger.removeInvoice(invoiceId);
  if (removed) await afterLedgerWrite([invoiceId], deps);
  return { ok: true, value: { removed } };
}
