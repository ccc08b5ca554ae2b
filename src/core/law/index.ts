/**
 * Late-payment law calculators (FR, EU directive, DE, UK): due dates from payment terms, interest and
 * penalties, fixed indemnities, prescription. Pure code; rates are data (rate-tables.ts).
 * The reference is shared/domain/late-payment-law.md.
 */
export { computePenalty, type PenaltyInput, type PenaltyResult, type PenaltySegment, type PartialPaymentInput, type RateBasis } from './penalty';
export { accrueInterest, exactSum, type AccrualInput, type AccrualResult, type AccrualSegment, type AccrualPayment, type AppliedPayment, type Imputation } from './interest';
export { fixedFee, type FixedFee } from './fixed-fee';
export { dueDateOf, LEGAL_DEFAULT_DAYS, CAP_DAYS, FR_CAP_END_OF_MONTH_DAYS, type DueDateInput, type DueDateResult, type NetFrom, type TermsInput } from './terms';
export { prescriptionOf, interruptionsFromEvents, type PrescriptionInput, type PrescriptionResult, type PrescriptionLevel, type Interruption, type InterruptionKind, type CheckedInterruption } from './prescription';
export { lookupReferenceRate, describeReferenceRate, rateUnknownMessage, referenceDayOf, parseRateTableId, parseOverridePeriod, type RateOverride, type ReferenceRate } from './rates';
export { RATE_TABLES, RESEARCH_DATE, type RateTable, type RateTableId, type RateEntry, type Confidence } from './rate-tables';
export { halfYearOf, halfYearStart, halfYearEnd, parseHalfYear, type HalfYear } from './half-year';
export { parseJurisdiction, JURISDICTIONS, type Jurisdiction } from './jurisdiction';
export { lawOutcome, LawFailure, type LawError, type LawErrorCode, type LawOutcome, type LawWarning } from './errors';
export {
  amountFromCents,
  centsFromAmount,
  decimalFromNumber,
  decimalToNumber,
  formatCents,
  formatDecimal,
  parseDecimal,
  roundHalfUp,
  type Decimal,
} from './decimal';
