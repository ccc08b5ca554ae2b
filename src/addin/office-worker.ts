/**
 * The extension's service worker logic (src/background/router.ts) run inside the Outlook task pane
 * or command page, with Office dependencies: the same requests, trust rules and ledger writes, so
 * every panel action works in Outlook as in Gmail. The add-in's own pages are its only callers
 * (there is no content script), and they call in-process with a sender that classifies as an
 * extension page. The "tab" is the Outlook item: one per page, id OUTLOOK_ITEM.
 */
import { routeMessage, type MessageSender, type WorkerDeps } from '../background/router';
import type { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import { requestPersistentStorage } from '../adapters/browser/persist';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import type { IsoDate } from '../core/model';
import type { InsertDraftResponse, TabThreadState, WorkerBroadcast, WorkerToContent } from '../protocol/messages';
import { replyValue } from '../protocol/reply-value';
import type { AskLedger } from '../ui/ledger-port';
import { outlookItemOf } from './due-today';

/** The draft target the UI passes (ledgerPortOverRequests' draftTarget): the selected item. */
export const OUTLOOK_ITEM = 0;

const ADDIN_ID = 'relance-outlook-addin';

export interface OfficeWorkerOptions {
  mailbox: OutlookMailbox;
  ledger: LedgerStore;
  today(): Promise<IsoDate>;
  /** How a draft reaches Outlook: a form opened from the read item (task pane) or text at the cursor (compose command). */
  deliverDraft: 'open-form' | 'insert-at-cursor';
  /** After any ledger write (the due-today list and the information bar are recomputed there). */
  afterLedgerChange(): Promise<unknown>;
}

export interface OfficeWorker {
  deps: WorkerDeps;
  ask: AskLedger;
  /** Any page request (dashboard ones included), its reply as it came; rejects when nothing handles it. */
  send(message: object): Promise<unknown>;
  /** The selected item's thread as the panel shows it. */
  thread(): TabThreadState | null;
  setThread(state: TabThreadState): void;
  onThread(listener: (state: TabThreadState | null) => void): () => void;
  onLedgerChange(listener: () => void): () => void;
}

export function createOfficeWorker(options: OfficeWorkerOptions): OfficeWorker {
  const origin = `${location.origin}/`;
  const sender: MessageSender = { id: ADDIN_ID, url: location.href.startsWith(origin) ? location.href : origin };
  let current: TabThreadState | null = null;
  const threadListeners = new Set<(state: TabThreadState | null) => void>();
  const ledgerListeners = new Set<() => void>();

  const setThread = (state: TabThreadState) => {
    current = state;
    threadListeners.forEach((listener) => listener(state));
  };

  async function deliver(command: WorkerToContent): Promise<InsertDraftResponse> {
    try {
      if (options.deliverDraft === 'insert-at-cursor') {
        await options.mailbox.insertAtCursor(command.draft);
        return { ok: true, mode: 'reply' };
      }
      return { ok: true, mode: options.mailbox.openDraft(command.draft) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const code = (error as { officeCode?: string } | null)?.officeCode ?? 'office_error';
      return { ok: false, error: { code, feature: 'outlook-draft', detail } };
    }
  }

  const deps: WorkerDeps = {
    extensionId: ADDIN_ID,
    extensionOrigin: origin,
    ledger: options.ledger,
    // Defined by the add-in build; absent under Vitest.
    appVersion: typeof __RELANCE_VERSION__ === 'string' ? __RELANCE_VERSION__ : undefined,
    today: options.today,
    now: () => new Date(),
    setTabThread: async (_item, state) => setThread(state),
    getTabThread: async () => current,
    // Outlook opens the task pane itself (the ribbon button); there is no panel to enable.
    enablePanel: async () => undefined,
    openPanel: () => undefined,
    sendToTab: (_item, command) => deliver(command),
    refreshBadge: () => options.afterLedgerChange(),
    storagePersistence: () => requestPersistentStorage(),
    broadcast: (message: WorkerBroadcast) => {
      if (message.type === 'ledger/changed') ledgerListeners.forEach((listener) => listener());
    },
    log: (message, detail) => console.warn(`Relance: ${message}`, detail ?? ''),
    // The dashboard opens the Outlook message an invoice was read from (displayMessageForm, as
    // today's list does); an invoice read in Gmail only has nothing to open here.
    invoiceOpener: {
      canOpen: (invoice) => outlookItemOf({ invoice }) !== null,
      async open(invoice) {
        const itemId = outlookItemOf({ invoice });
        if (!itemId) throw new Error('this invoice was not read in Outlook: open it in Gmail');
        options.mailbox.openMessage(itemId);
      },
    },
  };

  const send = async (message: object): Promise<unknown> => {
    const reply = await routeMessage(message, sender, deps);
    if (!reply) throw new Error(`Relance does not handle ${(message as { type?: unknown }).type}`);
    return reply;
  };

  const ask: AskLedger = async (message) => replyValue((await send(message)) as { ok: true; value: never } | { ok: false; error: string });

  return {
    deps,
    ask,
    send,
    thread: () => current,
    setThread,
    onThread(listener) {
      threadListeners.add(listener);
      return () => threadListeners.delete(listener);
    },
    onLedgerChange(listener) {
      ledgerListeners.add(listener);
      return () => ledgerListeners.delete(listener);
    },
  };
}
