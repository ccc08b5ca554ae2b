import { describe, expect, it } from 'vitest';
import { findInvoiceNumber, invoiceNumberOfFileName, isInvoiceFileName, mentionsInvoice } from './invoice-number';

describe('findInvoiceNumber', () => {
  it.each([
    ['Veuillez trouver ci-jointe la facture n° F-2026-041 pour le mois d’octobre.', 'F-2026-041'],
    ['Facture F-2026-044 – refonte du site', 'F-2026-044'],
    ['Please find attached Invoice INV-1042 for October.', 'INV-1042'],
    ['Here is invoice #1042.', '1042'],
    ['N° de facture : 2026-07', '2026-07'],
    ['Numéro de facture : FA-2026-112', 'FA-2026-112'],
    ['Invoice number: INV-1042', 'INV-1042'],
    ['Invoice No. 1042, dated 4 November', '1042'],
    ['Facture N°F-2026-041.', 'F-2026-041'],
    ['votre facture d’acompte n° FA-3 est jointe', 'FA-3'],
    ['Invoice NOV-2026-3 attached', 'NOV-2026-3'],
    ['Please find attached my invoice (INV-2026-015) for £1,500.', 'INV-2026-015'],
    ['voici la facture d’acompte (30 %) n° FA-2026-03 : 720,00 € TTC', 'FA-2026-03'],
    ['la facture n°2026-112 correspondant à novembre', '2026-112'],
  ])('reads %j', (text, expected) => {
    expect(findInvoiceNumber(text)).toBe(expected);
  });

  it.each([
    'Veuillez trouver ci-joint le devis n° D-12 pour la refonte.',
    'Bon de commande n° BC-778, commande 5512',
    'Our PO 4500123 refers to order #5512.',
    'Je vous enverrai la facture à la fin du mois.',
    'La facture du 12/10/2026 est jointe.',
    'une facture de 960 € sera émise',
    'facture 2 400,00 € TTC',
    'Invoice for order #5512',
  ])('finds no invoice number in %j', (text) => {
    expect(findInvoiceNumber(text)).toBeNull();
  });

  it('skips a quote number and takes the invoice number after it', () => {
    expect(findInvoiceNumber('Suite au devis n° D-12 signé, voici la facture n° F-2026-050.')).toBe('F-2026-050');
  });

  it('ignores an invoice the account acknowledges receiving', () => {
    expect(findInvoiceNumber('Bien reçu votre facture n° FR-889, je la transmets à la compta.')).toBeNull();
    expect(findInvoiceNumber('Thanks for your invoice INV-77.')).toBeNull();
    expect(mentionsInvoice('Merci pour votre facture, bien reçue.')).toBe(false);
    expect(mentionsInvoice('Vous trouverez la facture en pièce jointe.')).toBe(true);
  });
});

describe('invoice numbers in file names', () => {
  it.each([
    ['Facture_F-2026-041.pdf', 'F-2026-041'],
    ['facture-2026-07.pdf', '2026-07'],
    ['Invoice INV-1042.pdf', 'INV-1042'],
    ['INV-1042.pdf', 'INV-1042'],
  ])('reads %j', (name, expected) => {
    expect(invoiceNumberOfFileName(name)).toBe(expected);
    expect(isInvoiceFileName(name)).toBe(true);
  });

  it('does not read quotes or photos', () => {
    expect(invoiceNumberOfFileName('Devis_D-12.pdf')).toBeNull();
    expect(isInvoiceFileName('IMG_2041.jpg')).toBe(false);
  });
});
