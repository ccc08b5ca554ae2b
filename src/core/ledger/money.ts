/**
 * What came in and what is still owed, read from a logbook in whole cents: the ONE reading of an
 * invoice's money, shared by the ladder (src/core/chasing/logbook.ts, next-actions.ts), the derived
 * state (derive.ts) and the store's summary (summary.ts), so none of them can disagree about
 * whether an invoice is paid or what it still owes (they used to add floats in one place and cents
 * in the other).
 *
 * Rules:
 * - Paid in full: a `payment` event, or partial payments reaching the amount (in whole cents,
 *   `partial ≥ amount`, that is to the half cent). `paidOn` is the earliest of the payments'
 *   `paidOn` and the day the partial payments reached the amount.
 * - A partial payment counts when its amount is a positive finite number; so does an instalment.
 * - `balanceCents`: 0 once paid, amount minus partial payments otherwise (never negative), null
 *   when the amount is unknown. A written-off invoice keeps its balance (the debt in law); callers
 *   that want "still receivable" read 0 for it.
 * - `receivedCents`: partial payments plus the payments' amounts; a payment without amount brings
 *   the total to the invoice amount.
 *
 * Pure; imports only types. Callers pass the events they know (the ladder: those dated up to today).
 */
import type { IsoDate } from '../model';
import type { EventOf, LedgerEvent } from './events';

export const cents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (value: number): number => value / 100;
/** A positive finite amount (what a partial payment, an instalment or a promise must be to count). */
export const positiveAmount = (amount: unknown): amount is number => typeof amount === 'number' && Number.isFinite(amount) && amount > 0;

export interface Money {
  /** The invoice amount when known and finite. */
  amount: number | null;
  amountCents: number | null;
  /** Sum of the (positive) partial payments. */
  partialCents: number;
  fullyPaid: boolean;
  /** The day it was paid in full, null while not. */
  paidOn: IsoDate | null;
  /** 0 once paid, amount − partial payments otherwise (≥ 0), null for an unknown amount. */
  balanceCents: number | null;
  receivedCents: number;
  /** The first write-off in the order given. */
  writeOff: { on: IsoDate; reason: string } | null;
}

const isPartial = (event: LedgerEvent): event is EventOf<'partial_payment'> => event.kind === 'partial_payment' && positiveAmount(event.amount);

/** Payments and write-off of an invoice of `amount`, from its events (the first write-off in the order given wins). */
export function readMoney(amount: number | null, events: readonly LedgerEvent[]): Money {
  const known = amount !== null && Number.isFinite(amount) ? amount : null;
  const amountCents = known === null ? null : cents(known);
  const partials = events.filter(isPartial);
  const payments = events.filter((event): event is EventOf<'payment'> => event.kind === 'payment');
  const partialCents = partials.reduce((sum, event) => sum + cents(event.amount), 0);
  const candidates: IsoDate[] = payments.map((event) => event.paidOn);
  const reached = amountCents !== null && partialCents >= amountCents;
  if (reached) {
    // The day the partial payments reached the amount.
    let running = 0;
    for (const event of [...partials].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0))) {
      running += cents(event.amount);
      if (running >= amountCents) {
        candidates.push(event.paidOn);
        break;
      }
    }
  }
  const fullyPaid = payments.length > 0 || reached;
  let receivedCents = partialCents + payments.reduce((sum, event) => sum + (positiveAmount(event.amount) ? cents(event.amount) : 0), 0);
  if (amountCents !== null && payments.some((event) => event.amount === undefined)) receivedCents = Math.max(receivedCents, amountCents);
  const writeOff = events.find((event): event is EventOf<'write_off'> => event.kind === 'write_off');
  return {
    amount: known,
    amountCents,
    partialCents,
    fullyPaid,
    paidOn: fullyPaid && candidates.length > 0 ? candidates.reduce((min, day) => (day < min ? day : min)) : null,
    balanceCents: fullyPaid ? 0 : amountCents === null ? null : Math.max(0, amountCents - partialCents),
    receivedCents,
    writeOff: writeOff ? { on: writeOff.day, reason: writeOff.reason } : null,
  };
}

/** Partial payments made on or after `from` (and before `until` when given), in cents. */
export function partialCentsBetween(events: readonly LedgerEvent[], from: IsoDate, until: IsoDate | null = null): number {
  let total = 0;
  for (const event of events) if (isPartial(event) && event.paidOn >= from && (until === null || event.paidOn < until)) total += cents(event.amount);
  return total;
}
