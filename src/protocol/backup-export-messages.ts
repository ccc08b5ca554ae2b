/**
 * The streamed backup export's messages (issue 5: a backup of any size; src/background/backup-export.ts
 * answers them, src/ui/backup-download.ts asks). The file (format version 2, JSON Lines:
 * src/core/ledger/BACKUP.md) comes in pieces the page keeps as Blob parts:
 *
 *     backup/export-begin  → an export id, the file's name, the settings and templates lines
 *     backup/export-chunk  → (`index` 0, 1, 2…) the next lines: clients first, then invoices with
 *                            their events, a bounded number a time; the last one (`done`) gives the
 *                            header line (its counts are those of the lines sent) and the end line
 *     backup/export-end    → forgets the export (after the last chunk, or to cancel it)
 */
import type { LedgerCounts, WorkerReply } from './messages';

export type BackupExportStreamRequest =
  | { type: 'backup/export-begin' }
  | { type: 'backup/export-chunk'; exportId: string; index: number }
  | { type: 'backup/export-end'; exportId: string };

export interface BackupExportBegun {
  exportId: string;
  /** `relance-backup-YYYY-MM-DD.jsonl` (the worker's day). */
  fileName: string;
  exportedAt: string;
  /** The settings and templates lines, each ended by a line feed. */
  lines: string;
  /** Invoices when the export began: progress only (writes may change it). */
  totalInvoices: number;
}

export interface BackupExportPiece {
  /**
   * Client lines (each ended by a line feed): the page puts every client piece before every record
   * piece. A client added while the export runs comes with the first invoice naming it.
   */
  clients: string;
  /** Invoice lines, each followed by its events' lines. */
  records: string;
  /** What was sent so far. */
  sent: Omit<LedgerCounts, 'templates'>;
  /** The last piece: the header (the file's first line) and the end line, each ended by a line feed. */
  done?: { header: string; end: string; counts: LedgerCounts };
}

export interface BackupExportReplies {
  'backup/export-begin': WorkerReply<BackupExportBegun>;
  'backup/export-chunk': WorkerReply<BackupExportPiece>;
  'backup/export-end': WorkerReply<{ ended: true }>;
}

/** The reply's code when the worker no longer knows the export (it was restarted, or another export began). */
export const EXPORT_LOST = 'export_lost';
