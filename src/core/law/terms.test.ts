import { describe, expect, it } from 'vitest';
import { LawFailure } from './errors';
import { dueDateOf, type DueDateInput } from './terms';

const FR: Pick<DueDateInput, 'jurisdiction' | 'b2b'> = { jurisdiction: 'FR', b2b: true };

function codes(input: DueDateInput): string[] {
  return dueDateOf(input).warnings.map((warning) => warning.code);
}

function failure(input: DueDateInput) {
  try {
    dueDateOf(input);
  } catch (error) {
    return (error as LawFailure).error;
  }
  return null;
}

describe('dueDateOf: payment terms', () => {
  it('net N days from the invoice, the service or the receipt (start day not counted)', () => {
    expect(dueDateOf({ ...FR, invoiceDate: '2025-03-01', terms: { kind: 'net', days: 30, from: 'invoice' } }).dueDate).toBe('2025-03-31');
    expect(dueDateOf({ ...FR, invoiceDate: '2025-03-20', serviceDate: '2025-03-10', terms: { kind: 'net', days: 30, from: 'service' } }).dueDate).toBe('2025-04-09');
    expect(dueDateOf({ ...FR, invoiceDate: '2025-03-20', receiptDate: '2025-03-25', terms: { kind: 'net', days: 30, from: 'receipt' } }).dueDate).toBe('2025-04-24');
  });

  it('45 days end of month: method A (+45 then end of month) and B (end of month then +45)', () => {
    // 15 Jan 2025 + 45 days = 1 Mar 2025 -> end of March = 31 Mar ; end of January 31 Jan + 45 days = 17 Mar.
    const jan15 = { ...FR, invoiceDate: '2025-01-15' };
    expect(dueDateOf({ ...jan15, terms: { kind: 'end_of_month', days: 45, method: 'A' } }).dueDate).toBe('2025-03-31');
    expect(dueDateOf({ ...jan15, terms: { kind: 'end_of_month', days: 45, method: 'B' } }).dueDate).toBe('2025-03-17');
    // Leap year: 15 Jan 2024 + 45 = 29 Feb 2024, already the end of its month ; 31 Jan 2024 + 45 = 16 Mar 2024.
    expect(dueDateOf({ ...FR, invoiceDate: '2024-01-15', terms: { kind: 'end_of_month', days: 45, method: 'A' } }).dueDate).toBe('2024-02-29');
    expect(dueDateOf({ ...FR, invoiceDate: '2024-01-15', terms: { kind: 'end_of_month', days: 45, method: 'B' } }).dueDate).toBe('2024-03-16');
    // Invoice on the last day of a month: method B = invoice + 45 (31 Jan + 45 = 17 Mar); method A = end of that month.
    const jan31 = { ...FR, invoiceDate: '2025-01-31' };
    expect(dueDateOf({ ...jan31, terms: { kind: 'end_of_month', days: 45, method: 'B' } }).dueDate).toBe('2025-03-17');
    expect(dueDateOf({ ...jan31, terms: { kind: 'net', days: 45, from: 'invoice' } }).dueDate).toBe('2025-03-17');
    expect(dueDateOf({ ...jan31, terms: { kind: 'end_of_month', days: 45, method: 'A' } }).dueDate).toBe('2025-03-31');
    // 30 days end of month from 30 Nov 2025: A: 30 Dec -> 31 Dec ; B: 30 Nov + 30 = 30 Dec.
    expect(dueDateOf({ ...FR, invoiceDate: '2025-11-30', terms: { kind: 'end_of_month', days: 30, method: 'A' } }).dueDate).toBe('2025-12-31');
    expect(dueDateOf({ ...FR, invoiceDate: '2025-11-30', terms: { kind: 'end_of_month', days: 30, method: 'B' } }).dueDate).toBe('2025-12-30');
  });

  it('on receipt, and a given date', () => {
    expect(dueDateOf({ ...FR, invoiceDate: '2025-03-01', terms: { kind: 'on_receipt' } }).dueDate).toBe('2025-03-01');
    expect(dueDateOf({ ...FR, invoiceDate: '2025-03-01', receiptDate: '2025-03-04', terms: { kind: 'on_receipt' } }).dueDate).toBe('2025-03-04');
    expect(dueDateOf({ ...FR, terms: { kind: 'due_date', dueDate: '2025-05-31' } }).dueDate).toBe('2025-05-31');
  });

  it('France, nothing agreed: 30 days after the service (L441-10 I), not after the invoice', () => {
    const result = dueDateOf({ ...FR, invoiceDate: '2025-03-20', serviceDate: '2025-03-10' });
    expect(result.dueDate).toBe('2025-04-09');
    expect(result.warnings.map((w) => w.code)).toEqual(['default_terms']);
    // Without a service date the invoice date stands in, with a warning.
    const fallback = dueDateOf({ ...FR, invoiceDate: '2025-03-20' });
    expect(fallback.dueDate).toBe('2025-04-19');
    expect(fallback.warnings.map((w) => w.code)).toEqual(['default_terms_without_service_date', 'default_terms']);
  });

  it('EU / DE / UK, nothing agreed: 30 days after the later of the service and the receipt of the invoice', () => {
    expect(dueDateOf({ jurisdiction: 'UK', b2b: true, invoiceDate: '2025-03-20' }).dueDate).toBe('2025-04-19');
    expect(dueDateOf({ jurisdiction: 'DE', b2b: true, invoiceDate: '2025-03-20', receiptDate: '2025-03-22' }).dueDate).toBe('2025-04-21');
    expect(dueDateOf({ jurisdiction: 'EU', b2b: true, invoiceDate: '2025-03-20', serviceDate: '2025-03-25' }).dueDate).toBe('2025-04-24');
  });

  it('warns (never corrects) beyond the legal caps', () => {
    // FR: 60 days from the invoice, or 45 days end of month.
    expect(codes({ ...FR, invoiceDate: '2025-01-15', terms: { kind: 'net', days: 60, from: 'invoice' } })).toEqual([]);
    expect(codes({ ...FR, invoiceDate: '2025-01-15', terms: { kind: 'net', days: 75, from: 'invoice' } })).toEqual(['terms_exceed_cap']);
    expect(dueDateOf({ ...FR, invoiceDate: '2025-01-15', terms: { kind: 'net', days: 75, from: 'invoice' } }).dueDate).toBe('2025-03-31');
    // Method A gives 75 days here but stays within "45 days end of month".
    expect(codes({ ...FR, invoiceDate: '2025-01-15', terms: { kind: 'end_of_month', days: 45, method: 'A' } })).toEqual([]);
    expect(codes({ ...FR, invoiceDate: '2025-01-15', terms: { kind: 'end_of_month', days: 60, method: 'B' } })).toEqual(['terms_exceed_cap']);
    // 50 days after a service 20 days before the invoice is 30 days from the invoice: fine; 60 days after a
    // service 10 days AFTER the invoice is 70 days from the invoice: beyond.
    expect(codes({ ...FR, invoiceDate: '2025-03-20', serviceDate: '2025-03-30', terms: { kind: 'net', days: 60, from: 'service' } })).toEqual(['terms_exceed_cap']);
    expect(codes({ ...FR, invoiceDate: '2025-01-15', terms: { kind: 'due_date', dueDate: '2025-03-31' } })).toEqual([]);
    expect(codes({ ...FR, invoiceDate: '2025-01-15', terms: { kind: 'due_date', dueDate: '2025-04-01' } })).toEqual(['terms_exceed_cap']);
    // Consumers: the L441-10 caps are B2B rules.
    expect(codes({ jurisdiction: 'FR', b2b: false, invoiceDate: '2025-01-15', terms: { kind: 'net', days: 90, from: 'invoice' } })).toEqual([]);
    // EU / DE / UK: 60 days.
    for (const jurisdiction of ['EU', 'DE', 'UK'] as const) {
      expect(codes({ jurisdiction, b2b: true, invoiceDate: '2025-01-15', terms: { kind: 'net', days: 60, from: 'invoice' } })).toEqual([]);
      expect(codes({ jurisdiction, b2b: true, invoiceDate: '2025-01-15', terms: { kind: 'net', days: 90, from: 'invoice' } })).toEqual(['terms_exceed_cap']);
    }
  });

  it('refuses missing or impossible dates', () => {
    expect(failure({ ...FR, invoiceDate: '2025-03-01', terms: { kind: 'net', days: 30, from: 'service' } })).toMatchObject({ code: 'invalid_input', field: 'service_date' });
    expect(failure({ ...FR, invoiceDate: '2025-03-01', terms: { kind: 'net', days: 30, from: 'receipt' } })).toMatchObject({ code: 'invalid_input', field: 'receipt_date' });
    expect(failure({ ...FR, invoiceDate: '2025-02-30', terms: { kind: 'net', days: 30, from: 'invoice' } })).toMatchObject({ code: 'invalid_input', field: 'invoice_date' });
    expect(failure({ ...FR, terms: { kind: 'net', days: 30, from: 'invoice' } })).toMatchObject({ code: 'invalid_input', field: 'invoice_date' });
    expect(failure({ ...FR, invoiceDate: '2025-03-01', terms: { kind: 'net', days: -1, from: 'invoice' } })).toMatchObject({ code: 'invalid_input', field: 'terms' });
    expect(failure({ ...FR, terms: { kind: 'due_date', dueDate: '2025-13-01' } })).toMatchObject({ code: 'invalid_input' });
  });
});
