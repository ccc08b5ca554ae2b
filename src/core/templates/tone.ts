/**
 * A tone checker for reminder drafts, following chasing-practice.md "Tone rules": never threats,
 * never pressure (it can be a criminal offence and it is counter-productive), and in the friendly
 * first steps no words such as "en retard" / "délai dépassé" — the first reminder assumes an oversight.
 * The lists are deliberately short and concrete: they catch what a template or an edit could
 * plausibly slip in, not every unkind word of the language.
 */
import type { Language, ReminderStep } from '../model';

/**
 * How firm a step may sound. Exhaustive on purpose: a new ladder step does not compile until
 * someone decides its register. The firm and formal registers (second reminder, mise en demeure)
 * come with the full ladder; only the friendly one exists today.
 */
export type ToneRegister = 'friendly' | 'firm' | 'formal';
export const TONE_OF_STEP: Readonly<Record<ReminderStep, ToneRegister>> = {
  pre_reminder: 'friendly',
  first_reminder: 'friendly',
};

/** Threats, pressure and blame: banned at every step, the formal notice included. */
const ALWAYS_BANNED: Readonly<Record<Language, readonly string[]>> = {
  fr: ['menace', 'menacer', 'poursuites', 'huissier', 'ultimatum', 'dernier avertissement', 'inadmissible', 'inacceptable', 'mauvaise foi', 'honte', 'scandaleux'],
  en: ['threat', 'threaten', 'bailiff', 'ultimatum', 'final warning', 'unacceptable', 'bad faith', 'shame', 'disgraceful', 'or else'],
};

/**
 * Words of lateness, sanctions and urgency: banned while the register is friendly. The firm steps
 * will allow the penalties and the formal notice will allow "mise en demeure" / court as facts.
 */
const BANNED_WHILE_FRIENDLY: Readonly<Record<Language, readonly string[]>> = {
  fr: [
    'retard', 'en retard', 'délai dépassé', 'dépassé', 'impayé', 'non payé', 'non réglé', 'pénalité', 'indemnité forfaitaire',
    'mise en demeure', 'recouvrement', 'contentieux', 'tribunal', 'injonction', 'avocat', 'commissaire de justice', 'urgent',
    'immédiatement', 'sans délai', 'dernier rappel',
  ],
  en: [
    'late', 'overdue', 'past due', 'unpaid', 'outstanding', 'arrears', 'penalty', 'penalties', 'formal notice', 'final notice',
    'final reminder', 'debt', 'debt collection', 'collection agency', 'legal action', 'court', 'solicitor', 'lawyer',
    'proceedings', 'urgent', 'urgently', 'immediately', 'without delay', 'failure to pay',
  ],
};

/** The banned terms found in `text` for this step, as listed above; empty when the tone is right. */
export function toneViolations(text: string, step: ReminderStep, language: Language): string[] {
  const banned = TONE_OF_STEP[step] === 'friendly' ? [...ALWAYS_BANNED[language], ...BANNED_WHILE_FRIENDLY[language]] : ALWAYS_BANNED[language];
  const folded = fold(text);
  return banned.filter((term) => termPattern(term).test(folded));
}

// Case- and accent-insensitive, so "IMPAYÉE", "impayee" and "impayés" are all caught.
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\u2019\u02bc]/g, "'");
}

// Whole words only ("late" must not catch "relate" or "later"); plural and feminine endings allowed.
function termPattern(term: string): RegExp {
  const words = fold(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\d])${words}(?:e|s|es)?(?![\\p{L}\\d])`, 'u');
}
