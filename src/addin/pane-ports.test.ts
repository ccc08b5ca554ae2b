import { describe, expect, it, vi } from 'vitest';
import { SETTINGS } from '../core/ledger/ledger.test-support';
import { paneDashboardPort, paneSettingsPort, type PaneHost } from './pane-ports';

function paneHost(replies: Record<string, unknown> = {}): PaneHost & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    worker: {
      send: async (message) => {
        sent.push(message);
        const { type } = message as { type: string };
        if (type in replies) return replies[type];
        throw new Error(`Relance does not handle ${type}`);
      },
      onLedgerChange: () => () => undefined,
    },
    officeLocale: 'fr-FR',
    today: async () => '2026-11-20',
  };
}

describe('the dashboard in the task pane', () => {
  it('names Outlook, and asks the pane’s worker (which opens invoices in Outlook: office-worker.test.ts)', async () => {
    const host = paneHost({ 'dashboard/load': { ok: true, value: { today: '2026-11-20' } }, 'dashboard/open-thread': { ok: false, error: 'this invoice has no message to open here' } });
    const port = paneDashboardPort(host, 'fr');
    expect(port.mailApp).toBe('Outlook');
    expect(port.language).toBe('fr');
    await expect(port.load(null)).resolves.toEqual({ today: '2026-11-20' });
    await expect(port.openThread('inv-1')).rejects.toThrow('no message to open here');
    expect(host.sent).toEqual([
      { type: 'dashboard/load', account: null },
      { type: 'dashboard/open-thread', invoiceId: 'inv-1' },
    ]);
  });
});

describe('the settings in the task pane', () => {
  it('tells the pane the interface language after a save, by the saved settings then Outlook’s language', async () => {
    const saved = { ...SETTINGS, interfaceLanguage: 'en' as const };
    const onLanguage = vi.fn();
    const port = paneSettingsPort(paneHost({ 'settings/save': { ok: true, value: saved } }), onLanguage);
    await expect(port.saveSettings(saved)).resolves.toEqual({ ok: true, value: saved });
    expect(onLanguage).toHaveBeenCalledWith('en');
    const automatic = paneSettingsPort(paneHost({ 'settings/save': { ok: true, value: { ...SETTINGS, interfaceLanguage: 'auto' } } }), onLanguage);
    await automatic.saveSettings(SETTINGS);
    expect(onLanguage).toHaveBeenLastCalledWith('fr');
  });

  it('does not switch on a refused save', async () => {
    const onLanguage = vi.fn();
    const port = paneSettingsPort(paneHost({ 'settings/save': { ok: false, error: 'invalid', code: 'invalid', problems: [] } }), onLanguage);
    await expect(port.saveSettings(SETTINGS)).resolves.toEqual({ ok: false, problems: [] });
    expect(onLanguage).not.toHaveBeenCalled();
  });
});
