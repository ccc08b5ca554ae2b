/** The receivables table's filters and sorting (pure, tested beside). */
import type { ReceivableRow, ReceivableStatus } from '../../protocol/dashboard-messages';

export type ReceivableSort = 'due' | 'amount' | 'late';

export interface ReceivableFilters {
  status: ReceivableStatus | 'all';
  clientId: string | 'all';
  currency: string | 'all';
}

export const NO_FILTERS: ReceivableFilters = { status: 'all', clientId: 'all', currency: 'all' };

export function filterReceivables(rows: readonly ReceivableRow[], filters: ReceivableFilters): ReceivableRow[] {
  return rows.filter(
    (row) =>
      (filters.status === 'all' || row.status === filters.status) &&
      (filters.clientId === 'all' || row.clientId === filters.clientId) &&
      (filters.currency === 'all' || row.currency === filters.currency),
  );
}

const byNumber = (a: ReceivableRow, b: ReceivableRow): number => a.invoiceNumber.localeCompare(b.invoiceNumber);

/**
 * `due`: earliest due date first (no due date last); `amount`: largest outstanding first (unknown
 * last; currencies are not converted, so the largest figure comes first whatever its currency);
 * `late`: most days past due first (no due date last). Ties by invoice number.
 */
export function sortReceivables(rows: readonly ReceivableRow[], sort: ReceivableSort): ReceivableRow[] {
  const copy = [...rows];
  switch (sort) {
    case 'due':
      return copy.sort((a, b) => (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') || byNumber(a, b));
    case 'amount':
      return copy.sort((a, b) => (b.outstanding ?? -Infinity) - (a.outstanding ?? -Infinity) || byNumber(a, b));
    case 'late':
      return copy.sort((a, b) => (b.daysPastDue ?? -Infinity) - (a.daysPastDue ?? -Infinity) || byNumber(a, b));
  }
}

/** The clients and currencies the rows have, for the filters' options (sorted). */
export function filterOptions(rows: readonly ReceivableRow[]): { clients: Array<{ id: string; name: string }>; currencies: string[] } {
  const clients = new Map<string, string>();
  const currencies = new Set<string>();
  for (const row of rows) {
    clients.set(row.clientId, row.clientName);
    if (row.currency !== null) currencies.add(row.currency);
  }
  return {
    clients: [...clients].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    currencies: [...currencies].sort(),
  };
}
