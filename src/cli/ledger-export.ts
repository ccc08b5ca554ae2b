/**
 * `relance scan … --ledger OUT.json`: the receivables found in a mailbox export, grouped by invoice,
 * in a file the extension can import to bootstrap its ledger (format in src/cli/README.md).
 *
 * Only the compact facts of invoice-related messages are kept while scanning (a few hundred bytes
 * each), so memory stays small on a multi-GB mbox.
 */
import { rename, writeFile } from 'node:fs/promises';
import type { Detection, MessageKind } from '../core/detect/types';
import { scanNumberKey } from '../core/ledger/scan-merge';

export const LEDGER_FORMAT = 'relance-ledger-scan';
export const LEDGER_VERSION = 1;

/** The kinds that belong to a receivable's life. vendor_bill (money the user owes) and other_invoice_related are left out. */
const LEDGER_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(['invoice_sent', 'reminder', 'payment_notice', 'dispute', 'promise']);

export type StatusHint = 'paid' | 'disputed' | 'promised' | 'open';

export interface LedgerMessage {
  file: string;
  message_id: string | null;
  kind: MessageKind;
  /** The message's date (ISO 8601), or null when it had none. */
  date: string | null;
  amount: number | null;
}

export interface LedgerInvoice {
  invoice_number: string;
  amount: number | null;
  currency: string | null;
  issue_date: string | null;
  due_date: string | null;
  terms: string | null;
  counterparty: string | null;
  /** Oldest first (undated messages last, in scan order). */
  messages: LedgerMessage[];
  status_hint: StatusHint;
}

export interface LedgerFile {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  generated_at: string;
  me: string[];
  invoices: LedgerInvoice[];
}

interface Entry {
  order: number;
  file: string;
  messageId: string | null;
  date: string | null;
  detection: Pick<Detection, 'kind' | 'invoice_numbers' | 'amount' | 'currency' | 'issue_date' | 'due_date' | 'terms' | 'counterparty'>;
}

/** Mail providers shared by unrelated people: there, the counterparty is the whole address, not the domain. */
const SHARED_DOMAINS = /^(?:gmail\.com|googlemail\.com|outlook\.[a-z.]+|hotmail\.[a-z.]+|live\.[a-z.]+|msn\.com|yahoo\.[a-z.]+|ymail\.com|icloud\.com|me\.com|mac\.com|aol\.com|gmx\.[a-z.]+|web\.de|proton(?:mail)?\.(?:com|me|ch)|pm\.me|orange\.fr|wanadoo\.fr|free\.fr|sfr\.fr|laposte\.net|bbox\.fr|neuf\.fr|libero\.it|zoho\.com|mail\.com|yandex\.[a-z.]+|fastmail\.[a-z.]+)$/i;

/** Messages from one client company (billing@acme.fr, boss@acme.fr) belong to the same invoice. */
function partyKey(counterparty: string | null): string | null {
  if (!counterparty) return null;
  const email = counterparty.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at === -1) return email;
  const domain = email.slice(at + 1);
  return SHARED_DOMAINS.test(domain) ? email : domain;
}

/** Invoice numbers as written can differ in case and spacing ("F-2026-032", "f 2026-032"): one key, the merge's. */
export const numberKey = scanNumberKey;

const byDate = (a: Entry, b: Entry) => {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  return a.order - b.order;
};

function statusHint(entries: Entry[]): StatusHint {
  if (entries.some((e) => e.detection.kind === 'payment_notice')) return 'paid';
  // The latest of disputes and promises wins: a promise after a dispute means the dispute is settled.
  const latest = entries.filter((e) => e.detection.kind === 'dispute' || e.detection.kind === 'promise').at(-1);
  if (latest?.detection.kind === 'dispute') return 'disputed';
  if (latest?.detection.kind === 'promise') return 'promised';
  return 'open';
}

/** Messages in the order their facts are trusted: the invoice itself first, then the others by date. */
function trustOrder(entries: Entry[]): Entry[] {
  return [...entries.filter((e) => e.detection.kind === 'invoice_sent'), ...entries.filter((e) => e.detection.kind !== 'invoice_sent')];
}

