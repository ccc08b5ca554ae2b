/**
 * The chasing ladder's settings: every delay of chasing-practice.md "The graduated ladder" is a
 * setting, per user, overridable per client (`resolveSettings`).
 *
 * All delays are whole days. Step delays count from the invoice's due date (negative: before it)
 * and skip the days the ladder was paused (a dispute, a promise, a payment plan); the other delays
 * count from the event they follow. Every proposed contact then lands on a business day of
 * `country` and at least `minimumGap` days after the previous contact (see next-actions.ts).
 */
import { HOLIDAY_COUNTRIES, isHolidayCountry, type HolidayCountry } from './holidays';

/** Days from the due date at which each dated step of the ladder falls due. */
export interface ChasingDelays {
  /** Informative reminder before the due date; must be negative. `null`: no pre-reminder. */
  preReminder: number | null;
  /**
   * The phone call of "call first" plans (long-standing client, key account, or `callFirst`):
   * before the first written reminder. May be negative (e.g. -15: call the approver to check the
   * invoice is "bon à payer", chasing-practice.md "Before chasing").
   */
  call: number;
  /** Friendly first written reminder (assume an oversight). */
  firstReminder: number;
  /** Firmer: terms of sale, late-payment penalties, 40 EUR indemnity. */
  secondReminder: number;
  /** Mise en demeure by registered letter. */
  formalNotice: number;
}

export interface ChasingSettings {
  delays: ChasingDelays;
  /** Call before the first written reminder for every client (profiles may also ask for it). */
  callFirst: boolean;
  /**
   * Days after the first written reminder with no answer (no promise, payment, plan, dispute or
   * call) before the phone call of plans that write first. `null`: no such call.
   */
  callAfterUnansweredReminder: number | null;
  /** Days between the weekly reminders that follow the second reminder. */
  furtherReminderInterval: number;
  /**
   * The most further reminders sent; fewer when the formal notice comes first (a further reminder
   * is only proposed when it leaves `minimumGap` days before the formal notice).
   */
  furtherReminderCount: number;
  /** Days the formal notice gives the client to pay (market practice: 8 or 15). */
  formalNoticeDeadline: number;
  /** Fewest days between two contacts with the client (calls, emails, letters, visits). */
  minimumGap: number;
  /** Payment plans: courteous reminder relative to each instalment date (≤ 0). `null`: none. */
  instalmentReminder: number | null;
  /** Whose weekends and public holidays to avoid. */
  country: HolidayCountry;
  /** France: also the Alsace-Moselle holidays (Good Friday, 26 December). */
  alsaceMoselle: boolean;
  /**
   * Invoices of this amount or less (invoice currency units) are chased by email only: no call,
   * no visit (chasing-practice.md "small amount → automate").
   */
  smallAmountThreshold: number;
}

/**
 * chasing-practice.md defaults: pre-reminder 3 days before the due date, first reminder due + 7,
 * call due + 3 when the plan calls first or 4 days after an unanswered first reminder, second
 * reminder due + 15, weekly further reminders until the formal notice at due + 30 (with these
 * defaults one fits: due + 22, i.e. "three letters, one a week, then after a month the formal
 * notice", seed 003), 8 days to pay after the formal notice, 3 days between contacts.
 */
export const DEFAULT_CHASING_SETTINGS: Readonly<ChasingSettings> = Object.freeze({
  delays: Object.freeze({ preReminder: -3, call: 3, firstReminder: 7, secondReminder: 15, formalNotice: 30 }),
  callFirst: false,
  callAfterUnansweredReminder: 4,
  furtherReminderInterval: 7,
  furtherReminderCount: 3,
  formalNoticeDeadline: 8,
  minimumGap: 3,
  instalmentReminder: -3,
  country: 'FR',
  alsaceMoselle: false,
  smallAmountThreshold: 200,
});

/** A client's exceptions to the user's settings: only the fields given replace the user's. */
export type ChasingSettingsOverride = Partial<Omit<ChasingSettings, 'delays'>> & { delays?: Partial<ChasingDelays> };

export type SettingsProblemCode = 'not_a_whole_number' | 'out_of_range' | 'out_of_order' | 'not_a_boolean' | 'unknown_country' | 'not_an_amount';

export interface SettingsProblem {
  /** Dotted path of the setting, e.g. `delays.firstReminder`. */
  field: string;
  code: SettingsProblemCode;
  /** English, for developers and logs; the UI translates `code`. */
  message: string;
}

