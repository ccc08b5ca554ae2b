/**
 * The service worker's message router: who may ask what, and what each request does.
 * Kept apart from the wiring (service-worker.ts) so the trust rules are unit-tested with fakes.
 */
import { trackedInvoiceId } from '../core/invoice-id';
import { planForTrackedInvoice, stepToDraft, writtenActionToDraft } from '../core/chasing/tracked-invoice-plan';
import { invoiceFromThread, type ThreadInvoice } from '../core/invoice-from-thread';
import type { InvoiceFacts, IsoDate, ThreadSnapshot, TrackedInvoice } from '../core/model';
import { renderReminderDraft } from '../core/templates';
import {
  parseContentMessage,
  type ContentToWorker,
  type InsertDraftResponse,
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
import { ledgerInvoiceFromV1 } from '../core/ledger';
import type { InvoiceWithEvents, LedgerStore } from '../adapters/storage/ledger-store';
import { StorageError } from '../adapters/storage/errors';
import { handleLedgerFileRequest } from './ledger-files';

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
    case 'thread/opened':
      return Promise.all([
        deps.enablePanel(tabId),
        deps.setTabThread(tabId, { state: 'thread', snapshot: message.snapshot, reading: readThread(message.snapshot, deps), at }),
      ]).then(() => ({ ok: true }));
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
function readThread(snapshot: ThreadSnapshot, deps: WorkerDeps): ThreadInvoice {
  try {
    return invoiceFromThread(snapshot);
  } catch (error) {
    deps.log('the detection engine failed on a thread', error);
    return { kind: 'none', reason: 'no_invoice_found' };
  }
}

function isPageMessage(raw: unknown): raw is PageToWorker {
  if (typeof raw !== 'object' || raw === null) return false;
  const type = (raw as { type?: unknown }).type;
  return type === 'invoice/track' || type === 'invoice/list-for-thread' || type === 'reminder/draft' || type === 'storage/persistence';
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
  if (!isPageMessage(raw)) return undefined;
  try {
    switch (raw.type) {
      case 'invoice/track':
        return await trackInvoice(raw.facts, raw.thread, deps);
      case 'invoice/list-for-thread': {
        const records = await deps.ledger.forThread(raw.thread.account, raw.thread.threadId);
        return { ok: true, value: records.map(toInvoiceRecord).filter((record): record is InvoiceRecord => record !== null) };
      }
      case 'reminder/draft':
        return await draftReminder(raw.invoiceId, raw.tabId, deps);
      case 'storage/persistence':
        return { ok: true, value: await deps.storagePersistence() };
    }
  } catch (error) {
    deps.log(`${raw.type} failed`, error);
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

async function trackInvoice(facts: InvoiceFacts, thread: ThreadRef, deps: WorkerDeps): Promise<PageReplies['invoice/track']> {
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
  await afterLedgerWrite([invoice.id], deps);
  const reply = toInvoiceRecord(record);
  return reply ? { ok: true, value: reply } : { ok: false, error: 'the tracked invoice has no thread' };
}

function isInsertDraftResponse(value: unknown): value is InsertDraftResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && (v.mode === 'reply' || v.mode === 'new_compose')) || (v.ok === false && typeof v.error === 'object');
}

async function draftReminder(invoiceId: string, tabId: number, deps: WorkerDeps): Promise<PageReplies['reminder/draft']> {
  const stored = await deps.ledger.get(invoiceId);
  const record = stored ? toInvoiceRecord(stored) : null;
  if (!record) return { ok: false, error: 'unknown invoice' };
  const { invoice } = record;
  const shown = await deps.getTabThread(tabId);
  if (shown?.state !== 'thread' || shown.snapshot.threadId !== invoice.threadId) {
    return { ok: false, error: 'the invoice thread is not open in this tab' };
  }
  const today = await deps.today();
  const plan = planForTrackedInvoice(invoice, record.logbook, today);
  const step = stepToDraft(plan, invoice.dueDate, today, record.logbook);
  // The ladder's tone and advice when it planned this step (a profile can soften or firm it up).
  const planned = writtenActionToDraft(plan);
  const draft = renderReminderDraft({ invoice, step, today, senderName: null, tone: planned?.step === step ? planned.tone : null, advice: plan.advice });
  const response = await deps.sendToTab(tabId, { type: 'compose/insert-draft', draft });
  if (!isInsertDraftResponse(response)) return { ok: false, error: 'Gmail did not answer' };
  if (!response.ok) return { ok: false, error: `${response.error.code}: ${response.error.detail}` };
  await deps.ledger.appendEvent(invoice.id, { kind: 'reminder_drafted', at: deps.now().toISOString(), day: today, step });
  await afterLedgerWrite([invoice.id], deps);
  return { ok: true, value: { draft, mode: response.mode } };
}