/** First non-null value of a field, in trust order. */
function pick<K extends 'issue_date' | 'due_date' | 'terms' | 'counterparty'>(entries: Entry[], field: K): Entry['detection'][K] | null {
  for (const entry of trustOrder(entries)) {
    const value = entry.detection[field];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/**
 * The invoice's amount and its currency, from one and the same message: the invoice's total, else
 * the amount a reminder asks for. A payment notice's or a promise's amount may be partial: not used.
 */
function pickAmount(entries: Entry[]): { amount: number | null; currency: string | null } {
  for (const entry of trustOrder(entries)) {
    if (entry.detection.kind !== 'invoice_sent' && entry.detection.kind !== 'reminder') continue;
    if (entry.detection.amount !== null) return { amount: entry.detection.amount, currency: entry.detection.currency };
  }
  return { amount: null, currency: null };
}

export class LedgerCollector {
  private readonly entries: Entry[] = [];
  /** Invoice-related messages of a ledger kind that named no invoice number (not in the file). */
  unnumbered = 0;

  constructor(private readonly me: string[]) {}

  /** Keeps what the ledger needs from one scanned message (nothing when it is not part of a receivable). */
  add(file: string, messageId: string | null, date: string | null, detection: Detection): void {
    if (!detection.is_invoice_related || !detection.kind || !LEDGER_KINDS.has(detection.kind)) return;
    if (detection.invoice_numbers.length === 0) {
      this.unnumbered++;
      return;
    }
    this.entries.push({
      order: this.entries.length,
      file,
      messageId,
      date,
      detection: {
        kind: detection.kind,
        invoice_numbers: [...detection.invoice_numbers],
        amount: detection.amount,
        currency: detection.currency,
        issue_date: detection.issue_date,
        due_date: detection.due_date,
        terms: detection.terms,
        counterparty: detection.counterparty,
      },
    });
  }

  build(generatedAt: Date): LedgerFile {
    // number -> party key -> entries. A message with several numbers (a reminder about two invoices) joins each.
    const groups = new Map<string, Map<string | null, Entry[]>>();
    for (const entry of this.entries) {
      const seen = new Set<string>();
      for (const number of entry.detection.invoice_numbers) {
        const key = numberKey(number);
        if (seen.has(key)) continue;
        seen.add(key);
        let parties = groups.get(key);
        if (!parties) groups.set(key, (parties = new Map()));
        const party = partyKey(entry.detection.counterparty);
        let list = parties.get(party);
        if (!list) parties.set(party, (list = []));
        list.push(entry);
      }
    }
    const invoices: Array<{ invoice: LedgerInvoice; first: Entry }> = [];
    for (const [key, parties] of groups) {
      // Messages with no counterparty join the number's only party; with several parties they stay apart.
      const unknown = parties.get(null);
      const known = [...parties.entries()].filter(([party]) => party !== null);
      if (unknown && known.length === 1) {
        known[0]![1].push(...unknown);
        parties.delete(null);
      }
      for (const list of parties.values()) {
        const entries = [...list].sort(byDate);
        // The number as the invoice itself writes it (else as the first message does).
        const spelled = trustOrder(entries)[0]!.detection.invoice_numbers.find((n) => numberKey(n) === key) ?? key;
        const { amount, currency } = pickAmount(entries);
        invoices.push({
          first: entries[0]!,
          invoice: {
            invoice_number: spelled.trim(),
            amount,
            currency,
            issue_date: pick(entries, 'issue_date'),
            due_date: pick(entries, 'due_date'),
            terms: pick(entries, 'terms'),
            counterparty: pick(entries, 'counterparty'),
            messages: entries.map((e) => ({ file: e.file, message_id: e.messageId, kind: e.detection.kind!, date: e.date, amount: e.detection.amount })),
            status_hint: statusHint(entries),
          },
        });
      }
    }
    invoices.sort((a, b) => byDate(a.first, b.first) || a.invoice.invoice_number.localeCompare(b.invoice.invoice_number));
    return {
      format: LEDGER_FORMAT,
      version: LEDGER_VERSION,
      generated_at: generatedAt.toISOString(),
      me: this.me,
      invoices: invoices.map((i) => i.invoice),
    };
  }
}

/** Writes the ledger file whole or not at all (temporary file, then rename). */
export async function writeLedger(file: string, ledger: LedgerFile): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(ledger, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}
