/**
 * The dashboard's requests: parsed before use, and answered from the store (fake-indexeddb) for one
 * account or all; today's items and their urgency (the badge's colour rule), and the thread opener
 * given the invoice's own account.
 */
import { describe, expect, it, vi } from 'vitest';
import { ledgerInvoiceFromV1 } from '../core/ledger';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { openDatabase, sampleTrackedInvoice } from '../adapters/storage/storage.test-support';
import { handleDashboardRequest, isDashboardRequest, parseDashboardRequest, type DashboardDeps } from './dashboard-requests';
import { gmailInvoiceOpener } from './invoice-opener';
import { todayAttention } from './today-attention';

const CAMILLE = 'camille@atelier-durand.fr';
const ALEX = 'alex@northwind-studio.co.uk';
const TODAY = '2026-11-20';

async function ledgerWithTwoAccounts(): Promise<LedgerStore> {
  const ledger = new LedgerStore(openDatabase());
  const when = { at: '2026-11-01T08:00:00.000Z', day: '2026-11-01' };
  // Camille: due today (EUR), and 40 days past due (EUR). Alex: due in 14 days (GBP).
  await ledger.track(ledgerInvoiceFromV1(sampleTrackedInvoice({ id: 'gmail:c:t1:F-1', threadId: '19a0000000000001', invoiceNumber: 'F-1', dueDate: TODAY, amount: 960, clientEmail: 'a@nomade.fr', clientName: 'Atelier Nomade' })), when);
  await ledger.track(
    ledgerInvoiceFromV1(sampleTrackedInvoice({ id: 'gmail:c:t2:F-2', threadId: '19a0000000000002', invoiceNumber: 'F-2', issueDate: '2026-09-01', dueDate: '2026-10-11', amount: 1850, clientEmail: 's@lambert.fr', clientName: 'Sophie Lambert' })),
    when,
  );
  await ledger.track(
    ledgerInvoiceFromV1(sampleTrackedInvoice({ id: 'gmail:a:t3:INV-1', account: ALEX, threadId: '19a0000000000003', invoiceNumber: 'INV-1', issueDate: '2026-11-06', dueDate: '2026-12-04', amount: 3200, currency: 'GBP', clientEmail: 'p@shah.co.uk', clientName: 'Priya Shah', language: 'en' })),
    when,
  );
  return ledger;
}

function deps(ledger: LedgerStore): DashboardDeps & { openGmailThread: ReturnType<typeof vi.fn> } {
  const openGmailThread = vi.fn(async () => undefined);
  return { ledger, today: async () => TODAY, invoiceOpener: gmailInvoiceOpener(openGmailThread), openGmailThread };
}

const gmailThreads = gmailInvoiceOpener(async () => undefined).canOpen;

describe('parseDashboardRequest', () => {
  it('accepts the two requests, an account as a lower-cased address or null', () => {
    expect(isDashboardRequest({ type: 'dashboard/load' })).toBe(true);
    expect(isDashboardRequest({ type: 'invoice/log' })).toBe(false);
    expect(parseDashboardRequest({ type: 'dashboard/load', account: null })).toEqual({ ok: true, value: { type: 'dashboard/load', account: null } });
    expect(parseDashboardRequest({ type: 'dashboard/load', account: ' Alex@Northwind-Studio.co.uk ' })).toEqual({ ok: true, value: { type: 'dashboard/load', account: ALEX } });
    expect(parseDashboardRequest({ type: 'dashboard/open-thread', invoiceId: 'x' })).toEqual({ ok: true, value: { type: 'dashboard/open-thread', invoiceId: 'x' } });
  });

  it('refuses anything else with a clear error', () => {
    expect(parseDashboardRequest({ type: 'dashboard/load', account: 'not an address' })).toEqual({ ok: false, error: 'account: expected an email address or null' });
    expect(parseDashboardRequest({ type: 'dashboard/load', account: 'x'.repeat(400) }).ok).toBe(false);
    expect(parseDashboardRequest({ type: 'dashboard/open-thread', invoiceId: '  ' }).ok).toBe(false);
    expect(parseDashboardRequest({ type: 'dashboard/open-thread' }).ok).toBe(false);
    expect(parseDashboardRequest('dashboard/load').ok).toBe(false);
  });
});

