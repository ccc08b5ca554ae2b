import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectMessage } from '../core/detect';
import { parseEml } from '../mail/parse-eml';
import { jsonLine, runScan } from './scan';
import type { MessageSource, RawMessage } from './sources';

const ME = 'claire@atelier-martin.fr';

function mail(index: number): string {
  const invoice = index % 3 === 0;
  return [
    `From: ${invoice ? `Claire Martin <${ME}>` : 'Lucas <lucas@bernard-conseil.fr>'}`,
    `To: ${invoice ? 'lucas@bernard-conseil.fr' : ME}`,
    `Subject: ${invoice ? `Facture F-2026-${String(index).padStart(3, '0')}` : `Point ${index}`}`,
    'Date: Mon, 2 Mar 2026 10:00:00 +0100',
    `Message-ID: <m${index}@example.org>`,
    '',
    invoice ? `Bonjour,\nVeuillez trouver ci-jointe la facture F-2026-${String(index).padStart(3, '0')} de ${index},00 € TTC.\nClaire` : `Bonjour Claire,\nRien de neuf ce jour (${index}).\nLucas`,
    '',
  ].join('\r\n');
}

/** 600 messages (full batches and a partial one), two of them unreadable at a batch's edges. */
function source(): { source: MessageSource; raws: RawMessage[] } {
  const raws: RawMessage[] = Array.from({ length: 600 }, (_, index) => {
    const file = `box#${index}`;
    if (index === 255) return { file, bytes: new Uint8Array(0) };
    if (index === 256) return { file, bytes: new Uint8Array(0), readError: 'cannot read the file (EACCES)' };
    return { file, bytes: new TextEncoder().encode(mail(index)) };
  });
  return {
    raws,
    source: {
      kind: 'folder',
      totalBytes: 0,
      bytesRead: () => 0,
      async *messages() {
        yield* raws;
      },
    },
  };
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString('utf8'));
        callback();
      },
    }),
    text: () => chunks.join(''),
  };
}

describe('runScan', () => {
  it('writes the lines of every batch in the order of the source, skipped messages reported in order', async () => {
    const { source: input, raws } = source();
    const stdout = collector();
    const stderr = collector();
    const result = await runScan(input, { me: [ME], summary: false, ledger: null, progress: false }, { stdout: stdout.stream, stderr: stderr.stream });

    // What analysing the messages one by one gives.
    const expected: string[] = [];
    for (const raw of raws) {
      if (raw.bytes.byteLength === 0) continue;
      const parsed = await parseEml(raw.bytes);
      expected.push(jsonLine(raw.file, parsed.messageId, detectMessage(parsed, { ownAddresses: [ME] })));
    }
    expect(expected).toHaveLength(598);
    expect(stdout.text()).toBe(`${expected.join('\n')}\n`);
    expect(stderr.text()).toBe('relance: skipped box#255: empty message\nrelance: skipped box#256: cannot read the file (EACCES)\n');
    expect(result.counts.total).toBe(600);
    expect(result.counts.malformed).toBe(2);
  });
});
