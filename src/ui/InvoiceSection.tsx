/**
 * One invoice of the open thread: what Relance read (evidence, corrections before tracking), then
 * once tracked its state today, the client's reply turned into a proposal, the checklist before the
 * first reminder, the actions (draft, call, record, plan, formal notice, escalation, untrack) and
 * the logbook. Every write goes through the LedgerPort; mail content is rendered as text only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { addDays } from '../core/dates';
import type { ChasingTone } from '../core/chasing/next-actions';
import type { ChasingStep } from '../core/chasing/steps';
import { changedFields, type ThreadInvoice } from '../core/thread-invoice';
import type { InvoiceFacts, IsoDate, Language } from '../core/model';
import type { FactCorrection, InvoiceRecord, PanelEntry, ReplyReading, ThreadRef } from '../protocol/messages';
import { CallForm } from './CallForm';
import { DraftChooser } from './DraftChooser';
import { FirstReminderChecklist, type ChecklistKey } from './FirstReminderChecklist';
import type { MessageKey, Translate } from './i18n';
import { CorrectionForm, InvoiceFields } from './InvoiceCard';
import { EscalationView, FormalNoticeView } from './LetterView';
import { PlanBuilder } from './PlanBuilder';
import type { LedgerPort } from './ports';
import { RecordForm, type RecordKind, type RecordValues } from './RecordForm';
import { proposalFor, ReplyProposal } from './ReplyProposal';
import { StatusBlock } from './StatusBlock';
import { Timeline } from './Timeline';

type View =
  | { name: 'main' }
  | { name: 'call' }
  | { name: 'record'; kind: RecordKind; values?: Partial<RecordValues> }
  | { name: 'plan' }
  | { name: 'draft'; step?: ChasingStep; title?: MessageKey }
  | { name: 'formal' }
  | { name: 'escalation' }
  | { name: 'untrack' }
  | { name: 'correct' };

interface Props {
  thread: ThreadRef;
  reading: Extract<ThreadInvoice, { kind: 'invoice' }>;
  record: InvoiceRecord | null;
  /** The client's newest reply when it concerns this invoice. */
  reply: ReplyReading | null;
  today: IsoDate;
  ledger: LedgerPort;
  t: Translate;
  language: Language;
  /** Several invoices in the thread: each card is titled by its number. */
  titled: boolean;
}

function factsOf(invoice: InvoiceRecord['invoice']): InvoiceFacts {
  return {
    invoiceNumber: invoice.invoiceNumber,
    amount: invoice.amount,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    terms: invoice.terms,
    client: { email: invoice.clientEmail, name: invoice.clientName },
    language: invoice.language,
    messageId: invoice.messageId,
    subject: invoice.subject,
  };
}

/** The facts that differ, as the ledger's correctable fields. */
function factChanges(before: InvoiceFacts, after: InvoiceFacts): FactCorrection[] {
  const changes: FactCorrection[] = [];
  const put = (field: FactCorrection['field'], from: string | number | null, to: string | number | null) => {
    if (from !== to) changes.push({ field, value: to });
  };
  put('invoiceNumber', before.invoiceNumber, after.invoiceNumber);
  put('amount', before.amount, after.amount);
  put('currency', before.currency, after.currency);
  put('issueDate', before.issueDate, after.issueDate);
  put('dueDate', before.dueDate, after.dueDate);
  put('clientEmail', before.client.email, after.client.email);
  put('clientName', before.client.name, after.client.name);
  return changes;
}

