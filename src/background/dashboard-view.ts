/**
 * The dashboard page's data, for one mail account or all (issue 6), from the store's summaries:
 * the open invoices' summaries (receivables, aging, outstanding, per-client lateness), the DSO
 * window's invoices' summaries, the clients' totals, and today's few invoices derived
 * (today-attention.ts). No logbook is read beyond today's.
 */
import { addDays, daysBetween } from '../core/dates';
import { agingOfRows, alertSettingsOf, dsoOfRows, outstandingByCurrency, summaryRow, type Client, type ClientTotals, type InvoiceSummary, type LedgerInvoice } from '../core/ledger';
import type { IsoDate } from '../core/model';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import type { ClientLateness, DashboardView, ReceivableRow, ReceivableStatus } from '../protocol/dashboard-messages';
import type { InvoiceOpener } from './invoice-opener';
import { todayAttention } from './today-attention';

/** The DSO window, in days (queries.ts `daysSalesOutstanding`'s default). */
export const DSO_DAYS = 90;

type Summarised = { invoice: LedgerInvoice; summary: InvoiceSummary };

function statusOf(daysPastDue: number | null): ReceivableStatus {
  if (daysPastDue === null) return 'undated';
  return daysPastDue > 0 ? 'overdue' : daysPastDue === 0 ? 'due_today' : 'not_due';
}

export function receivableOf({ invoice, summary }: Summarised, client: Client | undefined, today: IsoDate, canOpen: InvoiceOpener['canOpen']): ReceivableRow {
  const daysPastDue = summary.dueDate === null ? null : daysBetween(summary.dueDate, today);
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.invoiceNumber,
    clientId: invoice.clientId,
    clientName: client?.name ?? invoice.clientName ?? invoice.clientEmail,
    account: invoice.account,
    currency: summary.currency,
    amount: summary.amountCents === null ? null : summary.amountCents / 100,
    outstanding: summary.outstandingCents === null ? null : summary.outstandingCents / 100,
    issueDate: summary.issueDate,
    dueDate: summary.dueDate,
    daysPastDue,
    status: statusOf(daysPastDue),
    currentStep: summary.currentStep,
    hasThread: canOpen(invoice),
  };
}

/** Per client of the rows shown: its totals' lateness and its oldest open invoice past due; latest first. */
export function clientLatenessOf(rows: readonly ReceivableRow[], totals: readonly ClientTotals[]): ClientLateness[] {
  const byId = new Map(totals.map((entry) => [entry.clientId, entry]));
  const clients = new Map<string, ClientLateness>();
  for (const row of rows) {
    const known = clients.get(row.clientId);
    const late = row.daysPastDue !== null && row.daysPastDue > 0 ? row.daysPastDue : null;
    if (known) {
      known.openCount += 1;
      if (late !== null) known.oldestOpenDaysPastDue = Math.max(known.oldestOpenDaysPastDue ?? 0, late);
      continue;
    }
    const total = byId.get(row.clientId);
    clients.set(row.clientId, {
      clientId: row.clientId,
      name: row.clientName,
      openCount: 1,
      averageDaysLate: total && total.paidWithDueCount > 0 ? Math.round((total.daysLateSum / total.paidWithDueCount) * 10) / 10 : null,
      paidCount: total?.paidCount ?? 0,
      paidLateCount: total?.paidLateCount ?? 0,
      oldestOpenDaysPastDue: late,
    });
  }
  return [...clients.values()].sort((a, b) => (b.oldestOpenDaysPastDue ?? -1) - (a.oldestOpenDaysPastDue ?? -1) || (b.averageDaysLate ?? -1) - (a.averageDaysLate ?? -1) || a.name.localeCompare(b.name));
}

/** `canOpen`: which invoices the host's mail program opens (the rows' `hasThread`). */
export async function dashboardView(ledger: LedgerStore, today: IsoDate, account: string | null, canOpen: InvoiceOpener['canOpen']): Promise<DashboardView> {
  const inAccount = (entry: Summarised) => account === null || entry.invoice.account === account;
  const [attention, allOpen, issued, settings] = await Promise.all([
    todayAttention(ledger, today, account, canOpen),
    ledger.openSummaries(),
    ledger.issuedSummariesBetween(addDays(today, -(DSO_DAYS - 1)), today),
    ledger.getSettings(),
  ]);
  const open = allOpen.filter(inAccount);
  const clientIds = open.map((entry) => entry.invoice.clientId);
  const [clients, totals] = await Promise.all([ledger.getClients(clientIds), ledger.clientTotalsOf(clientIds)]);
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const receivables = open.map((entry) => receivableOf(entry, clientById.get(entry.invoice.clientId), today, canOpen));
  const rows = open.map((entry) => summaryRow(entry.summary));
  const sales = issued.filter(inAccount).map(({ summary }) => ({ issueDate: summary.issueDate, currency: summary.currency, amount: summary.amountCents === null ? null : summary.amountCents / 100 }));
  const accounts = [...new Set(allOpen.map((entry) => entry.invoice.account).filter((value): value is string => value !== null))].sort();
  return {
    today,
    account,
    accounts,
    todayItems: attention.items,
    urgency: attention.urgency,
    receivables,
    aging: agingOfRows(rows, today),
    outstanding: outstandingByCurrency(rows),
    dso: dsoOfRows(rows, sales, today, { days: DSO_DAYS }),
    clients: clientLatenessOf(receivables, totals),
    alerts: alertSettingsOf(settings),
  };
}
