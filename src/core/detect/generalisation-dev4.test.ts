/**
 * Reading rules added after a fourth corpus written blind to the engine (dev4, 2026-11-22: client
 * replies, invoicing tools and four more languages). Each test states one general rule with
 * sentences of its own (other people, tools, numbers and phrasings than any corpus).
 */
import { describe, expect, it } from 'vitest';
import type { MailAddress } from '../model';
import { JULIEN, MARIE, mail, detectChecked as detect, fromClient } from './test-messages';

const from = (email: string, name = 'Sender'): MailAddress => ({ name, email });
const CLIENT: MailAddress = { name: 'Compta Moreau', email: 'compta@atelier-moreau.fr' };

describe('an invoicing tool mailing the client for the user, who is only in Reply-To', () => {
  it('is an invoice the user sends, to the client, when the user is not a recipient', () => {
    const message = mail({
      subject: 'Invoice INV-2207 from Studio Dupont',
      from: from('notifications@mail.invoicetool.example', 'Studio Dupont via InvoiceTool'),
      to: [CLIENT],
      replyTo: [MARIE],
      text: 'Hi,\n\nHere is invoice INV-2207 for €1,560.00, due on 30 Apr 2026.\n\nView and pay online: https://pay.invoicetool.example/x',
    });
    expect(detect(message)).toMatchObject({ kind: 'invoice_sent', counterparty: 'compta@atelier-moreau.fr', invoice_numbers: ['INV-2207'] });
  });

  it('stays a bill the user receives when the user is the recipient (the supplier answers in Reply-To)', () => {
    const message = mail({
      subject: 'Invoice INV-2207 from Atelier Moreau',
      from: from('notifications@mail.invoicetool.example', 'Atelier Moreau via InvoiceTool'),
      to: [MARIE],
      replyTo: [JULIEN],
      text: 'Hi,\n\nHere is invoice INV-2207 for €1,560.00, due on 30 Apr 2026.\n\nView and pay online: https://pay.invoicetool.example/x',
    });
    expect(detect(message).kind).toBe('vendor_bill');
  });
});

describe('payments promised for a payment run, a month end or next week', () => {
  it.each([
    ['RE: Invoice 2231', 'Invoice 2231 has been approved and is scheduled for our fortnightly payment run.'],
    ['RE: Facture F-31', 'Nous passerons le règlement de votre facture avec le lot de fin de mois.'],
    ['Re: Facture F-31', "Je m'en occupe la semaine prochaine, promis !"],
    ['Re: Facture F-31', 'Elle partira avec les virements fournisseurs de mardi.'],
    ['R: Fattura 31/2026', 'La fattura verrà saldata entro fine mese.'],
    ['AW: Rechnung RE-31', 'Den Betrag überweisen wir spätestens am kommenden Montag.'],
    ['Re: Factuur 2026-31', 'Het eerste deel kan ik volgende week overmaken, de rest in mei.'],
    ['RE: Facture F-31', 'Nous vous proposons de régler la facture F-31 (3 600 €) en trois versements de 1 200 €.'],
  ])('%s — %s', (subject, text) => {
    expect(detect(fromClient({ subject, text, date: '2026-03-11T10:00:00+01:00' })).kind).toBe('promise');
  });
});

describe('a client holding back payment until the work is done or the invoice corrected', () => {
  it.each([
    ['Re: Invoice 77', 'The gutters still aren’t fixed, so I’m holding the final payment until they are.'],
    ['Re: Invoice 77', 'We won’t be paying this as it stands: nobody approved the extra day.'],
    ['Re: Invoice 77', 'We have no record of receiving invoice 77 and are not prepared to pay a late fee on it.'],
    ['Re: Facture F-31', 'Les travaux ne sont pas terminés : je réglerai quand tout sera fini.'],
    ['AW: Rechnung RE-31', 'Bis zur Korrektur halten wir die Zahlung zurück. Bitte stellen Sie uns eine Gutschrift aus.'],
    ['Re: Factura 2026-31', 'No estoy de acuerdo con el importe: por favor emite una factura rectificativa.'],
    ['Re: Factuur 2026-31', 'Er zijn minder uren geleverd dan afgesproken; stuur ons een creditnota voor het verschil.'],
  ])('%s — %s', (subject, text) => {
    expect(detect(fromClient({ subject, text })).kind).toBe('dispute');
  });
});

