/**
 * Tone and cause of delay: the ladder's tone picks the wording (friendly, firm, formal), the cause
 * adapts it (oversight, cash trouble, bad faith), a dispute gives no draft, and the ladder's advice
 * meant for the user never reaches the client.
 */
import { describe, expect, it } from 'vitest';
import { ADVICE_CODES, TONE_OF_LADDER_STEP } from '../chasing/next-actions';
import { CHASING_STEPS, type ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import type { ClientKind, DraftContext } from './context';
import { DEFAULT_TONE_OF_STEP, TONES_OF_STEP, type DraftTone } from './defaults';
import { renderDraft, type RenderedDraft } from './render-draft';
import { renderReminderDraft } from './render-reminder-draft';
import { sampleContext } from './samples';

const LANGUAGES: Language[] = ['fr', 'en'];
const KINDS: ClientKind[] = ['business', 'consumer'];

/** Intl writes fr-FR amounts with no-break spaces; compare on plain ones. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

function rendered(ctx: DraftContext): RenderedDraft {
  const result = renderDraft(ctx);
  if (!result.ok) throw new Error(`not rendered: ${result.reason}`);
  return result.draft;
}

function draft(step: ChasingStep, language: Language, extra: Partial<DraftContext> = {}, kind: ClientKind = 'business'): RenderedDraft {
  return rendered({ ...sampleContext(step, language, kind), ...extra });
}

/** Everything the client reads. */
const read = (d: RenderedDraft): string => plain([d.subject, d.bodyText, d.voicemailText ?? ''].join('\n'));

/** The payment plan paragraph, as each language words it. */
const PLAN_OFFER: Record<Language, string> = {
  fr: 'un premier versement dès maintenant, puis le solde en deux fois, à 15 jours et à 30 jours',
  en: 'a first payment now, then the balance in two instalments, in 15 and 30 days',
};

/** Every context variant a firm first reminder could be written from. */
function firstReminderContexts(language: Language, kind: ClientKind): DraftContext[] {
  const full = sampleContext('first_reminder', language, kind);
  return [
    full,
    { ...full, today: '2026-11-20' },
    { ...full, today: '2026-11-23' },
    { ...full, invoices: [...full.invoices, { number: 'F-2026-047', amount: 600, currency: 'EUR', issueDate: '2026-11-02', dueDate: '2026-12-02' }] },
    { step: 'first_reminder', language, today: '2027-01-19', invoices: [{ number: 'F-1', amount: null, currency: null, issueDate: null, dueDate: null }], client: { kind } },
  ];
}

describe('the tone of a step', () => {
  it('defaults to the ladder\'s table: friendly first, firm from the call follow-up, formal for the letter and the file', () => {
    expect(DEFAULT_TONE_OF_STEP).toBe(TONE_OF_LADDER_STEP);
    expect(DEFAULT_TONE_OF_STEP).toEqual({
      pre_reminder: 'friendly',
      first_reminder: 'friendly',
      call: 'friendly',
      call_follow_up: 'firm',
      second_reminder: 'firm',
      further_reminder: 'firm',
      formal_notice: 'formal',
      escalation: 'formal',
    });
    for (const language of LANGUAGES) for (const step of CHASING_STEPS) expect(draft(step, language).tone).toBe(DEFAULT_TONE_OF_STEP[step]);
  });

  it('bad faith makes the friendly steps firm as the ladder does, except the pre-reminder; an explicit tone wins', () => {
    const tones = Object.fromEntries(CHASING_STEPS.map((step) => [step, draft(step, 'fr', { cause: 'bad_faith' }).tone]));
    expect(tones).toEqual({
      pre_reminder: 'friendly',
      first_reminder: 'firm',
      call: 'firm',
      call_follow_up: 'firm',
      second_reminder: 'firm',
      further_reminder: 'firm',
      formal_notice: 'formal',
      escalation: 'formal',
    });
    expect(draft('first_reminder', 'fr', { cause: 'bad_faith', tone: 'friendly' }).tone).toBe('friendly');
    expect(draft('first_reminder', 'fr', { cause: 'cash_trouble' }).tone).toBe('friendly');
  });

  it('falls back to the step\'s usual tone when the step has no wording in the one asked, and says so', () => {
    const notice = draft('formal_notice', 'fr', { tone: 'friendly' });
    expect([notice.tone, notice.requestedTone]).toEqual(['formal', 'friendly']);
    expect(notice.subject).toBe(draft('formal_notice', 'fr').subject);
    const pre = draft('pre_reminder', 'en', { tone: 'firm' });
    expect([pre.tone, pre.requestedTone]).toEqual(['friendly', 'firm']);
    expect(pre.bodyText).toBe(draft('pre_reminder', 'en').bodyText);
    const second = draft('second_reminder', 'fr', { tone: 'formal' });
    expect([second.tone, second.requestedTone]).toEqual(['firm', 'formal']);
  });

  it('a tone or cause that is not one is the caller\'s bug', () => {
    expect(() => renderDraft({ ...sampleContext('first_reminder', 'fr'), tone: 'angry' as DraftTone })).toThrow(RangeError);
    expect(() => renderDraft({ ...sampleContext('first_reminder', 'fr'), cause: 'laziness' as DraftContext['cause'] })).toThrow(RangeError);
    expect(() => renderDraft({ ...sampleContext('first_reminder', 'fr'), advice: 'offer_payment_plan' as unknown as string[] })).toThrow(RangeError);
  });
});

describe('friendly wording of the firm steps (long-standing client, key account)', () => {
  it('a softened second reminder: a warmer subject without "deuxième relance", the penalty rate and the 40 € indemnity as information', () => {
    const friendly = draft('second_reminder', 'fr', { tone: 'friendly' });
    const firm = draft('second_reminder', 'fr');
    expect(firm.subject).toBe('Deuxième relance – Facture n° F-2026-041');
    expect(friendly.subject).toBe('Facture n° F-2026-041 : où en est le règlement ?');
    expect(friendly.subject).not.toMatch(/relance/i);
    const body = plain(friendly.bodyText);
    expect(body).toMatch(/^Bonjour Julien,\n\nJ'espère que vous allez bien\./);
    expect(body).toContain("À titre d'information, conformément à nos conditions générales de vente et à l'article L441-10 du Code de commerce");
    expect(body).toContain('au taux annuel de 12,15 %');
    expect(body).toContain('indemnité forfaitaire pour frais de recouvrement de 40 € par facture');
    expect(body).not.toContain('Je vous rappelle que');
    expect(body).not.toMatch(/au plus tard|malgré/);
    expect(body).toContain("idéalement d'ici le 26 janvier 2027");
    expect(friendly.toneViolations).toEqual([]);

    const english = draft('second_reminder', 'en', { tone: 'friendly' });
    expect(english.subject).toBe('Invoice F-2026-041: checking in on payment');
    expect(english.subject).not.toMatch(/reminder/i);
    expect(english.bodyText).toContain('For your information, under our terms of sale');
    expect(english.bodyText).toContain('an annual rate of 12.15%, together with a fixed indemnity of €40 per invoice');
    expect(english.bodyText).not.toMatch(/May I remind you|at the latest/);
  });

  it('a softened second reminder without a known rate states the legal default; to a private client, no penalty and no indemnity', () => {
    const noRate = draft('second_reminder', 'fr', { tone: 'friendly', penaltyRatePercent: null, claims: null });
    expect(noRate.bodyText).toContain('taux de refinancement de la BCE majoré de 10 points');
    expect(noRate.toneViolations).toEqual([]);
    for (const language of LANGUAGES) {
      const consumer = read(draft('second_reminder', language, { tone: 'friendly' }, 'consumer'));
      expect(consumer).not.toMatch(/pénalité|indemnité|penalt|indemnity|40 €|€40/i);
    }
  });

  it('a softened further reminder still gives the date of the next step, as a fact, not a threat', () => {
    const body = plain(draft('further_reminder', 'fr', { tone: 'friendly' }).bodyText);
    expect(body).toContain("sans règlement ni nouvelles de votre part d'ici le 26 janvier 2027, l'étape suivante sera une mise en demeure.");
    expect(body).toContain('(je vous en avais parlé dans mes relances du 30 novembre 2026 et du 8 décembre 2026)');
    expect(draft('further_reminder', 'fr', { tone: 'friendly' }).subject).toBe('Facture n° F-2026-041 – trouvons une solution ensemble');
    expect(draft('further_reminder', 'en', { tone: 'friendly' }).bodyText).toContain('if I have neither payment nor news from you by 26 January 2027, the next step will be a formal notice (mise en demeure).');
  });

  it('a friendly call follow-up thanks and summarises; the firm one records the commitment', () => {
    const friendly = plain(draft('call_follow_up', 'fr', { tone: 'friendly' }).bodyText);
    expect(friendly).toContain('Le règlement de 2 400,00 € est prévu pour le 5 décembre 2026, comme nous en avons convenu.');
    expect(friendly).not.toContain('Je prends bonne note');
    const firm = plain(draft('call_follow_up', 'fr').bodyText);
    expect(firm).toContain('Le règlement de 2 400,00 € interviendra le 5 décembre 2026, comme convenu. Je prends bonne note de cet engagement.');
    expect(draft('call_follow_up', 'en').bodyText).toContain('I have duly noted this commitment.');
    expect(draft('call_follow_up', 'en', { tone: 'friendly' }).subject).toBe('Invoice F-2026-041 – thank you for our call');
  });
});

describe('firm wording of the friendly steps (bad faith)', () => {
  it('a firm first reminder asks for a payment date in writing and never speaks of lateness, in any context', () => {
    for (const language of LANGUAGES) {
      for (const kind of KINDS) {
        for (const ctx of firstReminderContexts(language, kind)) {
          for (const cause of [undefined, 'bad_faith', 'oversight', 'cash_trouble'] as const) {
            const d = rendered({ ...ctx, tone: 'firm', ...(cause ? { cause } : {}) });
            const text = read(d);
            const label = `${language} ${kind} ${ctx.today} ${ctx.invoices.length} ${cause ?? ''}`;
            expect(d.tone, label).toBe('firm');
            expect(d.toneViolations, label).toEqual([]);
            expect(text, label).not.toMatch(/retard|délai dépassé|dépassé|impayé|non réglé|pénalité|recouvrement|mise en demeure|tribunal/i);
            expect(text, label).not.toMatch(/\b(late|overdue|past due|unpaid|outstanding|arrears|penalt|debt|formal notice|court)/i);
            expect(text, label).not.toMatch(/simple oubli|overlooked/);
            expect(text, label).toMatch(language === 'fr' ? /me confirmer par écrit, en réponse à ce message, la date à laquelle le règlement/ : /confirm in writing, in reply to this email, the date on which payment/);
          }
        }
      }
    }
    expect(draft('first_reminder', 'fr', { tone: 'firm' }).subject).toBe('Facture n° F-2026-041 : date de règlement');
  });

  it('a firm call script asks for a precise date and a commitment, and keeps the same voicemail', () => {
    const call = draft('call', 'fr', { tone: 'firm' });
    expect(call.bodyText).toContain('Demandez une date précise');
    expect(call.bodyText).toContain('Obtenez un engagement');
    expect(call.voicemailText).toBe(draft('call', 'fr').voicemailText);
    expect(draft('call', 'en', { tone: 'firm' }).bodyText).toContain('Ask for a precise date');
  });
});

describe('the cause of the delay', () => {
  /** Steps and tones that offer a payment plan to a client in cash trouble (the call script already coaches it). */
  const PLAN_STEPS: Array<[ChasingStep, DraftTone]> = CHASING_STEPS.filter((step) => !['call', 'formal_notice', 'escalation'].includes(step)).flatMap((step) =>
    TONES_OF_STEP[step].map((tone): [ChasingStep, DraftTone] => [step, tone]),
  );
  /** A call follow-up where nothing was promised nor planned: the plan can be offered. */
  const noPromise = (step: ChasingStep, language: Language): Partial<DraftContext> =>
    step === 'call_follow_up' ? { call: { ...sampleContext(step, language).call, promisedDate: null, promisedAmount: null, plan: [] } } : {};

  it('cash trouble (or the advice offer_payment_plan) adds the payment plan paragraph, and only then', () => {
    expect(PLAN_STEPS).toHaveLength(9);
    for (const language of LANGUAGES) {
      for (const [step, tone] of PLAN_STEPS) {
        for (const kind of KINDS) {
          const base = { tone, ...noPromise(step, language) };
          const label = `${language} ${step} ${tone} ${kind}`;
          expect(read(draft(step, language, { ...base, cause: 'cash_trouble' }, kind)), label).toContain(PLAN_OFFER[language]);
          expect(read(draft(step, language, { ...base, advice: ['offer_payment_plan'] }, kind)), label).toContain(PLAN_OFFER[language]);
          for (const without of [{}, { cause: 'oversight' }, { cause: 'bad_faith' }, { cause: 'unknown' }, { advice: ['ask_deposit_on_future_work', 'document_history'] }] as Array<Partial<DraftContext>>) {
            expect(read(draft(step, language, { ...base, ...without }, kind)), `${label} ${JSON.stringify(without)}`).not.toContain(PLAN_OFFER[language]);
          }
        }
      }
      for (const step of ['call', 'formal_notice', 'escalation'] as const) expect(read(draft(step, language, { cause: 'cash_trouble' }))).not.toContain(PLAN_OFFER[language]);
    }
  });

  it('the plan offer replaces the generic "if you have a difficulty" sentence, it does not repeat it', () => {
    const body = plain(draft('second_reminder', 'fr', { cause: 'cash_trouble' }).bodyText);
    expect(body).toContain(PLAN_OFFER.fr);
    expect(body).not.toContain('Si vous rencontrez une difficulté');
    expect(plain(draft('second_reminder', 'fr').bodyText)).toContain('Si vous rencontrez une difficulté');
  });

  it('after a call, a plan is not offered over a promise to pay or a plan already agreed', () => {
    for (const tone of ['firm', 'friendly'] as const) {
      expect(read(draft('call_follow_up', 'fr', { tone, cause: 'cash_trouble' }))).not.toContain(PLAN_OFFER.fr);
      const ctx = sampleContext('call_follow_up', 'en');
      const planned = draft('call_follow_up', 'en', { tone, cause: 'cash_trouble', call: { ...ctx.call, promisedDate: null, plan: [{ dueDate: '2026-12-05', amount: 800 }, { dueDate: '2026-12-20', amount: 1600 }] } });
      expect(read(planned)).not.toContain(PLAN_OFFER.en);
      expect(planned.bodyText).toContain('- 5 December 2026: €800.00');
    }
  });

  it('oversight keeps the "simple oubli" assumption; cash trouble and bad faith drop it', () => {
    expect(draft('first_reminder', 'fr').bodyText).toContain("Il s'agit probablement d'un simple oubli.");
    expect(draft('first_reminder', 'fr', { cause: 'oversight' }).bodyText).toContain("Il s'agit probablement d'un simple oubli.");
    expect(draft('first_reminder', 'fr', { cause: 'unknown' }).bodyText).toContain('simple oubli');
    expect(draft('first_reminder', 'fr', { cause: 'cash_trouble' }).bodyText).not.toContain('simple oubli');
    expect(draft('first_reminder', 'fr', { cause: 'bad_faith', tone: 'friendly' }).bodyText).not.toContain('simple oubli');
    expect(draft('first_reminder', 'en', { cause: 'cash_trouble' }).bodyText).not.toContain('overlooked');
    expect(draft('first_reminder', 'en', { cause: 'oversight' }).bodyText).toContain('It has most likely just been overlooked.');
  });

  it('a known oversight is said in the later reminders too, with the references given again', () => {
    for (const step of ['second_reminder', 'further_reminder'] as const) {
      for (const tone of TONES_OF_STEP[step]) {
        const known = plain(draft(step, 'fr', { tone, cause: 'oversight' }).bodyText);
        expect(known, `${step} ${tone}`).toContain("Il s'agit peut-être d'un simple oubli : je vous redonne ci-dessous les références de la facture et les coordonnées de paiement.");
        expect(draft(step, 'fr', { tone }).bodyText, `${step} ${tone}`).not.toContain('simple oubli');
        expect(draft(step, 'en', { tone, cause: 'oversight' }).bodyText).toContain('It may simply have been overlooked, so I have set out the invoice reference and payment details again below.');
      }
    }
    const several = sampleContext('second_reminder', 'fr');
    expect(rendered({ ...several, cause: 'oversight', invoices: [...several.invoices, { number: 'F-2', amount: 10, currency: 'EUR', issueDate: null, dueDate: '2026-11-30' }] }).bodyText).toContain('les références des factures');
  });

  it('a dispute gives no draft at any step: the invoice is not chased while it is disputed', () => {
    for (const language of LANGUAGES) {
      for (const step of CHASING_STEPS) {
        for (const extra of [{ cause: 'dispute' }, { advice: ['resolve_dispute_first', 'bill_undisputed_part'] }, { cause: 'dispute', tone: 'friendly' }] as Array<Partial<DraftContext>>) {
          expect(renderDraft({ ...sampleContext(step, language), ...extra }), `${language} ${step} ${JSON.stringify(extra)}`).toEqual({ ok: false, reason: 'disputed', advice: 'resolve_dispute_first', errors: [] });
        }
      }
    }
    const invoice = { invoiceNumber: 'F-1', amount: 100, currency: 'EUR', issueDate: null, dueDate: '2026-11-23', clientEmail: 'a@b.fr', clientName: 'A', language: 'fr' as const, subject: 'Facture F-1' };
    expect(() => renderReminderDraft({ invoice, step: 'first_reminder', today: '2026-11-30', cause: 'dispute' })).toThrow(/disputed invoice/);
    expect(renderReminderDraft({ invoice, step: 'first_reminder', today: '2026-11-30', cause: 'cash_trouble' }).bodyText).toContain(PLAN_OFFER.fr);
    expect(renderReminderDraft({ invoice, step: 'first_reminder', today: '2026-11-30', tone: 'firm' }).bodyText).toContain('me confirmer par écrit');
  });

  it('advice meant for the user (deposit on future work, history, evidence…) never changes what the client reads', () => {
    const forTheUser = ADVICE_CODES.filter((code) => code !== 'offer_payment_plan' && code !== 'resolve_dispute_first');
    expect(forTheUser).toContain('ask_deposit_on_future_work');
    for (const language of LANGUAGES) {
      for (const step of CHASING_STEPS) {
        for (const tone of TONES_OF_STEP[step]) {
          for (const kind of KINDS) {
            const without = draft(step, language, { tone }, kind);
            const withAdvice = draft(step, language, { tone, advice: forTheUser }, kind);
            expect(read(withAdvice), `${language} ${step} ${tone} ${kind}`).toBe(read(without));
            expect(withAdvice.letterHtml).toBe(without.letterHtml);
          }
        }
      }
    }
    expect(read(draft('second_reminder', 'fr', { advice: ['ask_deposit_on_future_work'] }))).not.toMatch(/acompte|travaux futurs|prochaines? prestations?/i);
  });
});
