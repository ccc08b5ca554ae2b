import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';
import { splitHistory } from './quoted-history';
import { findInvoiceNumbers } from './invoice-numbers';
import { findAmounts } from './money';
import { findDates } from './written-dates';
import { identifierRanges } from './signature';

describe('htmlToText', () => {
  it('drops script and style, makes rows lines and cells tabs, decodes entities, prefixes blockquotes', () => {
    const html =
      '<style>.a{}</style><script>x = "<td>1 €</td>"</script><p>Bonjour&nbsp;Julien,</p><table><tr><td>Total&#160;TTC</td><td>1&nbsp;200,00&euro;</td></tr></table>' +
      '<div>Le 3 nov., Marie a écrit :</div><blockquote><p>Facture F-1</p></blockquote>';
    expect(htmlToText(html).replace(/\n+/g, '\n')).toBe('Bonjour\u00a0Julien,\nTotal\u00a0TTC\t1\u00a0200,00€\nLe 3 nov., Marie a écrit :\n> Facture F-1');
  });
});

describe('splitHistory', () => {
  it.each([
    ['Merci !\n\nLe lun. 3 nov. 2026 à 10:02, Julien <j@x.fr> a écrit :\n> Facture F-1', false],
    ['Thanks!\n\nOn Mon, Nov 3, 2026 at 10:02 AM Sam <s@x.com>\nwrote:\n> Invoice 7', false],
    ['Danke!\n\nAm 03.11.2026 um 10:02 schrieb Anna <a@x.de>:\n> Rechnung 7', false],
    ['Gracias\n\nEl lun, 3 nov 2026 a las 10:02, Ana (<a@x.es>) escribió:\n> Factura 7', false],
    ['Grazie\n\nIl giorno lun 3 nov 2026 alle ore 10:02 Marco <m@x.it> ha scritto:\n> Fattura 7', false],
    ['Bedankt\n\nOp ma 3 nov. 2026 om 10:02 schreef Jan <j@x.nl>:\n> Factuur 7', false],
    ['Merci\n\nDe : Julien Moreau\nEnvoyé : lundi 3 novembre 2026 10:02\nÀ : Marie\nObjet : Facture F-1\n\nFacture F-1', false],
    ['Ok\n\n-----Original Message-----\nFrom: Julien\nSent: Monday\nSubject: Invoice 7\n\nInvoice 7', false],
    ['FYI\n\n---------- Forwarded message ---------\nFrom: OVH <noreply@ovh.com>\nDate: Mon\nSubject: Votre facture\n\nVotre facture', true],
  ])('finds the history in %j', (text, forwarded) => {
    const split = splitHistory(text, 10_000);
    expect(split.newestEnd).toBeLessThan(text.indexOf('\n\n') + 3);
    expect(split.historyStart).toBeGreaterThan(split.newestEnd);
    expect(split.forwarded).toBe(forwarded);
  });
});

describe('identifiers and references are never amounts or invoice numbers', () => {
  it('blanks SIRET, VAT, IBAN, phones, capital and postcodes', () => {
    const text = 'SARL au capital de 10 000 € - SIRET 123 456 789 00012 - TVA intracom FR12123456789\nIBAN FR76 3000 6000 0112 3456 7890 189\nTél. : 06 12 34 56 78 - +44 20 7946 0958\n12 rue de la Paix, 75002 Paris';
    const ranges = identifierRanges(text, text.toLowerCase());
    const masked = [...text].map((char, index) => (ranges.some(([a, b]) => index >= a && index < b) && char !== '\n' ? ' ' : char)).join('');
    expect(findAmounts(masked.toLowerCase(), masked)).toEqual([]);
    expect(masked).not.toMatch(/\d{3}/);
  });

  it('does not take quote, order, PO or transfer references for invoice numbers', () => {
    const text = 'Devis n° D-2026-012, commande n° 88, PO 4500123, bon de commande BC-7, virement réf. 20260318-448812, order #1234. Facture n° F-2026-041.';
    expect(findInvoiceNumbers(text.toLowerCase(), text).map((found) => found.number)).toEqual(['F-2026-041']);
  });
});

describe('dates follow the language', () => {
  it('reads 03/04/2025 day first, or month first when asked, and swaps impossible orders', () => {
    const [dmy] = findDates('le 03/04/2025', 'dmy');
    const [mdy] = findDates('on 03/04/2025', 'mdy');
    const [swapped] = findDates('on 04/23/2025', 'dmy');
    expect([dmy?.day, dmy?.month, mdy?.day, mdy?.month, swapped?.day, swapped?.month]).toEqual([3, 4, 4, 3, 23, 4]);
  });

  it('reads month names in six languages', () => {
    const text = '3 avril 2025, 3. april 2025, 3 de abril de 2025, 3 aprile 2025, 3 april 2025, april 3, 2025, 3 märz 2025';
    expect(findDates(text, 'dmy').map((date) => `${date.day}/${date.month}/${date.year}`)).toEqual(['3/4/2025', '3/4/2025', '3/4/2025', '3/4/2025', '3/4/2025', '3/4/2025', '3/3/2025']);
  });
});
