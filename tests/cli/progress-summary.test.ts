import { describe, expect, it } from 'vitest';
import { formatBytes, silentProgress, terminalProgress } from '../../src/cli/progress';
import { countDetection, countMalformed, emptyCounts, formatSummary } from '../../src/cli/summary';

function sink() {
  const chunks: string[] = [];
  return { chunks, columns: 120, write: (chunk: string) => (chunks.push(chunk), true) };
}

describe('terminalProgress', () => {
  it('draws bytes, messages and rate on one line, at most every 100 ms', () => {
    let t = 0;
    const out = sink();
    const progress = terminalProgress(out, 10 * 1024 * 1024, () => t);
    t = 1000;
    progress.tick(500, 5 * 1024 * 1024);
    t = 1050;
    progress.tick(510, 5 * 1024 * 1024 + 10); // throttled
    expect(out.chunks).toHaveLength(1);
    expect(out.chunks[0]).toBe(`\r[${'#'.repeat(12)}${'-'.repeat(12)}]  50%  5.0 MB/10.0 MB  500 msgs  500 msg/s\x1b[K`);
    t = 1200;
    progress.tick(600, 10 * 1024 * 1024);
    expect(out.chunks).toHaveLength(2);
    expect(out.chunks[1]).toContain('100%');
  });

  it('clears the bar before a log line and redraws it after; done() clears it', () => {
    let t = 0;
    const out = sink();
    const progress = terminalProgress(out, 100, () => t);
    t = 500;
    progress.tick(1, 50);
    progress.log('relance: skipped x#1: empty message');
    expect(out.chunks.slice(1)).toEqual(['\r\x1b[K', 'relance: skipped x#1: empty message\n', expect.stringMatching(/^\r\[/)]);
    progress.done();
    expect(out.chunks.at(-1)).toBe('\r\x1b[K');
  });

  it('keeps the line within the terminal width', () => {
    let t = 0;
    const out = { ...sink(), columns: 30 };
    const narrow = { ...sink(), columns: 0 };
    const progress = terminalProgress(out, 100, () => t);
    t = 500;
    progress.tick(1, 50);
    expect(out.chunks[0]!.replace('\r', '').replace('\x1b[K', '').length).toBeLessThanOrEqual(29);
    // A terminal that reports no width gets 80 columns.
    const unsized = terminalProgress(narrow, 100, () => t);
    unsized.tick(1, 50);
    expect(narrow.chunks[0]).toContain('msg/s');
  });
});

describe('silentProgress', () => {
  it('only writes log lines', () => {
    const out = sink();
    const progress = silentProgress(out);
    progress.tick(1, 1);
    progress.log('hello');
    progress.done();
    expect(out.chunks).toEqual(['hello\n']);
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });
});

describe('summary', () => {
  it('counts kinds, unrelated and malformed messages and prints an aligned block', () => {
    const counts = emptyCounts();
    countDetection(counts, { is_invoice_related: true, kind: 'invoice_sent' });
    countDetection(counts, { is_invoice_related: true, kind: 'invoice_sent' });
    countDetection(counts, { is_invoice_related: true, kind: 'vendor_bill' });
    countDetection(counts, { is_invoice_related: false, kind: null });
    countMalformed(counts);
    expect(formatSummary(counts)).toBe(
      [
        'relance: scanned 5 messages',
        '  invoice_sent           2',
        '  reminder               0',
        '  payment_notice         0',
        '  dispute                0',
        '  promise                0',
        '  vendor_bill            1',
        '  other_invoice_related  0',
        '  not_invoice_related    1',
        '  malformed              1',
      ].join('\n'),
    );
  });
});
