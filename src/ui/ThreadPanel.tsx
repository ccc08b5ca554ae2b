/**
 * The panel beside an open thread: what Relance read, whether it is tracked, and the next action.
 * All mail content is rendered as text (Preact escapes it); nothing from a mail is ever HTML here.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, formatMoney } from '../core/format';
import { chooseReminderStep, daysPastDue } from '../core/ladder';
import type { InvoiceFacts, IsoDate, Language, ThreadSnapshot } from '../core/model';
import { readInvoice } from '../core/reader';
import type { InvoiceRecord, ThreadRef } from '../protocol/messages';
import { trackedInvoiceId } from '../core/invoice-id';
import type { Translate } from './i18n';
import type { LedgerPort } from './ports';
import { Logbook } from './Logbook';

interface Props {
  snapshot: ThreadSnapshot;
  today: IsoDate;
  ledger: LedgerPort;
  t: Translate;
  language: Language;
}

type Busy = 'tracking' | 'drafting' | null;

export function ThreadPanel({ snapshot, today, ledger, t, language }: Props) {
  const outcome = useMemo(() => readInvoice(snapshot, { ownAddresses: snapshot.account ? [snapshot.account] : [] }), [snapshot]);
  const thread: ThreadRef = { host: snapshot.host, account: snapshot.account, threadId: snapshot.threadId };
  const [records, setRecords] = useState<InvoiceRecord[]>([]);
  const [busy, setBusy] = useState<Busy>(null);
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

  if (outcome.kind === 'none') {
    // Gmail collapses older messages, often the invoice itself: say how to let Relance read it
    // rather than "no invoice" (the content script re-reads the thread when a message expands).
    const ownCollapsed = snapshot.messages.some((m) => m.collapsed && m.from !== null && m.from.email === snapshot.account);
    const text = outcome.reason === 'no_readable_message' || ownCollapsed ? t('noReadableMessage') : t('noInvoice');
    return <p class="panel-message" data-testid="panel-message">{text}</p>;
  }

  const facts = outcome.facts;
  const id = trackedInvoiceId(thread.host, thread.account, thread.threadId, facts.invoiceNumber);
  const record = records.find((r) => r.invoice.id === id) ?? null;

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

  const step = chooseReminderStep(facts.dueDate, today);

  return (
    <section class="invoice" data-testid="invoice-card">
      <InvoiceFields facts={facts} today={today} t={t} language={language} />
      {record ? (
        <>
          <p class="status" data-testid="tracked-status">{t('tracked')}</p>
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
            {busy === 'drafting' ? t('drafting') : t('draftReminder', { step: t(`step_${step}`) })}
          </button>
        </>
      ) : (
        <button
          type="button"
          class="primary"
          data-testid="track-button"
          disabled={busy !== null}
          onClick={() =>
            run('tracking', async () => {
              await ledger.track(facts, thread);
              return t('tracked');
            })
          }
        >
          {busy === 'tracking' ? t('tracking') : t('track')}
        </button>
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

function InvoiceFields({ facts, today, t, language }: { facts: InvoiceFacts; today: IsoDate; t: Translate; language: Language }) {
  const clientLabel = facts.client.name ? `${facts.client.name} <${facts.client.email}>` : facts.client.email;
  return (
    <dl class="fields">
      <dt>{t('fieldClient')}</dt>
      <dd data-testid="field-client">{clientLabel}</dd>
      <dt>{t('fieldInvoice')}</dt>
      <dd data-testid="field-invoice-number">{facts.invoiceNumber}</dd>
      <dt>{t('fieldAmount')}</dt>
      <dd data-testid="field-amount">
        {facts.amount !== null && facts.currency ? formatMoney(facts.amount, facts.currency, language) : t('unknown')}
      </dd>
      <dt>{t('fieldDueDate')}</dt>
      <dd data-testid="field-due-date" data-iso={facts.dueDate ?? ''}>
        {facts.dueDate ? formatDate(facts.dueDate, language, 'long') : t('unknown')}
      </dd>
      <dt>{t('fieldStatus')}</dt>
      <dd data-testid="field-due-status" data-days-past-due={String(daysPastDue(facts.dueDate, today) ?? '')}>
        {dueStatus(daysPastDue(facts.dueDate, today), t)}
      </dd>
    </dl>
  );
}

function dueStatus(days: number | null, t: Translate): string {
  if (days === null) return t('noDueDate');
  if (days === 0) return t('dueToday');
  if (days === -1) return t('dueInOneDay');
  if (days < 0) return t('dueInDays', { n: -days });
  if (days === 1) return t('pastDueOneDay');
  return t('pastDueDays', { n: days });
}
