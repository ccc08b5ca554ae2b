/**
 * The badge and the daily notification from one reading of today's items (today-attention.ts),
 * for the account the user chose for the badge (settings `alerts.badgeAccount`, null: every
 * account). Refreshes run one after the other: an alarm and a ledger write arriving together must
 * not paint an older count last, nor show the notification twice.
 */
import { alertSettingsOf } from '../core/ledger';
import type { IsoDate } from '../core/model';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import { showBadge } from '../adapters/browser/badge';
import { checkDailyNotification } from '../adapters/browser/notify';
import type { Urgency } from '../protocol/dashboard-messages';
import { interfaceLanguageOf } from '../ui/settings/ui-language';
import { todayAttention } from './today-attention';

export interface AlertsDeps {
  ledger: LedgerStore;
  today(): Promise<IsoDate>;
  /** The browser's UI locale (`fr-FR`…), for the notification when the settings leave it to the browser. */
  uiLocale(): string;
}

export interface AlertsState {
  count: number;
  urgency: Urgency;
}

export function alerts(deps: AlertsDeps): { refresh(): Promise<AlertsState> } {
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (): Promise<AlertsState> => {
    const settings = await deps.ledger.getSettings();
    const { notifyAt, badgeAccount } = alertSettingsOf(settings);
    const today = await deps.today();
    // The badge and the notification open nothing: which invoices could be opened does not matter here.
    const { items, urgency } = await todayAttention(deps.ledger, today, badgeAccount, () => false);
    await showBadge(items.length, urgency);
    const language = interfaceLanguageOf(settings, deps.uiLocale());
    await checkDailyNotification(async () => ({ today, count: items.length, notifyAt, language }));
    return { count: items.length, urgency };
  };
  return {
    refresh() {
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
