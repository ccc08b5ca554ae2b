/**
 * Storage failures as one typed error the panel can show: the browser's storage is full, an
 * upgrade of the database is blocked or failed, the database is newer than this code, or writers
 * kept colliding. Every write is one transaction, so whichever of these happens, nothing was
 * half-written (`StorageError.nothingWritten` says so to the user).
 *
 * Validation problems (`LedgerValidationError`, src/core/ledger/validate.ts) and "unknown invoice"
 * are not storage failures: the store lets them through unchanged.
 */
import Dexie from 'dexie';

export type StorageErrorCode =
  /** The browser refused the write: the origin's quota or the disk is full. */
  | 'quota_exceeded'
  /** A newer schema could not be installed: another page still holds the old version open. */
  | 'upgrade_blocked'
  /** The upgrade function failed; the database stays at its previous version, unchanged. */
  | 'upgrade_failed'
  /** The database was written by a newer Relance (an older build loaded after a newer one). */
  | 'version_too_new'
  /** Concurrent writers kept taking the same place in a logbook chain; retries ran out. */
  | 'conflict'
  | 'unknown';

const MESSAGES: Readonly<Record<StorageErrorCode, string>> = {
  quota_exceeded: 'the browser’s storage for Relance is full (quota exceeded); nothing was saved. Free some disk space, then try again.',
  upgrade_blocked: 'Relance could not update its database: another Relance page (a Gmail tab or the side panel) still has the previous version open. Reload the other Gmail tabs, then try again.',
  upgrade_failed: 'Relance could not update its database; the previous data is unchanged.',
  version_too_new: 'the ledger was written by a newer version of Relance; update Relance to open it. Nothing was changed.',
  conflict: 'the logbook entry could not be saved because other Relance pages kept writing to the same invoice; nothing was saved. Try again.',
  unknown: 'Relance could not read or write its database.',
};

export class StorageError extends Error {
  /** True for every StorageError: each write is a single transaction, rolled back on failure. */
  readonly nothingWritten = true;

  constructor(
    readonly code: StorageErrorCode,
    detail?: string,
    override readonly cause?: unknown,
  ) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
    this.name = 'StorageError';
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error and every error it wraps (Dexie's `inner`, `cause`, bulk `failures`), outermost first. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || out.includes(next as ErrorLike)) continue;
    const e = next as ErrorLike;
    out.push(e);
    queue.push(e.inner, e.cause);
    if (Array.isArray(e.failures)) queue.push(...(e.failures as unknown[]));
  }
  return out;
}

const named = (error: unknown, ...names: string[]): boolean => chain(error).some((e) => typeof e.name === 'string' && names.includes(e.name));

/** A unique index refused the write (two writers took the same place in a chain, or the same id). */
export function isConstraintError(error: unknown): boolean {
  return named(error, 'ConstraintError', Dexie.errnames.Constraint);
}

export function isQuotaError(error: unknown): boolean {
  // Older engines reported NS_ERROR_DOM_QUOTA_REACHED (Firefox) or code 22.
  return named(error, 'QuotaExceededError', Dexie.errnames.QuotaExceeded, 'NS_ERROR_DOM_QUOTA_REACHED');
}

/**
 * The StorageError for a failure of IndexedDB or Dexie, or null when the error is not a storage
 * failure (validation, an unknown invoice, a bug): those keep their own type and message.
 */
export function toStorageError(error: unknown): StorageError | null {
  const found = chain(error).find((e): e is StorageError => e instanceof StorageError);
  if (found) return found;
  if (isQuotaError(error)) return new StorageError('quota_exceeded', undefined, error);
  if (named(error, 'VersionError', Dexie.errnames.Version)) return new StorageError('version_too_new', messageOf(error), error);
  if (isConstraintError(error)) return new StorageError('conflict', messageOf(error), error);
  const dexieNames = new Set<string>(Object.values(Dexie.errnames));
  if (error instanceof Dexie.DexieError || (typeof DOMException !== 'undefined' && error instanceof DOMException) || chain(error).some((e) => typeof e.name === 'string' && dexieNames.has(e.name))) {
    return new StorageError('unknown', messageOf(error), error);
  }
  return null;
}

/** Runs `operation` once the database is open (and checked); a storage failure becomes a StorageError. */
export async function onOpenDatabase<T>(db: { ready(): Promise<void> }, operation: () => Promise<T>): Promise<T> {
  try {
    await db.ready();
    return await operation();
  } catch (error) {
    throw toStorageError(error) ?? error;
  }
}

function messageOf(error: unknown): string {
  const e = chain(error).find((x) => typeof x.message === 'string' && x.message !== '');
  return e ? String(e.message) : String(error);
}
