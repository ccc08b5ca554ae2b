import { describe, expect, it } from 'vitest';
import { exportBackup, type BackupProblem, type LedgerSnapshot } from './backup';
import { BackupStreamReader, readBackupText, type BackupBatch } from './backup-stream';
import { backupLines, exportBackupV2 } from './backup-v2';
import { chainEvents, chainsVerified } from './hash-chain';
import { CLIENT, SETTINGS, events, invoice, randomLedger } from './ledger.test-support';

const AT = '2026-11-22T10:00:00.000Z';
const ID = invoice().id;
const ev = events(ID);
const LOG = chainEvents([
  ev('2026-02-02', { kind: 'tracked' }),
  ev('2026-03-11', { kind: 'reminder_sent', step: 'first_reminder', messageId: '<r1@atelier-martin.fr>' }),
  ev('2026-03-16', { kind: 'note', text: 'Appelé : « réglera fin de mois » — 💶' }),
  ev('2026-03-25', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-25' }),
  ev('2026-04-10', { kind: 'payment', paidOn: '2026-04-10' }),
]);
const OTHER = invoice({ id: `${ID}-2`, invoiceNumber: 'F-2026-041' });
const SNAPSHOT: LedgerSnapshot = { settings: SETTINGS, templates: {}, clients: [CLIENT], invoices: [invoice(), OTHER], events: LOG };
const TEXT = exportBackupV2(SNAPSHOT, AT, { appVersion: '0.2.0' }).text;

const errorsOf = (text: string): BackupProblem[] => {
  const { verdict } = readBackupText(text);
  return verdict.ok ? [] : verdict.errors;
};
const flat = (batch: BackupBatch) => ({ settings: batch.settings, templates: batch.templates, clients: batch.clients, invoices: batch.groups.map((g) => g.invoice), events: batch.groups.flatMap((g) => g.events) });

describe('backup version 2: the lines', () => {
  it('header, settings, templates, clients, then each invoice with its head followed by its events, then the end line', () => {
    const lines = TEXT.trimEnd().split('\n');
    expect(lines[0]).toBe('{"format":"relance-backup","version":2,"exported_at":"2026-11-22T10:00:00.000Z","app_version":"0.2.0","counts":{"clients":1,"invoices":2,"events":5,"templates":0}}');
    expect(lines.map((line) => Object.keys(JSON.parse(line) as object).join('+'))).toEqual(['format+version+exported_at+app_version+counts', 'settings', 'templates', 'client', 'head+invoice', 'event', 'event', 'event', 'event', 'event', 'head+invoice', 'end']);
    expect(lines[11]).toBe('{"end":{"clients":1,"invoices":2,"events":5}}');
    expect(JSON.parse(lines[4]!)).toMatchObject({ head: { count: 5, hash: LOG[4]!.hash } });
  });

  it('reads back exactly, whatever the chunk size, as text or as UTF-8 bytes cut inside a character', () => {
    const expected = { settings: SETTINGS, templates: {}, clients: [CLIENT], invoices: [invoice(), OTHER], events: LOG };
    for (const size of [1, 2, 3, 7, 64, 1000, TEXT.length]) {
      const { verdict, batch } = readBackupText(TEXT, size);
      expect(verdict.ok ? verdict.summary : verdict.errors, `chunks of ${size}`).toMatchObject({ version: 2, exportedAt: AT, appVersion: '0.2.0', counts: { clients: 1, invoices: 2, events: 5, templates: 0 } });
      expect(flat(batch)).toStrictEqual(expected);
    }
    const bytes = new TextEncoder().encode(TEXT);
    for (const size of [1, 5, 333]) {
      const reader = new BackupStreamReader();
      const batches: BackupBatch[] = [];
      for (let at = 0; at < bytes.length; at += size) {
        reader.push(bytes.subarray(at, at + size));
        batches.push(reader.take());
      }
      expect(reader.end().ok).toBe(true);
      batches.push(reader.take());
      const events = batches.flatMap((batch) => batch.groups.flatMap((group) => group.events));
      expect(events, `bytes by ${size}`).toStrictEqual(LOG);
      // Each group's chain was verified: the store does not hash it again.
      expect(batches.flatMap((batch) => batch.groups).every((group) => chainsVerified(group.events))).toBe(true);
    }
  });

  it('gives records as soon as each invoice ends (bounded memory), not only at the end', () => {
    const reader = new BackupStreamReader();
    const lines = TEXT.split('\n');
    reader.push(`${lines.slice(0, 11).join('\n')}\n`);
    const first = reader.take();
    expect(first.clients).toEqual([CLIENT]);
    expect(first.groups.map((group) => group.invoice.id)).toEqual([ID]);
    reader.push(lines.slice(11).join('\n'));
    expect(reader.end().ok).toBe(true);
    expect(reader.take().groups.map((group) => group.invoice.id)).toEqual([OTHER.id]);
  });

  it('reads CRLF line ends and a byte-order mark (a file saved again by an editor)', () => {
    const { verdict, batch } = readBackupText(`\uFEFF${TEXT.replace(/\n/g, '\r\n')}`, 10);
    expect(verdict.ok).toBe(true);
    expect(flat(batch).events).toStrictEqual(LOG);
  });

  it('a file cut short is refused, whatever line it stops on, and gives nothing to stage', () => {
    const lines = TEXT.trimEnd().split('\n');
    for (let keep = 1; keep < lines.length; keep += 1) {
      const { verdict, batch } = readBackupText(`${lines.slice(0, keep).join('\n')}\n`);
      expect(verdict.ok, `${keep} lines`).toBe(false);
      if (!verdict.ok) expect(verdict.errors.map((error) => error.code), `${keep} lines`).toContain('truncated');
      expect(batch.groups).toEqual([]);
    }
    expect(errorsOf(TEXT.slice(0, TEXT.length - 20))[0]).toMatchObject({ code: 'json_syntax', line: 12 });
  });

  it('a tampered event: the chain error names the invoice, the event, its line, kind and day', () => {
    const tampered = TEXT.replace('"amount":600', '"amount":60');
    const errors = errorsOf(tampered);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'chain_break', path: 'events[3]', line: 9, chain: { invoiceId: ID, invoiceNumber: 'F-2026-040', problem: 'altered', position: 3, kind: 'partial_payment', day: '2026-03-25' } });
    expect(errors[0]!.message).toBe(`line 9: Altered history in invoice F-2026-040 (${ID}): an event was changed after it was recorded (events[3]). event 3 of the chain (partial_payment, 2026-03-25): its content no longer gives its hash.`);
  });

  it('a removed event, a removed last event, moved events: each chain break is found', () => {
    const lines = TEXT.split('\n');
    const without = (index: number) => lines.filter((_, k) => k !== index).join('\n');
    expect(errorsOf(without(6)).map((error) => [error.code, error.chain?.problem])).toContainEqual(['chain_break', 'removed']);
    expect(errorsOf(without(9))[0]).toMatchObject({ code: 'chain_break', path: 'invoices[0].head', chain: { problem: 'truncated' } });
    const swapped = [...lines];
    [swapped[6], swapped[7]] = [swapped[7]!, swapped[6]!];
    expect(errorsOf(swapped.join('\n'))[0]?.chain?.problem).toBe('reordered');
    // Every count is checked against the end line too: an event removed with its head rewritten still changes the counts.
    expect(errorsOf(without(9)).some((error) => error.path === 'end.events')).toBe(true);
  });

  it('records are checked as in version 1, with the line and the path', () => {
    const bad = TEXT.replace('"dueDate":"2026-03-04"', '"dueDate":"2026-13-04"');
    expect(bad).not.toBe(TEXT);
    expect(errorsOf(bad)[0]).toMatchObject({ path: 'invoices[0].dueDate', line: 5 });
    expect(errorsOf(bad)[0]!.message).toMatch(/^line 5: invoices\[0\]\.dueDate: /);
    const lines = TEXT.split('\n');
    const twice = [...lines.slice(0, 4), lines[3]!, ...lines.slice(4)].join('\n');
    expect(errorsOf(twice).map((error) => [error.path, error.code])).toContainEqual(['clients[1].id', 'duplicate_id']);
    const stranger = TEXT.replace(`"clientId":"${CLIENT.id}"`, '"clientId":"nobody"');
    expect(errorsOf(stranger).map((error) => error.code)).toContain('unknown_client');
    expect(errorsOf(`${lines[0]}\n{"nonsense":1}\n`)[0]).toMatchObject({ code: 'unknown_field', line: 2 });
    const eventFirst = [...lines.slice(0, 4), lines[5]!, ...lines.slice(4)].join('\n');
    expect(errorsOf(eventFirst)[0]).toMatchObject({ code: 'out_of_order', line: 5 });
  });

  it('a foreign file, the scan file, a newer version, an empty file are refused on their first line', () => {
    expect(errorsOf('{"format":"other-app","version":2,"counts":{}}\n{}\n')[0]!.message).toBe('This is not a Relance backup: its format is "other-app", not "relance-backup".');
    expect(errorsOf('{"format":"relance-ledger-scan","version":1}\n')[0]!.code).toBe('scan_file');
    expect(errorsOf(TEXT.replace('"version":2', '"version":3'))[0]).toMatchObject({ code: 'newer_version' });
    expect(errorsOf('')[0]!.code).toBe('json_syntax');
    expect(errorsOf('col1,col2\n1,2\n')[0]!.code).toBe('json_syntax');
    expect(errorsOf('\u0000\u0001 binary')[0]!.code).toBe('json_syntax');
  });

  it('bytes that are not UTF-8 are refused', () => {
    const reader = new BackupStreamReader();
    reader.push(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]));
    const verdict = reader.end();
    expect(verdict.ok ? [] : verdict.errors.map((error) => error.code)).toEqual(['json_syntax']);
  });

  it('version 1 files still restore through the same reader, in chunks', () => {
    const v1 = exportBackup(SNAPSHOT, AT, { appVersion: '0.1.0' }).json;
    const { verdict, batch } = readBackupText(v1, 17);
    expect(verdict.ok ? verdict.summary : verdict.errors).toMatchObject({ version: 1, counts: { clients: 1, invoices: 2, events: 5 } });
    expect(flat(batch)).toStrictEqual({ settings: SETTINGS, templates: {}, clients: [CLIENT], invoices: [invoice(), OTHER], events: LOG });
    expect(errorsOf(v1.replace('"amount":600', '"amount":60'))[0]).toMatchObject({ code: 'chain_break', chain: { problem: 'altered' } });
    expect(readBackupText(JSON.stringify(JSON.parse(v1))).verdict.ok).toBe(true);
  });
});

