/**
 * Opening an invoice's Gmail thread in the right account (issue 6, the dashboard). Gmail numbers
 * the accounts signed in to one browser (`/mail/u/0/`, `/mail/u/1/`…) in sign-in order; Relance
 * stores the account's address on each invoice (read from Gmail's page) and remembers which number
 * each address had the last time its content script reported a thread (`rememberGmailAccount`,
 * from the message sender's URL: no `tabs` permission needed). A Gmail tab that last showed a
 * thread of that account is reused; otherwise a new tab opens. An address never seen with a number
 * goes through Gmail's `authuser` parameter, which picks the account by address.
 */
import { tabThreadKey, type TabThreadState } from '../../protocol/messages';
import { browser } from './ext';

const ACCOUNT_PATH_PREFIX = 'gmail-account:';
// `tab-thread:` (messages.ts `tabThreadKey`), so a rename there follows here.
const TAB_THREAD_PREFIX = tabThreadKey(0).slice(0, -1);

/** The account number in a Gmail URL (`/mail/u/1/…` → 1), null for another URL. */
export function gmailAccountIndex(url: string | undefined): number | null {
  const match = /^https:\/\/mail\.google\.com\/mail\/u\/(\d{1,2})\//.exec(url ?? '');
  return match ? Number(match[1]) : null;
}

/** The thread's address in Gmail: `#inbox/<legacy thread id>` under the account's number. */
export function gmailThreadUrl(threadId: string, account: string | null, index: number | null): string {
  const id = encodeURIComponent(threadId);
  if (index !== null) return `https://mail.google.com/mail/u/${index}/#inbox/${id}`;
  if (account !== null) return `https://mail.google.com/mail/u/0/?authuser=${encodeURIComponent(account)}#inbox/${id}`;
  return `https://mail.google.com/mail/u/0/#inbox/${id}`;
}

/** Remembers the account's number, from the URL of the Gmail page that reported one of its threads. */
export async function rememberGmailAccount(account: string | null, senderUrl: string | undefined): Promise<void> {
  const index = gmailAccountIndex(senderUrl);
  if (account === null || index === null) return;
  const key = ACCOUNT_PATH_PREFIX + account.toLowerCase();
  const known = (await browser.storage.local.get(key))[key];
  if (known !== index) await browser.storage.local.set({ [key]: index });
}

async function accountIndexOf(account: string | null): Promise<number | null> {
  if (account === null) return null;
  const key = ACCOUNT_PATH_PREFIX + account.toLowerCase();
  const value = (await browser.storage.local.get(key))[key];
  return typeof value === 'number' ? value : null;
}

/** A Gmail tab (still open) whose last thread was of this account. */
async function tabOfAccount(account: string | null): Promise<number | null> {
  const all = (await browser.storage.session.get(null)) as Record<string, TabThreadState | undefined>;
  for (const [key, state] of Object.entries(all)) {
    if (!key.startsWith(TAB_THREAD_PREFIX) || state?.state !== 'thread' || state.snapshot.account !== account) continue;
    const tabId = Number(key.slice(TAB_THREAD_PREFIX.length));
    try {
      await browser.tabs.get(tabId);
      return tabId;
    } catch {
      // Closed since (its entry is removed on tabs.onRemoved, but the worker may have slept).
    }
  }
  return null;
}

/** Opens the thread: in a Gmail tab of its account when there is one (brought forward), else in a new tab. */
export async function openGmailThread(account: string | null, threadId: string): Promise<void> {
  const url = gmailThreadUrl(threadId, account, await accountIndexOf(account));
  const tabId = await tabOfAccount(account);
  if (tabId === null) {
    await browser.tabs.create({ url, active: true });
    return;
  }
  const tab = await browser.tabs.update(tabId, { url, active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
}
