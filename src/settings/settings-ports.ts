/**
 * The settings page's port in the extension: requests to the service worker (the only writer),
 * persistent storage asked from this page (a window may ask; the worker can only read it),
 * downloads through a Blob link.
 */
import { browser } from '../adapters/browser/ext';
import { browserClock } from '../adapters/browser/clock';
import { requestPersistentStorage } from '../adapters/browser/persist';
import { workerReply, workerValue } from '../adapters/browser/worker-request';
import type { LedgerProblem } from '../core/ledger';
import type { PageReplies, PageToWorker } from '../protocol/messages';
import { restoreBackupFile } from '../ui/backup-upload';
import type { ReplyValue } from '../ui/ledger-port';
import type { SaveOutcome, SettingsPort } from '../ui/settings/ports';

const send = <K extends PageToWorker['type']>(message: Extract<PageToWorker, { type: K }>): Promise<PageReplies[K]> => workerReply(message);
const value = <K extends PageToWorker['type']>(message: Extract<PageToWorker, { type: K }>): Promise<ReplyValue<K>> => workerValue(message);

/** A refused save resolves with its problems; any other failure rejects. */
async function saved<T>(reply: { ok: true; value: T } | { ok: false; error: string; code?: string; problems?: LedgerProblem[] }): Promise<SaveOutcome<T>> {
  if (reply.ok) return { ok: true, value: reply.value };
  if (reply.code === 'invalid' && reply.problems) return { ok: false, problems: reply.problems };
  throw new Error(reply.error);
}

export function settingsPorts(): SettingsPort {
  return {
    browserLocale: browser.i18n.getUILanguage(),
    today: () => browserClock.today(),
    getSettings: () => value({ type: 'settings/get' }),
    saveSettings: async (settings) => saved(await send({ type: 'settings/save', settings })),
    getTemplates: () => value({ type: 'templates/get' }),
    saveTemplates: async (templates) => saved(await send({ type: 'templates/save', templates })),
    persistence: () => requestPersistentStorage(),
    exportBackup: () => value({ type: 'backup/export' }),
    restoreFile: (file, ask, onProgress) => restoreBackupFile(file, { send, ask, ...(onProgress ? { onProgress } : {}) }),
    mergeScan: (text, acceptUpdates, dryRun) => send({ type: 'backup/merge-scan', text, acceptUpdates, dryRun }),
    exportCsv: (language) => value({ type: 'export/csv', language }),
    download(fileName, text, mime) {
      const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      // Revoked later: the download reads the Blob after this click returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    openTab: (url) => void browser.tabs.create({ url }),
  };
}
