import { describe, expect, it } from 'vitest';
import { analyzeThread, detectMessage } from './index';
import type { EngineMessage } from './types';
import { JULIEN, MARIE, PRIYA, SAM, mail, AS_MARIE as ME, detectChecked as detect } from './test-messages';

const NOBODY = { ownAddresses: [] };


const FR_INVOICE =
  'Bonjour Julien,\n\nVeuillez trouver ci-jointe la facture n° F-2026-041 relative à la refonte du site (devis n° D-12 accepté le 2 octobre).\n\n' +
  'Montant HT : 2\u202f000,00\u00a0€\nTVA (20 %) : 400,00\u00a0€\nMontant TTC : 2\u202f400,00\u00a0€\n\nÉchéance : 23/11/2026. Règlement par virement.\n\n' +
  'Bien cordialement,\nMarie Dupont\nStudio Dupont SARL au capital de 10 000 € - SIRET 123 456 789 00012 - TVA intracommunautaire FR12123456789\n' +
  'IBAN FR76 3000 6000 0112 3456 7890 189 - Tél. 06 12 34 56 78 - 12 rue de la Paix, 75002 Paris';

describe('detectMessage: invoices the user sends', () => {
  it('reads a French invoice with HT/TVA/TTC, a due date and a signature full of numbers', () => {
    const message = mail({ subject: 'Facture F-2026-041 – refonte du site', attachments: ['Facture_F-2026-041.pdf'], text: FR_INVOICE });
    const detection = detect(message);
    expect(detection).toMatchObject({
      is_invoice_related: true,
      kind: 'invoice_sent',
      invoice_numbers: ['F-2026-041'],
      amount: 2400,
      currency: 'EUR',
      issue_date: '2026-10-24',
      due_date: '2026-11-23',
      counterparty: JULIEN.email,
      direction: 'sent',
      language: 'fr',
    });
    expect(detection.evidence.amount?.[0]?.text).toBe('2\u202f400,00\u00a0€');
    expect(detection.evidence.due_date?.[0]?.text).toBe('23/11/2026');
  });

  it('tells sent from received without the user addresses, by the words', () => {
    const message = mail({ subject: 'Facture F-2026-041', text: FR_INVOICE });
    expect(detect(message, NOBODY)).toMatchObject({ kind: 'invoice_sent', direction: 'sent', counterparty: JULIEN.email });
    const bill = mail({
      subject: 'Votre facture OVHcloud est disponible',
      from: { name: 'OVHcloud', email: 'noreply@ovh.com' },
      to: [MARIE],
      text: "Bonjour,\nVotre facture FR58123456 d'un montant de 23,99 € TTC est disponible dans votre espace client. Elle sera prélevée le 05/11/2026.",
    });
    expect(detect(bill, NOBODY)).toMatchObject({ kind: 'vendor_bill', direction: 'received', amount: 23.99, counterparty: 'noreply@ovh.com', due_date: null });
  });

  it('reads an English USD invoice with US dates and net terms', () => {
    const message = mail({
      subject: 'Invoice INV-0042',
      from: SAM,
      to: [PRIYA],
      text: 'Hi Priya,\n\nPlease find attached invoice INV-0042.\nInvoice date: 10/03/2026\nSubtotal: $2,000.00\nTax: $160.00\nTotal due: $2,160.00\nPayment terms: Net 30\n\nThanks,\nSam\n+44 20 7946 0958',
    });
    expect(detect(message, { ownAddresses: [SAM.email] })).toMatchObject({
      kind: 'invoice_sent',
      amount: 2160,
      currency: 'USD',
      issue_date: '2026-10-03',
      due_date: '2026-11-02',
      terms: 'Net 30',
      language: 'en',
    });
  });

  it('computes "30 jours fin de mois" with method B by default and A on request', () => {
    const message = mail({ subject: 'Facture F-7', date: '2026-01-15T10:00:00Z', text: 'Ci-joint la facture F-7 de 1 200,00 € TTC. Paiement à 30 jours fin de mois.' });
    expect(detect(message).due_date).toBe('2026-03-02');
    expect(detectMessage(message, { ...ME, endOfMonthMethod: 'A' }).due_date).toBe('2026-02-28');
    expect(detect(mail({ subject: 'Facture F-8', text: 'Voici la facture F-8 (500 €), payable à réception.' })).due_date).toBe('2026-10-24');
  });

  it('reads a credit note with the invoice it corrects', () => {
    const message = mail({ subject: 'Avoir AV-2026-003', text: "Bonjour,\nVeuillez trouver ci-joint l'avoir n° AV-2026-003 annulant la facture F-2026-041.\nMontant de l'avoir : -400,00 € TTC." });
    expect(detect(message)).toMatchObject({ kind: 'invoice_sent', invoice_numbers: ['AV-2026-003', 'F-2026-041'], amount: 400 });
  });

  it('reads a deposit invoice: its own total, not the quote', () => {
    const message = mail({
      subject: "Facture d'acompte",
      text: "Suite à la signature du devis D-2026-008 (7 200,00 € TTC), voici la facture d'acompte de 30 % :\nFacture d'acompte n° FA-ACP-2026-03\nTotal TTC : 2 160,00 €\nRèglement : à réception de facture",
    });
    expect(detect(message)).toMatchObject({ kind: 'invoice_sent', invoice_numbers: ['FA-ACP-2026-03'], amount: 2160 });
  });

  it('takes number and amount from an attachment name when the body has neither', () => {
    const message = mail({ subject: 'Illustrations février', attachments: ['Facture_2026-019 - 980,00 EUR.pdf'], text: 'Bonjour Marc,\nVoici la facture pour le mois de février.\nCamille' });
    const detection = detect(message);
    expect(detection).toMatchObject({ kind: 'invoice_sent', invoice_numbers: ['2026-019'], amount: 980, currency: 'EUR' });
    expect(detection.evidence.amount?.[0]).toMatchObject({ source: 'attachment', attachment_index: 0 });
  });

  it('reads amount formats of several countries', () => {
    const amounts = ['1 234,56 €', '1.234,56 EUR', '€1,234.56', 'EUR 1234.56', 'CHF 1\'234.56'].map(
      (written) => detect(mail({ subject: 'Invoice 77', text: `Please find attached invoice 77. Total: ${written}` })).amount,
    );
    expect(amounts).toEqual([1234.56, 1234.56, 1234.56, 1234.56, 1234.56]);
    expect(detect(mail({ subject: 'Invoice 78', text: 'Please find attached invoice 78. Total: CHF 980.00' })).currency).toBe('CHF');
  });

  it('reads an HTML invoice (tables) from an invoicing tool', () => {
    const html =
      '<html><head><style>td{color:red}</style><script>var total = "9 999 €";</script></head><body><p>Bonjour,</p><p>Votre facture FA2601-0098 est jointe.</p>' +
      '<table><tr><th>Date</th><th>Échéance</th><th>Total TTC</th></tr><tr><td>05/01/2026</td><td>04/02/2026</td><td>7&nbsp;440,00&nbsp;&euro;</td></tr></table>' +
      '<p>Cordialement,<br>Studio Dupont</p></body></html>';
    const message = mail({ subject: 'Facture FA2601-0098', text: null, html, attachments: ['FA2601-0098.pdf'] });
    const detection = detect(message);
    expect(detection).toMatchObject({ kind: 'invoice_sent', invoice_numbers: ['FA2601-0098'], amount: 7440, issue_date: '2026-01-05', due_date: '2026-02-04' });
    expect(detection.body_text).not.toContain('var total');
  });
});

