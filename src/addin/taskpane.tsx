/**
 * Task pane entry: waits for Office, mounts the Relance panel with the task pane's ports, and
 * follows the selected message while pinned (ItemChanged). Wiring only: see taskpane-controller.ts.
 */
import { render } from 'preact';
import { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import type { OfficeApi } from '../adapters/outlook/office-api';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { App } from '../ui/App';
import { languageFromLocale } from '../ui/i18n';
import { addinToday } from './addin-clock';
import { addinTranslator } from './addin-strings';
import { createTaskPane } from './taskpane-controller';
import { TaskPaneViews } from './TaskPaneViews';

declare const Office: OfficeApi & { onReady(): Promise<{ host: string | null }> };

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('task pane markup is missing #app');
  await Office.onReady();
  const language = languageFromLocale(Office.context.displayLanguage);
  document.documentElement.lang = language;
  const mailbox = new OutlookMailbox(Office);
  const pane = createTaskPane({ mailbox, ledger: new LedgerStore(new RelanceDatabase()), language, today: addinToday });
  // Follow the selection before the first read: a message selected while that read runs must not
  // be missed (followSelection keeps only the last read).
  await mailbox.onItemChanged(() => void pane.followSelection());
  await pane.followSelection();
  render(
    <TaskPaneViews pane={pane} t={addinTranslator(language)}>
      <App ports={pane.ports} />
    </TaskPaneViews>,
    root,
  );
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
