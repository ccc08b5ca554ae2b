/**
 * The default templates: data, one set of parts per ladder step and language. A step's parts are
 * its subject and body, plus the voicemail message for the phone call. For the formal notice the
 * body is the letter between the subject line and the signature: the sender and recipient blocks,
 * place and date, and the signature are laid out by letter.ts around it.
 *
 * Tones. Each step is written in its usual tone (`DEFAULT_TONE_OF_STEP`, the ladder's own table)
 * and some steps have the wording of another tone too (`TONES_OF_STEP`): a friendly second reminder
 * for a long-standing client, a firm first reminder for a client in bad faith… The base templates
 * (`DEFAULT_TEMPLATES`) are the usual tone; the others are `TONE_VARIANTS`, same parts, same data
 * files. A tone a step has no wording for falls back to the step's usual tone (`resolveTone`).
 */
import { TONE_OF_LADDER_STEP, type ChasingTone } from '../chasing/next-actions';
import { CHASING_STEPS, type ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import { ENGLISH_TEMPLATES, ENGLISH_TONE_VARIANTS } from './defaults-en';
import { FRENCH_TEMPLATES, FRENCH_TONE_VARIANTS } from './defaults-fr';

export type TemplatePart = 'subject' | 'body' | 'voicemail';

/** The register of a draft's wording: the ladder's `ChasingTone` (friendly, firm, formal). */
export type DraftTone = ChasingTone;
export const DRAFT_TONES: readonly DraftTone[] = ['friendly', 'firm', 'formal'];

export function isDraftTone(value: unknown): value is DraftTone {
  return typeof value === 'string' && (DRAFT_TONES as readonly string[]).includes(value);
}

/**
 * The tone each step is written in unless told otherwise: the very table the ladder uses
 * (`TONE_OF_LADDER_STEP`), so a `ChasingAction.tone` and a template's tone mean the same thing.
 * friendly: pre-reminder, first reminder, call; firm: call follow-up, second and further
 * reminders; formal: formal notice and escalation.
 */
export const DEFAULT_TONE_OF_STEP: Readonly<Record<ChasingStep, DraftTone>> = TONE_OF_LADDER_STEP;

/**
 * The tones a step has wording for, its usual tone first. Exhaustive: a new step does not compile
 * until someone decides. Formal steps stay formal (a mise en demeure must be unambiguous), and the
 * pre-reminder, sent before the due date, is friendly whatever the client.
 */
export const TONES_OF_STEP: Readonly<Record<ChasingStep, readonly DraftTone[]>> = {
  pre_reminder: ['friendly'],
  first_reminder: ['friendly', 'firm'],
  call: ['friendly', 'firm'],
  call_follow_up: ['firm', 'friendly'],
  second_reminder: ['firm', 'friendly'],
  further_reminder: ['firm', 'friendly'],
  formal_notice: ['formal'],
  escalation: ['formal'],
};

/** The tone whose wording a draft uses: the one asked for when the step has it, else the step's usual tone. */
export function resolveTone(step: ChasingStep, tone?: DraftTone | null): DraftTone {
  return tone && TONES_OF_STEP[step].includes(tone) ? tone : DEFAULT_TONE_OF_STEP[step];
}

export interface StepTemplates {
  subject: string;
  body: string;
  /** The call step only: the message to leave when nobody answers. */
  voicemail?: string;
}

export type LanguageTemplates = Readonly<Record<ChasingStep, StepTemplates>>;

/** The wording of the tones other than a step's usual one (see `TONES_OF_STEP`). */
export type ToneVariants = Readonly<Partial<Record<ChasingStep, Readonly<Partial<Record<DraftTone, StepTemplates>>>>>>;

export const DEFAULT_TEMPLATES: Readonly<Record<Language, LanguageTemplates>> = { fr: FRENCH_TEMPLATES, en: ENGLISH_TEMPLATES };
export const TONE_VARIANTS: Readonly<Record<Language, ToneVariants>> = { fr: FRENCH_TONE_VARIANTS, en: ENGLISH_TONE_VARIANTS };

export const TEMPLATE_LANGUAGES: readonly Language[] = ['fr', 'en'];

/** The parts a step's template has (the same in every tone). */
export function templateParts(step: ChasingStep): TemplatePart[] {
  return step === 'call' ? ['subject', 'body', 'voicemail'] : ['subject', 'body'];
}

/**
 * The default source of one part, or null when there is none: no such part for the step, or no
 * wording in that tone. `tone` omitted or the step's usual tone: the base template.
 */
export function defaultTemplate(step: ChasingStep, language: Language, part: TemplatePart, tone?: DraftTone | null): string | null {
  const templates = !tone || tone === DEFAULT_TONE_OF_STEP[step] ? DEFAULT_TEMPLATES[language][step] : TONE_VARIANTS[language][step]?.[tone];
  return templates?.[part] ?? null;
}

/**
 * Every (step, language, part) there is a default for, and every tone variant: `tone` is set only
 * on a variant (a slot without tone is the step's usual tone).
 */
export function allTemplateSlots(): Array<{ step: ChasingStep; language: Language; part: TemplatePart; tone?: DraftTone }> {
  return TEMPLATE_LANGUAGES.flatMap((language) =>
    CHASING_STEPS.flatMap((step) =>
      TONES_OF_STEP[step].flatMap((tone) => templateParts(step).map((part) => (tone === DEFAULT_TONE_OF_STEP[step] ? { step, language, part } : { step, language, part, tone }))),
    ),
  );
}
