/**
 * `relance draft`: renders the draft of one ladder step from a JSON description of the invoice(s),
 * the client and the step, and prints it as one JSON object (or as text with --text). Nothing is
 * sent anywhere. The lead wires it into main.ts as `relance draft`.
 *
 *     relance draft --json '{"step":"first_reminder","language":"fr","invoice":{…},"client":{…}}'
 *     echo '{…}' | relance draft [--text]
 *
 * Exit codes: 0 the draft was rendered (tone violations, if any, are in the output); 1 bad usage,
 * bad input, an edited template with errors, or a disputed invoice (no draft) — with {"error": …}
 * on stdout and one line on stderr.
 */
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ADVICE_CODES } from '../core/chasing/next-actions';
import { CHASING_STEPS, isChasingStep } from '../core/chasing/steps';
import { isValidIsoDate } from '../core/dates';
import type { IsoDate, Language } from '../core/model';
import { DRAFT_CAUSES, type CallNotes, type ClaimFigures, type DraftCause, type DraftClient, type DraftContext, type DraftInvoice, type DraftSender, type FormalNoticeFacts, type InterestPeriod } from '../core/templates/context';
import { DEFAULT_TONE_OF_STEP, DRAFT_TONES, isDraftTone, resolveTone, templateParts, TONES_OF_STEP, type DraftTone, type TemplatePart } from '../core/templates/defaults';
import { draftTone, renderDraft, type RenderedDraft } from '../core/templates/render-draft';
import { templateKey, type SlotTemplateError, type TemplateOverrides } from '../core/templates/user-templates';
import { claimFigures } from '../core/claim-figures';
import { parseJurisdiction, parseOverridePeriod, parseRateTableId, type Jurisdiction, type RateOverride } from '../core/law';

export const DRAFT_USAGE = `Usage: relance draft [--json JSON] [--text]

Renders the draft of one step of the chasing ladder and prints it as one JSON object:
{ step, language, tone, requested_tone (when the step has no wording in the tone asked for), to,
  subject, reply_subject, body_text, body_html, tone_violations, missing_facts, edited,
  voicemail_text (call), letter_html (formal_notice), checklist, checklist_text,
  checklist_html (escalation) }. Nothing is sent.

The input is a JSON object, given with --json or on stdin:
  step            ${CHASING_STEPS.join(' | ')}
  language        fr | en (default fr)
  today           YYYY-MM-DD (default: today's local date)
  invoice         { number, amount, currency, issue_date, due_date, description }
  invoices        [ invoice, ... ]  several invoices of the same client, instead of "invoice"
  client          { kind: business | consumer, company, contact_name, civility: madame | monsieur,
                    last_name, email, phone, address, siren, commercial }
  sender          { name, company, role, phone, email, address, city, siren, iban, bic, payment_link }
  claim / claims  { currency, principal, interest, interest_periods: [{ from, to, rate, amount }],
                    fixed_indemnity, paid, total }  (one per currency)
  penalty_rate    annual penalty rate in percent (e.g. 12.15)
  jurisdiction    FR | EU | DE | UK: without "claim"/"claims", computes the claim (interest from
                  the day after each due date to today, or to formal_notice.sent_on, and the fixed
                  indemnity) with the same calculator as relance penalty; the draft cites that
                  jurisdiction's law (default FR)
  rate_overrides  [{ table, period, rate_percent }] reference rates the tables do not know yet
  tone            ${DRAFT_TONES.join(' | ')}: the register of the wording (the ladder's action tone).
                  Default: the step's usual tone, made firm by a bad-faith cause:
${DRAFT_TONES.map((tone) => `                    ${tone}: ${CHASING_STEPS.filter((step) => DEFAULT_TONE_OF_STEP[step] === tone).join(', ')}`).join('\n')}
                  Wording in another tone:
${CHASING_STEPS.filter((step) => TONES_OF_STEP[step].length > 1).map((step) => `                    ${step} ${TONES_OF_STEP[step].slice(1).join(', ')}`).join('\n')}
                  Any other tone gives the step's usual one (the output says which tone was used)
  cause           ${DRAFT_CAUSES.join(' | ')}: why the invoice is not
                  paid. oversight: supposes a simple oversight; cash_trouble: offers a payment plan
                  (first payment now, the rest at 15 and 30 days); bad_faith: firm, no oversight
                  supposed; dispute: no draft (exit 1)
  advice          [code, ...] the ladder's advice codes; offer_payment_plan adds the payment plan,
                  resolve_dispute_first refuses like a dispute, the others are for you, never the client
  payment_terms, thread_subject, disputed, previous_reminders: [YYYY-MM-DD, ...]
  next_step       { step, date }
  call            { date, reason, agreement, promised_date, promised_amount,
                    plan: [{ date, amount }], next_call_date }
  formal_notice   { sent_on, deadline_days, deadline_date }
  templates       { subject, body, voicemail }  edited templates to render instead of the defaults
                  (of the tone used)

Options:
  --json JSON   the input (otherwise read from stdin)
  --text        print the subject and the text body (and voicemail, checklist) instead of JSON
  -h, --help    this help

Exit codes: 0 rendered (tone violations are reported in the output, they do not fail the command);
1 bad usage, invalid input, an edited template with errors, or a disputed invoice (cause "dispute":
nothing is drafted while a dispute is open) ({"error": ...} on stdout).
`;

