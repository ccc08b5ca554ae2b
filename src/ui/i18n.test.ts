import { describe, expect, it } from 'vitest';
import { languageFromLocale, translator } from './i18n';

describe('translator', () => {
  it('fills parameters in French and English', () => {
    expect(translator('fr')('pastDueDays', { n: 10 })).toBe('échue depuis 10 jours');
    expect(translator('en')('pastDueDays', { n: 10 })).toBe('10 days past due');
  });
  it('leaves an unknown placeholder visible rather than printing undefined', () => {
    expect(translator('en')('dueInDays')).toBe('due in {n} days');
  });
  it('picks French for French locales only', () => {
    expect(languageFromLocale('fr-CA')).toBe('fr');
    expect(languageFromLocale('en-GB')).toBe('en');
    expect(languageFromLocale('de')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});
