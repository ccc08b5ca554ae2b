/**
 * Sample contexts: every fact filled in, for a business and for a private client. The template
 * editor previews and tone-checks an edit against them before the user relies on it.
 */
import type { ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import type { DraftContext } from './context';

export const SAMPLE_TODAY = '2027-01-19';

/** A fully filled context for a step: invoice F-2026-041 of 2 400 € due 23 November 2026. */
export function sampleContext(step: ChasingStep, language: Language, kind: 'business' | 'consumer' = 'business'): DraftContext {
  const business = kind === 'business';
  return {
    step,
    language,
    today: SAMPLE_TODAY,
    invoices: [{ number: 'F-2026-041', amount: 2400, currency: 'EUR', issueDate: '2026-10-24', dueDate: '2026-11-23', description: language === 'fr' ? 'refonte du site' : 'website redesign' }],
    client: business
      ? { kind, company: 'Atelier Moreau SARL', contactName: 'Julien Moreau', email: 'julien.moreau@atelier-moreau.fr', phone: '01 23 45 67 89', address: '8 avenue Foch\n69006 Lyon', siren: '812345678' }
      : { kind, contactName: 'Claire Martin', civility: 'madame', lastName: 'Martin', email: 'claire.martin@example.fr', address: '3 rue Victor Hugo\n33000 Bordeaux' },
    sender: {
      name: 'Marie Dupont',
      company: 'Studio Dupont',
      role: language === 'fr' ? 'Gérante' : 'Director',
      phone: '06 12 34 56 78',
      email: 'marie@studio-dupont.fr',
      address: '12 rue des Lilas\n75011 Paris',
      city: 'Paris',
      siren: '123456789',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      paymentLink: 'https://pay.example.com/studio-dupont/F-2026-041',
    },
    claims: [
      business
        ? { currency: 'EUR', principal: 2400, interest: 45.12, interestPeriods: [{ from: '2026-11-24', to: '2027-01-19', ratePercent: 12.15, amount: 45.12 }], fixedIndemnity: 40, paid: 0, total: 2485.12 }
        : { currency: 'EUR', principal: 2400, interest: 0, interestPeriods: [], fixedIndemnity: 0, paid: 0, total: 2400 },
    ],
    penaltyRatePercent: business ? 12.15 : null,
    paymentTerms: language === 'fr' ? 'à 30 jours' : '30 days net',
    nextStep: step === 'further_reminder' ? { step: 'formal_notice', date: '2027-01-26' } : step === 'second_reminder' ? { step: 'further_reminder', date: '2027-01-26' } : null,
    previousReminders: ['2026-11-30', '2026-12-08'],
    call: { date: '2026-11-26', reason: language === 'fr' ? 'la facture attendait la validation du service achats' : 'the invoice was waiting for approval by purchasing', promisedDate: '2026-12-05', promisedAmount: 2400, nextCallDate: '2026-12-07', plan: [] },
    formalNotice: { sentOn: '2026-12-23', deadlineDays: 8, deadlineDate: step === 'escalation' ? '2027-01-05' : null },
    disputed: false,
    threadSubject: language === 'fr' ? 'Facture F-2026-041 – refonte du site' : 'Invoice F-2026-041',
  };
}
