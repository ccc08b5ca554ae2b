/**
 * Letter classes for the engine's regular expressions.
 *
 * Every pattern runs on text lower-cased once (same length, see `lowerSameLength`) and without
 * the `i` and `u` flags: V8 matches such patterns several times faster (literal prefixes and
 * first-character checks work; `\b` under `iu` has to case-fold Unicode word characters at every
 * position). `\b` itself is ASCII-only, so "réglé\b" would fail after the "é": patterns use these
 * explicit Latin letter classes instead.
 */

/** Lower-case Latin letters as mails in the six languages write them (no brackets: use `[${L}]`). */
export const L = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0153\\u00e6';
/** No letter or digit before. */
export const START = `(?<![${L}0-9])`;
/** No letter or digit after. */
export const END = `(?![${L}0-9])`;
/** No letter after (digits allowed: "factures2025"). */
export const END_LETTER = `(?![${L}])`;

/** `text.toLowerCase()` when it keeps every offset; else a per-character lower-casing that does. */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // Rare: a character whose lower case is longer ("İ" -> "i̇"). Keep such characters as they are.
  const out: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const lowered = char.toLowerCase();
    out.push(lowered.length === 1 ? lowered : char);
  }
  return out.join('');
}
