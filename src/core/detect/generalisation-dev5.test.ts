/**
 * Reading rules added after a fifth corpus written blind to the engine (dev5, 2026-11-22: client
 * replies through payables platforms, payment runs, withholdings, deposits, new invoicing tools).
 * Each test states one general rule with sentences of its own (other people, tools, numbers and
 * phrasings than any corpus).
 */
import { describe, expect, it } from 'vitest';
import type { MailAddress } from '../model';
import { MARIE, JULIEN, mail, detectChecked as detect, fromClient } from './test-messages';

const from = (email: string, name = 'Sender'): MailAddress => ({ name, email });
const asClient = (subject: string, text: string, date = '2026-04-21T09:12:00Z') => detect(fromClient({ subject, text, date }));

describe('a client says it paid, with the amount or the channel', () => {
  it.each([
    ['RE: Invoice 7710', 'Sorry for the wait. Paid €1,940.00 by bank transfer a moment ago.'],
    ['RE: Invoice 7710', 'Hi Marie, sent via BACS this afternoon. Thanks for your patience.'],
    ['RE: Invoice 7710', 'All paid – £640 sent to your account earlier today.'],
    ['RE: Facture 2026-118', 'Bonjour, virement de 1 940,00 € effectué à l’instant pour la facture 2026-118.'],
    ['RE: Facture 2026-118', 'Bonjour Marie, je vous confirme le règlement ce jour de la facture 2026-118.'],
    ['RE: Factura 2026/118', 'Hola Marie, acabamos de hacer la transferencia, te mando el justificante.'],
    ['R: Fattura 118/2026', 'Buongiorno, abbiamo eseguito ieri il bonifico a saldo della fattura 118/2026.'],
    ['Re: Factuur 2026118', 'Hoi Marie, de factuur is inmiddels overgemaakt. Groet, Julien'],
  ])('%s: "%s"', (subject, text) => {
    expect(asClient(subject, text).kind).toBe('payment_notice');
  });

  it('the amount of "Je vous confirme le règlement ce jour de 3 150,00 €" is the payment, not the invoice line above it', () => {
    const detection = asClient('Règlement facture 2026-118', 'Bonjour,\n\nJe vous confirme le règlement ce jour de 3 150,00 € :\n- facture 2026-118 : 3 400,00 €\n- moins avoir AV-2026-0012 : - 250,00 €\n\nJulien');
    expect(detection).toMatchObject({ kind: 'payment_notice', amount: 3150 });
  });

  it('a payables platform paying for the client: a payment notice whose counterparty is the client\'s address it gives', () => {
    const detection = detect(
      mail({
        subject: 'Atelier Moreau vous a payé',
        from: from('notifications@libeo.io', 'Libeo'),
        to: [MARIE],
        text: 'Bonjour,\n\nAtelier Moreau vient de payer votre facture via Libeo.\n\nFacture   2026-118\nMontant   1 940,00 €\n\nUne question ? Contactez Atelier Moreau : compta@atelier-moreau.fr',
      }),
    );
    expect(detection).toMatchObject({ kind: 'payment_notice', invoice_numbers: ['2026-118'], amount: 1940, counterparty: 'compta@atelier-moreau.fr' });
  });

  it('the platforms that collect for the user keep no counterparty', () => {
    const detection = detect(
      mail({
        subject: 'Payment received for invoice 2026-118',
        from: from('notifications@stripe.com', 'Stripe'),
        to: [MARIE],
        text: 'You received a payment of €1,940.00\n\nAtelier Moreau paid invoice 2026-118.\n\nCustomer   compta@atelier-moreau.fr',
      }),
    );
    expect(detection).toMatchObject({ kind: 'payment_notice', counterparty: null });
  });

  it('a reply that pays some invoices is about those, not the one it says is still waiting', () => {
    const detection = asClient(
      'Re: Open invoices',
      'Hi Marie,\n\n2026-101 and 2026-107 were paid today by check #5521 ($2,400.00 total). 2026-115 is still waiting on approval; I will chase it.\n\nJulien',
    );
    expect(detection.kind).toBe('payment_notice');
    expect(detection.invoice_numbers).toEqual(['2026-101', '2026-107']);
  });
});

