/**
 * Prescription (limitation) of an unpaid invoice under French law (late-payment-law.md 3.1).
 *
 * - Period: 5 years between businesses (C. com. L110-4; C. civ. 2224), 2 years when the debtor is a
 *   consumer (C. conso. L218-2), counted from the due date (the day the claim became payable).
 * - `expiresOn` is the LAST day on which the creditor can still act: due date + N years, same day of
 *   the month (C. civ. 2228-2229: the day the period starts from is not counted, and the period ends
 *   when its last day is over). A due date of 29 February expires on 28 February.
 * - Interrupted (a new full period starts from the act, C. civ. 2231) by: the debtor's acknowledgement
 *   of the debt (C. civ. 2240; logbook `debt_acknowledged`, dated by its `day`), a partial payment
 *   (an acknowledgement; `partial_payment.paidOn`), a court action, even in référé (C. civ. 2241;
 *   `escalation` with route injonction_de_payer, refere_provision or small_claims_procedure, dated by
 *   `filedOn`). A court action in fact interrupts until the proceedings end (C. civ. 2242): the date
 *   computed from the filing day is therefore an early, safe estimate.
 * - NOT interrupted by a reminder, a call, a letter or a formal notice (mise en demeure), even sent by
 *   registered letter (Cass. com. 18 May 2022 n°20-23.204), nor by mediation or a collection agency
 *   (mediation suspends, C. civ. 2238: not modelled).
 * - An act after the period has run out does not revive the claim (Cass. 1re civ. 19 May 2021
 *   n°19-26.253): it is listed as not counted.
 * - Acts dated after `today` are not counted yet.
 * - Warnings: 'six_months' from 6 months before `expiresOn`, 'one_month' from 1 month before,
 *   'expired' from the day after it.
 */
import { addMonths, compareIsoDates, daysBetween, isValidIsoDate } from '../dates';
import type { LedgerEvent } from '../ledger/events';
import type { IsoDate } from '../model';
import { invalidInput, type LawWarning } from './errors';

export type PrescriptionLevel = 'none' | 'six_months' | 'one_month' | 'expired';

export type InterruptionKind = 'debt_acknowledged' | 'partial_payment' | 'court_action';

export interface Interruption {
  date: IsoDate;
  kind: InterruptionKind;
}

export interface CheckedInterruption extends Interruption {
  counted: boolean;
  /** Why it was or was not counted. */
  reason: string;
}

export interface PrescriptionInput {
  /** False when the debtor is a consumer (2 years), true otherwise (5 years). */
  b2b: boolean;
  dueDate: IsoDate;
  today: IsoDate;
  /** The invoice's logbook: the interrupting events are picked out of it. */
  events?: readonly LedgerEvent[];
  /** Interrupting acts known outside the logbook (e.g. partial payments typed into the calculator). */
  interruptions?: readonly Interruption[];
}

export interface PrescriptionResult {
  periodYears: 2 | 5;
  basis: string;
  /** The due date, or the date of the last interruption that counted. */
  runsFrom: IsoDate;
  /** The last day to act. */
  expiresOn: IsoDate;
  /** expiresOn - today: 0 on the last day, negative once the claim is time-barred. */
  daysLeft: number;
  level: PrescriptionLevel;
  interruptions: CheckedInterruption[];
  warnings: LawWarning[];
}

const COURT_ROUTES = new Set(['injonction_de_payer', 'refere_provision', 'small_claims_procedure']);

/** The logbook events that interrupt prescription, as dated acts. */
export function interruptionsFromEvents(events: readonly LedgerEvent[]): Interruption[] {
  const acts: Interruption[] = [];
  for (const event of events) {
    if (event.kind === 'debt_acknowledged') acts.push({ date: event.day, kind: 'debt_acknowledged' });
    else if (event.kind === 'partial_payment') acts.push({ date: event.paidOn, kind: 'partial_payment' });
    else if (event.kind === 'escalation' && COURT_ROUTES.has(event.route)) acts.push({ date: event.filedOn, kind: 'court_action' });
  }
  return acts;
}

export function prescriptionOf(input: PrescriptionInput): PrescriptionResult {
  for (const [field, value] of [['due_date', input.dueDate], ['today', input.today]] as const) {
    if (!isValidIsoDate(value)) invalidInput(`${field} is not a real calendar date (YYYY-MM-DD): "${value}"`, field);
  }
  const periodYears = input.b2b ? 5 : 2;
  const months = periodYears * 12;
  const acts = [...interruptionsFromEvents(input.events ?? []), ...(input.interruptions ?? [])]
    .filter((act) => isValidIsoDate(act.date))
    .sort((a, b) => compareIsoDates(a.date, b.date));

  let runsFrom = input.dueDate;
  let expiresOn = addMonths(input.dueDate, months);
  const checked: CheckedInterruption[] = [];
  for (const act of acts) {
    if (compareIsoDates(act.date, input.today) > 0) {
      checked.push({ ...act, counted: false, reason: 'after today: not counted yet' });
    } else if (compareIsoDates(act.date, expiresOn) > 0) {
      checked.push({ ...act, counted: false, reason: `after the claim expired on ${expiresOn}: it does not revive it` });
    } else {
      const renewed = addMonths(act.date, months);
      if (compareIsoDates(renewed, expiresOn) > 0) {
        runsFrom = act.date;
        expiresOn = renewed;
        checked.push({ ...act, counted: true, reason: `a new ${periodYears}-year period runs from ${act.date}` });
      } else {
        // Before the due date (e.g. a deposit): the period from the due date is the longer one.
        checked.push({ ...act, counted: true, reason: `interrupts, but the period from ${runsFrom} ends later` });
      }
    }
  }

  const daysLeft = daysBetween(input.today, expiresOn);
  const level: PrescriptionLevel =
    daysLeft < 0
      ? 'expired'
      : compareIsoDates(input.today, addMonths(expiresOn, -1)) >= 0
        ? 'one_month'
        : compareIsoDates(input.today, addMonths(expiresOn, -6)) >= 0
          ? 'six_months'
          : 'none';

  const warnings: LawWarning[] = [];
  const what = 'only an acknowledgement of the debt, a partial payment or a court action interrupts it; reminders and formal notices do not';
  if (level === 'expired') {
    warnings.push({ code: 'prescription_expired', message: `the claim is time-barred since ${expiresOn} (${periodYears}-year prescription): it can no longer be enforced in court` });
  } else if (level === 'one_month' || level === 'six_months') {
    warnings.push({
      code: `prescription_${level}`,
      message: `the claim becomes time-barred after ${expiresOn} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left, ${periodYears}-year prescription): ${what}`,
    });
  }
  if (checked.some((act) => act.counted && act.kind === 'court_action' && act.date === runsFrom)) {
    warnings.push({ code: 'prescription_court_action', message: 'a court action interrupts prescription until the proceedings end (C. civ. 2242): the date shown, counted from the filing day, is an early estimate' });
  }

  return {
    periodYears,
    basis: input.b2b ? 'C. com. L110-4 / C. civ. 2224 (5 years)' : 'C. conso. L218-2 (2 years, consumer debtor)',
    runsFrom,
    expiresOn,
    daysLeft,
    level,
    interruptions: checked,
    warnings,
  };
}
