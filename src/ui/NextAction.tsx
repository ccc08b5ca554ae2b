/**
 * The ladder's advice for a tracked invoice: what to do today (or since when), else the next step
 * and its date, with the reason in words. Codes come from core/chasing; the words from i18n.
 */
import type { ChasingAction, ChasingPlan } from '../core/chasing/next-actions';
import { formatDate } from '../core/format';
import type { Language } from '../core/model';
import type { MessageKey, Translate } from './i18n';

const ACTION_LABEL: Partial<Record<ChasingAction['type'], MessageKey>> = {
  agreed_call: 'action_agreed_call',
  promise_follow_up: 'action_promise_follow_up',
  plan_confirmation: 'action_plan_confirmation',
  instalment_reminder: 'action_instalment_reminder',
  instalment_follow_up: 'action_instalment_follow_up',
};

export function actionLabel(action: ChasingAction, t: Translate): string {
  const key = ACTION_LABEL[action.type] ?? (`step_${action.step}` as MessageKey);
  const reason = action.reason;
  const params: Record<string, string | number> = {};
  if (reason.code === 'days_past_due') params.n = reason.daysPastDue;
  if (reason.code === 'instalment_upcoming' || reason.code === 'instalment_missed') Object.assign(params, { number: reason.number, of: reason.of });
  return `${t(key)} (${t(`reason_${reason.code}` as MessageKey, params)})`;
}

export function NextAction({ plan, t, language }: { plan: ChasingPlan; t: Translate; language: Language }) {
  const first = plan.today[0];
  let text: string;
  if (first) {
    text = first.overdueSince
      ? t('nextActionOverdue', { date: formatDate(first.overdueSince, language, 'long'), action: actionLabel(first, t) })
      : t('nextActionToday', { action: actionLabel(first, t) });
  } else if (plan.next) {
    text = t('nextActionOn', { action: actionLabel(plan.next, t), date: formatDate(plan.next.date, language, 'long') });
  } else {
    text = t('noNextAction');
  }
  return (
    <p class="next-action" data-testid="next-action" data-status={plan.status} data-step={first?.step ?? plan.next?.step ?? ''}>
      {text}
    </p>
  );
}
