/**
 * Parsing the ledger's file requests (backup, scan merge, CSV, dossier). Extension pages only, and
 * checked all the same: a file's text is the user's, and a page may be buggy. Its own module so
 * that only the service worker bundles it: messages.ts is also loaded into Gmail's page by the
 * content script, which has no use for these parsers.
 */
import type { Language } from '../core/model';
import { fail, guarded, isRecord, language, LIMITS, record, text, type LedgerFileRequest, type Parsed } from './messages';

/** The file requests' types, so the router can tell them from the other page messages. */
export const LEDGER_FILE_REQUESTS = ['backup/export', 'backup/import', 'backup/merge-scan', 'export/csv', 'export/dossier'] as const satisfies ReadonlyArray<LedgerFileRequest['type']>;


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
      case 'backup/export':
        return { type: 'backup/export' };
      case 'backup/import':
        return { type: 'backup/import', text: text(r.text, 'text', LIMITS.fileChars), ...dryRun() };
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
