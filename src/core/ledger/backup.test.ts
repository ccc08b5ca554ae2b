import { describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, exportBackup, parseBackup, problemPath, readBackup, type BackupProblem, type LedgerSnapshot } from './backup';
import { locateJsonError, parseJsonText } from './backup-json';
import type { LedgerEvent } from './events';
import { chainEvents, genesisHash } from './hash-chain';
import { CLIENT, SETTINGS, events, invoice, randomLedger } from './ledger.test-support';

const AT = '2026-11-22T10:00:00.000Z';
const ID = invoice().id;
const ev = events(ID);
const LOG = chainEvents([
  ev('2026-02-02', { kind: 'tracked' }),
  ev('2026-03-11', { kind: 'reminder_sent', step: 'first_reminder', messageId: '<r1@atelier-martin.fr>' }),
  ev('2026-03-16', { kind: 'call', calledAt: '2026-03-16T10:05', who: 'M. Bernard', outcome: 'answered', said: 'will pay half', promisedDate: '2026-03-25', promisedAmount: 600, nextCallDate: '2026-03-26' }),
  ev('2026-03-25', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-25' }),
  ev('2026-04-10', { kind: 'payment', paidOn: '2026-04-10' }),
]);
const SNAPSHOT: LedgerSnapshot = { settings: SETTINGS, templates: {}, clients: [CLIENT], invoices: [invoice()], events: LOG };
const JSON_TEXT = exportBackup(SNAPSHOT, AT, { appVersion: '0.1.0' }).json;

const file = (): Record<string, unknown> => JSON.parse(JSON_TEXT) as Record<string, unknown>;
const errorsOf = (text: string): BackupProblem[] => {
  const result = parseBackup(text);
  return result.ok ? [] : result.errors;
};
const codes = (text: string) => errorsOf(text).map((error) => [error.path, error.code]);

describe('exportBackup', () => {
  it('writes the versioned header, the records, and one chain head per invoice', () => {
    const { backup, json, problems } = exportBackup(SNAPSHOT, AT, { appVersion: '0.1.0' });
    expect(problems).toEqual([]);
    expect(backup).toMatchObject({ format: 'relance-backup', version: 1, exported_at: AT, app_version: '0.1.0', clients: [CLIENT], invoices: [invoice()] });
    expect(backup.chain_heads).toEqual([{ invoiceId: ID, count: 5, hash: LOG[4]!.hash }]);
    expect(json.startsWith('{\n  "format": "relance-backup",\n  "version": 1,\n  "exported_at": "2026-11-22T10:00:00.000Z",\n  "app_version": "0.1.0",\n')).toBe(true);
    // One record a line.
    expect(json.split('\n').filter((line) => line.startsWith('    {') && line.includes('"prevHash":')).length).toBe(5);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(backup)));
  });

  it('stable: the same ledger in any order, with keys in any order, gives the same bytes', () => {
    const reversed = (record: object) => Object.fromEntries(Object.entries(record).reverse());
    const shuffled: LedgerSnapshot = { ...SNAPSHOT, invoices: SNAPSHOT.invoices.map(reversed) as never, events: [...LOG].reverse().map(reversed) as never, settings: reversed(SETTINGS) as never };
    expect(exportBackup(shuffled, AT, { appVersion: '0.1.0' }).json).toBe(JSON_TEXT);
  });

  it('an invoice without events gets a head of 0 events at its genesis hash', () => {
    const other = invoice({ id: 'entered:F-2', invoiceNumber: 'F-2', host: null, threadId: null, source: 'entered', proofs: [] });
    const { backup } = exportBackup({ ...SNAPSHOT, invoices: [invoice(), other] }, AT);
    expect(backup.chain_heads[0]).toEqual({ invoiceId: 'entered:F-2', count: 0, hash: genesisHash('entered:F-2') });
    expect(parseBackup(exportBackup({ ...SNAPSHOT, invoices: [invoice(), other] }, AT).json).ok).toBe(true);
  });

  it('still writes a ledger that would not restore, and says why', () => {
    const unchained = { ...SNAPSHOT, events: [...LOG, ev('2026-05-01', { kind: 'note', text: 'not chained' })] };
    const { json, problems } = exportBackup(unchained, AT);
    expect(json).toContain('not chained');
    expect(problems.map((problem) => [problem.code, problem.chain?.problem])).toEqual([['chain_break', 'missing_hash']]);
  });
});

