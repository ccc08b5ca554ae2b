import { describe, expect, it } from 'vitest';
import { SETTINGS_CATALOGUES, settingsTranslator, type SettingsKey } from './i18n-settings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the settings catalogue', () => {
  it('has the same placeholders in French and English, and no empty string', () => {
    for (const key of Object.keys(SETTINGS_CATALOGUES.fr) as SettingsKey[]) {
      expect(placeholders(SETTINGS_CATALOGUES.en[key]), key).toEqual(placeholders(SETTINGS_CATALOGUES.fr[key]));
      expect(SETTINGS_CATALOGUES.fr[key].trim(), key).not.toBe('');
      expect(SETTINGS_CATALOGUES.en[key].trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(settingsTranslator('en')('exported', { file: 'b.json', invoices: 2, events: 5 })).toBe('Backup b.json: 2 invoices, 5 logbook entries.');
    expect(settingsTranslator('fr')('ownEmail')).toBe('Adresse {n}');
  });
});
