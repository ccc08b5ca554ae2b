/**
 * User-edited templates. Only the parts the user changed are stored ("overrides"), keyed by step,
 * language and part; everything else is the default, so improving a default reaches every user who
 * did not edit it, and "reset" is simply removing the override. An override that does not compile
 * (unknown variable, unclosed block…) is refused when saved, and if one ever reaches the renderer
 * it gives an error result, never a half-rendered draft.
 *
 * Keys: "second_reminder.fr.body" is the step's usual tone (as before tones existed), and
 * "second_reminder.fr.friendly.body" the wording of another tone the step has (`TONES_OF_STEP`).
 * One key per template: the usual tone is never spelled out ("second_reminder.fr.firm.body" names
 * nothing and is dropped on load), nor is a tone the step has no wording for.
 */
import { isChasingStep, type ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import { DEFAULT_TONE_OF_STEP, defaultTemplate, isDraftTone, resolveTone, templateParts, TONES_OF_STEP, type DraftTone, type TemplatePart } from './defaults';
import { compileTemplate, type CompiledTemplate, type TemplateError } from './engine';
import { TEMPLATE_VARIABLES } from './variables';

export interface TemplateSlot {
  step: ChasingStep;
  language: Language;
  part: TemplatePart;
  /** The tone of the wording; omitted (or the step's usual tone): the base template. */
  tone?: DraftTone;
}

export type TemplateKey = `${ChasingStep}.${Language}.${TemplatePart}` | `${ChasingStep}.${Language}.${DraftTone}.${TemplatePart}`;

/** What to store: only edited parts, source text by key ("second_reminder.fr.body", "second_reminder.fr.friendly.body"). */
export type TemplateOverrides = Readonly<Partial<Record<TemplateKey, string>>>;

/** A template error, with the part it was found in. */
export interface SlotTemplateError extends TemplateError {
  step: ChasingStep;
  language: Language;
  part: TemplatePart;
  /** Set for a tone variant (not the step's usual tone). */
  tone?: DraftTone;
}

/** Longest template accepted: far above any real letter, low enough to keep storage sane. */
export const MAX_TEMPLATE_CHARS = 20_000;

/** The key of a slot; the step's usual tone gives the three-part key. */
export function templateKey({ step, language, part, tone }: TemplateSlot): TemplateKey {
  return variantTone(step, tone) ? `${step}.${language}.${tone}.${part}` : `${step}.${language}.${part}`;
}

/**
 * The slot of a stored key, or null for a key that names no template (dropped on load): an unknown
 * step, language, tone or part, a tone the step has no wording for, or its usual tone spelled out.
 */
export function parseTemplateKey(key: string): TemplateSlot | null {
  const fields = key.split('.');
  if (fields.length !== 3 && fields.length !== 4) return null;
  const [step, language] = fields;
  const part = fields[fields.length - 1];
  const tone = fields.length === 4 ? fields[2] : undefined;
  if (!isChasingStep(step) || (language !== 'fr' && language !== 'en')) return null;
  if (part !== 'subject' && part !== 'body' && part !== 'voicemail') return null;
  if (!templateParts(step).includes(part)) return null;
  if (tone === undefined) return { step, language, part };
  if (!isDraftTone(tone) || !variantTone(step, tone)) return null;
  return { step, language, part, tone };
}

/** Whether `tone` names wording of the step other than its usual tone. */
function variantTone(step: ChasingStep, tone: DraftTone | undefined): tone is DraftTone {
  return tone !== undefined && tone !== DEFAULT_TONE_OF_STEP[step] && TONES_OF_STEP[step].includes(tone);
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

/**
 * Back to the default. With `part`: that one template (of `tone`, default the usual tone). Without
 * `part`: every part of `tone`, or when `tone` is omitted too, every part of every tone of the step
 * in that language ("reset this step").
 */
export function resetTemplate(overrides: TemplateOverrides, slot: Omit<TemplateSlot, 'part'> & { part?: TemplatePart }): TemplateOverrides {
  const { step, language } = slot;
  const tones: Array<DraftTone | undefined> = slot.part || slot.tone ? [slot.tone] : [...TONES_OF_STEP[step]];
  const parts = slot.part ? [slot.part] : templateParts(step);
  const drop = new Set<string>(tones.flatMap((tone) => parts.map((part) => templateKey({ step, language, part, ...(tone ? { tone } : {}) }))));
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
  | { ok: true; templates: Partial<Record<TemplatePart, CompiledTemplate>>; edited: TemplatePart[]; tone: DraftTone }
  | { ok: false; errors: SlotTemplateError[] };

const compiledDefaults = new Map<TemplateKey, CompiledTemplate>();

/**
 * The compiled parts of one step in one language and tone, overrides applied. A tone the step has
 * no wording for gives its usual tone; `tone` in the result says which was used.
 */
export function compileStepTemplates(step: ChasingStep, language: Language, overrides: TemplateOverrides = {}, tone?: DraftTone | null): StepTemplatesResult {
  const used = resolveTone(step, tone);
  const variant = variantTone(step, used) ? { tone: used } : {};
  const templates: Partial<Record<TemplatePart, CompiledTemplate>> = {};
  const edited: TemplatePart[] = [];
  const errors: SlotTemplateError[] = [];
  for (const part of templateParts(step)) {
    const slot: TemplateSlot = { step, language, part, ...variant };
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
      errors.push(...problems.map((problem) => ({ ...problem, step, language, part, ...variant })));
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, templates, edited, tone: used };
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
  const source = defaultTemplate(slot.step, slot.language, slot.part, slot.tone);
  if (source === null) throw new RangeError(`the ${slot.step} step has no ${slot.part} template${slot.tone ? ` in the ${slot.tone} tone` : ''}`);
  return source;
}
