/**
 * The default templates: data, one set of parts per ladder step and language. A step's parts are
 * its subject and body, plus the voicemail message for the phone call. For the formal notice the
 * body is the letter between the subject line and the signature: the sender and recipient blocks,
 * place and date, and the signature are laid out by letter.ts around it.
 */
import { CHASING_STEPS, type ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import { ENGLISH_TEMPLATES } from './defaults-en';
import { FRENCH_TEMPLATES } from './defaults-fr';

export type TemplatePart = 'subject' | 'body' | 'voicemail';

export interface StepTemplates {
  subject: string;
  body: string;
  /** The call step only: the message to leave when nobody answers. */
  voicemail?: string;
}

export type LanguageTemplates = Readonly<Record<ChasingStep, StepTemplates>>;

export const DEFAULT_TEMPLATES: Readonly<Record<Language, LanguageTemplates>> = { fr: FRENCH_TEMPLATES, en: ENGLISH_TEMPLATES };

export const TEMPLATE_LANGUAGES: readonly Language[] = ['fr', 'en'];

/** The parts a step's template has. */
export function templateParts(step: ChasingStep): TemplatePart[] {
  return step === 'call' ? ['subject', 'body', 'voicemail'] : ['subject', 'body'];
}

/** The default source of one part, or null when the step has no such part. */
export function defaultTemplate(step: ChasingStep, language: Language, part: TemplatePart): string | null {
  const templates = DEFAULT_TEMPLATES[language][step];
  return templates[part] ?? null;
}

/** Every (step, language, part) there is a default for. */
export function allTemplateSlots(): Array<{ step: ChasingStep; language: Language; part: TemplatePart }> {
  return TEMPLATE_LANGUAGES.flatMap((language) => CHASING_STEPS.flatMap((step) => templateParts(step).map((part) => ({ step, language, part }))));
}
