/**
 * Reading rules added after a sixth corpus written blind to the engine (dev6, 2026-11-22: weighted
 * toward the amount field, payables platforms, formal rejections, payment runs). Each test states one
 * general rule with sentences of its own (other people, tools, numbers and phrasings than any corpus).
 */
import { describe, expect, it } from 'vitest';
import type { MailAddress } from '../model';
import { MARIE, JULIEN, mail, detectChecked as detect, fromClient } from './test-messages';

const from = (email: string, name = 'Sender'): MailAddress => ({ name, email });
const asClient = (subject: string, text: string, date = '2026-06-03T09:12:00Z') => detect(fromClient({ subject, text, date }));

describe('promises: payment runs, amounts sent on a day, plans with dates', () => {
  it('"approved and scheduled for our 07/09/2026 payment run" (US order) is a promise for that day', () => {
    const detection = asClient('Invoice INV-7710', 'Hello, INV-7710 ($1,200.00) has been approved and scheduled for our 07/09/2026 payment run. Regards, AP');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-07-09' });
  });

  it('"I\'ll send the $640 on Friday" is a promise for the coming Friday', () => {
    // Wednesday 3 June 2026: Friday is the 5th.
    const detection = asClient('Re: Invoice INV-7710', 'My bad, missed it. I’ll send the $640 on Friday.');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-06-05' });
  });

  it('splitting an invoice into dated payments is a promise for the first one', () => {
    const detection = asClient('Invoice 2026/0211', 'Hi Marie, could we split invoice 2026/0211 (€4,000.00) into two payments: €2,000.00 on 20/06/2026 and €2,000.00 on 20/07/2026?');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-06-20', plan_request: true });
  });

  it('"nous vous proposons le règlement suivant" with dated amounts is a promise for the first date', () => {
    const detection = asClient('Facture F-2026-0311', 'Bonjour,\n\nPour la facture F-2026-0311 de 2 400,00 €, nous vous proposons le règlement suivant :\n- 800 € le 15/06/2026\n- 800 € le 15/07/2026\n- 800 € le 15/08/2026\n\nCordialement');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-06-15' });
  });

  it('"passera dans notre campagne de paiement du 5 du mois prochain": the 5th of next month', () => {
    const detection = asClient('Re: Facture F-2026-0311', 'Bonjour, la facture est validée et passera dans notre campagne de paiement du 5 du mois prochain.');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-07-05' });
  });

  it('"we\'ll clear both invoices – HF-2201 and HF-2207 – by the end of the month"', () => {
    const detection = asClient('Outstanding', 'Hi, sorry for the delay. We’ll clear both invoices – HF-2201 and HF-2207 – by the end of the month.');
    expect(detection).toMatchObject({ kind: 'promise', invoice_numbers: ['HF-2201', 'HF-2207'], promised_date: '2026-06-30' });
  });
});

describe('requests that a payment waits on are requests, not promises', () => {
  it('"Before it can be scheduled for payment, we need an updated W-9"', () => {
    expect(asClient('Invoice INV-7710', 'We received INV-7710 ($980.00). Before it can be scheduled for payment, we need an updated Form W-9 on file.').kind).toBe('other_invoice_related');
  });

  it('"Please reissue it to the correct entity and we will process it": a request, whatever company numbers come before it', () => {
    const detection = asClient('Invoice 2026/0211', 'Hello, invoice 2026/0211 names Moreau Ltd. Our contracting entity is Moreau Holdings, company no. 771204, VAT IE 1234567T. Please reissue it to the correct entity and we will process it in the next run.');
    expect(detection.kind).toBe('other_invoice_related');
  });

  it('an invoice refused for a missing order number, to be issued again, is a request, not a dispute', () => {
    const detection = detect(
      mail({
        subject: 'Facture non conforme F-2026-0311',
        from: from('factures@mutuelle.example', 'Comptabilité fournisseurs'),
        to: [MARIE],
        text: 'Madame,\n\nVotre facture F-2026-0311 ne peut être traitée : elle ne mentionne pas notre numéro de bon de commande. Merci de nous adresser une nouvelle facture portant la référence BC-45001.',
      }),
    );
    expect(detection.kind).toBe('other_invoice_related');
  });
});

describe('payments and disputes the earlier cues missed', () => {
  it('a remittance advice that never says "invoice" is a payment notice of its total', () => {
    const detection = detect(
      mail({
        subject: 'Avis de paiement 3000112 – Fournisseur 55120',
        from: from('compta.fournisseurs@client-industrie.example', 'Comptabilité fournisseurs'),
        to: [MARIE],
        text: 'AVIS DE PAIEMENT\n\nVotre réf.        Montant net\nMD-26-00112          640,00\nMD-26-00130          360,00\n                 Total :     1.000,00 EUR\n\nLe montant a été viré sur votre compte.',
      }),
    );
    expect(detection).toMatchObject({ kind: 'payment_notice', invoice_numbers: ['MD-26-00112', 'MD-26-00130'], amount: 1000 });
  });

  it('"We won\'t be paying MD-2026-044 yet" is a dispute about that reference', () => {
    expect(asClient('MD-2026-044', 'Marie, we won’t be paying MD-2026-044 yet: the second floor is not finished.')).toMatchObject({ kind: 'dispute', invoice_numbers: ['MD-2026-044'] });
  });

  it('"vi confermiamo di aver disposto in data odierna il bonifico" is a payment', () => {
    expect(asClient('R: Sollecito fattura n. 44/2026', 'Buongiorno, vi confermiamo di aver disposto in data odierna il bonifico a saldo della fattura n. 44/2026.').kind).toBe('payment_notice');
  });

  it.each([
    ['Factura 2026/B-0044', 'Hola Marie: la factura 2026/B-0044 incluye horas que no se hicieron. No podemos aceptarla; emitid una rectificativa.'],
    ['Invoice INV-7710 – VAT', 'Dear Marie, INV-7710 adds VAT although we are reverse-charged, so no VAT should be charged. We can only pay £800.00.'],
  ])('%s: a dispute', (subject, text) => {
    expect(asClient(subject, text).kind).toBe('dispute');
  });
});

describe('what is not an invoice, and which amount is', () => {
  it('a pro-forma invoice (its subject says so) is an offer, not an invoice', () => {
    const detection = detect(mail({ to: [JULIEN], subject: 'Pro forma invoice PF-0031', attachments: ['PF-0031.pdf'], text: 'Hello,\n\nAttached is pro forma invoice PF-0031 for the customs file: total £1,250.00. The invoice will follow on dispatch.' }));
    expect(detection.is_invoice_related).toBe(false);
  });

  it('a deposit invoice is not the amount of the balance "to be invoiced later"', () => {
    const detection = detect(mail({ to: [JULIEN], subject: 'Facture d\'acompte FA-0311', text: 'Bonjour,\n\nCi-joint la facture d\'acompte FA-0311.\nMontant TTC : 1 200,00 €\n\nLe solde (2 800,00 € TTC) sera facturé à la livraison.' }));
    expect(detection.amount).toBe(1200);
  });

  it('the share capital after an Italian VAT number in a footer is not an amount', () => {
    const detection = detect(
      fromClient({ subject: 'R: Fattura 12/2026', text: 'Buongiorno, abbiamo effettuato il bonifico per la fattura 12/2026.\n\nCartiera Bassi S.r.l. — P.IVA 01234567890 — Cap. soc. € 50.000 i.v.' }),
    );
    expect(detection).toMatchObject({ kind: 'payment_notice', amount: null });
  });
});
