/**
 * Reading rules added after a third corpus written blind to the engine: each test states one
 * general rule with sentences of its own (other people, tools, numbers and phrasings than any
 * corpus), so it checks the rule, not a file.
 */
import { describe, expect, it } from 'vitest';
import type { MailAddress } from '../model';
import { analyzeThread } from './index';
import { JULIEN, MARIE, mail, detectChecked as detect, fromClient } from './test-messages';

const from = (email: string, name = 'Sender'): MailAddress => ({ name, email });

describe('promises in the present or the future, with the date they name', () => {
  it.each([
    ['en', 'Re: Invoice 2231', "Hi Marie, sorry about this. We'll get the $1,200 over to you on Wednesday.", '2026-03-18'],
    ['en', 'Re: Invoice 2231', "Apologies, I'll send the remaining $640 via Venmo on Friday, March 20.", '2026-03-20'],
    ['en', 'Re: Invoice 2231', "We're paying all March supplier invoices on the 20th.", '2026-03-20'],
    ['en', 'Re: Invoice 2231', 'A cheque for the full amount will be posted tomorrow.', '2026-03-12'],
    ['en', 'Re: Invoice 2231', 'Our finance team will transfer the balance by the end of the week.', '2026-03-13'],
    ['fr', 'RE: Facture F-31', 'Bonjour, on vous paie les 1 240 € le 20 mars, promis.', '2026-03-20'],
    ['fr', 'RE: Facture F-31', 'Notre trésorier passe les virements le 25 : vous serez réglée le 25 mars.', '2026-03-25'],
    ['fr', 'RE: Facture F-31', 'Désolée du retard ! Je fais le nécessaire pour un règlement avant la fin du mois.', '2026-03-31'],
    ['es', 'RE: Factura 2026-31', 'Hola Marie, te hacemos la transferencia el viernes sin falta.', '2026-03-13'],
    ['es', 'RE: Factura 2026-31', 'Perdona el retraso: la transferencia saldrá el 27/03/2026 con la remesa de proveedores.', '2026-03-27'],
    ['it', 'R: Fattura 31/2026', 'Buongiorno, il bonifico partirà venerdì.', '2026-03-13'],
    ['it', 'R: Fattura 31/2026', 'Provvediamo al pagamento entro il 31/03.', '2026-03-31'],
    ['de', 'AW: Rechnung RE-31', 'Wir überweisen den offenen Betrag am Freitag.', '2026-03-13'],
  ])('%s: %s — %s', (_language, subject, text, promised) => {
    expect(detect(fromClient({ subject, text, date: '2026-03-11T10:00:00+01:00' }))).toMatchObject({ kind: 'promise', promised_date: promised });
  });

  it('is not a promise when the payment waits on a correction: the request decides', () => {
    const text = 'Hi Marie, could you split invoice 2231 into one invoice per project? We will pay both as soon as they are reissued.';
    expect(detect(fromClient({ subject: 'Invoice 2231', text }))).toMatchObject({ kind: 'other_invoice_related', promised_date: null });
    const french = "Bonjour, merci d'indiquer notre numéro de bon de commande sur la facture F-31 et de nous la renvoyer. Le paiement sera lancé dès réception.";
    expect(detect(fromClient({ subject: 'Facture F-31', text: french }))).toMatchObject({ kind: 'other_invoice_related' });
  });

  it('reads a partial payment made as a payment, even when the rest is announced for later', () => {
    const text = 'Bonjour, nous vous informons avoir procédé ce matin au virement de 1 500,00 € sur la facture F-31. Le solde sera réglé après notre conseil du 20 avril.';
    expect(detect(fromClient({ subject: 'RE: Facture F-31', text }))).toMatchObject({ kind: 'payment_notice', amount: 1500, promised_date: null });
  });
});

