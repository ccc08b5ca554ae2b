import { describe, expect, it } from 'vitest';
import type { Pair, Scored } from './metrics';
import {
  detectionScores,
  evaluate,
  formatReport,
  invoiceNumberCounts,
  invoiceNumberScores,
  kindScores,
  mismatches,
  normalizeInvoiceNumber,
  prf,
  valueFieldScores,
  valueOutcome,
} from './metrics';

const none: Scored = {
  is_invoice_related: false,
  kind: null,
  invoice_numbers: [],
  amount: null,
  currency: null,
  issue_date: null,
  due_date: null,
  counterparty: null,
  promised_date: null,
};
const s = (over: Partial<Scored>): Scored => ({ ...none, ...over });
const pair = (gold: Partial<Scored>, pred: Partial<Scored>, file = 'm.eml'): Pair => ({ file, gold: s(gold), pred: s(pred) });

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    const r = prf(8, 2, 2);
    expect(r.precision).toBeCloseTo(0.8);
    expect(r.recall).toBeCloseTo(0.8);
    expect(r.f1).toBeCloseTo(0.8);
  });
  it('scores an empty field as perfect and a never-predicted field as F1 0', () => {
    expect(prf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(prf(0, 0, 5)).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(prf(0, 3, 0)).toMatchObject({ precision: 0, recall: 1, f1: 0 });
  });
});

describe('detection', () => {
  it('treats is_invoice_related as a binary classification', () => {
    const pairs = [
      pair({ is_invoice_related: true }, { is_invoice_related: true }),
      pair({ is_invoice_related: true }, { is_invoice_related: false }),
      pair({ is_invoice_related: false }, { is_invoice_related: true }),
      pair({ is_invoice_related: false }, { is_invoice_related: false }),
      pair({ is_invoice_related: true }, { is_invoice_related: true }),
    ];
    const r = detectionScores(pairs);
    expect([r.tp, r.fp, r.fn]).toEqual([2, 1, 1]);
    expect(r.f1).toBeCloseTo(2 / 3);
  });
});

describe('kind', () => {
  it('counts null as a class for accuracy and per-kind scores', () => {
    const pairs = [
      pair({ kind: null }, { kind: null }),
      pair({ kind: 'reminder' }, { kind: 'reminder' }),
      pair({ kind: 'reminder' }, { kind: 'invoice_sent' }),
      pair({ kind: null }, { kind: 'invoice_sent' }),
    ];
    const r = kindScores(pairs);
    expect(r.accuracy).toBe(0.5);
    expect(r.perKind.reminder).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.perKind.invoice_sent).toMatchObject({ tp: 0, fp: 2, fn: 0 });
    expect(r.perKind.null).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.confusion.reminder).toEqual({ reminder: 1, invoice_sent: 1 });
  });
  it('is perfect on an empty set', () => {
    expect(kindScores([]).accuracy).toBe(1);
  });
});

describe('invoice numbers', () => {
  it('normalises case and whitespace only', () => {
    expect(normalizeInvoiceNumber(' FA 2026-01 ')).toBe('fa2026-01');
    expect(normalizeInvoiceNumber('FA-1')).not.toBe(normalizeInvoiceNumber('FA1'));
  });
  it('scores sets per message and sums over messages', () => {
    expect(invoiceNumberCounts(['F-1', 'F-2'], ['f-1', 'PO-9'])).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(invoiceNumberCounts(['F-1'], ['F-1', 'f-1'])).toEqual({ tp: 1, fp: 0, fn: 0 });
    const r = invoiceNumberScores([pair({ invoice_numbers: ['A', 'B'] }, { invoice_numbers: ['A'] }), pair({}, { invoice_numbers: ['X'] }), pair({ invoice_numbers: ['C'] }, { invoice_numbers: ['c'] })]);
    expect([r.tp, r.fp, r.fn]).toEqual([2, 1, 1]);
  });
});

describe('value fields', () => {
  it('classifies each outcome', () => {
    expect(valueOutcome('amount', s({ amount: 10 }), s({ amount: 10.004 }))).toBe('tp');
    expect(valueOutcome('amount', s({ amount: 10 }), s({ amount: 10.01 }))).toBe('wrong');
    expect(valueOutcome('amount', s({ amount: 10 }), s({}))).toBe('fn');
    expect(valueOutcome('amount', s({}), s({ amount: 3 }))).toBe('fp');
    expect(valueOutcome('amount', s({}), s({}))).toBe('tn');
    expect(valueOutcome('currency', s({ currency: 'EUR' }), s({ currency: 'eur' }))).toBe('tp');
    expect(valueOutcome('counterparty', s({ counterparty: 'a@b.fr' }), s({ counterparty: 'A@B.fr' }))).toBe('tp');
    expect(valueOutcome('due_date', s({ due_date: '2026-04-03' }), s({ due_date: '2026-03-04' }))).toBe('wrong');
  });
  it('counts a wrong value as one FP and one FN', () => {
    const r = valueFieldScores(
      [pair({ due_date: '2026-01-01' }, { due_date: '2026-01-01' }), pair({ due_date: '2026-01-01' }, { due_date: '2026-02-01' }), pair({}, { due_date: '2026-02-01' }), pair({ due_date: '2026-03-01' }, {})],
      'due_date',
    );
    expect([r.tp, r.fp, r.fn]).toEqual([1, 2, 2]);
    expect(r.f1).toBeCloseTo(1 / 3);
  });
  it('treats a missing promised_date as null', () => {
    const gold = { ...none };
    delete gold.promised_date;
    expect(valueOutcome('promised_date', gold, s({}))).toBe('tn');
    expect(valueOutcome('promised_date', gold, s({ promised_date: '2026-03-01' }))).toBe('fp');
  });
});

describe('report', () => {
  const pairs = [
    pair({ is_invoice_related: true, kind: 'invoice_sent', invoice_numbers: ['F-1'], amount: 120, currency: 'EUR' }, { is_invoice_related: true, kind: 'invoice_sent', invoice_numbers: ['F-1'], amount: 100, currency: 'EUR' }, 'a.eml'),
    pair({}, {}, 'b.eml'),
  ];
  it('evaluates every field and lists mismatches', () => {
    const r = evaluate(pairs);
    expect(r.messages).toBe(2);
    expect(r.detection.f1).toBe(1);
    expect(r.fields.amount).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(r.fields.currency.f1).toBe(1);
    expect(mismatches(pairs)).toEqual([{ file: 'a.eml', fields: [{ field: 'amount', expected: 120, got: 100 }] }]);
  });
  it('formats a readable table', () => {
    const text = formatReport('dev', evaluate(pairs));
    expect(text).toContain('=== dev: 2 messages ===');
    expect(text).toMatch(/detection\s+100\.0\s+100\.0\s+100\.0/);
    expect(text).toContain('kind accuracy');
  });
});
