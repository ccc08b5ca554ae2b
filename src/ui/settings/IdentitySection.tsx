/** Company identity: name, trading name, legal form, address, SIRET (checksum), VAT number, phone, email. */
import { useState } from 'preact/hooks';
import type { CompanyIdentity } from '../../core/ledger';
import { SectionForm, TextBlock, TextInput } from './fields';
import { messagesFor } from './problems';
import { SaveStatus } from './SaveStatus';
import { orNull, type SectionProps } from './section-props';
import { useSave } from './use-save';

const FIELDS = ['signature', 'company.name', 'company.legalForm', 'company.address', 'company.siret', 'company.vatNumber', 'company.phone', 'company.email'];

/** The user's own name is the signature's first line when the signature is empty (onboarding sets both). */
export function IdentitySection({ settings, save, t }: SectionProps) {
  const [company, setCompany] = useState<CompanyIdentity>(settings.company);
  const { state, problems, submit } = useSave(save);
  const set = (key: keyof CompanyIdentity) => (value: string) => setCompany({ ...company, [key]: key === 'name' ? value : orNull(value) });
  const errors = (field: string) => messagesFor(problems, field, t);
  return (
    <SectionForm id="identity" title={t('identityTitle')} help={t('identityHelp')} saveLabel={t('save')} onSubmit={() => void submit({ ...settings, company })} status={<SaveStatus state={state} t={t} fields={FIELDS} />}>
      <div class="settings-grid">
        <TextInput id="company-name" label={t('company')} value={company.name} onInput={set('name')} errors={errors('company.name')} autoComplete="organization" />
        <TextInput id="company-legalForm" label={`${t('legalForm')} ${t('optional')}`} value={company.legalForm ?? ''} onInput={set('legalForm')} errors={errors('company.legalForm')} />
        <TextInput id="company-siret" label={t('siret')} hint={t('siretHelp')} value={company.siret ?? ''} onInput={set('siret')} errors={errors('company.siret')} inputMode="numeric" />
        <TextInput id="company-vatNumber" label={`${t('vatNumber')} ${t('optional')}`} value={company.vatNumber ?? ''} onInput={set('vatNumber')} errors={errors('company.vatNumber')} />
        <TextInput id="company-phone" label={t('phone')} type="tel" value={company.phone ?? ''} onInput={set('phone')} errors={errors('company.phone')} autoComplete="tel" />
        <TextInput id="company-email" label={t('email')} type="email" value={company.email ?? ''} onInput={set('email')} errors={errors('company.email')} autoComplete="email" />
      </div>
      <TextBlock id="company-address" label={t('address')} value={company.address ?? ''} onInput={set('address')} errors={errors('company.address')} />
    </SectionForm>
  );
}
