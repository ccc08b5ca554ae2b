/**
 * `relance scan` end to end: the real command (node bin/relance.js, tsx from source, the real
 * detection engine) on the fixtures in tests/cli/fixtures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerFile } from '../../src/cli/ledger-export';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIX = 'tests/cli/fixtures';
const TAKEOUT = `${FIX}/mbox/takeout.mbox`;
const tmp = mkdtempSync(path.join(tmpdir(), 'relance-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: Array<Record<string, unknown>>;
}

function relance(...args: string[]): Run {
  const result = spawnSync(process.execPath, ['bin/relance.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const stdout = result.stdout;
  return {
    code: result.status,
    stdout,
    stderr: result.stderr,
    // Parsed on use: a JSON line that is not valid JSON fails the test that reads it.
    get lines() {
      return stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

/** Every Detection field but body_text, plus file and message_id. */
const LINE_KEYS = ['file', 'message_id', 'is_invoice_related', 'kind', 'invoice_numbers', 'amount', 'currency', 'issue_date', 'due_date', 'terms', 'counterparty', 'promised_date', 'plan_request', 'direction', 'language', 'confidence', 'evidence'].sort();

describe('relance scan: a folder of .eml files', () => {
  const run = relance('scan', `${FIX}/folder`);

  it('writes one JSON line per readable .eml, recursively, sorted, labelled relative to PATH', () => {
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => l.file)).toEqual(['messages/0001.eml', 'messages/0002.eml', 'messages/nested/0003.eml', 'messages/nested/odd.eml']);
    expect(run.lines.map((l) => l.message_id)).toEqual(['f2026032@atelier-martin.fr', 'reply-0002@dupont-sa.fr', 'news-2026-03@cafe.example', 'odd"id\\@example.org']);
  });

  it('gives every detection field but body_text', () => {
    for (const line of run.lines) expect(Object.keys(line).sort()).toEqual(LINE_KEYS);
    expect(run.stdout).not.toContain('body_text');
  });

  it('reads what the messages say', () => {
    const [invoice, paid, newsletter] = run.lines;
    expect(invoice).toMatchObject({ is_invoice_related: true, kind: 'invoice_sent', invoice_numbers: ['F-2026-032'], amount: 1850, currency: 'EUR' });
    expect(paid).toMatchObject({ is_invoice_related: true, invoice_numbers: ['F-2026-032'] });
    expect(newsletter).toMatchObject({ is_invoice_related: false });
  });

  it('reports the empty .eml on stderr, skips it and does not fail; ignores files that are not .eml', () => {
    expect(run.stderr).toContain('relance: skipped messages/empty.eml: empty message\n');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('relance: skipped'))).toHaveLength(1);
    expect(run.stdout).not.toContain('notes.txt');
  });

  it('draws no progress bar when stderr is not a terminal', () => {
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('msg/s');
  });
});

describe('relance scan: an mbox (Google Takeout style)', () => {
  const run = relance('scan', TAKEOUT, '--me', 'claire@atelier-martin.fr');

  it('labels each message PATH#N (N from 0) with its Message-ID', () => {
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => [l.file, l.message_id])).toEqual([
      [`${TAKEOUT}#0`, 'f2026040@atelier-martin.fr'],
      [`${TAKEOUT}#1`, 'relance-f2026040@atelier-martin.fr'],
      [`${TAKEOUT}#3`, 'paid-f2026040@bernard-conseil.fr'],
      [`${TAKEOUT}#4`, null],
    ]);
  });

  it('reports the malformed message with a clear line and goes on', () => {
    expect(run.stderr).toBe(`relance: skipped ${TAKEOUT}#2: no mail header (From, To, Subject, Date or Message-ID)\n`);
  });

  it('reads invoices, reminders and payments, the user being --me', () => {
    expect(run.lines.map((l) => l.kind)).toEqual(['invoice_sent', 'reminder', 'payment_notice', 'invoice_sent']);
    expect(run.lines.map((l) => l.direction)).toEqual(['sent', 'sent', 'received', 'sent']);
    expect(run.lines[3]).toMatchObject({ invoice_numbers: ['F-2026-041'], amount: 960, currency: 'EUR', counterparty: 'factures@etoile.example' });
  });

  it('tells a sent invoice from a received one without --me', () => {
    const bare = relance('scan', TAKEOUT);
    expect(bare.code).toBe(0);
    expect(bare.lines[0]).toMatchObject({ kind: 'invoice_sent' });
    expect(bare.lines[0]?.kind).not.toBe('vendor_bill');
  });

  it('splits a CRLF mbox, ">From " lines unescaped', () => {
    const crlf = relance('scan', `${FIX}/mbox/crlf.mbox`);
    expect(crlf.code).toBe(0);
    expect(crlf.stderr).toBe('');
    expect(crlf.lines.map((l) => [l.file, l.message_id])).toEqual([
      [`${FIX}/mbox/crlf.mbox#0`, 'inv0077@atelier-martin.fr'],
      [`${FIX}/mbox/crlf.mbox#1`, 're-inv0077@petit.example'],
    ]);
  });
});

describe('relance scan: one .eml file', () => {
  it('labels the message with PATH as given', () => {
    const run = relance('scan', `${FIX}/folder/messages/0001.eml`);
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatchObject({ file: `${FIX}/folder/messages/0001.eml`, message_id: 'f2026032@atelier-martin.fr' });
  });

  it('skips an empty file with a clear line, exit code 0', () => {
    const run = relance('scan', `${FIX}/empty.eml`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`relance: skipped ${FIX}/empty.eml: empty message\n`);
  });

  it('writes valid JSON lines whatever characters the mail holds', () => {
    const run = relance('scan', `${FIX}/folder/messages/nested/odd.eml`);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(2); // one line and the final newline
    expect(run.lines[0]).toMatchObject({ file: `${FIX}/folder/messages/nested/odd.eml`, message_id: 'odd"id\\@example.org' });
  });
});