function localTime(): string {
  const now = new Date();
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

export function InvoiceSection({ thread, reading, record, reply, today, ledger, t, language, titled }: Props) {
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [corrections, setCorrections] = useState<InvoiceFacts | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [view, setView] = useState<View>({ name: 'main' });
  const [checked, setChecked] = useState<Set<ChecklistKey>>(new Set());
  const [dismissed, setDismissed] = useState(false);
  const card = useRef<HTMLElement>(null);
  // Keyboard users come back to the button that opened a view when it closes.
  const opener = useRef<string | null>(null);
  const openView = (next: View, from: string) => {
    opener.current = from;
    setView(next);
  };
  useEffect(() => {
    if (view.name !== 'main' || opener.current === null) return;
    card.current?.querySelector<HTMLElement>(`[data-testid="${opener.current}"]`)?.focus();
    opener.current = null;
  }, [view.name]);

  const read = reading.facts;
  const shown = record ? factsOf(record.invoice) : (corrections ?? read);

  const run = async (action: () => Promise<string>, after: View = { name: 'main' }) => {
    setBusy(true);
    setNotice(null);
    try {
      const text = await action();
      setView(after);
      // An empty message: the card itself shows the outcome (tracking shows "Invoice tracked").
      if (text) setNotice({ kind: 'ok', text });
    } catch (error) {
      setNotice({ kind: 'error', text: t('actionFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };
  const log = (entries: PanelEntry[], after: View = { name: 'main' }) =>
    record &&
    run(async () => {
      for (const entry of entries) await ledger.log(record.invoice.id, entry);
      return t('entrySaved');
    }, after);
  const draft = (step?: ChasingStep, tone?: ChasingTone | null) =>
    record &&
    run(async () => {
      await ledger.draftReminder(record.invoice.id, step ? { step, ...(tone ? { tone } : {}) } : undefined);
      return t('draftReady');
    });

  const title = titled ? <h2 class="invoice-title">{t('invoiceTitle', { number: shown.invoiceNumber })}</h2> : null;
  const noticeLine = notice && (
    <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      {notice.text}
    </p>
  );

  if (editing && !record) {
    return (
      <article class="invoice" data-testid="invoice-card" data-invoice={shown.invoiceNumber}>
        {title}
        <CorrectionForm
          facts={shown}
          t={t}
          onCancel={() => setEditing(false)}
          onSave={(facts) => {
            setCorrections(facts);
            setEditing(false);
          }}
        />
      </article>
    );
  }

  const fields = <InvoiceFields facts={shown} evidence={reading.evidence} corrected={changedFields(read, shown)} today={today} t={t} language={language} />;
  if (!record) {
    return (
      <article class="invoice" data-testid="invoice-card" data-invoice={shown.invoiceNumber}>
        {title}
        {fields}
        <div class="actions">
          <button type="button" class="primary" data-testid="track-button" disabled={busy} onClick={() => run(async () => (await ledger.track(shown, thread), ''))}>
            {busy ? t('tracking') : t('track')}
          </button>
          <button type="button" class="secondary" data-testid="correct-button" disabled={busy} onClick={() => setEditing(true)}>
            {t('correct')}
          </button>
        </div>
        {noticeLine}
      </article>
    );
  }

  const state = record.state ?? null;
  const open = state ? state.status !== 'paid' && state.status !== 'written_off' : true;
  const needsChecklist = state !== null && open && state.beforeFirstReminder;
  const disputed = state?.dispute != null;
  const proposal = reply && state && !dismissed ? proposalFor(reply, state, today) : null;
  const otherThread = record.invoice.threadId !== thread.threadId;
  const draftStep = state?.draftStep ?? 'pre_reminder';
  const warnings: Partial<Record<ChecklistKey, string>> = {};
  if (reply?.kind === 'paid') warnings.checkNoPayment = t('warnReplyPaid');
  if (reply?.kind === 'dispute') warnings.checkNoComplaint = t('warnReplyDispute');

  // Shown with the Draft button and the step chooser before the first reminder. It advises, it does
  // not block: the user stays in charge (and the Draft button works the same in every host).
  const checklist = needsChecklist && !disputed && (view.name === 'main' || view.name === 'draft') && (
    <FirstReminderChecklist
      checked={checked}
      warnings={warnings}
      t={t}
      onToggle={(key) => {
        const next = new Set(checked);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        setChecked(next);
      }}
    />
  );

  let body;
  switch (view.name) {
    case 'call':
      body = <CallForm invoiceId={record.invoice.id} clientName={record.invoice.clientName ?? ''} today={today} now={localTime()} ledger={ledger} t={t} onSave={(entry) => log([entry])} onCancel={() => setView({ name: 'main' })} />;
      break;
    case 'record':
      body = (
        <RecordForm
          initialKind={view.kind}
          {...(view.values ? { initial: view.values } : {})}
          today={today}
          unavailable={new Set<RecordKind>(disputed ? ['dispute_opened'] : ['dispute_resolved'])}
          t={t}
          onSave={(entry) => log([entry])}
          onCancel={() => setView({ name: 'main' })}
        />
      );
      break;
    case 'plan':
      body =
        state && state.outstanding !== null && state.outstanding > 0 && state.currency ? (
          <PlanBuilder outstanding={state.outstanding} currency={state.currency} today={today} t={t} language={language} onSave={(entry) => log([entry], { name: 'draft', step: 'call_follow_up', title: 'planConfirmationTitle' })} onCancel={() => setView({ name: 'main' })} />
        ) : (
          <p class="notice error" role="alert">{t('planNeedsAmount')}</p>
        );
      break;
    case 'draft':
      body = (
        <DraftChooser
          invoiceId={record.invoice.id}
          initialStep={view.step ?? draftStep}
          initialTone={view.step ? null : (state?.draftTone ?? null)}
          title={t(view.title ?? 'chooseDraftTitle')}
          ledger={ledger}
          busy={busy}
          t={t}
          onInsert={(step, tone) => draft(step, tone)}
          onCancel={() => setView({ name: 'main' })}
        />
      );
      break;
    case 'formal':
      body = (
        <FormalNoticeView
          invoiceId={record.invoice.id}
          ledger={ledger}
          t={t}
          onInsert={() => draft('formal_notice')}
          onRecordSent={(trackingNumber) =>
            log([
              { kind: 'letter', registered: true, step: 'formal_notice', ...(trackingNumber ? { trackingNumber } : {}) },
              { kind: 'formal_notice', sentOn: today, deadline: addDays(today, 8) },
            ])
          }
          onCancel={() => setView({ name: 'main' })}
        />
      );
      break;
    case 'escalation':
      body = <EscalationView invoiceId={record.invoice.id} ledger={ledger} t={t} onCancel={() => setView({ name: 'main' })} />;
      break;
    case 'correct':
      body = (
        <CorrectionForm
          facts={shown}
          t={t}
          onCancel={() => setView({ name: 'main' })}
          onSave={(facts) => {
            const changes = factChanges(shown, facts);
            if (changes.length === 0) setView({ name: 'main' });
            else void run(async () => (await ledger.correct(record.invoice.id, changes), t('entrySaved')));
          }}
        />
      );
      break;
    case 'untrack':
      body = (
        <section class="view" role="alertdialog" aria-label={t('untrackTitle')} data-testid="untrack-confirm">
          <p>{t('untrackQuestion', { number: record.invoice.invoiceNumber })}</p>
          <div class="actions">
            <button type="button" class="danger" data-testid="confirm-untrack" disabled={busy} ref={(el) => el?.focus()} onClick={() => run(async () => (await ledger.untrack(record.invoice.id), t('untracked')))}>
              {t('untrack')}
            </button>
            <button type="button" class="secondary" onClick={() => setView({ name: 'main' })}>{t('cancel')}</button>
          </div>
        </section>
      );
      break;
    default:
      body = (
        <>
          {open && !disputed && (
            <div class="actions">
              <button type="button" class="primary" data-testid="draft-button" disabled={busy} onClick={() => draft()}>
                {busy ? t('drafting') : t('draftReminder', { step: t(`step_${draftStep}` as MessageKey) })}
              </button>
              <button type="button" class="secondary" data-testid="choose-draft" disabled={busy} onClick={() => openView({ name: 'draft' }, 'choose-draft')}>{t('otherStepOrTone')}</button>
            </div>
          )}
          {disputed && <p class="muted" data-testid="dispute-hint">{t('disputeNoDraft')}</p>}
          <nav class="toolbar" aria-label={t('actionsLabel')}>
            {open && <button type="button" class="tool" data-testid="open-call" onClick={() => openView({ name: 'call' }, 'open-call')}>{t('logCall')}</button>}
            <button type="button" class="tool" data-testid="open-record" onClick={() => openView({ name: 'record', kind: disputed ? 'dispute_resolved' : 'promise' }, 'open-record')}>{t('recordSomething')}</button>
            {open && <button type="button" class="tool" data-testid="open-plan" onClick={() => openView({ name: 'plan' }, 'open-plan')}>{t('paymentPlan')}</button>}
            {open && <button type="button" class="tool" data-testid="open-formal-notice" onClick={() => openView({ name: 'formal' }, 'open-formal-notice')}>{t('formalNotice')}</button>}
            {open && <button type="button" class="tool" data-testid="open-escalation" onClick={() => openView({ name: 'escalation' }, 'open-escalation')}>{t('escalation')}</button>}
            <button type="button" class="tool" data-testid="open-correct" onClick={() => openView({ name: 'correct' }, 'open-correct')}>{t('correct')}</button>
            <button type="button" class="tool" data-testid="open-untrack" onClick={() => openView({ name: 'untrack' }, 'open-untrack')}>{t('untrack')}</button>
          </nav>
        </>
      );
  }

  return (
    <article class="invoice" data-testid="invoice-card" data-invoice={shown.invoiceNumber} ref={card}>
      {title}
      {fields}
      <p class="status" data-testid="tracked-status">
        {t('tracked')}
        {otherThread ? ` ${t('trackedElsewhere')}` : ''}
      </p>
      {state && <StatusBlock state={state} t={t} language={language} />}
      {proposal && reply && view.name === 'main' && (
        <ReplyProposal
          reply={reply}
          proposal={proposal}
          currency={record.invoice.currency}
          busy={busy}
          t={t}
          language={language}
          onRecord={(entry) => log([entry])}
          onEdit={(form) => setView({ name: 'record', kind: form.kind, values: form.values })}
          onPlan={() => setView({ name: 'plan' })}
          onDismiss={() => setDismissed(true)}
        />
      )}
      {checklist}
      {body}
      {noticeLine}
      <Timeline logbook={record.logbook} clientTimeline={record.clientTimeline ?? []} currency={record.invoice.currency} t={t} language={language} />
    </article>
  );
}
