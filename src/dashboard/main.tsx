/**
 * Dashboard page entry (opened from the panel's header, the toolbar button's context menu and the
 * daily notification): mounts the UI with ports to the service worker, in the interface language
 * (page-language.ts; `?lang=fr|en` presets it). `?account=<address>` presets the account shown.
 */
import { render } from 'preact';
import { browser } from '../adapters/browser/ext';
import { pageLanguage } from '../adapters/browser/page-language';
import { workerReply, workerValue } from '../adapters/browser/worker-request';
import type { WorkerBroadcast } from '../protocol/messages';
import { Dashboard } from '../ui/dashboard/Dashboard';
import { dashboardPortOver, type SendDashboard } from '../ui/dashboard/dashboard-port-over';
import { translator } from '../ui/i18n';
import { findPortOver } from './find-port-over';

const send: SendDashboard = (message) => workerReply(message);

async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const language = await pageLanguage();
  document.documentElement.lang = language;
  document.title = `Relance · ${translator(language)('dashTitle')}`;
  const port = dashboardPortOver({
    send,
    language,
    onLedgerChange(onChange) {
      const listener = (message: unknown) => {
        if ((message as WorkerBroadcast | undefined)?.type === 'ledger/changed') onChange();
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  });
  const root = document.getElementById('app');
  if (!root) throw new Error('dashboard markup is missing #app');
  render(<Dashboard port={port} initialAccount={query.get('account')} find={findPortOver(workerValue, query)} />, root);
}

void main();
