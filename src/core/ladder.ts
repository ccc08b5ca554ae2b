/**
 * The reminder ladder: which step fits an invoice today, from its due date
 * (chasing-practice.md "The graduated ladder"). The skeleton has two steps; later steps are new
 * rows of `LADDER`, each starting a number of days past the due date.
 */
import type { IsoDate, ReminderStep } from './model';
import { daysBetween } from './dates';

interface LadderRung {
  step: ReminderStep;
  /** The step applies from this many days past the due date (negative: before it). */
  fromDaysPastDue: number;
}

/** In order of `fromDaysPastDue`. The first rung has no lower bound. */
const LADDER: readonly LadderRung[] = [
  { step: 'pre_reminder', fromDaysPastDue: Number.NEGATIVE_INFINITY },
  { step: 'first_reminder', fromDaysPastDue: 0 },
];

/** Days from the due date to today: positive when past due, 0 on the day, negative = days until due. */
export function daysPastDue(dueDate: IsoDate | null, today: IsoDate): number | null {
  return dueDate === null ? null : daysBetween(dueDate, today);
}

/**
 * The step for today. Without a due date, nothing says the invoice is due yet, so the informative
 * pre-reminder is the one that cannot be wrong.
 */
export function chooseReminderStep(dueDate: IsoDate | null, today: IsoDate): ReminderStep {
  const days = daysPastDue(dueDate, today);
  if (days === null) return 'pre_reminder';
  let chosen: ReminderStep = 'pre_reminder';
  for (const rung of LADDER) if (days >= rung.fromDaysPastDue) chosen = rung.step;
  return chosen;
}
