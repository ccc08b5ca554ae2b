import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPostmarkLine, splitMbox, unescapeFromLines, type MboxMessage } from '../../src/cli/mbox-splitter';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

async function split(input: string | Uint8Array, chunkSize = 1 << 20): Promise<Array<{ index: number; text: string; postmark: string }>> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out: MboxMessage[] = [];
  for await (const message of splitMbox(chunked(bytes, chunkSize))) out.push(message);
  return out.map((m) => ({ index: m.index, text: Buffer.from(m.bytes).toString('utf8'), postmark: m.postmark }));
}

const CHUNK_SIZES = [1, 2, 5, 6, 7, 13, 4096];

describe('isPostmarkLine', () => {
  it.each([
    'From 1791234567890123456@xxx Mon Mar 02 09:15:00 +0000 2026',
    'From claire@atelier-martin.fr Tue Jun 02 09:00:00 2026',
    'From - Sat Jan 03 10:00:00 2015',
    'From MAILER-DAEMON Fri Jul  8 12:08:34 2011',
    'From someone@example.com  Wed, 06 May 2026 11:00:00 +0200',
  ])('accepts %s', (line) => expect(isPostmarkLine(line)).toBe(true));

  it.each(['From the start of our work together, thank you.', 'From: Claire <claire@x.fr>', 'From 9 to 5 every day', 'Fromage 10:00 2026', ' From x Mon Mar 02 09:15:00 2026'])(
    'rejects %s',
    (line) => expect(isPostmarkLine(line)).toBe(false),
  );
});

describe('unescapeFromLines', () => {
  it('removes one ">" from >From lines only', () => {
    const input = Buffer.from('>From a\nx >From b\n>>From c\n>Frog\n>From');
    expect(unescapeFromLines(input).toString()).toBe('From a\nx >From b\n>From c\n>Frog\n>From');
  });
  it('returns the same buffer when there is nothing to unescape', () => {
    const input = Buffer.from('Subject: hi\n\n> quoted\n');
    expect(unescapeFromLines(input)).toBe(input);
  });
});

