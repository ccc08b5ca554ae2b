/**
 * What the law calculators report: a refusal (`LawError`, nothing computed) or a warning beside a
 * result (`LawWarning`). Both carry a stable `code` for the UI and an English sentence for the CLI.
 */
import type { HalfYear } from './half-year';
import type { RateTableId } from './rate-tables';

export type LawErrorCode =
  /** The input is wrong or incomplete (negative amount, impossible date, missing service date...). */
  | 'invalid_input'
  /** A reference rate the computation needs is not known: ask the user for exactly `table` + `period`. */
  | 'rate_unknown'
  /** The law asked for does not cover the case (UK or EU directive with a consumer debtor). */
  | 'out_of_scope';

export interface LawError {
  code: LawErrorCode;
  message: string;
  /** rate_unknown: the table and half-year to ask the user for (a `RateOverride`). */
  table?: RateTableId;
  period?: HalfYear;
  /** invalid_input: the input field at fault, when there is one. */
  field?: string;
}

export interface LawWarning {
  code: string;
  message: string;
}

/** Thrown inside the law module, caught at its entry points and returned as `{ ok: false, error }`. */
export class LawFailure extends Error {
  readonly error: LawError;

  constructor(error: LawError) {
    super(error.message);
    this.name = 'LawFailure';
    this.error = error;
  }
}

export function invalidInput(message: string, field?: string): never {
  throw new LawFailure(field === undefined ? { code: 'invalid_input', message } : { code: 'invalid_input', message, field });
}

export type LawOutcome<T> = { ok: true; value: T } | { ok: false; error: LawError };

/** Runs a computation that may throw `LawFailure`; any other exception is a bug and propagates. */
export function lawOutcome<T>(compute: () => T): LawOutcome<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof LawFailure) return { ok: false, error: error.error };
    throw error;
  }
}
