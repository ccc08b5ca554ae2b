/** The browser side of "Find my invoices" runs: the tabs, the run's state in storage.session, timers. */
import { browser } from '../adapters/browser/ext';
import type { FindRunState } from '../protocol/find-invoices-messages';
import { FIND_STATE_KEY, type FindPorts } from './find-invoices-requests';

export const findBrowserPorts: FindPorts = {
  // No `tabs` permission: ids only; each tab's content script says whether it is Gmail (find/where).
  tabIds: async () => (await browser.tabs.query({})).flatMap((tab) => (typeof tab.id === 'number' ? [tab.id] : [])),
  loadState: async () => ((await browser.storage.session.get(FIND_STATE_KEY))[FIND_STATE_KEY] as FindRunState | undefined) ?? null,
  saveState: (state) => browser.storage.session.set({ [FIND_STATE_KEY]: state }),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const aborted = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', aborted);
        resolve();
      }, ms);
      signal.addEventListener('abort', aborted, { once: true });
    }),
  random: () => Math.random(),
};
