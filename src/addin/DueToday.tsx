/**
 * Today's actions at the top of the task pane: what the extension's toolbar badge counts, listed
 * (Outlook gives add-ins no badge). Text only; the items come from due-today.ts.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AddinTranslate } from './addin-strings';
import type { DueItem } from './due-today';
import type { TaskPane } from './taskpane-controller';

export function DueToday({ pane, t }: { pane: Pick<TaskPane, 'due' | 'onDue'>; t: AddinTranslate }) {
  const [items, setItems] = useState<DueItem[] | null>(pane.due());
  useEffect(() => pane.onDue(setItems), [pane]);
  if (items === null) return null;
  return (
    <section class="due-today" data-testid="due-today" data-count={items.length} aria-labelledby="due-today-title">
      <h2 id="due-today-title">{t('dueTodayTitle')}</h2>
      {items.length === 0 ? (
        <p class="due-none">{t('dueTodayNone')}</p>
      ) : (
        <>
          <p class="due-count">{items.length === 1 ? t('dueTodayOne') : t('dueTodayMany', { n: items.length })}</p>
          <ul>
            {items.map((item) => (
              <li key={item.invoiceId} data-invoice={item.invoiceNumber}>
                {t('dueTodayItem', { invoice: item.invoiceNumber, client: item.client, amount: item.amount ?? t('noAmount'), action: item.action })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
