/**
 * The Gmail content script. Deliberately small (no Preact, no Dexie, no polyfill: everything here is
 * injected into every Gmail tab) and idle until a thread opens: on the inbox it only listens to
 * hash changes. It reads the open thread through the Gmail adapter, reports it to the service
 * worker, places a "Relance" chip in the thread header, and inserts drafts the worker asks for.
 * "Find my invoices" (find-driver.ts) acts only when the worker asks: it moves the tab by hash and
 * reads Gmail's result rows; the threads it opens are read by the same watcher as any other.
 * Every listener is tied to one AbortController, aborted when the extension is reloaded or removed
 * (the old script stays in the page, orphaned, until Gmail reloads).
 */
import { insertReplyDraft } from '../adapters/gmail/compose';
import { readOpenThread } from '../adapters/gmail/read-thread';
import { findChipAnchor } from '../adapters/gmail/thread-header';
import { looksLikeThreadRoute } from '../adapters/gmail/thread-route';
import { parseWorkerCommand, type ContentToWorker } from '../protocol/messages';
import { placeChip } from './chip';
import { answerFindCommand, isFindCommand } from './find-driver';

/** How long Gmail may take to render a thread after the route changed. */
const THREAD_RENDER_TIMEOUT_MS = 10_000;
/** Once a thread is read, Gmail's later bursts of changes (a message expanded) are read when they settle. */
const SETTLE_MS = 120;

const lifetime = new AbortController();
const { signal } = lifetime;

function extensionAlive(): boolean {
  try {
    return Boolean(chrome.runtime?.id);
  } catch {
    return false; // "Extension context invalidated"
  }
}

function send(message: ContentToWorker): void {
  if (!extensionAlive()) {
    lifetime.abort();
    return;
  }
  chrome.runtime.sendMessage(message).catch(() => {
    if (!extensionAlive()) lifetime.abort();
  });
}

let lastReported = '';
let watcher: { stop(): void } | null = null;

function onRoute(): void {
  if (!extensionAlive()) return lifetime.abort();
  watcher?.stop();
  watcher = null;
  if (!looksLikeThreadRoute(location.hash)) {
    if (lastReported) send({ type: 'thread/closed' });
    lastReported = '';
    return;
  }
  watcher = watchThread();
}

/**
 * Watches the DOM while a thread route is open: reports the thread once Gmail has rendered it and
 * again when it changes (a collapsed message expanded, a reply arrived). Stops on route change.
 */
function watchThread(): { stop(): void } {
  let settleTimer = 0;
  // Eager until the thread is read once (or given up on): the user is waiting for the panel.
  let eager = true;
  const giveUp = window.setTimeout(() => {
    if (!eager) return;
    eager = false;
    const result = readOpenThread(document);
    if (!result.ok) {
      send({ type: 'thread/unreadable', error: result.error });
      lastReported = 'unreadable';
    }
  }, THREAD_RENDER_TIMEOUT_MS);

  const readNow = () => {
    const result = readOpenThread(document);
    if (!result.ok) return; // still rendering; the timeout reports a real failure
    const snapshot = result.value;
    placeChip(findChipAnchor(document), () => send({ type: 'panel/open' }), signal);
    const key = JSON.stringify([snapshot.threadId, snapshot.messages.map((m) => [m.id, m.collapsed, m.bodyText.length])]);
    eager = false;
    if (key === lastReported) return;
    lastReported = key;
    send({ type: 'thread/opened', snapshot });
  };

  const observer = new MutationObserver(() => {
    // Until the thread has been read once on this route, read at once; afterwards Gmail's bursts of
    // changes (a message expanded, a reply arriving) are debounced.
    if (eager) return readNow();
    window.clearTimeout(settleTimer);
    settleTimer = window.setTimeout(readNow, SETTLE_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  readNow();
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(settleTimer);
    window.clearTimeout(giveUp);
  };
  signal.addEventListener('abort', stop, { once: true });
  return { stop };
}

function onWorkerCommand(raw: unknown, _sender: unknown, sendResponse: (response: unknown) => void): boolean | undefined {
  if (signal.aborted) return undefined;
  if (isFindCommand(raw)) {
    answerFindCommand(raw, signal).then(sendResponse, () => sendResponse({ ok: false }));
    return true;
  }
  const parsed = parseWorkerCommand(raw);
  if (!parsed.ok) return undefined; // not ours (or malformed): stay silent, do nothing
  insertReplyDraft(document, parsed.value.draft).then(
    (result) => sendResponse(result.ok ? { ok: true, mode: result.value.mode } : { ok: false, error: result.error }),
    (error: unknown) => sendResponse({ ok: false, error: { code: 'unexpected', feature: 'draft', detail: String(error) } }),
  );
  return true; // answer asynchronously
}

window.addEventListener('hashchange', onRoute, { signal });
chrome.runtime.onMessage.addListener(onWorkerCommand);
signal.addEventListener('abort', () => {
  watcher?.stop();
  try {
    chrome.runtime.onMessage.removeListener(onWorkerCommand);
  } catch {
    // the extension context is already gone; nothing left to remove
  }
});
onRoute();
