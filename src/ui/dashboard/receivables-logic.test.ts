import { describe, expect, it } from 'vitest';
import type { ReceivableRow } from '../../protocol/dashboard-messages';
import { filterOptions, filterReceivables, NO_FILTERS, sortReceivables } from './receivables-logic';

function row(overrides: Partial<ReceivableRow>): ReceivableRow {
  return {
    invoiceId: overrides.invoiceNumber ?? 'x',
    invoiceNumber: 'F-1',
    clientId: 'c1',
    clientName: 'Client 1',
    account: 'me@x.fr',
    currency: 'EUR',
    amount: 100,
    outstanding: 100,
    issueDate: '2026-10-01',
    dueDate: '2026-11-01',
    daysPastDue: 19,
    status: 'overdue',
    currentStep: null,
    hasThread: true,
    ...overrides,
  };
}

const rows = [
  row({ invoiceNumber: 'F-1', dueDate: '2026-11-01', daysPastDue: 19, outstanding: 300 }),
  row({ invoiceNumber: 'F-2', dueDate: '2026-11-25', daysPastDue: -5, status: 'not_due', outstanding: 1200, clientId: 'c2', clientName: 'Acme' }),
  row({ invoiceNumber: 'F-3', dueDate: null, daysPastDue: null, status: 'undated', outstanding: null, currency: 'GBP' }),
  row({ invoiceNumber: 'F-4', dueDate: '2026-10-01', daysPastDue: 50, outstanding: 50 }),
];
const numbers = (list: ReceivableRow[]) => list.map((r) => r.invoiceNumber);

describe('receivables', () => {
  it('sorts by due date, amount and days late, unknowns last', () => {
    expect(numbers(sortReceivables(rows, 'due'))).toEqual(['F-4', 'F-1', 'F-2', 'F-3']);
    expect(numbers(sortReceivables(rows, 'amount'))).toEqual(['F-2', 'F-1', 'F-4', 'F-3']);
    expect(numbers(sortReceivables(rows, 'late'))).toEqual(['F-4', 'F-1', 'F-2', 'F-3']);
  });

  it('filters by status, client and currency', () => {
    expect(numbers(filterReceivables(rows, NO_FILTERS))).toEqual(['F-1', 'F-2', 'F-3', 'F-4']);
    expect(numbers(filterReceivables(rows, { ...NO_FILTERS, status: 'overdue' }))).toEqual(['F-1', 'F-4']);
    expect(numbers(filterReceivables(rows, { ...NO_FILTERS, clientId: 'c2' }))).toEqual(['F-2']);
    expect(numbers(filterReceivables(rows, { ...NO_FILTERS, currency: 'GBP' }))).toEqual(['F-3']);
  });

  it('offers the clients and currencies present', () => {
    expect(filterOptions(rows)).toEqual({ clients: [{ id: 'c2', name: 'Acme' }, { id: 'c1', name: 'Client 1' }], currencies: ['EUR', 'GBP'] });
  });
});