describe('relance scan --summary', () => {
  it('prints counts per kind, not-related and malformed on stderr; stdout stays JSON lines', () => {
    const run = relance('scan', TAKEOUT, '--summary', '--me', 'claire@atelier-martin.fr');
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(4);
    const summary = run.stderr.slice(run.stderr.indexOf('relance: scanned'));
    expect(summary.split('\n')[0]).toBe('relance: scanned 5 messages');
    const count = (name: string) => Number(new RegExp(`^  ${name} +(\\d+)$`, 'm').exec(summary)?.[1]);
    expect(count('invoice_sent')).toBe(2);
    expect(count('reminder')).toBe(1);
    expect(count('payment_notice')).toBe(1);
    expect(count('vendor_bill')).toBe(0);
    expect(count('not_invoice_related')).toBe(0);
    expect(count('malformed')).toBe(1);
    const names = ['invoice_sent', 'reminder', 'payment_notice', 'dispute', 'promise', 'vendor_bill', 'other_invoice_related', 'not_invoice_related', 'malformed'];
    expect(names.reduce((sum, n) => sum + count(n), 0)).toBe(5);
  });
});

describe('relance scan --ledger', () => {
  it('writes the invoices found, with their messages and a status hint', () => {
    const out = path.join(tmp, 'ledger.json');
    const run = relance('scan', TAKEOUT, '--me', 'claire@atelier-martin.fr', '--ledger', out);
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(4); // the JSON lines are still written
    expect(run.stderr).toContain(`relance: wrote ${out}: 2 invoices`);
    const ledger = JSON.parse(readFileSync(out, 'utf8')) as LedgerFile;
    expect(ledger).toMatchObject({ format: 'relance-ledger-scan', version: 1, me: ['claire@atelier-martin.fr'] });
    expect(new Date(ledger.generated_at).toISOString()).toBe(ledger.generated_at);
    expect(ledger.invoices.map((i) => i.invoice_number)).toEqual(['F-2026-040', 'F-2026-041']);
    const [first, second] = ledger.invoices;
    expect(first).toMatchObject({ amount: 2400, currency: 'EUR', counterparty: 'lucas@bernard-conseil.fr', status_hint: 'paid' });
    expect(first!.messages).toEqual([
      { file: `${TAKEOUT}#0`, message_id: 'f2026040@atelier-martin.fr', kind: 'invoice_sent', date: '2026-03-02T10:15:00+01:00', amount: 2400 },
      { file: `${TAKEOUT}#1`, message_id: 'relance-f2026040@atelier-martin.fr', kind: 'reminder', date: '2026-04-09T10:00:00+02:00', amount: expect.anything() as unknown as number },
      { file: `${TAKEOUT}#3`, message_id: 'paid-f2026040@bernard-conseil.fr', kind: 'payment_notice', date: '2026-04-13T18:30:00+02:00', amount: 2400 },
    ]);
    expect(second).toMatchObject({ amount: 960, currency: 'EUR', counterparty: 'factures@etoile.example', status_hint: 'open' });
    expect(second!.messages.map((m) => [m.file, m.message_id, m.kind])).toEqual([[`${TAKEOUT}#4`, null, 'invoice_sent']]);
    for (const key of ['issue_date', 'due_date', 'terms'] as const) expect(first).toHaveProperty(key);
  });

  it('refuses a ledger path in a folder that does not exist, before scanning', () => {
    const run = relance('scan', TAKEOUT, '--ledger', path.join(tmp, 'missing/dir/ledger.json'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^relance: --ledger .*does not exist\n$/);
  });
});

describe('relance: usage and errors', () => {
  it('exits 1 with a clear line on a path that does not exist', () => {
    const run = relance('scan', 'no/such/place.mbox');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('relance: no/such/place.mbox: no such file or folder\n');
  });

  it('exits 1 with the usage on bad usage', () => {
    for (const args of [[], ['scan'], ['scan', TAKEOUT, '--bogus'], ['frobnicate'], ['scan', 'a', 'b'], ['scan', TAKEOUT, '--me', 'not-an-address'], ['scan', TAKEOUT, '--me']]) {
      const run = relance(...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage: relance scan PATH');
    }
  }, 30_000); // seven CLI processes, each relaunching once (bin/relance.js)

  it('prints the usage on --help, exit 0', () => {
    for (const args of [['--help'], ['scan', '--help'], ['-h']]) {
      const run = relance(...args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: relance scan PATH [--me ADDRESS]... [--summary] [--ledger OUT.json] [--no-progress]');
    }
  }, 30_000);

  it('stops quietly when the reader closes stdout (| head)', () => {
    const message = readFileSync(path.join(ROOT, FIX, 'folder/messages/0001.eml'), 'utf8');
    const file = path.join(tmp, 'many.mbox');
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => `From claire@atelier-martin.fr Mon Mar 02 09:15:00 2026\n${message.replace('f2026032@', `m${i}@`)}\n`).join(''));
    const result = spawnSync('bash', ['-c', `set -o pipefail; node bin/relance.js scan '${file}' | head -n 2`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { message_id: string }).message_id)).toEqual(['m0@atelier-martin.fr', 'm1@atelier-martin.fr']);
  });
});
