/**
 * The mbox source streams: splitting a generated 200 MB mbox (with one 4 MB message in it) keeps the
 * resident memory of the process within 50 MB of where it started. The split runs in a child
 * process (tests/cli/helpers/split-memory.ts) so the figure is the splitter's alone. A few seconds.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TARGET_BYTES = 200 * 1024 * 1024;
const BIG_MESSAGE_BYTES = 4 << 20;
const dir = mkdtempSync(path.join(tmpdir(), 'relance-mbox-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function message(i: number, bodyBytes: number): string {
  const line = 'Lorem ipsum dolor sit amet, facture F-2026-001 de 1 234,56 EUR, merci.\n';
  return (
    `From sender${i}@example.com Mon Mar 02 09:15:00 2026\n` +
    `From: Sender ${i} <sender${i}@example.com>\nTo: me@example.org\nSubject: Message ${i}\n` +
    `Date: Mon, 02 Mar 2026 09:15:00 +0000\nMessage-ID: <m${i}@example.com>\n\n` +
    `${line.repeat(Math.ceil(bodyBytes / line.length))}>From an escaped line\n\n`
  );
}

/** Writes ~1 MB blocks of ~5 KB messages, one 4 MB message after the 20,000th; returns the message count. */
async function writeMbox(file: string): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let count = 0;
  let bigWritten = false;
  while (written < TARGET_BYTES) {
    const big: boolean = !bigWritten && count >= 20_000;
    bigWritten ||= big;
    let block = big ? message(count++, BIG_MESSAGE_BYTES) : '';
    while (block.length < 1 << 20) block += message(count++, 5000);
    written += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return count;
}

describe('mbox streaming', () => {
  it('splits a 200 MB mbox with RSS growth under 50 MB', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'big.mbox');
    const expected = await writeMbox(file);
    const size = statSync(file).size;
    expect(size).toBeGreaterThanOrEqual(TARGET_BYTES);
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'tests/cli/helpers/split-memory.ts'), file], { cwd: ROOT, encoding: 'utf8' });
    const result = JSON.parse(output) as { count: number; largest: number; labelsInOrder: boolean; bytesRead: number; size: number; growthMb: number };
    expect(result.count).toBe(expected);
    expect(result.labelsInOrder).toBe(true);
    expect(result.largest).toBeGreaterThan(BIG_MESSAGE_BYTES);
    expect(result.bytesRead).toBe(size);
    expect(result.growthMb, `RSS grew by ${result.growthMb.toFixed(1)} MB`).toBeLessThan(50);
  });
});
