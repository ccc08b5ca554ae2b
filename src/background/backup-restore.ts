/**
 * The staged restore in the service worker (issue 5: a backup of any size). The settings page
 * reads the file as a stream and sends it in chunks (src/ui/settings/restore.ts):
 *
 *     backup/import-begin  → a restore id; whatever an earlier restore left staged is cleared
 *     backup/import-chunk  → each piece, in order (`index` 0, 1, 2…), read by the streaming reader
 *                            (src/core/ledger/backup-stream.ts: every record checked as it comes)
 *                            and staged (src/adapters/storage/restore-staging.ts); the `last` one
 *                            gives the verdict: what the file holds, its warnings, or its problems
 *     backup/import-commit → swaps the staged ledger in, in one transaction
 *     backup/import-abort  → throws the staging away
 *
 * All or nothing: the ledger changes at the commit only. A refused chunk (bad record, broken
 * chain, chunk out of order) aborts the restore and clears the staging; a page closed half-way, or
 * a worker stopped, leaves a staging the next begin clears. One restore at a time: a begin
 * replaces the restore in progress.
 */
import { BackupStreamReader, type BackupProblem } from '../core/ledger';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import type { FileProblem, LedgerFileRequest, PageReplies } from '../protocol/messages';
import { forgetExport } from './backup-export';
import type { WorkerDeps } from './router';

type Deps = Pick<WorkerDeps, 'ledger' | 'now' | 'broadcast' | 'refreshBadge'>;
type RestoreRequest = Extract<LedgerFileRequest, { type: 'backup/import-begin' | 'backup/import-chunk' | 'backup/import-commit' | 'backup/import-abort' }>;

interface Session {
  id: string;
  reader: BackupStreamReader;
  nextIndex: number;
  /**
   * The staging writes, one after the other: a chunk's records are written while the page sends,
   * and the reader checks, the next chunk (at most one write in flight).
   */
  writing: Promise<void>;
  /** Set by the last chunk once the file checked out: what the commit expects staged. */
  checked: { clients: number; invoices: number; events: number; templates: number; exportedAt: string; appVersion: string | null; warnings: FileProblem[] } | null;
}

/** The restore in progress, per ledger (one per worker in the extension; tests have several). */
const sessions = new WeakMap<LedgerStore, Session>();

function fileProblem(problem: BackupProblem): FileProblem {
  return { path: problem.path, code: problem.code, message: problem.message, ...(problem.position ? { position: problem.position } : {}) };
}

function refused(problems: readonly BackupProblem[]): { ok: false; error: string; code: 'invalid_file'; problems: FileProblem[] } {
  const first = problems[0]?.message ?? '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return { ok: false, error: `The backup was refused; nothing was changed. ${first}${more}`.trim(), code: 'invalid_file', problems: problems.map(fileProblem) };
}

const lost = (): { ok: false; error: string } => ({ ok: false, error: 'This restore is no longer in progress (another one started, or Relance was restarted): start it again. Nothing was changed.' });

/** Waits for the session's staging writes to end, whatever their outcome (before clearing the staging). */
async function settled(session: Session): Promise<void> {
  await session.writing.catch(() => undefined);
}

export async function handleRestoreRequest<R extends RestoreRequest>(request: R, deps: Deps): Promise<PageReplies[R['type']]> {
  return (await handle(request, deps)) as PageReplies[R['type']];
}

async function handle(request: RestoreRequest, deps: Deps): Promise<PageReplies[RestoreRequest['type']]> {
  const staging = deps.ledger.restoreStaging();
  const session = sessions.get(deps.ledger);
  switch (request.type) {
    case 'backup/import-begin': {
      const id = crypto.randomUUID();
      sessions.set(deps.ledger, { id, reader: new BackupStreamReader(), nextIndex: 0, writing: Promise.resolve(), checked: null });
      await staging.begin(id, deps.now().toISOString());
      return { ok: true, value: { restoreId: id } };
    }
    case 'backup/import-abort': {
      if (session?.id === request.restoreId) {
        sessions.delete(deps.ledger);
        await settled(session);
      }
      await staging.abort();
      return { ok: true, value: { aborted: true } };
    }
    case 'backup/import-chunk': {
      if (session?.id !== request.restoreId || session.checked) return lost();
      if (request.index !== session.nextIndex) {
        sessions.delete(deps.ledger);
        await settled(session);
        await staging.abort();
        return { ok: false, error: `Chunk ${request.index} arrived where chunk ${session.nextIndex} was expected: the restore was stopped, nothing was changed. Start it again.` };
      }
      session.nextIndex += 1;
      const { reader } = session;
      reader.push(request.text);
      // A refused record stops the reading there (its problems, not the file's end, are the answer).
      const verdict = request.last && !reader.failed ? reader.end() : null;
      if (reader.failed || (verdict && !verdict.ok)) {
        sessions.delete(deps.ledger);
        await settled(session);
        await staging.abort();
        return refused(verdict && !verdict.ok ? verdict.errors : reader.errors);
      }
      const previous = session.writing;
      const batch = reader.take();
      session.writing = previous.then(() => staging.stage(session.id, batch));
      // Failures are taken where the writes are awaited (the next chunk, the last one).
      session.writing.catch(() => undefined);
      try {
        await (verdict ? session.writing : previous);
      } catch (error) {
        sessions.delete(deps.ledger);
        await settled(session);
        await staging.abort();
        throw error;
      }
      if (verdict?.ok) {
        const { counts, exportedAt, appVersion, warnings, version } = verdict.summary;
        session.checked = { ...counts, exportedAt, appVersion, warnings: warnings.map(fileProblem) };
        return { ok: true, value: { read: reader.progress, checked: { counts, exportedAt, appVersion, warnings: session.checked.warnings, version } } };
      }
      return { ok: true, value: { read: reader.progress } };
    }
    case 'backup/import-commit': {
      if (session?.id !== request.restoreId || !session.checked) return session?.id === request.restoreId ? { ok: false, error: 'The backup is not read to its end yet: send its last chunk first.' } : lost();
      const { checked } = session;
      sessions.delete(deps.ledger);
      await staging.commit(session.id, { clients: checked.clients, invoices: checked.invoices, events: checked.events });
      forgetExport(deps.ledger);
      deps.broadcast({ type: 'ledger/changed', invoiceIds: [], replaced: true });
      await deps.refreshBadge();
      return {
        ok: true,
        value: {
          replaced: true,
          counts: { clients: checked.clients, invoices: checked.invoices, events: checked.events, templates: checked.templates },
          exportedAt: checked.exportedAt,
          appVersion: checked.appVersion,
          warnings: checked.warnings,
        },
      };
    }
  }
}
