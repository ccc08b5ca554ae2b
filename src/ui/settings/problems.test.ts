import { describe, expect, it } from 'vitest';
import { settingsTranslator } from '../i18n-settings';
import { interfaceLanguageOf } from './ui-language';
import { messagesFor, problemMessage } from './problems';

const fr = settingsTranslator('fr');
const en = settingsTranslator('en');

describe('problemMessage', () => {
  it('says what is wrong with an IBAN, a SIRET, a delay, in the user language', () => {
    expect(problemMessage({ field: 'iban', code: 'bad_checksum', message: '' }, fr)).toMatch(/IBAN invalide : la clé de contrôle/);
    expect(problemMessage({ field: 'iban', code: 'bad_format', message: '' }, en)).toMatch(/^Invalid IBAN: 2 country letters/);
    expect(problemMessage({ field: 'company.siret', code: 'bad_checksum', message: '' }, en)).toMatch(/Invalid SIRET/);
    expect(problemMessage({ field: 'chasing.delays.secondReminder', code: 'out_of_order', message: '' }, fr)).toMatch(/après la précédente/);
    expect(problemMessage({ field: 'penalty.rateOverrides.3.period', code: 'bad_format', message: '' }, en)).toBe('Half-year as 2026-H2.');
    expect(problemMessage({ field: 'company.email', code: 'not_an_email', message: '' }, fr)).toBe('Adresse e-mail invalide.');
  });

  it('keeps each field’s problems to itself', () => {
    const problems = [
      { field: 'iban', code: 'bad_checksum' as const, message: '' },
      { field: 'bic', code: 'bad_format' as const, message: '' },
    ];
    expect(messagesFor(problems, 'bic', en)).toEqual(['Invalid BIC: 8 or 11 letters and digits.']);
    expect(messagesFor(problems, 'paymentLink', en)).toEqual([]);
  });
});

describe('interfaceLanguageOf', () => {
  it('follows the settings, else the browser', () => {
    expect(interfaceLanguageOf({ interfaceLanguage: 'en' }, 'fr-FR')).toBe('en');
    expect(interfaceLanguageOf({ interfaceLanguage: 'auto' }, 'fr-FR')).toBe('fr');
    expect(interfaceLanguageOf({}, 'de-DE')).toBe('en');
    expect(interfaceLanguageOf(null, 'fr')).toBe('fr');
  });
});
