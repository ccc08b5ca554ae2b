/**
 * The extension's draft for a tracked invoice: the step's template rendered from what the ledger
 * knows (one invoice, the client's name and address), as a reply in the invoice's thread. The host
 * adapter puts it in the compose window; the user reads and sends it, so it must read well with any
 * fact missing. A thin adapter over `renderDraft`, which takes the full context (sender, claim,
 * several invoices…).
 */
import type { IsoDate, ReminderDraft, ReminderStep, TrackedInvoice } from '../model';
import type { ChasingTone } from '../chasing/next-actions';
import type { ClientKind, DraftCause } from './context';
import { renderDraft } from './render-draft';
import { templateKey, type TemplateOverrides } from './user-templates';

export interface ReminderDraftInput {
  invoice: Pick<TrackedInvoice, 'invoiceNumber' | 'amount' | 'currency' | 'issueDate' | 'dueDate' | 'clientEmail' | 'clientName' | 'language' | 'subject'>;
  step: ReminderStep;
  /** Decides the tense of the due date ("arrive à échéance le…" / "arrivée à échéance le…"). */
  today: IsoDate;
  senderName?: string | null;
  /** Default: a business, the usual client of a freelancer. */
  clientKind?: ClientKind;
  /** The user's edited templates. */
  overrides?: TemplateOverrides;
  /** The ladder's tone for the action (`ChasingAction.tone`); default the step's usual tone. */
  tone?: ChasingTone | null;
  /** Why the invoice is not paid, when known; `dispute` gives no draft (this function throws). */
  cause?: DraftCause | null;
  /** The ladder's advice codes (`ChasingPlan.advice`). */
  advice?: readonly string[] | null;
}

/**
 * Throws when an edited template does not compile (the message lists the errors), or when the
 * invoice is disputed (cause `dispute`): never a broken draft, never a reminder during a dispute.
 */
export function renderReminderDraft({ invoice, step, today, senderName, clientKind, overrides, tone, cause, advice }: ReminderDraftInput): ReminderDraft {
  const result = renderDraft(
    {
      step,
      language: invoice.language,
      today,
      invoices: [{ number: invoice.invoiceNumber, amount: invoice.amount, currency: invoice.currency, issueDate: invoice.issueDate, dueDate: invoice.dueDate }],
      client: { kind: clientKind ?? 'business', contactName: invoice.clientName, email: invoice.clientEmail },
      sender: { name: senderName ?? null },
      threadSubject: invoice.subject,
      ...(tone ? { tone } : {}),
      ...(cause ? { cause } : {}),
      ...(advice ? { advice } : {}),
    },
    overrides ? { overrides } : {},
  );
  if (!result.ok && result.reason === 'disputed') throw new Error('disputed invoice: no reminder is drafted while a dispute is open (resolve_dispute_first)');
  if (!result.ok) throw new Error(`edited template error: ${result.errors.map((error) => `${templateKey(error)} ${error.message}`).join('; ')}`);
  const { draft } = result;
  return {
    step,
    language: draft.language,
    to: [invoice.clientEmail],
    subject: draft.replySubject ?? draft.subject,
    bodyText: draft.bodyText,
  };
}