describe('parseBackup: the happy path', () => {
  it('reads its own export back, normalised records, no warnings', () => {
    const result = parseBackup(JSON_TEXT);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.backup.invoices).toStrictEqual([invoice()]);
    expect(result.backup.events).toStrictEqual(LOG);
    expect(result.backup.app_version).toBe('0.1.0');
  });

  it('a byte-order mark (a file saved by a Windows editor) is fine', () => {
    expect(parseBackup(`\uFEFF${JSON_TEXT}`).ok).toBe(true);
  });

  it('restores templates of every tone (step.language.tone.part keys)', () => {
    const templates = { 'second_reminder.fr.friendly.body': 'Bonjour,\n\n{{invoice_label}}\n', 'first_reminder.en.subject': '{{invoice_label}}: reminder' };
    const result = parseBackup(exportBackup({ ...SNAPSHOT, templates }, AT).json);
    expect(result.ok && result.backup.templates).toEqual(templates);
  });
});

describe('parseBackup: foreign, damaged and newer files', () => {
  it('JSON syntax errors say where (line and column), and a cut-off file says so', () => {
    const broken = JSON_TEXT.replace('"version": 1,', '"version": 1');
    const [error] = errorsOf(broken);
    expect(error).toMatchObject({ code: 'json_syntax', position: { line: 4, column: 3 } });
    expect(error!.message).toMatch(/not valid JSON \(line 4, column 3: unexpected '"': ',' or '}' was expected after a property value\)/);
    const cut = errorsOf(JSON_TEXT.slice(0, 300))[0]!;
    expect(cut.code).toBe('json_syntax');
    expect(cut.message).toMatch(/cut short/);
  });

  it('empty file, a list, a number: not a backup', () => {
    expect(errorsOf('')[0]!.message).toBe('The file is empty: it is not a Relance backup.');
    expect(errorsOf('[1,2]')[0]!.message).toMatch(/^This is not a Relance backup: the file holds a list/);
    expect(errorsOf('42')[0]!.code).toBe('not_a_backup');
  });

  it('the CLI scan file is pointed to the merge import', () => {
    const scan = JSON.stringify({ format: 'relance-ledger-scan', version: 1, generated_at: AT, me: [], invoices: [] });
    const [error] = errorsOf(scan);
    expect(error!.code).toBe('scan_file');
    expect(error!.message).toMatch(/^This is not a Relance backup: it is the invoice list written by `relance scan --ledger`.*merge import/);
  });

  it('another format, or no format at all', () => {
    expect(errorsOf(JSON.stringify({ format: 'other-app', version: 1 }))[0]!.message).toBe('This is not a Relance backup: its format is "other-app", not "relance-backup".');
    expect(errorsOf(JSON.stringify({ invoices: [] }))[0]!.message).toMatch(/no "format": "relance-backup" field\. It has invoices or events/);
  });

  it('a newer version is refused before anything is read; a bad version is damage', () => {
    const newer = { ...file(), version: 3, something_new: [] };
    expect(errorsOf(JSON.stringify(newer))).toEqual([
      {
        path: 'version',
        code: 'newer_version',
        message: 'This backup was written by a newer version of Relance (backup format version 3); this version reads versions 1 to 2 only. Update Relance, then restore it. Nothing was changed.',
      },
    ]);
    for (const version of [0, '1', 1.5, null]) expect(codes(JSON.stringify({ ...file(), version }))).toEqual([['version', 'wrong_type']]);
    const { version: _v, ...without } = file();
    expect(codes(JSON.stringify(without))).toEqual([['version', 'missing']]);
  });

  it('every missing part of the file is named', () => {
    for (const key of ['exported_at', 'settings', 'templates', 'clients', 'invoices', 'events', 'chain_heads']) {
      const { [key]: _gone, ...rest } = file();
      const errors = errorsOf(JSON.stringify(rest));
      expect(errors[0], key).toMatchObject({ path: key, code: 'missing' });
      expect(errors[0]!.message).toMatch(/is missing: the file is incomplete/);
    }
  });

  it('an unknown field in the header is refused (a newer file must not be half read)', () => {
    expect(codes(JSON.stringify({ ...file(), attachments: [] }))).toEqual([['attachments', 'unknown_field']]);
  });

  it('size limits', () => {
    expect(errorsOf(' '.repeat(BACKUP_LIMITS.maxChars + 1))[0]!.code).toBe('too_large');
    const many = { ...file(), clients: Array.from({ length: BACKUP_LIMITS.maxClients + 1 }, () => ({})) };
    expect(codes(JSON.stringify(many))).toEqual([['clients', 'too_large']]);
  });
});

