/**
 * The task pane's views: "This message" (the thread panel, with today's count above it), "Today"
 * (the list of today's invoices), and the extension's dashboard and settings. Views stay mounted
 * once shown (the panel keeps what the user was typing while they look elsewhere); the switch only
 * hides the others. The dashboard and settings mount on first use: a pane opened to read one
 * message does not load the whole ledger.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AddinTranslate } from './addin-strings';
import type { DueItem } from './due-today';
import { DueToday, dueCountText } from './DueToday';
import type { TaskPane } from './taskpane-controller';

export type PaneView = 'message' | 'today' | 'dashboard' | 'settings';

export interface TaskPaneViewsProps {
  pane: Pick<TaskPane, 'due' | 'onDue' | 'openMessage'>;
  t: AddinTranslate;
  /** The thread panel. */
  children: ComponentChildren;
  dashboard?: () => ComponentChildren;
  settings?: () => ComponentChildren;
  initial?: PaneView;
}

export function TaskPaneViews({ pane, t, children, dashboard, settings, initial = 'message' }: TaskPaneViewsProps) {
  const [view, setView] = useState<PaneView>(initial);
  const [visited, setVisited] = useState<ReadonlySet<PaneView>>(new Set([initial]));
  const [items, setItems] = useState<DueItem[] | null>(pane.due());
  useEffect(() => pane.onDue(setItems), [pane]);
  const show = (name: PaneView) => {
    setView(name);
    setVisited((seen) => (seen.has(name) ? seen : new Set([...seen, name])));
  };
  const tab = (name: PaneView, label: string) => (
    <button type="button" class={view === name ? 'pane-view current' : 'pane-view'} aria-pressed={view === name} data-testid={`view-${name}`} onClick={() => show(name)}>
      {label}
    </button>
  );
  const lazy = (name: PaneView, render: (() => ComponentChildren) | undefined) =>
    render && visited.has(name) ? (
      <div hidden={view !== name} class={`pane-${name}`} data-testid={`${name}-view`}>
        {render()}
      </div>
    ) : null;
  return (
    <>
      <nav class="pane-views" aria-label={t('viewsLabel')}>
        {tab('message', t('viewMessage'))}
        {tab('today', items && items.length > 0 ? t('viewTodayCount', { n: items.length }) : t('viewToday'))}
        {dashboard && tab('dashboard', t('viewDashboard'))}
        {settings && tab('settings', t('viewSettings'))}
      </nav>
      <div hidden={view !== 'today'} data-testid="today-view">
        <DueToday items={items} pane={pane} t={t} />
      </div>
      <div hidden={view !== 'message'} data-testid="message-view">
        {items !== null && items.length > 0 && (
          <p class="due-summary" data-testid="due-summary" data-count={items.length}>
            {dueCountText(items, t)}{' '}
            <button type="button" class="link" onClick={() => show('today')}>
              {t('dueSee')}
            </button>
          </p>
        )}
        {children}
      </div>
      {lazy('dashboard', dashboard)}
      {lazy('settings', settings)}
    </>
  );
}
