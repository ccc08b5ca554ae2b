/**
 * The detection engine's quality report on the labelled corpus (tests/fixtures/corpus).
 *
 * - "corpus soundness": every .eml parses, every file has a label, labels are well-formed,
 *   at least 40 % hard negatives per set, enough messages. Does not need the engine.
 * - "engine quality": runs detectMessage on every message of dev and holdout, prints per-field
 *   P/R/F1 and kind accuracy, lists the first misclassified files, writes
 *   test-results/quality-report.json, and asserts the issue's targets on dev (holdout only
 *   against looser floors, so it stays an honest measurement of generalisation).
 *
 * Run: npx vitest run tests/quality
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../src/mail/parse-eml';
import type { ParsedMail } from '../../src/mail/parse-eml';
import type { Pair, QualityReport, Scored } from './metrics';
import { KINDS, evaluate, formatReport, mismatches } from './metrics';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const corpusDir = join(root, 'tests', 'fixtures', 'corpus');
const reportPath = join(root, 'test-results', 'quality-report.json');

interface Label extends Scored {
  me: string[];
  lang?: string;
  note?: string;
}

type SetName = 'dev' | 'dev2' | 'dev3' | 'dev4' | 'dev5' | 'dev6' | 'holdout';

interface CorpusSet {
  name: SetName;
  labels: Record<string, Label>;
  files: string[];
  mails: Map<string, ParsedMail>;
}

const SETS = [
  { name: 'dev', minMessages: 150 },
  // A second development set in other styles and tools (written later, to improve generality).
  { name: 'dev2', minMessages: 90 },
  // A third set written blind to the engine (its author never read src/core/detect), 2026-11-22.
  // Measured before any tuning on it: detection F1 95.2, kind 83.2 %, invoice numbers 92.1,
  // amount 87.0, due date 84.7. The engine was then improved against it, so it is a dev set now.
  { name: 'dev3', minMessages: 100 },
  // A fourth blind set (2026-11-22, another author who never read the engine), weighted toward client
  // replies (payments, promises, disputes, plan requests) and DE/ES/IT/NL; 7 messages without `me`.
  // Measured before any tuning on it (labels already on the README's date conventions): detection F1
  // 96.5, kind 77.2 %, invoice numbers 97.1, amount 91.8, due date 93.8, counterparty 90.1. The engine
  // was then improved against it (Reply-To of invoicing tools, promise/dispute/payment wording in six
  // languages, mass-mailing subdomains…), so it is a dev set now.
  { name: 'dev4', minMessages: 150 },
  // A fifth blind set (2026-11-22, a third author who never read the engine): client replies through
  // payables platforms (Libeo, Agicap, Basware, SAP), withholdings, deposits, balances, every amount
  // format, new invoicing tools; 194 messages, 41.8 % negatives, 7 without `me`. Measured before any
  // tuning on it: detection F1 94.9, kind 82.0 %, invoice numbers 91.3, amount 89.3, due date 89.4,
  // counterparty 94.0, promised date 55.6. The engine was then improved against it (payments named
  // with amount or channel, payment runs, plans with dates, off-topic questions, replacement and
  // deposit invoices, payables platforms' counterparty…), so it is a dev set now.
  { name: 'dev5', minMessages: 150 },
  // A sixth blind set (2026-11-22, a fourth author who never read the engine), weighted toward the
  // amount field (155 of 183 messages carry one) and replies; 41.0 % negatives, 9 without `me`.
  // Measured before any tuning on it: detection F1 95.5, kind 85.8 %, invoice numbers 93.8, amount
  // 93.2, due date 98.8, counterparty 93.0, promised date 62.5. The engine was then improved against
  // it (remittance advices without invoice words, suppliers' own reference shapes, requests a payment
  // waits on, pro-formas, a balance to be invoiced later…), so it is a dev set now.
  { name: 'dev6', minMessages: 150 },
  { name: 'holdout', minMessages: 50 },
] as const;

/** Issue targets on dev; looser floors on holdout (printed in full, asserted only loosely). */
const TARGETS = {
  dev: { detectionF1: 0.97, kindAccuracy: 0.9, invoiceNumbersF1: 0.95, amountF1: 0.95, dueDateF1: 0.95 },
  holdout: { detectionF1: 0.9, kindAccuracy: 0.8 },
} as const;

