/**
 * User-edited templates. Only the parts the user changed are stored ("overrides"), keyed by step,
 * language and part; everything else is the default, so improving a default reaches every user who
 * did not edit it, and "reset" is simply removing the override. An override that does not compile
 * (unknown variable, unclosed block…) is refused when saved, and if one ever reaches the renderer
 * it gives an error result, never a half-rendered draft.
 */
import { isChasingStep, type ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import { defaultTemplate, templateParts, type TemplatePart } from './defaults';
import { compileTemplate, type CompiledTemplate, type TemplateError } from './engine';
import { TEMPLATE_VARIABLES } from './variables';

export interface TemplateSlot {
  step: ChasingStep;
  language: Language;
  part: TemplatePart;
}

export type TemplateKey = `${ChasingStep}.${Language}.${TemplatePart}`;

/** What to store: only edited parts, source text by key ("second_reminder.fr.body"). */
export type TemplateOverrides = Readonly<Partial<Record<TemplateKey, string>>>;

/** A template error, with the part it was found in. */
export interface SlotTemplateError extends TemplateError {
  step: ChasingStep;
  language: Language;
  part: TemplatePart;
}

/** Longest template accepted: far above any real letter, low enough to keep storage sane. */
export const MAX_TEMPLATE_CHARS = 20_000;

export function templateKey({ step, language, part }: TemplateSlot): TemplateKey {
  return `${step}.${language}.${part}`;
}

/** The slot of a stored key, or null for a key that names no template (dropped on load). */
export function parseTemplateKey(key: string): TemplateSlot | null {
  const [step, language, part, ...rest] = key.split('.');
  if (rest.length > 0 || !isChasingStep(step) || (language !== 'fr' && language !== 'en')) return null;
  if (part !== 'subject' && part !== 'body' && part !== 'voicemail') return null;
  return templateParts(step).includes(part) ? { step, language, part } : null;
}

/**
 * The errors of a template source, each with its line, column, the tag, and for an unknown
 * variable the known names and the closest one. Empty when the template can be used.
 */
export function validateTemplate(source: string): TemplateError[] {
  if (source.length > MAX_TEMPLATE_CHARS) {
    return [{ code: 'bad_tag', message: `the template is longer than ${MAX_TEMPLATE_CHARS} characters`, line: 1, column: 1, offset: 0, tag: '' }];
  }
  const result = compileTemplate(source, TEMPLATE_VARIABLES);
  return result.ok ? [] : result.errors;
}

/** The source in use for a slot: the user's edit, or the default. */
export function effectiveTemplate(overrides: TemplateOverrides, slot: TemplateSlot): string {
  return overrides[templateKey(slot)] ?? requireDefault(slot);
}

export function isEdited(overrides: TemplateOverrides, slot: TemplateSlot): boolean {
  return overrides[templateKey(slot)] !== undefined;
}

export type SetTemplateResult = { ok: true; overrides: TemplateOverrides } | { ok: false; errors: TemplateError[] };

/**
 * Saves an edit. A source identical to the default removes the override (nothing to store); a
 * source with errors is refused with them.
 */
export function setTemplate(overrides: TemplateOverrides, slot: TemplateSlot, source: string): SetTemplateResult {
  const fallback = requireDefault(slot);
  if (source === fallback) return { ok: true, overrides: resetTemplate(overrides, slot) };
  const errors = validateTemplate(source);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, overrides: { ...overrides, [templateKey(slot)]: source } };
}

/** Back to the default: one part, or every part of the step in that language when `part` is omitted. */
export function resetTemplate(overrides: TemplateOverrides, slot: Omit<TemplateSlot, 'part'> & { part?: TemplatePart }): TemplateOverrides {
  const parts = slot.part ? [slot.part] : templateParts(slot.step);
  const drop = new Set<string>(parts.map((part) => templateKey({ step: slot.step, language: slot.language, part })));
  return Object.fromEntries(Object.entries(overrides).filter(([key]) => !drop.has(key))) as TemplateOverrides;
}

/** Stored overrides, cleaned on load: unknown keys and non-string values dropped. */
export function loadOverrides(stored: unknown): TemplateOverrides {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Partial<Record<TemplateKey, string>> = {};
  for (const [key, value] of Object.entries(stored)) {
    const slot = parseTemplateKey(key);
    if (slot && typeof value === 'string') out[templateKey(slot)] = value;
  }
  return out;
}

export type StepTemplatesResult =
  | { ok: true; templates: Partial<Record<TemplatePart, CompiledTemplate>>; edited: TemplatePart[] }
  | { ok: false; errors: SlotTemplateError[] };

const compiledDefaults = new Map<TemplateKey, CompiledTemplate>();

/** The compiled parts of one step in one language, overrides applied. */
export function compileStepTemplates(step: ChasingStep, language: Language, overrides: TemplateOverrides = {}): StepTemplatesResult {
  const templates: Partial<Record<TemplatePart, CompiledTemplate>> = {};
  const edited: TemplatePart[] = [];
  const errors: SlotTemplateError[] = [];
  for (const part of templateParts(step)) {
    const slot = { step, language, part };
    const key = templateKey(slot);
    const override = overrides[key];
    if (override === undefined) {
      templates[part] = compiledDefault(slot);
      continue;
    }
    const problems = validateTemplate(override);
    const result = problems.length === 0 ? compileTemplate(override, TEMPLATE_VARIABLES) : null;
    if (result?.ok) {
      templates[part] = result.template;
      edited.push(part);
    } else {
      errors.push(...problems.map((problem) => ({ ...problem, step, language, part })));
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, templates, edited };
}

function compiledDefault(slot: TemplateSlot): CompiledTemplate {
  const key = templateKey(slot);
  const cached = compiledDefaults.get(key);
  if (cached) return cached;
  const result = compileTemplate(requireDefault(slot), TEMPLATE_VARIABLES);
  if (!result.ok) throw new Error(`default template ${key} is invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  compiledDefaults.set(key, result.template);
  return result.template;
}

function requireDefault(slot: TemplateSlot): string {
  const source = defaultTemplate(slot.step, slot.language, slot.part);
  if (source === null) throw new RangeError(`the ${slot.step} step has no ${slot.part} template`);
  return source;
}
