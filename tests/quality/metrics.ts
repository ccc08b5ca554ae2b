/**
 * Quality metrics for the detection engine, as pure functions over (gold, predicted) pairs.
 *
 * - detection: `is_invoice_related` as a binary classification (positive = related).
 * - kind: accuracy over all messages, null being a class of its own, plus per-kind P/R/F1.
 * - invoice_numbers: set-based, micro-averaged over all messages; numbers compared after
 *   lower-casing and removing whitespace only ("FA 2026-01" = "fa2026-01", but "FA-1" != "FA1").
 * - value fields (amount, currency, issue_date, due_date, counterparty, promised_date):
 *   TP = predicted non-null and equal to gold; FP = predicted non-null and (wrong or gold null);
 *   FN = gold non-null and (predicted null or wrong). A wrong value is both an FP and an FN.
 *   Amounts are equal within 0.005.
 */

export const KINDS = ['invoice_sent', 'reminder', 'payment_notice', 'dispute', 'promise', 'vendor_bill', 'other_invoice_related'] as const;
export type Kind = (typeof KINDS)[number];

/** The fields of a detection that are measured (a subset of the engine's `Detection`). */
export interface Scored {
  is_invoice_related: boolean;
  kind: Kind | null;
  invoice_numbers: string[];
  amount: number | null;
  currency: string | null;
  issue_date: string | null;
  due_date: string | null;
  counterparty: string | null;
  promised_date?: string | null;
}

export interface Pair {
  file: string;
  gold: Scored;
  pred: Scored;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export const VALUE_FIELDS = ['amount', 'currency', 'issue_date', 'due_date', 'counterparty', 'promised_date'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/**
 * Precision, recall and F1 from counts. With nothing predicted, precision is 1 (vacuously); with
 * nothing to find, recall is 1; so an empty field scores 1 and a field never predicted scores F1 0.
 */
export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function detectionScores(pairs: Pair[]): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, pred } of pairs) {
    if (pred.is_invoice_related && gold.is_invoice_related) tp++;
    else if (pred.is_invoice_related && !gold.is_invoice_related) fp++;
    else if (!pred.is_invoice_related && gold.is_invoice_related) fn++;
  }
  return prf(tp, fp, fn);
}

export interface KindScores {
  accuracy: number;
  correct: number;
  total: number;
  /** Per class, 'null' included. */
  perKind: Record<string, PRF>;
  /** confusion[gold][pred] = count; classes as strings, 'null' for null. */
  confusion: Record<string, Record<string, number>>;
}

const kindKey = (k: Kind | null | undefined): string => k ?? 'null';

export function kindScores(pairs: Pair[]): KindScores {
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  for (const { gold, pred } of pairs) {
    const g = kindKey(gold.kind);
    const p = kindKey(pred.kind);
    const row = (confusion[g] ??= {});
    row[p] = (row[p] ?? 0) + 1;
    if (g === p) correct++;
  }
  const classes = new Set<string>(['null', ...KINDS]);
  for (const { pred } of pairs) classes.add(kindKey(pred.kind));
  const perKind: Record<string, PRF> = {};
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { gold, pred } of pairs) {
      const g = kindKey(gold.kind);
      const p = kindKey(pred.kind);
      if (g === c && p === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    }
    perKind[c] = prf(tp, fp, fn);
  }
  return { accuracy: pairs.length === 0 ? 1 : correct / pairs.length, correct, total: pairs.length, perKind, confusion };
}

/** Case and whitespace only: the engine must give numbers as written. */
export function normalizeInvoiceNumber(n: string): string {
  return n.toLowerCase().replace(/\s+/g, '');
}

export function invoiceNumberCounts(gold: string[], pred: string[]): { tp: number; fp: number; fn: number } {
  const g = new Set(gold.map(normalizeInvoiceNumber));
  const p = new Set(pred.map(normalizeInvoiceNumber));
  let tp = 0;
  for (const n of p) if (g.has(n)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export function invoiceNumberScores(pairs: Pair[]): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, pred } of pairs) {
    const c = invoiceNumberCounts(gold.invoice_numbers, pred.invoice_numbers);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return prf(tp, fp, fn);
}

function valueOf(s: Scored, field: ValueField): string | number | null {
  const v = s[field];
  return v === undefined ? null : v;
}