describe('detectMessage: replies, reminders, payments', () => {
  it('reads a reminder about several invoices: total claimed, no single due date', () => {
    const message = mail({
      subject: 'Relance : factures F-12 et F-13',
      text: 'Bonjour,\nSauf erreur de notre part, les factures F-12 (1 200,00 €) et F-13 (800,00 €) restent impayées.\nMerci de procéder au règlement avant le 30/11/2026.',
    });
    expect(detect(message)).toMatchObject({ kind: 'reminder', invoice_numbers: ['F-12', 'F-13'], amount: 2000, due_date: null, issue_date: null });
  });

  it('keeps the invoice due date of a reminder, not its new deadline, and the balance after a partial payment', () => {
    const message = mail({
      subject: 'Solde facture 0042',
      text: 'Bonjour Julie,\nMerci pour votre virement de 1 000,00 € reçu le 2 mars.\nIl reste cependant un solde de 1 400,00 € sur la facture 0042 (montant initial 2 400,00 €), échue depuis le 15/03/2026. Merci de régler avant le 31/03/2026.',
    });
    expect(detect(message)).toMatchObject({ kind: 'reminder', invoice_numbers: ['0042'], amount: 1400, due_date: '2026-03-15' });
  });

  it('reads a client payment notice that only says it paid, with the quoted invoice', () => {
    const message = mail({
      subject: 'RE: Facture F-2026-041',
      from: JULIEN,
      to: [MARIE],
      text: "C'est réglé, virement parti ce matin.\nJulien\n\nLe 24 oct. 2026 à 09:12, Marie Dupont <marie@studio-dupont.fr> a écrit :\n> Veuillez trouver ci-jointe la facture n° F-2026-041\n> Montant TTC : 2 400,00 €",
    });
    expect(detect(message, NOBODY)).toMatchObject({ kind: 'payment_notice', invoice_numbers: ['F-2026-041'], amount: 2400, counterparty: JULIEN.email, direction: 'received' });
  });

  it('never takes an older invoice from the quoted history as the new one', () => {
    const message = mail({
      subject: 'Facture F-2026-050',
      text: 'Bonjour,\nVoici la facture F-2026-050 de novembre : 900,00 € TTC.\n\n-----Original Message-----\nFrom: Julien\nSent: Monday\nSubject: Facture F-2026-041\n\nVeuillez trouver la facture F-2026-041 de 2 400,00 €',
    });
    expect(detect(message)).toMatchObject({ kind: 'invoice_sent', invoice_numbers: ['F-2026-050'], amount: 900 });
  });

  it('reads disputes and promises, with the promised date apart from the due date', () => {
    const dispute = mail({ subject: 'Re: Facture F-9', from: JULIEN, to: [MARIE], text: "Bonjour, nous n'avons jamais reçu cette facture, et le montant ne correspond pas au devis." });
    expect(detect(dispute)).toMatchObject({ kind: 'dispute', invoice_numbers: ['F-9'], counterparty: JULIEN.email });
    const promise = mail({ subject: 'Re: Invoice 1042', from: PRIYA, to: [SAM], date: '2026-11-02T10:00:00Z', text: 'Hi Sam, we will pay invoice 1042 on 15 November.\nBest, Priya' });
    expect(detect(promise, { ownAddresses: [SAM.email] })).toMatchObject({ kind: 'promise', promised_date: '2026-11-15', due_date: null });
    const weekday = mail({ subject: 'Re: facture 2026-011', from: JULIEN, to: [MARIE], date: '2026-03-04T10:00:00Z', text: 'Désolé ! Je te fais le virement pour la facture 2026-011 lundi au plus tard.' });
    expect(detect(weekday).promised_date).toBe('2026-03-09');
  });

  it('reads German, Spanish, Italian and Dutch mails', () => {
    const de = mail({ subject: 'Rechnung RE-2026-009', text: 'Sehr geehrter Herr Krämer,\nanbei erhalten Sie unsere Rechnung RE-2026-009 vom 12.01.2026 über 1.428,00 EUR.\nZahlbar innerhalb von 14 Tagen.\nMit freundlichen Grüßen' });
    expect(detect(de)).toMatchObject({ kind: 'invoice_sent', language: 'de', amount: 1428, issue_date: '2026-01-12', due_date: '2026-01-26' });
    const es = mail({ subject: 'Factura 2026/018', text: 'Hola Ana,\nAdjunto la factura nº 2026/018 de fecha 03/04/2026.\nTotal a pagar: 1.150,00 €\nSaludos' });
    expect(detect(es)).toMatchObject({ kind: 'invoice_sent', language: 'es', invoice_numbers: ['2026/018'], issue_date: '2026-04-03', amount: 1150 });
    const it_ = mail({ subject: 'Sollecito fattura 12/2026', text: 'Gentile cliente,\nla fattura n. 12/2026 di 610,00 € risulta scaduta. Vi preghiamo di provvedere al pagamento.\nCordiali saluti' });
    expect(detect(it_)).toMatchObject({ kind: 'reminder', language: 'it', invoice_numbers: ['12/2026'], amount: 610 });
    const nl = mail({ subject: 'Re: factuur 2026-0021', from: JULIEN, to: [MARIE], text: 'Hoi Sanne,\nWe hebben factuur 2026-0021 (€ 1.815,00) vandaag overgemaakt.\nGroetjes' });
    expect(detect(nl)).toMatchObject({ kind: 'payment_notice', language: 'nl', amount: 1815 });
  });
});