describe('parseBackup: records', () => {
  it('every record problem, with its path', () => {
    const data = file();
    const invoices = data.invoices as Array<Record<string, unknown>>;
    invoices[0]!.dueDate = '2026-02-30';
    invoices[0]!.amount = -5;
    (data.clients as Array<Record<string, unknown>>)[0]!.emails = ['ok@example.fr', 'not-an-email'];
    (data.settings as Record<string, unknown>).iban = 'FR76 0000';
    const errors = errorsOf(JSON.stringify(data));
    expect(errors.filter((error) => error.code !== 'chain_break').map((error) => [error.path, error.code])).toEqual([
      ['settings.iban', 'bad_format'],
      ['clients[0].emails[1]', 'not_an_email'],
      ['invoices[0].amount', 'not_an_amount'],
      ['invoices[0].dueDate', 'not_a_date'],
    ]);
    expect(errors.find((error) => error.path === 'invoices[0].dueDate')!.message).toBe('invoices[0].dueDate: must be a calendar date YYYY-MM-DD, got "2026-02-30"');
  });

  it('duplicate ids, events of unknown invoices, invoices of unknown clients, heads of unknown invoices', () => {
    const data = file();
    const invoices = data.invoices as unknown[];
    invoices.push(invoices[0]);
    (data.clients as Array<Record<string, unknown>>).push({ ...CLIENT });
    const events = data.events as Array<Record<string, unknown>>;
    events.push({ ...events[4]!, id: 1, invoiceId: 'ghost' });
    events.push({ ...events[4]!, id: 1 });
    const lone = invoice({ id: 'x', clientId: 'nobody' });
    invoices.push(lone);
    (data.chain_heads as unknown[]).push({ invoiceId: 'x', count: 0, hash: genesisHash('x') }, { invoiceId: 'phantom', count: 0, hash: genesisHash('phantom') });
    const found = codes(JSON.stringify(data));
    expect(found).toEqual(
      expect.arrayContaining([
        ['clients[1].id', 'duplicate_id'],
        ['invoices[1].id', 'duplicate_id'],
        ['invoices[2].clientId', 'unknown_client'],
        ['events[5].invoiceId', 'unknown_invoice'],
        ['events[6].id', 'duplicate_id'],
        ['chain_heads[2].invoiceId', 'unknown_invoice'],
      ]),
    );
  });

  it('templates: unknown keys and sources that do not compile', () => {
    const data = { ...file(), templates: { 'first_reminder.fr.voicemail': 'x', 'second_reminder.fr.firm.body': 'x', 'first_reminder.fr.body': 'Hello {{no_such_variable}}', 'first_reminder.en.subject': 12 } };
    const errors = errorsOf(JSON.stringify(data));
    expect(errors.map((error) => [error.path, error.code])).toEqual([
      ['templates["first_reminder.fr.voicemail"]', 'unknown_field'],
      ['templates["second_reminder.fr.firm.body"]', 'unknown_field'],
      ['templates["first_reminder.fr.body"]', 'template_error'],
      ['templates["first_reminder.en.subject"]', 'wrong_type'],
    ]);
    expect(errors[2]!.message).toMatch(/does not compile \(line 1, column 7: /);
  });

  it('an invoice record that disagrees with its logbook is a warning, not an error', () => {
    const log = chainEvents([{ ...LOG[0]!, seq: undefined, prevHash: undefined, hash: undefined, facts: { amount: 1200, dueDate: '2026-03-04' } } as LedgerEvent]);
    const text = exportBackup({ ...SNAPSHOT, invoices: [invoice({ amount: 1300 })], events: log }, AT).json;
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ path: 'invoices[0].amount', code: 'facts_mismatch', message: 'invoices[0].amount: invoice F-2026-040 says 1300, its logbook 1200 (the record was changed without a correction event)' }]);
  });
});