describe('procedural requests: reissue, correct, split, add a purchase order', () => {
  it.each([
    ['en', 'Invoice 2231', 'Please re-issue 2231 with PO 7788 on it - our AP system rejects invoices without one.'],
    ['en', 'Invoice 2231 - PO required', 'We cannot process invoice 2231: all supplier invoices must reference a purchase order number.'],
    ['en', 'Invoice 2231', 'Could you split invoice 2231 between our two subsidiaries? Finance needs a separate invoice for each.'],
    ['fr', 'Facture F-31', 'Serait-il possible de scinder la facture F-31 en deux, une par établissement ?'],
    ['fr', 'Facture F-31', 'Pourriez-vous nous renvoyer la facture F-31 corrigée, avec notre adresse de facturation à jour ?'],
    ['de', 'Rechnung RE-31', 'Bitte stellen Sie die Rechnung RE-31 mit unserer Bestellnummer neu aus.'],
    ['es', 'Factura 2026-31', '¿Podrías reemitir la factura 2026-31 a nombre de la nueva sociedad?'],
    ['it', 'Fattura 31/2026', 'Potete riemettere la fattura 31/2026 indicando il codice CIG?'],
  ])('%s: %s', (_language, subject, text) => {
    expect(detect(fromClient({ subject, text }))).toMatchObject({ is_invoice_related: true, kind: 'other_invoice_related' });
  });

  it('keeps a real dispute a dispute', () => {
    const text = 'Hi Marie, we received invoice 2231 for £3,150.00, but we agreed £2,700 for the whole job. Please send a corrected invoice.';
    expect(detect(fromClient({ subject: 'Re: Invoice 2231', text }))).toMatchObject({ kind: 'dispute', amount: 3150 });
  });
});

describe('reminders in other words', () => {
  it.each([
    ['en', 'Invoice 2231', 'Hi Paul,\n\nJust writing to remind you that invoice 2231 (£2,000.00) was due on 28 February.'],
    ['en', 'Invoice 2231', 'Hi Paul, checking in on invoice 2231 - any news from your accounts team?'],
    ['it', 'Fattura 31/2026', 'Gentile cliente, le scrivo per ricordarle che la fattura 31/2026 di € 500,00 risulta ancora da saldare.'],
    ['es', 'Factura 2026-31', 'Hola Paul, te recuerdo que la factura 2026-31 de 1.210,00 € sigue pendiente de pago.'],
    ['de', 'Rechnung 2026-031', 'Hallo Paul, die Rechnung 2026-031 über 1.190,00 € ist seit 10 Tagen fällig.'],
    ['fr', 'Facture F-31', 'Bonjour Paul, je vous rappelle que la facture F-31 de 800 € reste à régler.'],
  ])('%s: %s', (_language, subject, text) => {
    expect(detect(mail({ subject, text }))).toMatchObject({ is_invoice_related: true, kind: 'reminder' });
  });

  it('reads a hand-written "e" for euros, not an ordinal', () => {
    expect(detect(mail({ subject: 'facture 2026-07', text: 'Salut, tu as pu regarder la facture 2026-07 (1250e) ? Merci' }))).toMatchObject({ kind: 'reminder', amount: 1250, currency: 'EUR' });
    expect(detect(mail({ subject: 'Facture 2026-07', text: 'Bonjour, 2e relance pour la facture 2026-07 restée impayée.' })).amount).toBeNull();
  });

  it('reads a client chasing its own accounting as an acknowledgement, not a reminder', () => {
    expect(detect(fromClient({ subject: 'RE: Relance facture F-31', text: 'Bonjour, je relance notre service comptable et reviens vers vous.' }))).toMatchObject({ kind: 'other_invoice_related' });
  });
});