describe('dashboard/load', () => {
  it('shows every account, or one, from the summaries', async () => {
    const ledger = await ledgerWithTwoAccounts();
    const all = await handleDashboardRequest({ type: 'dashboard/load', account: null }, deps(ledger));
    if (!all.ok || !('receivables' in all.value)) throw new Error('expected a view');
    expect(all.value.accounts).toEqual([ALEX, CAMILLE]);
    expect(all.value.receivables.map((row) => [row.invoiceNumber, row.status, row.daysPastDue]).sort()).toEqual([
      ['F-1', 'due_today', 0],
      ['F-2', 'overdue', 40],
      ['INV-1', 'not_due', -14],
    ]);
    expect(all.value.outstanding.byCurrency).toEqual([
      { currency: 'EUR', amount: 2810, count: 2 },
      { currency: 'GBP', amount: 3200, count: 1 },
    ]);
    expect(all.value.aging.rows.find((row) => row.currency === 'EUR')?.buckets['31_60']).toEqual({ amount: 1850, count: 1 });
    expect(all.value.clients[0]).toMatchObject({ name: 'Sophie Lambert', oldestOpenDaysPastDue: 40 });
    expect(all.value.alerts).toEqual({ notifyAt: '09:00', badgeAccount: null });

    const alex = await handleDashboardRequest({ type: 'dashboard/load', account: ALEX }, deps(ledger));
    if (!alex.ok || !('receivables' in alex.value)) throw new Error('expected a view');
    expect(alex.value.receivables.map((row) => row.invoiceNumber)).toEqual(['INV-1']);
    expect(alex.value.todayItems).toEqual([]);
    expect(alex.value.urgency).toBe('none');
    expect(alex.value.outstanding.byCurrency.map((total) => total.currency)).toEqual(['GBP']);
    // The DSO's sales are the account's too: INV-1 issued in the window.
    expect(alex.value.dso.rows).toEqual([{ currency: 'GBP', receivables: 3200, sales: 3200, dso: 90 }]);
  });

  it('puts today first with the urgency of what is due (the badge colour rule)', async () => {
    const ledger = await ledgerWithTwoAccounts();
    const camille = await todayAttention(ledger, TODAY, CAMILLE, gmailThreads);
    const byNumber = Object.fromEntries(camille.items.map((item) => [item.invoiceNumber, item]));
    expect(byNumber['F-1']).toMatchObject({ category: 'due_today', urgent: false, account: CAMILLE, hasThread: true });
    // 40 days past due and something to do today: seriously late.
    expect(byNumber['F-2']).toMatchObject({ urgent: true, daysPastDue: 40 });
    expect(camille.urgency).toBe('urgent');
    const onlyDueToday = await todayAttention(ledger, '2026-12-04', ALEX, gmailThreads);
    expect(onlyDueToday.items.map((item) => [item.invoiceNumber, item.category])).toEqual([['INV-1', 'due_today']]);
    expect(onlyDueToday.urgency).toBe('due');
  });

  it('keeps an invoice whose client override does not combine with the settings, as the badge index does', async () => {
    const ledger = await ledgerWithTwoAccounts();
    const client = (await ledger.clientByEmail('a@nomade.fr'))!;
    // A first reminder 40 days after the due date, after the user's second one (day 15): valid alone,
    // refused by the ladder once combined with the user's settings, which are then used instead.
    await ledger.putClient({ ...client, chasing: { delays: { firstReminder: 40 } } });
    const camille = await todayAttention(ledger, TODAY, CAMILLE, gmailThreads);
    expect(camille.items.map((item) => item.invoiceNumber)).toEqual(expect.arrayContaining(['F-1', 'F-2']));
  });
});

describe('dashboard/open-thread', () => {
  it('opens the thread in the invoice’s own account', async () => {
    const ledger = await ledgerWithTwoAccounts();
    const d = deps(ledger);
    expect(await handleDashboardRequest({ type: 'dashboard/open-thread', invoiceId: 'gmail:a:t3:INV-1' }, d)).toEqual({ ok: true, value: { opened: true } });
    expect(d.openGmailThread).toHaveBeenCalledWith(ALEX, '19a0000000000003');
    expect(await handleDashboardRequest({ type: 'dashboard/open-thread', invoiceId: 'nope' }, d)).toEqual({ ok: false, error: 'unknown invoice' });
  });
});