describe('payments made by cheque or a first transfer', () => {
  it.each([
    ['Invoice 2231 - payment', 'We mailed a check for $900.00 this morning for invoice 2231.'],
    ['RE: Facture F-31', "Je vous ai posté hier un chèque de 450 € pour la facture F-31."],
    ['RE: Facture F-31', "J'ai fait un premier virement de 600 € aujourd'hui, le reste suivra."],
  ])('%s — %s', (subject, text) => {
    expect(detect(fromClient({ subject, text })).kind).toBe('payment_notice');
  });

  it('reads "je transmets pour mise en paiement" as an acknowledgement, not a payment', () => {
    expect(detect(fromClient({ subject: 'RE: Facture F-31', text: 'Bien reçu, je transmets au service comptable pour mise en paiement.' })).kind).toBe('other_invoice_related');
  });
});

describe('the creditor’s notes on a due or part-paid invoice are reminders', () => {
  it.each([
    ['Invoice 2231', 'Quick heads-up that invoice 2231 for $1,400.00 is due this Friday.'],
    ['Invoice 2231 balance', 'Thanks for the first $500. Invoice 2231 still shows a remaining balance of $900.00: when can I expect the rest?'],
  ])('%s — %s', (subject, text) => {
    expect(detect(mail({ from: MARIE, to: [JULIEN], subject, text })).kind).toBe('reminder');
  });

  it('keeps an invoice that states its due date an invoice', () => {
    const text = 'Hello, please find attached invoice 2231 for $1,400.00. This invoice is due on 04/30/2026.';
    expect(detect(mail({ from: MARIE, to: [JULIEN], subject: 'Invoice 2231', text, attachments: ['Invoice-2231.pdf'] })).kind).toBe('invoice_sent');
  });

  it('is not made a reminder by a bill announcing a later reminder', () => {
    const text = 'Dear Marie,\n\nPlease find attached our invoice 5512 for the annual accounts, £900.00, payable within 14 days. We will send you a reminder about your tax return nearer the time.';
    expect(detect(mail({ from: from('partners@ledger-accountants.example', 'Ledger Accountants'), to: [MARIE], subject: 'Invoice 5512', text, attachments: ['Invoice 5512.pdf'] })).kind).toBe('vendor_bill');
  });
});

describe('dates', () => {
  it('reads "Date of issue" as the invoice date', () => {
    const text = 'Invoice number 2231\nDate of issue May 4, 2026\nAmount due $1,400.00\nDue May 18, 2026';
    expect(detect(mail({ from: MARIE, to: [JULIEN], subject: 'Invoice 2231 is overdue', text })).issue_date).toBe('2026-05-04');
  });

  it('does not take the date of an earlier reminder ("Zahlungserinnerung vom") for the invoice date', () => {
    const text = 'Sehr geehrte Damen und Herren,\n\ntrotz unserer Zahlungserinnerung vom 10.03.2026 ist die Rechnung Nr. 26-077 vom 12.02.2026 über 980,00 € weiterhin offen.';
    expect(detect(mail({ from: MARIE, to: [JULIEN], subject: '2. Mahnung Rechnung 26-077', text })).issue_date).toBe('2026-02-12');
  });
});

describe('mail that is not about an invoice', () => {
  it('drops a newsletter from a mass-mailing subdomain that talks about invoice reminders', () => {
    const text = 'Get paid faster: set up automatic invoice reminders 7 days before the due date. Unsubscribe';
    expect(detect(mail({ from: from('hello@email.bookkeeping.example', 'Bookkeeping'), to: [MARIE], subject: 'Stop chasing invoices', text })).is_invoice_related).toBe(false);
  });

  it('drops an insurance certificate, an appointment reminder and an event invitation', () => {
    const insurance = 'Votre contrat n° RC-88120 a été reconduit. Rappel : votre cotisation annuelle de 290,00 € TTC est prélevée chaque mois.';
    const appointment = 'Nous vous rappelons votre rendez-vous du 12 février. Merci d’apporter la liste des factures clients non réglées.';
    const salon = 'Le salon des indépendants vous accueille du 3 au 5 juin. Votre badge gratuit (valeur 20 € TTC) : conférences sur la facture électronique.';
    for (const [subject, text] of [['Votre attestation 2026', insurance], ['Rappel de rendez-vous', appointment], ['Votre badge gratuit', salon]]) {
      expect(detect(mail({ from: from('contact@service.example', 'Service'), to: [MARIE], subject, text })).is_invoice_related).toBe(false);
    }
  });

  it('drops a reply written on an invoice thread "for convenience" about something else', () => {
    const text = 'Ciao Marie, ti scrivo su questo filo per comodità: il sito non si aggiorna da ieri, puoi controllare?\n\nIl giorno 2 apr 2026 Marie ha scritto:\n> Sollecito per la fattura n. 31/2026 di € 900,00 scaduta il 30/03/2026.';
    expect(detect(fromClient({ subject: 'R: Sollecito fattura n. 31/2026', text })).is_invoice_related).toBe(false);
  });
});