describe('parseBackup: altered history', () => {
  it('a changed amount names the invoice, the event and the kind of break', () => {
    const text = JSON_TEXT.replace('"amount":600,"at"', '"amount":60,"at"');
    expect(text).not.toBe(JSON_TEXT);
    const [error] = errorsOf(text);
    expect(error).toMatchObject({
      path: 'events[3]',
      code: 'chain_break',
      chain: { invoiceId: ID, invoiceNumber: 'F-2026-040', problem: 'altered', eventIndex: 3, position: 3, seq: 3, kind: 'partial_payment', day: '2026-03-25' },
    });
    expect(error!.message).toBe(
      `Altered history in invoice F-2026-040 (${ID}): an event was changed after it was recorded (events[3]). event 3 of ${ID} (partial_payment, 2026-03-25) was altered: its content no longer gives its hash.`,
    );
  });

  it('a removed event, a removed last event, a removed head, events swapped', () => {
    const without = (index: number) => {
      const data = file();
      (data.events as unknown[]).splice(index, 1);
      return JSON.stringify(data);
    };
    expect(errorsOf(without(1)).map((error) => [error.path, error.chain?.problem])).toEqual([['events[1]', 'removed']]);
    expect(errorsOf(without(4)).map((error) => [error.path, error.chain?.problem])).toEqual([['chain_heads[0]', 'truncated']]);
    const headless = { ...file(), chain_heads: [] };
    expect(errorsOf(JSON.stringify(headless)).map((error) => [error.path, error.chain?.problem])).toEqual([['events[0]', 'unexpected_chain']]);
    const swapped = file();
    const list = swapped.events as unknown[];
    [list[1], list[2]] = [list[2], list[1]];
    expect(errorsOf(JSON.stringify(swapped)).map((error) => [error.path, error.chain?.problem])).toEqual([['events[1]', 'reordered']]);
  });

  it('the storage key of an event is not evidence: changing it does not break the chain', () => {
    const data = file();
    (data.events as Array<Record<string, unknown>>)[0]!.id = 99;
    expect(parseBackup(JSON.stringify(data)).ok).toBe(true);
  });
});

