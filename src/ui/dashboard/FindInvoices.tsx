/**
 * "Find my invoices" (issue 6): pick an open Gmail tab (its account) and a period, start; a progress
 * bar (threads read / found) with Cancel while the worker drives Gmail's search in that tab; then the
 * invoices found, each with a checkbox, and "Track selected". Nothing is tracked before that click.
 * The run lives in the worker: a reopened dashboard picks it up (status is polled while it runs).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatDate, formatMoney } from '../../core/format';
import type { Language } from '../../core/model';
import type { FindRunState, GmailTabInfo } from '../../protocol/find-invoices-messages';
import type { MessageKey, Translate } from '../i18n';
import type { FindPort } from './find-port';

const PERIODS = [3, 6, 12, 24] as const;
const POLL_MS = 400;

function outcome(run: FindRunState, t: Translate): string | null {
  const counts = { looked: run.looked, found: run.candidates.length };
  if (run.status === 'done') return t('findDone', counts);
  if (run.status === 'cancelled') return t('findCancelled', counts);
  if (run.status === 'stopped' && run.stopReason) return t(`findStopped_${run.stopReason}` as MessageKey);
  return null;
}

export function FindInvoices({ port, t, language }: { port: FindPort; t: Translate; language: Language }) {
  const [tabs, setTabs] = useState<GmailTabInfo[] | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [months, setMonths] = useState<number>(12);
  const [run, setRun] = useState<FindRunState | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [trackedCount, setTrackedCount] = useState<number | null>(null);
  const [trackFailed, setTrackFailed] = useState<{ n: number; error: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure));

  /** A new set of candidates: the ones not tracked yet are chosen by default. */
  const show = useCallback((state: FindRunState) => {
    setRun(state);
    if (state.status !== 'running') setChosen(new Set(state.candidates.filter((c) => !c.tracked).map((c) => c.key)));
  }, []);

  const refreshTabs = useCallback(() => {
    port.tabs().then((found) => {
      setTabs(found);
      setTabId((current) => (current !== null && found.some((tab) => tab.tabId === current) ? current : (found[0]?.tabId ?? null)));
    }, fail);
  }, [port]);

  useEffect(() => {
    refreshTabs();
    port.status().then(show, fail);
  }, [port, refreshTabs, show]);

  const running = run?.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => port.status().then(show, fail), POLL_MS);
    return () => clearInterval(timer);
  }, [port, running, show]);

  const start = () => {
    if (tabId === null) return;
    setError(null);
    setTrackedCount(null);
    setTrackFailed(null);
    port.start(tabId, months).then(show, fail);
  };
  const cancel = () => port.cancel().then(show, fail);
  const track = () => {
    setBusy(true);
    setError(null);
    port
      .track([...chosen])
      .then((result) => {
        setTrackedCount(result.tracked);
        setTrackFailed(result.failed.length > 0 ? { n: result.failed.length, error: result.failed[0]?.error ?? '' } : null);
        show(result.state);
      }, fail)
      .finally(() => setBusy(false));
  };
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };

  const candidates = run?.candidates ?? [];
  const finished = run !== null && run.status !== 'idle' && !running;
  const message = run ? outcome(run, t) : null;
  return (
    <section class="dash-card dash-find" aria-labelledby="find-title" data-testid="find-invoices" data-status={run?.status ?? 'idle'}>
      <h2 id="find-title">{t('findTitle')}</h2>
      <p class="dash-muted">{t('findIntro')}</p>
      {tabs !== null && tabs.length === 0 ? (
        <p data-testid="find-no-tab">
          {t('findNoTab')}{' '}
          <button type="button" class="dash-link" onClick={refreshTabs}>{t('findRefreshTabs')}</button>
        </p>
      ) : null}
      {tabs !== null && tabs.length > 0 ? (
        <div class="dash-filters">
          <label>
            {t('findAccount')}
            <select value={tabId ?? ''} disabled={running} onChange={(e) => setTabId(Number(e.currentTarget.value))} data-testid="find-tab">
              {tabs.map((tab) => (
                <option key={tab.tabId} value={tab.tabId}>{tab.account ?? t('findUnknownAccount', { path: tab.path })}</option>
              ))}
            </select>
          </label>
          <label>
            {t('findPeriod')}
            <select value={months} disabled={running} onChange={(e) => setMonths(Number(e.currentTarget.value))} data-testid="find-period">
              {PERIODS.map((n) => (
                <option key={n} value={n}>{t('findMonths', { n })}</option>
              ))}
            </select>
          </label>
          {running ? (
            <button type="button" class="dash-open" onClick={cancel} data-testid="find-cancel">{t('findCancel')}</button>
          ) : (
            <button type="button" class="dash-open" onClick={start} disabled={tabId === null} data-testid="find-start">{t('findStart')}</button>
          )}
        </div>
      ) : null}
      {running ? (
        <div class="dash-find-progress">
          <progress max={Math.max(1, run.total)} value={run.looked} aria-label={t('findProgressLabel')} data-testid="find-progress" />
          <p aria-live="polite" data-testid="find-progress-text">{t('findProgress', { looked: run.looked, total: run.total, found: run.candidates.length })}</p>
          <p class="dash-muted">{t('findWorking')}</p>
        </div>
      ) : null}
      {message ? <p role="status" data-testid="find-outcome">{message}</p> : null}
      {error ? <p class="notice error" role="alert" data-testid="find-error">{t('findError', { error })}</p> : null}
      {finished && candidates.length === 0 ? <p class="dash-muted">{t('findNone')}</p> : null}
      {finished && candidates.length > 0 ? (
        <>
          <h3>{t('findCandidates')}</h3>
          <div class="dash-table-wrap">
            <table class="dash-table" data-testid="find-candidates">
              <thead>
                <tr>
                  <th scope="col"><span class="visually-hidden">{t('findTrackSelected', { n: chosen.size })}</span></th>
                  <th scope="col">{t('colClient')}</th>
                  <th scope="col">{t('colInvoice')}</th>
                  <th scope="col" class="num">{t('findColAmount')}</th>
                  <th scope="col">{t('findColDue')}</th>
                  <th scope="col">{t('findColState')}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((candidate) => {
                  const { facts } = candidate;
                  const client = facts.client.name ?? facts.client.email;
                  return (
                    <tr key={candidate.key} data-testid="find-candidate" data-invoice={facts.invoiceNumber} data-tracked={String(candidate.tracked)}>
                      <td>
                        <input
                          type="checkbox"
                          checked={candidate.tracked || chosen.has(candidate.key)}
                          disabled={candidate.tracked}
                          onChange={(e) => toggle(candidate.key, e.currentTarget.checked)}
                          aria-label={t('findChoose', { number: facts.invoiceNumber, client })}
                        />
                      </td>
                      <td>{client}</td>
                      <th scope="row">{facts.invoiceNumber}</th>
                      <td class="num">{facts.amount !== null && facts.currency ? formatMoney(facts.amount, facts.currency, language) : '—'}</td>
                      <td>{facts.dueDate ? formatDate(facts.dueDate, language, 'short') : '—'}</td>
                      <td>{candidate.tracked ? t('findTracked') : t('findNew')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" class="dash-open" onClick={track} disabled={busy || chosen.size === 0} data-testid="find-track">{t('findTrackSelected', { n: chosen.size })}</button>
          </p>
        </>
      ) : null}
      {trackedCount !== null ? <p role="status" data-testid="find-tracked">{t('findTrackedDone', { n: trackedCount })}</p> : null}
      {trackFailed ? <p class="notice error" role="alert" data-testid="find-track-failed">{t('findTrackFailed', trackFailed)}</p> : null}
    </section>
  );
}
