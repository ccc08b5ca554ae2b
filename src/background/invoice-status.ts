/**
 * An invoice's state as the panel shows it: `deriveInvoiceState` (the ledger's rules, with the
 * user's settings and the client's profile) reduced to serialisable facts, and the step the Draft
 * button writes. Interest with an unpublished reference rate stays `rate_unknown`: never a guess.
 */
import { stepToDraft, writtenActionToDraft } from '../core/chasing/tracked-invoice-plan';
import { deriveLeniently, type Client, type InvoiceState, type LedgerEvent, type LedgerInvoice, type LedgerSettings, type PenaltyState } from '../core/ledger';
import type { IsoDate } from '../core/model';
import type { InvoiceStatusView, PenaltyView } from '../protocol/messages';

function penaltyView(penalty: PenaltyState): PenaltyView {
  switch (penalty.kind) {
    case 'computed':
      return { kind: 'computed', asOf: penalty.asOf, currency: penalty.currency, interest: penalty.interest, indemnity: penalty.fixedIndemnity, total: penalty.total };
    case 'rate_unknown':
      return { kind: 'rate_unknown', table: penalty.table, period: penalty.period };
    case 'not_computed':
      return { kind: 'not_computed', reason: penalty.reason };
    case 'error':
      return { kind: 'error', message: penalty.error.message };
  }
}

export function statusView(state: InvoiceState, invoice: Pick<LedgerInvoice, 'dueDate'>, logbook: readonly LedgerEvent[]): InvoiceStatusView {
  const plan = state.ladder;
  const draftStep = stepToDraft(plan, invoice.dueDate, state.today, logbook);
  const planned = writtenActionToDraft(plan);
  return {
    today: state.today,
    status: state.status,
    daysPastDue: state.daysPastDue,
    outstanding: state.outstanding,
    received: state.received,
    currency: state.currency,
    penalty: penaltyView(state.penalty),
    currentStep: state.currentStep,
    plan,
    draftStep,
    draftTone: planned?.step === draftStep ? planned.tone : null,
    beforeFirstReminder: !logbook.some((event) => event.kind === 'reminder_drafted' || event.kind === 'reminder_sent' || event.kind === 'letter' || event.kind === 'formal_notice'),
    dispute: state.dispute,
    promise: state.promise ? { promisedDate: state.promise.promisedDate, amount: state.promise.amount, state: state.promise.state } : null,
    paymentPlan: state.paymentPlan ? { agreedOn: state.paymentPlan.agreedOn, instalments: state.paymentPlan.instalments } : null,
    formalNotice: state.formalNotice ? { sentOn: state.formalNotice.sentOn, deadline: state.formalNotice.deadline } : null,
  };
}

/** The state, or null when the settings cannot be read into a ladder (the panel then shows the facts only). */
export function deriveForPanel(invoice: LedgerInvoice, logbook: readonly LedgerEvent[], settings: LedgerSettings, client: Client | null, today: IsoDate): InvoiceState | null {
  try {
    // As the store's summaries do (summary.ts): a client override that does not combine with the
    // user's settings falls back to them, so the panel, the dashboard and the badge keep the invoice
    // the attention index counts.
    return deriveLeniently(invoice, logbook, settings, today, client);
  } catch {
    return null;
  }
}
