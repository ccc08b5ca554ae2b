/**
 * The task pane's views: "This message" (the thread panel, with today's count above it) and
 * "Today" (the list of today's invoices). Both stay mounted (the panel keeps what the user was
 * typing when they look at the list); the switch only hides one.
 *
 * Later views (the extension's dashboard and settings, src/ui/dashboard and src/ui/settings) mount
 * here as a third and fourth button with their pages as children: see addin/README.md "Views".
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AddinTranslate } from './addin-strings';
import type { DueItem } from './due-today';
import { DueToday, dueCountText } from './DueToday';
import type { TaskPane } from './taskpane-controller';

export type PaneView = 'message' | 'today';

export function TaskPaneViews({ pane, t, children, initial = 'message' }: { pane: Pick<TaskPane, 'due' | 'onDue' | 'openMessage'>; t: AddinTranslate; children: ComponentChildren; initial?: PaneView }) {
  const [view, setView] = useState<PaneView>(initial);
  const [items, setItems] = useState<DueItem[] | null>(pane.due());
  useEffect(() => pane.onDue(setItems), [pane]);
  const tab = (name: PaneView, label: string) => (
    <button type="button" class={view === name ? 'pane-view current' : 'pane-view'} aria-pressed={view === name} data-testid={`view-${name}`} onClick={() => setView(name)}>
      {label}
    </button>
  );
  return (
    <>
      <nav class="pane-views" aria-label={t('viewsLabel')}>
        {tab('message', t('viewMessage'))}
        {tab('today', items && items.length > 0 ? t('viewTodayCount', { n: items.length }) : t('viewToday'))}
      </nav>
      <div hidden={view !== 'today'} data-testid="today-view">
        <DueToday items={items} pane={pane} t={t} />
      </div>
      <div hidden={view !== 'message'} data-testid="message-view">
        {items !== null && items.length > 0 && (
          <p class="due-summary" data-testid="due-summary" data-count={items.length}>
            {dueCountText(items, t)}{' '}
            <button type="button" class="link" onClick={() => setView('today')}>
              {t('dueSee')}
            </button>
          </p>
        )}
        {children}
      </div>
    </>
  );
}
