import { describe, expect, it } from 'vitest';
import { readableText } from './readable-text';

describe('readableText', () => {
  it('drops quoted lines', () => {
    expect(readableText('Merci !\n> Facture n° F-2026-001\n> 2 400 €')).toBe('Merci !');
  });

  it('stops at a Gmail attribution line, even when wrapped', () => {
    const body = 'Bien reçu, merci.\n\nLe lun. 3 nov. 2026 à 10:02, Marie Dupont <\nmarie@studio-dupont.fr> a écrit :\nFacture n° F-2026-001';
    expect(readableText(body)).toBe('Bien reçu, merci.');
    expect(readableText('Thanks!\nOn Mon, 3 Nov 2026 at 10:02, Sam <sam@x.co.uk> wrote:\nInvoice INV-1')).toBe('Thanks!');
  });

  it('stops at an Outlook header block', () => {
    const body = 'Voici le planning.\n\nDe : Marie Dupont <marie@studio-dupont.fr>\nEnvoyé : lundi 3 novembre 2026 10:02\nObjet : Facture F-1';
    expect(readableText(body)).toBe('Voici le planning.');
  });

  it('keeps a "De :" line that is not a header block', () => {
    expect(readableText('De : 10h à 12h, réunion.\nMerci')).toBe('De : 10h à 12h, réunion.\nMerci');
  });
});
