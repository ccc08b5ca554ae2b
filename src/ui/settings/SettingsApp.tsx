/**
 * The settings page (the extension's options page) and the first-run welcome, mounted by
 * src/settings/main.tsx with the extension's ports. One small component per section; each saves
 * the whole settings record with its own changes, checked whole by the ledger (nothing half-saved).
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { LedgerSettings, UserTemplates } from '../../core/ledger';
import type { IsoDate, Language } from '../../core/model';
import { translator } from '../i18n';
import { settingsTranslator, type SettingsKey } from '../i18n-settings';
import { AddressesSection } from './AddressesSection';
import { AlertsSection } from './AlertsSection';
import { BackupSection } from './BackupSection';
import { BankSection } from './BankSection';
import { IdentitySection } from './IdentitySection';
import { LadderSection } from './LadderSection';
import { LanguageSection } from './LanguageSection';
import { Onboarding } from './Onboarding';
import { PenaltySection } from './PenaltySection';
import type { SettingsPort } from './ports';
import { SignatureSection } from './SignatureSection';
import { StorageSection } from './StorageSection';
import { TemplatesSection } from './TemplatesSection';
import { interfaceLanguageOf } from './ui-language';

interface Loaded {
  settings: LedgerSettings;
  templates: UserTemplates;
  today: IsoDate;
}

const SECTIONS: ReadonlyArray<[string, SettingsKey]> = [
  ['identity', 'identityTitle'],
  ['bank', 'bankTitle'],
  ['signature', 'signatureTitle'],
  ['language', 'languageTitle'],
  ['addresses', 'addressesTitle'],
  ['alerts', 'alertsTitle'],
  ['ladder', 'ladderTitle'],
  ['penalty', 'penaltyTitle'],
  ['templates', 'templatesTitle'],
  ['backup', 'backupTitle'],
  ['storage', 'storageTitle'],
];

/** `dailyAlerts` false: a host without the daily notification and the badge (the Outlook task pane) leaves their section out. */
export function SettingsApp({ port, onboarding = false, forcedLanguage, dailyAlerts = true }: { port: SettingsPort; onboarding?: boolean; forcedLanguage?: Language | undefined; dailyAlerts?: boolean }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after a restore: every section starts again from the restored settings.
  const [generation, setGeneration] = useState(0);
  const [welcome, setWelcome] = useState(onboarding);

  const load = useCallback(async () => {
    try {
      const [settings, templates, today] = await Promise.all([port.getSettings(), port.getTemplates(), port.today()]);
      setLoaded({ settings, templates, today });
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  }, [port]);
  useEffect(() => void load(), [load]);

  const language = forcedLanguage ?? interfaceLanguageOf(loaded?.settings ?? null, port.browserLocale);
  const t = useMemo(() => settingsTranslator(language), [language]);
  const panelT = useMemo(() => translator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = welcome ? t('welcomeTitle') : t('pageTitle');
  }, [language, welcome, t]);

  const save = useCallback(
    async (next: LedgerSettings) => {
      const outcome = await port.saveSettings(next);
      if (outcome.ok) setLoaded((current) => (current ? { ...current, settings: outcome.value } : current));
      return outcome;
    },
    [port],
  );

  if (error) return <main class="settings-page" data-ready="true"><p class="notice error" role="alert">{t('loadFailed', { reason: error })}</p></main>;
  if (!loaded) return <main class="settings-page" data-ready="false"><p class="muted">{t('loading')}</p></main>;
  if (welcome) return <Onboarding settings={loaded.settings} save={save} t={t} browserLocale={port.browserLocale} openTab={port.openTab} onDone={() => setWelcome(false)} />;

  const props = { settings: loaded.settings, save, t };
  return (
    <div class="settings-layout" lang={language}>
      <header class="settings-header">
        <h1>{t('pageTitle')}</h1>
        <p class="muted">{t('localOnly')}</p>
      </header>
      <nav class="settings-nav" aria-label={t('nav')}>
        <ul class="plain">
          {SECTIONS.filter(([id]) => dailyAlerts || id !== 'alerts').map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="settings-page" data-ready="true">
        {/* Keyed by `generation`: after a restore these start again from the restored settings (the backup section keeps its report). */}
        <IdentitySection key={`identity-${generation}`} {...props} />
        <BankSection key={`bank-${generation}`} {...props} />
        <SignatureSection key={`signature-${generation}`} {...props} />
        <LanguageSection key={`language-${generation}`} {...props} browserLocale={port.browserLocale} />
        <AddressesSection key={`addresses-${generation}`} {...props} />
        {dailyAlerts && <AlertsSection key={`alerts-${generation}`} {...props} />}
        <LadderSection key={`ladder-${generation}`} {...props} />
        <PenaltySection key={`penalty-${generation}`} {...props} today={loaded.today} />
        <TemplatesSection key={`templates-${generation}`} templates={loaded.templates} saveTemplates={port.saveTemplates} t={t} panelT={panelT} language={language} />
        <BackupSection
          port={port}
          t={t}
          language={language}
          onRestored={() => {
            void load().then(() => setGeneration((value) => value + 1));
          }}
        />
        <StorageSection persistence={port.persistence} t={t} />
      </main>
    </div>
  );
}
