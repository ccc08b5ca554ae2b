/**
 * Turns an EngineMessage into what the classifier and extractors read:
 * - `bodyText`: the text part, or the text derived from the HTML part (evidence offsets refer to it);
 * - `main`: the newest part of the message (or, for a bare forward, the forwarded mail), capped in
 *   length, with typographic spaces normalised and quotes, signatures and company identifiers
 *   blanked out. Blanking keeps every other character at its offset, so a match in `main` at
 *   index i is at `main.base + i` in `bodyText`.
 * - `history`: the quoted history, same treatment, for context only.
 */
import type { EngineMessage } from './types';
import { htmlToText } from './html-to-text';
import { splitHistory } from './quoted-history';
import { identifierRanges, signatureStart } from './signature';
import { lowerSameLength } from './letters';

/**
 * A piece of the body text, normalised (same length) and, once `maskSegments` ran, with quotes,
 * signature and identifiers blanked; `lower` is its lower-cased copy (same offsets) that the
 * patterns read. `base` is its offset in `bodyText`.
 */
export interface Segment {
  text: string;
  lower: string;
  base: number;
  /** Ranges to blank ([start, end) in the segment), applied by `maskSegments`. */
  pending: Array<readonly [number, number]>;
  masked: boolean;
}

export interface PreparedMessage {
  bodyText: string;
  main: Segment;
  /** Read through `historyOf` (made on first use: most mails never need it). */
  history: Segment | null;
  /** Where the history starts in `bodyText` when a header marks it (-1 when none). */
  historyFrom: number;
  /** The main part is a forwarded mail (the sender added little or nothing above it). */
  forwardedMain: boolean;
  /** The subject, normalised (same length as the original, capped), and lower-cased. */
  subject: string;
  subjectLower: string;
  /** The subject as given (capped): evidence text is sliced from it. */
  subjectRaw: string;
  /** Where the subject starts after "Re:", "Fwd:", "TR:" prefixes. */
  subjectCoreStart: number;
  isReply: boolean;
  isForward: boolean;
  /** The header above the history ("De : Martine <m@x.fr> …", "Julien <j@x.fr> a écrit :"), as [start, end) in `bodyText`, or null. */
  historyHeader: readonly [number, number] | null;
  /** Where "> " quoted lines start when no header marks the history (see `historyOf`), else -1. */
  quotedFrom: number;
  /** Attachment names, normalised ("_" as spaces), with the extension's start (name length when none). */
  attachments: ReadonlyArray<{ raw: string; name: string; lower: string; stemEnd: number }>;
}

/** Only the first KBs of the newest part are read: invoices state their facts early. */
export const MAIN_LIMIT = 16_384;
const HISTORY_LIMIT = 8_192;
const SUBJECT_LIMIT = 500;
const ATTACHMENT_LIMIT = 30;

const REPLY_PREFIX = /^\s?(?:(?:re|aw|sv|rv|r|antw|antwort|réf|ref|ris|odp|vs)\s?(?:\[\d{1,3}\])?\s?:\s?)/i;
const FORWARD_PREFIX = /^\s?(?:(?:fwd?|tr|wg|fw|rv|i|enc|doorgestuurd|trans)\s?:\s?)/i;

export function prepareMessage(message: EngineMessage): PreparedMessage {
  const text = message.text ?? '';
  const bodyText = text.trim() !== '' ? text : message.html ? htmlToText(message.html) : text;

  const split = splitHistory(bodyText, MAIN_LIMIT + 4096);
  let mainStart = 0;
  let mainEnd = Math.min(split.newestEnd, MAIN_LIMIT);
  let historyFrom = -1;
  let forwardedMain = false;

  const historyHeader = split.historyStart !== -1 ? ([split.headerStart, split.headerEnd] as const) : null;
  if (split.historyStart !== -1) {
    const newestText = bodyText.slice(0, split.newestEnd);
    // A forward with nothing (or a line) written above it: the forwarded mail is what to read.
    if (split.forwarded && countLetters(newestText, 400) < 120) {
      forwardedMain = true;
      mainStart = split.historyStart;
      const inner = splitHistory(bodyText.slice(mainStart), MAIN_LIMIT);
      mainEnd = mainStart + Math.min(inner.newestEnd, MAIN_LIMIT);
      if (inner.historyStart !== -1) historyFrom = mainStart + inner.historyStart;
    } else {
      historyFrom = split.historyStart;
    }
  }
  // No header, only "> " lines (webmails that quote without an attribution line, or with one of
  // their own: "> Message du 05/03/26 18:22"): the quoted block is the history, read when needed.
  const firstQuoted = split.quotedLines[0];
  const quotedFrom = historyFrom === -1 && firstQuoted && firstQuoted[0] > 0 ? firstQuoted[0] : -1;
  const main = segment(bodyText, mainStart, mainEnd, forwardedMain ? [] : split.quotedLines);

  const rawSubject = (message.subject ?? '').slice(0, SUBJECT_LIMIT);
  const subject = normalize(rawSubject);
  let subjectCoreStart = 0;
  let isReply = false;
  let isForward = false;
  for (let guard = 0; guard < 4; guard += 1) {
    const rest = subject.slice(subjectCoreStart);
    const reply = REPLY_PREFIX.exec(rest);
    const forward = reply ? null : FORWARD_PREFIX.exec(rest);
    const prefix = reply ?? forward;
    if (!prefix) break;
    if (reply) isReply = true;
    else isForward = true;
    subjectCoreStart += prefix[0].length;
  }
  const attachments = (message.attachments ?? []).slice(0, ATTACHMENT_LIMIT).map((raw) => {
    const original = raw.slice(0, 200);
    const name = normalize(original).replace(/_/g, ' ');
    const extension = /\.[a-z0-9]{2,5}$/i.exec(name);
    return { raw: original, name, lower: lowerSameLength(name), stemEnd: extension ? extension.index : name.length };
  });
  return { bodyText, main, history: null, historyFrom, forwardedMain, historyHeader, quotedFrom, subject, subjectLower: lowerSameLength(subject), subjectRaw: rawSubject, subjectCoreStart, isReply, isForward, attachments };
}

