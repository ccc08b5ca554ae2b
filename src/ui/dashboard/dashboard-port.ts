/** What the dashboard UI is given by its host (src/dashboard/main.tsx wires it to the worker). */
import type { Language } from '../../core/model';
import type { DashboardView } from '../../protocol/dashboard-messages';

export interface DashboardPort {
  language: Language;
  /** The mail program invoices open in, where a string names it ({mailApp}); Gmail when absent. */
  mailApp?: string;
  /** Everything shown, for one account (its address) or all (null). */
  load(account: string | null): Promise<DashboardView>;
  /** Opens the invoice in the host's mail program (its Gmail thread, its Outlook message); rejects with why not. */
  openThread(invoiceId: string): Promise<void>;
  /** Called after any ledger change (another page, a Gmail tab); returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}
