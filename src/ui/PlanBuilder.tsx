/**
 * A payment plan (chasing-practice.md "Payment plans"): always a deposit now, the rest in
 * instalments (by default 3 payments at 0, 15 and 30 days). Amounts add up to what is owed, to the
 * cent; the schedule is shown before it is recorded.
 */
import { useState } from 'preact/hooks';
import { addDays } from '../core/dates';
import { formatDate, formatMoney } from '../core/format';
import type { IsoDate, Language } from '../core/model';
import { parseUserAmount } from '../core/user-amount';
import type { PanelEntry } from '../protocol/messages';
import { Field, ViewFrame } from './form-fields';
import type { Translate } from './i18n';

export interface PlanLine {
  dueDate: IsoDate;
  amount: number;
}

/** Deposit on `today`, then `count` equal instalments every `interval` days; the last takes the cents left. */
export function planSchedule(total: number, deposit: number, count: number, interval: number, today: IsoDate): PlanLine[] {
  const totalCents = Math.round(total * 100);
  const depositCents = Math.round(deposit * 100);
  const rest = totalCents - depositCents;
  const each = Math.floor(rest / count);
  const lines: PlanLine[] = [{ dueDate: today, amount: depositCents / 100 }];
  for (let index = 1; index <= count; index += 1) {
    const cents = index === count ? rest - each * (count - 1) : each;
    lines.push({ dueDate: addDays(today, interval * index), amount: cents / 100 });
  }
  return lines;
}

interface Props {
  outstanding: number;
  currency: string;
  today: IsoDate;
  t: Translate;
  language: Language;
  onSave(entry: PanelEntry): void;
  onCancel(): void;
}

export function PlanBuilder({ outstanding, currency, today, t, language, onSave, onCancel }: Props) {
  const [deposit, setDeposit] = useState(String(Math.round((outstanding / 3) * 100) / 100).replace('.', language === 'fr' ? ',' : '.'));
  const [count, setCount] = useState('2');
  const [interval, setInterval] = useState('15');
  const depositAmount = parseUserAmount(deposit);
  const instalments = Number(count);
  const days = Number(interval);
  const errors: Record<string, string> = {};
  if (depositAmount === null || depositAmount <= 0) errors.deposit = t('depositRequired');
  else if (depositAmount >= outstanding) errors.deposit = t('depositTooLarge');
  if (!Number.isInteger(instalments) || instalments < 1 || instalments > 24) errors.count = t('countRange');
  if (!Number.isInteger(days) || days < 1 || days > 180) errors.interval = t('intervalRange');
  const valid = Object.keys(errors).length === 0 && depositAmount !== null;
  const lines = valid ? planSchedule(outstanding, depositAmount, instalments, days, today) : [];
  const [shown, setShown] = useState(false);

  return (
    <ViewFrame onCancel={onCancel}
      title={t('planTitle')}
      testId="plan-builder"
      onSubmit={() => {
        setShown(true);
        if (!valid) return;
        const [first, ...rest] = lines;
        onSave({ kind: 'payment_plan', deposit: first!, instalments: rest });
      }}
    >
      <p class="muted">{t('planIntro', { amount: formatMoney(outstanding, currency, language) })}</p>
      <Field label={t('planDeposit')} name="deposit" value={deposit} onInput={setDeposit} error={shown || deposit !== '' ? errors.deposit : undefined} required />
      <div class="choice-row">
        <Field label={t('planCount')} name="count" type="number" value={count} onInput={setCount} error={errors.count} required />
        <Field label={t('planInterval')} name="interval" type="number" value={interval} onInput={setInterval} error={errors.interval} required />
      </div>
      {lines.length > 0 && (
        <table class="schedule" data-testid="plan-schedule">
          <caption>{t('planSchedule')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planDate')}</th>
              <th scope="col">{t('fieldAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={line.dueDate}>
                <td>{index === 0 ? t('planDepositNow', { date: formatDate(line.dueDate, language, 'short') }) : formatDate(line.dueDate, language, 'short')}</td>
                <td>{formatMoney(line.amount, currency, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-plan">{t('savePlan')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </ViewFrame>
  );
}
