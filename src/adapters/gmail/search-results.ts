/**
 * Reads Gmail's visible result rows (search or any thread list): each row's legacy thread id (16 hex,
 * opens the thread by hash). Hidden rows of earlier lists are skipped (dom-facts "Inbox rows": they
 * stay in the DOM).
 */
import { isHidden } from './dom';
import { LEGACY_THREAD_ID, LIMITS } from '../../protocol/messages';
import { RESULT_ROW, RESULT_ROW_IDS } from './selectors';

export interface ResultRow {
  /** 16 lowercase hex digits (`data-legacy-thread-id`). */
  threadId: string;
}

export function readResultRows(doc: Document): ResultRow[] {
  const rows: ResultRow[] = [];
  const seen = new Set<string>();
  for (const row of Array.from(doc.querySelectorAll(RESULT_ROW))) {
    if (rows.length >= LIMITS.resultRowsPerPage) break;
    if (isHidden(row)) continue;
    const ids = row.querySelector(RESULT_ROW_IDS);
    const threadId = ids?.getAttribute('data-legacy-thread-id')?.toLowerCase() ?? '';
    if (!LEGACY_THREAD_ID.test(threadId) || seen.has(threadId)) continue;
    seen.add(threadId);
    rows.push({ threadId });
  }
  return rows;
}
