import { describe, expect, it, vi } from 'vitest';
import { dashboardPortOver, type AskDashboard } from './dashboard-port-over';

describe('dashboardPortOver: the dashboard port over any transport', () => {
  it('loads an account’s view and opens a thread through the host’s requests', async () => {
    const asked: unknown[] = [];
    const ask = (async (message: { type: string }) => {
      asked.push(message);
      if (message.type === 'dashboard/open-thread') throw new Error('this invoice has no Gmail thread');
      return { today: '2026-11-20' };
    }) as AskDashboard;
    const port = dashboardPortOver({ ask, language: 'en', onLedgerChange: () => () => undefined });
    expect(port.language).toBe('en');
    await expect(port.load('alex@northwind-studio.co.uk')).resolves.toEqual({ today: '2026-11-20' });
    await expect(port.openThread('inv-1')).rejects.toThrow('no Gmail thread');
    expect(asked).toEqual([
      { type: 'dashboard/load', account: 'alex@northwind-studio.co.uk' },
      { type: 'dashboard/open-thread', invoiceId: 'inv-1' },
    ]);
  });

  it('hears of ledger changes through the host, and unsubscribes through it', () => {
    const unsubscribe = vi.fn();
    let heard: (() => void) | null = null;
    const port = dashboardPortOver({ ask: (async () => null) as unknown as AskDashboard, language: 'fr', onLedgerChange: (onChange) => ((heard = onChange), unsubscribe) });
    const onChange = vi.fn();
    const stop = port.subscribe(onChange);
    heard!();
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
