/**
 * The chasing ladder (issue 4): steps, settings, client profiles, public holidays and
 * `nextActions`, the plan for one invoice. Pure: `today` and the logbook come in.
 */
export { CHASING_STEPS, WRITTEN_STEPS, isChasingStep, type ChasingStep } from './steps';
export {
  DEFAULT_CHASING_SETTINGS,
  ChasingSettingsError,
  resolveSettings,
  validateSettings,
  type ChasingDelays,
  type ChasingSettings,
  type ChasingSettingsOverride,
  type SettingsProblem,
  type SettingsProblemCode,
} from './settings';
export {
  DEFAULT_REPEAT_LATE_PAYER_RULE,
  clientTraits,
  isRepeatLatePayer,
  isSmallAmount,
  latePaymentRecord,
  type ClientFlag,
  type ClientInvoiceRecord,
  type ClientProfile,
  type ClientTraits,
  type DelayCause,
  type LatePaymentRecord,
  type RepeatLatePayerRule,
} from './client-profile';
export {
  HOLIDAY_COUNTRIES,
  dayOfWeek,
  easterSunday,
  isBusinessDay,
  isHolidayCountry,
  isPublicHoliday,
  isWeekend,
  nextBusinessDay,
  previousBusinessDay,
  publicHolidays,
  type HolidayCountry,
  type HolidayName,
  type HolidayOptions,
  type PublicHoliday,
} from './holidays';
export {
  ACTION_REASON_CODES,
  ADVICE_CODES,
  TONE_OF_LADDER_STEP,
  adjustTone,
  isContactDay,
  nextActions,
  suggestPlan,
  type ActionReason,
  type ActionReasonCode,
  type ActionType,
  type AdviceCode,
  type Channel,
  type ChasingAction,
  type ChasingContext,
  type ChasingInvoice,
  type ChasingPlan,
  type ChasingStatus,
  type ChasingTone,
  type SuggestedPlan,
} from './next-actions';
