/**
 * The ladder for an invoice as the extension keeps it today (a TrackedInvoice and its logbook of
 * LogEvents), and which reminder the "Draft" button writes. Shared by the worker (which drafts) and
 * the panel (which shows the next action), so both agree.
 */
import type { LedgerEvent } from '../ledger/events';
import type { IsoDate, LogEvent, TrackedInvoice } from '../model';
import { chooseReminderStep } from '../ladder';
import { nextActions, type ChasingAction, type ChasingPlan } from './next-actions';
import { DEFAULT_CHASING_SETTINGS, type ChasingSettings } from './settings';
import type { ChasingStep } from './steps';

/** The stored logbook entries as the ladder reads them. */
export function ledgerEventsOf(events: readonly LogEvent[]): LedgerEvent[] {
  return events.map((event): LedgerEvent => {
    const base = { invoiceId: event.invoiceId, at: event.at, day: event.day, ...(event.id === undefined ? {} : { id: event.id }) };
    // A reminder drafted before the ladder had steps was the skeleton's first reminder.
    return event.kind === 'reminder_drafted' ? { ...base, kind: 'reminder_drafted', step: event.step ?? 'first_reminder' } : { ...base, kind: 'tracked' };
  });
}

/** The plan from the full logbook (payments, promises, calls… all count). */
export function planForTrackedInvoice(invoice: TrackedInvoice, logbook: readonly LedgerEvent[], today: IsoDate, settings: ChasingSettings = DEFAULT_CHASING_SETTINGS): ChasingPlan {
  return nextActions(invoice, logbook, settings, today);
}

const isWritten = (action: ChasingAction): boolean => (action.channel === 'email' || action.channel === 'letter') && action.step !== 'call' && action.step !== 'escalation';

/** The written action the "Draft" button prepares: one due today first, else the next one. */
export function writtenActionToDraft(plan: ChasingPlan): ChasingAction | null {
  return plan.today.find(isWritten) ?? (plan.next && isWritten(plan.next) ? plan.next : null);
}

/** The written reminders in the order they escalate (calls and filings are not drafted here). */
const WRITTEN_LADDER: readonly ChasingStep[] = ['pre_reminder', 'first_reminder', 'second_reminder', 'further_reminder', 'formal_notice'];

/**
 * The step to draft. When the plan has no written action ahead (no due date, or a call comes
 * first) the user may still want to write: the reminder after the last one drafted, or, before any,
 * the one the due date calls for (an informative pre-reminder, a friendly first reminder once due).
 * Never the same friendly reminder twice.
 */
export function stepToDraft(plan: ChasingPlan, dueDate: IsoDate | null, today: IsoDate, logbook: readonly LedgerEvent[] = []): ChasingStep {
  const planned = writtenActionToDraft(plan);
  if (planned) return planned.step;
  const byDate = chooseReminderStep(dueDate, today);
  const drafted = logbook.flatMap((event) => (event.kind === 'reminder_drafted' || event.kind === 'reminder_sent' ? [WRITTEN_LADDER.indexOf(event.step)] : []));
  const last = Math.max(-1, ...drafted);
  if (last === -1) return byDate;
  // Before the due date, nothing firmer than a pre-reminder (the ladder proposes nothing yet).
  if (byDate === 'pre_reminder') return 'pre_reminder';
  return WRITTEN_LADDER[Math.min(last + 1, WRITTEN_LADDER.length - 1)]!;
}
