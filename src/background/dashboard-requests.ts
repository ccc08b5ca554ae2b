/**
 * The dashboard page's requests (issue 6): parsed here before the router uses them (extension
 * pages only: router.ts never hands a content script's message to this file), then handled from
 * the store's summaries (dashboard-view.ts).
 */
import { fail, guarded, isRecord, record, text, type Parsed } from '../protocol/messages';
import { DASHBOARD_REQUESTS, type DashboardReplies, type DashboardRequest } from '../protocol/dashboard-messages';
import type { IsoDate } from '../core/model';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import { dashboardView } from './dashboard-view';
import type { InvoiceOpener } from './invoice-opener';

export interface DashboardDeps {
  ledger: LedgerStore;
  today(): Promise<IsoDate>;
  /** Which invoices the host's mail program can open, and opening one (invoice-opener.ts). */
  invoiceOpener: InvoiceOpener;
}

export function isDashboardRequest(raw: unknown): boolean {
  return isRecord(raw) && (DASHBOARD_REQUESTS as readonly unknown[]).includes(raw.type);
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function parseDashboardRequest(raw: unknown): Parsed<DashboardRequest> {
  return guarded((): DashboardRequest => {
    const r = record(raw, 'message');
    switch (r.type) {
      case 'dashboard/load': {
        if (r.account === null || r.account === undefined) return { type: 'dashboard/load', account: null };
        const account = text(r.account, 'account', 320).trim().toLowerCase();
        if (!EMAIL.test(account)) fail('account', 'expected an email address or null');
        return { type: 'dashboard/load', account };
      }
      case 'dashboard/open-thread': {
        const invoiceId = text(r.invoiceId, 'invoiceId', 400);
        if (!invoiceId.trim()) fail('invoiceId', 'required');
        return { type: 'dashboard/open-thread', invoiceId };
      }
      default:
        return fail('message.type', 'not a dashboard request');
    }
  });
}

export async function handleDashboardRequest(request: DashboardRequest, deps: DashboardDeps): Promise<DashboardReplies[DashboardRequest['type']]> {
  switch (request.type) {
    case 'dashboard/load':
      return { ok: true, value: await dashboardView(deps.ledger, await deps.today(), request.account, deps.invoiceOpener.canOpen) };
    case 'dashboard/open-thread': {
      const stored = await deps.ledger.get(request.invoiceId);
      if (!stored) return { ok: false, error: 'unknown invoice' };
      if (!deps.invoiceOpener.canOpen(stored.invoice)) return { ok: false, error: 'this invoice has no message to open here' };
      await deps.invoiceOpener.open(stored.invoice);
      return { ok: true, value: { opened: true } };
    }
  }
}
