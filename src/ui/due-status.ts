/** "due in 3 days", "10 days past due": the days to or after the due date, in words. */
import type { Translate } from './i18n';

export function dueStatus(days: number | null, t: Translate): string {
  if (days === null) return t('noDueDate');
  if (days === 0) return t('dueToday');
  if (days === -1) return t('dueInOneDay');
  if (days < 0) return t('dueInDays', { n: -days });
  if (days === 1) return t('pastDueOneDay');
  return t('pastDueDays', { n: days });
}
