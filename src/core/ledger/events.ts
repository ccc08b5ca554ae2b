/**
 * The logbook's vocabulary: every chasing action and every fact about an invoice's payment, as an
 * append-only list of events (issue 5 "Model"). An invoice's status, outstanding amount and next
 * action are derived from these events, never stored beside them.
 *
 * Amounts are in the invoice's currency units (e.g. 1234.56), as the user typed or the engine read
 * them; calculators convert to cents themselves. Dates are local calendar days (`IsoDate`).
 */
import type { ChasingStep } from '../chasing/steps';
import type { IsoDate } from '../model';

interface EventBase {
  /** Storage key, assigned by the store. */
  id?: number;
  invoiceId: string;
  /** ISO 8601 instant when the event was recorded. */
  at: string;
  /** The local calendar day the event counts for (the injected `today` when recorded). */
  day: IsoDate;
  /** Free text the user added. */
  note?: string;
  /**
   * Evidence chain (hash-chain.ts): the event's position in its invoice's chain (0, 1, 2…, in the
   * order the events were appended), the previous event's hash (the genesis hash for seq 0) and
   * this event's hash. Absent on events not chained yet (the skeleton's v1 records).
   */
  seq?: number;
  prevHash?: string;
  hash?: string;
}

/**
 * The invoice's facts as they were when it was detected or tracked: with the `correction` events
 * after it, the chain then covers the invoice's figures too (model.ts `factsFromLogbook`).
 */
export type InvoiceFactsSnapshot = Partial<Record<CorrectableField, string | number | null>>;

/** The invoice fields a `correction` event may change (the user fixing what the engine read). */
export const CORRECTABLE_FIELDS = [
  'invoiceNumber',
  'amount',
  'amountExclTax',
  'taxAmount',
  'currency',
  'issueDate',
  'dueDate',
  'serviceDate',
  'terms',
  'clientEmail',
  'clientName',
  'language',
  'subject',
] as const;

export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export type CallOutcome = 'answered' | 'no_answer' | 'voicemail';

export interface PlanInstalment {
  dueDate: IsoDate;
  amount: number;
}

export type EscalationRoute = 'business_mediator' | 'injonction_de_payer' | 'refere_provision' | 'small_claims_procedure' | 'collection_agency';

export type LedgerEvent = EventBase &
  (
    | { kind: 'detected'; messageId?: string | null; facts?: InvoiceFactsSnapshot }
    | { kind: 'tracked'; facts?: InvoiceFactsSnapshot }
    | { kind: 'reminder_drafted'; step: ChasingStep }
    /** The reminder was seen in the sent mail (the product never sends anything itself). */
    | { kind: 'reminder_sent'; step: ChasingStep; messageId?: string | null }
    | {
        kind: 'call';
        /** Local date-time of the call, `YYYY-MM-DDTHH:mm`. */
        calledAt: string;
        who: string;
        phone?: string;
        outcome: CallOutcome;
        said?: string;
        promisedDate?: IsoDate;
        promisedAmount?: number;
        /** Practice: never hang up without agreeing the next call date. */
        nextCallDate: IsoDate;
      }
    | { kind: 'visit'; who: string; said?: string }
    | { kind: 'letter'; step?: ChasingStep; registered: boolean; trackingNumber?: string; acknowledgedOn?: IsoDate }
    | { kind: 'promise'; promisedDate: IsoDate; amount?: number }
    | { kind: 'partial_payment'; amount: number; paidOn: IsoDate }
    /** Paid in full (the amount is what was received, when known). */
    | { kind: 'payment'; paidOn: IsoDate; amount?: number }
    | { kind: 'dispute_opened'; reason: string }
    | { kind: 'dispute_resolved'; resolution: string }
    | { kind: 'payment_plan'; deposit?: PlanInstalment; instalments: PlanInstalment[] }
    /** The debtor acknowledged the debt in writing: interrupts prescription (C. civ. 2240). */
    | { kind: 'debt_acknowledged' }
    | { kind: 'formal_notice'; sentOn: IsoDate; deadline: IsoDate }
    | { kind: 'escalation'; route: EscalationRoute; filedOn: IsoDate }
    | { kind: 'write_off'; reason: string }
    | { kind: 'note'; text: string }
    | { kind: 'correction'; field: string; from: string | number | null; to: string | number | null }
  );

export type LedgerEventKind = LedgerEvent['kind'];

// Exhaustive by construction: a kind added to LedgerEvent does not compile until it is listed here.
const EVERY_KIND = {
  detected: true, tracked: true, reminder_drafted: true, reminder_sent: true, call: true, visit: true, letter: true, promise: true,
  partial_payment: true, payment: true, dispute_opened: true, dispute_resolved: true, payment_plan: true, debt_acknowledged: true,
  formal_notice: true, escalation: true, write_off: true, note: true, correction: true,
} as const satisfies Record<LedgerEventKind, true>;

/** Every event kind, in the logbook's usual order of appearance. */
export const LEDGER_EVENT_KINDS = Object.keys(EVERY_KIND) as LedgerEventKind[];

/** One event kind, narrowed: `EventOf<'call'>` has `nextCallDate`. */
export type EventOf<K extends LedgerEventKind> = Extract<LedgerEvent, { kind: K }>;
