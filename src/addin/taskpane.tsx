/**
 * Task pane entry: waits for Office, mounts the Relance panel, the dashboard and the settings with
 * the task pane's ports, in the interface language (the settings' choice, else Outlook's), and
 * follows the selected message while pinned (ItemChanged). Wiring only: see taskpane-controller.ts
 * and pane-ports.ts.
 */
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import type { OfficeApi } from '../adapters/outlook/office-api';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import type { Language } from '../core/model';
import { App } from '../ui/App';
import { Dashboard } from '../ui/dashboard/Dashboard';
import { languageFromLocale } from '../ui/i18n';
import { SettingsApp } from '../ui/settings/SettingsApp';
import { interfaceLanguageOf } from '../ui/settings/ui-language';
import { addinToday } from './addin-clock';
import { addinTranslator } from './addin-strings';
import { paneDashboardPort, paneSettingsPort, type PaneHost } from './pane-ports';
import { createTaskPane, type TaskPane } from './taskpane-controller';
import { TaskPaneViews } from './TaskPaneViews';

declare const Office: OfficeApi & { onReady(): Promise<{ host: string | null }> };

function Pane({ pane, host, initialLanguage }: { pane: TaskPane; host: PaneHost; initialLanguage: Language }) {
  const [language, setLanguage] = useState(initialLanguage);
  const t = useMemo(() => addinTranslator(language), [language]);
  const dashboardPort = useMemo(() => paneDashboardPort(host, language), [host, language]);
  const settingsPort = useMemo(
    () =>
      paneSettingsPort(host, (next) => {
        document.documentElement.lang = next;
        void pane.setLanguage(next).then(() => setLanguage(next));
      }),
    [host, pane],
  );
  return (
    <div lang={language}>
      <TaskPaneViews
        pane={pane}
        t={t}
        dashboard={() => <Dashboard key={language} port={dashboardPort} dailyAlerts={false} />}
        settings={() => (
          <>
            <p class="pane-note" data-testid="settings-outlook-note">{t('settingsInOutlook')}</p>
            <SettingsApp port={settingsPort} forcedLanguage={language} dailyAlerts={false} />
          </>
        )}
      >
        <App ports={pane.ports} />
      </TaskPaneViews>
    </div>
  );
}

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('task pane markup is missing #app');
  await Office.onReady();
  const officeLocale = Office.context.displayLanguage ?? navigator.language;
  const mailbox = new OutlookMailbox(Office);
  const ledger = new LedgerStore(new RelanceDatabase());
  // The settings' interface language, else Outlook's (also when the ledger cannot be read yet).
  const language = interfaceLanguageOf(await ledger.getSettings().catch(() => null), officeLocale);
  document.documentElement.lang = language;
  const pane = createTaskPane({ mailbox, ledger, language, today: addinToday });
  const host: PaneHost = { worker: pane.worker, officeLocale, today: addinToday };
  // Follow the selection before the first read: a message selected while that read runs must not
  // be missed (followSelection keeps only the last read).
  await mailbox.onItemChanged(() => void pane.followSelection());
  await pane.followSelection();
  render(<Pane pane={pane} host={host} initialLanguage={language} />, root);
}

main().catch((error: unknown) => {
  console.error('Relance: task pane', error);
  const language = languageFromLocale(navigator.language);
  const message = document.createElement('p');
  message.className = 'start-error';
  message.setAttribute('role', 'alert');
  message.textContent = addinTranslator(language)('startFailed', { reason: error instanceof Error ? error.message : String(error) });
  document.getElementById('app')?.replaceChildren(message);
});
