import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('recognises a French invoice mail', () => {
    const text = 'Bonjour Julien,\n\nVeuillez trouver ci-jointe la facture n° F-2026-041 pour le mois d’octobre.\nBien cordialement,\nMarie';
    expect(detectLanguage(text, 'en')).toBe('fr');
  });

  it('recognises an English invoice mail', () => {
    const text = 'Hi Priya,\n\nPlease find attached invoice INV-1042 for the October work.\nKind regards,\nSam';
    expect(detectLanguage(text, 'fr')).toBe('en');
  });

  it('is not fooled by French names and addresses in an English mail', () => {
    const text =
      'Dear Hélène,\nThank you for your order. Please find attached the invoice for the design of the café menu.\nBest regards,\nSam Lefèvre, 12 rue de la Gaîté, Paris';
    expect(detectLanguage(text, 'fr')).toBe('en');
  });

  it('decides a short French line by its accents', () => {
    expect(detectLanguage('Échéance : 23/11/2026', 'en')).toBe('fr');
  });

  it('falls back when there is nothing to go on', () => {
    expect(detectLanguage('', 'fr')).toBe('fr');
    expect(detectLanguage('F-2026-041 2400', 'en')).toBe('en');
  });
});
