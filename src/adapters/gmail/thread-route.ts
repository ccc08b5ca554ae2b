/**
 * Does the URL hash name an open conversation? Mirrors gmail.js `current_page()` (GJS, HEAD 2026-03):
 * drop the `?…` part (e.g. `?compose=new`, `?compose=<long draft token>`), then a LAST path segment of
 * 16+ [0-9a-zA-Z] chars after a `/` means "email" — both the legacy 16-hex id (`#inbox/18852539450983a9`)
 * and the opaque token current Gmail writes (`#inbox/FMfcgz…`). Only a hint for when to look at the DOM:
 * the thread id itself is read from h2.hP (dom-facts "Thread URL hash": do not derive ids from the URL).
 */
export function looksLikeThreadRoute(hash: string): boolean {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return /\/[0-9a-zA-Z]{16,}$/.test(path);
}
