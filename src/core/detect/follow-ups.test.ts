/**
 * Conversational phrases ("je reviens vers vous", "following up on our call", "bien reçu") are not
 * reminders by themselves: only when tied to an invoice or a payment in the same clause, and never
 * over an explicit invoice-sending cue. Realistic snippets, one rule per block.
 */
import { describe, expect, it } from 'vitest';
import { MARIE, mail, detectChecked as detect, fromClient } from './test-messages';


const INVOICE_PDF = ['Facture_F-2026-031.pdf'];

describe('a follow-up phrase is a reminder only when tied to an invoice or a payment', () => {
  it.each([
    ['fr', 'Facture F-2026-012', "Bonjour Julien,\n\nJe reviens vers vous au sujet de la facture F-2026-012 de 1 200,00 €.\n\nMarie"],
    ['fr', 'Facture F-2026-012', 'Bonjour Julien,\n\nJe me permets de revenir vers vous concernant le règlement de la facture F-2026-012.\n\nMarie'],
    ['en', 'Invoice INV-0042', 'Hi Julien,\n\nFollowing up on invoice INV-0042 ($2,400.00) sent on 3 March.\n\nThanks,\nMarie'],
    ['en', 'Invoice INV-0042', 'Hi Julien,\n\nJust a quick follow-up on the payment for INV-0042.\n\nMarie'],
    ['de', 'Rechnung RE-2026-07', 'Hallo Julien,\n\nich melde mich nochmals wegen der Rechnung RE-2026-07 über 850,00 €.\n\nGrüße\nMarie'],
    ['es', 'Factura 2026-014', 'Hola Julien,\n\nle escribo en relación con la factura 2026-014 de 640,00 €.\n\nSaludos,\nMarie'],
    ['it', 'Fattura 12/2026', 'Ciao Julien,\n\nti ricontatto in merito alla fattura 12/2026 di 900,00 €.\n\nMarie'],
    ['nl', 'Factuur 2026-031', 'Hoi Julien,\n\nik kom nog even terug op factuur 2026-031 van € 450,00.\n\nMarie'],
  ])('%s: tied to the invoice, a reminder', (_language, subject, text) => {
    expect(detect(mail({ subject, text }))).toMatchObject({ is_invoice_related: true, kind: 'reminder' });
  });

  it.each([
    ['fr', 'Point sur le projet', "Bonjour Julien,\n\nComme convenu lors de notre échange, je reviens vers vous au sujet de l'avancement du projet. La maquette est validée.\n\nSi vous avez reçu ce message par erreur, merci de le supprimer.\n\nMarie"],
    ['en', 'Project update', 'Hi Julien,\n\nFollowing up on our call last week, here is a short update on where the project stands.\n\nIf you received this e-mail in error, please delete it.\n\nMarie'],
    ['en', 'Project update', 'Hi Julien,\n\nQuick follow-up on the mock-ups: the landing page was approved.\n\nReceived in error? Delete this message.\n\nMarie'],
    ['de', 'Projektstand', 'Hallo Julien,\n\nich melde mich wegen des Workshops am Dienstag. Erhalten Sie diese Nachricht irrtümlich, löschen Sie sie bitte.\n\nMarie'],
    ['it', 'Aggiornamento progetto', 'Ciao Julien,\n\nti ricontatto in merito al progetto: la homepage è approvata. Se hai ricevuto questo messaggio per errore, cancellalo.\n\nMarie'],
  ])('%s: about something else, not related', (_language, subject, text) => {
    expect(detect(fromClient({ subject, text })).is_invoice_related).toBe(false);
  });
});

