/**
 * The dashboard port over any transport: the extension page sends runtime messages to its service
 * worker (src/dashboard/main.tsx), the Outlook task pane routes the same requests in-process
 * (src/addin/pane-ports.ts). The host gives how a request reaches the worker, how it hears of
 * ledger changes, the interface language and the mail program invoices open in. Which invoices open
 * and how is the worker's (src/background/invoice-opener.ts).
 */
import type { Language } from '../../core/model';
import type { DashboardReplies, DashboardRequest } from '../../protocol/dashboard-messages';
import { replyValue } from '../../protocol/reply-value';
import type { DashboardPort } from './dashboard-port';

/** One dashboard request and its reply as it came (refusals included); rejects when nobody answered. */
export type SendDashboard = <T extends DashboardRequest['type']>(message: Extract<DashboardRequest, { type: T }>) => Promise<DashboardReplies[T]>;

export interface DashboardHost {
  send: SendDashboard;
  language: Language;
  /** The mail program invoices open in ({mailApp}); Gmail when absent. */
  mailApp?: string;
  /** Calls back after any ledger change; returns the unsubscribe. */
  onLedgerChange(onChange: () => void): () => void;
}

export function dashboardPortOver(host: DashboardHost): DashboardPort {
  const { send } = host;
  return {
    language: host.language,
    ...(host.mailApp === undefined ? {} : { mailApp: host.mailApp }),
    load: async (account) => replyValue(await send<'dashboard/load'>({ type: 'dashboard/load', account })),
    openThread: async (invoiceId) => {
      replyValue(await send<'dashboard/open-thread'>({ type: 'dashboard/open-thread', invoiceId }));
    },
    subscribe: (onChange) => host.onLedgerChange(onChange),
  };
}
