/** The interface language (automatic, French, English) and the default draft language for new clients. */
import { useState } from 'preact/hooks';
import type { InterfaceLanguage } from '../../core/ledger';
import type { Language } from '../../core/model';
import { languageFromLocale } from '../i18n';
import { Radios, SectionForm } from './fields';
import { SaveStatus } from './SaveStatus';
import type { SectionProps } from './section-props';
import { useSave } from './use-save';

export function LanguageSection({ settings, save, t, browserLocale }: SectionProps & { browserLocale: string }) {
  const [ui, setUi] = useState<InterfaceLanguage>(settings.interfaceLanguage ?? 'auto');
  const [drafts, setDrafts] = useState<Language>(settings.language);
  const { state, submit } = useSave(save);
  const browser = languageFromLocale(browserLocale) === 'fr' ? t('languageFr') : t('languageEn');
  return (
    <SectionForm
      id="language"
      title={t('languageTitle')}
      saveLabel={t('save')}
      onSubmit={() => void submit({ ...settings, interfaceLanguage: ui, language: drafts })}
      status={<SaveStatus state={state} t={t} fields={[]} />}
    >
      <Radios name="interfaceLanguage" legend={t('interfaceLanguage')} value={ui} onChange={setUi} options={[{ value: 'auto', label: t('languageAuto', { browser }) }, { value: 'fr', label: t('languageFr') }, { value: 'en', label: t('languageEn') }]} />
      <Radios name="draftLanguage" legend={t('draftLanguage')} value={drafts} onChange={setDrafts} options={[{ value: 'fr', label: t('languageFr') }, { value: 'en', label: t('languageEn') }]} />
      <p class="muted hint">{t('draftLanguageHelp')}</p>
    </SectionForm>
  );
}
