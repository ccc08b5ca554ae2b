/**
 * The ports of the extension's dashboard and settings in the Outlook task pane: the shared builders
 * (src/ui/dashboard/dashboard-port-over.ts, src/ui/settings/settings-port-over.ts) over the pane's
 * in-process worker, with what differs in Outlook:
 * - invoices open in Outlook (the worker's opener, src/addin/office-worker.ts: the message an
 *   invoice was read from; one read in Gmail only has nothing to open here);
 * - persistent storage is asked from the pane (a window of the add-in's origin);
 * - saving the interface language tells the pane, which switches with it.
 */
import { requestPersistentStorage } from '../adapters/browser/persist';
import type { IsoDate, Language } from '../core/model';
import type { DashboardPort } from '../ui/dashboard/dashboard-port';
import { dashboardPortOver, type SendDashboard } from '../ui/dashboard/dashboard-port-over';
import type { SettingsPort } from '../ui/settings/ports';
import { downloadThroughLink, settingsPortOver, type SendRequest } from '../ui/settings/settings-port-over';
import { interfaceLanguageOf } from '../ui/settings/ui-language';
import type { OfficeWorker } from './office-worker';

export interface PaneHost {
  worker: Pick<OfficeWorker, 'send' | 'onLedgerChange'>;
  /** Outlook's display language ("fr-FR"), for the "automatic" interface language. */
  officeLocale: string;
  today(): Promise<IsoDate>;
}

export function paneDashboardPort(host: PaneHost, language: Language): DashboardPort {
  return dashboardPortOver({
    send: ((message: object) => host.worker.send(message)) as SendDashboard,
    language,
    mailApp: 'Outlook',
    onLedgerChange: (onChange) => host.worker.onLedgerChange(onChange),
  });
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
