import { describe, expect, it } from 'vitest';
import { toneViolations } from './tone';

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
});
