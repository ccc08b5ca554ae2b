/**
 * First run: the minimum to draft a good reminder (name, company, IBAN, language), "Skip" allowed,
 * then how to open an invoice thread (and, with the demo mailbox, its demo thread).
 */
import { useState } from 'preact/hooks';
import type { InterfaceLanguage, LedgerSettings } from '../../core/ledger';
import { languageFromLocale } from '../i18n';
import type { SettingsTranslate } from '../i18n-settings';
import { Radios, TextInput } from './fields';
import { messagesFor } from './problems';
import type { SaveOutcome } from './ports';
import { SaveStatus } from './SaveStatus';
import { orNull } from './section-props';
import { useSave } from './use-save';

/** The demo mailbox's French invoice thread (`npm run demo`, tests/fixtures/gmail: frOverdue). */
export const DEMO_THREAD_URL = 'https://mail.google.com/mail/u/1/#inbox/19a1b3d5f7092a42';

interface Props {
  settings: LedgerSettings;
  save(next: LedgerSettings): Promise<SaveOutcome<LedgerSettings>>;
  t: SettingsTranslate;
  browserLocale: string;
  openTab(url: string): void;
  onDone(): void;
}

/** The signature drafts end with: the user's name, then the company. */
function signatureOf(name: string, company: string, previous: string): string {
  if (previous.trim() !== '' || name.trim() === '') return previous;
  return [name.trim(), company.trim()].filter(Boolean).join('\n');
}

export function Onboarding({ settings, save, t, browserLocale, openTab, onDone }: Props) {
  const [name, setName] = useState(settings.signature.split('\n')[0] ?? '');
  const [company, setCompany] = useState(settings.company.name);
  const [iban, setIban] = useState(settings.iban ?? '');
  const [language, setLanguage] = useState<InterfaceLanguage>(settings.interfaceLanguage ?? 'auto');
  const [finished, setFinished] = useState(false);
  const { state, problems, submit } = useSave(save);
  const browser = languageFromLocale(browserLocale) === 'fr' ? t('languageFr') : t('languageEn');

  if (finished) {
    return (
      <main class="settings-page welcome" data-ready="true" data-testid="welcome-done">
        <h1>{t('welcomeDoneTitle')}</h1>
        <p>{t('welcomeNext')}</p>
        <p class="muted">{t('welcomeDemo')}</p>
        <div class="settings-buttons">
          <button type="button" class="primary" data-testid="open-demo-thread" onClick={() => openTab(DEMO_THREAD_URL)}>
            {t('openDemoThread')}
          </button>
          <button type="button" class="secondary" data-testid="open-all-settings" onClick={onDone}>
            {t('openSettings')}
          </button>
        </div>
      </main>
    );
  }

  const onSubmit = async () => {
    const language_ = language === 'auto' ? settings.language : language;
    const ok = await submit({
      ...settings,
      company: { ...settings.company, name: company.trim() },
      iban: orNull(iban),
      interfaceLanguage: language,
      language: language_,
      signature: signatureOf(name, company, settings.signature),
    });
    if (ok) setFinished(true);
  };
  return (
    <main class="settings-page welcome" data-ready="true" data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <TextInput id="welcome-name" label={t('yourName')} value={name} onInput={setName} autoComplete="name" />
        <TextInput id="welcome-company" label={t('company')} value={company} onInput={setCompany} autoComplete="organization" errors={messagesFor(problems, 'company.name', t)} />
        <TextInput id="welcome-iban" label={t('iban')} hint={t('ibanHelp')} value={iban} onInput={setIban} errors={messagesFor(problems, 'iban', t)} />
        <Radios name="welcomeLanguage" legend={t('interfaceLanguage')} value={language} onChange={setLanguage} options={[{ value: 'auto', label: t('languageAuto', { browser }) }, { value: 'fr', label: t('languageFr') }, { value: 'en', label: t('languageEn') }]} />
        <div class="settings-buttons">
          <button type="submit" class="primary" data-testid="welcome-save">
            {t('welcomeSave')}
          </button>
          <button type="button" class="secondary" data-testid="welcome-skip" onClick={() => setFinished(true)}>
            {t('welcomeSkip')}
          </button>
        </div>
        <p class="settings-status" role="status" aria-live="polite">
          <SaveStatus state={state} t={t} fields={['company.name', 'iban']} />
        </p>
      </form>
    </main>
  );
}
