/**
 * General reading rules beyond the first development corpus: other phrasings, other tools, other
 * hard negatives, in several languages. Realistic snippets, one rule per test.
 */
import { describe, expect, it } from 'vitest';
import { JULIEN, MARIE, mail, detectChecked as detect, fromClient } from './test-messages';



describe('reminders in other words', () => {
  it.each([
    ['en', 'Invoice 0089 - quick nudge', 'Hi Dana,\n\nJust a friendly nudge on invoice 0089 ($3,450.00), which was due last Friday, 04/10/2026.\n\nThanks,\nMarie'],
    ['fr', 'Re: facture 26-02', 'Coucou Julien, tu as pu regarder pour la facture 26-02 ? 😊'],
    ['fr', 'Facture F-2026-012', 'Bonjour Julien,\n\nDes nouvelles concernant la facture F-2026-012 ? Elle est arrivée à échéance le 1er octobre.\n\nMarie'],
    ['es', 'Factura 2026-014', 'Hola Julien, ¿has podido revisar la factura 2026-014? Gracias.'],
    ['it', 'Fattura 12/2026', 'Ciao Julien, hai avuto modo di controllare la fattura 12/2026? Grazie.'],
    ['de', 'Rechnung RE-2026-07', 'Hallo Julien, gibt es schon Neuigkeiten zur Rechnung RE-2026-07? Danke.'],
  ])('%s: %s', (_language, subject, text) => {
    expect(detect(mail({ subject, text }))).toMatchObject({ is_invoice_related: true, kind: 'reminder' });
  });

  it('takes the balance left after a partial payment as the amount claimed', () => {
    const text =
      'Bonjour,\n\nNous avons bien reçu votre virement de 1 500,00 € du 20/02 sur la facture FAC-2026-0187 (3 900,00 € TTC, échéance au 28/02/2026), merci.\n\n' +
      'Il reste donc un solde de 2 400,00 € à régler. Pourriez-vous nous indiquer la date prévue pour le second virement ?';
    expect(detect(mail({ subject: 'Solde facture FAC-2026-0187', text }))).toMatchObject({ kind: 'reminder', amount: 2400, due_date: '2026-02-28' });
  });

  it('resolves a year-less due date the words say is past before the mail, even when the invoice is sent again', () => {
    const text = 'Bonjour Julien,\n\nVous trouverez ci-joint à nouveau la facture F-2026-012 de 1 200,00 €, arrivée à échéance le 1er avril.\n\nMarie';
    const detection = detect(mail({ subject: 'Facture F-2026-012', date: '2026-04-09T10:00:00+02:00', attachments: ['Facture F-2026-012.pdf'], text }));
    expect(detection.due_date).toBe('2026-04-01');
    const english = detect(mail({ subject: 'Invoice INV-77', date: '2026-01-05T10:00:00Z', text: 'Hi Julien, invoice INV-77 (£800) was due on 20 December. Could you let me know when it will be paid?' }));
    expect(english).toMatchObject({ kind: 'reminder', due_date: '2025-12-20' });
  });
});

describe('payments in other words', () => {
  it.each([
    ['fr', 'Re: Facture N° F0038', 'Réglé ce matin 👍\n\nEnvoyé de mon iPhone'],
    ['en', 'Re: Invoice 0094', 'Hi Marie,\n\nWe sent $2,000 toward invoice 0094 via ACH this morning. The remaining $3,200.00 will follow in May.\n\nDana'],
    ['it', 'R: Fattura n. 12/2026', 'Buongiorno,\n\nvi confermiamo di aver disposto oggi il bonifico di € 1.830,00 a saldo della fattura n. 12/2026.'],
    ['fr', 'Règlement facture n° 2026-03-002', 'Bonjour,\n\nNous avons procédé ce jour à un virement de 1 000,00 € au titre de votre facture n° 2026-03-002.\nLe solde de 1 160,00 € vous sera réglé fin avril.'],
    ['es', 'RE: Factura 2026-014', 'Hola Marie, la factura 2026-014 ya está pagada. Un saludo.'],
    ['de', 'AW: Rechnung RE-2026-07', 'Hallo Marie, die Überweisung ist raus. Viele Grüße'],
  ])('%s: %s', (_language, subject, text) => {
    expect(detect(fromClient({ subject, text }))).toMatchObject({ is_invoice_related: true, kind: 'payment_notice' });
  });

  it('takes the amount paid, not the balance still due', () => {
    const text = 'Hi Marie,\n\nWe sent $2,000 toward invoice 0094 via ACH this morning. The remaining $3,200.00 will follow in May.\n\nDana';
    expect(detect(fromClient({ subject: 'Re: Invoice 0094', text }))).toMatchObject({ invoice_numbers: ['0094'], amount: 2000, currency: 'USD' });
  });
});

