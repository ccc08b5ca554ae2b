/**
 * The dashboard port over any transport: the extension page sends runtime messages to its service
 * worker (src/dashboard/main.tsx), the Outlook task pane routes the same requests in-process
 * (src/addin/pane-ports.ts). The host gives how a request reaches the worker, how it hears of
 * ledger changes, and the interface language.
 */
import type { Language } from '../../core/model';
import type { DashboardReplies, DashboardRequest } from '../../protocol/dashboard-messages';
import type { DashboardPort } from './dashboard-port';

/** One dashboard request's value; a refused request rejects with its error. */
export type AskDashboard = <T extends DashboardRequest['type']>(message: Extract<DashboardRequest, { type: T }>) => Promise<Extract<DashboardReplies[T], { ok: true }>['value']>;

export interface DashboardHost {
  ask: AskDashboard;
  language: Language;
  /** Calls back after any ledger change; returns the unsubscribe. */
  onLedgerChange(onChange: () => void): () => void;
}

export function dashboardPortOver(host: DashboardHost): DashboardPort {
  const { ask } = host;
  return {
    language: host.language,
    load: (account) => ask<'dashboard/load'>({ type: 'dashboard/load', account }),
    openThread: async (invoiceId) => {
      await ask<'dashboard/open-thread'>({ type: 'dashboard/open-thread', invoiceId });
    },
    subscribe: (onChange) => host.onLedgerChange(onChange),
  };
}
