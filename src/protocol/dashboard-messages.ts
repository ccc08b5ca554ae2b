/**
 * The dashboard page's requests and what the worker answers (issue 6). Types only: the parser is
 * src/background/dashboard-requests.ts, so only the worker bundles it (messages.ts is also loaded
 * into Gmail's page by the content script).
 */
import type { ActionCategory, AgingReport, AlertSettings, DsoReport, OutstandingTotals } from '../core/ledger';
import type { ChasingStep } from '../core/chasing';
import type { IsoDate } from '../core/model';

export type DashboardRequest =
  /** Everything the page shows, for one mail account (its address) or every account (null). */
  | { type: 'dashboard/load'; account: string | null }
  /**
   * Opens the invoice where it was read, through the host's mail program (src/background/invoice-opener.ts):
   * in the extension its Gmail thread, in a Gmail tab of its account when one is open; in the Outlook
   * task pane the Outlook message it was read from.
   */
  | { type: 'dashboard/open-thread'; invoiceId: string };

export const DASHBOARD_REQUESTS = ['dashboard/load', 'dashboard/open-thread'] as const satisfies ReadonlyArray<DashboardRequest['type']>;

/**
 * How urgent today's list is, which colours the badge:
 * - `urgent` (red): an invoice needing the user today is seriously late: more than 30 days past
 *   due, at the formal-notice step or beyond, or a promise to pay was broken;
 * - `due` (orange): something needs the user today, nothing seriously late;
 * - `none`: nothing today (no badge).
 */
export type Urgency = 'none' | 'due' | 'urgent';

/** Days past due beyond which an invoice needing the user today makes the badge red. */
export const SERIOUSLY_LATE_DAYS = 30;

/** One thing to do today (queries.ts `actionsDueToday`, plus the invoices due today without one). */
export interface TodayItem {
  invoiceId: string;
  invoiceNumber: string;
  clientName: string;
  account: string | null;
  /** `due_today`: the invoice is due today and has no other item. */
  category: ActionCategory | 'due_today';
  /** The ladder's action type, `promise_due` / `instalment_due`, or `due_today`. */
  type: string;
  /** The ladder's step for a written step (`first_reminder`…), null otherwise. */
  step: ChasingStep | null;
  /** A payment expected today (promise, instalment), or the amount outstanding. */
  amount: number | null;
  currency: string | null;
  daysPastDue: number | null;
  /** This item alone makes the day urgent (see `Urgency`). */
  urgent: boolean;
  /** The host's mail program can open the invoice (`dashboard/open-thread`). */
  hasThread: boolean;
}

/** Where an open invoice stands by its due date on `today`. */
export type ReceivableStatus = 'not_due' | 'due_today' | 'overdue' | 'undated';

/** One open invoice, from the store's summary (no logbook read). */
export interface ReceivableRow {
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  account: string | null;
  currency: string | null;
  amount: number | null;
  outstanding: number | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** Days since the due date (negative before), null without one. */
  daysPastDue: number | null;
  status: ReceivableStatus;
  currentStep: ChasingStep | null;
  /** As TodayItem's. */
  hasThread: boolean;
}

/** A client's lateness: its paid invoices' mean delay and its open invoices' oldest. */
export interface ClientLateness {
  clientId: string;
  name: string;
  openCount: number;
  /** Mean days late of its invoices paid in full (0 when on time), null when none was paid. */
  averageDaysLate: number | null;
  paidCount: number;
  paidLateCount: number;
  /** The most days past due among its open invoices in view, null when none is past due. */
  oldestOpenDaysPastDue: number | null;
}

export interface DashboardView {
  today: IsoDate;
  /** The account shown (null: every account). */
  account: string | null;
  /** The accounts the ledger's open invoices belong to (for the filter), sorted. */
  accounts: string[];
  todayItems: TodayItem[];
  urgency: Urgency;
  receivables: ReceivableRow[];
  aging: AgingReport;
  outstanding: OutstandingTotals;
  dso: DsoReport;
  clients: ClientLateness[];
  alerts: AlertSettings;
}

export interface DashboardReplies {
  'dashboard/load': { ok: true; value: DashboardView } | { ok: false; error: string };
  'dashboard/open-thread': { ok: true; value: { opened: boolean } } | { ok: false; error: string };
}