export class ChasingSettingsError extends Error {
  constructor(readonly problems: readonly SettingsProblem[]) {
    super(`Invalid chasing settings: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`);
    this.name = 'ChasingSettingsError';
  }
}

/**
 * The user's settings with the client's override applied, checked. `undefined` in the override
 * keeps the user's value; `null` (where allowed) switches the step off for this client.
 * Throws `ChasingSettingsError` listing every problem.
 */
export function resolveSettings(user: ChasingSettings, clientOverride?: ChasingSettingsOverride | null): ChasingSettings {
  const merged: ChasingSettings = { ...user, delays: { ...user.delays } };
  if (clientOverride) {
    const { delays, ...rest } = clientOverride;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(merged, { [key]: value });
    if (delays) for (const [key, value] of Object.entries(delays)) if (value !== undefined) Object.assign(merged.delays, { [key]: value });
  }
  const problems = validateSettings(merged);
  if (problems.length > 0) throw new ChasingSettingsError(problems);
  return merged;
}

/**
 * Every problem of a settings object (empty when valid). Values are checked at run time too, since
 * settings come back from storage and forms: NaN, fractions, strings and out-of-range days are
 * refused, and so is a ladder out of order (pre-reminder, call-first and first reminder must
 * come before the second reminder, which comes before the formal notice).
 */
export function validateSettings(settings: ChasingSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const d = settings.delays ?? ({} as ChasingDelays);
  const days = (field: string, value: unknown, min: number, max: number, nullable = false): value is number => {
    if (nullable && value === null) return false;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      problems.push({ field, code: 'not_a_whole_number', message: `must be a whole number of days${nullable ? ' or null' : ''}, got ${String(value)}` });
      return false;
    }
    if (value < min || value > max) {
      problems.push({ field, code: 'out_of_range', message: `must be between ${min} and ${max} days, got ${value}` });
      return false;
    }
    return true;
  };
  const order = (field: string, message: string): void => {
    problems.push({ field, code: 'out_of_order', message });
  };

  const pre = days('delays.preReminder', d.preReminder, -60, -1, true);
  const call = days('delays.call', d.call, -60, 365);
  const first = days('delays.firstReminder', d.firstReminder, 0, 365);
  const second = days('delays.secondReminder', d.secondReminder, 0, 365);
  const notice = days('delays.formalNotice', d.formalNotice, 0, 730);
  if (pre && call && d.preReminder !== null && d.call <= d.preReminder) order('delays.call', 'the call-first call must come after the pre-reminder');
  if (call && first && d.call >= d.firstReminder) order('delays.call', 'the call-first call must come before the first reminder');
  if (first && second && d.secondReminder <= d.firstReminder) order('delays.secondReminder', 'the second reminder must come after the first reminder');
  if (second && notice && d.formalNotice <= d.secondReminder) order('delays.formalNotice', 'the formal notice must come after the second reminder');
  if (first && notice && d.formalNotice <= d.firstReminder) order('delays.formalNotice', 'the formal notice must come after the first reminder');

  days('callAfterUnansweredReminder', settings.callAfterUnansweredReminder, 1, 60, true);
  days('furtherReminderInterval', settings.furtherReminderInterval, 1, 60);
  days('furtherReminderCount', settings.furtherReminderCount, 0, 10);
  days('formalNoticeDeadline', settings.formalNoticeDeadline, 1, 90);
  days('minimumGap', settings.minimumGap, 0, 30);
  days('instalmentReminder', settings.instalmentReminder, -30, 0, true);
  if (typeof settings.callFirst !== 'boolean') problems.push({ field: 'callFirst', code: 'not_a_boolean', message: `must be true or false, got ${String(settings.callFirst)}` });
  if (typeof settings.alsaceMoselle !== 'boolean') problems.push({ field: 'alsaceMoselle', code: 'not_a_boolean', message: `must be true or false, got ${String(settings.alsaceMoselle)}` });
  if (!isHolidayCountry(settings.country)) {
    problems.push({ field: 'country', code: 'unknown_country', message: `must be one of ${HOLIDAY_COUNTRIES.join(', ')}, got ${String(settings.country)}` });
  }
  const threshold: unknown = settings.smallAmountThreshold;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
    problems.push({ field: 'smallAmountThreshold', code: 'not_an_amount', message: `must be a finite amount ≥ 0, got ${String(threshold)}` });
  }
  return problems;
}
