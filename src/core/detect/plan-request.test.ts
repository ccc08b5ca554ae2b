/**
 * A client asking to pay in instalments is reported as `plan_request` (the panel proposes the plan
 * builder for it). Sentences of their own, in the six languages; a payment of an instalment, a
 * creditor's offer and unrelated mail are not requests.
 */
import { describe, expect, it } from 'vitest';
import { MARIE, JULIEN, detectChecked as detect, fromClient, mail } from './test-messages';

describe('a client asking to pay in instalments', () => {
  it.each([
    ['RE: Facture F-2026-118', "Bonjour Marie,\n\nLa trésorerie est tendue ce trimestre. Serait-il possible de régler la facture F-2026-118 en trois fois ?\n\nCordialement,\nJulien", 'en trois fois'],
    ['RE: Facture F-2026-118', 'Bonjour,\n\nPouvons-nous convenir d\'un échéancier pour le solde de 2 400 € ?\n\nJulien', 'échéancier'],
    ['RE: Facture F-2026-118', 'Bonjour,\n\nEst-il envisageable d\'étaler le paiement de votre facture sur deux mois ?\n\nMerci', 'étaler le paiement'],
    ['RE: Invoice 4471', 'Hi Marie,\n\nCash is tight after the audit. Could we set up a payment plan for invoice 4471?\n\nThanks,\nJulien', 'payment plan'],
    ['RE: Invoice 4471', 'Hi,\n\nWould you accept us settling invoice 4471 in three monthly instalments?\n\nBest,\nJulien', 'in three monthly instal'],
    ['RE: Invoice 4471', 'Hi,\n\nIs there any chance we could spread the balance over three months?\n\nJulien', 'spread the balance over three months'],
    ['AW: Rechnung RE-5521', 'Hallo Frau Dupont,\n\nwäre für die Rechnung RE-5521 eine Ratenzahlung möglich?\n\nViele Grüße', 'ratenzahlung'],
    ['RE: Factura FV-330', 'Hola Marie,\n\n¿Podríamos pagar la factura FV-330 a plazos?\n\nSaludos', 'pagar la factura fv-330 a plazos'],
    ['R: Fattura 77/2026', 'Buongiorno,\n\nsarebbe possibile rateizzare la fattura 77/2026?\n\nCordiali saluti', 'rateizzare'],
    ['RE: Factuur 2026-019', 'Beste Marie,\n\nKunnen we een betalingsregeling treffen voor factuur 2026-019?\n\nMet vriendelijke groet', 'betalingsregeling'],
  ])('%s: "%s"', (subject, text, words) => {
    const detection = detect(fromClient({ subject, text }));
    expect(detection.is_invoice_related).toBe(true);
    expect(detection.plan_request).toBe(true);
    expect(detection.evidence.plan_request?.[0]?.text.toLowerCase()).toContain(words);
  });

  it('is read without the user\'s addresses too (a client writes, the words say so)', () => {
    const detection = detect(fromClient({ subject: 'RE: Facture F-2026-118', text: 'Bonjour,\n\nPourrions-nous payer votre facture en plusieurs fois ?\n\nJulien' }), { ownAddresses: [] });
    expect(detection.plan_request).toBe(true);
  });
});

describe('what is not a request for a plan', () => {
  it('a client paying an instalment of an agreed plan', () => {
    const detection = detect(fromClient({ subject: 'RE: Invoice 4471 - payment plan', text: 'Hi Marie,\n\nThe second instalment of £800 was paid this morning by bank transfer.\n\nJulien' }));
    expect(detection.kind).toBe('payment_notice');
    expect(detection.plan_request).toBe(false);
  });

  it('the creditor offering a plan in a reminder', () => {
    const detection = detect(
      mail({ from: MARIE, to: [JULIEN], subject: 'Relance facture F-2026-118', text: 'Bonjour Julien,\n\nSauf erreur, la facture F-2026-118 de 2 400 € reste impayée. Si besoin, nous pouvons convenir d\'un échéancier.\n\nMarie' }),
    );
    expect(detection.kind).toBe('reminder');
    expect(detection.plan_request).toBe(false);
  });

  it('a client contesting the invoice, even when it mentions instalments', () => {
    const detection = detect(fromClient({ subject: 'RE: Facture F-2026-118', text: "Bonjour,\n\nNous contestons cette facture : le montant ne correspond pas au devis, qui prévoyait un paiement en trois fois.\n\nJulien" }));
    expect(detection.kind).toBe('dispute');
    expect(detection.plan_request).toBe(false);
  });

  it('a mail that is not about an invoice', () => {
    const detection = detect(fromClient({ subject: 'Votre nouveau canapé', text: 'Profitez du paiement en 4 fois sans frais sur tout le magasin !' }));
    expect(detection.plan_request).toBe(false);
  });
});
