/**
 * "Find my invoices" in the Gmail tab (issue 6): runs only when the worker asks (nothing on page
 * load). It moves the tab by its URL hash, says where the tab is, and reads the visible result rows.
 * The thread itself is read by the usual thread watcher (gmail.ts) once its hash is shown.
 */
import { readAccount } from '../adapters/gmail/read-thread';
import { readResultRows, type ResultRow } from '../adapters/gmail/search-results';
import type { FindCommand } from '../protocol/messages';

const MAX_WAIT_MS = 10_000;
/** Gmail paints a result list in bursts: rows count once the list has been quiet this long. */
const QUIET_MS = 250;

/** Gmail may rewrite the hash (`+` for spaces, other escapes): compare decoded forms. */
export function sameSearch(hash: string, within: string): boolean {
  const plain = (h: string): string => {
    try {
      return decodeURIComponent(h.replace(/\+/g, ' '));
    } catch {
      return h;
    }
  };
  const here = plain(hash);
  const base = plain(within);
  return here === base || here.startsWith(`${base}/`);
}

function where(): { ok: true; account: string | null; path: string; hash: string } {
  return { ok: true, account: readAccount(document), path: location.pathname, hash: location.hash };
}

/**
 * The result rows visible when the last `find/go` moved the tab (the inbox's, or the previous
 * page's): until Gmail has replaced them, they are not the new page's results.
 */
let rowsBeforeGo: ReadonlySet<string> = new Set();

const sameRows = (rows: readonly ResultRow[], ids: ReadonlySet<string>): boolean => rows.length === ids.size && rows.every((row) => ids.has(row.threadId));

/**
 * Resolves with the rows once they are new and the list is quiet, or whatever is there after
 * `waitMs`. New: a row not in `after` (the worker's previous page), and not the very list shown
 * before the last move (compared as a whole: a search's results may all be inbox threads too).
 */
function settledRows(after: readonly string[], waitMs: number, signal: AbortSignal): Promise<ResultRow[]> {
  const previous = new Set(after);
  const before = rowsBeforeGo;
  return new Promise((resolve) => {
    let quiet = 0;
    const finish = (): void => {
      observer.disconnect();
      window.clearTimeout(quiet);
      window.clearTimeout(limit);
      signal.removeEventListener('abort', finish);
      resolve(readResultRows(document));
    };
    const check = (): void => {
      window.clearTimeout(quiet);
      const rows = readResultRows(document);
      if (rows.length > 0 && rows.some((row) => !previous.has(row.threadId)) && !sameRows(rows, before)) quiet = window.setTimeout(finish, QUIET_MS);
    };
    const observer = new MutationObserver(check);
    const limit = window.setTimeout(finish, Math.min(MAX_WAIT_MS, Math.max(0, waitMs)));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
    signal.addEventListener('abort', finish, { once: true });
    check();
  });
}

/** Validates the command's shape here too: this is the one place that moves Gmail's page. */
export function isFindCommand(raw: unknown): raw is FindCommand {
  const r = raw as Record<string, unknown> | null;
  if (typeof r !== 'object' || r === null) return false;
  const hash = (v: unknown): boolean => typeof v === 'string' && v.startsWith('#') && v.length < 2_000;
  switch (r.type) {
    case 'find/where':
      return true;
    case 'find/go':
      return hash(r.hash) && (r.within === null || hash(r.within));
    case 'find/rows':
      return hash(r.within) && typeof r.waitMs === 'number' && Array.isArray(r.after) && r.after.every((id) => typeof id === 'string');
    default:
      return false;
  }
}

export async function answerFindCommand(command: FindCommand, signal: AbortSignal): Promise<unknown> {
  if (command.type === 'find/where') return where();
  if (command.within !== null && !sameSearch(location.hash, command.within)) return { ok: false, moved: true, hash: location.hash };
  if (command.type === 'find/go') {
    const before = where();
    rowsBeforeGo = new Set(readResultRows(document).map((row) => row.threadId));
    location.hash = command.hash;
    return before;
  }
  return { ok: true, rows: await settledRows(command.after, command.waitMs, signal) };
}
