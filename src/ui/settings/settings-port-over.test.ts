import { describe, expect, it, vi } from 'vitest';
import { SETTINGS } from '../../core/ledger/ledger.test-support';
import { settingsPortOver, type SendRequest, type SettingsHost } from './settings-port-over';

/** A host whose transport answers each request type with a scripted reply, and records what it was sent. */
function host(replies: Record<string, unknown>): SettingsHost & { sent: Array<{ type: string }> } {
  const sent: Array<{ type: string }> = [];
  const send = (async (message: { type: string }) => {
    sent.push(message);
    if (!(message.type in replies)) throw new Error(`nobody answered ${message.type}`);
    return replies[message.type];
  }) as SendRequest;
  return { sent, send, browserLocale: 'fr-FR', today: async () => '2026-11-20', persistence: vi.fn(async () => 'granted' as const), download: vi.fn(), openTab: vi.fn() };
}

describe('settingsPortOver: the settings port over any transport', () => {
  it('gives a reply’s value, and rejects with a refused request’s error', async () => {
    const port = settingsPortOver(host({ 'settings/get': { ok: true, value: SETTINGS }, 'templates/get': { ok: false, error: 'the ledger is locked' } }));
    await expect(port.getSettings()).resolves.toEqual(SETTINGS);
    await expect(port.getTemplates()).rejects.toThrow('the ledger is locked');
  });

  it('resolves a save the ledger refused with its problems, and rejects any other failure', async () => {
    const problems = [{ path: 'company.siret', code: 'siret_checksum', message: 'bad' }];
    const refused = settingsPortOver(host({ 'settings/save': { ok: false, error: 'invalid', code: 'invalid', problems } }));
    await expect(refused.saveSettings(SETTINGS)).resolves.toEqual({ ok: false, problems });
    const broken = settingsPortOver(host({ 'settings/save': { ok: false, error: 'disk full' } }));
    await expect(broken.saveSettings(SETTINGS)).rejects.toThrow('disk full');
    const fine = host({ 'settings/save': { ok: true, value: SETTINGS } });
    await expect(settingsPortOver(fine).saveSettings(SETTINGS)).resolves.toEqual({ ok: true, value: SETTINGS });
    expect(fine.sent).toEqual([{ type: 'settings/save', settings: SETTINGS }]);
  });

  it('sends the scan merge as is', async () => {
    const transport = host({ 'backup/merge-scan': { ok: false, error: 'not a scan', code: 'invalid_file' } });
    const port = settingsPortOver(transport);
    await expect(port.mergeScan('{}', true, true)).resolves.toEqual({ ok: false, error: 'not a scan', code: 'invalid_file' });
    expect(transport.sent).toEqual([{ type: 'backup/merge-scan', text: '{}', acceptUpdates: true, dryRun: true }]);
  });

  it('restores a file through the same transport: begin, the chunks, the user’s yes, the commit', async () => {
    const counts = { clients: 1, invoices: 2, events: 3, templates: 0 };
    const result = { replaced: true, counts, exportedAt: '2026-11-20T09:00:00.000Z', appVersion: '0.3.0', warnings: [] };
    const checked = { counts, exportedAt: result.exportedAt, appVersion: result.appVersion, warnings: [], version: 2 };
    const transport = host({
      'backup/import-begin': { ok: true, value: { restoreId: 'r1' } },
      'backup/import-chunk': { ok: true, value: { read: { chars: 2, lines: 1, clients: 1, invoices: 2, events: 3 }, checked } },
      'backup/import-commit': { ok: true, value: result },
    });
    const ask = vi.fn(async () => true);
    await expect(settingsPortOver(transport).restoreFile(new Blob(['{}']), ask)).resolves.toEqual({ ok: true, result });
    expect(ask).toHaveBeenCalledWith(checked);
    expect(transport.sent).toEqual([
      { type: 'backup/import-begin' },
      { type: 'backup/import-chunk', restoreId: 'r1', index: 0, text: '{}', last: true },
      { type: 'backup/import-commit', restoreId: 'r1' },
    ]);
  });

  it('downloads a backup through the same transport: begin, the pieces, one file', async () => {
    const counts = { clients: 0, invoices: 0, events: 0, templates: 0 };
    const transport = host({
      'backup/export-begin': { ok: true, value: { exportId: 'e1', fileName: 'relance-backup-2026-11-20.jsonl', exportedAt: '2026-11-20T09:00:00.000Z', lines: 'S\nT\n', totalInvoices: 0 } },
      'backup/export-chunk': { ok: true, value: { clients: '', records: '', sent: { clients: 0, invoices: 0, events: 0 }, done: { header: 'H\n', end: 'E\n', counts } } },
    });
    const outcome = await settingsPortOver(transport).downloadBackup();
    if (!outcome.ok) throw new Error('the download failed');
    expect(await outcome.file.text()).toBe('H\nS\nT\nE\n');
    expect(outcome).toMatchObject({ fileName: 'relance-backup-2026-11-20.jsonl', counts });
    expect(transport.sent).toEqual([{ type: 'backup/export-begin' }, { type: 'backup/export-chunk', exportId: 'e1', index: 0 }]);
  });

  it('leaves the host bits to the host', async () => {
    const transport = host({});
    const port = settingsPortOver(transport);
    expect(port.browserLocale).toBe('fr-FR');
    await expect(port.today()).resolves.toBe('2026-11-20');
    await expect(port.persistence()).resolves.toBe('granted');
    port.download('a.csv', 'x', 'text/csv');
    port.openTab('https://example.org/');
    expect(transport.download).toHaveBeenCalledWith('a.csv', 'x', 'text/csv');
    expect(transport.openTab).toHaveBeenCalledWith('https://example.org/');
    expect(transport.sent).toEqual([]);
  });
});
