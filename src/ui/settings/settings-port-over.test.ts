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

  it('sends the scan merge as is, and restores a file through the same transport', async () => {
    const transport = host({ 'backup/merge-scan': { ok: false, error: 'not a scan', code: 'invalid_file' }, 'backup/import-begin': { ok: false, error: 'busy' } });
    const port = settingsPortOver(transport);
    await expect(port.mergeScan('{}', true, true)).resolves.toEqual({ ok: false, error: 'not a scan', code: 'invalid_file' });
    expect(transport.sent[0]).toEqual({ type: 'backup/merge-scan', text: '{}', acceptUpdates: true, dryRun: true });
    await port.restoreFile(new Blob(['{}']), async () => true).catch(() => undefined);
    expect(transport.sent.map((message) => message.type)).toContain('backup/import-begin');
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
