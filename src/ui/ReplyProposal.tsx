/**
 * The client's newest reply, as the detection engine read it ("paid", "dispute", "promise",
 * "plan request"), turned into the matching logbook entry, recorded in one click (or opened in
 * the form first). The reply's words are shown as text.
 */
import { formatDate, formatMoney } from '../core/format';
import type { IsoDate, Language } from '../core/model';
import type { InvoiceStatusView, PanelEntry, ReplyReading } from '../protocol/messages';
import type { RecordKind, RecordValues } from './RecordForm';
import type { Translate } from './i18n';

export type Proposal =
  | { kind: 'entry'; entry: PanelEntry; form: { kind: RecordKind; values: Partial<RecordValues> } }
  | { kind: 'form'; form: { kind: RecordKind; values: Partial<RecordValues> } }
  | { kind: 'plan' };

/** The entry a reply proposes, or null when the logbook already says it (paid, disputed, promised, on a plan). */
export function proposalFor(reply: ReplyReading, state: InvoiceStatusView, today: IsoDate): Proposal | null {
  const replyDay = reply.date && reply.date.slice(0, 10) <= today ? reply.date.slice(0, 10) : today;
  switch (reply.kind) {
    case 'paid': {
      if (state.status === 'paid') return null;
      const partial = reply.amount !== null && state.outstanding !== null && reply.amount < state.outstanding - 0.005;
      const amount = reply.amount === null ? '' : String(reply.amount);
      if (partial) return { kind: 'entry', entry: { kind: 'partial_payment', amount: reply.amount!, paidOn: replyDay }, form: { kind: 'partial_payment', values: { date: replyDay, amount } } };
      return { kind: 'entry', entry: { kind: 'payment', paidOn: replyDay, ...(reply.amount !== null ? { amount: reply.amount } : {}) }, form: { kind: 'payment', values: { date: replyDay, amount } } };
    }
    case 'dispute':
      if (state.dispute) return null;
      return { kind: 'entry', entry: { kind: 'dispute_opened', reason: reply.excerpt }, form: { kind: 'dispute_opened', values: { text: reply.excerpt } } };
    case 'promise': {
      if (state.promise?.state === 'pending' && (reply.promisedDate === null || state.promise.promisedDate === reply.promisedDate)) return null;
      const values = { date: reply.promisedDate ?? '', amount: reply.amount === null ? '' : String(reply.amount) };
      if (reply.promisedDate === null || reply.promisedDate < today) return { kind: 'form', form: { kind: 'promise', values } };
      return { kind: 'entry', entry: { kind: 'promise', promisedDate: reply.promisedDate, ...(reply.amount !== null ? { amount: reply.amount } : {}) }, form: { kind: 'promise', values } };
    }
    case 'plan_request':
      return state.paymentPlan ? null : { kind: 'plan' };
  }
}

interface Props {
  reply: ReplyReading;
  proposal: Proposal;
  currency: string | null;
  busy: boolean;
  t: Translate;
  language: Language;
  onRecord(entry: PanelEntry): void;
  onEdit(form: { kind: RecordKind; values: Partial<RecordValues> }): void;
  onPlan(): void;
  onDismiss(): void;
}

export function ReplyProposal({ reply, proposal, currency, busy, t, language, onRecord, onEdit, onPlan, onDismiss }: Props) {
  const amount = reply.amount !== null && currency ? formatMoney(reply.amount, currency, language) : null;
  const headline =
    reply.kind === 'paid'
      ? amount ? t('replyPaidAmount', { amount }) : t('replyPaid')
      : reply.kind === 'dispute'
        ? t('replyDispute')
        : reply.kind === 'promise'
          ? reply.promisedDate ? t('replyPromiseOn', { date: formatDate(reply.promisedDate, language, 'long') }) : t('replyPromise')
          : t('replyPlanRequest');
  const action =
    proposal.kind === 'plan'
      ? t('proposePlan')
      : proposal.kind === 'form'
        ? t('proposeOpenForm')
        : proposal.entry.kind === 'payment'
          ? t('proposePayment')
          : proposal.entry.kind === 'partial_payment'
            ? t('proposePartial')
            : proposal.entry.kind === 'dispute_opened'
              ? t('proposeDispute')
              : t('proposePromise');
  return (
    <aside class="proposal" aria-label={t('replyTitle')} data-testid="reply-proposal" data-kind={reply.kind}>
      <h2 class="section-title">{t('replyTitle')}</h2>
      <p>{headline}</p>
      <blockquote class="reply-excerpt" data-testid="reply-excerpt">{reply.excerpt}</blockquote>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="accept-proposal"
          disabled={busy}
          onClick={() => (proposal.kind === 'plan' ? onPlan() : proposal.kind === 'form' ? onEdit(proposal.form) : onRecord(proposal.entry))}
        >
          {action}
        </button>
        {proposal.kind === 'entry' && (
          <button type="button" class="secondary" data-testid="edit-proposal" disabled={busy} onClick={() => onEdit(proposal.form)}>{t('editFirst')}</button>
        )}
        <button type="button" class="secondary" data-testid="dismiss-proposal" onClick={onDismiss}>{t('dismiss')}</button>
      </div>
    </aside>
  );
}