describe('promises in other words', () => {
  it.each([
    ['en', 'Re: Invoice 0089', 'Sorry Marie! It got stuck in approvals. Payment of the $3,450 will go out next Tuesday the 21st.', '2026-04-15T07:58:49-07:00', '2026-04-21'],
    ['es', 'RE: Factura 2026-A-014', 'Buenos días:\n\nLe confirmamos que la factura 2026-A-014 se abonará el próximo viernes 10 de abril.', '2026-04-06T10:05:46+02:00', '2026-04-10'],
    ['fr', 'RE: Facture 2026-02-007', 'Bonjour Marie,\n\nDésolée pour le retard. On vous règle vendredi sans faute.', '2026-04-07T11:34:53+02:00', '2026-04-10'],
  ])('%s: %s', (_language, subject, text, date, promised) => {
    expect(detect(fromClient({ subject, text, date }))).toMatchObject({ kind: 'promise', promised_date: promised });
  });
});

describe('procedural requests are related but neither disputes nor promises', () => {
  it.each([
    ['fr', 'Facture FA00126 - bon de commande manquant', 'Il manque le numéro de bon de commande sur votre facture FA00126. Pourriez-vous nous la renvoyer ?'],
    ['en', 'Invoice SI-1043 - instalments?', 'Thanks for invoice SI-1043. Would you be open to us splitting it into three monthly instalments, starting at the end of April?'],
    ['de', 'Rechnung RE-2026-07', 'Hallo Marie, wäre eine Ratenzahlung für die Rechnung RE-2026-07 möglich?'],
    ['it', 'Fattura 12/2026', 'Buongiorno, sarebbe possibile rateizzare la fattura 12/2026 in tre rate?'],
  ])('%s: %s', (_language, subject, text) => {
    expect(detect(fromClient({ subject, text }))).toMatchObject({ is_invoice_related: true, kind: 'other_invoice_related' });
  });

  it('reads a portal rejection as other_invoice_related without a counterparty', () => {
    const text = 'Bonjour,\n\nLa facture suivante a été rejetée par son destinataire.\n\nNuméro de facture : 2026-03-004\nMotif du rejet : Numéro d\'engagement absent.';
    const detection = detect(mail({ subject: '[Chorus Pro] Votre facture 2026-03-004 a été rejetée', from: { name: 'Chorus Pro', email: 'ne-pas-repondre@chorus-pro.gouv.fr' }, to: [MARIE], text }));
    expect(detection).toMatchObject({ kind: 'other_invoice_related', counterparty: null, issue_date: null });
  });
});

describe('replies: the newest part decides', () => {
  it.each([
    ['fr', 'Re: Facture F0035', 'Merci Marie ! Au fait, tu serais dispo mardi à 14h pour un point sur les textes ?\n\nJulien\n\nLe 29 janv. 2026 à 10:00, Marie <marie@studio-dupont.fr> a écrit :\n> Veuillez trouver ci-joint la facture F0035 : 950,00 €.'],
    ['en', 'RE: Invoice INV-000214', 'Cheers Marie. Separate thing - are you still OK for Thursday at 2pm?\n\nOn Mon, 9 Mar 2026 at 10:00, Marie <marie@studio-dupont.fr> wrote:\n> Your invoice INV-000214 is attached. Balance due: £1,920.00'],
  ])('%s: an off-topic reply is not about the quoted invoice', (_language, subject, text) => {
    expect(detect(fromClient({ subject, text })).is_invoice_related).toBe(false);
  });

  it.each([
    'Merci Marie, bien reçu.\n\nJulien\n\nMarie Dupont a écrit :\nBonjour Julien,\nJe me permets de vous relancer : la facture F-2026-012 est arrivée à échéance le 1er avril.',
    'Thanks Marie, got it.\n\nmarie@studio-dupont.fr wrote:\nHi Julien, just a reminder: invoice F-2026-012 is overdue.',
    'Merci Marie, bien reçu votre relance, je transmets à la compta.',
    'Danke für die Erinnerung, ich habe sie an die Buchhaltung weitergeleitet.',
  ])('an acknowledgement of a reminder is not a reminder: %s', (text) => {
    expect(detect(fromClient({ subject: 'RE: Relance facture F-2026-012', text }))).toMatchObject({ is_invoice_related: true, kind: 'other_invoice_related' });
  });
});

