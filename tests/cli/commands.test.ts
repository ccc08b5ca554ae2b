/**
 * `npx relance penalty` and `npx relance draft` as a user runs them: through bin/relance.js, with the
 * JSON as an argument or on stdin. (The commands' own behaviour is tested in penalty.test.ts and
 * draft.test.ts; this checks the wiring of main.ts and bin/.)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function relance(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/relance.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PENALTY = { jurisdiction: 'FR', b2b: true, amount: 1000, currency: 'EUR', invoice_date: '2025-05-01', terms: { due_date: '2025-05-31' }, as_of: '2025-08-14' };

describe('relance penalty and relance draft from the command line', () => {
  it('penalty: --json and stdin give the same figures; an unknown rate exits 1 with the error', () => {
    const byArgument = relance(['penalty', '--json', JSON.stringify(PENALTY)]);
    expect(byArgument.code).toBe(0);
    expect(JSON.parse(byArgument.stdout)).toMatchObject({ due_date: '2025-05-31', overdue_days: 75, interest: 25.79, fixed_fee: 40, total: 1065.79, currency: 'EUR' });
    const byStdin = relance(['penalty'], JSON.stringify(PENALTY));
    expect(byStdin.stdout).toBe(byArgument.stdout);
    const unknown = relance(['penalty', '--json', JSON.stringify({ ...PENALTY, terms: { due_date: '2026-09-30' }, as_of: '2026-11-22' })]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toEqual({ error: 'rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings' });
  }, 30_000);

  it('draft: prints the rendered subject and body', () => {
    const input = { step: 'first_reminder', language: 'en', today: '2026-11-20', invoice: { number: 'INV-7', amount: 850, currency: 'GBP', due_date: '2026-11-10' }, client: { kind: 'business', contact_name: 'Priya Shah' } };
    const run = relance(['draft', '--json', JSON.stringify(input)]);
    expect(run.code).toBe(0);
    const draft = JSON.parse(run.stdout) as { subject: string; body_text: string; tone_violations: unknown[] };
    expect(draft.subject).toContain('INV-7');
    expect(draft.body_text).toContain('Priya');
    expect(draft.body_text).toContain('£850.00');
    expect(draft.body_text).not.toMatch(/\b(late|overdue)\b/i);
    expect(draft.tone_violations).toEqual([]);
  }, 30_000);
});
