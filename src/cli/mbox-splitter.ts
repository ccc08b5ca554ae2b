/**
 * Streaming mbox splitter: bytes in (any chunking), one message's bytes out at a time.
 *
 * - A message starts after a postmark line: a line that begins with "From " at the start of the file
 *   or right after a line feed, and looks like a postmark (`From <sender> <date with hh:mm and a
 *   year>`, as Google Takeout, Thunderbird, mutt and Python's mailbox write it). A body line that
 *   merely starts with "From " ("From the team, …") does not split a message even when the writer
 *   did not escape it (mboxo).
 * - LF and CRLF files both work: the separator is found on "\n", and a CR is part of the line before.
 * - ">From " lines (one or more ">") are unescaped by one ">" (mboxrd; also right for mboxo's ">From ").
 * - The blank line a writer puts between two messages is dropped.
 * - Memory: only the current message's bytes are kept (plus at most one partial line); the file is
 *   never buffered whole. A message larger than `maxMessageBytes` is still yielded in full (the caller
 *   may skip it); the splitter itself never holds more than one message.
 */

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const SEPARATOR = Buffer.from('\nFrom ', 'latin1');
const ESCAPED = Buffer.from('\n>', 'latin1');
const EMPTY = Buffer.alloc(0);
/** A postmark line longer than this is not a postmark (and a "From " body line is not held longer). */
const MAX_POSTMARK_LINE = 1024;

/** `From sender date…`: the date part has a clock time and a four-digit year (asctime or RFC 2822 order). */
const POSTMARK = /^From \S*[ \t].*\b\d{1,2}:\d{2}(?::\d{2})?\b.*\b\d{4}\b|^From \S*[ \t].*\b\d{4}\b.*\b\d{1,2}:\d{2}\b/;

/** True when a line (without its line end) is an mbox postmark ("From " separator line). */
export function isPostmarkLine(line: string): boolean {
  return line.length <= MAX_POSTMARK_LINE && POSTMARK.test(line);
}

export interface MboxMessage {
  /** 0-based position of the message in the file. */
  index: number;
  /** The message's own bytes (postmark line removed, ">From " unescaped). */
  bytes: Uint8Array;
  /** The postmark line as written (without its line end), for diagnostics. */
  postmark: string;
}

/**
 * Removes one ">" from every line matching /^>+From /. Returns `message` itself when there is nothing
 * to remove; otherwise compacts it in place when `owned` (the caller's own copy), else into a copy.
 */
export function unescapeFromLines(message: Buffer, owned = false): Buffer {
  // Positions of the ">" to drop: each is at a line start, followed by >*"From ".
  const drops: number[] = [];
  const isEscapedAt = (gt: number): boolean => {
    let p = gt;
    while (p < message.length && message[p] === GT) p++;
    return p > gt && message.length - p >= 5 && message[p] === 0x46 /* F */ && message.toString('latin1', p, p + 5) === 'From ';
  };
  if (message[0] === GT && isEscapedAt(0)) drops.push(0);
  let from = 0;
  for (;;) {
    const at = message.indexOf(ESCAPED, from);
    if (at === -1) break;
    if (isEscapedAt(at + 1)) drops.push(at + 1);
    from = at + 1;
  }
  if (drops.length === 0) return message;
  const out = owned ? message : Buffer.allocUnsafe(message.length - drops.length);
  let written = 0;
  let start = 0;
  for (const drop of drops) {
    // In place, copyWithin moves bytes left (written <= start): safe for overlapping ranges.
    if (owned) message.copyWithin(written, start, drop);
    else message.copy(out, written, start, drop);
    written += drop - start;
    start = drop + 1;
  }
  if (owned) message.copyWithin(written, start);
  else message.copy(out, written, start);
  written += message.length - start;
  return out.subarray(0, written);
}