describe('invoice numbers', () => {
  it('reads a hyphenated year-less number ("26-04") and a bare reference as attachment name', () => {
    expect(detect(mail({ subject: 'facture mars', attachments: ['facture 26-04.pdf'], text: 'Voilà la facture du mois (n° 26-04) : 640 € comme d\'hab.' })).invoice_numbers).toEqual(['26-04']);
    expect(detect(mail({ subject: 'Invoice - illustrations', attachments: ['SI-1049.pdf'], text: 'Hi Julien,\n\nInvoice attached for the illustrations - £450, net 14.' })).invoice_numbers).toEqual(['SI-1049']);
    // Not a quote's or a photo's name, nor an Italian e-invoice file named by a VAT number.
    expect(detect(mail({ subject: 'Invoice', attachments: ['PO-4500.pdf', 'IMG-2034.pdf'], text: 'Hi Julien, please find attached invoice INV-12 for £450.' })).invoice_numbers).toEqual(['INV-12']);
  });

  it('does not read a quantity or the same number spelled otherwise in the attachment as a number', () => {
    expect(detect(fromClient({ subject: 'RE: Invoice 2026-0017', text: 'Invoice 2026-0017 bills 80 hours ($7,840.00), but the timesheets add up to 68.' })).invoice_numbers).toEqual(['2026-0017']);
    const italian = detect(mail({ subject: 'Fattura n. 12/2026', attachments: ['Fattura_12_2026_Bianchi.pdf'], date: '2026-03-05T11:00:00+01:00', text: 'Buongiorno,\n\nin allegato la fattura n. 12/2026 del 05/03/2026.\n\nTotale fattura: € 1.830,00\n\nPagamento a 30 giorni data fattura.' }));
    expect(italian).toMatchObject({ invoice_numbers: ['12/2026'], issue_date: '2026-03-05', due_date: '2026-04-04' });
  });

  it('keeps "via" after a number: it is a payment route, not an Italian street', () => {
    expect(detect(fromClient({ subject: 'Re: Invoice 0094', text: 'We paid invoice 0094 via ACH this morning ($2,000.00).' }))).toMatchObject({ invoice_numbers: ['0094'], amount: 2000 });
  });
});

describe('terms, amounts and dates', () => {
  it.each([
    ['en', 'Attached is my invoice #17 for the icon set - $900, due in 15 days.', '2026-03-20T18:00:00Z', '2026-04-04'],
    ['nl', 'Bijgaand de factuur 2026-017.\n\nTotaal: € 968,00 incl. 21% btw\n\nGraag binnen 30 dagen overmaken.', '2026-03-31T15:00:00+02:00', '2026-04-30'],
    ['de', 'Anbei die Rechnung RE-2026-07 über 500,00 €, zahlbar in 14 Tagen.', '2026-03-02T10:00:00+01:00', '2026-03-16'],
  ])('%s: weak terms from the mail date', (_language, text, date, due) => {
    expect(detect(mail({ subject: 'Invoice', text, date })).due_date).toBe(due);
  });

  it("takes a vendor receipt's amount paid, not a line item", () => {
    const text = 'Your plan has renewed. Your invoice is attached.\n\nInvoice NTN-2026-004812\nPlus plan, 2 members, monthly: £16.00\nVAT 20%: £3.20\nAmount paid: £19.20';
    expect(detect(mail({ subject: 'Your invoice NTN-2026-004812', from: { name: 'Notion', email: 'team@notion.so' }, to: [MARIE], attachments: ['NTN-2026-004812.pdf'], text }))).toMatchObject({ kind: 'vendor_bill', amount: 19.2 });
  });

  it('does not take a bank notification\'s "Date :" line as an invoice date', () => {
    const text = 'Vous avez reçu un virement de 780,00 € sur votre compte.\n\nÉmetteur : AGENCE PULPE SAS\nLibellé : Facture F0038\nDate : 11/03/2026';
    expect(detect(mail({ subject: 'Vous avez reçu un virement de 780,00 €', from: { name: 'Shine', email: 'notifications@shine.fr' }, to: [MARIE], text }))).toMatchObject({ kind: 'payment_notice', issue_date: null, counterparty: null });
  });
});

