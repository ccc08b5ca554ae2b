import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './defaults';
import { renderDraft } from './render-draft';
import { reviewTemplate } from './review';
import { sampleContext } from './samples';
import {
  effectiveTemplate,
  isEdited,
  loadOverrides,
  parseTemplateKey,
  resetTemplate,
  setTemplate,
  validateTemplate,
  type TemplateOverrides,
  type TemplateSlot,
} from './user-templates';

const BODY: TemplateSlot = { step: 'first_reminder', language: 'fr', part: 'body' };
const SUBJECT: TemplateSlot = { step: 'first_reminder', language: 'fr', part: 'subject' };
const MY_BODY = '{{greeting}}\n\nUn petit mot au sujet {{of_invoice_ref}}.\n\n{{payment_details}}\n\nMerci !\n{{signature}}';

function saved(overrides: TemplateOverrides, slot: TemplateSlot, source: string): TemplateOverrides {
  const result = setTemplate(overrides, slot, source);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.overrides;
}

describe('editing templates', () => {
  it('stores only the parts the user changed, and renders them', () => {
    const overrides = saved({}, BODY, MY_BODY);
    expect(overrides).toEqual({ 'first_reminder.fr.body': MY_BODY });
    expect(isEdited(overrides, BODY)).toBe(true);
    expect(isEdited(overrides, SUBJECT)).toBe(false);
    expect(effectiveTemplate(overrides, SUBJECT)).toBe(DEFAULT_TEMPLATES.fr.first_reminder.subject);
    const result = renderDraft(sampleContext('first_reminder', 'fr'), { overrides });
    expect(result.ok && result.draft.bodyText).toContain('Un petit mot au sujet de la facture n° F-2026-041.');
    expect(result.ok && result.draft.edited).toEqual(['body']);
  });

  it('saving the default text stores nothing', () => {
    const overrides = saved({ 'first_reminder.fr.body': MY_BODY }, BODY, DEFAULT_TEMPLATES.fr.first_reminder.body);
    expect(overrides).toEqual({});
  });

  it('resets one part, or the whole step in one language, to the default', () => {
    let overrides = saved({}, BODY, MY_BODY);
    overrides = saved(overrides, SUBJECT, 'Un petit rappel');
    overrides = saved(overrides, { ...BODY, language: 'en' }, 'Hi,\n\n{{invoice_ref}}');
    expect(Object.keys(resetTemplate(overrides, SUBJECT)).sort()).toEqual(['first_reminder.en.body', 'first_reminder.fr.body']);
    expect(resetTemplate(overrides, { step: 'first_reminder', language: 'fr' })).toEqual({ 'first_reminder.en.body': 'Hi,\n\n{{invoice_ref}}' });
    const reset = resetTemplate(overrides, { step: 'first_reminder', language: 'fr' });
    expect(effectiveTemplate(reset, BODY)).toBe(DEFAULT_TEMPLATES.fr.first_reminder.body);
  });

  it('refuses an edit that breaks a variable, with a clear error', () => {
    const result = setTemplate({}, BODY, 'Bonjour {{prenom}},\n\n{{#if several_invoices}}plusieurs');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.code)).toEqual(['unknown_variable', 'unclosed_block']);
    expect(result.errors[0]).toMatchObject({ variable: 'prenom', line: 1, column: 9 });
    expect(result.errors[0]?.known).toContain('greeting');
    expect(result.errors[1]?.message).toBe('line 3, column 1: "{{#if several_invoices}}" is never closed: add {{/if}}');
    expect(validateTemplate('{{client_nme}}')[0]?.suggestion).toBe('client_name');
  });

  it('never renders a broken draft from an invalid stored edit', () => {
    const result = renderDraft(sampleContext('formal_notice', 'fr'), { overrides: { 'formal_notice.fr.body': 'Madame, {{montant}}' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ step: 'formal_notice', language: 'fr', part: 'body', code: 'unknown_variable', variable: 'montant' });
  });

  it('cleans stored overrides on load', () => {
    expect(
      loadOverrides({ 'first_reminder.fr.body': MY_BODY, 'pre_reminder.fr.voicemail': 'x', 'call.en.voicemail': 'Hi', 'nope.fr.body': 'x', 'call.de.body': 'x', 'second_reminder.fr.subject': 42 }),
    ).toEqual({ 'first_reminder.fr.body': MY_BODY, 'call.en.voicemail': 'Hi' });
    expect(loadOverrides(null)).toEqual({});
    expect(parseTemplateKey('formal_notice.en.subject')).toEqual({ step: 'formal_notice', language: 'en', part: 'subject' });
    expect(parseTemplateKey('formal_notice.en.subject.x')).toBeNull();
  });
});

describe('reviewing an edit', () => {
  it('returns the tone violations of the drafts it would give, per client kind', () => {
    const slot: TemplateSlot = { step: 'second_reminder', language: 'fr', part: 'body' };
    const review = reviewTemplate(slot, '{{greeting}}\n\nMerci de régler {{total}} au plus vite, sinon c\'est inadmissible.\n\n{{signature}}');
    expect(review.errors).toEqual([]);
    expect(review.toneViolations).toEqual([
      { code: 'banned_term', term: 'inadmissible', category: 'pressure', clientKind: 'business' },
      { code: 'missing_penalty_rate', term: '12,15\u00a0%', clientKind: 'business' },
      { code: 'missing_fixed_indemnity', term: '40\u00a0€', clientKind: 'business' },
    ]);
    expect(review.previews).toHaveLength(2);
  });

  it('accepts the defaults as they are', () => {
    const review = reviewTemplate({ step: 'formal_notice', language: 'en', part: 'body' }, DEFAULT_TEMPLATES.en.formal_notice.body);
    expect(review).toMatchObject({ errors: [], toneViolations: [] });
  });

  it('returns template errors instead of a preview', () => {
    const review = reviewTemplate({ step: 'call', language: 'fr', part: 'voicemail' }, 'Bonjour {{#each invoices}}{{numero}}{{/each}}');
    expect(review.errors[0]).toMatchObject({ code: 'unknown_variable', variable: 'numero', suggestion: 'number' });
    expect(review.previews).toEqual([]);
  });
});
