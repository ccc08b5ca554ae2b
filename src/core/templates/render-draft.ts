/**
 * Renders the draft of any ladder step: subject and body in plain text and HTML, plus what the step
 * needs besides (the voicemail message of a call, the printable letter of a formal notice, the
 * checklist of an escalation), the tone checks' verdict and the facts the user should add.
 * Nothing is sent: the host adapter puts the draft in a compose window for the user to read.
 *
 * The wording follows the tone (`DraftContext.tone`, see `draftTone`) and the cause of the delay;
 * an invoice whose non-payment is a dispute gets no draft at all (`reason: 'disputed'`).
 */
import { adjustTone } from '../chasing/next-actions';
import type { ChasingStep } from '../chasing/steps';
import { CHASING_STEPS } from '../chasing/steps';
import { isValidIsoDate } from '../dates';
import type { Language } from '../model';
import { DRAFT_CAUSES, type DraftContext } from './context';
import { DEFAULT_TONE_OF_STEP, isDraftTone, type DraftTone, type TemplatePart } from './defaults';
import { renderTemplate, renderTemplateLine, type CompiledTemplate } from './engine';
import { checklistHtml, checklistText, escalationChecklist, type ChecklistItem } from './escalation';
import { textToHtml } from './html';
import { formalNoticeLetterHtml, formalNoticeText, type LetterParts } from './letter';
import { replySubject } from './reply-subject';
import { checkTone, type ToneViolation } from './tone';
import { compileStepTemplates, type SlotTemplateError, type TemplateOverrides } from './user-templates';
import { prepareDraft, type MissingFactCode } from './variables';

/** Steps whose email answers the invoice's thread, so the client sees it under the invoice. */
const REPLY_STEPS: ReadonlySet<ChasingStep> = new Set(['pre_reminder', 'first_reminder', 'call_follow_up', 'second_reminder', 'further_reminder']);

export interface RenderDraftOptions {
  /** The user's edited templates; parts not in it use the defaults. */
  overrides?: TemplateOverrides;
}

export interface RenderedDraft {
  step: ChasingStep;
  language: Language;
  /** The tone of the wording used (what the tone checks were run for). */
  tone: DraftTone;
  /** The tone asked for (`draftTone`): differs from `tone` when the step has no wording in it (a friendly formal notice). */
  requestedTone: DraftTone;
  /** The client's address, when known. */
  to: string[];
  /** The subject from the step's template. */
  subject: string;
  /** "Re: <thread subject>" when the step answers the invoice's thread and the thread has a subject; else null. */
  replySubject: string | null;
  bodyText: string;
  /** The same body as an HTML fragment, every value escaped. */
  bodyHtml: string;
  /** Call: the message to leave on voicemail. */
  voicemailText?: string;
  /** Formal notice: the printable letter, a standalone HTML document. */
  letterHtml?: string;
  /** Escalation: the injonction de payer file checklist. */
  checklist?: ChecklistItem[];
  checklistText?: string;
  checklistHtml?: string;
  /** Tone rules the draft breaks (empty for the default templates); the UI shows them before the user sends. */
  toneViolations: ToneViolation[];
  /** Facts the step would need and the context lacks (e.g. the creditor's SIREN for a formal notice). */
  missingFacts: MissingFactCode[];
  /** Parts rendered from the user's edited templates. */
  edited: TemplatePart[];
}

export type RenderDraftResult =
  | { ok: true; draft: RenderedDraft }
  /** An edited template does not compile. */
  | { ok: false; reason: 'template_errors'; errors: SlotTemplateError[] }
  /**
   * The cause is a dispute (or the ladder's advice says `resolve_dispute_first`): no reminder, letter
   * or call script is drafted while a dispute is open, whatever the step (chasing-practice.md: a
   * dispute is dealt with before any further reminder; the ladder proposes nothing either).
   * `errors` is empty, so code that only lists template errors still compiles.
   */
  | { ok: false; reason: 'disputed'; advice: 'resolve_dispute_first'; errors: SlotTemplateError[] };

/**
 * The tone a draft is asked for: `ctx.tone`, else the step's usual tone adjusted for the cause the
 * way the ladder adjusts it (`adjustTone`: a known bad faith makes a friendly step firm, except the
 * pre-reminder; formal stays formal). The profile's own adjustments (long-standing client, key
 * account…) come from the ladder's `ChasingAction.tone`, passed as `ctx.tone`.
 */
export function draftTone(ctx: Pick<DraftContext, 'step' | 'tone' | 'cause'>): DraftTone {
  if (isDraftTone(ctx.tone)) return ctx.tone;
  const usual = DEFAULT_TONE_OF_STEP[ctx.step];
  const cause = ctx.cause ?? 'unknown';
  return adjustTone(usual, ctx.step, { longStanding: false, keyAccount: false, knownDifficulty: false, smallAmount: false, repeatLatePayer: false, cause });
}

/** Whether the context says the invoice is disputed (cause `dispute`, or the advice `resolve_dispute_first`). */
export function isDisputedContext(ctx: Pick<DraftContext, 'cause' | 'advice'>): boolean {
  return ctx.cause === 'dispute' || (Array.isArray(ctx.advice) && ctx.advice.includes('resolve_dispute_first'));
}

/**
 * Renders one step's draft. Returns an error result when an edited template does not compile, or
 * when the invoice is disputed; throws a RangeError when the context itself is unusable (no
 * invoice, `today` not a date, unknown step, tone or cause): those are the caller's bugs, not the user's.
 */