/** Drops the one blank line an mbox writer puts after each message ("…\n\n" -> "…\n", same for CRLF). */
function dropSeparatorBlankLine(message: Buffer): Buffer {
  const n = message.length;
  // Nothing but the blank line: an empty message.
  if ((n === 1 && message[0] === LF) || (n === 2 && message[0] === CR && message[1] === LF)) return message.subarray(0, 0);
  if (n >= 4 && message[n - 1] === LF && message[n - 2] === CR && message[n - 3] === LF && message[n - 4] === CR) return message.subarray(0, n - 2);
  if (n >= 2 && message[n - 1] === LF && message[n - 2] === LF) return message.subarray(0, n - 1);
  return message;
}

function hasContent(parts: Buffer[]): boolean {
  for (const part of parts) {
    for (const byte of part) if (byte !== LF && byte !== CR && byte !== 0x20 && byte !== 0x09) return true;
  }
  return false;
}

/**
 * Splits an mbox given as a stream of chunks (a fs.ReadStream, or any iterable of Uint8Array).
 * Yields each message as soon as the next postmark (or the end of the input) is read.
 */
export async function* splitMbox(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<MboxMessage> {
  /** Bytes of the current message read so far (views into read chunks, concatenated when the message ends). */
  let parts: Buffer[] = [];
  /**
   * Unsearched bytes kept from the previous chunk: a possible "\nFrom " prefix, or a "\nFrom …" line
   * without its end. Its first `tailSkip` bytes belong to no message (a consumed postmark's line end,
   * or the virtual "\n" that lets a postmark on the file's first line be found like any other).
   */
  let tail: Buffer = Buffer.from([LF]);
  let tailSkip = 1;
  /** The postmark of the current message; null before the first postmark (preamble). */
  let postmark: string | null = null;
  let index = 0;

  const finish = (): MboxMessage | null => {
    const current = parts;
    parts = [];
    // Bytes before the first postmark are not an mbox message; only whitespace is expected there.
    if (postmark === null && !hasContent(current)) return null;
    // One part is a view into a chunk we were given (not ours to change); several were concatenated into our own copy.
    const owned = current.length > 1;
    const joined = owned ? Buffer.concat(current) : (current[0] ?? EMPTY);
    const bytes = unescapeFromLines(dropSeparatorBlankLine(joined), owned);
    return { index: index++, bytes, postmark: postmark ?? '' };
  };

  for await (const chunk of chunks) {
    if (chunk.byteLength === 0) continue;
    const view = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const data = tail.length === 0 ? view : Buffer.concat([tail, view]);
    /** First byte not yet given to `parts` nor consumed. */
    let pos = tailSkip;
    let search = 0;
    tail = EMPTY;
    tailSkip = 0;
    for (;;) {
      const at = data.indexOf(SEPARATOR, search);
      if (at === -1) {
        // Keep the last bytes that could start "\nFrom " with the next chunk.
        const keepFrom = Math.max(0, data.length - (SEPARATOR.length - 1));
        if (keepFrom > pos) parts.push(data.subarray(pos, keepFrom));
        tail = data.subarray(keepFrom);
        tailSkip = Math.max(0, pos - keepFrom);
        break;
      }
      const lineStart = at + 1;
      const lineEnd = data.indexOf(LF, lineStart);
      if (lineEnd === -1) {
        if (data.length - lineStart <= MAX_POSTMARK_LINE) {
          // The candidate line goes on in the next chunk: keep it, from its "\n", unsearched.
          if (at > pos) parts.push(data.subarray(pos, at));
          tail = data.subarray(at);
          tailSkip = Math.max(0, pos - at);
          break;
        }
        search = lineStart; // too long to be a postmark: body text
        continue;
      }
      const line = data.toString('latin1', lineStart, lineEnd > lineStart && data[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd);
      if (!isPostmarkLine(line)) {
        search = lineStart;
        continue;
      }
      // The "\n" at `at` ends the previous message's last line.
      if (lineStart > pos) parts.push(data.subarray(pos, lineStart));
      const message = finish();
      if (message) yield message;
      postmark = line;
      pos = lineEnd + 1;
      search = lineEnd;
    }
  }
  if (tail.length > tailSkip) parts.push(tail.subarray(tailSkip));
  tail = EMPTY;
  const last = finish();
  // A postmark with nothing after it (a truncated file) still yields an empty message: the caller reports it.
  if (last) yield last;
}
