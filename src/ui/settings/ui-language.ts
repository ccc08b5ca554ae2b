/**
 * The interface language: the user's choice in the settings (`interfaceLanguage`), else the
 * browser's (French for a French browser, English otherwise). Panel, settings and dashboard use it.
 */
import type { LedgerSettings } from '../../core/ledger';
import type { Language } from '../../core/model';
import { languageFromLocale } from '../i18n';

export function interfaceLanguageOf(settings: Pick<LedgerSettings, 'interfaceLanguage'> | null, browserLocale: string | undefined): Language {
  const chosen = settings?.interfaceLanguage;
  return chosen === 'fr' || chosen === 'en' ? chosen : languageFromLocale(browserLocale);
}
