/**
 * The settings port over any transport: the extension page sends runtime messages to its service
 * worker (src/settings/settings-ports.ts), the Outlook task pane routes the same requests in-process
 * (src/addin/pane-ports.ts). Only the host bits differ: how a request reaches the worker, the
 * locale, today, persistent storage, downloads and opening a tab.
 */
import type { LedgerProblem } from '../../core/ledger';
import type { IsoDate } from '../../core/model';
import type { PageReplies, PageToWorker, StoragePersistence } from '../../protocol/messages';
import { downloadBackupFile } from '../backup-download';
import { restoreBackupFile } from '../backup-upload';
import { replyValue } from '../../protocol/reply-value';
import type { ReplyValue } from '../ledger-port';
import type { SaveOutcome, SettingsPort } from './ports';

/** One request and its reply as it came (refusals included); rejects when nobody answered. */
export type SendRequest = <K extends PageToWorker['type']>(message: Extract<PageToWorker, { type: K }>) => Promise<PageReplies[K]>;

export interface SettingsHost {
  send: SendRequest;
  /** The UI locale ("fr-FR"), for the "automatic" interface language. */
  browserLocale: string;
  today(): Promise<IsoDate>;
  persistence(): Promise<StoragePersistence>;
  download(fileName: string, content: string | Blob, mime: string): void;
  openTab(url: string): void;
}

/** A refused save resolves with its problems; any other failure rejects. */
async function saved<T>(reply: { ok: true; value: T } | { ok: false; error: string; code?: string; problems?: LedgerProblem[] }): Promise<SaveOutcome<T>> {
  if (reply.ok) return { ok: true, value: reply.value };
  if (reply.code === 'invalid' && reply.problems) return { ok: false, problems: reply.problems };
  throw new Error(reply.error);
}

export function settingsPortOver(host: SettingsHost): SettingsPort {
  const { send } = host;
  // Widened first: every reply is `{ ok: true; value } | { ok: false; error }` (PageReplies).
  const value = async <K extends PageToWorker['type']>(message: Extract<PageToWorker, { type: K }>): Promise<ReplyValue<K>> =>
    replyValue((await (send as (message: object) => Promise<unknown>)(message)) as { ok: true; value: ReplyValue<K> } | { ok: false; error: string });
  return {
    browserLocale: host.browserLocale,
    today: () => host.today(),
    getSettings: () => value({ type: 'settings/get' }),
    saveSettings: async (settings) => saved(await send({ type: 'settings/save', settings })),
    getTemplates: () => value({ type: 'templates/get' }),
    saveTemplates: async (templates) => saved(await send({ type: 'templates/save', templates })),
    persistence: () => host.persistence(),
    downloadBackup: (onProgress, signal) => downloadBackupFile({ send, ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) }),
    restoreFile: (file, ask, onProgress) => restoreBackupFile(file, { send, ask, ...(onProgress ? { onProgress } : {}) }),
    mergeScan: (text, acceptUpdates, dryRun) => send({ type: 'backup/merge-scan', text, acceptUpdates, dryRun }),
    exportCsv: (language) => value({ type: 'export/csv', language }),
    download: host.download,
    openTab: host.openTab,
  };
}

/** Offers a file for download through the page's own Blob link (an extension page or the task pane). */
export function downloadThroughLink(fileName: string, content: string | Blob, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: the download reads the Blob after this click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
