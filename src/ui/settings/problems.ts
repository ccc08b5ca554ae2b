/**
 * A refused save's problems (validate.ts `LedgerProblem`: dotted field, code, English message) as
 * the settings page shows them: in the user's language, under the field at fault.
 */
import type { LedgerProblem } from '../../core/ledger';
import type { SettingsKey, SettingsTranslate } from '../i18n-settings';

/** Field-specific wording first (an IBAN's checksum says more than "wrong check digits"). */
const SPECIFIC: Readonly<Record<string, SettingsKey>> = {
  'iban:bad_format': 'problem_iban_bad_format',
  'iban:bad_checksum': 'problem_iban_bad_checksum',
  'company.siret:bad_format': 'problem_siret_bad_format',
  'company.siret:bad_checksum': 'problem_siret_bad_checksum',
  'company.vatNumber:bad_format': 'problem_vat_bad_format',
  'company.vatNumber:bad_checksum': 'problem_vat_bad_checksum',
  'bic:bad_format': 'problem_bic_bad_format',
  'paymentLink:bad_format': 'problem_link_bad_format',
  'penalty.rateBasis:inconsistent': 'problem_rate_basis_inconsistent',
  'alerts.notifyAt:bad_format': 'problem_time_bad_format',
};

/** A field's path with list indexes folded (`penalty.rateOverrides.2.period` → `penalty.rateOverrides.*.period`). */
function shape(field: string): string {
  return field.replace(/\.\d+(?=\.|$)/g, '.*');
}

export function problemMessage(problem: LedgerProblem, t: SettingsTranslate): string {
  const specific = SPECIFIC[`${problem.field}:${problem.code}`];
  if (specific) return t(specific);
  const field = shape(problem.field);
  if (field.startsWith('chasing.delays.') && problem.code === 'out_of_order') return t('problem_delay_out_of_order');
  if (field === 'penalty.rateOverrides.*.period' && problem.code === 'bad_format') return t('problem_period_bad_format');
  return t(`problem_${problem.code}` as SettingsKey);
}

/** The problems of one field (exact path), as messages. */
export function messagesFor(problems: readonly LedgerProblem[], field: string, t: SettingsTranslate): string[] {
  return problems.filter((problem) => problem.field === field).map((problem) => problemMessage(problem, t));
}