describe('senders: invoicing tools on the user\'s behalf, vendors', () => {
  it.each([
    ['Harvest', 'notifications@harvestapp.com'],
    ['Zoho Invoice', 'message-service@sender.zohoinvoice.eu'],
  ])('%s mailing the client with the user in Cc is an invoice sent', (_tool, email) => {
    const text = 'Dear Julien,\n\nYour invoice INV-000214 can be viewed from the link below.\n\nInvoice Date : 09/03/2026\nDue Date : 08/04/2026\nBalance Due : £1,920.00';
    const detection = detect(mail({ subject: 'Invoice - INV-000214 from Studio Dupont', from: { name: 'Tool', email }, to: [JULIEN], cc: [MARIE], text }));
    expect(detection).toMatchObject({ kind: 'invoice_sent', counterparty: JULIEN.email, direction: 'sent' });
  });

  it("reads a marketplace's commission invoice as a vendor bill even when it says the client paid", () => {
    const text = 'Votre mission (1 000,00 € HT) a été payée par votre client.\n\nVoici la facture correspondant aux frais de service :\n\nFacture n° MALT-INV-2026-0456712 du 28/02/2026\nMontant TTC : 96,00 €';
    expect(detect(mail({ subject: 'Votre facture de frais de service', from: { name: 'Malt', email: 'invoicing@malt.com' }, to: [MARIE], text }))).toMatchObject({ kind: 'vendor_bill', amount: 96 });
  });
});

describe('hard negatives in other domains', () => {
  it.each([
    ['job alert (en)', 'alert@indeed.com', '5 new billing jobs in Seattle, WA', 'Billing Specialist - Evergreen Health - Seattle, WA - $55,000 - $62,000 a year. Prepare and send invoices, follow up on past-due accounts.'],
    ['job alert (fr)', 'alerts@welcometothejungle.com', '3 nouvelles offres : Chargé(e) de facturation', 'Chargé(e) de facturation H/F - Bordeaux - CDI - 32 k€ brut annuel. Émission des factures clients, relances.'],
    ['SaaS trial', 'messaging-service@post.xero.com', 'Your Xero trial ends in 3 days', 'Your free trial ends on 19 March 2026. Subscribe to keep sending invoices, chasing payments and reconciling your bank.\n\nStarter: £16/month · Grow: £47/month.'],
    ['parking fine', 'ne-pas-repondre@antai.gouv.fr', 'Votre avis de contravention est disponible', 'Un avis de contravention concernant votre véhicule est disponible dans votre espace.\n\nMontant : 35 €, en cas de paiement avant le 10/04/2026.'],
    ['rent receipt', 'gestion@agence-immo.fr', 'Votre quittance de loyer - mars', 'Veuillez trouver ci-joint votre quittance de loyer pour le mois de mars : 850,00 €. Échéance le 05/04.'],
    ['payslip (de)', 'hr@firma.de', 'Ihre Gehaltsabrechnung März', 'Anbei Ihre Gehaltsabrechnung für März. Auszahlung: 2.850,00 € am 28.03.'],
    ['insurance schedule (it)', 'polizze@assicura.it', 'Polizza auto: premio in scadenza', 'Gentile cliente, il premio assicurativo della sua polizza di € 420,00 scade il 15/04/2026. Pagamento entro la scadenza.'],
  ])('%s', (_name, email, subject, text) => {
    expect(detect(mail({ subject, from: { name: 'Sender', email }, to: [MARIE], text })).is_invoice_related).toBe(false);
  });
});
