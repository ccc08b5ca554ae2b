/**
 * The panel beside an open thread: what Relance read (and from which words), corrections before
 * tracking, whether it is tracked, and the next action. Mail content is rendered as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import { trackedInvoiceId } from '../core/invoice-id';
import { changedFields, type ThreadInvoice } from '../core/thread-invoice';
import { planForTrackedInvoice, stepToDraft } from '../core/chasing/tracked-invoice-plan';
import type { InvoiceFacts, IsoDate, Language, ThreadSnapshot, TrackedInvoice } from '../core/model';
import type { InvoiceRecord, ThreadRef } from '../protocol/messages';
import type { Translate } from './i18n';
import { CorrectionForm, InvoiceFields } from './InvoiceCard';
import { Logbook } from './Logbook';
import { NextAction } from './NextAction';
import type { LedgerPort } from './ports';

interface Props {
  snapshot: ThreadSnapshot;
  /** The detection engine's reading of the thread (made by the host: the worker, or the task pane). */
  reading: ThreadInvoice;
  today: IsoDate;
  ledger: LedgerPort;
  t: Translate;
  language: Language;
}

type Busy = 'tracking' | 'drafting' | null;

function factsOf(invoice: TrackedInvoice): InvoiceFacts {
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

export function ThreadPanel({ snapshot, reading, today, ledger, t, language }: Props) {
  const thread: ThreadRef = { host: snapshot.host, account: snapshot.account, threadId: snapshot.threadId };
  const [records, setRecords] = useState<InvoiceRecord[]>([]);
  const [busy, setBusy] = useState<Busy>(null);
  const [editing, setEditing] = useState(false);
  const [corrections, setCorrections] = useState<InvoiceFacts | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => ledger.forThread(thread).then((r) => live && setRecords(r), () => undefined);
    load();
    const unsubscribe = ledger.subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [snapshot.host, snapshot.account, snapshot.threadId]);

  if (reading.kind === 'none') {
    // Gmail collapses older messages, often the invoice itself: say how to let Relance read it
    // rather than "no invoice" (the content script re-reads the thread when a message expands).
    const ownCollapsed = snapshot.messages.some((m) => m.collapsed && m.from !== null && m.from.email === snapshot.account);
    const text = reading.reason === 'no_readable_message' || ownCollapsed ? t('noReadableMessage') : t('noInvoice');
    return <p class="panel-message" data-testid="panel-message">{text}</p>;
  }

  const read = reading.facts;
  const record =
    records.find((r) => r.invoice.id === trackedInvoiceId(thread.host, thread.account, thread.threadId, read.invoiceNumber)) ??
    records.find((r) => r.invoice.messageId !== null && r.invoice.messageId === read.messageId) ??
    null;
  const shown = record ? factsOf(record.invoice) : (corrections ?? read);

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<string>) => {
    setBusy(kind);
    setNotice(null);
    try {
      setNotice({ kind: 'ok', text: await action() });
    } catch (error) {
      setNotice({ kind: 'error', text: t('actionFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(null);
    }
  };

  if (editing && !record) {
    return (
      <section class="invoice" data-testid="invoice-card">
        <CorrectionForm
          facts={shown}
          t={t}
          onCancel={() => setEditing(false)}
          onSave={(facts) => {
            setCorrections(facts);
            setEditing(false);
          }}
        />
      </section>
    );
  }

  // The same plan and step as the worker's (core/chasing/tracked-invoice-plan.ts).
  const plan = record ? planForTrackedInvoice(record.invoice, record.logbook, today) : null;
  const step = plan && record ? stepToDraft(plan, record.invoice.dueDate, today, record.logbook) : null;
  return (
    <section class="invoice" data-testid="invoice-card">
      <InvoiceFields facts={shown} evidence={reading.evidence} corrected={changedFields(read, shown)} today={today} t={t} language={language} />
      {record ? (
        <>
          <p class="status" data-testid="tracked-status">{t('tracked')}</p>
          {plan && <NextAction plan={plan} t={t} language={language} />}
          <button
            type="button"
            class="primary"
            data-testid="draft-button"
            disabled={busy !== null}
            onClick={() =>
              run('drafting', async () => {
                await ledger.draftReminder(record.invoice.id);
                return t('draftReady');
              })
            }
          >
            {busy === 'drafting' ? t('drafting') : t('draftReminder', { step: t(`step_${step ?? 'pre_reminder'}`) })}
          </button>
        </>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="primary"
            data-testid="track-button"
            disabled={busy !== null}
            onClick={() =>
              run('tracking', async () => {
                await ledger.track(shown, thread);
                return t('tracked');
              })
            }
          >
            {busy === 'tracking' ? t('tracking') : t('track')}
          </button>
          <button type="button" class="secondary" data-testid="correct-button" disabled={busy !== null} onClick={() => setEditing(true)}>
            {t('correct')}
          </button>
        </div>
      )}
      {notice && (
        <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.text}
        </p>
      )}
      {record && <Logbook events={record.events} t={t} language={language} />}
    </section>
  );
}