describe('splitMbox', () => {
  const takeout = readFileSync(path.join(FIXTURES, 'mbox/takeout.mbox'));
  const crlf = readFileSync(path.join(FIXTURES, 'mbox/crlf.mbox'));

  it('splits the Takeout-style fixture into its 5 messages, postmarks removed', async () => {
    const messages = await split(takeout);
    expect(messages.map((m) => m.index)).toEqual([0, 1, 2, 3, 4]);
    expect(messages[0]!.postmark).toBe('From 1791234567890123456@xxx Mon Mar 02 09:15:00 +0000 2026');
    expect(messages.map((m) => m.postmark.split(' ')[1])).toEqual(['56', '57', '58', '59', '60'].map((n) => `17912345678901234${n}@xxx`));
    for (const m of messages) expect(m.text.startsWith('From ')).toBe(false);
    expect(messages[0]!.text).toMatch(/^X-GM-THRID: 1791234567890123456\n/);
    expect(messages[4]!.text).toMatch(/--b1--\n$/);
  });

  it('unescapes ">From " body lines (mboxrd) and keeps other lines as they are', async () => {
    const [first] = await split(takeout);
    expect(first!.text).toContain('\nFrom the start of our work together, thank you.\n');
    expect(first!.text).toContain('\n>From a quoted line.\n');
    expect(first!.text).not.toContain('>From the start');
  });

  it('drops the blank line between messages, LF and CRLF alike', async () => {
    const [first, second] = await split(takeout);
    expect(first!.text.endsWith('Claire\n')).toBe(true);
    expect(second!.text.endsWith('Claire\r\n')).toBe(true);
    expect(second!.text).toContain('\r\nSubject: Relance : facture F-2026-040\r\n');
  });

  it('splits a CRLF mbox', async () => {
    const messages = await split(crlf);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.text).toMatch(/^From: Claire Martin <claire@atelier-martin\.fr>\r\n/);
    expect(messages[0]!.text).toContain('\r\nFrom now on I will send invoices from this address.\r\n');
    expect(messages[0]!.text.endsWith('Claire\r\n')).toBe(true);
    expect(messages[1]!.postmark).toBe('From claire@atelier-martin.fr Tue Jun 09 09:00:00 2026');
  });

  it.each(CHUNK_SIZES)('gives the same messages whatever the chunk size (%i bytes)', async (size) => {
    expect(await split(takeout, size)).toEqual(await split(takeout));
    expect(await split(crlf, size)).toEqual(await split(crlf));
  });

  it('does not split on an unescaped body line that merely starts with "From " (mboxo)', async () => {
    const mbox = 'From a@x Mon Mar 02 09:15:00 2026\nSubject: one\n\nFrom the team, hello.\nFrom 9 to 5.\n\nFrom b@x Mon Mar 02 09:16:00 2026\nSubject: two\n\nbody\n';
    for (const size of [1, 7, 4096]) {
      const messages = await split(mbox, size);
      expect(messages.map((m) => m.text)).toEqual(['Subject: one\n\nFrom the team, hello.\nFrom 9 to 5.\n', 'Subject: two\n\nbody\n']);
    }
  });

  it('handles empty input, a whitespace preamble, back-to-back postmarks and a missing final newline', async () => {
    expect(await split('')).toEqual([]);
    expect(await split('\n\n')).toEqual([]);
    const mbox = '\nFrom a@x Mon Mar 02 09:15:00 2026\nFrom b@x Mon Mar 02 09:16:00 2026\nSubject: two\n\nlast line without newline';
    for (const size of [1, 3, 7, 4096]) {
      const messages = await split(mbox, size);
      expect(messages.map((m) => [m.index, m.text])).toEqual([
        [0, ''],
        [1, 'Subject: two\n\nlast line without newline'],
      ]);
    }
  });

  it('yields text before the first postmark as a message of its own (reported by the caller as malformed)', async () => {
    const messages = await split('garbage\nFrom a@x Mon Mar 02 09:15:00 2026\nSubject: x\n\ny\n');
    expect(messages.map((m) => [m.postmark, m.text])).toEqual([
      ['', 'garbage\n'],
      ['From a@x Mon Mar 02 09:15:00 2026', 'Subject: x\n\ny\n'],
    ]);
  });

  it('keeps a very long line starting with "From " as body text', async () => {
    const long = `From ${'x'.repeat(5000)} 10:00 2026`;
    const mbox = `From a@x Mon Mar 02 09:15:00 2026\nSubject: x\n\n${long}\n`;
    for (const size of [1, 7, 4096]) expect((await split(mbox, size)).map((m) => m.text)).toEqual([`Subject: x\n\n${long}\n`]);
  });
});

describe('splitMbox on generated mailboxes', () => {
  /** A small seeded PRNG, so a failure can be replayed. */
  function prng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const LINES = ['Subject: x', '', 'From the team, hello.', 'From', 'From ', '>From here', '>>From there', 'plain text', 'From 10:00 to 12:00', '\r', 'é€ unicode'];

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('splits random mailboxes back into their messages (seed %i)', async (seed) => {
    const random = prng(seed);
    const eol = random() < 0.5 ? '\n' : '\r\n';
    const originals: string[] = [];
    let mbox = '';
    const count = 1 + Math.floor(random() * 20);
    for (let i = 0; i < count; i++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 12) }, () => LINES[Math.floor(random() * LINES.length)]!).filter((l) => !/^>*From /.test(l) || l.startsWith('>') || random() < 0.5);
      const body = lines.map((l) => `${l}${eol}`).join('');
      // mboxrd writer: escape /^>*From / lines by one more ">".
      const escaped = body.replace(/^(>*From )/gm, '>$1');
      originals.push(body);
      mbox += `From sender${i}@example.com Mon Mar 02 09:${String(i % 60).padStart(2, '0')}:00 2026${eol}${escaped}${eol}`;
    }
    const whole = await split(mbox);
    expect(whole.map((m) => m.text)).toEqual(originals);
    for (const size of [1, 7, 64, 4096]) expect(await split(mbox, size)).toEqual(whole);
  });
});
