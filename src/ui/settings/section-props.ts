import type { LedgerSettings } from '../../core/ledger';
import type { SettingsTranslate } from '../i18n-settings';
import type { SaveOutcome } from './ports';

/** What every settings section gets: the saved settings, and a save of the whole record with its changes. */
export interface SectionProps {
  settings: LedgerSettings;
  save(next: LedgerSettings): Promise<SaveOutcome<LedgerSettings>>;
  t: SettingsTranslate;
}

/** '' reads as "not given" (null) for optional text fields. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value);