describe('JSON helpers', () => {
  it('locateJsonError agrees with JSON.parse on valid text and finds the first error', () => {
    for (const text of ['{}', '[]', '"a\\u00e9"', '-0.5e+3', '{"a":[1,{"b":null}],"c":true}', ' [ 1 , 2 ] ']) {
      expect(locateJsonError(text), text).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
    expect(locateJsonError('{"a":1,}')).toMatchObject({ offset: 7 });
    expect(locateJsonError('[1 2]')).toMatchObject({ offset: 3 });
    expect(locateJsonError('{"a":"x\ny"}')).toMatchObject({ offset: 7 });
    expect(locateJsonError('{"a":01}')).toMatchObject({ offset: 6 });
    expect(locateJsonError('{"a":1}}')).toMatchObject({ offset: 7 });
    expect(locateJsonError('{"a":tru}')).toMatchObject({ offset: 5 });
    expect(locateJsonError('{"a":"\\x"}')).toMatchObject({ offset: 7 });
    expect(locateJsonError('[[[')).toMatchObject({ offset: 3, truncated: true });
    expect(locateJsonError('['.repeat(200_000))).toMatchObject({ truncated: true });
  });

  it('a text cut at any point is reported as cut short (literals, numbers, escapes, strings included)', () => {
    for (let cut = 1; cut < JSON_TEXT.length - 2; cut += 1) {
      expect(locateJsonError(JSON_TEXT.slice(0, cut)), `cut at ${cut}: ${JSON.stringify(JSON_TEXT.slice(cut - 10, cut))}`).toMatchObject({ truncated: true });
    }
    for (const text of ['{"a":nu', '{"a":tr', '[1,-', '[12.', '[1e', '[1e+', '["\\u00', '["\\', '["abc']) expect(locateJsonError(text), text).toMatchObject({ truncated: true, offset: text.length });
    // Not truncation: a wrong character before the end.
    expect(locateJsonError('[nul]')).toMatchObject({ truncated: false, offset: 1 });
    expect(locateJsonError('[1.x]')).toMatchObject({ truncated: false });
  });

  it('parseJsonText reports line and column', () => {
    expect(parseJsonText('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ ok: false, error: { line: 3, column: 3, offset: 13 } });
  });

  it('problemPath', () => {
    expect(problemPath('clients[3]', 'emails.1')).toBe('clients[3].emails[1]');
    expect(problemPath('settings', 'penalty.rateOverrides.0.period')).toBe('settings.penalty.rateOverrides[0].period');
    expect(problemPath('', 'a')).toBe('a');
    expect(problemPath('events[2]', '')).toBe('events[2]');
  });
});

// ---- properties ---------------------------------------------------------------------------------

const SEEDS = 400;
const LEDGERS = Array.from({ length: SEEDS }, (_, k) => ({ seed: k + 1, ledger: randomLedger(k + 1) }));

/** A different value of the same field: text gets a character, numbers move, booleans flip, null becomes text; lists and objects change one of their values. */
function flip(value: unknown, pick: (n: number) => number): unknown {
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (value === null) return 'x';
  if (Array.isArray(value)) {
    if (value.length === 0) return [1];
    const index = pick(value.length);
    return value.map((item, k) => (k === index ? flip(item, pick) : item));
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0) return { x: 1 };
  const key = keys[pick(keys.length)]!;
  return { ...record, [key]: flip(record[key], pick) };
}

describe(`${SEEDS} random ledgers`, () => {
  // Heavy: hundreds of whole-file parses (a few seconds).
  it('round trip: export → JSON text → parse gives the ledger back, exactly, and the same text again', { timeout: 60_000 }, () => {
    let events = 0;
    let invoices = 0;
    for (const { seed, ledger } of LEDGERS) {
      const exported = exportBackup(ledger, AT, seed % 2 ? { appVersion: `0.${seed}.0` } : {});
      expect(exported.problems, `seed ${seed}`).toEqual([]);
      // Well-formed UTF-16 (a lone surrogate is escaped), so saving as UTF-8 loses nothing.
      expect(new TextDecoder().decode(new TextEncoder().encode(exported.json)), `seed ${seed}`).toBe(exported.json);
      const result = parseBackup(exported.json);
      if (!result.ok) throw new Error(`seed ${seed}: ${result.errors.map((error) => error.message).join('\n')}`);
      const { backup } = result;
      expect(backup.settings, `seed ${seed}`).toStrictEqual(ledger.settings);
      expect(backup.templates, `seed ${seed}`).toStrictEqual(ledger.templates);
      expect(backup.clients, `seed ${seed}`).toStrictEqual(ledger.clients);
      expect(backup.invoices, `seed ${seed}`).toStrictEqual(ledger.invoices);
      expect(backup.events, `seed ${seed}`).toStrictEqual(ledger.events);
      expect(backup.chain_heads.length, `seed ${seed}`).toBe(ledger.invoices.length);
      expect(result.warnings, `seed ${seed}`).toEqual([]);
      expect(exportBackup(backup, AT, seed % 2 ? { appVersion: `0.${seed}.0` } : {}).json, `seed ${seed}`).toBe(exported.json);
      events += ledger.events.length;
      invoices += ledger.invoices.length;
    }
    // The generator produces enough to matter, of every kind.
    expect(invoices).toBeGreaterThan(SEEDS * 3);
    expect(events).toBeGreaterThan(SEEDS * 15);
    const kinds = new Set(LEDGERS.flatMap(({ ledger }) => ledger.events.map((event) => event.kind)));
    expect(kinds.size).toBe(19);
  });

  // Heavy: hundreds of whole-file parses (a few seconds).
  it('flipping any single field of an event in the file is caught by the chain check, at that event', { timeout: 60_000 }, () => {
    let checked = 0;
    for (const { seed, ledger } of LEDGERS) {
      if (ledger.events.length === 0) continue;
      let state = seed * 7919;
      const pick = (n: number): number => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
      const text = exportBackup(ledger, AT).json;
      const data = JSON.parse(text) as { events: Array<Record<string, unknown>> };
      const index = pick(data.events.length);
      // Every field of that event (the storage key `id` is not evidence: not hashed).
      for (const key of Object.keys(data.events[index]!).filter((k) => k !== 'id')) {
        const copy = JSON.parse(text) as { events: Array<Record<string, unknown>> };
        const event = copy.events[index]!;
        event[key] = flip(event[key], pick);
        const errors = errorsOf(JSON.stringify(copy));
        const caught = errors.find((error) => error.code === 'chain_break' && error.chain?.eventIndex === index);
        expect(caught, `seed ${seed}, events[${index}].${key}`).toBeDefined();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(SEEDS * 5);
  });

  // Heavy: hundreds of whole-file parses (a few seconds).
  it('a file cut anywhere is refused as cut short', { timeout: 60_000 }, () => {
    for (const { seed, ledger } of LEDGERS.slice(0, 150)) {
      const text = exportBackup(ledger, AT).json;
      const cut = 1 + ((seed * 104729) % (text.length - 3));
      const errors = errorsOf(text.slice(0, cut));
      expect(errors.map((error) => error.code), `seed ${seed} cut at ${cut}`).toEqual(['json_syntax']);
      expect(errors[0]!.message, `seed ${seed} cut at ${cut}`).toMatch(/cut short/);
    }
  });

  // Heavy: hundreds of whole-file parses (a few seconds).
  it('removing a required field of any record names it', { timeout: 60_000 }, () => {
    const REQUIRED: Record<'clients' | 'invoices' | 'events', string[]> = {
      clients: ['id', 'name', 'language', 'b2b', 'createdAt'],
      invoices: ['id', 'invoiceNumber', 'clientEmail', 'language', 'trackedAt', 'clientId', 'source'],
      events: ['invoiceId', 'kind', 'at', 'day'],
    };
    let checked = 0;
    for (const { seed, ledger } of LEDGERS.slice(0, 200)) {
      const text = exportBackup(ledger, AT).json;
      for (const list of ['clients', 'invoices', 'events'] as const) {
        const records = ledger[list];
        if (records.length === 0) continue;
        const index = seed % records.length;
        const field = REQUIRED[list][seed % REQUIRED[list].length]!;
        const data = JSON.parse(text) as Record<string, Array<Record<string, unknown>>>;
        delete data[list]![index]![field];
        const errors = errorsOf(JSON.stringify(data));
        expect(
          errors.some((error) => error.path === `${list}[${index}].${field}` && (error.code === 'missing' || (field === 'kind' && error.code === 'unknown_value'))),
          `seed ${seed}: ${list}[${index}].${field} in ${JSON.stringify(errors.map((e) => e.path))}`,
        ).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('a version changed to a newer one, or to nonsense, is refused whatever the ledger', () => {
    for (const { seed, ledger } of LEDGERS.slice(0, 50)) {
      const data = JSON.parse(exportBackup(ledger, AT).json) as Record<string, unknown>;
      expect(codes(JSON.stringify({ ...data, version: 2 + (seed % 5) + 1 })), `seed ${seed}`).toEqual([['version', 'newer_version']]);
      expect(codes(JSON.stringify({ ...data, version: String(seed) })), `seed ${seed}`).toEqual([['version', 'wrong_type']]);
    }
  });

  it('readBackup reads an already parsed object the same way', () => {
    const { ledger } = LEDGERS[3]!;
    const { json } = exportBackup(ledger, AT);
    expect(readBackup(JSON.parse(json))).toEqual(parseBackup(json));
  });
});
