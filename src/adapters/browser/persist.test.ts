import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from './persist';

describe('requestPersistentStorage', () => {
  it('is granted without asking when the storage is already persistent', async () => {
    const persist = vi.fn(async () => false);
    expect(await requestPersistentStorage({ persisted: async () => true, persist })).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks when it can (a window): granted or denied as the browser answers', async () => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe('granted');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('denied');
    expect(await requestPersistentStorage({ persist: async () => true })).toBe('granted');
  });

  it('in a service worker (persisted() only): granted if already persistent, else denied', async () => {
    expect(await requestPersistentStorage({ persisted: async () => true })).toBe('granted');
    expect(await requestPersistentStorage({ persisted: async () => false })).toBe('denied');
  });

  it('is unsupported without the API, and denied when the browser throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({})).toBe('unsupported');
    expect(
      await requestPersistentStorage({
        persisted: async () => {
          throw new DOMException('opaque origin', 'SecurityError');
        },
      }),
    ).toBe('denied');
  });

  it('reads navigator.storage by default', async () => {
    const result = await requestPersistentStorage();
    expect(['granted', 'denied', 'unsupported']).toContain(result);
  });
});