describe('promises for a payment run, a date or next week', () => {
  it('"our AP team cuts checks on 9/12" (US order in a USD mail) is a promise for that date', () => {
    const detection = asClient('Invoice 2026-107', 'Hi Marie, the PO cleared for 2026-107 ($850.00). AP cuts checks on 9/12, so it will be in that batch.', '2026-09-02T16:00:00Z');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-09-12' });
  });

  it('"Je règle les deux factures (…) en un seul virement le 18/06": a promise for 18 June', () => {
    const detection = asClient('Re: Factures en attente', 'Bonjour Marie,\n\nJe règle les deux factures (2026-101 et 2026-107) en un seul virement le 18/06, après notre encaissement.\n\nJulien', '2026-06-08T10:00:00Z');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-06-18' });
  });

  it('"wordt volgende week vrijdag betaald" is Friday of next week, not the coming Friday', () => {
    // Wednesday 8 July 2026: the coming Friday is the 10th, next week's the 17th.
    const detection = asClient('RE: Factuur 2026118', 'Goedemiddag, factuur 2026118 wordt volgende week vrijdag betaald. Groet, Julien', '2026-07-08T14:00:00Z');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-07-17' });
  });

  it('"in our month-end payment run" is the last day of the month', () => {
    const detection = asClient('Re: Invoice 7710', 'Hi Marie, 7710 is approved and goes out in our month-end payment run.', '2026-09-09T09:00:00Z');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-09-30' });
  });

  it('the German "am 14.08." without a year is a date', () => {
    const detection = asClient('AW: Rechnung RE-2026-0118', 'Guten Tag, wir überweisen den offenen Betrag am 14.08., sobald die Freigabe da ist.', '2026-08-03T09:00:00Z');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-08-14' });
  });

  it('a request to pay in instalments that gives the dates is a promise for the first one', () => {
    const detection = asClient('Facture 2026-118', 'Bonjour Marie,\n\nPourrions-nous payer la facture 2026-118 en deux fois ? Un premier virement de 900 € le 10 mai et le solde le 10 juin.\n\nJulien');
    expect(detection).toMatchObject({ kind: 'promise', promised_date: '2026-05-10', plan_request: true });
  });

  it('one without dates stays a request (other_invoice_related)', () => {
    const detection = asClient('Factuur 2026118', 'Hoi Marie, zou ik factuur 2026118 in drie delen mogen betalen? Laat maar weten.');
    expect(detection).toMatchObject({ kind: 'other_invoice_related', plan_request: true });
  });
});

describe('disputes the earlier cues missed', () => {
  it.each([
    ['Re: Your card payment failed for invoice 7710', 'Hang on – our statement shows invoice 7710 was charged on the 3rd. Please do not charge us twice.'],
    ['Facture 2026-118', "Bonjour, nous ne pouvons pas régler la facture 2026-118 en l'état : la formation du 12 n'a pas eu lieu."],
    ['Fattura 118/2026', 'Buongiorno, senza la fattura elettronica non possiamo pagarla: ci risulta solo la copia PDF.'],
    ['Fattura 118/2026', 'Buongiorno, nel cassetto fiscale non risulta alcuna fattura con questo numero.'],
  ])('%s: "%s"', (subject, text) => {
    expect(asClient(subject, text).kind).toBe('dispute');
  });

  it('a payables platform rejecting an invoice for a missing PO: related, a request to reissue, not a quote', () => {
    const detection = detect(
      mail({
        subject: 'Invoice rejected – 2026-118',
        from: from('noreply@tungsten-network.com', 'Tungsten Network'),
        to: [MARIE],
        text: 'Dear Supplier,\n\nThe invoice below has been rejected by Moreau Holdings.\n\nInvoice number: 2026-118\nInvoice amount: EUR 1,940.00\nRejection reason: Purchase order missing. Invoices must quote a valid purchase order number.\n\nQueries: payables@moreau-holdings.example',
      }),
    );
    expect(detection).toMatchObject({ is_invoice_related: true, kind: 'other_invoice_related', invoice_numbers: ['2026-118'], counterparty: 'payables@moreau-holdings.example' });
  });
});

