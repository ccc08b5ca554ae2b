import { describe, expect, it } from 'vitest';
import { findPaymentTerms } from './payment-terms';

describe('findPaymentTerms', () => {
  it.each([
    ['Conditions : paiement à 30 jours.', { kind: 'net_days', days: 30 }, 'paiement à 30 jours'],
    ['Règlement sous 45 jours date de facture', { kind: 'net_days', days: 45 }, 'Règlement sous 45 jours date de facture'],
    ['Conditions de paiement : 60 jours', { kind: 'net_days', days: 60 }, 'Conditions de paiement : 60 jours'],
    ['Échéance : 30 jours fin de mois', { kind: 'days_end_of_month', days: 30 }, '30 jours fin de mois'],
    ['Paiement à 45 jours fin de mois.', { kind: 'days_end_of_month', days: 45 }, '45 jours fin de mois'],
    ['Paiement à réception de facture.', { kind: 'on_receipt' }, 'Paiement à réception de facture'],
    ['Payable dès réception', { kind: 'on_receipt' }, 'Payable dès réception'],
    ['Merci de régler sous 15 jours.', { kind: 'net_days', days: 15 }, 'régler sous 15 jours'],
    ['Payment is due within 14 days.', { kind: 'net_days', days: 14 }, 'Payment is due within 14 days'],
    ['Terms: Net 30', { kind: 'net_days', days: 30 }, 'Net 30'],
    ['Payable within 30 days of the invoice date.', { kind: 'net_days', days: 30 }, 'Payable within 30 days of the invoice date'],
    ['Payment terms: 14 days', { kind: 'net_days', days: 14 }, 'Payment terms: 14 days'],
    ['Due upon receipt.', { kind: 'on_receipt' }, 'Due upon receipt'],
    ['Terms: 30 days end of month', { kind: 'days_end_of_month', days: 30 }, '30 days end of month'],
  ])('reads %j', (text, terms, written) => {
    expect(findPaymentTerms(text)).toEqual({ terms, text: written });
  });

  it.each([
    'Net à payer : 2 400,00 €',
    'Net 2 400,00 €',
    'Je vous envoie les fichiers in 30 days.',
    'Livraison prévue le 3 décembre.',
    'Merci de nous retourner l’accusé de réception.',
  ])('finds no terms in %j', (text) => {
    expect(findPaymentTerms(text)).toBeNull();
  });
});
