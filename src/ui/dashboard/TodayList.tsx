/** Today's actions, first on the page: what to do, for which invoice and client, and a button to its thread. */
import { formatMoney } from '../../core/format';
import type { Language } from '../../core/model';
import type { TodayItem } from '../../protocol/dashboard-messages';
import type { MessageKey, Translate } from '../i18n';

export function lateText(daysPastDue: number | null, t: Translate): string {
  if (daysPastDue === null) return t('dashNone');
  if (daysPastDue > 0) return t('dashDaysLate', { n: daysPastDue });
  return daysPastDue === 0 ? t('dashDueToday') : t('dashDaysToGo', { n: -daysPastDue });
}

export function TodayList({ items, t, language, onOpen }: { items: TodayItem[]; t: Translate; language: Language; onOpen: (invoiceId: string) => void }) {
  return (
    <section class="dash-card dash-today" aria-labelledby="dash-today-title" data-testid="dash-today">
      <h2 id="dash-today-title">{t('dashToday')}</h2>
      {items.length === 0 ? (
        <p class="dash-muted" data-testid="dash-today-empty">{t('dashTodayEmpty')}</p>
      ) : (
        <ol class="dash-today-list">
          {items.map((item, index) => (
            <li key={`${item.invoiceId}-${item.type}-${index}`} class={item.urgent ? 'urgent' : ''} data-testid="dash-today-item" data-category={item.category} data-invoice={item.invoiceNumber}>
              <div class="dash-today-what">
                <strong>{t(`cat_${item.category}` as MessageKey)}</strong>
                {item.step ? <span class="dash-muted"> · {t(`step_${item.step}` as MessageKey)}</span> : null}
                {item.urgent ? <span class="dash-tag urgent">{t('dashUrgent')}</span> : null}
              </div>
              <div class="dash-today-who">
                {t('dashItemInvoice', { number: item.invoiceNumber, client: item.clientName })}
                {item.amount !== null && item.currency !== null ? <span> · {formatMoney(item.amount, item.currency, language)}</span> : null}
                <span class="dash-muted"> · {lateText(item.daysPastDue, t)}</span>
                {item.account ? <span class="dash-muted"> · {item.account}</span> : null}
              </div>
              {item.hasThread ? (
                <button type="button" class="dash-open" onClick={() => onOpen(item.invoiceId)} aria-label={t('dashOpenThreadLabel', { number: item.invoiceNumber })} data-testid="dash-today-open">
                  {t('dashOpenThread')}
                </button>
              ) : (
                <span class="dash-muted">{t('dashNoThread')}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
