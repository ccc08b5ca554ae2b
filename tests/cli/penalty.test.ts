/**
 * `relance penalty` through runPenalty with in-memory streams: JSON in (--json or stdin), one JSON
 * object out, `{"error": ...}` + a stderr line + exit 1 on bad input. The figures are worked out by
 * hand in src/core/law/penalty.test.ts; the ones used here are repeated in the comments.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PENALTY_USAGE, runPenalty } from '../../src/cli/penalty';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

async function penalty(argv: string[], stdin = ''): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  const code = await runPenalty(argv, { stdin: Readable.from(stdin === '' ? [] : [stdin]), stdout, stderr }, () => '2025-08-14');
  const out = stdout.text();
  return { code, stdout: out, stderr: stderr.text(), get json() { return JSON.parse(out) as Record<string, unknown>; } };
}

const withJson = (input: unknown) => penalty(['--json', JSON.stringify(input)]);

const FR = { jurisdiction: 'FR', b2b: true, amount: 1000, currency: 'EUR', invoice_date: '2025-05-01', terms: { due_date: '2025-05-31' }, as_of: '2025-08-14' };

describe('relance penalty: computing', () => {
  it('prints one JSON object with the required fields (FR B2B across 1 July)', async () => {
    // 30 d at 13.15 % + 45 d at 12.15 % on 1000 = 25.787671 -> 25.79 ; + 40 ; total 1065.79
    const run = await withJson(FR);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.json).toMatchObject({
      due_date: '2025-05-31',
      overdue_days: 75,
      principal_outstanding: 1000,
      interest: 25.79,
      fixed_fee: 40,
      total: 1065.79,
      currency: 'EUR',
      segments: [
        { from: '2025-06-01', to: '2025-06-30', days: 30, rate_percent: 13.15, principal: 1000, interest: 10.81 },
        { from: '2025-07-01', to: '2025-08-14', days: 45, rate_percent: 12.15, principal: 1000, interest: 14.98 },
      ],
      fixed_fee_currency: 'EUR',
      warnings: [],
      prescription: { period_years: 5, expires_on: '2030-05-31', level: 'none' },
    });
    expect((run.json.rate_sources as unknown[]).length).toBe(2);
  });

  it('reads the JSON from stdin', async () => {
    const run = await penalty([], JSON.stringify(FR));
    expect(run.code).toBe(0);
    expect(run.json.total).toBe(1065.79);
  });

  it('every terms shape', async () => {
    const due = async (terms: unknown, extra: Record<string, unknown> = {}) => (await withJson({ ...FR, invoice_date: '2025-01-15', terms, ...extra })).json.due_date;
    expect(await due({ days: 30, from: 'invoice' })).toBe('2025-02-14');
    expect(await due({ days: 30 })).toBe('2025-02-14');
    expect(await due({ days: 30, from: 'service' }, { service_date: '2025-01-10' })).toBe('2025-02-09');
    expect(await due({ days: 30, from: 'receipt' }, { receipt_date: '2025-01-17' })).toBe('2025-02-16');
    expect(await due({ days: 45, end_of_month: 'A' })).toBe('2025-03-31');
    expect(await due({ days: 45, end_of_month: 'B' })).toBe('2025-03-17');
    expect(await due({ on_receipt: true })).toBe('2025-01-15');
    expect(await due({ due_date: '2025-02-28' })).toBe('2025-02-28');
    // Nothing agreed in France: 30 days after the service.
    expect(await due(null, { service_date: '2025-01-05' })).toBe('2025-02-04');
  });

  it('partial payments, imputation, overrides, warnings', async () => {
    // 400 paid 10 Jul: principal first -> 600 + 21.13 + 40 = 661.13 ; interest first -> 614.14 + 7.15 + 40 = 661.29
    const partial = { ...FR, partial_payments: [{ date: '2025-07-10', amount: 400 }] };
    expect((await withJson(partial)).json).toMatchObject({ principal_outstanding: 600, interest: 21.13, total: 661.13, imputation: 'principal_first' });
    expect((await withJson({ ...partial, imputation: 'interest_first' })).json).toMatchObject({ principal_outstanding: 614.14, interest: 7.15, interest_accrued: 21.29, interest_paid: 14.14, total: 661.29 });

    // Unknown 2026-H2, then the user's value: 30 days at 12.15 % on 1000 = 9.99
    const future = { ...FR, invoice_date: '2026-05-15', terms: { due_date: '2026-06-15' }, as_of: '2026-07-15' };
    const unknown = await withJson(future);
    expect(unknown.code).toBe(1);
    expect(unknown.json).toEqual({ error: 'rate unknown for 2026-H2 (ECB main refinancing rate on 1 July 2026): enter it in the settings' });
    expect(unknown.stderr).toContain('"table": "ECB_MRO", "period": "2026-H2"');
    const entered = await withJson({ ...future, rate_overrides: [{ table: 'ECB_MRO', period: '2026-H2', rate_percent: 2.15 }] });
    expect(entered.code).toBe(0);
    expect(entered.json).toMatchObject({ interest: 9.99, total: 1049.99 });

    // Agreed 9 % below 3 x legal rate in 2025-H1: 1000 x 75 x 9 / 36500 = 18.49, with a warning.
    const agreed = (await withJson({ ...FR, agreed_rate_percent: 9 })).json;
    expect(agreed.interest).toBe(18.49);
    expect(agreed.warnings).toEqual([expect.stringContaining('below 3 × the legal interest rate for 2025-H1')]);
    expect(agreed.warning_codes).toEqual(['agreed_rate_below_floor']);
    // 3 x legal rate: 19.36
    expect((await withJson({ ...FR, rate_basis: '3x_legal_rate' })).json.interest).toBe(19.36);
  });

  it('FR B2C from the formal notice, UK bands and fixed rate, DE, EU', async () => {
    const b2c = await withJson({ ...FR, b2b: false, amount: 2000, invoice_date: '2025-03-01', terms: { due_date: '2025-03-31' }, formal_notice_date: '2025-05-10' });
    expect(b2c.json).toMatchObject({ interest: 17.17, fixed_fee: 0, fixed_fee_currency: null, total: 2017.17 });

    const uk = await withJson({ jurisdiction: 'UK', b2b: true, amount: 5000, currency: 'GBP', invoice_date: '2025-05-21', terms: { due_date: '2025-06-20' }, as_of: '2025-07-20' });
    expect(uk.json).toMatchObject({ interest: 52.4, fixed_fee: 70, fixed_fee_currency: 'GBP', total: 5122.4, prescription: null });
    expect((uk.json.segments as Array<{ rate_percent: number }>).map((s) => s.rate_percent)).toEqual([12.75, 12.75]);

    const de = await withJson({ ...FR, jurisdiction: 'DE', amount: 5000, invoice_date: '2025-05-16', terms: { due_date: '2025-06-15' }, as_of: '2025-07-15' });
    expect(de.json).toMatchObject({ interest: 44.26, fixed_fee: 40, total: 5084.26 });
    const eu = await withJson({ ...FR, jurisdiction: 'EU', invoice_date: '2024-06-01', terms: { due_date: '2024-06-30' }, as_of: '2024-07-31' });
    expect(eu.json).toMatchObject({ interest: 10.4, fixed_fee: 40, total: 1050.4 });
  });

  it('fills in what it can, and says so', async () => {
    const { b2b: _b2b, currency: _currency, as_of: _asOf, ...bare } = FR;
    const run = await withJson({ ...bare, note: 'x' });
    expect(run.code).toBe(0);
    // as_of defaults to today (2025-08-14 in this test), so the figures are those of the first test.
    expect(run.json).toMatchObject({ total: 1065.79, currency: 'EUR' });
    expect(run.json.warnings).toEqual([
      'unknown input field "note" ignored',
      'b2b not given: the debtor is taken as a business (b2b: true)',
      'currency not given: EUR assumed',
      'as_of not given: today (2025-08-14) used',
    ]);
  });

  it('prints the usage for --help', async () => {
    const run = await penalty(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(PENALTY_USAGE);
  });
});

describe('relance penalty: bad input', () => {
  const bad = async (argvOrInput: string[] | Record<string, unknown>, stdin = '') => {
    const run = Array.isArray(argvOrInput) ? await penalty(argvOrInput, stdin) : await withJson(argvOrInput);
    expect(run.code).toBe(1);
    expect(Object.keys(run.json)).toEqual(['error']);
    expect(run.stderr.split('\n')[0]).toBe(`relance penalty: ${String(run.json.error)}`);
    return String(run.json.error);
  };

  it('says what is wrong', async () => {
    expect(await bad(['--json', '{"jurisdiction": "FR",'])).toMatch(/^invalid JSON input: /);
    expect(await bad([], '')).toMatch(/^no input/);
    expect(await bad(['--json', '[1,2]'])).toBe('the input must be a JSON object');
    expect(await bad({ ...FR, jurisdiction: 'ES' })).toBe('unknown jurisdiction "ES": expected "FR", "UK", "DE" or "EU"');
    expect(await bad({ ...FR, amount: -100 })).toBe('amount cannot be negative, got -100');
    expect(await bad({ ...FR, amount: 'lots' })).toBe('amount must be a number, got "lots"');
    expect(await bad({ ...FR, invoice_date: '2025-02-30', terms: { days: 30 } })).toBe('invoice_date is not a real calendar date (YYYY-MM-DD): "2025-02-30"');
    expect(await bad({ ...FR, as_of: '2025-13-01' })).toBe('as_of is not a real calendar date (YYYY-MM-DD): "2025-13-01"');
    expect(await bad({ ...FR, terms: { days: 30, from: 'service' } })).toBe('service_date is required when the terms run from the service/delivery');
    expect(await bad({ ...FR, terms: { days: 45, end_of_month: 'C' } })).toMatch(/^terms.end_of_month must be "A"/);
    expect(await bad({ ...FR, terms: { weeks: 2 } })).toMatch(/^terms must be one of/);
    expect(await bad({ ...FR, b2b: 'yes' })).toBe('b2b must be true or false, got "yes"');
    expect(await bad({ ...FR, rate_basis: '2x' })).toBe('rate_basis must be "3x_legal_rate", got "2x"');
    expect(await bad({ ...FR, imputation: 'fifo' })).toMatch(/^imputation must be/);
    expect(await bad({ ...FR, partial_payments: [{ date: '2025-07-01' }] })).toBe('partial_payments[0].amount is required');
    expect(await bad({ ...FR, rate_overrides: [{ table: 'LIBOR', period: '2026-H2', rate_percent: 1 }] })).toMatch(/unknown table "LIBOR"/);
    expect(await bad({ ...FR, jurisdiction: 'UK', b2b: false })).toMatch(/^UK: .*consumer debt is out of its scope/);
    expect(await bad(['--nope'])).toMatch(/--nope/);
  });
});
