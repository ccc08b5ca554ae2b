/**
 * What needs the user today, for one mail account or all: the dashboard's first list, the badge's
 * count and colour, the daily notification. Reads only the invoices whose `attentionFrom` is today
 * (LedgerStore.needingAttention: the answer's logbooks, never the ledger's) and derives them.
 */
import { actionsDueToday, dueToday, type Client, type InvoiceState, type LedgerInvoice } from '../core/ledger';
import { isChasingStep, type ChasingStep } from '../core/chasing';
import type { IsoDate } from '../core/model';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import { SERIOUSLY_LATE_DAYS, type TodayItem, type Urgency } from '../protocol/dashboard-messages';
import type { InvoiceOpener } from './invoice-opener';
import { deriveForPanel } from './invoice-status';

export interface TodayAttention {
  items: TodayItem[];
  urgency: Urgency;
}

/** Steps from which an invoice is in its legal phase: needing the user then is urgent. */
const LEGAL_STEPS: readonly ChasingStep[] = ['formal_notice', 'escalation'];

interface Derived {
  invoice: LedgerInvoice;
  state: InvoiceState;
  clientName: string;
}

/** Seriously late (the badge's red, see `Urgency`): > 30 days past due, legal step reached, or a promise broken. */
export function isSeriouslyLate(state: Pick<InvoiceState, 'daysPastDue' | 'currentStep' | 'promise'>): boolean {
  return (state.daysPastDue ?? 0) > SERIOUSLY_LATE_DAYS || (state.currentStep !== null && LEGAL_STEPS.includes(state.currentStep)) || state.promise?.state === 'broken';
}

/**
 * Today's items from derived states, in `actionsDueToday`'s order (most overdue first), then
 * invoices merely due today. `canOpen`: which invoices the host's mail program opens (`hasThread`).
 */
export function todayItemsOf(derived: readonly Derived[], today: IsoDate, canOpen: InvoiceOpener['canOpen']): TodayItem[] {
  const byId = new Map(derived.map((entry) => [entry.invoice.id, entry]));
  const states = derived.map((entry) => entry.state);
  const item = (entry: Derived, fields: Pick<TodayItem, 'category' | 'type' | 'step' | 'amount'>): TodayItem => ({
    invoiceId: entry.invoice.id,
    invoiceNumber: entry.invoice.invoiceNumber,
    clientName: entry.clientName,
    account: entry.invoice.account,
    currency: entry.state.currency,
    daysPastDue: entry.state.daysPastDue,
    urgent: isSeriouslyLate(entry.state),
    hasThread: canOpen(entry.invoice),
    ...fields,
  });
  const items: TodayItem[] = [];
  for (const action of actionsDueToday(states, today)) {
    const entry = byId.get(action.invoiceId)!;
    const step = action.action && isChasingStep(action.action.type) ? action.action.type : null;
    items.push(item(entry, { category: action.category, type: action.type, step, amount: action.expectedAmount ?? entry.state.outstanding }));
  }
  const withItems = new Set(items.map((entry) => entry.invoiceId));
  for (const state of dueToday(states, today)) {
    if (withItems.has(state.invoiceId)) continue;
    items.push(item(byId.get(state.invoiceId)!, { category: 'due_today', type: 'due_today', step: null, amount: state.outstanding }));
  }
  return items;
}

export function urgencyOf(items: readonly TodayItem[]): Urgency {
  if (items.length === 0) return 'none';
  return items.some((entry) => entry.urgent) ? 'urgent' : 'due';
}

/** Today's items for `account` (null: every account). An invoice whose settings cannot be derived is left out. */
export async function todayAttention(ledger: LedgerStore, today: IsoDate, account: string | null, canOpen: InvoiceOpener['canOpen']): Promise<TodayAttention> {
  const records = (await ledger.needingAttention(today)).filter((record) => account === null || record.invoice.account === account);
  if (records.length === 0) return { items: [], urgency: 'none' };
  const settings = await ledger.getSettings();
  const clients = new Map<string, Client>((await ledger.getClients(records.map((record) => record.invoice.clientId))).map((client) => [client.id, client]));
  const derived: Derived[] = [];
  for (const { invoice, logbook } of records) {
    const client = clients.get(invoice.clientId) ?? null;
    const state = deriveForPanel(invoice, logbook, settings, client, today);
    if (state) derived.push({ invoice, state, clientName: client?.name ?? invoice.clientName ?? invoice.clientEmail });
  }
  const items = todayItemsOf(derived, today, canOpen);
  return { items, urgency: urgencyOf(items) };
}