export interface DraftIO {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
}

/** Input larger than this is refused rather than buffered. */
const MAX_INPUT_BYTES = 1_000_000;

export class DraftInputError extends Error {}

/** Runs `relance draft`; `argv` starts after the word "draft". Resolves to the exit code. */
export async function runDraft(argv: string[], io: DraftIO): Promise<number> {
  const fail = (message: string, extra: Record<string, unknown> = {}): number => {
    io.stdout.write(`${JSON.stringify({ error: message, ...extra }, null, 2)}\n`);
    io.stderr.write(`relance draft: ${message}\n`);
    return 1;
  };
  let values: { json?: string; text?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: { json: { type: 'string' }, text: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.stderr.write(`\n${DRAFT_USAGE}`);
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.stdout.write(DRAFT_USAGE);
    return 0;
  }

  let source = values.json;
  if (source === undefined) {
    if ((io.stdin as { isTTY?: boolean }).isTTY) {
      io.stderr.write(DRAFT_USAGE);
      return fail('no input: give --json JSON or pipe the JSON on stdin');
    }
    try {
      source = await readAll(io.stdin);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  }

  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    return fail(`the input is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }

  let input: DraftInput;
  try {
    input = parseDraftInput(raw, localToday());
  } catch (error) {
    if (error instanceof DraftInputError) return fail(error.message);
    throw error;
  }

  const { context, claimError } = withComputedClaim(input);
  if (claimError) io.stderr.write(`relance draft: no claim figures: ${claimError}\n`);
  const result = renderDraft(context, { overrides: input.overrides });
  if (!result.ok && result.reason === 'disputed') {
    return fail('the invoice is disputed: no reminder is drafted while a dispute is open; settle it first', { reason: 'disputed', advice: result.advice });
  }
  if (!result.ok) return fail('the edited template has errors', { template_errors: result.errors.map(templateErrorJson) });
  if (values.text) io.stdout.write(draftText(result.draft));
  else io.stdout.write(`${JSON.stringify({ ...draftJson(result.draft), ...(input.computeClaim ? { claims: context.claims, claim_error: claimError } : {}) }, null, 2)}\n`);
  return 0;
}

export interface DraftInput {
  context: DraftContext;
  overrides: TemplateOverrides;
  /** Compute the claim with the law calculators (no claim figures were given). */
  computeClaim: { jurisdiction: Jurisdiction; rateOverrides: RateOverride[] } | null;
}

const TOP_KEYS = [
  'step', 'language', 'today', 'invoice', 'invoices', 'client', 'sender', 'claim', 'claims', 'penalty_rate', 'payment_terms', 'next_step', 'previous_reminders', 'call',
  'formal_notice', 'disputed', 'thread_subject', 'templates', 'jurisdiction', 'rate_overrides', 'tone', 'cause', 'advice',
];

/** Checks and converts the JSON input; throws DraftInputError naming the field at fault. */
export function parseDraftInput(raw: unknown, defaultToday: IsoDate): DraftInput {
  const input = object(raw, 'input', TOP_KEYS);
  const step = input.step;
  if (!isChasingStep(step)) throw new DraftInputError(`step: expected one of ${CHASING_STEPS.join(', ')}, got ${describe(step)}`);
  const language = input.language ?? 'fr';
  if (language !== 'fr' && language !== 'en') throw new DraftInputError(`language: expected "fr" or "en", got ${describe(language)}`);
  const today = input.today === undefined ? defaultToday : date(input.today, 'today', true);

  if (input.invoice !== undefined && input.invoices !== undefined) throw new DraftInputError('give either "invoice" or "invoices", not both');
  const invoices =
    input.invoices !== undefined ? list(input.invoices, 'invoices', invoice) : input.invoice !== undefined ? [invoice(input.invoice, 'invoice')] : [];
  if (invoices.length === 0) throw new DraftInputError('invoice: required (an object, or "invoices": a non-empty list)');

  if (input.claim !== undefined && input.claims !== undefined) throw new DraftInputError('give either "claim" or "claims", not both');
  const claims = input.claims !== undefined ? list(input.claims, 'claims', claim) : input.claim !== undefined ? [claim(input.claim, 'claim')] : null;

  const context: DraftContext = {
    step,
    language,
    today,
    invoices,
    client: input.client === undefined ? { kind: 'business' } : client(input.client, 'client'),
    sender: input.sender === undefined ? null : sender(input.sender, 'sender'),
    claims,
    penaltyRatePercent: number_(input.penalty_rate, 'penalty_rate'),
    paymentTerms: text(input.payment_terms, 'payment_terms'),
    nextStep: input.next_step === undefined || input.next_step === null ? null : nextStep(input.next_step, 'next_step'),
    previousReminders: input.previous_reminders === undefined || input.previous_reminders === null ? null : list(input.previous_reminders, 'previous_reminders', (value, path) => date(value, path, true)),
    call: input.call === undefined || input.call === null ? null : call(input.call, 'call'),
    formalNotice: input.formal_notice === undefined || input.formal_notice === null ? null : formalNotice(input.formal_notice, 'formal_notice'),
    disputed: bool(input.disputed, 'disputed'),
    threadSubject: text(input.thread_subject, 'thread_subject'),
    tone: tone(input.tone, 'tone'),
    cause: cause(input.cause, 'cause'),
    advice: input.advice === undefined || input.advice === null ? null : list(input.advice, 'advice', adviceCode),
  };
  let computeClaim: DraftInput['computeClaim'] = null;
  if (input.jurisdiction !== undefined && input.jurisdiction !== null) {
    const jurisdiction = typeof input.jurisdiction === 'string' ? parseJurisdiction(input.jurisdiction) : null;
    if (!jurisdiction) throw new DraftInputError(`jurisdiction: expected FR, EU, DE or UK, got ${describe(input.jurisdiction)}`);
    if (claims !== null) throw new DraftInputError('give either "jurisdiction" (the claim is computed) or "claim"/"claims" (figures you computed), not both');
    computeClaim = { jurisdiction, rateOverrides: input.rate_overrides === undefined || input.rate_overrides === null ? [] : list(input.rate_overrides, 'rate_overrides', rateOverride) };
  } else if (input.rate_overrides !== undefined) throw new DraftInputError('rate_overrides: only used with "jurisdiction"');
  // Edited templates replace the wording actually rendered: the tone used.
  const usedTone = resolveTone(step, draftTone(context));
  return { context, overrides: input.templates === undefined || input.templates === null ? {} : templates(input.templates, 'templates', step, language, usedTone), computeClaim };
}

function tone(value: unknown, path: string): DraftTone | null {
  if (value === undefined || value === null) return null;
  if (!isDraftTone(value)) throw new DraftInputError(`${path}: expected one of ${DRAFT_TONES.join(', ')}, got ${describe(value)}`);
  return value;
}

function cause(value: unknown, path: string): DraftCause | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !(DRAFT_CAUSES as readonly string[]).includes(value)) throw new DraftInputError(`${path}: expected one of ${DRAFT_CAUSES.join(', ')}, got ${describe(value)}`);
  return value as DraftCause;
}

function adviceCode(value: unknown, path: string): string {
  if (typeof value !== 'string' || !(ADVICE_CODES as readonly string[]).includes(value)) throw new DraftInputError(`${path}: expected an advice code of the ladder (${ADVICE_CODES.join(', ')}), got ${describe(value)}`);
  return value;
}

function rateOverride(value: unknown, path: string): RateOverride {
  const r = object(value, path, ['table', 'period', 'rate_percent']);
  const table = typeof r.table === 'string' ? parseRateTableId(r.table) : null;
  if (!table) throw new DraftInputError(`${path}.table: unknown rate table ${describe(r.table)}`);
  const period = typeof r.period === 'string' ? parseOverridePeriod(table, r.period) : null;
  if (!period) throw new DraftInputError(`${path}.period: expected a half-year such as "2026-H2", got ${describe(r.period)}`);
  const ratePercent = number_(r.rate_percent, `${path}.rate_percent`);
  if (ratePercent === null) throw new DraftInputError(`${path}.rate_percent: required`);
  return { table, period, ratePercent };
}

/**
 * The claim of the draft's invoices from the law calculators. A rate the tables do not know is never
 * guessed: the draft is rendered without figures (the templates state the legal rule in words) and
 * the output says which rate to enter.
 */
function withComputedClaim(input: DraftInput): { context: DraftContext; claimError: string | null } {
  const { computeClaim } = input;
  if (!computeClaim) return { context: input.context, claimError: null };
  // The draft cites the law of the claim's jurisdiction (legal-basis.ts), even without figures.
  const context: DraftContext = { ...input.context, jurisdiction: computeClaim.jurisdiction };
  const dated = context.invoices.filter((invoice) => invoice.amount !== null && invoice.amount !== undefined && invoice.currency && invoice.dueDate);
  if (dated.length !== context.invoices.length) return { context, claimError: 'the claim needs every invoice\'s amount, currency and due date' };
  const outcome = claimFigures(
    dated.map((invoice) => ({ number: invoice.number, amount: invoice.amount as number, currency: invoice.currency as string, issueDate: invoice.issueDate ?? null, dueDate: invoice.dueDate as IsoDate })),
    { jurisdiction: computeClaim.jurisdiction, b2b: context.client.kind !== 'consumer', asOf: context.formalNotice?.sentOn ?? context.today, rateOverrides: computeClaim.rateOverrides },
  );
  if (!outcome.ok) return { context, claimError: `invoice ${outcome.invoice}: ${outcome.error.message}` };
  return { context: { ...context, claims: outcome.claims, penaltyRatePercent: context.penaltyRatePercent ?? outcome.penaltyRatePercent }, claimError: null };
}

function invoice(value: unknown, path: string): DraftInvoice {
  const r = object(value, path, ['number', 'invoice_number', 'amount', 'currency', 'issue_date', 'due_date', 'description']);
  const number = text(r.number ?? r.invoice_number, `${path}.number`);
  if (number === null) throw new DraftInputError(`${path}.number: required (a string)`);
  return {
    number,
    amount: number_(r.amount, `${path}.amount`),
    currency: currency(r.currency, `${path}.currency`),
    issueDate: date(r.issue_date, `${path}.issue_date`),
    dueDate: date(r.due_date, `${path}.due_date`),
    description: text(r.description, `${path}.description`),
  };
}

function client(value: unknown, path: string): DraftClient {
  const r = object(value, path, ['kind', 'b2b', 'company', 'contact_name', 'name', 'civility', 'last_name', 'email', 'phone', 'address', 'siren', 'commercial']);
  if (r.b2b !== undefined && typeof r.b2b !== 'boolean') throw new DraftInputError(`${path}.b2b: expected true or false, got ${describe(r.b2b)}`);
  const kind = r.kind ?? (r.b2b === false ? 'consumer' : 'business');
  if (kind !== 'business' && kind !== 'consumer') throw new DraftInputError(`${path}.kind: expected "business" or "consumer", got ${describe(kind)}`);
  if (typeof r.b2b === 'boolean' && r.kind !== undefined && r.b2b !== (kind === 'business')) throw new DraftInputError(`${path}: "kind" and "b2b" disagree`);
  const civility = r.civility ?? null;
  if (civility !== null && civility !== 'madame' && civility !== 'monsieur') throw new DraftInputError(`${path}.civility: expected "madame" or "monsieur", got ${describe(civility)}`);
  return {
    kind,
    company: text(r.company, `${path}.company`),
    contactName: text(r.contact_name ?? r.name, `${path}.contact_name`),
    civility,
    lastName: text(r.last_name, `${path}.last_name`),
    email: text(r.email, `${path}.email`),
    phone: text(r.phone, `${path}.phone`),
    address: text(r.address, `${path}.address`),
    siren: text(r.siren, `${path}.siren`),
    commercial: bool(r.commercial, `${path}.commercial`),
  };
}

function sender(value: unknown, path: string): DraftSender {
  const keys = ['name', 'company', 'role', 'phone', 'email', 'address', 'city', 'siren', 'iban', 'bic', 'payment_link'];
  const r = object(value, path, keys);
  return {
    name: text(r.name, `${path}.name`),
    company: text(r.company, `${path}.company`),
    role: text(r.role, `${path}.role`),
    phone: text(r.phone, `${path}.phone`),
    email: text(r.email, `${path}.email`),
    address: text(r.address, `${path}.address`),
    city: text(r.city, `${path}.city`),
    siren: text(r.siren, `${path}.siren`),
    iban: text(r.iban, `${path}.iban`),
    bic: text(r.bic, `${path}.bic`),
    paymentLink: text(r.payment_link, `${path}.payment_link`),
  };
}

function claim(value: unknown, path: string): ClaimFigures {
  const r = object(value, path, ['currency', 'principal', 'interest', 'interest_periods', 'fixed_indemnity', 'paid', 'total']);
  const code = currency(r.currency, `${path}.currency`);
  if (code === null) throw new DraftInputError(`${path}.currency: required (an ISO 4217 code such as "EUR")`);
  const principal = number_(r.principal, `${path}.principal`);
  if (principal === null) throw new DraftInputError(`${path}.principal: required (a number)`);
  const total = number_(r.total, `${path}.total`);
  if (total === null) throw new DraftInputError(`${path}.total: required (a number)`);
  return {
    currency: code,
    principal,
    interest: number_(r.interest, `${path}.interest`),
    interestPeriods: r.interest_periods === undefined || r.interest_periods === null ? null : list(r.interest_periods, `${path}.interest_periods`, interestPeriod),
    fixedIndemnity: number_(r.fixed_indemnity, `${path}.fixed_indemnity`),
    paid: number_(r.paid, `${path}.paid`),
    total,
  };
}

function interestPeriod(value: unknown, path: string): InterestPeriod {
  const r = object(value, path, ['from', 'to', 'rate', 'rate_percent', 'amount']);
  const ratePercent = number_(r.rate ?? r.rate_percent, `${path}.rate`);
  if (ratePercent === null) throw new DraftInputError(`${path}.rate: required (annual rate in percent)`);
  return { from: date(r.from, `${path}.from`, true), to: date(r.to, `${path}.to`, true), ratePercent, amount: number_(r.amount, `${path}.amount`) };
}

function nextStep(value: unknown, path: string): NonNullable<DraftContext['nextStep']> {
  const r = object(value, path, ['step', 'date']);
  if (!isChasingStep(r.step)) throw new DraftInputError(`${path}.step: expected one of ${CHASING_STEPS.join(', ')}, got ${describe(r.step)}`);
  return { step: r.step, date: date(r.date, `${path}.date`) };
}

function call(value: unknown, path: string): CallNotes {
  const r = object(value, path, ['date', 'reason', 'agreement', 'promised_date', 'promised_amount', 'plan', 'next_call_date']);
  return {
    date: date(r.date, `${path}.date`),
    reason: text(r.reason, `${path}.reason`),
    agreement: text(r.agreement, `${path}.agreement`),
    promisedDate: date(r.promised_date, `${path}.promised_date`),
    promisedAmount: number_(r.promised_amount, `${path}.promised_amount`),
    plan:
      r.plan === undefined || r.plan === null
        ? null
        : list(r.plan, `${path}.plan`, (item, itemPath) => {
            const p = object(item, itemPath, ['date', 'due_date', 'amount']);
            const amount = number_(p.amount, `${itemPath}.amount`);
            if (amount === null) throw new DraftInputError(`${itemPath}.amount: required (a number)`);
            return { dueDate: date(p.date ?? p.due_date, `${itemPath}.date`, true), amount };
          }),
    nextCallDate: date(r.next_call_date, `${path}.next_call_date`),
  };
}

function formalNotice(value: unknown, path: string): FormalNoticeFacts {
  const r = object(value, path, ['sent_on', 'deadline_days', 'deadline_date']);
  const days = number_(r.deadline_days, `${path}.deadline_days`);
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 90)) throw new DraftInputError(`${path}.deadline_days: expected a whole number of days (1-90), got ${describe(days)}`);
  return { sentOn: date(r.sent_on, `${path}.sent_on`), deadlineDays: days, deadlineDate: date(r.deadline_date, `${path}.deadline_date`) };
}

function templates(value: unknown, path: string, step: DraftContext['step'], language: Language, usedTone: DraftTone): TemplateOverrides {
  const parts = templateParts(step);
  const r = object(value, path, parts);
  const out: Partial<Record<ReturnType<typeof templateKey>, string>> = {};
  for (const part of parts) {
    const source = r[part];
    if (source === undefined || source === null) continue;
    if (typeof source !== 'string') throw new DraftInputError(`${path}.${part}: expected a template (a string), got ${describe(source)}`);
    out[templateKey({ step, language, part: part as TemplatePart, tone: usedTone })] = source;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Field readers: each names the field at fault.

function object(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DraftInputError(`${path}: expected an object, got ${describe(value)}`);
  const unknown = Object.keys(value).filter((key) => !keys.includes(key));
  if (unknown.length > 0) throw new DraftInputError(`${path}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')} (known: ${keys.join(', ')})`);
  return value as Record<string, unknown>;
}

function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new DraftInputError(`${path}: expected a list, got ${describe(value)}`);
  if (value.length > 200) throw new DraftInputError(`${path}: at most 200 items`);
  return value.map((entry, index) => item(entry, `${path}[${index}]`));
}

function text(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new DraftInputError(`${path}: expected a string, got ${describe(value)}`);
  if (value.length > 10_000) throw new DraftInputError(`${path}: longer than 10,000 characters`);
  return value.trim() === '' ? null : value;
}

function number_(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DraftInputError(`${path}: expected a number, got ${describe(value)}`);
  return value;
}

function bool(value: unknown, path: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') throw new DraftInputError(`${path}: expected true or false, got ${describe(value)}`);
  return value;
}

function currency(value: unknown, path: string): string | null {
  const code = text(value, path);
  if (code === null) return null;
  if (!/^[A-Za-z]{3}$/.test(code.trim())) throw new DraftInputError(`${path}: expected an ISO 4217 code such as "EUR", got ${describe(value)}`);
  return code.trim().toUpperCase();
}

function date(value: unknown, path: string, required: true): IsoDate;
function date(value: unknown, path: string, required?: false): IsoDate | null;
function date(value: unknown, path: string, required = false): IsoDate | null {
  if (value === undefined || value === null) {
    if (required) throw new DraftInputError(`${path}: required (a date, YYYY-MM-DD)`);
    return null;
  }
  if (typeof value !== 'string' || !isValidIsoDate(value)) throw new DraftInputError(`${path}: not a calendar date (YYYY-MM-DD): ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

// ------------------------------------------------------------------------------------------------
// Output.

/** The draft as the command prints it: snake_case keys, step-specific fields only when present. */
export function draftJson(draft: RenderedDraft): Record<string, unknown> {
  return {
    step: draft.step,
    language: draft.language,
    tone: draft.tone,
    ...(draft.requestedTone !== draft.tone ? { requested_tone: draft.requestedTone } : {}),
    to: draft.to,
    subject: draft.subject,
    reply_subject: draft.replySubject,
    body_text: draft.bodyText,
    body_html: draft.bodyHtml,
    ...(draft.voicemailText !== undefined ? { voicemail_text: draft.voicemailText } : {}),
    ...(draft.letterHtml !== undefined ? { letter_html: draft.letterHtml } : {}),
    ...(draft.checklist !== undefined ? { checklist: draft.checklist, checklist_text: draft.checklistText, checklist_html: draft.checklistHtml } : {}),
    tone_violations: draft.toneViolations,
    missing_facts: draft.missingFacts,
    edited: draft.edited,
  };
}

const TONE_NAMES: Readonly<Record<Language, Readonly<Record<DraftTone, string>>>> = {
  fr: { friendly: 'amical', firm: 'ferme', formal: 'formel' },
  en: { friendly: 'friendly', firm: 'firm', formal: 'formal' },
};

function draftText(draft: RenderedDraft): string {
  const language = draft.language;
  const label = (fr: string, en: string): string => (language === 'fr' ? `${fr} :` : `${en}:`);
  const blocks = [`${label('Objet', 'Subject')} ${draft.subject}`, draft.bodyText];
  if (draft.voicemailText) blocks.push(`${label('Message vocal', 'Voicemail')}\n${draft.voicemailText}`);
  if (draft.checklistText) blocks.push(`${label('Liste de contrôle', 'Checklist')}\n${draft.checklistText}`);
  blocks.push(`${label('Ton', 'Tone')} ${TONE_NAMES[language][draft.tone]}${draft.requestedTone !== draft.tone ? ` (${TONE_NAMES[language][draft.requestedTone]} ${language === 'fr' ? "n'existe pas pour cette étape" : 'does not exist for this step'})` : ''}`);
  if (draft.toneViolations.length > 0) {
    blocks.push(`Tone violations: ${draft.toneViolations.map((violation) => `${violation.code}${violation.term ? ` (${violation.term})` : ''}`).join(', ')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

function templateErrorJson(error: SlotTemplateError): Record<string, unknown> {
  return {
    part: error.part,
    ...(error.tone ? { tone: error.tone } : {}),
    code: error.code,
    message: error.message,
    line: error.line,
    column: error.column,
    tag: error.tag,
    ...(error.variable ? { variable: error.variable } : {}),
    ...(error.suggestion ? { suggestion: error.suggestion } : {}),
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new Error(`the input is larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(buffer);
  }
  const source = Buffer.concat(chunks).toString('utf8');
  if (source.trim() === '') throw new Error('no input: give --json JSON or pipe the JSON on stdin');
  return source;
}

/** The machine's local calendar date, YYYY-MM-DD (the CLI has a clock; src/core does not). */
function localToday(): IsoDate {
  const now = new Date();
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
