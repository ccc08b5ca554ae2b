/**
 * Restoring a backup file of any size from an extension page (issue 5): the File is read as a
 * stream (never whole in memory, never one message: a 10-year ledger is ~500 M characters), cut
 * into chunks of at most RESTORE_CHUNK_CHARS and sent in order to the service worker, which checks
 * and stages each one (src/background/backup-restore.ts). Once the whole file checked out, `ask`
 * shows the user what it holds; only their yes commits it (one transaction), a no aborts it. A
 * refused file, a failure or a cancel (`signal`) leave the ledger as it was.
 *
 * (src/ui/settings/restore.ts is the Settings page's own helper, by another change; it can call
 * this function for the file instead of reading it whole.)
 */
import type { BackupChunkResult, BackupImportResult, FileProblem, LedgerFileRequest, PageReplies } from '../protocol/messages';

/** Characters per message (the worker accepts up to 4 Mi: ledger-file-requests.ts RESTORE_CHUNK_CHARS). */
export const UPLOAD_CHUNK_CHARS = 2 * 1024 * 1024;

type RestoreType = 'backup/import-begin' | 'backup/import-chunk' | 'backup/import-commit' | 'backup/import-abort';

/** Sends one request to the service worker and gives its reply as is (the extension's `chrome.runtime.sendMessage`). */
export type SendRestoreRequest = <K extends RestoreType>(message: Extract<LedgerFileRequest, { type: K }>) => Promise<PageReplies[K]>;

/** What the checked file holds, for the user to confirm. */
export type CheckedBackup = NonNullable<BackupChunkResult['checked']>;

export interface RestoreProgress {
  /** Bytes of the file read so far, and its size. */
  bytesRead: number;
  totalBytes: number;
  /** Records checked and staged so far. */
  invoices: number;
  events: number;
}

export type RestoreFileOutcome =
  | { ok: true; result: BackupImportResult }
  /** The user said no (or cancelled): nothing was changed. */
  | { ok: false; cancelled: true }
  /** Refused (`problems` for a file that does not check out) or failed: nothing was changed. */
  | { ok: false; cancelled: false; error: string; problems: FileProblem[] };

export interface RestoreFileOptions {
  send: SendRestoreRequest;
  /** Shows what the file holds (counts, warnings); resolves true to replace the ledger with it. */
  ask: (checked: CheckedBackup) => Promise<boolean>;
  onProgress?: (progress: RestoreProgress) => void;
  signal?: AbortSignal;
  /** Tests: smaller chunks. */
  chunkChars?: number;
}

class Refused extends Error {
  constructor(
    message: string,
    readonly problems: FileProblem[] = [],
  ) {
    super(message);
  }
}

function valueOf<T>(reply: { ok: true; value: T } | { ok: false; error: string; problems?: FileProblem[] }): T {
  if (!reply.ok) throw new Refused(reply.error, reply.problems ?? []);
  return reply.value;
}

/** Restores `file` (a backup, version 1 or 2) through the staged restore; see the file's comment. */
export async function restoreBackupFile(file: Blob, { send, ask, onProgress, signal, chunkChars = UPLOAD_CHUNK_CHARS }: RestoreFileOptions): Promise<RestoreFileOutcome> {
  let restoreId: string | null = null;
  const stop = async (): Promise<void> => {
    if (restoreId !== null) await send({ type: 'backup/import-abort', restoreId }).catch(() => undefined);
  };
  try {
    restoreId = valueOf(await send({ type: 'backup/import-begin' })).restoreId;
    const id = restoreId;
    let index = 0;
    let checked: CheckedBackup | undefined;
    const progress: RestoreProgress = { bytesRead: 0, totalBytes: file.size, invoices: 0, events: 0 };
    const sendChunk = async (text: string, last: boolean): Promise<void> => {
      if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const reply = valueOf(await send({ type: 'backup/import-chunk', restoreId: id, index, text, ...(last ? { last } : {}) }));
      index += 1;
      progress.invoices = reply.read.invoices;
      progress.events = reply.read.events;
      onProgress?.({ ...progress });
      checked = reply.checked;
    };
    // Bytes counted before decoding, so progress follows the file.
    const counted = file.stream().pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(bytes, controller) {
          progress.bytesRead += bytes.byteLength;
          controller.enqueue(bytes);
        },
      }),
    );
    // (TypeScript's DOM types want ArrayBuffer-backed bytes on the decoder's side; a stream's chunks are.)
    const reader = counted.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
    let pending = '';
    for (;;) {
      let next: ReadableStreamReadResult<string>;
      try {
        next = await reader.read();
      } catch {
        throw new Refused('The backup was refused; nothing was changed. This is not a Relance backup: it is not UTF-8 text.', [{ path: '', code: 'json_syntax', message: 'This is not a Relance backup: it is not UTF-8 text.' }]);
      }
      if (next.done) break;
      pending += next.value;
      while (pending.length >= chunkChars) {
        // The last chunk is sent with `last`: keep at least one piece back.
        await sendChunk(pending.slice(0, chunkChars), false);
        pending = pending.slice(chunkChars);
      }
    }
    await sendChunk(pending, true);
    if (!checked) throw new Refused('The backup could not be checked; nothing was changed.');
    if (signal?.aborted || !(await ask(checked))) {
      await stop();
      return { ok: false, cancelled: true };
    }
    const result = valueOf(await send({ type: 'backup/import-commit', restoreId: id }));
    restoreId = null;
    return { ok: true, result };
  } catch (error) {
    await stop();
    if (error instanceof DOMException && error.name === 'AbortError') return { ok: false, cancelled: true };
    if (error instanceof Refused) return { ok: false, cancelled: false, error: error.message, problems: error.problems };
    return { ok: false, cancelled: false, error: error instanceof Error ? error.message : String(error), problems: [] };
  }
}
