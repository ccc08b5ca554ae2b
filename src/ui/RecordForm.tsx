/**
 * Recording what happened: a promise, a partial payment, a payment, a dispute (with its reason)
 * and its resolution, a visit, a registered letter, a note. One form, its fields by kind; a reply
 * the engine read can prefill it (ReplyProposal).
 */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../core/model';
import { parseUserAmount } from '../core/user-amount';
import type { PanelEntry } from '../protocol/messages';
import { Field, TextArea, ViewFrame } from './form-fields';
import type { MessageKey, Translate } from './i18n';

export const RECORD_KINDS = ['promise', 'partial_payment', 'payment', 'dispute_opened', 'dispute_resolved', 'visit', 'letter', 'note'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordValues {
  date: string;
  amount: string;
  text: string;
  who: string;
  registered: boolean;
  trackingNumber: string;
}

interface Props {
  initialKind: RecordKind;
  initial?: Partial<RecordValues>;
  today: IsoDate;
  /** Kinds that make no sense now (no open dispute: nothing to resolve). */
  unavailable: ReadonlySet<RecordKind>;
  t: Translate;
  onSave(entry: PanelEntry): void;
  onCancel(): void;
}

export function RecordForm({ initialKind, initial, today, unavailable, t, onSave, onCancel }: Props) {
  const [kind, setKind] = useState<RecordKind>(initialKind);
  const [values, setValues] = useState<RecordValues>({ date: today, amount: '', text: '', who: '', registered: true, trackingNumber: '', ...initial });
  const [errors, setErrors] = useState<Partial<Record<keyof RecordValues, string>>>({});
  const set = (key: keyof RecordValues) => (value: string) => setValues({ ...values, [key]: value });

  const submit = () => {
    const problems: Partial<Record<keyof RecordValues, string>> = {};
    const amount = values.amount.trim() === '' ? null : parseUserAmount(values.amount);
    if (values.amount.trim() !== '' && (amount === null || amount <= 0)) problems.amount = t('invalidAmount');
    const needsAmount = kind === 'partial_payment';
    if (needsAmount && values.amount.trim() === '') problems.amount = t('required');
    const needsDate = kind === 'promise' || kind === 'partial_payment' || kind === 'payment';
    if (needsDate && !values.date) problems.date = t('required');
    if (kind === 'promise' && values.date && values.date < today) problems.date = t('dateInPast');
    if ((kind === 'partial_payment' || kind === 'payment') && values.date > today) problems.date = t('dateInFuture');
    const needsText = kind === 'dispute_opened' || kind === 'dispute_resolved' || kind === 'note';
    if (needsText && !values.text.trim()) problems.text = t('required');
    if (kind === 'visit' && !values.who.trim()) problems.who = t('required');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const text = values.text.trim();
    switch (kind) {
      case 'promise':
        return onSave({ kind, promisedDate: values.date, ...(amount !== null ? { amount } : {}) });
      case 'partial_payment':
        return onSave({ kind, amount: amount!, paidOn: values.date });
      case 'payment':
        return onSave({ kind, paidOn: values.date, ...(amount !== null ? { amount } : {}) });
      case 'dispute_opened':
        return onSave({ kind, reason: text });
      case 'dispute_resolved':
        return onSave({ kind, resolution: text });
      case 'visit':
        return onSave({ kind, who: values.who.trim(), ...(text ? { said: text } : {}) });
      case 'letter':
        return onSave({ kind, registered: values.registered, ...(values.trackingNumber.trim() ? { trackingNumber: values.trackingNumber.trim() } : {}) });
      case 'note':
        return onSave({ kind, text });
    }
  };

  const dateLabel: MessageKey = kind === 'promise' ? 'promisedDate' : 'paidOn';
  const textLabel: MessageKey = kind === 'dispute_opened' ? 'disputeReason' : kind === 'dispute_resolved' ? 'disputeResolution' : kind === 'visit' ? 'callSaid' : 'noteText';
  return (
    <ViewFrame onCancel={onCancel} title={t('recordTitle')} testId="record-form" onSubmit={submit}>
      <div class="field-input">
        <label for="record-kind">{t('recordKind')}</label>
        <select id="record-kind" data-testid="record-kind" value={kind} onChange={(event) => setKind((event.currentTarget as HTMLSelectElement).value as RecordKind)}>
          {RECORD_KINDS.filter((option) => !unavailable.has(option) || option === kind).map((option) => (
            <option key={option} value={option}>{t(`record_${option}` as MessageKey)}</option>
          ))}
        </select>
      </div>
      {(kind === 'promise' || kind === 'partial_payment' || kind === 'payment') && (
        <>
          <Field label={t(dateLabel)} name="date" type="date" value={values.date} onInput={set('date')} error={errors.date} required />
          <Field label={kind === 'promise' ? t('promisedAmount') : t('amountReceived')} name="amount" value={values.amount} onInput={set('amount')} error={errors.amount} required={kind === 'partial_payment'} />
        </>
      )}
      {kind === 'visit' && <Field label={t('visitWho')} name="who" value={values.who} onInput={set('who')} error={errors.who} required />}
      {(kind === 'dispute_opened' || kind === 'dispute_resolved' || kind === 'visit' || kind === 'note') && (
        <TextArea label={t(textLabel)} name="text" value={values.text} onInput={set('text')} error={errors.text} required={kind !== 'visit'} />
      )}
      {kind === 'letter' && (
        <>
          <div class="field-input checkbox">
            <label>
              <input type="checkbox" data-testid="input-registered" checked={values.registered} onChange={(event) => setValues({ ...values, registered: (event.currentTarget as HTMLInputElement).checked })} />
              {t('letterRegistered')}
            </label>
          </div>
          <Field label={t('trackingNumber')} name="trackingNumber" value={values.trackingNumber} onInput={set('trackingNumber')} />
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-record">{t('saveEntry')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </ViewFrame>
  );
}
