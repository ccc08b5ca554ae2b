/** The user's own mailbox addresses (told apart from the clients' in a thread). */
import { useState } from 'preact/hooks';
import { SectionForm, TextInput } from './fields';
import { messagesFor } from './problems';
import { SaveStatus } from './SaveStatus';
import type { SectionProps } from './section-props';
import { useSave } from './use-save';

export function AddressesSection({ settings, save, t }: SectionProps) {
  const [emails, setEmails] = useState<string[]>(settings.ownEmails.length ? settings.ownEmails : []);
  const { state, problems, submit } = useSave(save);
  const fields = emails.map((_, index) => `ownEmails.${index}`);
  return (
    <SectionForm
      id="addresses"
      title={t('addressesTitle')}
      help={t('addressesHelp')}
      saveLabel={t('save')}
      onSubmit={() => void submit({ ...settings, ownEmails: emails.filter((email) => email.trim() !== '') })}
      status={<SaveStatus state={state} t={t} fields={fields} />}
    >
      {emails.length === 0 && <p class="muted">{t('noAddress')}</p>}
      <ul class="plain settings-list">
        {emails.map((email, index) => (
          <li key={index} class="settings-row">
            <TextInput id={`ownEmail-${index}`} label={t('ownEmail', { n: index + 1 })} type="email" value={email} onInput={(value) => setEmails(emails.map((old, at) => (at === index ? value : old)))} errors={messagesFor(problems, `ownEmails.${index}`, t)} />
            <button type="button" class="tool" onClick={() => setEmails(emails.filter((_, at) => at !== index))}>
              {t('removeAddress', { email: email || t('ownEmail', { n: index + 1 }) })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" data-testid="add-address" onClick={() => setEmails([...emails, ''])}>
        {t('addAddress')}
      </button>
    </SectionForm>
  );
}
