/**
 * Child process of mbox-memory.test.ts: streams an mbox through the scan's mbox source (split only)
 * and prints, as JSON, how many messages it saw and how far resident memory grew. Run in its own
 * process (`node --expose-gc --import tsx`) so the test runner's own memory does not blur the figure.
 */
import { statSync } from 'node:fs';
import { mboxSource } from '../../../src/cli/sources';

const file = process.argv[2];
if (!file) throw new Error('usage: split-memory.ts FILE.mbox');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
let count = 0;
let largest = 0;
let labelsInOrder = true;
const size = statSync(file).size;
const source = mboxSource(file, 'big.mbox', size);
for await (const raw of source.messages()) {
  if (raw.file !== `big.mbox#${count}`) labelsInOrder = false;
  count++;
  largest = Math.max(largest, raw.bytes.length);
  if ((count & 127) === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(
  `${JSON.stringify({ count, largest, labelsInOrder, bytesRead: source.bytesRead(), size, baselineMb: baseline / 2 ** 20, peakMb: peak / 2 ** 20, growthMb: (peak - baseline) / 2 ** 20 })}\n`,
);
