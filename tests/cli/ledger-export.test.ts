import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Detection } from '../../src/core/detect/types';
import { LedgerCollector, numberKey, writeLedger } from '../../src/cli/ledger-export';

function detection(partial: Partial<Detection>): Detection {
  return {
    is_invoice_related: true,
    kind: 'invoice_sent',
    invoice_numbers: [],
    amount: null,
    currency: null,
    issue_date: null,
    due_date: null,
    terms: null,
    counterparty: null,
    promised_date: null,
    plan_request: false,
    direction: 'sent',
    language: 'fr',
    confidence: 0.9,
    evidence: {},
    body_text: '',
    ...partial,
  };
}

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('LedgerCollector', () => {
  it('groups an invoice with its reminder, payment notice and promise; facts from the invoice itself', () => {
    const ledger = new LedgerCollector(['claire@atelier-martin.fr']);
    // Scan order is not date order: the reminder comes first in the file.
    ledger.add('a#1', 'r1', '2026-04-09T08:00:00.000Z', detection({ kind: 'reminder', invoice_numbers: ['F-2026-040'], amount: 1200, currency: 'EUR', counterparty: 'lucas@bernard.fr' }));
    ledger.add('a#0', 'i1', '2026-03-02T09:00:00.000Z', detection({ kind: 'invoice_sent', invoice_numbers: ['F-2026-040'], amount: 2400, currency: 'EUR', issue_date: '2026-03-02', due_date: '2026-04-01', terms: '30 jours', counterparty: 'lucas@bernard.fr' }));
    // The client's accountant answers from another address of the same company.
    ledger.add('a#2', 'p1', '2026-04-13T16:00:00.000Z', detection({ kind: 'payment_notice', direction: 'received', invoice_numbers: ['f-2026-040'], amount: 2400, currency: 'EUR', counterparty: 'compta@bernard.fr' }));
    const file = ledger.build(NOW);
    expect(file).toMatchObject({ format: 'relance-ledger-scan', version: 1, generated_at: '2026-11-22T10:00:00.000Z', me: ['claire@atelier-martin.fr'] });
    expect(file.invoices).toEqual([
      {
        invoice_number: 'F-2026-040',
        amount: 2400,
        currency: 'EUR',
        issue_date: '2026-03-02',
        due_date: '2026-04-01',
        terms: '30 jours',
        counterparty: 'lucas@bernard.fr',
        messages: [
          { file: 'a#0', message_id: 'i1', kind: 'invoice_sent', date: '2026-03-02T09:00:00.000Z', amount: 2400 },
          { file: 'a#1', message_id: 'r1', kind: 'reminder', date: '2026-04-09T08:00:00.000Z', amount: 1200 },
          { file: 'a#2', message_id: 'p1', kind: 'payment_notice', date: '2026-04-13T16:00:00.000Z', amount: 2400 },
        ],
        status_hint: 'paid',
      },
    ]);
  });

  it('keeps the same number at two clients apart, and two clients on a shared mail provider apart', () => {
    const ledger = new LedgerCollector([]);
    ledger.add('1', null, '2026-01-01T00:00:00.000Z', detection({ invoice_numbers: ['001'], counterparty: 'a@acme.fr' }));
    ledger.add('2', null, '2026-01-02T00:00:00.000Z', detection({ invoice_numbers: ['001'], counterparty: 'b@other.fr' }));
    ledger.add('3', null, '2026-01-03T00:00:00.000Z', detection({ invoice_numbers: ['002'], counterparty: 'jean@gmail.com' }));
    ledger.add('4', null, '2026-01-04T00:00:00.000Z', detection({ kind: 'reminder', invoice_numbers: ['002'], counterparty: 'marie@gmail.com' }));
    const invoices = ledger.build(NOW).invoices;
    expect(invoices.map((i) => [i.invoice_number, i.counterparty, i.messages.map((m) => m.file)])).toEqual([
      ['001', 'a@acme.fr', ['1']],
      ['001', 'b@other.fr', ['2']],
      ['002', 'jean@gmail.com', ['3']],
      ['002', 'marie@gmail.com', ['4']],
    ]);
  });

  it('puts a message without counterparty with its number when there is only one client for it', () => {
    const ledger = new LedgerCollector([]);
    ledger.add('1', null, '2026-01-01T00:00:00.000Z', detection({ invoice_numbers: ['F-9'], counterparty: 'a@acme.fr' }));
    ledger.add('2', null, '2026-01-05T00:00:00.000Z', detection({ kind: 'dispute', invoice_numbers: ['F-9'], counterparty: null }));
    const [invoice] = ledger.build(NOW).invoices;
    expect(invoice).toMatchObject({ invoice_number: 'F-9', counterparty: 'a@acme.fr', status_hint: 'disputed' });
    expect(invoice!.messages.map((m) => m.kind)).toEqual(['invoice_sent', 'dispute']);
  });

  it('adds a reminder about two invoices to both', () => {
    const ledger = new LedgerCollector([]);
    ledger.add('1', null, '2026-01-01T00:00:00.000Z', detection({ invoice_numbers: ['F-1'], counterparty: 'a@acme.fr', amount: 100, currency: 'EUR' }));
    ledger.add('2', null, '2026-01-02T00:00:00.000Z', detection({ invoice_numbers: ['F-2'], counterparty: 'a@acme.fr', amount: 200, currency: 'EUR' }));
    ledger.add('3', null, '2026-02-01T00:00:00.000Z', detection({ kind: 'reminder', invoice_numbers: ['F-1', 'F-2'], counterparty: 'a@acme.fr', amount: 300, currency: 'EUR' }));
    const invoices = ledger.build(NOW).invoices;
    expect(invoices.map((i) => [i.invoice_number, i.amount, i.messages.map((m) => m.file)])).toEqual([
      ['F-1', 100, ['1', '3']],
      ['F-2', 200, ['2', '3']],
    ]);
  });

  it('takes the status from the latest of dispute and promise; payment wins', () => {
    const hint = (...kinds: Array<Detection['kind']>) => {
      const ledger = new LedgerCollector([]);
      kinds.forEach((kind, i) => ledger.add(String(i), null, `2026-01-0${i + 1}T00:00:00.000Z`, detection({ kind, invoice_numbers: ['X-1'], counterparty: 'a@acme.fr' })));
      return ledger.build(NOW).invoices[0]!.status_hint;
    };
    expect(hint('invoice_sent')).toBe('open');
    expect(hint('invoice_sent', 'reminder')).toBe('open');
    expect(hint('invoice_sent', 'dispute')).toBe('disputed');
    expect(hint('invoice_sent', 'dispute', 'promise')).toBe('promised');
    expect(hint('invoice_sent', 'promise', 'dispute')).toBe('disputed');
    expect(hint('invoice_sent', 'dispute', 'payment_notice', 'promise')).toBe('paid');
  });

  it('leaves out vendor bills, other invoice-related mail, unrelated mail; counts messages without a number', () => {
    const ledger = new LedgerCollector([]);
    ledger.add('1', null, null, detection({ kind: 'vendor_bill', direction: 'received', invoice_numbers: ['V-1'], counterparty: 'shop@vendor.com' }));
    ledger.add('2', null, null, detection({ kind: 'other_invoice_related', invoice_numbers: ['O-1'] }));
    ledger.add('3', null, null, detection({ is_invoice_related: false, kind: null, invoice_numbers: ['N-1'] }));
    ledger.add('4', null, null, detection({ kind: 'payment_notice', invoice_numbers: [] }));
    expect(ledger.build(NOW).invoices).toEqual([]);
    expect(ledger.unnumbered).toBe(1);
  });

  it('does not take a payment notice amount (maybe partial) as the invoice amount', () => {
    const ledger = new LedgerCollector([]);
    ledger.add('1', null, '2026-01-01T00:00:00.000Z', detection({ kind: 'payment_notice', invoice_numbers: ['F-1'], amount: 50, currency: 'EUR', counterparty: 'a@acme.fr' }));
    expect(ledger.build(NOW).invoices[0]).toMatchObject({ amount: null, currency: null, status_hint: 'paid' });
  });

  it('normalises invoice numbers for grouping only', () => {
    expect(numberKey(' f-2026 032 ')).toBe('F-2026032');
  });
});

describe('writeLedger', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'relance-ledger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes pretty JSON and leaves no temporary file', async () => {
    const file = path.join(dir, 'out.json');
    await writeLedger(file, new LedgerCollector(['me@x.fr']).build(NOW));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 'relance-ledger-scan', version: 1, generated_at: NOW.toISOString(), me: ['me@x.fr'], invoices: [] });
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});
