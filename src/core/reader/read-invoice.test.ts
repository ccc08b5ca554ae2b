import { describe, expect, it } from 'vitest';
import type { InvoiceFacts, ReadOutcome } from '../model';
import { readInvoice } from './index';
import { JULIEN, MARIE, PRIYA, SAM, message, thread } from './test-threads';

const OWN = { ownAddresses: [MARIE.email] };
const OWN_EN = { ownAddresses: [SAM.email] };

function facts(outcome: ReadOutcome): InvoiceFacts {
  if (outcome.kind !== 'invoice') throw new Error(`expected an invoice, got ${JSON.stringify(outcome)}`);
  return outcome.facts;
}

describe('readInvoice: French invoices', () => {
  it('reads a full French invoice mail with HT / TVA / TTC lines and an explicit due date', () => {
    const snapshot = thread('Facture F-2026-041 – refonte du site', [
      message({
        id: '#msg-f:100',
        from: MARIE,
        to: [JULIEN],
        date: '2026-10-24T09:12',
        attachments: ['Facture_F-2026-041.pdf'],
        bodyText:
          'Bonjour Julien,\n\nVeuillez trouver ci-jointe la facture n° F-2026-041 relative à la refonte du site (devis n° D-12 accepté le 2 octobre).\n\n' +
          'Montant HT : 2\u202f000,00\u00a0€\nTVA (20 %) : 400,00\u00a0€\nMontant TTC : 2\u202f400,00\u00a0€\n\n' +
          'Échéance : 23/11/2026. Règlement par virement, RIB en pied de facture.\n\nBien cordialement,\nMarie Dupont',
      }),
      message({ id: '#msg-f:101', from: JULIEN, to: [MARIE], date: '2026-10-24T11:40', bodyText: 'Merci Marie, je transmets à la comptabilité.' }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({
      kind: 'invoice',
      facts: {
        invoiceNumber: 'F-2026-041',
        amount: 2400,
        currency: 'EUR',
        issueDate: '2026-10-24',
        dueDate: '2026-11-23',
        terms: null,
        client: JULIEN,
        language: 'fr',
        messageId: '#msg-f:100',
        subject: 'Facture F-2026-041 – refonte du site',
      },
    });
  });

  it('takes the number from the attachment when the text says "la facture de septembre"', () => {
    const snapshot = thread('Maintenance septembre', [
      message({
        from: MARIE,
        to: [JULIEN],
        date: '2026-10-01T08:00',
        attachments: ['Facture_F-2026-044.pdf'],
        bodyText: 'Bonjour Julien,\n\nComme convenu, voici la facture de septembre pour la maintenance (1 850,00 € TTC), à régler au plus tard le 23 novembre 2026.\n\nBonne journée,\nMarie',
      }),
    ]);
    const read = facts(readInvoice(snapshot, OWN));
    expect(read).toMatchObject({ invoiceNumber: 'F-2026-044', amount: 1850, currency: 'EUR', dueDate: '2026-11-23', language: 'fr' });
  });

  it('takes the number from the subject when the body speaks of the invoice without one', () => {
    const snapshot = thread('Facture F-2026-044', [
      message({ from: MARIE, to: [JULIEN], date: '2026-10-01T08:00', bodyText: 'Bonjour Julien,\nVous trouverez la facture en pièce jointe : 960 €, avant le 23 novembre.\nMarie' }),
    ]);
    expect(facts(readInvoice(snapshot, OWN))).toMatchObject({ invoiceNumber: 'F-2026-044', amount: 960, dueDate: '2026-11-23' });
  });

  it('reads "N° de facture", an explicit invoice date and "paiement à 30 jours"', () => {
    const snapshot = thread('Prestation octobre', [
      message({
        from: MARIE,
        to: [JULIEN],
        date: '2026-10-16T18:30',
        bodyText: 'Bonjour,\n\nN° de facture : 2026-07\nDate de facture : 15/10/2026\nTotal TTC : 720,00 €\nConditions : paiement à 30 jours.\n\nCordialement,\nMarie',
      }),
    ]);
    expect(facts(readInvoice(snapshot, OWN))).toMatchObject({
      invoiceNumber: '2026-07',
      amount: 720,
      issueDate: '2026-10-15',
      dueDate: '2026-11-14',
      terms: 'paiement à 30 jours',
    });
  });

  it('counts "30 jours fin de mois" by method B by default, or A when asked', () => {
    const snapshot = thread('Facture F-2026-060', [
      message({
        from: MARIE,
        to: [JULIEN],
        date: '2026-11-10T10:00',
        bodyText: 'Bonjour Julien,\nCi-joint la facture n° F-2026-060 d’un montant de 3 000,00 € TTC, payable à 30 jours fin de mois.\nMarie',
      }),
    ]);
    expect(facts(readInvoice(snapshot, OWN))).toMatchObject({ dueDate: '2026-12-30', terms: '30 jours fin de mois', issueDate: '2026-11-10' });
    expect(facts(readInvoice(snapshot, { ...OWN, endOfMonthMethod: 'B' })).dueDate).toBe('2026-12-30');
    expect(facts(readInvoice(snapshot, { ...OWN, endOfMonthMethod: 'A' })).dueDate).toBe('2026-12-31');
  });

  it('makes an invoice payable on receipt due on its invoice date', () => {
    const snapshot = thread('Facture F-2026-061', [
      message({ from: MARIE, to: [JULIEN], date: '2026-11-10T10:00', bodyText: 'Bonjour,\nFacture n° F-2026-061 : 480 €, paiement à réception.\nMarie' }),
    ]);
    expect(facts(readInvoice(snapshot, OWN))).toMatchObject({ dueDate: '2026-11-10', terms: 'paiement à réception' });
  });

  it('puts a year-less due date in the next year when needed', () => {
    const snapshot = thread('Facture F-2026-070', [
      message({ from: MARIE, to: [JULIEN], date: '2026-12-10T10:00', bodyText: 'Bonjour,\nVoici la facture n° F-2026-070 (1 200 €), à régler avant le 15 janvier.\nMarie' }),
    ]);
    expect(facts(readInvoice(snapshot, OWN)).dueDate).toBe('2027-01-15');
  });

  it('gives null amount and due date when the mail does not say them', () => {
    const snapshot = thread('Facture', [
      message({ from: MARIE, to: [JULIEN], date: null, bodyText: 'Bonjour,\nVoici la facture n° F-2026-071.\nMarie' }),
    ]);
    expect(facts(readInvoice(snapshot, OWN))).toMatchObject({ amount: null, currency: null, issueDate: null, dueDate: null, terms: null });
  });
});

describe('readInvoice: English invoices', () => {
  it('reads a UK invoice mail with subtotal / VAT / total and "Payment due"', () => {
    const snapshot = thread(
      'Invoice INV-1042 – October retainer',
      [
        message({
          id: '#msg-f:200',
          from: SAM,
          to: [PRIYA],
          date: '2026-11-04T16:05',
          bodyText:
            'Hi Priya,\n\nPlease find attached Invoice INV-1042 for the October retainer.\n\nSubtotal: £2,666.67\nVAT (20%): £533.33\nTotal due: £3,200.00\n\n' +
            'Payment due: 4 December 2026. Bank details are on the invoice.\n\nKind regards,\nSam',
        }),
      ],
      SAM.email,
    );
    expect(facts(readInvoice(snapshot, { ownAddresses: [] }))).toEqual({
      invoiceNumber: 'INV-1042',
      amount: 3200,
      currency: 'GBP',
      issueDate: '2026-11-04',
      dueDate: '2026-12-04',
      terms: null,
      client: PRIYA,
      language: 'en',
      messageId: '#msg-f:200',
      subject: 'Invoice INV-1042 – October retainer',
    });
  });

  it.each([
    ['Here is invoice #1042 (€1,250.00). Payable within 30 days.', { invoiceNumber: '1042', amount: 1250, currency: 'EUR', dueDate: '2026-12-04', terms: 'Payable within 30 days' }],
    ['Invoice INV-1043 attached: 1,250.00 EUR, due by 04/12/2026.', { invoiceNumber: 'INV-1043', currency: 'EUR', dueDate: '2026-12-04' }],
    ['Invoice number: INV-1044\nAmount: $980\nDue date: 2026-12-04', { invoiceNumber: 'INV-1044', amount: 980, currency: 'USD', dueDate: '2026-12-04' }],
    ['Invoice INV-1045 for £400.00, terms net 30.', { dueDate: '2026-12-04', terms: 'net 30' }],
    ['Invoice date: 1 November 2026\nInvoice INV-1046, total £400.00, net 30.', { issueDate: '2026-11-01', dueDate: '2026-12-01' }],
    ['Invoice INV-1047 (£400.00) — please pay by December 4th.', { dueDate: '2026-12-04' }],
  ])('reads %j', (body, expected) => {
    const snapshot = thread('Invoice', [message({ from: SAM, to: [PRIYA], date: '2026-11-04T16:05', bodyText: `Hi Priya,\n\n${body}\n\nThanks,\nSam` })], SAM.email);
    expect(facts(readInvoice(snapshot, OWN_EN))).toMatchObject({ language: 'en', ...expected });
  });
});

describe('readInvoice: what is not the user’s invoice', () => {
  it('finds nothing in a conversation without an invoice', () => {
    const snapshot = thread('Point projet', [
      message({ from: MARIE, to: [JULIEN], bodyText: 'Bonjour Julien,\nOn se cale un point jeudi 10h ? Je vous enverrai la facture à la livraison.\nMarie' }),
      message({ from: JULIEN, to: [MARIE], bodyText: 'Parfait, à jeudi.' }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });

  it('does not take a client writing "votre facture" for the user’s invoice', () => {
    const snapshot = thread('Re: Facture F-2026-041', [
      message({ from: JULIEN, to: [MARIE], bodyText: 'Bonjour Marie,\nNous avons bien reçu votre facture n° F-2026-041 de 2 400,00 €, elle sera réglée fin novembre.\nJulien' }),
      message({ from: MARIE, to: [JULIEN], bodyText: 'Merci Julien, très bonne journée !' }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });

  it('does not take a supplier invoice the user acknowledges for the user’s own', () => {
    const snapshot = thread('Facture FR-889 – hébergement', [
      message({ from: { name: 'OVH', email: 'facturation@hebergeur.example' }, to: [MARIE], bodyText: 'Votre facture n° FR-889 de 59,88 € est disponible.' }),
      message({ from: MARIE, to: [{ name: 'OVH', email: 'facturation@hebergeur.example' }], bodyText: 'Bien reçu votre facture, merci.' }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });

  it('does not take a quote for an invoice', () => {
    const snapshot = thread('Devis D-12 – refonte du site', [
      message({
        from: MARIE,
        to: [JULIEN],
        attachments: ['Devis_D-12.pdf'],
        bodyText: 'Bonjour Julien,\nVeuillez trouver ci-joint le devis n° D-12 pour la refonte du site, d’un montant de 2 400,00 € TTC. La facture sera émise à la livraison.\nMarie',
      }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });

  it('does not read an invoice that is only in quoted history', () => {
    const snapshot = thread('Re: Facture F-2026-030', [
      message({
        from: MARIE,
        to: [JULIEN],
        bodyText: 'Bonjour Julien,\nJe vous renvoie le planning mis à jour.\n\nLe 3 oct. 2026 à 10:02, Marie Dupont <marie@studio-dupont.fr> a écrit :\n> Facture n° F-2026-030\n> Montant : 900,00 €',
      }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });

  it('reads a new invoice without the older one quoted under it', () => {
    const snapshot = thread('Facture F-2026-044', [
      message({
        from: MARIE,
        to: [JULIEN],
        date: '2026-11-02T09:00',
        bodyText:
          'Bonjour Julien,\nVoici la facture n° F-2026-044 pour novembre : 1 850,00 € TTC, paiement à 30 jours.\nMarie\n\n' +
          '> Facture n° F-2026-030 – Montant TTC : 900,00 € – Échéance : 02/11/2026',
      }),
    ]);
    expect(facts(readInvoice(snapshot, OWN))).toMatchObject({ invoiceNumber: 'F-2026-044', amount: 1850, dueDate: '2026-12-02' });
  });

  it('takes the earliest invoice the user sent, not a later reminder', () => {
    const snapshot = thread('Facture F-2026-041', [
      message({ id: 'client-question', from: JULIEN, to: [MARIE], date: '2026-10-20T08:00', bodyText: 'Bonjour, pouvez-vous m’envoyer la facture F-2026-041 ?' }),
      message({ id: 'invoice', from: MARIE, to: [JULIEN], date: '2026-10-20T10:00', bodyText: 'Voici la facture n° F-2026-041 : 2 400,00 € TTC, échéance le 19/11/2026.' }),
      message({ id: 'reminder', from: MARIE, to: [JULIEN], date: '2026-11-26T10:00', bodyText: 'Petit rappel pour la facture n° F-2026-041 (2 400,00 €).' }),
    ]);
    expect(facts(readInvoice(snapshot, OWN))).toMatchObject({ messageId: 'invoice', dueDate: '2026-11-19' });
  });
});

describe('readInvoice: who is who', () => {
  it('compares addresses case-insensitively and counts the account as own', () => {
    const snapshot = thread(
      'Facture F-1',
      [message({ from: { name: 'Marie', email: 'marie@studio-dupont.fr' }, to: [JULIEN], bodyText: 'Facture n° F-1 : 100 €.' })],
      null,
    );
    expect(readInvoice(snapshot, { ownAddresses: ['  Marie@Studio-Dupont.FR '] }).kind).toBe('invoice');
    expect(readInvoice(snapshot, { ownAddresses: [] })).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });

  it('takes as client the first recipient who is not the user', () => {
    const alias = { name: 'Marie (compta)', email: 'compta@studio-dupont.fr' };
    const snapshot = thread('Facture F-1', [message({ from: MARIE, to: [alias, JULIEN, PRIYA], bodyText: 'Facture n° F-1 : 100 €.' })]);
    expect(facts(readInvoice(snapshot, { ownAddresses: [MARIE.email, alias.email] })).client).toEqual(JULIEN);
  });

  it('takes the client from cc when the invoice went to the user alone', () => {
    const snapshot = thread('Facture F-1', [message({ from: MARIE, to: [MARIE], cc: [JULIEN], bodyText: 'Facture n° F-1 : 100 €.' })]);
    expect(facts(readInvoice(snapshot, OWN)).client).toEqual(JULIEN);
  });

  it('finds no invoice to chase when nobody but the user received it', () => {
    const snapshot = thread('Facture F-1', [message({ from: MARIE, to: [MARIE], bodyText: 'Facture n° F-1 : 100 €.' })]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });
});

describe('readInvoice: unreadable threads', () => {
  it('says so when no message has a body', () => {
    const snapshot = thread('Facture F-2026-041', [
      message({ from: MARIE, to: [JULIEN], bodyText: '', collapsed: true, attachments: ['Facture_F-2026-041.pdf'] }),
      message({ from: JULIEN, to: [MARIE], bodyText: '', collapsed: true }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_readable_message' });
    expect(readInvoice(thread('Vide', []), OWN)).toEqual({ kind: 'none', reason: 'no_readable_message' });
  });

  it('skips a collapsed invoice when another message is readable', () => {
    const snapshot = thread('Facture F-2026-041', [
      message({ from: MARIE, to: [JULIEN], bodyText: '', collapsed: true, attachments: ['Facture_F-2026-041.pdf'] }),
      message({ from: JULIEN, to: [MARIE], bodyText: 'Bien reçu, merci.' }),
    ]);
    expect(readInvoice(snapshot, OWN)).toEqual({ kind: 'none', reason: 'no_invoice_found' });
  });
});