function loadSet(name: SetName): CorpusSet {
  const dir = join(corpusDir, name);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, Label>;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  return { name, labels, files, mails: new Map() };
}

const sets = new Map<string, CorpusSet>(SETS.map((s) => [s.name, loadSet(s.name)]));
const getSet = (name: string): CorpusSet => {
  const set = sets.get(name);
  if (!set) throw new Error(`unknown set ${name}`);
  return set;
};

async function parseAll(set: CorpusSet): Promise<void> {
  if (set.mails.size === set.files.length) return;
  for (const file of set.files) set.mails.set(file, await parseEml(readFileSync(join(corpusDir, set.name, file))));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Problems with one label (empty when sound). */
function labelProblems(l: Label): string[] {
  const p: string[] = [];
  // An empty `me`: the message is read without --me (the engine must tell the direction from the words).
  if (!Array.isArray(l.me) || l.me.some((m) => typeof m !== 'string' || !m.includes('@'))) p.push('me must list the user addresses (or be empty)');
  if (typeof l.is_invoice_related !== 'boolean') p.push('is_invoice_related must be boolean');
  if (l.kind !== null && !(KINDS as readonly string[]).includes(l.kind)) p.push(`unknown kind ${String(l.kind)}`);
  if (l.is_invoice_related !== (l.kind !== null)) p.push('kind must be null exactly when not invoice related');
  if (!Array.isArray(l.invoice_numbers) || l.invoice_numbers.some((n) => typeof n !== 'string' || n.trim() === '')) p.push('invoice_numbers must be non-empty strings');
  if (l.amount !== null && (typeof l.amount !== 'number' || !Number.isFinite(l.amount) || l.amount < 0)) p.push('amount must be a non-negative number or null');
  if (l.currency !== null && !/^[A-Z]{3}$/.test(l.currency)) p.push('currency must be ISO 4217 or null');
  if ((l.amount === null) !== (l.currency === null)) p.push('currency must be null exactly when amount is');
  for (const f of ['issue_date', 'due_date', 'promised_date'] as const) {
    const v = l[f];
    if (v !== null && v !== undefined && !isRealDate(v)) p.push(`${f} must be an ISO date`);
  }
  if (l.counterparty !== null && (l.counterparty !== l.counterparty.toLowerCase() || !l.counterparty.includes('@'))) p.push('counterparty must be a lower-case address or null');
  if (!l.is_invoice_related) {
    const filled = (['amount', 'currency', 'issue_date', 'due_date', 'counterparty', 'promised_date'] as const).filter((f) => l[f] !== null && l[f] !== undefined);
    if (filled.length > 0 || l.invoice_numbers.length > 0) p.push(`a negative carries values: ${[...filled, ...(l.invoice_numbers.length ? ['invoice_numbers'] : [])].join(', ')}`);
  }
  return p;
}

describe('corpus soundness', () => {
  for (const { name, minMessages } of SETS) {
    describe(name, () => {
      const set = getSet(name);

      it(`has at least ${minMessages} messages and a label for every file (and a file for every label)`, () => {
        expect(set.files.length).toBeGreaterThanOrEqual(minMessages);
        expect(set.files.filter((f) => !set.labels[f])).toEqual([]);
        expect(Object.keys(set.labels).filter((f) => !set.files.includes(f))).toEqual([]);
      });

      it('has at least 40 % hard negatives', () => {
        const negatives = set.files.filter((f) => set.labels[f]?.is_invoice_related === false).length;
        expect(negatives / set.files.length).toBeGreaterThanOrEqual(0.4);
      });

      it('has well-formed labels', () => {
        const problems = Object.entries(set.labels).flatMap(([file, l]) => labelProblems(l).map((p) => `${file}: ${p}`));
        expect(problems).toEqual([]);
      });

      it('parses every .eml into a message with a sender, a date and a body, the user among its parties', async () => {
        await parseAll(set);
        const problems: string[] = [];
        for (const file of set.files) {
          const mail = set.mails.get(file);
          const label = set.labels[file];
          if (!mail || !label) continue;
          if (!mail.from) problems.push(`${file}: no From`);
          if (!mail.date) problems.push(`${file}: no Date`);
          if (!mail.messageId) problems.push(`${file}: no Message-ID`);
          if (!mail.text && !mail.html) problems.push(`${file}: no body`);
          // Reply-To counts: an invoicing tool mails the client for the user, who is only there.
          const parties = [mail.from?.email, ...mail.to.map((a) => a.email), ...mail.cc.map((a) => a.email), ...(mail.replyTo ?? []).map((a) => a.email)];
          // (A negative may reach the user indirectly: an out-of-office reply sent to the invoicing tool.)
          if (label.is_invoice_related && label.me.length > 0 && !label.me.some((m) => parties.includes(m.toLowerCase()))) problems.push(`${file}: the user is not in From/To/Cc/Reply-To`);
        }
        expect(problems).toEqual([]);
      });

      it('writes every labelled invoice number as it appears in the message', async () => {
        await parseAll(set);
        const problems: string[] = [];
        for (const file of set.files) {
          const mail = set.mails.get(file);
          const label = set.labels[file];
          if (!mail || !label) continue;
          const hay = [mail.subject, mail.text ?? '', mail.html ?? '', ...mail.attachments].join('\n').toLowerCase();
          for (const n of label.invoice_numbers) if (!hay.includes(n.toLowerCase())) problems.push(`${file}: ${n}`);
        }
        expect(problems).toEqual([]);
      });
    });
  }
});

// ----------------------------------------------------------------------------- engine

type DetectMessage = (message: ParsedMail, options: { ownAddresses: string[] }) => Scored;

const ENGINE_ENTRY = join(root, 'src', 'core', 'detect', 'index.ts');

async function loadEngine(): Promise<DetectMessage> {
  if (!existsSync(ENGINE_ENTRY)) throw new Error('engine not found: src/core/detect/index.ts does not exist (it must export detectMessage(message, options))');
  const mod = (await import(/* @vite-ignore */ pathToFileURL(ENGINE_ENTRY).href)) as { detectMessage?: unknown };
  if (typeof mod.detectMessage !== 'function') throw new Error('engine not found: src/core/detect does not export a detectMessage function');
  return mod.detectMessage as DetectMessage;
}

const EMPTY: Scored = { is_invoice_related: false, kind: null, invoice_numbers: [], amount: null, currency: null, issue_date: null, due_date: null, counterparty: null, promised_date: null };

function scoredOf(d: Scored): Scored {
  return {
    is_invoice_related: d.is_invoice_related,
    kind: d.kind,
    invoice_numbers: d.invoice_numbers ?? [],
    amount: d.amount ?? null,
    currency: d.currency ?? null,
    issue_date: d.issue_date ?? null,
    due_date: d.due_date ?? null,
    counterparty: d.counterparty ?? null,
    promised_date: d.promised_date ?? null,
  };
}

interface SetResult {
  report: QualityReport;
  byLanguage: Record<string, { messages: number; detectionF1: number; kindAccuracy: number }>;
  crashes: { file: string; error: string; stack?: string }[];
  misclassified: ReturnType<typeof mismatches>;
}

const results: Partial<Record<SetName, SetResult>> = {};

function writeReport(): void {
  mkdirSync(dirname(reportPath), { recursive: true });
  const out: Record<string, unknown> = { generated_at: new Date().toISOString(), targets: TARGETS };
  for (const [name, r] of Object.entries(results)) {
    out[name] = {
      ...r.report,
      by_language: r.byLanguage,
      crashes: r.crashes,
      misclassified_count: r.misclassified.length,
      // Holdout stays blind: only its figures are written, never which files failed or their labels.
      ...(name !== 'holdout' ? { misclassified: r.misclassified } : {}),
    };
  }
  writeFileSync(reportPath, JSON.stringify(out, null, 2) + '\n');
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'null' : JSON.stringify(v);
}

describe('engine quality', () => {
  for (const { name } of SETS) {
    it(`measures ${name}`, async () => {
      const detectMessage = await loadEngine();
      const set = getSet(name);
      await parseAll(set);
      const pairs: Pair[] = [];
      const crashes: SetResult['crashes'] = [];
      for (const file of set.files) {
        const mail = set.mails.get(file);
        const gold = set.labels[file];
        if (!mail || !gold) continue;
        let pred: Scored;
        try {
          pred = scoredOf(detectMessage(mail, { ownAddresses: gold.me }));
        } catch (error) {
          crashes.push({ file, error: error instanceof Error ? error.message : String(error), ...(crashes.length === 0 && error instanceof Error && error.stack ? { stack: error.stack.split('\n').slice(0, 6).join('\n') } : {}) });
          pred = EMPTY;
        }
        pairs.push({ file, gold, pred });
      }
      const report = evaluate(pairs);
      const byLanguage: SetResult['byLanguage'] = {};
      const langs = [...new Set(pairs.map((p) => set.labels[p.file]?.lang ?? '?'))].sort();
      for (const lang of langs) {
        const sub = pairs.filter((p) => (set.labels[p.file]?.lang ?? '?') === lang);
        const r = evaluate(sub);
        byLanguage[lang] = { messages: sub.length, detectionF1: r.detection.f1, kindAccuracy: r.kind.accuracy };
      }
      const misclassified = mismatches(pairs);
      results[name] = { report, byLanguage, crashes, misclassified };
      writeReport();

      const lines = [formatReport(name, report), 'per language: ' + Object.entries(byLanguage).map(([l, v]) => `${l} (${v.messages}): detection F1 ${(100 * v.detectionF1).toFixed(1)} %, kind ${(100 * v.kindAccuracy).toFixed(1)} %`).join(' | ')];
      if (crashes.length) {
        const byError = new Map<string, string[]>();
        for (const c of crashes) byError.set(c.error, [...(byError.get(c.error) ?? []), c.file]);
        lines.push(`ENGINE CRASHES on ${crashes.length} message(s) (counted as "not related"):`);
        for (const [error, files] of byError) lines.push(`  ${error} - ${files.length} file(s)${name !== 'holdout' ? `, e.g. ${files.slice(0, 3).join(', ')}` : ''}`);
        if (crashes[0]?.stack) lines.push(crashes[0].stack.replace(/^/gm, '    '));
      }
      if (name === 'holdout') lines.push(`misclassified: ${misclassified.length} message(s) (holdout stays blind: files and labels are not shown)`);
      else lines.push(`misclassified: ${misclassified.length} message(s); first ${Math.min(15, misclassified.length)}:`);
      if (name !== 'holdout') for (const m of misclassified.slice(0, 15)) lines.push(`  ${m.file}: ` + m.fields.map((f) => `${f.field} expected ${show(f.expected)} got ${show(f.got)}`).join('; '));
      lines.push(`report written to ${reportPath}`);
      console.log(lines.join('\n'));

      expect.soft(crashes.length, `the engine threw on ${crashes.length} message(s)`).toBe(0);
      if (name !== 'holdout') {
        // The development sets (the engine was improved against both) hold the issue's targets.
        const t = TARGETS.dev;
        expect.soft(report.detection.f1, `${name} detection F1`).toBeGreaterThanOrEqual(t.detectionF1);
        expect.soft(report.kind.accuracy, `${name} kind accuracy`).toBeGreaterThanOrEqual(t.kindAccuracy);
        expect.soft(report.invoice_numbers.f1, `${name} invoice_numbers F1`).toBeGreaterThanOrEqual(t.invoiceNumbersF1);
        expect.soft(report.fields.amount.f1, `${name} amount F1`).toBeGreaterThanOrEqual(t.amountF1);
        expect.soft(report.fields.due_date.f1, `${name} due_date F1`).toBeGreaterThanOrEqual(t.dueDateF1);
      } else {
        const t = TARGETS.holdout;
        expect.soft(report.detection.f1, `${name} detection F1`).toBeGreaterThanOrEqual(t.detectionF1);
        expect.soft(report.kind.accuracy, `${name} kind accuracy`).toBeGreaterThanOrEqual(t.kindAccuracy);
      }
    });
  }
});