describe('payments received: banks, payment apps, platforms, remittance advices', () => {
  it.each([
    ['Qonto', 'notifications@qonto.com', 'Vous avez reçu un virement', 'Vous avez reçu un virement de 1 250,00 € de la part de CLIENT CORP.\n\nLibellé : REGLT FACT INV-2026-031\nDate : 10/03/2026', 'INV-2026-031', 1250],
    ['Wise', 'noreply@wise.com', 'You received 2,400 GBP', "You've received 2,400.00 GBP from Northfield Ltd.\n\nReference: MD-0031\n\nThe money is in your GBP balance.", 'MD-0031', 2400],
    ['N26', 'noreply@n26.com', 'Geldeingang', 'Du hast 980,00 € erhalten.\n\nVon: Kunde GmbH\nVerwendungszweck: Rg. 2026-031 Webdesign', '2026-031', 980],
    ['a payment app', 'pro@sumeria.eu', 'Vous avez reçu 90,00 €', 'Paul Martin vous a envoyé 90,00 €\n\nMessage : « fact MD-2026-004 taille des haies »', 'MD-2026-004', 90],
  ])('%s: a transfer whose label carries the invoice number, no counterparty', (_name, email, subject, text, number, amount) => {
    expect(detect(mail({ subject, from: from(email), to: [MARIE], text }))).toMatchObject({ kind: 'payment_notice', invoice_numbers: [number], amount, counterparty: null });
  });

  it('is not about an invoice when the transfer says nothing of one, or when the user sends the money', () => {
    expect(detect(mail({ subject: "You've received €35.00", from: from('no-reply@revolut.com'), to: [MARIE], text: '€35.00 received from Tom.\n\nReference: dinner' })).is_invoice_related).toBe(false);
    expect(detect(mail({ subject: 'Your transfer is complete', from: from('noreply@wise.com'), to: [MARIE], text: 'Your transfer of 500.00 EUR to Imprimerie Lenoir has been sent.\n\nReference: INV-88' })).is_invoice_related).toBe(false);
  });

  it.each([
    ['Stripe', 'notifications@stripe.com', 'Invoice #0031 paid', 'Northfield Ltd paid invoice #0031 for $1,200.00.'],
    ['GoCardless', 'help@gocardless.com', 'Payment collected', "We've collected £300.00 from Northfield Ltd for invoice INV-0031. It will be paid out to you on 14 March."],
  ])('%s: a platform telling the user an invoice was paid', (_name, email, subject, text) => {
    expect(detect(mail({ subject, from: from(email), to: [MARIE], text }))).toMatchObject({ kind: 'payment_notice', counterparty: null });
  });

  it('reads a remittance advice table: the invoice and the credit note settled, the net paid', () => {
    const text =
      'Dear supplier,\n\nPlease find below the details of our payment.\n\n' +
      'Document      Date         Type           Amount (GBP)\nSD-1041       02/02/2026   Invoice        1,500.00\nSD-CN-07      15/02/2026   Credit note    -200.00\nTotal paid                                1,300.00\n\nAccounts Payable';
    expect(detect(mail({ subject: 'Remittance advice 0042', from: from('ap@northfield.co.uk'), to: [MARIE], text }))).toMatchObject({
      kind: 'payment_notice',
      invoice_numbers: ['SD-1041', 'SD-CN-07'],
      amount: 1300,
      currency: 'GBP',
      issue_date: null,
      counterparty: 'ap@northfield.co.uk',
    });
  });

  it('reads a column of invoice numbers under its header', () => {
    const text = 'Dear supplier,\n\nA payment of GBP 2,000.00 has been issued to your account on 10/03/2026.\n\nInvoice number   Amount\n2231             2,000.00\n';
    expect(detect(mail({ subject: 'Payment notification', from: from('ap-noreply@northfield.co.uk'), to: [MARIE], text }))).toMatchObject({ kind: 'payment_notice', invoice_numbers: ['2231'], amount: 2000, issue_date: null });
  });

  it.each([
    ['en', 'Re: Invoice 2231', 'Hi Marie, this was settled on Friday - could you check again?'],
    ['en', 'Re: Invoice 2231', 'Paid via bank transfer, ref 2231. Cheers'],
    ['en', 'Re: Invoice 2231', 'Hi Marie, the ACH for invoice 2231 went out this morning ($2,000.00).'],
    ['en', 'Re: Invoice 2231', 'Hi Marie, please see the attached remittance.'],
    ['fr', 'RE: Relance facture F-31', 'Bonjour, cette facture a déjà été réglée le 3 mars par virement.'],
    ['fr', 'RE: Relance facture F-31', 'Bonjour, désolé, la facture est partie en paiement ce matin.'],
    ['es', 'RE: Factura 2026-31', 'Hola Marie, la pagamos el viernes pasado, revisa por favor.'],
    ['it', 'R: Sollecito fattura 31/2026', 'Buongiorno, la fattura è già stata saldata il 5 marzo.'],
    ['it', 'R: Fattura 31/2026', 'Ciao Marie, ho appena fatto il bonifico. A presto!'],
    ['nl', 'Re: Herinnering factuur 2026-31', 'Hoi Marie, die is vorige week al overgemaakt.'],
  ])('%s: a client saying it already paid: %s', (_language, subject, text) => {
    expect(detect(fromClient({ subject, text }))).toMatchObject({ kind: 'payment_notice' });
  });

  it('takes the amount of a short "paid" reply from a quote marked only by ">" lines', () => {
    const text = "Bonjour,\nC'est réglé ce jour.\nCordialement\n\n> Message du 02/03/26 09:10\n> De : Marie Dupont\n>\n> Veuillez trouver ci-joint la facture n° F-2026-031.\n> Montant TTC : 1 080,00 EUR\n";
    expect(detect(fromClient({ subject: 'RE: Facture F-2026-031', text }))).toMatchObject({ kind: 'payment_notice', invoice_numbers: ['F-2026-031'], amount: 1080 });
  });
});