describe('detectMessage: hard negatives', () => {
  const negatives: Array<[string, Partial<EngineMessage>]> = [
    ['a quote', { subject: 'Devis D-2026-014', attachments: ['Devis_D-2026-014.pdf'], text: 'Bonjour,\nVeuillez trouver ci-joint notre devis : 4 800,00 € HT. La facture sera émise à la livraison.' }],
    ['an order confirmation', { subject: 'Confirmation de votre commande n° 402-1234567', from: { name: 'Shop', email: 'no-reply@shop.example' }, to: [MARIE], text: 'Merci pour votre commande ! Total : 59,90 €. Votre facture sera disponible après expédition.' }],
    ['a newsletter about unpaid invoices', { subject: '5 astuces pour relancer vos factures impayées', from: { name: 'Blog', email: 'news@blog.example' }, to: [MARIE], text: 'Découvrez nos conseils pour être payé. Se désinscrire' }],
    ['a shipping notice', { subject: 'Your package has shipped', from: { name: 'Shop', email: 'no-reply@shop.example' }, to: [MARIE], text: 'Your order #1234 has shipped. Tracking number 1Z999. Invoice available in your account.' }],
    ['a promotion with prices', { subject: 'Black Friday : -50 %', from: { name: 'SaaS', email: 'news@saas.example' }, to: [MARIE], text: 'Profitez de -50 % sur votre abonnement annuel : 49,00 € au lieu de 98,00 €.' }],
    ['a password reset', { subject: 'Réinitialisation de votre mot de passe', from: { name: 'Pennylane', email: 'no-reply@pennylane.com' }, to: [MARIE], text: 'Cliquez ici pour réinitialiser votre mot de passe de votre espace de facturation.' }],
    ['a tax mail', { subject: 'Avis de CFE 2026', from: { name: 'DGFiP', email: 'ne-pas-repondre@dgfip.finances.gouv.fr' }, to: [MARIE], text: 'Votre avis de CFE est disponible sur impots.gouv.fr. Montant : 345 €, date limite de paiement 15/12/2026.' }],
    ['a bank statement', { subject: 'Votre relevé de compte', from: { name: 'Banque', email: 'info@banque.example' }, to: [MARIE], text: 'Votre relevé de compte de novembre est disponible. Solde : 12 345,67 €.' }],
  ];
  it.each(negatives)('rejects %s', (_name, overrides) => {
    const detection = detect(mail(overrides), NOBODY);
    expect(detection).toMatchObject({ is_invoice_related: false, kind: null, invoice_numbers: [], amount: null, currency: null });
  });
});