/** Whether a predicted value equals the gold one for a field (both non-null). */
export function valueEquals(field: ValueField, gold: string | number, pred: string | number): boolean {
  if (field === 'amount') return typeof gold === 'number' && typeof pred === 'number' && Math.abs(gold - pred) < 0.005 + 1e-9;
  if (typeof gold !== 'string' || typeof pred !== 'string') return false;
  if (field === 'currency') return gold.trim().toUpperCase() === pred.trim().toUpperCase();
  if (field === 'counterparty') return gold.trim().toLowerCase() === pred.trim().toLowerCase();
  return gold.trim() === pred.trim();
}

export type Outcome = 'tp' | 'fp' | 'fn' | 'wrong' | 'tn';

/** One message's outcome for a value field ('wrong' counts as one FP and one FN). */
export function valueOutcome(field: ValueField, gold: Scored, pred: Scored): Outcome {
  const g = valueOf(gold, field);
  const p = valueOf(pred, field);
  if (p === null) return g === null ? 'tn' : 'fn';
  if (g === null) return 'fp';
  return valueEquals(field, g, p) ? 'tp' : 'wrong';
}

export function valueFieldScores(pairs: Pair[], field: ValueField): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, pred } of pairs) {
    const o = valueOutcome(field, gold, pred);
    if (o === 'tp') tp++;
    else if (o === 'fp') fp++;
    else if (o === 'fn') fn++;
    else if (o === 'wrong') {
      fp++;
      fn++;
    }
  }
  return prf(tp, fp, fn);
}

export interface Mismatch {
  file: string;
  fields: { field: string; expected: unknown; got: unknown }[];
}

/** Per message, the measured fields where the prediction differs from gold. */
export function mismatches(pairs: Pair[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const { file, gold, pred } of pairs) {
    const fields: Mismatch['fields'] = [];
    if (gold.is_invoice_related !== pred.is_invoice_related) fields.push({ field: 'is_invoice_related', expected: gold.is_invoice_related, got: pred.is_invoice_related });
    if (kindKey(gold.kind) !== kindKey(pred.kind)) fields.push({ field: 'kind', expected: gold.kind, got: pred.kind });
    const n = invoiceNumberCounts(gold.invoice_numbers, pred.invoice_numbers);
    if (n.fp > 0 || n.fn > 0) fields.push({ field: 'invoice_numbers', expected: gold.invoice_numbers, got: pred.invoice_numbers });
    for (const f of VALUE_FIELDS) {
      const o = valueOutcome(f, gold, pred);
      if (o === 'fp' || o === 'fn' || o === 'wrong') fields.push({ field: f, expected: valueOf(gold, f), got: valueOf(pred, f) });
    }
    if (fields.length > 0) out.push({ file, fields });
  }
  return out;
}

export interface QualityReport {
  messages: number;
  detection: PRF;
  kind: KindScores;
  invoice_numbers: PRF;
  fields: Record<ValueField, PRF>;
}

export function evaluate(pairs: Pair[]): QualityReport {
  const fields = {} as Record<ValueField, PRF>;
  for (const f of VALUE_FIELDS) fields[f] = valueFieldScores(pairs, f);
  return {
    messages: pairs.length,
    detection: detectionScores(pairs),
    kind: kindScores(pairs),
    invoice_numbers: invoiceNumberScores(pairs),
    fields,
  };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(6);

/** A fixed-width text table of a report. */
export function formatReport(title: string, r: QualityReport): string {
  const lines: string[] = [];
  lines.push(`=== ${title}: ${r.messages} messages ===`);
  lines.push(`${'field'.padEnd(18)} ${'P %'.padStart(6)} ${'R %'.padStart(6)} ${'F1 %'.padStart(6)}   tp/fp/fn`);
  const row = (name: string, s: PRF) => `${name.padEnd(18)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${s.tp}/${s.fp}/${s.fn}`;
  lines.push(row('detection', r.detection));
  lines.push(row('invoice_numbers', r.invoice_numbers));
  for (const f of VALUE_FIELDS) lines.push(row(f, r.fields[f]));
  lines.push(`kind accuracy      ${pct(r.kind.accuracy)} %  (${r.kind.correct}/${r.kind.total})`);
  lines.push('per kind:');
  for (const [k, s] of Object.entries(r.kind.perKind)) {
    if (s.tp + s.fp + s.fn === 0) continue;
    lines.push('  ' + row(k, s));
  }
  return lines.join('\n');
}