describe('an explicit invoice-sending cue from the user beats a follow-up phrase', () => {
  it.each([
    ['fr', 'Facture F-2026-031', "Bonjour Julien,\n\nVeuillez trouver ci-joint la facture F-2026-031 d'un montant de 1 500,00 € TTC.\n\nJe reviens vers vous au sujet de la facture de solde la semaine prochaine.\n\nMarie"],
    ['en', 'Invoice F-2026-031', 'Hi Julien,\n\nFollowing up on our call, please find attached invoice F-2026-031 for €1,500.00, due by 30 November 2026.\n\nMarie'],
    ['en', 'Invoice F-2026-031', 'Hi Julien,\n\nAs discussed, please find attached the invoice F-2026-031 for €1,500.00. Following up on the invoice for phase 2 separately.\n\nMarie'],
    ['de', 'Rechnung F-2026-031', 'Hallo Julien,\n\nwie besprochen anbei die Rechnung F-2026-031 über 1.500,00 €. Ich melde mich bezüglich der Zahlung der Anzahlung noch separat.\n\nMarie'],
  ])('%s: invoice sent', (_language, subject, text) => {
    expect(detect(mail({ subject, text, attachments: INVOICE_PDF }))).toMatchObject({ is_invoice_related: true, kind: 'invoice_sent' });
  });

  it('still reads a reminder when a strong reminder cue follows the follow-up', () => {
    const text = 'Hi Julien,\n\nFollowing up on invoice F-2026-031, which is now overdue. Please find attached the invoice again.\n\nMarie';
    expect(detect(mail({ subject: 'Invoice F-2026-031', text, attachments: INVOICE_PDF }))).toMatchObject({ kind: 'reminder' });
  });

  it('still reads a reminder when the invoice sent again is past due', () => {
    const text = 'Bonjour Julien,\n\nJe reviens vers vous au sujet de la facture F-2026-031 : vous la trouverez ci-jointe, elle reste impayée à ce jour.\n\nMarie';
    expect(detect(mail({ subject: 'Facture F-2026-031', text, attachments: INVOICE_PDF }))).toMatchObject({ kind: 'reminder' });
  });
});

describe("a client's short acknowledgement is not a reminder", () => {
  const quoted = '\n\nLe 20/10/2026, Marie Dupont <marie@studio-dupont.fr> a écrit :\n> Veuillez trouver ci-joint la facture F-2026-031 de 1 500,00 €.';
  it.each([
    ['fr', 'Re: Facture F-2026-031', "Merci Marie, bien reçu. Je transmets au service comptable.\n\nJe reviens vers vous au sujet de l'avancement du projet."],
    ['en', 'Re: Invoice F-2026-031', 'Thanks Marie, well received. I will forward it to our accounting team.\n\nFollowing up on our call last week, here is a short update.'],
    ['en', 'Re: Invoice F-2026-031', 'Got it, thanks! Received, with thanks.'],
    ['de', 'AW: Rechnung F-2026-031', 'Hallo Marie, erhalten, danke. Ich melde mich wegen des Workshops.'],
    ['es', 'RE: Factura F-2026-031', 'Hola Marie, recibido, gracias. Lo paso a contabilidad.'],
  ])('%s: other_invoice_related', (_language, subject, text) => {
    expect(detect(fromClient({ subject, text: text + quoted }))).toMatchObject({ is_invoice_related: true, kind: 'other_invoice_related' });
  });
});

describe('a generic billing mailbox is a vendor only when the mail reads as a bill', () => {
  const ap = { name: 'Factures Étoile', email: 'factures@etoile.example' };
  const quoted = '\n\n> Please find attached invoice F-2026-031 for €1,500.00.';

  it("reads the client's AP replying with an acknowledgement as related, not a vendor bill", () => {
    const text = 'Bonjour Marie,\n\nMerci, bien reçu. Nous la mettons au circuit de validation.' + quoted;
    expect(detect(mail({ subject: 'Re: Facture F-2026-031', from: ap, to: [MARIE], text }))).toMatchObject({ kind: 'other_invoice_related', counterparty: ap.email });
  });

  it.each([
    ['en', 'Re: Invoice F-2026-031', 'Hello Marie,\n\nPayment of 1500.00 EUR for invoice F-2026-031 was sent today by bank transfer.\n\nAccounts Payable'],
    ['fr', 'Re: Facture F-2026-031', 'Bonjour Marie,\n\nLe virement de 1 500,00 € pour la facture F-2026-031 a été effectué ce jour.\n\nService comptabilité'],
  ])("%s: reads the client's AP announcing a payment as a payment notice", (_language, subject, text) => {
    expect(detect(mail({ subject, from: { name: 'AP', email: 'invoices@northwind.example' }, to: [MARIE], text: text + quoted }))).toMatchObject({ kind: 'payment_notice', amount: 1500 });
  });

  it('still reads a bill from billing@ as a vendor bill', () => {
    const text = 'Bonjour,\n\nVotre facture n° ET-2026-118 du 01/10/2026 est disponible dans votre espace client.\n\nMontant : 49,00 €, prélevé le 05/10/2026.';
    expect(detect(mail({ subject: 'Votre facture est disponible', from: { name: 'Étoile', email: 'billing@etoile.example' }, to: [MARIE], text }))).toMatchObject({ kind: 'vendor_bill' });
  });
});
