/**
 * The Relance panel, mounted by the Gmail side panel (and later the Outlook task pane) with its
 * host's ports. It follows the thread open in the host.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { IsoDate } from '../core/model';
import type { TabThreadState } from '../protocol/messages';
import { translator } from './i18n';
import type { UiPorts } from './ports';
import { ThreadPanel } from './ThreadPanel';

export function App({ ports }: { ports: UiPorts }) {
  const t = useMemo(() => translator(ports.language, ports.mailApp), [ports.language, ports.mailApp]);
  const [thread, setThread] = useState<TabThreadState | null | undefined>(undefined);
  const [today, setToday] = useState<IsoDate | null>(null);

  useEffect(() => {
    ports.thread.current().then(setThread, () => setThread(null));
    return ports.thread.subscribe(setThread);
  }, [ports]);

  useEffect(() => {
    // Re-read today whenever the thread changes: the panel may stay open past midnight.
    ports.today().then(setToday, () => undefined);
  }, [ports, thread]);

  const ready = thread !== undefined && today !== null;
  useEffect(() => {
    // For the bench (panel_first_render_ms): the first render with the thread's content, once.
    if (ready && typeof performance !== 'undefined' && performance.getEntriesByName('relance:panel-first-render').length === 0) performance.mark('relance:panel-first-render');
  }, [ready]);

  return (
    <main class="relance-panel" lang={ports.language} data-ready={thread !== undefined && today !== null ? 'true' : 'false'}>
      <header>
        <h1>{t('appTitle')}</h1>
        {/* The dashboard is an extension page: the Outlook task pane (mailApp set) has none. */}
        {ports.mailApp === undefined ? (
          <a class="panel-dashboard-link" href="../dashboard/index.html" target="_blank" rel="noopener" aria-label={t('dashOpenLinkLabel')} data-testid="dashboard-link">
            {t('dashOpenLink')}
          </a>
        ) : null}
      </header>
      {thread === undefined || today === null ? null : thread === null || thread.state === 'none' ? (
        <p class="panel-message" data-testid="panel-message">{t('noThread')}</p>
      ) : thread.state === 'unreadable' ? (
        <p class="panel-message" role="alert" data-testid="panel-message">{t('unreadable')}</p>
      ) : (
        <ThreadPanel key={thread.snapshot.threadId} snapshot={thread.snapshot} reading={thread.reading} others={thread.others} reply={thread.reply} today={today} ledger={ports.ledger} t={t} language={ports.language} />
      )}
      <footer>{t('localOnly')}</footer>
    </main>
  );
}
