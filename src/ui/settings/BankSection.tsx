/** Bank details: IBAN (mod-97 checked by the ledger), BIC, an https payment link. */
import { useState } from 'preact/hooks';
import { SectionForm, TextInput } from './fields';
import { messagesFor } from './problems';
import { SaveStatus } from './SaveStatus';
import { orNull, type SectionProps } from './section-props';
import { useSave } from './use-save';

const FIELDS = ['iban', 'bic', 'paymentLink'];

/** The IBAN in groups of four, as printed on a RIB. */
export function groupedIban(iban: string | null): string {
  return (iban ?? '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function BankSection({ settings, save, t }: SectionProps) {
  const [iban, setIban] = useState(groupedIban(settings.iban));
  const [bic, setBic] = useState(settings.bic ?? '');
  const [link, setLink] = useState(settings.paymentLink ?? '');
  const { state, problems, submit } = useSave(save);
  const errors = (field: string) => messagesFor(problems, field, t);
  return (
    <SectionForm
      id="bank"
      title={t('bankTitle')}
      help={t('bankHelp')}
      saveLabel={t('save')}
      onSubmit={() => void submit({ ...settings, iban: orNull(iban), bic: orNull(bic), paymentLink: orNull(link) })}
      status={<SaveStatus state={state} t={t} fields={FIELDS} />}
    >
      <div class="settings-grid">
        <TextInput id="iban" label={t('iban')} hint={t('ibanHelp')} value={iban} onInput={setIban} errors={errors('iban')} />
        <TextInput id="bic" label={`${t('bic')} ${t('optional')}`} value={bic} onInput={setBic} errors={errors('bic')} />
      </div>
      <TextInput id="paymentLink" label={`${t('paymentLink')} ${t('optional')}`} hint={t('paymentLinkHelp')} type="url" value={link} onInput={setLink} errors={errors('paymentLink')} />
    </SectionForm>
  );
}
