/**
 * Parses the panel's ledger requests before the router uses them. Extension pages are trusted to
 * ask, not to be right: shapes, sizes, steps and tones are checked here; the logbook entry's own
 * rules (dates, amounts, a call's next call date) are the ledger's (validate.ts, via appendEvent).
 */
import { isChasingStep } from '../core/chasing/steps';
import type { InvoiceFacts } from '../core/model';
import {
  LIMITS,
  PANEL_ENTRY_KINDS,
  fail,
  guarded,
  isRecord,
  record,
  text,
  type DraftChoice,
  type FactCorrection,
  type InvoiceKey,
  type PanelEntry,
  type Parsed,
  type ThreadRef,
} from '../protocol/messages';

export type PanelRequest =
  | { type: 'invoice/list-for-thread'; thread: ThreadRef; also: InvoiceKey[] }
  | { type: 'reminder/draft'; invoiceId: string; tabId: number; choice: DraftChoice }
  | { type: 'reminder/preview'; invoiceId: string; choice: DraftChoice }
  | { type: 'invoice/log'; invoiceId: string; entry: PanelEntry }
  | { type: 'invoice/untrack'; invoiceId: string }
  | { type: 'invoice/correct'; invoiceId: string; changes: FactCorrection[] }
  | { type: 'invoice/track'; facts: InvoiceFacts; thread: ThreadRef };

const PANEL_TYPES = new Set(['invoice/list-for-thread', 'reminder/draft', 'reminder/preview', 'invoice/log', 'invoice/untrack', 'invoice/correct']);

export function isPanelRequest(raw: unknown): boolean {
  return isRecord(raw) && typeof raw.type === 'string' && PANEL_TYPES.has(raw.type);
}

/** Keys the ledger sets itself: an entry naming them is refused rather than silently trusted. */
const LEDGER_OWNED = ['invoiceId', 'id', 'seq', 'prevHash', 'hash', 'at', 'day'];
const MAX_INSTALMENTS = 60;
const MAX_ALSO = 20;

function invoiceId(value: unknown): string {
  const id = text(value, 'invoiceId', 400);
  if (!id.trim()) fail('invoiceId', 'required');
  return id;
}

function threadRef(value: unknown): ThreadRef {
  const r = record(value, 'thread');
  if (r.host !== 'gmail' && r.host !== 'outlook') fail('thread.host', "expected 'gmail' or 'outlook'");
  const account = r.account === null ? null : text(r.account, 'thread.account', 320);
  return { host: r.host as ThreadRef['host'], account, threadId: text(r.threadId, 'thread.threadId', 200) };
}

function choice(value: unknown): DraftChoice {
  if (value === undefined) return {};
  const r = record(value, 'choice');
  const out: DraftChoice = {};
  if (r.step !== undefined) {
    if (!isChasingStep(r.step)) fail('choice.step', 'unknown step');
    out.step = r.step;
  }
  if (r.tone !== undefined) {
    if (r.tone !== 'friendly' && r.tone !== 'firm' && r.tone !== 'formal') fail('choice.tone', "expected 'friendly', 'firm' or 'formal'");
    out.tone = r.tone;
  }
  return out;
}

/** Every string in the entry bounded, nesting shallow: the ledger checks the meaning. */
function bounded(value: unknown, path: string, depth: number): void {
  if (typeof value === 'string') {
    text(value, path, LIMITS.shortText * 4);
  } else if (Array.isArray(value)) {
    if (depth > 2) fail(path, 'nested too deeply');
    if (value.length > MAX_INSTALMENTS) fail(path, `more than ${MAX_INSTALMENTS} items`);
    value.forEach((item, index) => bounded(item, `${path}[${index}]`, depth + 1));
  } else if (isRecord(value)) {
    if (depth > 2) fail(path, 'nested too deeply');
    const keys = Object.keys(value);
    if (keys.length > 20) fail(path, 'too many fields');
    for (const key of keys) bounded(value[key], `${path}.${key}`, depth + 1);
  } else if (value !== null && typeof value !== 'number' && typeof value !== 'boolean') {
    fail(path, 'unexpected value');
  }
}

function entry(value: unknown): PanelEntry {
  const r = record(value, 'entry');
  if (!(PANEL_ENTRY_KINDS as readonly unknown[]).includes(r.kind)) fail('entry.kind', `not a panel entry: ${String(r.kind).slice(0, 40)}`);
  for (const key of LEDGER_OWNED) if (key in r) fail(`entry.${key}`, 'set by the ledger, not the page');
  bounded(r, 'entry', 0);
  return r as unknown as PanelEntry;
}

const FACT_FIELDS: ReadonlyArray<FactCorrection['field']> = ['invoiceNumber', 'amount', 'currency', 'issueDate', 'dueDate', 'clientEmail', 'clientName'];

function corrections(value: unknown): FactCorrection[] {
  if (!Array.isArray(value) || value.length === 0) fail('changes', 'expected a non-empty array');
  if (value.length > FACT_FIELDS.length) fail('changes', `more than ${FACT_FIELDS.length} items`);
  return value.map((item, index) => {
    const r = record(item, `changes[${index}]`);
    if (!(FACT_FIELDS as readonly unknown[]).includes(r.field)) fail(`changes[${index}].field`, 'not a correctable fact');
    const v = r.value;
    if (v !== null && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) fail(`changes[${index}].value`, 'expected text, a number or null');
    if (typeof v === 'string') text(v, `changes[${index}].value`, 320);
    return { field: r.field as FactCorrection['field'], value: v as FactCorrection['value'] };
  });
}

function keys(value: unknown): InvoiceKey[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('also', 'expected an array');
  if (value.length > MAX_ALSO) fail('also', `more than ${MAX_ALSO} items`);
  return value.map((item, index) => {
    const r = record(item, `also[${index}]`);
    return { invoiceNumber: text(r.invoiceNumber, `also[${index}].invoiceNumber`, 100), clientEmail: text(r.clientEmail, `also[${index}].clientEmail`, 320).toLowerCase() };
  });
}

export function parsePanelRequest(raw: unknown): Parsed<PanelRequest> {
  return guarded((): PanelRequest => {
    const r = record(raw, 'message');
    switch (r.type) {
      case 'invoice/list-for-thread':
        return { type: 'invoice/list-for-thread', thread: threadRef(r.thread), also: keys(r.also) };
      case 'reminder/draft': {
        if (typeof r.tabId !== 'number' || !Number.isInteger(r.tabId) || r.tabId < 0) fail('tabId', 'expected a tab id');
        return { type: 'reminder/draft', invoiceId: invoiceId(r.invoiceId), tabId: r.tabId, choice: choice(r.choice) };
      }
      case 'reminder/preview':
        return { type: 'reminder/preview', invoiceId: invoiceId(r.invoiceId), choice: choice(r.choice) };
      case 'invoice/log':
        return { type: 'invoice/log', invoiceId: invoiceId(r.invoiceId), entry: entry(r.entry) };
      case 'invoice/untrack':
        return { type: 'invoice/untrack', invoiceId: invoiceId(r.invoiceId) };
      case 'invoice/correct':
        return { type: 'invoice/correct', invoiceId: invoiceId(r.invoiceId), changes: corrections(r.changes) };
      default:
        return fail('message.type', 'not a panel request');
    }
  });
}
