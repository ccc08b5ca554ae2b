/**
 * The panel beside an open thread: one card per invoice the user sent in it (usually one), each
 * with what Relance read and, once tracked, its state and actions. An invoice tracked from another
 * thread (a reminder thread, a forward) is found by its number and client. Mail content is text only.
 */
import { useEffect, useState } from 'preact/hooks';
import { sameInvoiceNumber, trackedInvoiceId } from '../core/invoice-id';
import type { ThreadInvoice } from '../core/thread-invoice';
import type { IsoDate, Language, ThreadSnapshot } from '../core/model';
import type { InvoiceRecord, ReplyReading, ThreadRef } from '../protocol/messages';
import type { Translate } from './i18n';
import { InvoiceSection } from './InvoiceSection';
import type { LedgerPort } from './ports';

interface Props {
  snapshot: ThreadSnapshot;
  /** The detection engine's reading of the thread (made by the host: the worker, or the task pane). */
  reading: ThreadInvoice;
  /** More invoices sent in the same thread. */
  others?: ThreadInvoice[] | undefined;
  /** The client's newest reply, when it reads as a payment, dispute, promise or plan request. */
  reply?: ReplyReading | null | undefined;
  today: IsoDate;
  ledger: LedgerPort;
  t: Translate;
  language: Language;
}

type Invoice = Extract<ThreadInvoice, { kind: 'invoice' }>;

function recordFor(reading: Invoice, records: readonly InvoiceRecord[], thread: ThreadRef): InvoiceRecord | null {
  const read = reading.facts;
  return (
    records.find((r) => r.invoice.id === trackedInvoiceId(thread.host, thread.account, thread.threadId, read.invoiceNumber)) ??
    records.find((r) => r.invoice.threadId === thread.threadId && r.invoice.messageId !== null && r.invoice.messageId === read.messageId) ??
    records.find((r) => sameInvoiceNumber(r.invoice.invoiceNumber, read.invoiceNumber) && r.invoice.clientEmail === read.client.email) ??
    null
  );
}

export function ThreadPanel({ snapshot, reading, others, reply, today, ledger, t, language }: Props) {
  const thread: ThreadRef = { host: snapshot.host, account: snapshot.account, threadId: snapshot.threadId };
  const [records, setRecords] = useState<InvoiceRecord[]>([]);
  const invoices = [reading, ...(others ?? [])].filter((r): r is Invoice => r.kind === 'invoice');
  const keys = invoices.map((r) => ({ invoiceNumber: r.facts.invoiceNumber, clientEmail: r.facts.client.email }));
  const keyText = JSON.stringify(keys);

  useEffect(() => {
    let live = true;
    const load = () => ledger.forThread(thread, keys).then((r) => live && setRecords(r), () => undefined);
    load();
    const unsubscribe = ledger.subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [snapshot.host, snapshot.account, snapshot.threadId, keyText]);

  if (reading.kind === 'none') {
    // Gmail collapses older messages, often the invoice itself: say how to let Relance read it
    // rather than "no invoice" (the content script re-reads the thread when a message expands).
    const ownCollapsed = snapshot.messages.some((m) => m.collapsed && m.from !== null && m.from.email === snapshot.account);
    const text = reading.reason === 'no_readable_message' || ownCollapsed ? t('noReadableMessage') : t('noInvoice');
    return <p class="panel-message" data-testid="panel-message">{text}</p>;
  }

  // The reply concerns the invoices it names, else the only (or first) one.
  const replyFor = (invoice: Invoice, index: number): ReplyReading | null => {
    if (!reply) return null;
    if (reply.invoiceNumbers.length > 0) return reply.invoiceNumbers.some((number) => sameInvoiceNumber(number, invoice.facts.invoiceNumber)) ? reply : null;
    return index === 0 ? reply : null;
  };

  return (
    <>
      {invoices.length > 1 && <p class="panel-message" data-testid="several-invoices">{t('severalInvoices', { n: invoices.length })}</p>}
      {invoices.map((invoice, index) => (
        <InvoiceSection
          key={invoice.facts.invoiceNumber}
          thread={thread}
          reading={invoice}
          record={recordFor(invoice, records, thread)}
          reply={replyFor(invoice, index)}
          today={today}
          ledger={ledger}
          t={t}
          language={language}
          titled={invoices.length > 1}
        />
      ))}
    </>
  );
}
