/**
 * Node 20's TextDecoder decodes "windows-1252" (and the labels the Encoding Standard maps to it:
 * "iso-8859-1", "latin1", "us-ascii"…) as plain ISO-8859-1, so bytes 0x80-0x9F come out as the
 * invisible C1 controls U+0080-U+009F instead of €, dashes and curly quotes (checked 2026-11-22 on
 * Node 20.20: `new TextDecoder('windows-1252').decode(Uint8Array.of(0x80))` is "\u0080"; browsers
 * give "€"). postal-mime decodes through it, so an Outlook mail's "15 000,00 €" lost its euro sign.
 *
 * Real mail never carries C1 controls as text, and the Encoding Standard decodes every Latin-1 label
 * as windows-1252, so mapping them back is what a browser would have shown.
 */
const WINDOWS_1252_C1: readonly string[] = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];

const C1 = /[\u0080-\u009f]/g;

/** `text` with C1 controls read as the windows-1252 characters of the same byte. */
export function repairWindows1252(text: string): string {
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!) : text;
}
