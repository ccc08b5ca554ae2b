import { describe, expect, it } from 'vitest';
import { invoiceFromThread } from './invoice-from-thread';
import type { MailMessage, ThreadSnapshot } from './model';

const camille = { name: null, email: 'camille@atelier-durand.fr' };
const julien = { name: 'Julien Morel', email: 'compta@boulangerie-morel.fr' };

const message = (over: Partial<MailMessage>): MailMessage => ({
  id: '#msg-a:r1',
  from: camille,
  to: [julien],
  cc: [],
  date: '2026-10-24T10:15',
  bodyText: '',
  attachments: [],
  collapsed: false,
  ...over,
});

const thread = (messages: MailMessage[]): ThreadSnapshot => ({
  host: 'gmail',
  account: camille.email,
  threadId: '19a2c4e6f8b01d31',
  subject: 'Facture F-2026-041 – Refonte du site vitrine',
  uiLanguage: 'fr',
  messages,
});

const INVOICE = [
  'Bonjour Julien,',
  '',
  'Veuillez trouver ci-joint la facture n° F-2026-041 d’un montant de 2 400,00 € TTC.',
  'À régler au plus tard le 23 novembre 2026 par virement (IBAN FR76 3000 4000 0312 3456 7890 143).',
  '',
  'Camille',
].join('\n');

describe('invoiceFromThread', () => {
  it('reads the invoice the user sent, with the words each value came from', () => {
    const result = invoiceFromThread(thread([message({ bodyText: INVOICE, attachments: ['F-2026-041.pdf'] })]));
    expect(result.kind).toBe('invoice');
    if (result.kind !== 'invoice') return;
    expect(result.facts).toMatchObject({
      invoiceNumber: 'F-2026-041',
      amount: 2400,
      currency: 'EUR',
      dueDate: '2026-11-23',
      client: { email: 'compta@boulangerie-morel.fr', name: 'Julien Morel' },
      language: 'fr',
      messageId: '#msg-a:r1',
    });
    const amount = result.evidence.amount!;
    expect(amount.context.slice(amount.start, amount.end)).toContain('2 400,00');
    const due = result.evidence.dueDate!;
    expect(due.context.slice(due.start, due.end)).toContain('23 novembre 2026');
  });

  it('keeps the invoice when the client replied afterwards', () => {
    const reply = message({ id: '#msg-f:2', from: julien, to: [camille], date: '2026-10-25T09:00', bodyText: 'Bien reçu, merci, je transmets à la compta.' });
    const result = invoiceFromThread(thread([message({ bodyText: INVOICE }), reply]));
    expect(result.kind === 'invoice' && result.facts.invoiceNumber).toBe('F-2026-041');
  });

  it('says why there is no invoice: nothing readable, or nothing the user invoiced', () => {
    expect(invoiceFromThread(thread([message({ collapsed: true })]))).toEqual({ kind: 'none', reason: 'no_readable_message' });
    const chat = message({ bodyText: 'Bonjour Julien, on se voit jeudi à 10 h pour le point projet ? Camille' });
    expect(invoiceFromThread(thread([chat]))).toEqual({ kind: 'none', reason: 'no_invoice_found' });
    // An invoice the user received is not a receivable to chase.
    const vendor = message({ from: { name: 'OVHcloud', email: 'noreply@ovh.com' }, to: [camille], bodyText: 'Votre facture FR12345678 d’un montant de 14,39 € TTC est disponible dans votre espace client.' });
    expect(invoiceFromThread(thread([vendor])).kind).toBe('none');
  });
});

describe('changedFields', () => {
  it('names exactly the fields the user changed', async () => {
    const { changedFields } = await import('./invoice-from-thread');
    const read = invoiceFromThread(thread([message({ bodyText: INVOICE })]));
    if (read.kind !== 'invoice') throw new Error('expected an invoice');
    expect([...changedFields(read.facts, read.facts)]).toEqual([]);
    const now = { ...read.facts, amount: 2500, dueDate: '2026-11-30', client: { ...read.facts.client, name: 'J. Morel' } };
    expect([...changedFields(read.facts, now)].sort()).toEqual(['amount', 'client', 'dueDate']);
  });
});