/**
 * Blanks quotes, the signature and company identifiers in the segments. Separate from
 * `prepareMessage` so mail rejected by the first cheap look never pays for it.
 */
export function maskSegments(prepared: PreparedMessage): void {
  maskSegment(prepared.main);
  const history = historyOf(prepared);
  if (history) maskSegment(history);
}

/** `maskSegments` for one segment (the history is only masked when a kind needs to read it). */
export function maskSegment(segment: Segment): void {
  if (segment.masked) return;
  const ranges = [...segment.pending];
  const signature = signatureStart(segment.text);
  if (signature !== -1) ranges.push([signature, segment.text.length]);
  // Identifiers that would start inside the signature are blanked with it anyway.
  ranges.push(...identifierRanges(segment.text, segment.lower, signature === -1 ? segment.text.length : signature));
  if (ranges.length > 0) {
    const pieces = blankPieces(segment.text, ranges);
    segment.text = blank(segment.text, pieces);
    segment.lower = blank(segment.lower, pieces);
  }
  segment.masked = true;
}

/** A normalised slice of the body; the quoted lines given are blanked by `maskSegments`. */
function segment(bodyText: string, start: number, end: number, quoted: ReadonlyArray<readonly [number, number]>): Segment {
  const stop = Math.min(end, bodyText.length);
  const text = normalize(bodyText.slice(start, stop));
  const pending = quoted.map(([a, b]) => [a - start, b - start] as const);
  return { text, lower: lowerSameLength(text), base: start, pending, masked: false };
}

const TO_NORMALIZE = /[\u00a0\u202f\u2007\u2009\u200a\r\u2019\u02bc\u2018\u2010\u2011\u2212]/g;
const NORMALIZED: Readonly<Record<string, string>> = {
  '\u00a0': ' ', '\u202f': ' ', '\u2007': ' ', '\u2009': ' ', '\u200a': ' ', '\r': ' ',
  '\u2019': "'", '\u02bc': "'", '\u2018': "'",
  '\u2010': '-', '\u2011': '-', '\u2212': '-',
};

/** Same-length normalisation: typographic spaces, apostrophes, hyphens and CR become plain ones. */
export function normalize(text: string): string {
  // One pass over the text (most has none of these characters), not one per kind of character.
  return text.replace(TO_NORMALIZE, (char) => NORMALIZED[char] as string);
}

/** The ranges to blank, merged, in order, each with its blank text (newlines kept, so lines stay lines). */
function blankPieces(text: string, ranges: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number, string]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const pieces: Array<readonly [number, number, string]> = [];
  let cursor = 0;
  for (const [rawStart, rawEnd] of sorted) {
    const start = Math.max(cursor, Math.max(0, rawStart));
    const end = Math.min(text.length, rawEnd);
    if (end <= start) continue;
    pieces.push([start, end, spacesFor(text, start, end)]);
    cursor = end;
  }
  return pieces;
}

/** Spaces for text[start, end), newlines kept. */
function spacesFor(text: string, start: number, end: number): string {
  let out = '';
  let from = start;
  for (let newline = text.indexOf('\n', from); newline !== -1 && newline < end; newline = text.indexOf('\n', from)) {
    out += ' '.repeat(newline - from) + '\n';
    from = newline + 1;
  }
  return out + ' '.repeat(end - from);
}

/** `text` with the pieces replaced by their blanks (same length, same offsets). */
function blank(text: string, pieces: ReadonlyArray<readonly [number, number, string]>): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end, spaces] of pieces) {
    parts.push(text.slice(cursor, start), spaces);
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

const ADDRESS = /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}/i;

/** The address in the header above the history, lower-cased, or null. */
export function historySender(prepared: PreparedMessage): string | null {
  if (!prepared.historyHeader) return null;
  const [start, end] = prepared.historyHeader;
  const found = ADDRESS.exec(prepared.bodyText.slice(start, Math.min(end, start + 1500)));
  return found ? found[0].toLowerCase() : null;
}

/** The quoted history: after a header, or the block of "> " lines when no header marks it. */
export function historyOf(prepared: PreparedMessage): Segment | null {
  if (prepared.history === null) {
    const from = prepared.historyFrom !== -1 ? prepared.historyFrom : prepared.quotedFrom;
    if (from !== -1) prepared.history = segment(prepared.bodyText, from, from + HISTORY_LIMIT, []);
  }
  return prepared.history;
}

function countLetters(text: string, max: number): number {
  let count = 0;
  for (let index = 0; index < text.length && count < max; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 191) count += 1;
  }
  return count;
}
