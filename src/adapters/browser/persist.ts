/**
 * Persistent storage (navigator.storage.persist): asks the browser not to evict Relance's
 * IndexedDB under storage pressure; without it, the ledger is "best-effort" data the browser may
 * clear. Called by the service worker at install and start-up, and answered to extension pages
 * through the `storage/persistence` message (a settings page shows it).
 *
 * `persist()` is exposed to windows only (Storage Standard: [Exposed=Window]); a service worker
 * can only read `persisted()`. So in the worker the answer is granted when the browser already
 * keeps the storage, denied otherwise; an extension page (a window) calling this asks for real.
 */
import type { StoragePersistence } from '../../protocol/messages';

/** The part of `StorageManager` this needs (injected in tests). */
export interface PersistentStorageApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

function defaultStorage(): PersistentStorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as PersistentStorageApi | undefined);
}

/**
 * Requests persistent storage where the context can, and says where things stand: granted
 * (persistent), denied (the browser refused, or this context cannot ask and nothing granted it),
 * unsupported (no StorageManager persistence API). Never throws.
 */
export async function requestPersistentStorage(storage: PersistentStorageApi | undefined = defaultStorage()): Promise<StoragePersistence> {
  const canRead = typeof storage?.persisted === 'function';
  const canAsk = typeof storage?.persist === 'function';
  if (!storage || (!canRead && !canAsk)) return 'unsupported';
  try {
    if (canRead && (await storage.persisted!())) return 'granted';
    if (canAsk) return (await storage.persist!()) ? 'granted' : 'denied';
    return 'denied';
  } catch {
    // A browser that throws (an opaque origin, a disabled feature) does not keep the data either.
    return 'denied';
  }
}
