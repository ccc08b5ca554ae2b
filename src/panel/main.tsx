/**
 * Side panel entry: finds the Gmail tab it belongs to and mounts the UI with the extension's ports.
 * `?tab=<id>` names the tab explicitly (the panel opened as a normal tab, as tests do: Chrome only
 * opens a side panel on a user gesture).
 */
import { render } from 'preact';
import { browser } from '../adapters/browser/ext';
import { pageLanguage } from '../adapters/browser/page-language';
import { App } from '../ui/App';
import { extensionPorts } from './extension-ports';
import { SettingsLink } from '../ui/settings-link';

async function panelTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

async function main(): Promise<void> {
  const language = await pageLanguage();
  document.documentElement.lang = language;
  const root = document.getElementById('app');
  if (!root) throw new Error('panel markup is missing #app');
  render(
    <SettingsLink.Provider value={browser.runtime.getURL('src/settings/index.html')}>
      <App ports={extensionPorts(await panelTabId(), language)} />
    </SettingsLink.Provider>,
    root,
  );
}

void main();