describe('who sends: tools on the user\'s behalf, internal forwards', () => {
  it.each([
    ['an invoicing platform', 'notifications@honeybook.com'],
    ['an unknown tool\'s no-reply mailbox', 'no-reply@invoices.some-new-tool.io'],
    ["a bank's invoicing module", 'factures@shine.fr'],
  ])('%s mailing the client with the user in Cc: invoice sent, the client is the counterparty', (_name, email) => {
    const text = 'Hello Julien,\n\nMarie Dupont has sent you invoice #1042 for $800.00, due upon receipt.\n\nPay now';
    const detection = detect(mail({ subject: 'New invoice from Studio Dupont', from: from(email), to: [JULIEN], cc: [MARIE], date: '2026-03-11T10:00:00Z', text }));
    expect(detection).toMatchObject({ kind: 'invoice_sent', direction: 'sent', counterparty: JULIEN.email, due_date: '2026-03-11' });
  });

  it('keeps a bill addressed to a colleague of the user, the user in Cc, a vendor bill', () => {
    const text = "Hi,\n\nHere's invoice PW-7781 for £96.00, due on 20 Mar 2026.";
    const detection = detect(mail({ subject: 'Invoice PW-7781 from Printworks', from: from('billing@printworks.co.uk'), to: [from('compta@studio-dupont.fr')], cc: [MARIE], text }));
    expect(detection).toMatchObject({ kind: 'vendor_bill', counterparty: 'billing@printworks.co.uk' });
  });

  it("reads a client's mail forwarded between the user's own addresses as the client's", () => {
    const text =
      'Julien,\n\nVoir ci-dessous, la cliente conteste la facture de 420 €, elle dit que la livraison était incomplète.\n\nMarie\n\n' +
      'De : Sophie Roux <s.roux@orange.fr>\nEnvoyé : mardi 10 mars 2026 15:52\nÀ : contact@studio-dupont.fr\nObjet : Facture F-2026-044\n\nBonjour,\nJe conteste la facture F-2026-044 de 420,00 € : il manque deux cartons.';
    const detection = detect(mail({ subject: 'TR: Facture F-2026-044', from: from('contact@studio-dupont.fr'), to: [MARIE], text }), { ownAddresses: [MARIE.email, 'contact@studio-dupont.fr'] });
    expect(detection).toMatchObject({ kind: 'dispute', counterparty: 's.roux@orange.fr', issue_date: null });
  });
});

