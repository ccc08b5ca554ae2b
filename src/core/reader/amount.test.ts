import { describe, expect, it } from 'vitest';
import { findAmountDue, parseWrittenNumber } from './amount';

describe('findAmountDue: written forms', () => {
  it.each([
    ['Montant : 2 400,00 €', 2400, 'EUR'],
    ['d’un montant de 1 850,00 € TTC', 1850, 'EUR'],
    ['soit 960 € pour la prestation', 960, 'EUR'],
    ['Total : EUR 1.234,50', 1234.5, 'EUR'],
    ['Amount: £3,200.00', 3200, 'GBP'],
    ['Total €1,250.00', 1250, 'EUR'],
    ['The fee is $980 as agreed.', 980, 'USD'],
    ['Total: 1,250.00 EUR', 1250, 'EUR'],
    ['Montant : 1 200 euros', 1200, 'EUR'],
    ['Montant : 450,50 CHF', 450.5, 'CHF'],
  ])('reads %j', (text, amount, currency) => {
    expect(findAmountDue(text)).toEqual({ amount, currency });
  });

  it('reads no-break and narrow no-break spaces as thousands separators', () => {
    expect(findAmountDue('Montant : 2\u202f400,00\u00a0€')).toEqual({ amount: 2400, currency: 'EUR' });
    expect(findAmountDue('Total TTC : 12\u00a0480,00 €')).toEqual({ amount: 12480, currency: 'EUR' });
  });

  it('finds nothing without a currency', () => {
    expect(findAmountDue('Facture F-2026-041, 12 jours, article 293 B')).toBeNull();
  });
});

describe('findAmountDue: which amount is due', () => {
  it('takes TTC over HT and TVA lines', () => {
    const text = 'Montant HT : 2 000,00 €\nTVA (20 %) : 400,00 €\nTotal TTC : 2 400,00 €';
    expect(findAmountDue(text)).toEqual({ amount: 2400, currency: 'EUR' });
  });

  it('takes TTC when it comes first too', () => {
    const text = 'Total TTC : 2 400,00 € (dont TVA 400,00 € ; 2 000,00 € HT)';
    expect(findAmountDue(text)).toEqual({ amount: 2400, currency: 'EUR' });
  });

  it('takes the TTC amount written after an HT one in prose', () => {
    expect(findAmountDue('pour un montant de 1 541,67 € HT, soit 1 850,00 € TTC.')).toEqual({ amount: 1850, currency: 'EUR' });
  });

  it('takes the English total over subtotal and VAT', () => {
    const text = 'Subtotal: £2,666.67\nVAT (20%): £533.33\nTotal: £3,200.00';
    expect(findAmountDue(text)).toEqual({ amount: 3200, currency: 'GBP' });
  });

  it('takes the amount due over other totals', () => {
    const text = 'Total (excl. VAT): £1,000.00\nAmount due: £1,200.00';
    expect(findAmountDue(text)).toEqual({ amount: 1200, currency: 'GBP' });
  });

  it('takes what remains to pay after a deposit over the TTC total', () => {
    const text = 'Total TTC : 2 400,00 €\nAcompte versé : 1 000,00 €\nNet à payer : 1 400,00 €';
    expect(findAmountDue(text)).toEqual({ amount: 1400, currency: 'EUR' });
    expect(findAmountDue('Total: £3,000.00\nDeposit received: £1,000.00\nBalance due: £2,000.00')).toEqual({ amount: 2000, currency: 'GBP' });
  });

  it('sums HT and TVA when no total is written', () => {
    expect(findAmountDue('Montant HT : 2 000,00 €\nTVA 20 % : 400,00 €')).toEqual({ amount: 2400, currency: 'EUR' });
  });

  it('takes an HT amount alone when VAT does not apply (franchise en base)', () => {
    expect(findAmountDue('Montant : 960,00 € HT — TVA non applicable, art. 293 B du CGI')).toEqual({ amount: 960, currency: 'EUR' });
  });

  it('takes the total over line items', () => {
    const text = 'Développement : 1 500,00 €\nDesign : 900,00 €\nTotal : 2 400,00 €';
    expect(findAmountDue(text)).toEqual({ amount: 2400, currency: 'EUR' });
  });
});

describe('parseWrittenNumber', () => {
  it.each([
    ['2 400,00', 2400],
    ['1.234,50', 1234.5],
    ['1,250.00', 1250],
    ['1,250', 1250],
    ['12,5', 12.5],
    ['960', 960],
  ])('%j → %d', (written, expected) => {
    expect(parseWrittenNumber(written)).toBe(expected);
  });
});