describe('replies in an invoice thread that ask about something else', () => {
  it.each([
    ['Re: Facture 2026-118', 'Bonjour Marie, le formulaire de contact ne marche plus depuis hier soir. Tu peux jeter un œil ?'],
    ['Re: Invoice 7710', 'Hi Marie, could we push Thursday’s shoot to Friday morning? The venue is double-booked.'],
  ])('%s: "%s" is not about the invoice', (subject, text) => {
    expect(asClient(subject, text).is_invoice_related).toBe(false);
  });

  it('a question about the invoice itself stays related', () => {
    expect(asClient('Re: Invoice 7710', 'Hi Marie, could you resend the invoice with our new address on it?').is_invoice_related).toBe(true);
  });
});

describe('reminders and bills told apart', () => {
  it('a failed card charge with a retry date is a reminder, not an invoice', () => {
    const detection = detect(
      mail({
        subject: 'Action needed: invoice 7710 could not be paid',
        to: [JULIEN],
        text: 'Hello,\n\nWe attempted to charge your card for invoice 7710 (€96.00) but the payment failed. Please update your payment method; we will try again on 12 May.',
      }),
    );
    expect(detection.kind).toBe('reminder');
  });

  it('"deux factures encore ouvertes" in the user\'s statement is a reminder', () => {
    const detection = detect(mail({ subject: 'Point factures', to: [JULIEN], text: 'Bonjour Julien,\n\nJe vois deux factures encore ouvertes :\n2026-101   450,00 €\n2026-107   620,00 €\n\nMerci !' }));
    expect(detection.kind).toBe('reminder');
  });

  it('a bill with a "Rappel :" note about something else stays a bill', () => {
    const detection = detect(
      mail({
        subject: 'Honoraires – facture 2026/02/0311',
        from: from('facturation@cabinet-expert.example', 'Cabinet Expert'),
        to: [MARIE],
        attachments: ['Facture_2026-02-0311.pdf'],
        text: 'Madame,\n\nVeuillez trouver ci-joint notre facture 2026/02/0311.\n\nMontant TTC : 960,00 €\n\nRappel : vos relevés bancaires de mars sont attendus avant le 10 avril.',
      }),
    );
    expect(detection.kind).toBe('vendor_bill');
  });
});

describe('which invoice numbers a mail is about', () => {
  it('a final invoice is not about the deposit invoice it deducts', () => {
    const detection = detect(mail({ to: [JULIEN], subject: 'Facture 2026-131', attachments: ['2026-131.pdf'], text: 'Bonjour,\n\nCi-joint la facture de solde n° 2026-131.\n\nTotal TTC   3 000,00 €\nAcompte versé (facture FAC-ACP-0044)   -900,00 €\nReste à payer   2 100,00 €' }));
    expect(detection.invoice_numbers).toEqual(['2026-131']);
  });

  it('a replacement invoice is not about the one it replaces nor the credit note that cancelled it', () => {
    const detection = detect(mail({ to: [JULIEN], subject: 'Facture FA-0311', text: 'Bonjour,\n\nVeuillez trouver ci-joint la facture FA-0311, émise en remplacement de la facture FA-0290 (annulée par avoir AV-0031).\n\nTotal TTC : 1 200,00 €' }));
    expect(detection.invoice_numbers).toEqual(['FA-0311']);
  });

  it('a new invoice sent in the reply to an old one\'s thread is about the new one only', () => {
    const detection = detect(mail({ to: [JULIEN], subject: 'Re: Facture 2026-090', attachments: ['2026-131.pdf'], text: 'Bonjour,\n\nJe réponds ici : voici la facture 2026-131 du 02/06/2026 pour la seconde phase.\n\nTotal TTC : 2 400,00 €' }));
    expect(detection).toMatchObject({ invoice_numbers: ['2026-131'], issue_date: '2026-06-02' });
  });

  it('an invoicing tool glued to a figure ("Fattura24", "Invoice2go") is not a number', () => {
    const detection = detect(mail({ to: [JULIEN], subject: 'Fattura n. 31/2026', text: 'Buongiorno,\n\nin allegato la fattura n. 31/2026.\n\nTotale: 610,00 €\n\nDocumento generato con Fattura24' }));
    expect(detection.invoice_numbers).toEqual(['31/2026']);
  });

  it('a year and a sequence ("2026-104") is an invoice number; a year range and a commitment reference are not', () => {
    expect(asClient('Re: Duplicate?', 'Hi Marie, we got two invoices for the same day: 2026-104 and 2026-109, both at €300.00. Is one a duplicate?').invoice_numbers).toEqual(['2026-104', '2026-109']);
    expect(detect(mail({ to: [JULIEN], subject: 'Facture 2026-131', text: 'Ci-joint la facture 2026-131 pour la saison 2026-2027, engagement juridique EJ 2026-00781. Total TTC : 800,00 €' })).invoice_numbers).toEqual(['2026-131']);
  });
});

