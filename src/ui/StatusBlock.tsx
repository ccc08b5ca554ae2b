/**
 * The invoice's state today: status, days to or after the due date, what is still owed, interest
 * and indemnity accrued today, the current ladder step and the next action with its date and reason.
 * An unpublished reference rate asks for the rate in the settings: never a made-up figure.
 */
import { formatDate, formatMoney } from '../core/format';
import type { Language } from '../core/model';
import type { InvoiceStatusView, PenaltyView } from '../protocol/messages';
import type { MessageKey, Translate } from './i18n';
import { dueStatus } from './due-status';
import { NextAction } from './NextAction';
import { SettingsLink } from './settings-link';
import { useContext } from 'preact/hooks';

function money(amount: number | null, currency: string | null, language: Language, t: Translate): string {
  return amount !== null && currency ? formatMoney(amount, currency, language) : t('unknown');
}

function penaltyText(penalty: PenaltyView, language: Language, t: Translate): string {
  switch (penalty.kind) {
    case 'computed': {
      const interest = formatMoney(penalty.interest, penalty.currency, language);
      const indemnity = penalty.indemnity ? formatMoney(penalty.indemnity.amount, penalty.indemnity.currency, language) : null;
      return indemnity ? t('penaltyComputed', { interest, indemnity }) : t('penaltyInterestOnly', { interest });
    }
    case 'rate_unknown':
      return t('penaltyRateUnknown', { period: penalty.period.replace('-', ' ') });
    case 'not_computed':
      return t(`penalty_${penalty.reason}` as MessageKey);
    case 'error':
      return t('penaltyError', { reason: penalty.message });
  }
}

export function StatusBlock({ state, t, language }: { state: InvoiceStatusView; t: Translate; language: Language }) {
  const settingsUrl = useContext(SettingsLink);
  const showPenalty = state.daysPastDue !== null && state.daysPastDue > 0 && state.status !== 'paid';
  return (
    <section class="status-block" aria-label={t('statusTitle')} data-testid="status-block" data-status={state.status}>
      <h2 class="section-title">{t('statusTitle')}</h2>
      <dl class="fields">
        <dt>{t('fieldStatus')}</dt>
        <dd>
          <span class={`status-pill status-${state.status}`} data-testid="status-word">{t(`status_${state.status}` as MessageKey)}</span>{' '}
          <span data-testid="status-days">{state.status === 'paid' ? '' : dueStatus(state.daysPastDue, t)}</span>
        </dd>
        <dt>{t('outstanding')}</dt>
        <dd data-testid="status-outstanding">
          {money(state.outstanding, state.currency, language, t)}
          {state.received > 0 && state.currency ? <span class="muted"> {t('receivedSoFar', { amount: formatMoney(state.received, state.currency, language) })}</span> : null}
        </dd>
        {showPenalty && (
          <>
            <dt>{t('penaltyLabel')}</dt>
            <dd data-testid="status-penalty" data-kind={state.penalty.kind} class={state.penalty.kind === 'rate_unknown' ? 'warning' : undefined}>
              {penaltyText(state.penalty, language, t)}
              {state.penalty.kind === 'rate_unknown' && settingsUrl && (
                <>
                  {' '}
                  {/* The warning's own colour (contrast checked light and dark), not the browser's link blue. */}
                  <a href={`${settingsUrl}#penalty`} target="_blank" rel="noopener" data-testid="open-rate-settings" style={{ color: 'inherit', textDecoration: 'underline' }}>
                    {t('openRateSettings')}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{t('currentStep')}</dt>
        <dd data-testid="status-step">{state.currentStep ? t(`step_${state.currentStep}` as MessageKey) : t('noStepYet')}</dd>
        {state.promise && state.promise.state === 'pending' && (
          <>
            <dt>{t('promiseLabel')}</dt>
            <dd data-testid="status-promise">{t('promiseUntil', { date: formatDate(state.promise.promisedDate, language, 'long') })}</dd>
          </>
        )}
        {state.dispute && (
          <>
            <dt>{t('disputeLabel')}</dt>
            <dd data-testid="status-dispute">{state.dispute.reason}</dd>
          </>
        )}
        {state.paymentPlan && (
          <>
            <dt>{t('planLabel')}</dt>
            <dd data-testid="status-plan">
              <ul class="plain">
                {state.paymentPlan.instalments.map((instalment) => (
                  <li key={instalment.dueDate + instalment.amount}>
                    {formatDate(instalment.dueDate, language, 'short')} : {money(instalment.amount, state.currency, language, t)} {instalment.paid ? `(${t('instalmentPaid')})` : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <NextAction plan={state.plan} t={t} language={language} />
    </section>
  );
}
