/**
 * What the settings page needs from its host, passed in as props (the extension implements it with
 * runtime messages: src/settings/settings-ports.ts). A refused save resolves with its problems;
 * other failures reject.
 */
import type { LedgerProblem, LedgerSettings, UserTemplates } from '../../core/ledger';
import type { IsoDate, Language } from '../../core/model';
import type { CsvExportResult, FileImportReply, ScanMergeReport, StoragePersistence } from '../../protocol/messages';
import type { BackupDownloadOutcome, DownloadProgress } from '../backup-download';
import type { CheckedBackup, RestoreFileOutcome, RestoreProgress } from '../backup-upload';

export type SaveOutcome<T> = { ok: true; value: T } | { ok: false; problems: LedgerProblem[] };

export interface SettingsPort {
  /** The browser's UI locale ("fr-FR"), for the "automatic" language. */
  browserLocale: string;
  today(): Promise<IsoDate>;
  getSettings(): Promise<LedgerSettings>;
  saveSettings(settings: LedgerSettings): Promise<SaveOutcome<LedgerSettings>>;
  getTemplates(): Promise<UserTemplates>;
  saveTemplates(templates: UserTemplates): Promise<SaveOutcome<UserTemplates>>;
  /** Asks for persistent storage (from the page: a window may ask) and says where things stand. */
  persistence(): Promise<StoragePersistence>;
  /**
   * Makes the backup file (format version 2) in pieces, however large the ledger (see
   * src/ui/backup-download.ts); `signal` cancels it. Resolves with the file as one Blob.
   */
  downloadBackup(onProgress?: (progress: DownloadProgress) => void, signal?: AbortSignal): Promise<BackupDownloadOutcome>;
  /**
   * Restores a backup file of any size (streamed in chunks, staged, swapped in only once `ask`
   * resolves true; see src/ui/backup-upload.ts). A refused file or a no changes nothing.
   */
  restoreFile(file: Blob, ask: (checked: CheckedBackup) => Promise<boolean>, onProgress?: (progress: RestoreProgress) => void): Promise<RestoreFileOutcome>;
  mergeScan(text: string, acceptUpdates: boolean, dryRun: boolean): Promise<FileImportReply<ScanMergeReport>>;
  exportCsv(language: Language): Promise<CsvExportResult>;
  /** Offers a file for download (the page's own Blob link). */
  download(fileName: string, content: string | Blob, mime: string): void;
  /** Opens a URL in a new tab (the demo thread). */
  openTab(url: string): void;
}