describe('numbers, amounts and dates', () => {
  it('reads the number and the amount written only in the attachment name', () => {
    const detection = detect(mail({ subject: 'facture avril', attachments: ['Facture_MD-2026-019_1 320,00EUR.pdf'], text: 'Coucou Julien, voilà la facture du mois ! Bises' }));
    expect(detection).toMatchObject({ invoice_numbers: ['MD-2026-019'], amount: 1320, currency: 'EUR' });
  });

  it('does not list a document word glued to the number in the attachment as another number', () => {
    const text = 'Madame, Monsieur,\n\nVeuillez trouver ci-joint votre facture n° 8800142 du 28/02/2026.\nMontant TTC : 1 210,00 €\nConditions de paiement : 30 jours fin de mois.';
    const detection = detect(mail({ subject: 'Votre facture n° 8800142', from: from('factures@grossiste-exemple.fr'), to: [MARIE], attachments: ['FACT_8800142.pdf'], text }));
    expect(detection).toMatchObject({ kind: 'vendor_bill', invoice_numbers: ['8800142'], issue_date: '2026-02-28', due_date: '2026-03-30' });
  });

  it('reads "facture d\'honoraires n°" as an invoice number', () => {
    const text = "Bonjour,\n\nCi-joint notre facture d'honoraires n° HN-2026-088 : 600,00 € HT, soit 720,00 € TTC.";
    expect(detect(mail({ subject: "Facture d'honoraires", from: from('cabinet@expert-exemple.fr'), to: [MARIE], text })).invoice_numbers).toEqual(['HN-2026-088']);
  });

  it('does not list the invoice a corrected invoice cancels and replaces', () => {
    const text = 'Hi Julien,\n\nHere is invoice INV-2026-035, which replaces invoice INV-2026-031 (wrong VAT rate). Invoice date: 10/03/2026. Total: £1,440.00, due 09/04/2026.';
    expect(detect(mail({ subject: 'Corrected invoice INV-2026-035', text }))).toMatchObject({ invoice_numbers: ['INV-2026-035'], issue_date: '2026-03-10', due_date: '2026-04-09' });
  });

  it("takes a credit note's own total, not the balance left on the invoice it corrects", () => {
    const text = 'Bonjour Julien,\n\nCi-joint l\'avoir AV-2026-004 qui annule partiellement la facture F-2026-031 : 150,00 € TTC.\nLe montant restant à régler sur la facture est donc de 1 050,00 € TTC.';
    expect(detect(mail({ subject: 'Avoir AV-2026-004', attachments: ['AV-2026-004.pdf'], text }))).toMatchObject({ invoice_numbers: ['AV-2026-004', 'F-2026-031'], amount: 150 });
  });

  it('takes the amount of the invoice named in a dispute, not the one the client expected', () => {
    const text = 'Hi Marie, we received invoice 2231 for $1,820.00. The approved budget was $2,400.00 for two deliveries and only one came, so the amount is wrong.';
    expect(detect(fromClient({ subject: 'Re: Invoice 2231', text }))).toMatchObject({ kind: 'dispute', amount: 1820 });
  });

  it.each([
    ['de', 'Anbei die Rechnung RE-2026-0311 vom 02.03.2026.\n\nGesamtbetrag   1.190,00 EUR\nZahlungsziel   14 Tage ohne Abzug', '2026-03-16'],
    ['nl', 'In de bijlage vind je factuur 2026-031 van 2 maart 2026.\nTotaal: € 1.210,00\nBetaaltermijn: 14 dagen.', '2026-03-16'],
    ['en', 'Please find attached invoice 2231 for £2,000.00.\nPayment terms: 30 days from the end of the month of invoice.', '2026-04-30'],
    ['en', 'Please find attached invoice 2232 for £2,000.00.\nTerms: 30 days.', '2026-04-01'],
  ])('%s: terms written as a table row or in the UK way', (_language, text, due) => {
    expect(detect(mail({ subject: 'Invoice', date: '2026-03-02T10:00:00+01:00', text })).due_date).toBe(due);
  });

  it('takes the terms over a date to pay by that belongs to something else', () => {
    const tax = 'Please find attached our invoice 118 for your tax return: £360.00 including VAT. Payment is due within 14 days.\n\nYour own balancing payment of £2,140.00 is payable to HMRC by 31 January 2026.';
    expect(detect(mail({ subject: 'Invoice 118', from: from('admin@ledger-accountants.co.uk'), to: [MARIE], date: '2026-01-05T10:00:00Z', attachments: ['Invoice_118.pdf'], text: tax })).due_date).toBe('2026-01-19');
    const later = 'Julien has sent you an invoice.\n\nInvoice   SD-2026-004\nIssued   03/02/2026\nDue   Upon receipt\nTotal due   $900.00\n\nThe balance will be invoiced before the event (06/20/2026).';
    const detection = detect(mail({ subject: 'Invoice SD-2026-004', from: from('notifications@hellobonsai.com'), to: [JULIEN], cc: [MARIE], date: '2026-03-02T10:00:00-08:00', text: later }));
    expect(detection).toMatchObject({ kind: 'invoice_sent', issue_date: '2026-03-02', due_date: '2026-03-02' });
  });
});

describe('hard negatives written like invoice mails', () => {
  it.each([
    ['a newsletter with a reminder template', 'newsletter@invoicing-tips.com', '5 payment reminder templates that work', 'Template #1 - gentle: "Hi Sam, invoice #204 for $380.00 is now 5 days overdue."\n\nGet all 5 templates on our blog.'],
    ['a newsletter in French', 'newsletter@outil-compta.fr', 'Relances : nos modèles', 'Voici 3 modèles de relance : « Sauf erreur, la facture n° 2025-101 de 900 € reste impayée. »'],
    ['a tax payment reminder (F24)', 'scadenze@studio-commercialista.it', 'Promemoria: F24 in scadenza', 'Le ricordiamo che il 16/07/2026 scade il versamento tramite F24 di € 2.310,00. Il pagamento va effettuato tramite home banking.'],
    ['a purchase order', 'purchasing@northfield.co.uk', 'Purchase order PO-7788', 'Please find attached purchase order PO-7788 for the illustrations (£2,000). We will pay within 30 days of receiving your invoice.'],
    ['a friend splitting a bill', 'tom@gmail.com', 'Airbnb', 'Shall we split the bill for the Airbnb? It is €420 in total, I will pay you back on Friday.'],
  ])('%s', (_name, email, subject, text) => {
    expect(detect(mail({ subject, from: from(email), to: [MARIE], text })).is_invoice_related).toBe(false);
  });

  it('still reads a thread reply that only says it paid', () => {
    const invoice = mail({ subject: 'Facture F-2026-031', attachments: ['F-2026-031.pdf'], text: 'Bonjour Julien, ci-joint la facture F-2026-031 de 1 080,00 € TTC.' });
    const reply = fromClient({ subject: 'RE: Facture F-2026-031', text: 'Fait ✅' });
    expect(analyzeThread([invoice, reply], { ownAddresses: [MARIE.email] })[1]).toMatchObject({ kind: 'payment_notice', invoice_numbers: ['F-2026-031'] });
  });
});
