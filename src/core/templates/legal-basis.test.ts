import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../law/jurisdiction';
import type { Language } from '../model';
import type { DraftContext } from './context';
import { fixedIndemnityUnit } from './legal-basis';
import { renderDraft } from './render-draft';
import { sampleContext } from './samples';

function secondReminder(language: Language, jurisdiction: Jurisdiction | undefined, overrides: Partial<DraftContext> = {}) {
  const base = sampleContext('second_reminder', language);
  const rendered = renderDraft({ ...base, ...(jurisdiction ? { jurisdiction } : {}), claims: null, ...overrides });
  if (!rendered.ok) throw new Error(`not rendered: ${rendered.reason}`);
  return rendered.draft;
}

const gbp = (amount: number): Partial<DraftContext> => ({
  invoices: [{ number: 'INV-0087', amount, currency: 'GBP', issueDate: '2026-10-24', dueDate: '2026-11-23' }],
});

describe('drafts cite the late-payment law of the claim’s jurisdiction', () => {
  it('cites the French Commercial Code by default, in English too (a French creditor writing abroad)', () => {
    const draft = secondReminder('en', undefined);
    expect(draft.bodyText).toContain('under our terms of sale and Article L441-10 of the French Commercial Code (Code de commerce)');
    expect(draft.bodyText).toContain('a fixed indemnity of €40 per invoice for recovery costs (Article D441-5 of the same Code)');
    expect(draft.toneViolations).toEqual([]);
  });

  it('cites the Late Payment Act and its fixed sum for the debt in the UK', () => {
    const draft = secondReminder('en', 'UK', gbp(5000));
    expect(draft.bodyText).toContain('under our terms of sale and section 1 of the Late Payment of Commercial Debts (Interest) Act 1998');
    expect(draft.bodyText).toContain('a fixed indemnity of £70 per invoice for recovery costs (section 5A of the same Act)');
    expect(draft.bodyText).not.toMatch(/French|L441|€40/);
    expect(draft.toneViolations).toEqual([]);
  });

  it('cites § 288 BGB in Germany and the national transposition of the directive elsewhere in the EU, in French and English', () => {
    expect(secondReminder('en', 'DE').bodyText).toContain('section 288(2) of the German Civil Code (BGB)');
    expect(secondReminder('en', 'DE').bodyText).toContain('(section 288(5) of the same Code)');
    expect(secondReminder('fr', 'DE').bodyText).toContain("à l'article 288, paragraphe 2, du Code civil allemand (BGB)");
    expect(secondReminder('en', 'EU').bodyText).toContain('the national law transposing Article 3 of Directive 2011/7/EU on late payment');
    expect(secondReminder('fr', 'EU').bodyText).toContain("à la loi nationale transposant l'article 3 de la directive 2011/7/UE");
    // The further reminder cites both provisions at once.
    const further = renderDraft({ ...sampleContext('further_reminder', 'en'), jurisdiction: 'DE' });
    expect(further.ok && further.draft.bodyText).toContain('(section 288(2) and (5) of the German Civil Code (BGB))');
    const furtherFr = renderDraft({ ...sampleContext('further_reminder', 'fr'), jurisdiction: 'UK', ...gbp(20000) });
    expect(furtherFr.ok && furtherFr.draft.bodyText).toContain('100\u00a0£');
    expect(furtherFr.ok && furtherFr.draft.bodyText).toContain('(sections 1 et 5A du Late Payment of Commercial Debts (Interest) Act 1998)');
    for (const [language, jurisdiction] of [['en', 'DE'], ['fr', 'DE'], ['en', 'EU'], ['fr', 'UK']] as const) {
      expect(secondReminder(language, jurisdiction, jurisdiction === 'UK' ? gbp(800) : {}).toneViolations).toEqual([]);
    }
  });

  it('states the legal fallback rate of the jurisdiction when no rate is agreed', () => {
    const first = (jurisdiction: Jurisdiction) => {
      const rendered = renderDraft({ ...sampleContext('further_reminder', 'en'), jurisdiction, penaltyRatePercent: null, claims: null });
      return rendered.ok ? rendered.draft.bodyText : '';
    };
    const further = first('UK') + first('FR');
    // The further reminder either states the rate or the rule; whichever template uses the fallback
    // must never state the French rule for a UK claim.
    expect(first('UK')).not.toContain('ECB refinancing rate plus 10');
    expect(further.length).toBeGreaterThan(0);
  });

  it('warns that the formal notice and escalation describe the French court procedure outside France', () => {
    for (const step of ['formal_notice', 'escalation'] as const) {
      const outside = renderDraft({ ...sampleContext(step, 'en'), jurisdiction: 'UK' });
      const inFrance = renderDraft({ ...sampleContext(step, 'en'), jurisdiction: 'FR' });
      expect(outside.ok && outside.draft.missingFacts).toContain('french_court_procedure');
      expect(inFrance.ok && inFrance.draft.missingFacts).not.toContain('french_court_procedure');
    }
    const reminder = renderDraft({ ...sampleContext('second_reminder', 'en'), jurisdiction: 'UK' });
    expect(reminder.ok && reminder.draft.missingFacts).not.toContain('french_court_procedure');
  });

  it('flags a UK second reminder that drops the fixed sum', () => {
    const edited = secondReminder('en', 'UK', gbp(5000));
    expect(edited.bodyText).toContain('£70');
    const overrides = { 'second_reminder.en.body': '{{greeting}}\n\nInvoice {{invoice_number}} is overdue; penalties at {{penalty_rate}} run under {{penalty_law}}.\n\n{{signature}}' };
    const rendered = renderDraft({ ...sampleContext('second_reminder', 'en'), jurisdiction: 'UK', claims: null, ...gbp(5000) }, { overrides });
    expect(rendered.ok && rendered.draft.toneViolations.map((violation) => violation.code)).toContain('missing_fixed_indemnity');
  });
});

describe('fixedIndemnityUnit', () => {
  it('is 40 € outside the UK, and the UK band of each debt (£40 / £70 / £100 at the edges)', () => {
    expect(fixedIndemnityUnit('FR', [123456], 'fr', '40\u00a0€')).toBe('40\u00a0€');
    expect(fixedIndemnityUnit('UK', [999.99], 'en', '€40')).toBe('£40');
    expect(fixedIndemnityUnit('UK', [1000], 'en', '€40')).toBe('£70');
    expect(fixedIndemnityUnit('UK', [9999.99], 'en', '€40')).toBe('£70');
    expect(fixedIndemnityUnit('UK', [10000], 'fr', '40\u00a0€')).toBe('100\u00a0£');
  });

  it('gives the range for invoices in different bands or an unknown amount', () => {
    expect(fixedIndemnityUnit('UK', [500, 600], 'en', '€40')).toBe('£40');
    expect(fixedIndemnityUnit('UK', [500, 5000], 'en', '€40')).toBe('£40 to £100 depending on the amount');
    expect(fixedIndemnityUnit('UK', [null], 'fr', '40\u00a0€')).toBe('de 40\u00a0£ à 100\u00a0£ selon le montant');
  });
});
