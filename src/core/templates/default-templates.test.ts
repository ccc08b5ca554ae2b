/**
 * Every default template, in every language, in every tone it has, for a business and a private
 * client, for one and for several invoices, with every fact and with almost none: rendered and
 * passed through the tone checks.
 */
import { describe, expect, it } from 'vitest';
import { CHASING_STEPS, type ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import type { ClientKind, DraftCause, DraftContext } from './context';
import { allTemplateSlots, DEFAULT_TEMPLATES, DEFAULT_TONE_OF_STEP, defaultTemplate, DRAFT_TONES, resolveTone, templateParts, TONE_VARIANTS, TONES_OF_STEP } from './defaults';
import { renderDraft, type RenderedDraft } from './render-draft';
import { sampleContext } from './samples';
import { validateTemplate } from './user-templates';

const LANGUAGES: Language[] = ['fr', 'en'];
const KINDS: ClientKind[] = ['business', 'consumer'];
const CAUSES: DraftCause[] = ['oversight', 'cash_trouble', 'bad_faith', 'unknown'];

/** Intl writes fr-FR amounts with no-break spaces; compare on plain ones. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

function rendered(ctx: DraftContext): RenderedDraft {
  const result = renderDraft(ctx);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.draft;
}

/** Two invoices of the same client, with the claim per invoice currency. */
function severalInvoices(ctx: DraftContext): DraftContext {
  const business = ctx.client.kind === 'business';
  return {
    ...ctx,
    invoices: [
      { number: 'F-2026-041', amount: 2400, currency: 'EUR', issueDate: '2026-10-24', dueDate: '2026-11-23' },
      { number: 'F-2026-047', amount: 600, currency: 'EUR', issueDate: '2026-11-02', dueDate: '2026-12-02', description: 'maintenance' },
    ],
    claims: [
      business
        ? {
            currency: 'EUR',
            principal: 3000,
            interest: 51.2,
            interestPeriods: [
              { from: '2026-11-24', to: '2026-12-31', ratePercent: 12.15 },
              { from: '2027-01-01', to: '2027-01-19', ratePercent: 12.15 },
            ],
            fixedIndemnity: 80,
            paid: 500,
            total: 2631.2,
          }
        : { currency: 'EUR', principal: 3000, interest: 0, fixedIndemnity: 0, paid: 500, total: 2500 },
    ],
  };
}

/** Almost nothing known: an invoice number, the kind of client. */
function bare(step: ChasingStep, language: Language, kind: ClientKind): DraftContext {
  return { step, language, today: '2027-01-19', invoices: [{ number: 'F-2026-041', amount: null, currency: null, issueDate: null, dueDate: null }], client: { kind } };
}

/** Several invoices, one without amount, two currencies, no sender: no total can be given. */
function mixed(step: ChasingStep, language: Language, kind: ClientKind): DraftContext {
  return {
    step,
    language,
    today: '2026-12-01',
    invoices: [
      { number: 'A-1', amount: 1200.5, currency: 'eur', issueDate: '2026-10-01', dueDate: '2026-12-01' },
      { number: 'A-2', amount: 300, currency: 'USD', issueDate: null, dueDate: '2026-12-10' },
      { number: 'A-3', amount: null, currency: null, issueDate: '2026-10-15', dueDate: null },
    ],
    client: { kind, contactName: 'Priya Shah', email: 'priya@northwind.example' },
  };
}

const VARIANTS: Array<[string, (step: ChasingStep, language: Language, kind: ClientKind) => DraftContext]> = [
  ['every fact, one invoice', (step, language, kind) => sampleContext(step, language, kind)],
  ['every fact, several invoices', (step, language, kind) => severalInvoices(sampleContext(step, language, kind))],
  ['almost nothing known', bare],
  ['several invoices, mixed currencies, missing amount', mixed],
  ['before the due date', (step, language, kind) => ({ ...sampleContext(step, language, kind), today: '2026-11-20' })],
  ['on the due date, first of the month', (step, language, kind) => ({ ...sampleContext(step, language, kind), today: '2026-12-01', invoices: [{ number: 'F-9', amount: 99.9, currency: 'GBP', issueDate: '2026-11-01', dueDate: '2026-12-01' }] })],
];

describe('default templates', () => {
  it('exist for every step, language and part, and compile', () => {
    for (const language of LANGUAGES) for (const step of CHASING_STEPS) expect(Object.keys(DEFAULT_TEMPLATES[language][step]).sort()).toEqual([...templateParts(step)].sort());
    for (const { step, language, part, tone } of allTemplateSlots()) {
      const source = defaultTemplate(step, language, part, tone);
      expect(source, `${step}.${language}.${tone ?? ''}.${part}`).not.toBeNull();
      expect(validateTemplate(source ?? ''), `${step}.${language}.${tone ?? ''}.${part}`).toEqual([]);
    }
  });

  it('exist in every tone a step lists, in both languages, with every part, and in no other tone', () => {
    for (const step of CHASING_STEPS) {
      expect(TONES_OF_STEP[step][0], step).toBe(DEFAULT_TONE_OF_STEP[step]);
      expect(new Set(TONES_OF_STEP[step]).size).toBe(TONES_OF_STEP[step].length);
      for (const language of LANGUAGES) {
        const variants = TONE_VARIANTS[language][step] ?? {};
        expect(Object.keys(variants).sort(), `${language} ${step}`).toEqual(TONES_OF_STEP[step].slice(1).sort());
        for (const templates of Object.values(variants)) expect(Object.keys(templates).sort()).toEqual([...templateParts(step)].sort());
      }
    }
    // Every variant is worded differently from the step's usual tone.
    for (const { step, language, part, tone } of allTemplateSlots()) {
      if (tone && part === 'body') expect(defaultTemplate(step, language, part, tone), `${step}.${language}.${tone}`).not.toBe(defaultTemplate(step, language, part));
    }
    // Per language: first reminder firm, call follow-up, second and further reminders friendly (2 parts each), call firm (3 parts).
    expect(allTemplateSlots().filter((slot) => slot.tone !== undefined)).toHaveLength(2 * (4 * 2 + 3));
  });

  for (const language of LANGUAGES) {
    for (const step of CHASING_STEPS) {
      for (const tone of TONES_OF_STEP[step]) {
        for (const kind of KINDS) {
          for (const [variant, build] of VARIANTS) {
            it(`${language} ${step}, ${tone}, ${kind}, ${variant}: renders and keeps every tone rule`, () => {
              const ctx: DraftContext = { ...build(step, language, kind), tone };
              const draft = rendered(ctx);
              expect(draft.tone).toBe(tone);
              expect(draft.requestedTone).toBe(tone);
              const everything = [draft.subject, draft.bodyText, draft.voicemailText, draft.checklistText].filter(Boolean).join('\n\n');
              expect(draft.toneViolations).toEqual([]);
              expect(draft.subject.trim()).not.toBe('');
              expect(draft.subject).not.toContain('\n');
              expect(draft.bodyText.trim()).not.toBe('');
              expect(everything).not.toMatch(/null|undefined|NaN|Invalid Date|\[object|\{\{|\}\}/);
              // No hole left by a missing fact.
              expect(plain(everything)).not.toMatch(/ ,|,,|\.\.|[^.] \.|\n{3,}|\(\s*\)|–\s*$| – –/m);
              expect(draft.bodyHtml).not.toMatch(/<script|undefined|null/);
              expect(draft.step).toBe(step);
              expect(draft.language).toBe(language);
              expect(draft.voicemailText !== undefined).toBe(step === 'call');
              expect(draft.letterHtml !== undefined).toBe(step === 'formal_notice');
              expect(draft.checklist !== undefined).toBe(step === 'escalation');
              if (kind === 'consumer') expect(plain(everything)).not.toMatch(/40 €|€40|indemnité forfaitaire|fixed indemnity/);
              for (const invoice of ctx.invoices) if (step !== 'call' || ctx.invoices.length === 1) expect(everything).toContain(invoice.number);
            });
          }
        }

        it(`${language} ${step}, ${tone}: every cause but a dispute, with and without the ladder's advice, keeps every tone rule`, () => {
          for (const kind of KINDS) {
            for (const cause of CAUSES) {
              for (const advice of [[], ['offer_payment_plan', 'ask_deposit_on_future_work', 'document_history', 'keep_written_evidence']]) {
                const draft = rendered({ ...sampleContext(step, language, kind), tone, cause, advice });
                const label = `${kind} ${cause} ${advice.join(',')}`;
                expect(draft.tone, label).toBe(tone);
                expect(draft.toneViolations, label).toEqual([]);
                expect(plain([draft.subject, draft.bodyText, draft.voicemailText].join('\n')), label).not.toMatch(/null|undefined|\{\{|\}\}| ,|,,|\.\.|[^.] \.|\n{3,}/);
              }
            }
          }
        });
      }
    }
  }

  it('a tone a step has no wording for falls back to its usual tone, and still keeps every rule', () => {
    for (const language of LANGUAGES) {
      for (const step of CHASING_STEPS) {
        for (const tone of DRAFT_TONES) {
          for (const kind of KINDS) {
            const draft = rendered({ ...sampleContext(step, language, kind), tone });
            const expected = TONES_OF_STEP[step].includes(tone) ? tone : DEFAULT_TONE_OF_STEP[step];
            expect(draft.tone, `${language} ${step} ${tone}`).toBe(expected);
            expect(resolveTone(step, tone)).toBe(expected);
            expect(draft.requestedTone).toBe(tone);
            expect(draft.toneViolations, `${language} ${step} ${tone} ${kind}`).toEqual([]);
          }
        }
      }
    }
  });
});

describe('what each step says', () => {
  const fr = (step: ChasingStep, kind: ClientKind = 'business'): RenderedDraft => rendered(sampleContext(step, 'fr', kind));
  const en = (step: ChasingStep, kind: ClientKind = 'business'): RenderedDraft => rendered(sampleContext(step, 'en', kind));

  it('pre-reminder and first reminder: courteous, with references, amount, due date and how to pay', () => {
    for (const draft of [fr('pre_reminder'), fr('first_reminder')]) {
      const body = plain(draft.bodyText);
      expect(body.startsWith('Bonjour Julien,\n\n')).toBe(true);
      expect(body).toContain('- Montant : 2 400,00 €');
      expect(body).toContain('- Échéance : 23 novembre 2026');
      expect(body).toContain('- IBAN : FR76 3000 6000 0112 3456 7890 189');
      expect(body).toContain('https://pay.example.com/studio-dupont/F-2026-041');
      expect(body).toContain('Bien cordialement,\nMarie Dupont\nGérante – Studio Dupont\n06 12 34 56 78');
      expect(draft.replySubject).toBe('Re: Facture F-2026-041 – refonte du site');
    }
    expect(fr('first_reminder').bodyText).toContain('simple oubli');
    expect(en('first_reminder').bodyText).toContain('overlooked');
  });

  it('call: a script that asks the reason, the situation, a solution and the next call date, and a factual voicemail', () => {
    const draft = fr('call');
    expect(draft.bodyText).toContain('Demandez simplement la raison');
    expect(draft.bodyText).toContain('situation du client');
    expect(draft.bodyText).toContain('Convenez d');
    expect(draft.bodyText).toContain('date du prochain appel');
    expect(plain(draft.voicemailText ?? '')).toBe(
      "Bonjour, ici Marie Dupont, Gérante chez Studio Dupont. Je vous appelle au sujet de la facture n° F-2026-041 du 24 octobre 2026, d'un montant de 2 400,00 €, arrivée à échéance le 23 novembre 2026. Vous pouvez me rappeler au 06 12 34 56 78. Merci, bonne journée.",
    );
    expect(draft.replySubject).toBeNull();
  });

  it('call follow-up: confirms the reason, the promise, the plan and the next call', () => {
    const ctx = sampleContext('call_follow_up', 'fr');
    const draft = rendered({ ...ctx, call: { ...ctx.call, plan: [{ dueDate: '2026-12-05', amount: 800 }, { dueDate: '2026-12-20', amount: 1600 }] } });
    const body = plain(draft.bodyText);
    expect(body).toContain('Vous m’avez indiqué'.replace('’', "'"));
    expect(body).toContain('la facture attendait la validation du service achats.');
    expect(body).toContain('Le règlement de 2 400,00 € interviendra le 5 décembre 2026, comme convenu.');
    expect(body).toContain("Nous avons convenu de l'échéancier suivant :\n- 5 décembre 2026 : 800,00 €\n- 20 décembre 2026 : 1 600,00 €");
    expect(body).toContain('Je vous rappellerai le 7 décembre 2026');
    expect(draft.bodyHtml).toContain('<ul>\n<li>5 décembre 2026 : 800,00');
  });

  it('second reminder to a business: terms of sale, the penalty rate and the 40 € indemnity', () => {
    const body = plain(fr('second_reminder').bodyText);
    expect(body).toContain('conditions générales de vente');
    expect(body).toContain('au taux annuel de 12,15 %');
    expect(body).toContain('indemnité forfaitaire pour frais de recouvrement de 40 € par facture');
    expect(plain(en('second_reminder').bodyText)).toContain('an annual rate of 12.15%, together with a fixed indemnity of €40 per invoice');
  });

  it('second reminder without a known rate points to the legal default instead of inventing one', () => {
    const draft = rendered({ ...sampleContext('second_reminder', 'fr'), penaltyRatePercent: null, claims: null });
    expect(draft.bodyText).toContain('taux de refinancement de la BCE majoré de 10 points');
    expect(draft.toneViolations).toEqual([]);
    expect(draft.missingFacts).toContain('penalty_rate');
  });

  it('second reminder to a consumer: no penalties, no indemnity', () => {
    const body = plain(fr('second_reminder', 'consumer').bodyText);
    expect(body).not.toMatch(/pénalité|indemnité|40 €/);
    expect(body.startsWith('Bonjour Madame Martin,')).toBe(true);
  });

  it('further reminder: gives the next step and its date', () => {
    expect(plain(fr('further_reminder').bodyText)).toContain(
      "Sans règlement de votre part à cette date, je vous adresserai une mise en demeure par lettre recommandée avec accusé de réception.",
    );
    expect(fr('further_reminder').bodyText).toContain("d'ici le 26 janvier 2027");
  });

  it('formal notice: every element of a mise en demeure, in the email and the printable letter', () => {
    const draft = fr('formal_notice');
    const body = plain(draft.bodyText);
    expect(draft.subject).toBe('Mise en demeure de payer – Facture n° F-2026-041');
    for (const expected of [
      'Studio Dupont\nMarie Dupont\n12 rue des Lilas\n75011 Paris\nSIREN 123 456 789',
      "Atelier Moreau SARL\nÀ l'attention de Julien Moreau\n8 avenue Foch\n69006 Lyon",
      'Lettre recommandée avec accusé de réception\nParis, le 19 janvier 2027',
      'Objet : Mise en demeure de payer – Facture n° F-2026-041',
      '- Facture : n° F-2026-041 du 24 octobre 2026',
      'je vous mets en demeure de me régler la somme de 2 485,12 €, dans un délai de 8 jours à compter de la réception de la présente lettre',
      '- Montant principal : 2 400,00 €',
      "- Pénalités de retard : 45,12 € (12,15 % l'an du 24 novembre 2026 au 19 janvier 2027)",
      '- Indemnité forfaitaire pour frais de recouvrement : 40,00 €',
      '- Total réclamé : 2 485,12 €',
      "À défaut de règlement dans ce délai, je saisirai le tribunal de commerce compétent d'une requête en injonction de payer",
      "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\nMarie Dupont",
      'P. J. : copie de la facture n° F-2026-041',
    ]) {
      expect(body).toContain(expected);
    }
    expect(body).not.toMatch(/huissier|saisie|commandement|poursuites/i);
  });

  it('formal notice to a consumer: legal interest from the notice, no indemnity, tribunal judiciaire', () => {
    const body = plain(fr('formal_notice', 'consumer').bodyText);
    expect(body).toContain("l'article 1344-1 du Code civil");
    expect(body).toContain('le tribunal judiciaire compétent');
    expect(body).toContain('Madame Claire Martin\n3 rue Victor Hugo');
    expect(body).not.toContain('Indemnité');
  });

  it('formal notice with a fixed deadline date', () => {
    const ctx = sampleContext('formal_notice', 'en');
    const draft = rendered({ ...ctx, formalNotice: { deadlineDate: '2027-02-03' } });
    expect(draft.bodyText).toContain('by 3 February 2027 at the latest');
    expect(draft.toneViolations).toEqual([]);
  });

  it('escalation: a claim summary and the checklist of an injonction de payer file', () => {
    const draft = fr('escalation');
    expect(plain(draft.bodyText)).toContain('Somme réclamée : 2 485,12 €');
    expect(draft.bodyText).toContain('Mise en demeure envoyée le 23 décembre 2026, délai de paiement expiré le 5 janvier 2027.');
    expect(draft.checklist?.map((item) => item.id)).toEqual([
      'formal_notice', 'claim_certain', 'claim_liquid', 'claim_due', 'not_disputed', 'not_time_barred', 'evidence', 'correspondence', 'court', 'cost', 'online_filing',
      'service_and_opposition', 'mediator', 'small_claims',
    ]);
  });

  it('one reminder covers several invoices of the client, with the total per currency', () => {
    const ctx = mixed('first_reminder', 'fr', 'business');
    const body = plain(rendered({ ...ctx, invoices: ctx.invoices.slice(0, 2) }).bodyText);
    expect(body).toContain('le règlement des factures n° A-1 et A-2.');
    expect(body).toContain('- Facture n° A-1 du 1er octobre 2026 : 1 200,50 €, échéance le 1er décembre 2026');
    expect(body).toContain('- Facture n° A-2 : 300,00 $US, échéance le 10 décembre 2026');
    expect(body).toContain('- Total : 1 200,50 € et 300,00 $US');
    const english = rendered({ ...mixed('first_reminder', 'en', 'business'), invoices: ctx.invoices.slice(0, 2) }).bodyText;
    expect(english).toContain('payment for invoices A-1 and A-2.');
    expect(english).toContain('- Total: €1,200.50 and US$300.00');
  });
});