describe('amounts', () => {
  it('a deposit invoice\'s amount, not the whole project\'s', () => {
    const detection = detect(mail({ to: [JULIEN], subject: 'Invoice 7710', text: 'Hi,\n\nHere is invoice 7710 for $1,500.00, due Jun 30, 2026. It is the 30% deposit (project total $5,000.00).' }));
    expect(detection.amount).toBe(1500);
  });

  it('a line price ("je 95,00 € netto") is not the amount of a dispute', () => {
    expect(asClient('Rechnung RE-2026-0118', 'Guten Tag, die Position „Entsorgung" steht doppelt auf der Rechnung RE-2026-0118 (je 95,00 € netto). Bitte korrigieren.').amount).toBeNull();
  });

  it('an invoice of the user\'s forwarded to a new address: its total and dates', () => {
    const detection = detect(
      mail({
        to: [from('ap@moreau.example')],
        subject: 'TR: Facture 2026-118',
        text: 'Bonjour,\n\nOn m\'a indiqué cette adresse pour les factures : je vous transfère la facture 2026-118.\n\n-------- Message transféré --------\nSujet : Facture 2026-118\nDate : 2 Mar 2026\nDe : Marie Dupont <marie@studio-dupont.fr>\n\nBonjour,\nCi-joint la facture 2026-118.\nDate de facture : 02/03/2026\nDate d’échéance : 01/04/2026\nTotal TTC : 1 940,00 €',
        date: '2026-03-20T10:00:00Z',
      }),
    );
    expect(detection).toMatchObject({ kind: 'invoice_sent', amount: 1940, issue_date: '2026-03-02', due_date: '2026-04-01' });
  });
});

describe('newsletters and job alerts about invoicing', () => {
  it('a software newsletter with a guide to download', () => {
    const detection = detect(
      mail({
        subject: 'E-Rechnung: Ihr Leitfaden',
        from: from('newsletter@software.example', 'Software'),
        to: [MARIE],
        text: 'Hallo,\n\nab 2027 gilt die E-Rechnungspflicht ab 800.000 € Umsatz. In unserem Leitfaden erfahren Sie, wie Sie Rechnungen und Mahnungen automatisieren.\n\nJetzt herunterladen: https://software.example/leitfaden',
      }),
    );
    expect(detection.is_invoice_related).toBe(false);
  });

  it('a job alert for credit controllers', () => {
    const detection = detect(
      mail({
        subject: 'Accounts Receivable Clerk and 5 more jobs',
        from: from('jobs-noreply@jobsite.example', 'Jobs'),
        to: [MARIE],
        text: 'Jobs you may be interested in\n\nAccounts Receivable Clerk — £26,000 · chase overdue invoices, handle disputes\n\nSee all jobs: https://jobsite.example',
      }),
    );
    expect(detection.is_invoice_related).toBe(false);
  });
});
