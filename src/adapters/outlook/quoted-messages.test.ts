import { describe, expect, it } from 'vitest';
import { parseAddress, parseAddressList, parseSentDate, splitQuotedMessages } from './quoted-messages';

describe('splitQuotedMessages: one Outlook body into the messages it holds', () => {
  it('reads an Outlook header block (French) and an attribution under it, oldest first', () => {
    const body = [
      'Bien reçu, merci.',
      '',
      'De : Camille Durand <camille@atelier-durand.fr>',
      'Envoyé : mardi 13 octobre 2026 10:15',
      'À : Sophie Lambert <sophie@lambert.fr>; compta@lambert.fr',
      'Cc : "Martin, Paul" <paul@lambert.fr>',
      'Objet : Facture F-1',
      '',
      'Voici la facture F-1.',
      '',
      'Le lun. 12 oct. 2026 à 17:20, Sophie Lambert <Sophie@Lambert.fr> a écrit :',
      '> Pouvez-vous m’envoyer la facture ?',
      '> Merci',
    ].join('\n');
    const split = splitQuotedMessages(body, 10);
    expect(split.newest).toBe('Bien reçu, merci.');
    expect(split.quoted).toEqual([
      { from: { name: null, email: 'sophie@lambert.fr' }, date: '2026-10-12T17:20', to: [], cc: [], bodyText: 'Pouvez-vous m’envoyer la facture ?\nMerci' },
      {
        from: { name: 'Camille Durand', email: 'camille@atelier-durand.fr' },
        date: '2026-10-13T10:15',
        to: [{ name: 'Sophie Lambert', email: 'sophie@lambert.fr' }, { name: null, email: 'compta@lambert.fr' }],
        cc: [{ name: 'Martin, Paul', email: 'paul@lambert.fr' }],
        bodyText: 'Voici la facture F-1.',
      },
    ]);
  });

  it('reads an English header block with a 12-hour time', () => {
    const split = splitQuotedMessages('Thanks!\n\nFrom: Alex Carter <alex@northwind.co.uk>\nSent: Tuesday, October 13, 2026 2:05 PM\nTo: Sam <sam@client.com>\nSubject: Invoice INV-7\n\nPlease find invoice INV-7 attached.', 10);
    expect(split.quoted).toEqual([{ from: { name: 'Alex Carter', email: 'alex@northwind.co.uk' }, date: '2026-10-13T14:05', to: [{ name: 'Sam', email: 'sam@client.com' }], cc: [], bodyText: 'Please find invoice INV-7 attached.' }]);
  });

  it('a body without history is one message; the depth is bounded', () => {
    expect(splitQuotedMessages('Bonjour,\n\nVoici la facture.', 10)).toEqual({ newest: 'Bonjour,\n\nVoici la facture.', quoted: [] });
    const nested = Array.from({ length: 5 }, (_, i) => `Message ${i}\n\nDe : P${i} <p${i}@x.fr>\nObjet : Re\n`).join('\n');
    expect(splitQuotedMessages(nested, 2).quoted).toHaveLength(2);
  });
});

describe('addresses and dates in headers', () => {
  it('parses the forms Outlook writes', () => {
    expect(parseAddress('Camille Durand <Camille@Atelier-Durand.fr>')).toEqual({ name: 'Camille Durand', email: 'camille@atelier-durand.fr' });
    expect(parseAddress('mailto:a@b.fr')).toEqual({ name: null, email: 'a@b.fr' });
    expect(parseAddress('Camille Durand')).toBeNull();
    expect(parseAddressList('A <a@x.fr>, b@x.fr; "C, D" <c@x.fr>').map((a) => a.email)).toEqual(['a@x.fr', 'b@x.fr', 'c@x.fr']);
  });

  it('never guesses a year', () => {
    expect(parseSentDate('mardi 13 octobre 10:15')).toBeNull();
    expect(parseSentDate('13/10/2026 09:05')).toBe('2026-10-13T09:05');
  });
});
