/**
 * Who the client is and why the invoice is late: what chasing-practice.md "Tone rules" adapts the
 * plan and the tone to ("Personalise by client", "Adapt to the cause").
 *
 * The user sets the flags and the cause; two traits are computed: a small amount (from the invoice
 * amount and the settings' threshold) and a repeat late payer (from the client's other invoices).
 */
import type { IsoDate } from '../model';
import { addDays, daysBetween } from '../dates';

/** Flags the user sets on a client. */
export type ClientFlag =
  /** A long-standing client: phone first, softer tone. */
  | 'long_standing'
  /** A key account: involve sales management, phone first, softer tone. */
  | 'key_account'
  /** A client known to be in difficulty: offer a payment plan. */
  | 'known_difficulty';

export interface ClientProfile {
  flags: readonly ClientFlag[];
}

/** Why this invoice is late, when the user knows (chasing-practice.md "Adapt to the cause"). */
export type DelayCause = 'oversight' | 'cash_trouble' | 'dispute' | 'bad_faith' | 'unknown';

/** One of the client's other invoices, for the repeat-late-payer rule. */
export interface ClientInvoiceRecord {
  invoiceId: string;
  dueDate: IsoDate | null;
  /** The day it was paid in full, or null while unpaid. */
  paidOn: IsoDate | null;
}

/**
 * Repeat late payer: among the client's last `lookback` invoices already due, at least
 * `minLateInvoices` were paid (or are still unpaid) more than `graceDays` after their due date.
 * A few days late is the "payeur malin" who posts the cheque on the due date (seed 003), not a
 * repeat late payer, hence the grace; two real delays out of the last five is a habit.
 */
export interface RepeatLatePayerRule {
  lookback: number;
  minLateInvoices: number;
  graceDays: number;
}

export const DEFAULT_REPEAT_LATE_PAYER_RULE: Readonly<RepeatLatePayerRule> = Object.freeze({ lookback: 5, minLateInvoices: 2, graceDays: 5 });

export interface LatePaymentRecord {
  /** The client's invoices the rule looked at: the latest `lookback` by due date, paid or past their grace. */
  considered: number;
  /** How many of them were paid, or are still unpaid, more than `graceDays` late. */
  late: number;
  /** Mean days late over the considered invoices (0 for on time or early; unpaid: days so far). */
  averageDaysLate: number;
}

export function latePaymentRecord(
  history: readonly ClientInvoiceRecord[],
  today: IsoDate,
  options: { excludeInvoiceId?: string; rule?: RepeatLatePayerRule } = {},
): LatePaymentRecord {
  const rule = options.rule ?? DEFAULT_REPEAT_LATE_PAYER_RULE;
  const due = history
    .filter((record): record is ClientInvoiceRecord & { dueDate: IsoDate } => record.dueDate !== null && record.invoiceId !== options.excludeInvoiceId)
    // A paid invoice always counts; an unpaid one only once past its grace (it may still be paid in time).
    .filter((record) => record.paidOn !== null || addDays(record.dueDate, rule.graceDays) < today)
    .sort((a, b) => (a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : 0))
    .slice(0, rule.lookback);
  const daysLate = due.map((record) => Math.max(0, daysBetween(record.dueDate, record.paidOn ?? today)));
  return {
    considered: due.length,
    late: daysLate.filter((days) => days > rule.graceDays).length,
    averageDaysLate: daysLate.length === 0 ? 0 : daysLate.reduce((sum, days) => sum + days, 0) / daysLate.length,
  };
}

export function isRepeatLatePayer(
  history: readonly ClientInvoiceRecord[],
  today: IsoDate,
  options: { excludeInvoiceId?: string; rule?: RepeatLatePayerRule } = {},
): boolean {
  const rule = options.rule ?? DEFAULT_REPEAT_LATE_PAYER_RULE;
  return latePaymentRecord(history, today, options).late >= rule.minLateInvoices;
}

/** The invoice amount is at most the threshold; an unknown amount is not small. */
export function isSmallAmount(amount: number | null, threshold: number): boolean {
  return amount !== null && Number.isFinite(amount) && amount <= threshold;
}

/** Everything the ladder adapts to, flags and computed traits together. */
export interface ClientTraits {
  longStanding: boolean;
  keyAccount: boolean;
  knownDifficulty: boolean;
  smallAmount: boolean;
  repeatLatePayer: boolean;
  cause: DelayCause;
}

export function clientTraits(input: {
  profile?: ClientProfile | null;
  cause?: DelayCause | null;
  history?: readonly ClientInvoiceRecord[] | null;
  invoiceId: string;
  amount: number | null;
  smallAmountThreshold: number;
  today: IsoDate;
}): ClientTraits {
  const flags = new Set(input.profile?.flags ?? []);
  return {
    longStanding: flags.has('long_standing'),
    keyAccount: flags.has('key_account'),
    knownDifficulty: flags.has('known_difficulty'),
    smallAmount: isSmallAmount(input.amount, input.smallAmountThreshold),
    repeatLatePayer: isRepeatLatePayer(input.history ?? [], input.today, { excludeInvoiceId: input.invoiceId }),
    cause: input.cause ?? 'unknown',
  };
}
