/**
 * What each Gmail tab currently shows, kept in chrome.storage.session so it survives the service
 * worker being stopped, and so the panel can follow it (storage.onChanged). Content scripts cannot
 * read this area (Chrome's default TRUSTED_CONTEXTS access level).
 */
import { tabThreadKey, type TabThreadState } from '../../protocol/messages';
import { browser } from './ext';

export async function setTabThread(tabId: number, state: TabThreadState): Promise<void> {
  await browser.storage.session.set({ [tabThreadKey(tabId)]: state });
}

export async function getTabThread(tabId: number): Promise<TabThreadState | null> {
  const value = (await browser.storage.session.get(tabThreadKey(tabId)))[tabThreadKey(tabId)];
  return (value as TabThreadState | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabThreadKey(tabId));
}
