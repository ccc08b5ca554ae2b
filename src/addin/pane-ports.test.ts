import { describe, expect, it, vi } from 'vitest';
import { SETTINGS, invoice } from '../core/ledger/ledger.test-support';
import type { LedgerInvoice } from '../core/ledger';
import { paneDashboardPort, paneLanguage, paneSettingsPort, type PaneHost } from './pane-ports';

const GMAIL = invoice();
const OUTLOOK: LedgerInvoice = invoice({ id: 'outlook:camille:conv:F-2026-032', invoiceNumber: 'F-2026-032', host: 'outlook', messageId: 'AAMk-reply', proofs: [{ host: 'outlook', account: 'camille@atelier-durand.fr', threadId: 'conv', messageId: 'AAMk-reply' }] });

const row = (invoiceId: string) => ({ invoiceId, hasThread: true });

function paneHost(replies: Record<string, unknown> = {}): PaneHost & { openMessage: ReturnType<typeof vi.fn<(itemId: string) => void>> } {
  const byId = new Map([GMAIL, OUTLOOK].map((stored) => [stored.id, stored]));
  return {
    worker: {
      send: async (message) => {
        const { type } = message as { type: string };
        if (type === 'dashboard/load') return { ok: true, value: { todayItems: [row(GMAIL.id), row(OUTLOOK.id)], receivables: [row(GMAIL.id), row(OUTLOOK.id), row('gone')] } };
        if (type in replies) return replies[type];
        throw new Error(`Relance does not handle ${type}`);
      },
      onLedgerChange: () => () => undefined,
    },
    ledger: {
      get: async (id: string) => (byId.has(id) ? ({ invoice: byId.get(id)!, events: [] } as never) : null),
      openSummaries: async () => [GMAIL, OUTLOOK].map((stored) => ({ invoice: stored, summary: {} as never })),
    },
    openMessage: vi.fn<(itemId: string) => void>(),
    officeLocale: 'fr-FR',
    today: async () => '2026-11-20',
  };
}

describe('the dashboard in the task pane', () => {
  it('offers to open only the invoices read in Outlook (a Gmail thread cannot open here)', async () => {
    const view = await paneDashboardPort(paneHost(), 'fr').load(null);
    expect(view.todayItems.map((item) => [item.invoiceId, item.hasThread])).toEqual([
      [GMAIL.id, false],
      [OUTLOOK.id, true],
    ]);
    expect(view.receivables.map((item) => item.hasThread)).toEqual([false, true, false]);
  });

  it('opens the Outlook message an invoice was read from, and says why not for one read in Gmail', async () => {
    const host = paneHost();
    const port = paneDashboardPort(host, 'fr');
    await port.openThread(OUTLOOK.id);
    expect(host.openMessage).toHaveBeenCalledWith('AAMk-reply');
    await expect(port.openThread(GMAIL.id)).rejects.toThrow('cette facture n’a pas été lue dans Outlook : ouvrez-la dans Gmail');
    await expect(paneDashboardPort(host, 'en').openThread('gone')).rejects.toThrow('unknown invoice');
    expect(host.openMessage).toHaveBeenCalledTimes(1);
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

  it('starts in the settings’ language, else Outlook’s when the ledger cannot say', async () => {
    await expect(paneLanguage(paneHost({ 'settings/get': { ok: true, value: { ...SETTINGS, interfaceLanguage: 'en' } } }))).resolves.toBe('en');
    await expect(paneLanguage(paneHost())).resolves.toBe('fr');
  });
});
