/**
 * The task pane's moving parts: reads the selected item (again on every ItemChanged, so a pinned
 * pane follows the selection), keeps today's actions and the item's information bar up to date
 * after every ledger change, and gives the UI its ports. Office calls are the adapter's.
 */
import type { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import { invoiceFromThread, type ThreadInvoice } from '../core/invoice-from-thread';
import type { InvoiceFacts, IsoDate, Language, ThreadSnapshot } from '../core/model';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import type { TabThreadState, ThreadRef } from '../protocol/messages';
import { ledgerPortOverRequests } from '../ui/ledger-port';
import type { UiPorts } from '../ui/ports';
import { dueBarText, dueToday, type DueItem } from './due-today';
import { createOfficeWorker, OUTLOOK_ITEM, type OfficeWorker } from './office-worker';

export interface TaskPane {
  ports: UiPorts;
  worker: OfficeWorker;
  due(): DueItem[] | null;
  onDue(listener: (items: DueItem[]) => void): () => void;
  /** Opens the Outlook message a listed invoice was read from; throws an error that says why not. */
  openMessage(item: DueItem): void;
  /** Reads the selected item and refreshes the list and the bar (start-up and ItemChanged). */
  followSelection(): Promise<void>;
  /** The interface language changed (settings): new `ports`, today's list and the bar relabelled. */
  setLanguage(language: Language): Promise<void>;
}

function readingOf(snapshot: ThreadSnapshot, log: (message: string, detail: unknown) => void): ThreadInvoice {
  try {
    return invoiceFromThread(snapshot);
  } catch (error) {
    log('the detection engine failed on a message', error);
    return { kind: 'none', reason: 'no_invoice_found' };
  }
}

export function createTaskPane(options: { mailbox: OutlookMailbox; ledger: LedgerStore; language: Language; today(): Promise<IsoDate> }): TaskPane {
  const { mailbox, ledger } = options;
  let language = options.language;
  let due: DueItem[] | null = null;
  const dueListeners = new Set<(items: DueItem[]) => void>();

  async function refreshDue(): Promise<void> {
    due = await dueToday(ledger, await options.today(), language);
    dueListeners.forEach((listener) => listener(due!));
    const shown = worker.thread();
    const thread = shown?.state === 'thread' ? { account: shown.snapshot.account, threadId: shown.snapshot.threadId } : null;
    if (mailbox.itemMode() === 'read') await mailbox.setDueBar(dueBarText(due, thread, language));
  }

  const worker = createOfficeWorker({
    mailbox,
    ledger,
    today: options.today,
    deliverDraft: 'open-form',
    afterLedgerChange: () => refreshDue().catch((error: unknown) => console.warn('Relance: due today', error)),
  });

  async function readSelection(): Promise<TabThreadState> {
    const at = Date.now();
    if (mailbox.itemMode() !== 'read') return { state: 'none', at };
    try {
      const snapshot = await mailbox.readThread();
      return { state: 'thread', snapshot, reading: readingOf(snapshot, worker.deps.log), at };
    } catch (error) {
      worker.deps.log('could not read the selected message', error);
      const code = (error as { officeCode?: string } | null)?.officeCode ?? 'office_error';
      return { state: 'unreadable', error: { code, feature: 'outlook-item', detail: error instanceof Error ? error.message : String(error) }, at };
    }
  }

  let reads = 0;
  async function followSelection(): Promise<void> {
    // The user may click through messages faster than Office answers: only the last read counts.
    const ticket = ++reads;
    const state = await readSelection();
    if (ticket !== reads) return;
    await worker.deps.setTabThread(OUTLOOK_ITEM, state);
    await refreshDue().catch((error: unknown) => worker.deps.log('due today', error));
  }

  /**
   * The message the facts were read from, for opening it later from today's list: the engine gives
   * the selected item's id when the invoice is its own text, none when it is in the history the
   * item quotes (a quoted message is no item of its own). Then the item holding that history is the
   * message to open: the selected one, whose conversation is the thread being tracked.
   */
  function withSourceItem(facts: InvoiceFacts, thread: ThreadRef): InvoiceFacts {
    if (facts.messageId !== null) return facts;
    const shown = worker.thread();
    if (shown?.state !== 'thread' || shown.snapshot.threadId !== thread.threadId) return facts;
    const itemId = shown.snapshot.messages.at(-1)?.id ?? null;
    return itemId ? { ...facts, messageId: itemId } : facts;
  }

  const requests = ledgerPortOverRequests({ ask: worker.ask, draftTarget: OUTLOOK_ITEM, subscribe: (onChange) => worker.onLedgerChange(onChange) });
  const ports: UiPorts = {
    language,
    mailApp: 'Outlook',
    today: options.today,
    thread: {
      current: async () => worker.thread(),
      subscribe: (onChange) => worker.onThread(onChange),
    },
    ledger: { ...requests, track: (facts, thread) => requests.track(withSourceItem(facts, thread), thread) },
  };

  const pane: TaskPane = {
    ports,
    worker,
    due: () => due,
    onDue(listener) {
      dueListeners.add(listener);
      return () => dueListeners.delete(listener);
    },
    followSelection,
    openMessage(item) {
      if (!item.outlookItemId) throw new Error('not read in Outlook');
      mailbox.openMessage(item.outlookItemId);
    },
    async setLanguage(next) {
      if (next === language) return;
      language = next;
      pane.ports = { ...pane.ports, language };
      await refreshDue().catch((error: unknown) => worker.deps.log('due today', error));
    },
  };
  return pane;
}
