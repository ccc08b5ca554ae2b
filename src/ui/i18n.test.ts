import { describe, expect, it } from 'vitest';
import { CHASING_STEPS } from '../core/chasing/steps';
import { STATUS_WORDS } from '../core/ledger/dossier-words';
import { RECORD_KINDS } from './RecordForm';
import { languageFromLocale, translator, type MessageKey } from './i18n';

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

describe('keys built at run time', () => {
  it('every status, step, record kind, tone, checklist status and penalty reason has words in both languages', () => {
    const keys = [
      ...Object.keys(STATUS_WORDS.fr).map((status) => `status_${status}`),
      ...CHASING_STEPS.map((step) => `step_${step}`),
      ...RECORD_KINDS.map((kind) => `record_${kind}`),
      ...['friendly', 'firm', 'formal'].map((tone) => `tone_${tone}`),
      ...['done', 'todo', 'check', 'warning', 'info'].map((status) => `checkStatus_${status}`),
      ...['amount_unknown', 'currency_unknown', 'due_date_unknown'].map((reason) => `penalty_${reason}`),
    ];
    for (const language of ['fr', 'en'] as const) {
      const t = translator(language);
      for (const key of keys) expect(t(key as MessageKey), `${language} ${key}`).not.toBe(key);
    }
  });
});

describe('the mail program is named as the host is', () => {
  it('says Gmail by default and Outlook in the add-in', () => {
    expect(translator('fr')('draftReady')).toContain('dans Gmail');
    expect(translator('fr', 'Outlook')('draftReady')).toBe('Brouillon prêt dans Outlook : relisez-le et envoyez-le vous-même.');
    expect(translator('en', 'Outlook')('unreadable')).toBe('Relance could not read this thread: Outlook did not give it as expected (it may have changed). The rest of Outlook is not affected.');
    // No Gmail gesture ("Tout développer") in the other host's words.
    expect(translator('fr', 'Outlook')('noReadableMessage')).toBe('Le message de la facture n’est pas affiché en entier : ouvrez-le ou dépliez-le dans Outlook pour que Relance le lise.');
    expect(translator('en', 'Outlook')('noReadableMessage')).not.toMatch(/Gmail|Expand all/);
  });
});