const SEEDS = 150;

describe(`${SEEDS} random ledgers, version 2`, () => {
  it('round trip: lines → chunked reader gives the ledger back exactly, and the same lines again', { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const ledger = randomLedger(seed);
      const text = exportBackupV2(ledger, AT, seed % 2 ? { appVersion: `0.${seed}.0` } : {}).text;
      const { verdict, batch } = readBackupText(text, 1 + ((seed * 7919) % 4096));
      if (!verdict.ok) throw new Error(`seed ${seed}: ${verdict.errors.map((error) => error.message).join('\n')}`);
      expect(verdict.summary.warnings, `seed ${seed}`).toEqual([]);
      const read = flat(batch);
      expect(read.settings, `seed ${seed}`).toStrictEqual(ledger.settings);
      expect(read.templates, `seed ${seed}`).toStrictEqual(ledger.templates);
      expect(read.clients, `seed ${seed}`).toStrictEqual(ledger.clients);
      expect(read.invoices, `seed ${seed}`).toStrictEqual(ledger.invoices);
      expect(read.events, `seed ${seed}`).toStrictEqual(ledger.events);
      const again = [...backupLines({ ...ledger, ...read, settings: read.settings!, templates: read.templates! }, AT, seed % 2 ? { appVersion: `0.${seed}.0` } : {})].join('\n');
      expect(`${again}\n`, `seed ${seed}`).toBe(text);
    }
  });

  it('flipping any one event line is caught at that event', { timeout: 60_000 }, () => {
    let checked = 0;
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const ledger = randomLedger(seed);
      if (ledger.events.length === 0) continue;
      const lines = exportBackupV2(ledger, AT).text.split('\n');
      const eventLines = lines.flatMap((line, k) => (line.startsWith('{"event":') ? [k] : []));
      const k = eventLines[seed % eventLines.length]!;
      const record = JSON.parse(lines[k]!) as { event: Record<string, unknown> };
      record.event.day = record.event.day === '2001-01-01' ? '2001-01-02' : '2001-01-01';
      lines[k] = JSON.stringify(record);
      const errors = errorsOf(lines.join('\n'));
      expect(errors.find((error) => error.code === 'chain_break')?.line, `seed ${seed}`).toBe(k + 1);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(SEEDS / 2);
  });
});
