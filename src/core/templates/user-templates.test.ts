import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, TONE_VARIANTS } from './defaults';
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
  templateKey,
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

describe('editing the wording of a tone', () => {
  const FRIENDLY: TemplateSlot = { step: 'second_reminder', language: 'fr', part: 'body', tone: 'friendly' };
  const FRIENDLY_SUBJECT: TemplateSlot = { ...FRIENDLY, part: 'subject' };
  const FIRM: TemplateSlot = { step: 'second_reminder', language: 'fr', part: 'body' };
  const EDIT = `{{greeting}}

Un petit mot amical au sujet {{of_invoice_ref}}.

{{#if is_b2b}}
Pour information : pénalités au taux annuel de {{penalty_rate}} et indemnité forfaitaire de {{fixed_indemnity}} par facture.
{{/if}}

{{signature}}`;

  it('keys: the usual tone keeps the key it always had, another tone adds its name', () => {
    expect(templateKey(FIRM)).toBe('second_reminder.fr.body');
    expect(templateKey({ ...FIRM, tone: 'firm' })).toBe('second_reminder.fr.body');
    expect(templateKey(FRIENDLY)).toBe('second_reminder.fr.friendly.body');
    expect(templateKey({ step: 'call', language: 'en', part: 'voicemail', tone: 'firm' })).toBe('call.en.firm.voicemail');
    expect(parseTemplateKey('second_reminder.fr.friendly.body')).toEqual(FRIENDLY);
    expect(parseTemplateKey('first_reminder.en.firm.subject')).toEqual({ step: 'first_reminder', language: 'en', part: 'subject', tone: 'firm' });
    expect(parseTemplateKey('second_reminder.fr.body')).toEqual(FIRM);
    for (const key of [
      'second_reminder.fr.firm.body', // the usual tone is never spelled out
      'second_reminder.fr.formal.body', // no formal wording for a reminder
      'pre_reminder.fr.firm.body', // the pre-reminder is friendly whatever the client
      'formal_notice.en.friendly.subject',
      'second_reminder.fr.angry.body',
      'second_reminder.fr.friendly.voicemail',
      'second_reminder.fr.friendly.body.x',
      'second_reminder.friendly.fr.body',
    ]) {
      expect(parseTemplateKey(key), key).toBeNull();
    }
  });

  it('an edit of a tone is saved under its own key, validated, rendered in that tone only, and reset on its own', () => {
    let overrides = saved({}, FIRM, MY_BODY);
    overrides = saved(overrides, FRIENDLY, EDIT);
    expect(overrides).toEqual({ 'second_reminder.fr.body': MY_BODY, 'second_reminder.fr.friendly.body': EDIT });
    expect(isEdited(overrides, FRIENDLY)).toBe(true);
    expect(isEdited(overrides, FRIENDLY_SUBJECT)).toBe(false);
    expect(effectiveTemplate(overrides, FRIENDLY_SUBJECT)).toBe(TONE_VARIANTS.fr.second_reminder?.friendly?.subject);

    const friendly = renderDraft({ ...sampleContext('second_reminder', 'fr'), tone: 'friendly' }, { overrides });
    expect(friendly.ok && friendly.draft.bodyText).toContain('Un petit mot amical au sujet de la facture n° F-2026-041.');
    expect(friendly.ok && friendly.draft.edited).toEqual(['body']);
    expect(friendly.ok && friendly.draft.toneViolations).toEqual([]);
    const firm = renderDraft(sampleContext('second_reminder', 'fr'), { overrides });
    expect(firm.ok && firm.draft.bodyText).toContain('Un petit mot au sujet de la facture n° F-2026-041.');

    expect(saved(overrides, FRIENDLY, TONE_VARIANTS.fr.second_reminder?.friendly?.body ?? '')).toEqual({ 'second_reminder.fr.body': MY_BODY });
    expect(resetTemplate(overrides, FRIENDLY)).toEqual({ 'second_reminder.fr.body': MY_BODY });
    expect(resetTemplate(overrides, { step: 'second_reminder', language: 'fr', tone: 'friendly' })).toEqual({ 'second_reminder.fr.body': MY_BODY });
    expect(resetTemplate(overrides, FIRM)).toEqual({ 'second_reminder.fr.friendly.body': EDIT });
    expect(resetTemplate(overrides, { step: 'second_reminder', language: 'fr' })).toEqual({});
    expect(effectiveTemplate(resetTemplate(overrides, FRIENDLY), FRIENDLY)).toBe(TONE_VARIANTS.fr.second_reminder?.friendly?.body);
  });

  it('refuses a broken edit of a tone, and never renders it', () => {
    const result = setTemplate({}, FRIENDLY, 'Bonjour {{prenom}}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'unknown_variable', variable: 'prenom' });
    const rendered = renderDraft({ ...sampleContext('second_reminder', 'fr'), tone: 'friendly' }, { overrides: { 'second_reminder.fr.friendly.body': '{{#if is_b2b}}' } });
    expect(rendered).toMatchObject({ ok: false, reason: 'template_errors', errors: [{ step: 'second_reminder', language: 'fr', part: 'body', tone: 'friendly', code: 'unclosed_block' }] });
    // A broken edit of another tone does not stop this one.
    expect(renderDraft(sampleContext('second_reminder', 'fr'), { overrides: { 'second_reminder.fr.friendly.body': '{{#if is_b2b}}' } }).ok).toBe(true);
    expect(() => setTemplate({}, { step: 'pre_reminder', language: 'fr', part: 'body', tone: 'firm' }, 'x')).toThrow(RangeError);
  });

  it('loads stored edits of tones, dropping keys that name no wording', () => {
    expect(
      loadOverrides({ 'second_reminder.fr.friendly.body': EDIT, 'second_reminder.fr.firm.body': 'x', 'pre_reminder.en.firm.body': 'x', 'call.fr.firm.voicemail': 'Bonjour', 'second_reminder.fr.body': MY_BODY }),
    ).toEqual({ 'second_reminder.fr.friendly.body': EDIT, 'call.fr.firm.voicemail': 'Bonjour', 'second_reminder.fr.body': MY_BODY });
  });

  it('reviews an edit of a tone in that tone', () => {
    const review = reviewTemplate(FRIENDLY_SUBJECT, 'Deuxième relance – {{invoice_label}}');
    expect(review.errors).toEqual([]);
    expect(review.previews.map((preview) => preview.tone)).toEqual(['friendly', 'friendly']);
    expect(review.toneViolations).toEqual([{ code: 'banned_term', term: 'deuxième relance', category: 'insistence', clientKind: 'business' }]);
    expect(reviewTemplate(FIRM, DEFAULT_TEMPLATES.fr.second_reminder.body).previews.map((preview) => preview.tone)).toEqual(['firm', 'firm']);
    expect(reviewTemplate(FRIENDLY, TONE_VARIANTS.fr.second_reminder?.friendly?.body ?? '')).toMatchObject({ errors: [], toneViolations: [] });
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
