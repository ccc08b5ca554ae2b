/**
 * `preferScanThroughput` (readings.ts) swaps the body scanner for one that looks further ahead:
 * the same readings, faster per message, dearer to build. Both must read every mail the same way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEml, type ParsedMail } from '../../mail/parse-eml';
import { detectMessage, preferScanThroughput } from './index';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'corpus');

describe('preferScanThroughput', () => {
  it('reads every development-corpus message exactly as the default scanner does', async () => {
    const mails: Array<{ file: string; mail: ParsedMail; me: string[] }> = [];
    for (const set of ['dev', 'dev4']) {
      const labels = JSON.parse(readFileSync(join(CORPUS, set, 'labels.json'), 'utf8')) as Record<string, { me: string[] }>;
      for (const file of readdirSync(join(CORPUS, set)).filter((name) => name.endsWith('.eml'))) {
        mails.push({ file, mail: await parseEml(readFileSync(join(CORPUS, set, file))), me: labels[file]?.me ?? [] });
      }
    }
    const read = () => mails.map(({ mail, me }) => JSON.stringify(detectMessage(mail, { ownAddresses: me })));
    const before = read();
    preferScanThroughput();
    const after = read();
    expect(after.length).toBeGreaterThan(300);
    expect(after.filter((line, index) => line !== before[index])).toEqual([]);
  });
});
