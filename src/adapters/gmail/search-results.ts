/**
 * Reads Gmail's visible result rows (search or any thread list): each row's legacy thread id (16 hex,
 * opens the thread by hash) and its perm id. Hidden rows of earlier lists are skipped
 * (dom-facts "Inbox rows": they stay in the DOM).
 */
import { isHidden } from './dom';
import { RESULT_ROW, RESULT_ROW_IDS } from './selectors';

export interface ResultRow {
  /** 16 hex digits (`data-legacy-thread-id`). */
  threadId: string;
  /** `thread-f:<decimal>` / `thread-a:r…` without its `#`, or null. */
  permThreadId: string | null;
}

const LEGACY_ID = /^[0-9a-f]{16}$/;
/** A page of Gmail results holds at most 100 rows (its largest page-size setting). */
export const MAX_ROWS_PER_PAGE = 100;

export function readResultRows(doc: Document): ResultRow[] {
  const rows: ResultRow[] = [];
  const seen = new Set<string>();
  for (const row of Array.from(doc.querySelectorAll(RESULT_ROW))) {
    if (rows.length >= MAX_ROWS_PER_PAGE) break;
    if (isHidden(row)) continue;
    const ids = row.querySelector(RESULT_ROW_IDS);
    const threadId = ids?.getAttribute('data-legacy-thread-id')?.toLowerCase() ?? '';
    if (!LEGACY_ID.test(threadId) || seen.has(threadId)) continue;
    seen.add(threadId);
    const perm = ids?.getAttribute('data-thread-id')?.replace(/^#/, '') ?? '';
    rows.push({ threadId, permThreadId: /^thread-[af]:r?-?\d{1,24}$/.test(perm) ? perm : null });
  }
  return rows;
}
