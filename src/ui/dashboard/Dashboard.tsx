/**
 * The dashboard page (issue 6): today's actions first, then the open invoices, the aging chart,
 * outstanding and DSO per currency, per-client lateness; one Gmail account or all. Reloads after
 * any ledger change.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { DashboardView } from '../../protocol/dashboard-messages';
import { translator } from '../i18n';
import { AgingChart } from './AgingChart';
import { ClientLateness } from './ClientLateness';
import type { DashboardPort } from './dashboard-port';
import { MoneySummary } from './MoneySummary';
import { Receivables } from './Receivables';
import { TodayList } from './TodayList';
import { FindInvoices } from './FindInvoices';
import type { FindPort } from './find-port';

/** `dailyAlerts` false: a host without the daily notification and the badge (the Outlook task pane) leaves out the line about them. */
export function Dashboard({ port, initialAccount = null, find, dailyAlerts = true }: { port: DashboardPort; initialAccount?: string | null; find?: FindPort; dailyAlerts?: boolean }) {
  const t = useMemo(() => translator(port.language, port.mailApp), [port.language, port.mailApp]);
  const { language } = port;
  const [account, setAccount] = useState<string | null>(initialAccount);
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const load = useCallback(() => {
    port.load(account).then(
      (loaded) => {
        setView(loaded);
        setError(null);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [port, account]);

  useEffect(() => {
    load();
    return port.subscribe(load);
  }, [port, load]);

  const open = (invoiceId: string) => {
    setOpenError(null);
    port.openThread(invoiceId).catch((failure: unknown) => setOpenError(failure instanceof Error ? failure.message : String(failure)));
  };

  const accounts = view?.accounts ?? [];
  return (
    <main class="dash" lang={language} data-ready={view ? 'true' : 'false'}>
      <header class="dash-header">
        <h1>
          <span class="dash-brand">Relance</span> · {t('dashTitle')}
        </h1>
        <label class="dash-account">
          {t('dashAccount')}
          <select value={account ?? ''} onChange={(e) => setAccount(e.currentTarget.value || null)} data-testid="filter-account">
            <option value="">{t('dashAllAccounts')}</option>
            {[...new Set([...accounts, ...(account ? [account] : [])])].map((address) => (
              <option key={address} value={address}>{address}</option>
            ))}
          </select>
        </label>
      </header>
      {error ? <p class="notice error" role="alert">{t('dashError', { error })}</p> : null}
      {openError ? <p class="notice error" role="alert" data-testid="dash-open-error">{t('dashOpenError', { error: openError })}</p> : null}
      {view === null ? (
        error ? null : <p class="dash-muted">{t('dashLoading')}</p>
      ) : (
        <>
          <TodayList items={view.todayItems} t={t} language={language} onOpen={open} />
          <Receivables rows={view.receivables} showAccount={account === null && accounts.length > 1} t={t} language={language} onOpen={open} />
          <div class="dash-pair">
            <AgingChart aging={view.aging} t={t} language={language} />
            <ClientLateness clients={view.clients} t={t} />
          </div>
          <MoneySummary outstanding={view.outstanding} dso={view.dso} t={t} language={language} />
          {dailyAlerts ? <p class="dash-muted" data-testid="dash-alerts">{view.alerts.notifyAt ? t('dashAlertsOn', { time: view.alerts.notifyAt }) : t('dashAlertsOff')}</p> : null}
        </>
      )}
      {find ? <FindInvoices port={find} t={t} language={language} /> : null}
      <footer class="dash-muted">{t('localOnly')}</footer>
    </main>
  );
}
