/** Every open invoice, with filters (status, client, currency) and sorting (due date, amount, days late). */
import { useMemo, useState } from 'preact/hooks';
import { formatDate, formatMoney } from '../../core/format';
import type { Language } from '../../core/model';
import type { ReceivableRow, ReceivableStatus } from '../../protocol/dashboard-messages';
import type { MessageKey, Translate } from '../i18n';
import { filterOptions, filterReceivables, NO_FILTERS, sortReceivables, type ReceivableFilters, type ReceivableSort } from './receivables-logic';
import { lateText } from './TodayList';

const STATUSES: ReceivableStatus[] = ['overdue', 'due_today', 'not_due', 'undated'];
const SORTS: ReceivableSort[] = ['due', 'amount', 'late'];

export function Receivables({ rows, showAccount, t, language, onOpen }: { rows: ReceivableRow[]; showAccount: boolean; t: Translate; language: Language; onOpen: (invoiceId: string) => void }) {
  const [filters, setFilters] = useState<ReceivableFilters>(NO_FILTERS);
  const [sort, setSort] = useState<ReceivableSort>('due');
  const options = useMemo(() => filterOptions(rows), [rows]);
  const shown = useMemo(() => sortReceivables(filterReceivables(rows, filters), sort), [rows, filters, sort]);
  const set = (change: Partial<ReceivableFilters>) => setFilters({ ...filters, ...change });

  return (
    <section class="dash-card" aria-labelledby="dash-receivables-title" data-testid="dash-receivables">
      <h2 id="dash-receivables-title">{t('dashReceivables')}</h2>
      <div class="dash-filters">
        <label>
          {t('dashFilterStatus')}
          <select value={filters.status} onChange={(e) => set({ status: e.currentTarget.value as ReceivableFilters['status'] })} data-testid="filter-status">
            <option value="all">{t('dashAll')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>{t(`rs_${status}` as MessageKey)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('dashFilterClient')}
          <select value={filters.clientId} onChange={(e) => set({ clientId: e.currentTarget.value })} data-testid="filter-client">
            <option value="all">{t('dashAllClients')}</option>
            {options.clients.map((client) => (
              <option key={client.id} value={client.id}>{client.name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('dashFilterCurrency')}
          <select value={filters.currency} onChange={(e) => set({ currency: e.currentTarget.value })} data-testid="filter-currency">
            <option value="all">{t('dashAll')}</option>
            {options.currencies.map((currency) => (
              <option key={currency} value={currency}>{currency}</option>
            ))}
          </select>
        </label>
        <label>
          {t('dashSort')}
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as ReceivableSort)} data-testid="sort">
            {SORTS.map((value) => (
              <option key={value} value={value}>{t(`sort_${value}` as MessageKey)}</option>
            ))}
          </select>
        </label>
      </div>
      <p class="dash-muted" aria-live="polite" data-testid="dash-shown">{t('dashShown', { shown: shown.length, total: rows.length })}</p>
      {rows.length === 0 ? (
        <p class="dash-muted">{t('dashNoReceivables')}</p>
      ) : shown.length === 0 ? (
        <p class="dash-muted">{t('dashNoMatch')}</p>
      ) : (
        <div class="dash-table-wrap" tabIndex={0} role="region" aria-labelledby="dash-receivables-title">
          <table class="dash-table">
            <thead>
              <tr>
                <th scope="col">{t('colInvoice')}</th>
                <th scope="col">{t('colClient')}</th>
                {showAccount ? <th scope="col">{t('colAccount')}</th> : null}
                <th scope="col">{t('colDue')}</th>
                <th scope="col" class="num">{t('colOutstanding')}</th>
                <th scope="col">{t('colLate')}</th>
                <th scope="col">{t('colStep')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.invoiceId} data-testid="dash-row" data-invoice={row.invoiceNumber} data-status={row.status}>
                  <th scope="row">
                    {row.hasThread ? (
                      <button type="button" class="dash-link" onClick={() => onOpen(row.invoiceId)} aria-label={t('dashOpenThreadLabel', { number: row.invoiceNumber })} data-testid="dash-row-open">
                        {row.invoiceNumber}
                      </button>
                    ) : (
                      row.invoiceNumber
                    )}
                  </th>
                  <td>{row.clientName}</td>
                  {showAccount ? <td class="dash-muted">{row.account ?? t('dashNone')}</td> : null}
                  <td>{row.dueDate ? formatDate(row.dueDate, language, 'short') : t('dashNone')}</td>
                  <td class="num">{row.outstanding !== null && row.currency !== null ? formatMoney(row.outstanding, row.currency, language) : t('dashNone')}</td>
                  <td class={row.status === 'overdue' ? 'late' : ''}>{lateText(row.daysPastDue, t)}</td>
                  <td>{row.currentStep ? t(`step_${row.currentStep}` as MessageKey) : t('dashNone')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
