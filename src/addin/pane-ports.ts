/**
 * The ports of the extension's dashboard and settings in the Outlook task pane: the shared builders
 * (src/ui/dashboard/dashboard-port-over.ts, src/ui/settings/settings-port-over.ts) over the pane's
 * in-process worker, with what differs in Outlook:
 * - opening an invoice opens the Outlook message it was read from (displayMessageForm, as today's
 *   list does), never a Gmail URL; an invoice read in Gmail only has nothing to open here;
 * - persistent storage is asked from the pane (a window of the add-in's origin);
 * - saving the interface language tells the pane, which switches with it.
 */
import { requestPersistentStorage } from '../adapters/browser/persist';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import type { LedgerInvoice } from '../core/ledger';
import type { IsoDate, Language } from '../core/model';
import type { DashboardView } from '../protocol/dashboard-messages';
import type { DashboardPort } from '../ui/dashboard/dashboard-port';
import { dashboardPortOver, type AskDashboard } from '../ui/dashboard/dashboard-port-over';
import type { SettingsPort } from '../ui/settings/ports';
import { downloadThroughLink, settingsPortOver, type SendRequest } from '../ui/settings/settings-port-over';
import { interfaceLanguageOf } from '../ui/settings/ui-language';
import { addinTranslator } from './addin-strings';
import { outlookItemOf } from './due-today';
import type { OfficeWorker } from './office-worker';

export interface PaneHost {
  worker: Pick<OfficeWorker, 'send' | 'onLedgerChange'>;
  ledger: Pick<LedgerStore, 'get' | 'openSummaries'>;
  /** displayMessageForm (OutlookMailbox.openMessage): throws an error that says why not. */
  openMessage(itemId: string): void;
  /** Outlook's display language ("fr-FR"), for the "automatic" interface language. */
  officeLocale: string;
  today(): Promise<IsoDate>;
}

/** The worker's value for a request; a refused one rejects with its error. */
async function valueOf(worker: PaneHost['worker'], message: object): Promise<never> {
  const reply = (await worker.send(message)) as { ok: true; value: unknown } | { ok: false; error: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as never;
}

/** Marks the rows Outlook can open (the dashboard's `hasThread` says "a Gmail thread" in the extension). */
async function withOutlookMessages(view: DashboardView, ledger: PaneHost['ledger']): Promise<DashboardView> {
  const open = new Map<string, LedgerInvoice>((await ledger.openSummaries()).map(({ invoice }) => [invoice.id, invoice]));
  const opens = (invoiceId: string) => {
    const invoice = open.get(invoiceId);
    return invoice !== undefined && outlookItemOf({ invoice }) !== null;
  };
  return {
    ...view,
    todayItems: view.todayItems.map((item) => ({ ...item, hasThread: opens(item.invoiceId) })),
    receivables: view.receivables.map((row) => ({ ...row, hasThread: opens(row.invoiceId) })),
  };
}

export function paneDashboardPort(host: PaneHost, language: Language): DashboardPort {
  const ask: AskDashboard = (message) => valueOf(host.worker, message);
  const shared = dashboardPortOver({ ask, language, onLedgerChange: (onChange) => host.worker.onLedgerChange(onChange) });
  return {
    ...shared,
    load: async (account) => withOutlookMessages(await shared.load(account), host.ledger),
    async openThread(invoiceId) {
      const stored = await host.ledger.get(invoiceId);
      const t = addinTranslator(language);
      if (!stored) throw new Error(t('unknownInvoice'));
      const itemId = outlookItemOf(stored);
      if (!itemId) throw new Error(t('notReadInOutlook'));
      host.openMessage(itemId);
    },
  };
}

export function paneSettingsPort(host: PaneHost, onLanguage: (language: Language) => void): SettingsPort {
  const port = settingsPortOver({
    send: ((message: object) => host.worker.send(message)) as SendRequest,
    browserLocale: host.officeLocale,
    today: host.today,
    persistence: () => requestPersistentStorage(),
    download: downloadThroughLink,
    openTab: (url) => void window.open(url, '_blank', 'noopener'),
  });
  return {
    ...port,
    async saveSettings(settings) {
      const outcome = await port.saveSettings(settings);
      if (outcome.ok) onLanguage(interfaceLanguageOf(outcome.value, host.officeLocale));
      return outcome;
    },
  };
}

/** The pane's language at start: the settings' interface language, else Outlook's. */
export async function paneLanguage(host: Pick<PaneHost, 'worker' | 'officeLocale'>): Promise<Language> {
  const settings = await valueOf(host.worker, { type: 'settings/get' }).catch(() => null);
  return interfaceLanguageOf(settings, host.officeLocale);
}
