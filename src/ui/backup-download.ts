/**
 * Downloading a backup of any size from a page (issue 5): the service worker writes the file
 * (format version 2, JSON Lines) a bounded number of records at a time
 * (src/background/backup-export.ts) and this asks for the pieces one after the other, keeping each
 * as a Blob part (the browser may keep Blob parts on disk: the page never holds the file as one
 * string), then gives ONE Blob in file order: the header (sent last, since its counts are those of
 * the lines sent), the settings and templates, every client piece, every record piece, the end
 * line. `send` is the host's: runtime messages in the extension, the in-process router in the
 * Outlook task pane. A cancel (`signal`) or a failure tells the worker to drop the export.
 */
import type { BackupExportBegun, BackupExportPiece, BackupExportReplies, BackupExportStreamRequest } from '../protocol/backup-export-messages';
import { EXPORT_LOST } from '../protocol/backup-export-messages';
import type { LedgerCounts } from '../protocol/messages';

/** Sends one export request to the service worker and gives its reply as is. */
export type SendExportRequest = <K extends BackupExportStreamRequest['type']>(message: Extract<BackupExportStreamRequest, { type: K }>) => Promise<BackupExportReplies[K]>;

export interface DownloadProgress {
  /** Invoices written so far, and how many the ledger had when the export began. */
  invoices: number;
  totalInvoices: number;
  events: number;
}

export type BackupDownloadOutcome =
  | { ok: true; file: Blob; fileName: string; exportedAt: string; counts: LedgerCounts }
  | { ok: false; cancelled: true }
  /** `lost`: the worker no longer knew the export (restarted, or another download began). */
  | { ok: false; cancelled: false; lost: boolean; error: string };

export interface DownloadOptions {
  send: SendExportRequest;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

/** The file's type: JSON Lines, UTF-8. */
export const BACKUP_V2_MIME = 'application/x-ndjson';

class Failed extends Error {
  constructor(
    message: string,
    readonly lost: boolean,
  ) {
    super(message);
  }
}

function valueOf<T>(reply: { ok: true; value: T } | { ok: false; error: string; code?: string }): T {
  if (!reply.ok) throw new Failed(reply.error, reply.code === EXPORT_LOST);
  return reply.value;
}

/** Makes the backup file; see the file's comment. */
export async function downloadBackupFile({ send, onProgress, signal }: DownloadOptions): Promise<BackupDownloadOutcome> {
  let begun: BackupExportBegun | null = null;
  try {
    begun = valueOf(await send({ type: 'backup/export-begin' }));
    const { exportId } = begun;
    const clients: Blob[] = [];
    const records: Blob[] = [];
    for (let index = 0; ; index += 1) {
      if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const piece: BackupExportPiece = valueOf(await send({ type: 'backup/export-chunk', exportId, index }));
      if (piece.clients !== '') clients.push(new Blob([piece.clients]));
      if (piece.records !== '') records.push(new Blob([piece.records]));
      onProgress?.({ invoices: piece.sent.invoices, totalInvoices: Math.max(begun.totalInvoices, piece.sent.invoices), events: piece.sent.events });
      if (piece.done) {
        const file = new Blob([piece.done.header, begun.lines, ...clients, ...records, piece.done.end], { type: BACKUP_V2_MIME });
        return { ok: true, file, fileName: begun.fileName, exportedAt: begun.exportedAt, counts: piece.done.counts };
      }
    }
  } catch (error) {
    // The worker forgets the export (it has already after its last piece or a refused request).
    if (begun) await send({ type: 'backup/export-end', exportId: begun.exportId }).catch(() => undefined);
    if (error instanceof DOMException && error.name === 'AbortError') return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, lost: error instanceof Failed && error.lost, error: error instanceof Error ? error.message : String(error) };
  }
}
