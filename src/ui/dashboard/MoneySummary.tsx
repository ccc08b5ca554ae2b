/** Outstanding per currency (never added across currencies) and the DSO per currency. */
import type { DsoReport, OutstandingTotals } from '../../core/ledger';
import { formatMoney } from '../../core/format';
import type { Language } from '../../core/model';
import type { Translate } from '../i18n';

export function MoneySummary({ outstanding, dso, t, language }: { outstanding: OutstandingTotals; dso: DsoReport; t: Translate; language: Language }) {
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  return (
    <div class="dash-pair">
      <section class="dash-card" aria-labelledby="dash-outstanding-title" data-testid="dash-outstanding">
        <h2 id="dash-outstanding-title">{t('dashOutstanding')}</h2>
        {outstanding.byCurrency.length === 0 ? <p class="dash-muted">{t('dashNoReceivables')}</p> : null}
        <ul class="dash-figures">
          {outstanding.byCurrency.map((total) => (
            <li key={total.currency} data-currency={total.currency}>
              <span class="dash-figure">{formatMoney(total.amount, total.currency, language)}</span>
              <span class="dash-muted">{t('dashInvoiceCount', { n: total.count })}</span>
            </li>
          ))}
        </ul>
        {outstanding.unknownCount > 0 ? <p class="dash-muted">{t('dashUnknownAmounts', { n: outstanding.unknownCount })}</p> : null}
      </section>
      <section class="dash-card" aria-labelledby="dash-dso-title" data-testid="dash-dso">
        <h2 id="dash-dso-title">{t('dashDso')}</h2>
        <ul class="dash-figures">
          {dso.rows.map((row) => (
            <li key={row.currency} data-currency={row.currency}>
              <span class="dash-figure">{row.dso === null ? t('dashNone') : t('dashDsoValue', { n: number.format(row.dso) })}</span>
              <span class="dash-muted">{row.currency}{row.dso === null ? ` · ${t('dashDsoNoSales')}` : ''}</span>
            </li>
          ))}
        </ul>
        <p class="dash-muted">{t('dashDsoWindow', { n: dso.days })}</p>
      </section>
    </div>
  );
}
