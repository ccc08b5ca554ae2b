/**
 * The receivables as a CSV file for the accountant (issue 5 "Import/export"): one row per invoice
 * with its client, number, dates, currency, amount, what was paid, what is outstanding, status,
 * days past due and the last chasing action.
 *
 * - RFC 4180: CRLF line ends, a cell holding the separator, a double quote or a line break is
 *   quoted, double quotes doubled. UTF-8 with a byte-order mark by default, so Excel reads accents.
 * - French (default for `language: 'fr'`): `;` separator, decimal comma, dates `dd/mm/yyyy` (what
 *   Excel in French expects). English: `,`, decimal point, ISO dates. Each can be chosen.
 * - Formula injection: a text cell starting with `=`, `+`, `-`, `@` (after any spaces), a tab or a
 *   carriage return is prefixed with `'`, so a spreadsheet shows it as text and never runs it
 *   (client names and invoice numbers come from mail). Numbers the export writes are not touched.
 */
import { ChasingSettingsError } from '../chasing';
import type { IsoDate, Language } from '../model';
import { deriveInvoiceState, type InvoiceState } from './derive';
import { EVENT_KIND_WORDS, STATUS_WORDS } from './dossier-words';
import type { LedgerEvent } from './events';
import type { Client, LedgerInvoice, LedgerSettings } from './model';

export interface ReceivableRow {
  invoice: LedgerInvoice;
  /** The invoice's state on the export day (`deriveInvoiceState`). */
  state: InvoiceState;
  client: Client | null;
}

export interface ReceivablesCsvOptions {
  /** Headers, statuses and actions in this language; also the default conventions below. */
  language: Language;
  /** Default `;` in French, `,` in English. */
  separator?: ';' | ',';
  /** Default `,` in French, `.` in English. */
  decimal?: ',' | '.';
  /** `local`: dd/mm/yyyy; `iso`: yyyy-mm-dd. Default local in French, ISO in English. */
  dates?: 'local' | 'iso';
  /** UTF-8 byte-order mark at the start (default true: Excel needs it to read UTF-8). */
  bom?: boolean;
  /** Only invoices still open (neither paid nor written off). Default false: every invoice. */
  openOnly?: boolean;
}

const HEADERS: Readonly<Record<Language, readonly string[]>> = {
  fr: ['Client', 'N° de facture', 'Date d’émission', 'Échéance', 'Devise', 'Montant TTC', 'Payé', 'Reste dû', 'Statut', 'Jours de retard', 'Dernière action'],
  en: ['Client', 'Invoice number', 'Issue date', 'Due date', 'Currency', 'Amount', 'Paid', 'Outstanding', 'Status', 'Days past due', 'Last action'],
};

/** A text cell a spreadsheet could read as a formula gets a leading `'`. */
export function neutraliseFormula(text: string): string {
  return /^\s*[=+\-@]/.test(text) || /^[\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell as RFC 4180 writes it with this separator. */
export function csvCell(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Due dates in order, unknown ones last. */
const compareDue = (a: IsoDate | null, b: IsoDate | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/**
 * `deriveInvoiceState`, but settings the ladder refuses (a client's override, the user's) do not
 * lose the invoice: it is derived again without them. For exports, which must list every invoice.
 */
export function deriveLeniently(invoice: LedgerInvoice, events: readonly LedgerEvent[], settings: LedgerSettings, today: IsoDate, client: Client | null): InvoiceState {
  const plain = client ? { ...client, chasing: null } : null;
  try {
    return deriveInvoiceState(invoice, events, settings, today, { client });
  } catch (error) {
    if (!(error instanceof ChasingSettingsError)) throw error;
  }
  try {
    return deriveInvoiceState(invoice, events, settings, today, { client: plain });
  } catch (error) {
    if (!(error instanceof ChasingSettingsError)) throw error;
  }
  return deriveInvoiceState(invoice, events, { ...settings, chasing: {} }, today, { client: plain });
}

/** The states of every invoice on `today`, with its client: the rows `receivablesCsv` takes. */
export function receivableRows(
  ledger: { invoices: readonly LedgerInvoice[]; clients: readonly Client[]; events: readonly LedgerEvent[] },
  settings: LedgerSettings,
  today: IsoDate,
): ReceivableRow[] {
  const clients = new Map(ledger.clients.map((client) => [client.id, client]));
  const events = new Map<string, LedgerEvent[]>();
  for (const event of ledger.events) {
    const list = events.get(event.invoiceId);
    if (list) list.push(event);
    else events.set(event.invoiceId, [event]);
  }
  return ledger.invoices.map((invoice) => {
    const client = clients.get(invoice.clientId) ?? null;
    return { invoice, state: deriveLeniently(invoice, events.get(invoice.id) ?? [], settings, today, client), client };
  });
}

/** The CSV text (with its byte-order mark unless `bom: false`). Rows by client, then due date, then number. */
export function receivablesCsv(rows: readonly ReceivableRow[], options: ReceivablesCsvOptions): string {
  const { language } = options;
  const fr = language === 'fr';
  const separator = options.separator ?? (fr ? ';' : ',');
  const decimal = options.decimal ?? (fr ? ',' : '.');
  const local = (options.dates ?? (fr ? 'local' : 'iso')) === 'local';
  const date = (day: IsoDate | null): string => (day === null ? '' : local ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : day);
  const amount = (value: number | null): string => (value === null ? '' : value.toFixed(2).replace('.', decimal));
  const clientOf = (row: ReceivableRow): string => row.client?.name ?? row.invoice.clientName ?? row.invoice.clientEmail;
  const collator = new Intl.Collator(fr ? 'fr-FR' : 'en-GB', { sensitivity: 'base', numeric: true });
  const sorted = rows
    .filter((row) => !options.openOnly || row.state.open)
    .map((row) => ({ row, client: clientOf(row) }))
    .sort(
      (a, b) =>
        collator.compare(a.client, b.client) ||
        compareDue(a.row.invoice.dueDate, b.row.invoice.dueDate) ||
        collator.compare(a.row.invoice.invoiceNumber, b.row.invoice.invoiceNumber),
    );
  const line = (cells: ReadonlyArray<{ text: string } | { number: string }>): string => cells.map((cell) => csvCell('text' in cell ? neutraliseFormula(cell.text) : cell.number, separator)).join(separator);
  const lines = [line(HEADERS[language].map((text) => ({ text })))];
  for (const { row, client } of sorted) {
    const { invoice, state } = row;
    const last = state.lastContact ? `${EVENT_KIND_WORDS[language][state.lastContact.kind]} (${date(state.lastContact.day)})` : '';
    lines.push(
      line([
        { text: client },
        { text: invoice.invoiceNumber },
        { number: date(invoice.issueDate) },
        { number: date(invoice.dueDate) },
        { text: invoice.currency ?? '' },
        { number: amount(invoice.amount) },
        { number: amount(state.received) },
        { number: amount(state.outstanding) },
        { text: STATUS_WORDS[language][state.status] },
        { number: state.open && state.daysPastDue !== null ? String(state.daysPastDue) : '' },
        { text: last },
      ]),
    );
  }
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
