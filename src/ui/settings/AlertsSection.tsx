/** The daily alerts (model: `alerts`, the dashboard's): the notification's time (none allowed) and the badge's Gmail account. */
import { useState } from 'preact/hooks';
import { alertSettingsOf } from '../../core/ledger';
import { Checkbox, SectionForm, TextInput } from './fields';
import { messagesFor } from './problems';
import { SaveStatus } from './SaveStatus';
import { orNull, type SectionProps } from './section-props';
import { useSave } from './use-save';

export function AlertsSection({ settings, save, t }: SectionProps) {
  const alerts = alertSettingsOf(settings);
  const [notify, setNotify] = useState(alerts.notifyAt !== null);
  const [time, setTime] = useState(alerts.notifyAt ?? '09:00');
  const [account, setAccount] = useState(alerts.badgeAccount ?? '');
  const { state, problems, submit } = useSave(save);
  return (
    <SectionForm
      id="alerts"
      title={t('alertsTitle')}
      help={t('alertsHelp')}
      saveLabel={t('save')}
      onSubmit={() => void submit({ ...settings, alerts: { notifyAt: notify ? time : null, badgeAccount: orNull(account) } })}
      status={<SaveStatus state={state} t={t} fields={['alerts.notifyAt', 'alerts.badgeAccount']} />}
    >
      <Checkbox id="alerts-notify" label={t('alertsNotify')} checked={notify} onChange={setNotify} />
      <div class="settings-grid">
        {notify && <TextInput id="alerts-time" label={t('alertsTime')} value={time} onInput={setTime} errors={messagesFor(problems, 'alerts.notifyAt', t)} hint="HH:MM" />}
        <TextInput id="alerts-account" label={`${t('alertsAccount')} ${t('optional')}`} hint={t('alertsAccountHelp')} type="email" value={account} onInput={setAccount} errors={messagesFor(problems, 'alerts.badgeAccount', t)} />
      </div>
    </SectionForm>
  );
}
