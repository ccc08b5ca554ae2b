import { describe, expect, it, vi } from 'vitest';
import { dashboardPortOver, type SendDashboard } from './dashboard-port-over';

describe('dashboardPortOver: the dashboard port over any transport', () => {
  it('loads an account’s view and opens a thread through the host’s requests; a refusal rejects with its error', async () => {
    const sent: unknown[] = [];
    const send = (async (message: { type: string }) => {
      sent.push(message);
      if (message.type === 'dashboard/open-thread') return { ok: false, error: 'this invoice has no message to open here' };
      return { ok: true, value: { today: '2026-11-20' } };
    }) as SendDashboard;
    const port = dashboardPortOver({ send, language: 'en', onLedgerChange: () => () => undefined });
    expect(port.language).toBe('en');
    expect(port.mailApp).toBeUndefined();
    await expect(port.load('alex@northwind-studio.co.uk')).resolves.toEqual({ today: '2026-11-20' });
    await expect(port.openThread('inv-1')).rejects.toThrow('no message to open here');
    expect(sent).toEqual([
      { type: 'dashboard/load', account: 'alex@northwind-studio.co.uk' },
      { type: 'dashboard/open-thread', invoiceId: 'inv-1' },
    ]);
  });

  it('names the host’s mail program', () => {
    const port = dashboardPortOver({ send: (async () => null) as unknown as SendDashboard, language: 'fr', mailApp: 'Outlook', onLedgerChange: () => () => undefined });
    expect(port.mailApp).toBe('Outlook');
  });

  it('hears of ledger changes through the host, and unsubscribes through it', () => {
    const unsubscribe = vi.fn();
    let heard: (() => void) | null = null;
    const port = dashboardPortOver({ send: (async () => null) as unknown as SendDashboard, language: 'fr', onLedgerChange: (onChange) => ((heard = onChange), unsubscribe) });
    const onChange = vi.fn();
    const stop = port.subscribe(onChange);
    heard!();
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
