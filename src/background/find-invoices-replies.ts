/**
 * The Gmail content script's answers to "Find my invoices" commands, validated here: the content
 * script lives in Gmail's page and is untrusted, so only well-formed, bounded values go through.
 */
import { isRecord, LEGACY_THREAD_ID, LIMITS } from '../protocol/messages';

interface GoReply {
  account: string | null;
  path: string;
  hash: string;
}

export interface RowsReply {
  rows: { threadId: string }[];
}

const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;
const ACCOUNT_PATH = /^\/mail\/u\/\d{1,2}\/?$/;

/** `find/where` and `find/go` answer where the tab was: its account, path and hash. */
export function parseGoReply(raw: unknown): GoReply | null {
  if (!isRecord(raw) || raw.ok !== true) return null;
  const { account, path, hash } = raw;
  if (typeof hash !== 'string' || hash.length > 2_000 || (hash !== '' && !hash.startsWith('#'))) return null;
  if (typeof path !== 'string' || path.length > 40) return null;
  const address = typeof account === 'string' && EMAIL.test(account) ? account.toLowerCase() : null;
  return { account: address, path: ACCOUNT_PATH.test(path) ? path : '/mail/u/0/', hash };
}

export function parseRowsReply(raw: unknown): RowsReply | null {
  if (!isRecord(raw) || raw.ok !== true || !Array.isArray(raw.rows)) return null;
  const rows: RowsReply['rows'] = [];
  for (const row of raw.rows.slice(0, LIMITS.resultRowsPerPage)) {
    const threadId = isRecord(row) ? row.threadId : null;
    if (typeof threadId === 'string' && LEGACY_THREAD_ID.test(threadId)) rows.push({ threadId });
  }
  return { rows };
}
