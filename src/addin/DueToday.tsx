/**
 * Today's invoices in the task pane: what the extension's toolbar badge counts, listed (Outlook gives
 * add-ins no badge), each with a button that opens the Outlook message it was read from. Text only;
 * the items come from due-today.ts.
 */
import { useState } from 'preact/hooks';
import type { AddinTranslate } from './addin-strings';
import type { DueItem } from './due-today';
import type { TaskPane } from './taskpane-controller';

export function dueCountText(items: readonly DueItem[], t: AddinTranslate): string {
  return items.length === 0 ? t('dueTodayNone') : items.length === 1 ? t('dueTodayOne') : t('dueTodayMany', { n: items.length });
}

export function DueToday({ items, pane, t }: { items: DueItem[] | null; pane: Pick<TaskPane, 'openMessage'>; t: AddinTranslate }) {
  const [failure, setFailure] = useState<string | null>(null);
  if (items === null) return null;
  const open = (item: DueItem) => {
    setFailure(null);
    try {
      pane.openMessage(item);
    } catch (error) {
      setFailure(t('openFailed', { invoice: item.invoiceNumber, reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <section class="due-today" data-testid="due-today" data-count={items.length} aria-labelledby="due-today-title">
      <h2 id="due-today-title">{t('dueTodayTitle')}</h2>
      <p class="due-count">{dueCountText(items, t)}</p>
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.invoiceId} data-invoice={item.invoiceNumber}>
              <span>{t('dueTodayItem', { invoice: item.invoiceNumber, client: item.client, amount: item.amount ?? t('noAmount'), action: item.action })}</span>
              {item.outlookItemId && (
                <button type="button" class="link due-open" data-testid="due-open" aria-label={t('openMessageLabel', { invoice: item.invoiceNumber })} onClick={() => open(item)}>
                  {t('openMessage')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <p class="due-error" role="alert" data-testid="due-open-error">
          {failure}
        </p>
      )}
    </section>
  );
}
