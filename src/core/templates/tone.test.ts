import { describe, expect, it } from 'vitest';
import { CHASING_STEPS, type ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import { DEFAULT_TEMPLATES, TONE_VARIANTS, type DraftTone } from './defaults';
import { renderDraft } from './render-draft';
import { sampleContext } from './samples';
import { checkTone, toneViolations, type ToneViolation } from './tone';
import type { TemplateKey, TemplateOverrides } from './user-templates';

describe('toneViolations', () => {
  it('bans words of lateness in the friendly steps, in any case and with or without accents', () => {
    expect(toneViolations('Votre facture est en retard.', 'first_reminder', 'fr')).toEqual(['retard', 'en retard']);
    expect(toneViolations('Facture IMPAYÉE', 'pre_reminder', 'fr')).toEqual(['impayé']);
    expect(toneViolations('factures impayees', 'pre_reminder', 'fr')).toEqual(['impayé']);
    expect(toneViolations('Le délai dépassé de 10 jours', 'first_reminder', 'fr')).toContain('délai dépassé');
    expect(toneViolations('This invoice is overdue.', 'first_reminder', 'en')).toEqual(['overdue']);
    expect(toneViolations('It is now past due and late.', 'pre_reminder', 'en')).toEqual(['late', 'past due']);
  });

  it('bans threats at every step', () => {
    expect(toneViolations('Sans paiement, nous engagerons des poursuites et un huissier.', 'first_reminder', 'fr')).toEqual(['poursuites', 'huissier']);
    expect(toneViolations('We will send the bailiff.', 'pre_reminder', 'en')).toEqual(['bailiff']);
  });

  it('matches whole words only', () => {
    expect(toneViolations('I will relate this to the team later; a courteous note.', 'first_reminder', 'en')).toEqual([]);
    expect(toneViolations('La facture est payée, merci pour le délai de réponse.', 'first_reminder', 'fr')).toEqual([]);
  });

  it('accepts a courteous reminder', () => {
    const text = "Sauf erreur de ma part, je n'ai pas encore reçu le règlement de la facture n° F-2026-041. Il s'agit probablement d'un simple oubli.";
    expect(toneViolations(text, 'first_reminder', 'fr')).toEqual([]);
  });

  it('checks the list of the draft language', () => {
    expect(toneViolations('overdue', 'first_reminder', 'fr')).toEqual([]);
  });

  it('friendly wording does not count the reminders nor set hard deadlines, whatever the step; firm wording may', () => {
    expect(toneViolations('Deuxième relance – à régler au plus tard le 26 janvier.', 'second_reminder', 'fr', 'friendly')).toEqual(['deuxième relance', 'au plus tard']);
    expect(toneViolations('Deuxième relance – à régler au plus tard le 26 janvier.', 'second_reminder', 'fr', 'firm')).toEqual([]);
    expect(toneViolations('Deuxième relance – à régler au plus tard le 26 janvier.', 'second_reminder', 'fr')).toEqual([]);
    expect(toneViolations('Second reminder: please pay by 26 January at the latest.', 'further_reminder', 'en', 'friendly')).toEqual(['second reminder', 'at the latest']);
    expect(checkTone({ text: 'Merci de régler sans faute.', step: 'call_follow_up', language: 'fr', tone: 'friendly' })).toEqual([{ code: 'banned_term', term: 'sans faute', category: 'insistence' }]);
  });

  it('a firm tone does not lift the rules of the step: no lateness in a first reminder, even firm', () => {
    expect(toneViolations('Votre facture est en retard.', 'first_reminder', 'fr', 'firm')).toEqual(['retard', 'en retard']);
    expect(toneViolations('This invoice is overdue.', 'first_reminder', 'en', 'firm')).toEqual(['overdue']);
  });
});

describe('checkTone: edited templates that break the rules are caught', () => {
  const slot = (step: ChasingStep, part: 'subject' | 'body' = 'body'): TemplateKey => `${step}.fr.${part}`;
  const draft = (step: ChasingStep, overrides: TemplateOverrides, kind: 'business' | 'consumer' = 'business', language: Language = 'fr', tone?: DraftTone): ToneViolation[] => {
    const result = renderDraft({ ...sampleContext(step, language, kind), ...(tone ? { tone } : {}) }, { overrides });
    if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
    return result.draft.toneViolations;
  };
  const body = (step: ChasingStep, language: Language = 'fr'): string => DEFAULT_TEMPLATES[language][step].body;

  it('a threat added to any step', () => {
    for (const step of CHASING_STEPS) {
      const edited = `${body(step)}\n\nDernier avertissement : sans paiement, vous allez le regretter.`;
      expect(draft(step, { [slot(step)]: edited })).toEqual(
        expect.arrayContaining([
          { code: 'banned_term', term: 'dernier avertissement', category: 'threat' },
          { code: 'banned_term', term: 'vous allez le regretter', category: 'threat' },
        ]),
      );
    }
  });

  it('words that imitate a bailiff act, even in the formal notice', () => {
    const edited = body('formal_notice').replace('{{formal_closing}}', 'Un huissier procédera à la saisie de vos biens.\n\n{{formal_closing}}');
    expect(draft('formal_notice', { [slot('formal_notice')]: edited })).toEqual(
      expect.arrayContaining([
        { code: 'banned_term', term: 'huissier', category: 'fake_procedure' },
        { code: 'banned_term', term: 'saisie', category: 'fake_procedure' },
      ]),
    );
  });

  it('lateness in a friendly step', () => {
    const edited = body('first_reminder').replace('Il s\'agit probablement d\'un simple oubli.', 'Votre paiement est en retard, le délai est dépassé.');
    expect(draft('first_reminder', { [slot('first_reminder')]: edited }).map((violation) => violation.term)).toEqual(['retard', 'en retard', 'dépassé']);
    const english = DEFAULT_TEMPLATES.en.first_reminder.body.replace('It has most likely just been overlooked.', 'This invoice is now overdue.');
    expect(draft('first_reminder', { 'first_reminder.en.body': english }, 'business', 'en')).toEqual([{ code: 'banned_term', term: 'overdue', category: 'lateness' }]);
  });

  it('lateness slipped into the firm first reminder (bad faith): still a friendly step', () => {
    const firm = TONE_VARIANTS.fr.first_reminder?.firm?.body ?? '';
    const edited = firm.replace("À ce jour, je n'ai pas reçu le règlement", 'Votre règlement est en retard, le délai est dépassé : je n\'ai pas reçu le règlement');
    expect(edited).not.toBe(firm);
    expect(draft('first_reminder', { 'first_reminder.fr.firm.body': edited }, 'business', 'fr', 'firm').map((violation) => violation.term)).toEqual(['retard', 'en retard', 'dépassé']);
    const english = (TONE_VARIANTS.en.first_reminder?.firm?.body ?? '').replace('To date, I have not received payment', 'This invoice is now overdue. I have not received payment');
    expect(draft('first_reminder', { 'first_reminder.en.firm.body': english }, 'business', 'en', 'firm')).toEqual([{ code: 'banned_term', term: 'overdue', category: 'lateness' }]);
  });

  it('a softened second reminder that counts the reminders or drops the penalties', () => {
    const friendly = TONE_VARIANTS.fr.second_reminder?.friendly;
    expect(draft('second_reminder', { 'second_reminder.fr.friendly.subject': 'Deuxième relance – {{invoice_label}}' }, 'business', 'fr', 'friendly')).toEqual([
      { code: 'banned_term', term: 'deuxième relance', category: 'insistence' },
    ]);
    // The same subject is the firm wording's own: fine there.
    expect(draft('second_reminder', { 'second_reminder.fr.subject': 'Deuxième relance – {{invoice_label}}' })).toEqual([]);
    const noIndemnity = (friendly?.body ?? '').replace(", ainsi qu'à une indemnité forfaitaire pour frais de recouvrement de {{fixed_indemnity}} par facture ({{indemnity_law}})", '');
    expect(noIndemnity).not.toBe(friendly?.body);
    expect(draft('second_reminder', { 'second_reminder.fr.friendly.body': noIndemnity }, 'business', 'fr', 'friendly')).toEqual([{ code: 'missing_fixed_indemnity', term: '40\u00a0€' }]);
  });

  it('the court before the formal notice', () => {
    const edited = `${body('second_reminder')}\n\nJe saisirai ensuite le tribunal de commerce.`;
    expect(draft('second_reminder', { [slot('second_reminder')]: edited })).toEqual([{ code: 'banned_term', term: 'tribunal', category: 'court' }]);
  });

  it('a further reminder may announce the formal notice, not the court', () => {
    const ctx = sampleContext('further_reminder', 'fr');
    const toCourt = renderDraft({ ...ctx, nextStep: { step: 'escalation', date: '2027-01-26' } });
    expect(toCourt.ok && toCourt.draft.toneViolations).toEqual([
      { code: 'banned_term', term: 'tribunal', category: 'court' },
      { code: 'banned_term', term: 'injonction', category: 'court' },
      { code: 'banned_term', term: 'injonction de payer', category: 'court' },
    ]);
  });

  it('a second reminder without the 40 € indemnity or without the rate', () => {
    const noIndemnity = body('second_reminder').replace(', ainsi qu\'une indemnité forfaitaire pour frais de recouvrement de {{fixed_indemnity}} par facture ({{indemnity_law}})', '');
    expect(draft('second_reminder', { [slot('second_reminder')]: noIndemnity })).toEqual([{ code: 'missing_fixed_indemnity', term: '40\u00a0€' }]);
    const noRate = body('second_reminder').replace('{{#if penalty_rate}}annuel de {{penalty_rate}}{{else}}', '{{#if penalty_rate}}légal{{else}}');
    expect(draft('second_reminder', { [slot('second_reminder')]: noRate })).toEqual([{ code: 'missing_penalty_rate', term: '12,15\u00a0%' }]);
    // Neither is required for a private client.
    expect(draft('second_reminder', { [slot('second_reminder')]: noIndemnity }, 'consumer')).toEqual([]);
  });

  it('a fee asked of a private client', () => {
    const edited = `${body('second_reminder')}\n\nDes frais de dossier de 15 € et l'indemnité forfaitaire de 40 € s'ajoutent.`;
    expect(draft('second_reminder', { [slot('second_reminder')]: edited }, 'consumer')).toEqual([
      { code: 'consumer_fee', term: 'frais de dossier' },
      { code: 'consumer_fee', term: 'indemnité forfaitaire' },
      { code: 'consumer_fee', term: '40 €' },
    ]);
  });

  it('a formal notice without "mise en demeure"', () => {
    const overrides: TemplateOverrides = {
      [slot('formal_notice', 'subject')]: 'Facture impayée – {{invoice_label}}',
      [slot('formal_notice')]: body('formal_notice').replace('je vous mets en demeure de me régler', 'je vous demande de me régler').replace('la présente mise en demeure', 'la présente lettre'),
    };
    expect(draft('formal_notice', overrides)).toEqual([{ code: 'missing_mise_en_demeure', term: 'mise en demeure' }]);
  });

  it('a formal notice that drops the breakdown, the deadline, the consequences or the invoice list', () => {
    const stripped = [
      '{{formal_salutation}}',
      'Par la présente mise en demeure, je vous demande de régler {{claim_total}}.',
      'Le tribunal de commerce sera saisi.',
      '{{formal_closing}}',
    ].join('\n\n');
    const subject = 'Mise en demeure de payer';
    const codes = draft('formal_notice', { [slot('formal_notice')]: stripped, [slot('formal_notice', 'subject')]: subject });
    expect(codes).toEqual(
      expect.arrayContaining([
        { code: 'court_not_as_next_step', term: 'tribunal' },
        { code: 'missing_invoice_ref', term: 'F-2026-041' },
        { code: 'missing_breakdown', term: 'principal' },
        { code: 'missing_breakdown', term: 'interest' },
        { code: 'missing_breakdown', term: 'interest_rate' },
        { code: 'missing_breakdown', term: 'interest_period' },
        { code: 'missing_breakdown', term: 'fixed_indemnity' },
        { code: 'missing_deadline', term: '8' },
      ]),
    );
    const noConsequence = stripped.replace('Le tribunal de commerce sera saisi.', '');
    expect(draft('formal_notice', { [slot('formal_notice')]: noConsequence, [slot('formal_notice', 'subject')]: subject })).toContainEqual({ code: 'missing_consequences' });
  });

  it('a further reminder that drops the date of the next step', () => {
    const edited = body('further_reminder').replace('{{#if next_step_date}} d\'ici le {{next_step_date}}{{/if}}', '').replace(/\{\{#if next_step_date\}\}\nSans règlement[^\n]*\n\{\{\/if\}\}\n/, '');
    expect(draft('further_reminder', { [slot('further_reminder')]: edited })).toEqual([{ code: 'missing_next_step_date', term: '26 janvier 2027' }]);
  });

  it('names and addresses are not the template\'s words: a client called "Saisie Express" is fine', () => {
    const ctx = sampleContext('first_reminder', 'fr');
    const result = renderDraft({ ...ctx, client: { ...ctx.client, company: 'Saisie Express', contactName: 'Julien Retard' } });
    expect(result.ok && result.draft.toneViolations).toEqual([]);
  });

  it('the court file summary may name procedures, never threats', () => {
    const edited = `${body('escalation')}\n\nSignification par commissaire de justice.`;
    expect(draft('escalation', { [slot('escalation')]: edited })).toEqual([]);
    expect(draft('escalation', { [slot('escalation')]: `${body('escalation')}\nC'est inadmissible.` })).toEqual([{ code: 'banned_term', term: 'inadmissible', category: 'pressure' }]);
  });

  it('checks text without facts for banned words only', () => {
    expect(checkTone({ text: 'Mise en demeure', step: 'formal_notice', language: 'fr' })).toEqual([]);
    expect(checkTone({ text: 'We will name and shame you on social media.', step: 'second_reminder', language: 'en' })).toEqual([
      { code: 'banned_term', term: 'shame', category: 'pressure' },
      { code: 'banned_term', term: 'social media', category: 'disclosure' },
      { code: 'banned_term', term: 'name and shame', category: 'disclosure' },
    ]);
  });
});
