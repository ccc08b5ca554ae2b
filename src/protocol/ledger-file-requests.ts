/**
 * Parsing the ledger's file requests (backup, scan merge, CSV, dossier). Extension pages only, and
 * checked all the same: a file's text is the user's, and a page may be buggy. Its own module so
 * that only the service worker bundles it: messages.ts is also loaded into Gmail's page by the
 * content script, which has no use for these parsers.
 */
import type { Language } from '../core/model';
import { fail, guarded, isRecord, language, LIMITS, record, text, type LedgerFileRequest, type Parsed } from './messages';

/** The file requests' types, so the router can tell them from the other page messages. */
export const LEDGER_FILE_REQUESTS = [
  'backup/import-begin',
  'backup/import-chunk',
  'backup/import-commit',
  'backup/import-abort',
  'backup/export-begin',
  'backup/export-chunk',
  'backup/export-end',
  'backup/merge-scan',
  'export/csv',
  'export/dossier',
] as const satisfies ReadonlyArray<LedgerFileRequest['type']>;

/**
 * A staged restore's chunk: the page cuts the file's text in pieces this size at most (well under
 * Chrome's 64 MiB message limit, and small enough that the worker checks one while the page reads
 * the next).
 */
export const RESTORE_CHUNK_CHARS = 4 * 1024 * 1024;
/** Chunks of one restore (a 1 GB file in 4 M pieces is 256) or export (100,000 invoices in pages of 500 is 200, plus the clients'); far above any backup the format allows. */
const MAX_CHUNKS = 100_000;

/** A restore's or an export's id (the worker's random UUID); `noun` names it in the refusal ("a restore"). */
function sessionId(value: unknown, path: string, noun: string): string {
  const id = text(value, path, 64);
  if (!/^[\w-]+$/.test(id)) fail(path, `expected ${noun} id`);
  return id;
}

const restoreId = (value: unknown): string => sessionId(value, 'restoreId', 'a restore');
const exportId = (value: unknown): string => sessionId(value, 'exportId', 'an export');

function chunkIndex(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= MAX_CHUNKS) fail(path, `expected a whole number from 0 to ${MAX_CHUNKS - 1}`);
  return value;
}


function booleanField(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected a boolean');
  return value;
}

function optionalBoolean(value: unknown, path: string): boolean | undefined {
  return value === undefined ? undefined : booleanField(value, path);
}

function requiredLanguage(value: unknown, path: string): Language {
  const lang = language(value, path);
  if (lang === null) fail(path, "expected 'fr' or 'en'");
  return lang;
}

/** Whether a message is one of the ledger's file requests (then `parseLedgerFileRequest` reads it). */
export function isLedgerFileRequest(raw: unknown): boolean {
  return isRecord(raw) && (LEDGER_FILE_REQUESTS as readonly unknown[]).includes(raw.type);
}

/** Parses a file request from an extension page: shapes, languages, and the file text's size. */
export function parseLedgerFileRequest(raw: unknown): Parsed<LedgerFileRequest> {
  return guarded((): LedgerFileRequest => {
    const r = record(raw, 'message');
    const dryRun = (): { dryRun?: boolean } => {
      const value = optionalBoolean(r.dryRun, 'dryRun');
      return value === undefined ? {} : { dryRun: value };
    };
    switch (r.type) {
      case 'backup/import-begin':
        return { type: 'backup/import-begin' };
      case 'backup/import-chunk': {
        const last = optionalBoolean(r.last, 'last');
        return { type: 'backup/import-chunk', restoreId: restoreId(r.restoreId), index: chunkIndex(r.index, 'index'), text: text(r.text, 'text', RESTORE_CHUNK_CHARS), ...(last === undefined ? {} : { last }) };
      }
      case 'backup/import-commit':
        return { type: 'backup/import-commit', restoreId: restoreId(r.restoreId) };
      case 'backup/import-abort':
        return { type: 'backup/import-abort', restoreId: restoreId(r.restoreId) };
      case 'backup/export-begin':
        return { type: 'backup/export-begin' };
      case 'backup/export-chunk':
        return { type: 'backup/export-chunk', exportId: exportId(r.exportId), index: chunkIndex(r.index, 'index') };
      case 'backup/export-end':
        return { type: 'backup/export-end', exportId: exportId(r.exportId) };
      case 'backup/merge-scan':
        return { type: 'backup/merge-scan', text: text(r.text, 'text', LIMITS.fileChars), acceptUpdates: booleanField(r.acceptUpdates, 'acceptUpdates'), ...dryRun() };
      case 'export/csv':
        return { type: 'export/csv', language: requiredLanguage(r.language, 'language') };
      case 'export/dossier': {
        const invoiceId = text(r.invoiceId, 'invoiceId');
        if (invoiceId.trim() === '') fail('invoiceId', 'empty');
        return { type: 'export/dossier', invoiceId, language: requiredLanguage(r.language, 'language') };
      }
      default:
        return fail('message.type', `not a file request: ${String(r.type).slice(0, 40)}`);
    }
  });
}