describe('analyzeThread', () => {
  it('lends the invoice of the thread to a reply that only says it paid, and finds the user without addresses', () => {
    const detections = analyzeThread(
      [
        mail({ subject: 'Facture F-2026-041', date: '2026-10-15T10:00:00Z', text: 'Bonjour, ci-joint la facture F-2026-041 de 1 850,00 € TTC, payable à 30 jours fin de mois.' }),
        mail({ subject: 'Re: Facture', from: JULIEN, to: [MARIE], date: '2026-11-20T10:00:00Z', text: "C'est réglé !" }),
      ],
      NOBODY,
    );
    expect(detections[0]).toMatchObject({ kind: 'invoice_sent', due_date: '2026-11-30', direction: 'sent' });
    expect(detections[1]).toMatchObject({ kind: 'payment_notice', invoice_numbers: ['F-2026-041'], amount: 1850, counterparty: JULIEN.email, direction: 'received' });
    expect(detections[1]?.evidence.invoice_numbers?.[0]).toMatchObject({ source: 'thread', message_index: 0 });
  });

  it('reads a typical thread of 50 messages', () => {
    const messages = Array.from({ length: 50 }, (_, index) =>
      index % 2 === 0 ? mail({ subject: `Facture F-${index}`, text: `Voici la facture F-${index} de ${index + 1}00,00 € TTC.` }) : mail({ subject: `Re: Facture F-${index - 1}`, from: JULIEN, to: [MARIE], text: 'Bien reçu, merci.' }),
    );
    const detections = analyzeThread(messages, ME);
    expect(detections).toHaveLength(50);
    expect(detections.filter((detection) => detection.kind === 'invoice_sent')).toHaveLength(25);
  });
});