export function renderDraft(ctx: DraftContext, options: RenderDraftOptions = {}): RenderDraftResult {
  checkContext(ctx);
  if (isDisputedContext(ctx)) return { ok: false, reason: 'disputed', advice: 'resolve_dispute_first', errors: [] };
  const requestedTone = draftTone(ctx);
  const compiled = compileStepTemplates(ctx.step, ctx.language, options.overrides, requestedTone);
  if (!compiled.ok) return { ok: false, reason: 'template_errors', errors: compiled.errors };
  const { templates, edited, tone } = compiled;
  const prepared = prepareDraft(ctx);
  const { scope, phrases, facts } = prepared;
  const part = (name: TemplatePart): CompiledTemplate => {
    const template = templates[name];
    if (!template) throw new Error(`no ${name} template for ${ctx.step}`);
    return template;
  };

  const subject = renderTemplateLine(part('subject'), scope) || (typeof scope.invoice_label === 'string' ? scope.invoice_label : '');
  const body = renderTemplate(part('body'), scope);
  const thread = ctx.threadSubject?.trim() ?? '';
  const draft: RenderedDraft = {
    step: ctx.step,
    language: ctx.language,
    tone,
    requestedTone,
    to: typeof scope.client_email === 'string' ? [scope.client_email] : [],
    subject,
    replySubject: thread && REPLY_STEPS.has(ctx.step) ? replySubject(thread) : null,
    bodyText: body,
    bodyHtml: textToHtml(body, { links: [prepared.paymentLink] }),
    toneViolations: [],
    missingFacts: prepared.missing,
    edited,
  };
  let checkedText = `${subject}\n\n${body}`;

  if (ctx.step === 'call') {
    draft.voicemailText = renderTemplate(part('voicemail'), scope);
    checkedText += `\n\n${draft.voicemailText}`;
  }

  if (ctx.step === 'formal_notice') {
    const numbers = facts.invoiceNumbers;
    const letter: LetterParts = {
      language: ctx.language,
      creditorBlock: text(scope.creditor_block),
      debtorBlock: text(scope.debtor_block),
      registeredLetter: phrases.registeredLetter,
      placeDate: text(scope.place_date) ?? '',
      subjectLabel: phrases.subjectLabel,
      subject,
      body,
      signature: prepared.signature,
      enclosures: phrases.enclosures(numbers),
      paymentLink: prepared.paymentLink,
    };
    // The email carries the whole letter, so the client reads the same words either way.
    draft.bodyText = formalNoticeText(letter);
    draft.bodyHtml = textToHtml(draft.bodyText, { links: [prepared.paymentLink] });
    draft.letterHtml = formalNoticeLetterHtml(letter);
    checkedText = `${subject}\n\n${draft.bodyText}`;
  }

  if (ctx.step === 'escalation') {
    const checklist = escalationChecklist(ctx, {
      total: text(scope.claim_total),
      totalEur: totalInEuros(ctx),
      courtName: text(scope.court_name) ?? '',
      commercialCourt: prepared.commercialCourt,
    });
    draft.checklist = checklist;
    draft.checklistText = checklistText(checklist);
    draft.checklistHtml = checklistHtml(checklist);
  }

  draft.toneViolations = checkTone({ text: checkedText, step: ctx.step, language: ctx.language, facts, tone });
  return { ok: true, draft };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The amount at stake in euros (claim total, or invoices total), or null when not all in euros. */
function totalInEuros(ctx: DraftContext): number | null {
  const claims = ctx.claims ?? [];
  if (claims.length > 0) {
    if (!claims.every((claim) => claim.currency.trim().toUpperCase() === 'EUR' && Number.isFinite(claim.total))) return null;
    return claims.reduce((sum, claim) => sum + claim.total, 0);
  }
  if (!ctx.invoices.every((invoice) => invoice.currency?.trim().toUpperCase() === 'EUR' && typeof invoice.amount === 'number' && Number.isFinite(invoice.amount))) return null;
  return ctx.invoices.reduce((sum, invoice) => sum + (invoice.amount ?? 0), 0);
}

function checkContext(ctx: DraftContext): void {
  if (!(CHASING_STEPS as readonly string[]).includes(ctx.step)) throw new RangeError(`unknown step "${String(ctx.step)}"`);
  if (ctx.language !== 'fr' && ctx.language !== 'en') throw new RangeError(`unsupported language "${String(ctx.language)}"`);
  if (!isValidIsoDate(ctx.today)) throw new RangeError(`today is not a calendar date (YYYY-MM-DD): "${ctx.today}"`);
  if (!Array.isArray(ctx.invoices) || ctx.invoices.length === 0) throw new RangeError('a draft needs at least one invoice');
  if (ctx.client.kind !== 'business' && ctx.client.kind !== 'consumer') throw new RangeError(`client.kind must be "business" or "consumer"`);
  if (ctx.tone !== undefined && ctx.tone !== null && !isDraftTone(ctx.tone)) throw new RangeError(`tone must be "friendly", "firm" or "formal", not "${String(ctx.tone)}"`);
  if (ctx.cause !== undefined && ctx.cause !== null && !DRAFT_CAUSES.includes(ctx.cause)) throw new RangeError(`unknown cause "${String(ctx.cause)}"`);
  if (ctx.advice !== undefined && ctx.advice !== null && !(Array.isArray(ctx.advice) && ctx.advice.every((code) => typeof code === 'string'))) throw new RangeError('advice must be a list of advice codes');
}
