/**
 * Logging a call: a short script from practice first (chasing-practice.md: name the invoice, ask the
 * reason, agree a solution, agree the next call before hanging up; on voicemail, facts only), then
 * the outcome, what was said, any promise, and the next call date, which is required.
 */
import { useEffect, useState } from 'preact/hooks';
import { addDays } from '../core/dates';
import type { IsoDate } from '../core/model';
import { parseUserAmount } from '../core/user-amount';
import type { CallOutcome } from '../core/ledger/events';
import type { PanelEntry } from '../protocol/messages';
import { Choice, Field, TextArea, ViewFrame } from './form-fields';
import type { Translate } from './i18n';
import type { LedgerPort } from './ports';

interface Props {
  invoiceId: string;
  clientName: string;
  today: IsoDate;
  /** Local time now, `HH:mm` (the host's clock; core has none). */
  now: string;
  ledger: LedgerPort;
  t: Translate;
  onSave(entry: PanelEntry): void;
  onCancel(): void;
}

export function CallForm({ invoiceId, clientName, today, now, ledger, t, onSave, onCancel }: Props) {
  const [calledAt, setCalledAt] = useState(`${today}T${now}`);
  const [who, setWho] = useState(clientName);
  const [phone, setPhone] = useState('');
  const [outcome, setOutcome] = useState<CallOutcome>('answered');
  const [said, setSaid] = useState('');
  const [promisedDate, setPromisedDate] = useState('');
  const [promisedAmount, setPromisedAmount] = useState('');
  const [nextCallDate, setNextCallDate] = useState(addDays(today, 7));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [voicemail, setVoicemail] = useState<string | null>(null);

  useEffect(() => {
    ledger.preview(invoiceId, { step: 'call' }).then((draft) => setVoicemail(draft.voicemailText ?? null), () => setVoicemail(null));
  }, [invoiceId]);

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(calledAt)) problems.calledAt = t('required');
    if (!who.trim()) problems.who = t('required');
    if (!nextCallDate) problems.nextCallDate = t('nextCallRequired');
    else if (nextCallDate < calledAt.slice(0, 10)) problems.nextCallDate = t('nextCallBeforeCall');
    const amount = promisedAmount.trim() === '' ? null : parseUserAmount(promisedAmount);
    if (promisedAmount.trim() !== '' && amount === null) problems.promisedAmount = t('invalidAmount');
    if (promisedDate && promisedDate < today) problems.promisedDate = t('dateInPast');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onSave({
      kind: 'call',
      calledAt,
      who: who.trim(),
      outcome,
      nextCallDate,
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(said.trim() ? { said: said.trim() } : {}),
      ...(promisedDate ? { promisedDate } : {}),
      ...(amount !== null ? { promisedAmount: amount } : {}),
    });
  };

  return (
    <ViewFrame onCancel={onCancel} title={t('logCall')} testId="call-form" onSubmit={submit}>
      <details class="script" open data-testid="call-script">
        <summary>{t('callScriptTitle')}</summary>
        <ol>
          <li>{t('callScript1')}</li>
          <li>{t('callScript2')}</li>
          <li>{t('callScript3')}</li>
          <li>{t('callScript4')}</li>
          <li>{t('callScript5')}</li>
        </ol>
        <p class="muted">{t('callScriptNoThreats')}</p>
        {voicemail && (
          <>
            <h3 class="section-subtitle">{t('voicemailTitle')}</h3>
            <p class="preview-text" data-testid="voicemail-text">{voicemail}</p>
          </>
        )}
      </details>
      <Field label={t('calledAt')} name="calledAt" type="datetime-local" value={calledAt} onInput={setCalledAt} error={errors.calledAt} required />
      <Field label={t('callWho')} name="who" value={who} onInput={setWho} error={errors.who} required />
      <Field label={t('callPhone')} name="phone" type="tel" value={phone} onInput={setPhone} />
      <Choice
        legend={t('callOutcome')}
        name="outcome"
        value={outcome}
        onChange={(next: CallOutcome) => setOutcome(next)}
        options={[
          { value: 'answered', label: t('outcome_answered') },
          { value: 'no_answer', label: t('outcome_no_answer') },
          { value: 'voicemail', label: t('outcome_voicemail') },
        ]}
      />
      <TextArea label={t('callSaid')} name="said" value={said} onInput={setSaid} />
      <Field label={t('promisedDate')} name="promisedDate" type="date" value={promisedDate} onInput={setPromisedDate} error={errors.promisedDate} />
      <Field label={t('promisedAmount')} name="promisedAmount" value={promisedAmount} onInput={setPromisedAmount} error={errors.promisedAmount} />
      <Field label={t('nextCallDate')} name="nextCallDate" type="date" value={nextCallDate} onInput={setNextCallDate} error={errors.nextCallDate} required hint={t('nextCallHint')} />
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-call">{t('saveEntry')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </ViewFrame>
  );
}
