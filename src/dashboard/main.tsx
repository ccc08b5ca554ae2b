/**
 * Dashboard page entry (opened from the panel's header, the toolbar button's context menu and the
 * daily notification): mounts the UI with ports to the service worker, in the interface language
 * (page-language.ts; `?lang=fr|en` presets it). `?account=<address>` presets the account shown.
 */
import { render } from 'preact';
import { browser } from '../adapters/browser/ext';
import { pageLanguage } from '../adapters/browser/page-language';
import { workerValue } from '../adapters/browser/worker-request';
import type { DashboardReplies, DashboardRequest } from '../protocol/dashboard-messages';
import type { WorkerBroadcast } from '../protocol/messages';
import { Dashboard } from '../ui/dashboard/Dashboard';
import type { DashboardPort } from '../ui/dashboard/dashboard-port';
import { translator } from '../ui/i18n';

const ask = <T extends DashboardRequest['type']>(message: Extract<DashboardRequest, { type: T }>): Promise<Extract<DashboardReplies[T], { ok: true }>['value']> => workerValue(message);

async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const language = await pageLanguage();
  document.documentElement.lang = language;
  document.title = `Relance · ${translator(language)('dashTitle')}`;
  const port: DashboardPort = {
    language,
    load: (account) => ask<'dashboard/load'>({ type: 'dashboard/load', account }),
    openThread: async (invoiceId) => {
      await ask<'dashboard/open-thread'>({ type: 'dashboard/open-thread', invoiceId });
    },
    subscribe(onChange) {
      const listener = (message: unknown) => {
        if ((message as WorkerBroadcast | undefined)?.type === 'ledger/changed') onChange();
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
  const root = document.getElementById('app');
  if (!root) throw new Error('dashboard markup is missing #app');
  render(<Dashboard port={port} initialAccount={query.get('account')} />, root);
}

void main();
