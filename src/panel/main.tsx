/**
 * Side panel entry: finds the Gmail tab it belongs to and mounts the UI with the extension's ports.
 * `?tab=<id>` names the tab explicitly (the panel opened as a normal tab, as tests do: Chrome only
 * opens a side panel on a user gesture).
 */
import { render } from 'preact';
import { browser } from '../adapters/browser/ext';
import { languageFromLocale } from '../ui/i18n';
import { App } from '../ui/App';
import { extensionPorts } from './extension-ports';

async function panelTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

async function main(): Promise<void> {
  const language = languageFromLocale(new URLSearchParams(location.search).get('lang') ?? browser.i18n.getUILanguage());
  document.documentElement.lang = language;
  const root = document.getElementById('app');
  if (!root) throw new Error('panel markup is missing #app');
  render(<App ports={extensionPorts(await panelTabId(), language)} />, root);
}

void main();
