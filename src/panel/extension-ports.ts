/**
 * The UI's ports in the extension: requests go to the service worker (the only writer), the open
 * thread comes from chrome.storage.session, kept by the worker per Gmail tab.
 */
import { browser } from '../adapters/browser/ext';
import { browserClock } from '../adapters/browser/clock';
import { workerValue } from '../adapters/browser/worker-request';
import { getTabThread } from '../adapters/browser/tab-threads';
import type { Language } from '../core/model';
import { tabThreadKey, type TabThreadState, type WorkerBroadcast } from '../protocol/messages';
import { ledgerPortOverRequests, type AskLedger } from '../ui/ledger-port';
import type { UiPorts } from '../ui/ports';

const ask: AskLedger = (message) => workerValue(message);

export function extensionPorts(tabId: number | null, language: Language): UiPorts {
  return {
    language,
    today: () => browserClock.today(),
    thread: {
      current: () => (tabId === null ? Promise.resolve(null) : getTabThread(tabId)),
      subscribe(onChange) {
        if (tabId === null) return () => undefined;
        const key = tabThreadKey(tabId);
        const listener = (changes: Record<string, { newValue?: unknown }>) => {
          if (key in changes) onChange((changes[key]?.newValue as TabThreadState | undefined) ?? null);
        };
        browser.storage.session.onChanged.addListener(listener);
        return () => browser.storage.session.onChanged.removeListener(listener);
      },
    },
    ledger: ledgerPortOverRequests({
      ask,
      draftTarget: tabId,
      subscribe(onChange) {
        const listener = (message: unknown) => {
          if ((message as WorkerBroadcast | undefined)?.type === 'ledger/changed') onChange();
        };
        browser.runtime.onMessage.addListener(listener);
        return () => browser.runtime.onMessage.removeListener(listener);
      },
    }),
  };
}
