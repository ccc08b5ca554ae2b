/**
 * Tone rules, checked by code on every rendered draft (chasing-practice.md "Tone rules",
 * late-payment-law.md 4.2 and 8):
 *
 * - never threats, pressure, disclosure to third parties, or words that imitate a court or bailiff
 *   act ("huissier", "saisie", "commandement"…), at any step;
 * - in the friendly steps (pre-reminder, first reminder) no word of lateness or sanction
 *   ("retard", "délai dépassé", "late", "overdue"…), no formal notice, no court;
 * - no court or lawyer before the formal notice; in the formal notice the court appears only as the
 *   lawful next step, in a sentence that says on what condition ("À défaut de règlement…");
 * - no fee of any kind asked of a consumer (the 40 € indemnity is B2B only);
 * - the second reminder to a business states the penalty rate and the 40 € indemnity;
 * - the formal notice says "mise en demeure" and states the invoices, the amount claimed and its
 *   breakdown, the deadline, the consequences, the date, and who the creditor and debtor are;
 * - wording in the friendly tone (a softened second reminder, say) does not insist: no "deuxième
 *   relance", no "au plus tard".
 *
 * Two tables, one for each question:
 *
 * - `DEFAULT_TONE_OF_STEP` (defaults.ts, the ladder's `TONE_OF_LADDER_STEP`): the tone a step is
 *   WRITTEN in, `friendly | firm | formal`, the value of `ChasingAction.tone` and `DraftContext.tone`.
 * - `TONE_OF_STEP` (below): the register a step is CHECKED in, a floor set by the step whatever
 *   the tone, because the rules come from the law and from practice per step: a first reminder
 *   never speaks of lateness even when firm; a second reminder to a business states the penalties
 *   even when friendly. It is finer: `courteous` (call, call follow-up: no sanction words) and
 *   `file` (escalation: the user's court file may name procedures). The tone only adds rules:
 *   friendly wording bans the `insistence` words.
 *
 * Matching is case- and accent-insensitive and on whole words, with plural/feminine endings. The
 * lists are short and concrete: they catch what a template or an edit could plausibly slip in, not
 * every unkind word of the language. Violations are structured (code + term) for the UI to translate.
 */
import type { ChasingTone } from '../chasing/next-actions';
import type { ChasingStep } from '../chasing/steps';
import type { Language } from '../model';
import type { RequiredFacts } from './variables';

/**
 * How firm a step may sound (the check register, see above). Exhaustive on purpose: a new ladder
 * step does not compile until someone decides its register.
 */
export type ToneRegister = 'friendly' | 'courteous' | 'firm' | 'formal' | 'file';
export const TONE_OF_STEP: Readonly<Record<ChasingStep, ToneRegister>> = {
  pre_reminder: 'friendly',
  first_reminder: 'friendly',
  call: 'courteous',
  call_follow_up: 'courteous',
  second_reminder: 'firm',
  further_reminder: 'firm',
  formal_notice: 'formal',
  // The claim summary is for the user's court file, not for the client: procedure words are its subject.
  escalation: 'file',
};

export type BannedCategory =
  /** Threats: banned everywhere. */
  | 'threat'
  /** Insults, blame, pressure: banned everywhere. */
  | 'pressure'
  /** Words that imitate a court or bailiff act, or criminal proceedings: banned everywhere but the court file. */
  | 'fake_procedure'
  /** Disclosing the debt to third parties: banned everywhere. */
  | 'disclosure'
  /** Lateness, sanctions, urgency: banned in the friendly steps. */
  | 'lateness'
  /** Formal notice and sanctions: banned before the firm steps. */
  | 'escalation'
  /** Court, lawyers, proceedings: banned before the formal notice. */
  | 'court'
  /** Counting reminders, hard deadlines: banned in friendly wording (`tone` friendly), whatever the step. */
  | 'insistence';

type TermList = Readonly<Record<Language, readonly string[]>>;

const ALWAYS_BANNED: Readonly<Record<'threat' | 'pressure' | 'fake_procedure' | 'disclosure', TermList>> = {
  threat: {
    fr: ['menace', 'menacer', 'ultimatum', 'dernier avertissement', 'vous allez le regretter', 'à vos risques et périls', 'représailles', 'graves conséquences', 'lourdes conséquences'],
    en: ['threat', 'threaten', 'threatened', 'ultimatum', 'final warning', 'or else', 'you will regret', 'serious consequences'],
  },
  pressure: {
    fr: ['inadmissible', 'inacceptable', 'mauvaise foi', 'honte', 'honteux', 'scandaleux', 'mauvais payeur', 'escroc', 'escroquerie', 'dernier délai'],
    en: ['unacceptable', 'bad faith', 'shame', 'shameful', 'disgraceful', 'outrageous', 'scam', 'fraudster', 'bad payer', 'deadbeat'],
  },
  fake_procedure: {
    fr: [
      'poursuites', 'huissier', 'commissaire de justice', 'saisie', 'commandement', 'sommation', 'exécution forcée', "acte d'huissier", 'plainte', 'procureur', 'pénal',
      'gendarmerie', 'police', 'au nom de la loi',
    ],
    en: ['bailiff', 'enforcement agent', 'enforcement officer', 'seize', 'seized', 'seizure', 'repossess', 'repossession', 'warrant', 'summons', 'court order', 'criminal', 'prosecute', 'prosecution', 'police'],
  },
  disclosure: {
    fr: ['votre employeur', 'votre famille', 'vos voisins', 'réseaux sociaux', 'avis négatif', 'liste noire', 'fichier des mauvais payeurs'],
    en: ['your employer', 'your family', 'your neighbours', 'social media', 'blacklist', 'credit rating', 'credit file', 'name and shame'],
  },
};

const LATENESS: TermList = {
  fr: ['retard', 'en retard', 'délai dépassé', 'dépassé', 'impayé', 'non payé', 'non réglé', 'pénalité', 'indemnité forfaitaire', 'recouvrement', 'urgent', 'immédiatement', 'sans délai', 'dernier rappel'],
  en: [
    'late', 'overdue', 'past due', 'unpaid', 'outstanding', 'arrears', 'penalty', 'penalties', 'final notice', 'final reminder', 'debt', 'debt collection', 'collection agency',
    'urgent', 'urgently', 'immediately', 'without delay', 'failure to pay',
  ],
};

const ESCALATION: TermList = {
  fr: ['mise en demeure', 'pénalité', 'indemnité forfaitaire', 'recouvrement'],
  en: ['formal notice', 'mise en demeure', 'penalty', 'penalties', 'debt collection', 'collection agency'],
};

const COURT: TermList = {
  fr: ['tribunal', 'injonction', 'injonction de payer', 'juridiction', 'procédure judiciaire', 'action en justice', 'avocat', 'contentieux', 'assignation', 'référé'],
  en: ['court', 'tribunal', 'injonction', 'order for payment', 'legal action', 'legal proceedings', 'proceedings', 'lawyer', 'solicitor', 'litigation', 'sue'],
};

/** A softened draft does not count the reminders nor set hard deadlines (the next step's date is given as a wish). */
const INSISTENCE: TermList = {
  fr: ['deuxième relance', 'troisième relance', 'dernière relance', 'au plus tard', 'impérativement', 'sans attendre', 'sans faute'],
  en: ['second reminder', 'third reminder', 'at the latest', 'without fail', 'urgency', 'must insist'],
};

/** Words that make a sentence conditional: the court is what happens if the client does not pay. */
const CONDITION: TermList = {
  fr: ['à défaut', 'faute de', 'sans règlement', 'si', "s'il", "en l'absence"],
  en: ['if', 'failing', 'unless', 'in the absence', 'should'],
};

/** Fees a consumer may not be charged (CPCE L111-8): only B2B debtors owe the 40 € indemnity. */
const CONSUMER_FEES: TermList = {
  fr: ['frais de dossier', 'frais de recouvrement', 'frais de relance', 'indemnité forfaitaire'],
  en: ['admin fee', 'administration fee', 'collection costs', 'recovery costs', 'fixed indemnity', 'fixed compensation', 'late fee', 'late payment fee'],
};

const FORMAL_NOTICE_WORDS: TermList = { fr: ['mise en demeure'], en: ['formal notice'] };

/** The lists a register bans, in order, with their category; friendly wording adds the insistence words. */
function bannedLists(register: ToneRegister, tone: ChasingTone | null): Array<[BannedCategory, TermList]> {
  const lists = registerLists(register);
  return tone === 'friendly' ? [...lists, ['insistence', INSISTENCE]] : lists;
}

function registerLists(register: ToneRegister): Array<[BannedCategory, TermList]> {
  const always: Array<[BannedCategory, TermList]> = [
    ['threat', ALWAYS_BANNED.threat],
    ['pressure', ALWAYS_BANNED.pressure],
    ['fake_procedure', ALWAYS_BANNED.fake_procedure],
    ['disclosure', ALWAYS_BANNED.disclosure],
  ];
  switch (register) {
    case 'friendly':
      return [...always, ['lateness', LATENESS], ['escalation', ESCALATION], ['court', COURT]];
    case 'courteous':
      return [...always, ['escalation', ESCALATION], ['court', COURT]];
    case 'firm':
      return [...always, ['court', COURT]];
    case 'formal':
      return always;
    case 'file':
      return always.filter(([category]) => category !== 'fake_procedure');
  }
}

export type ToneViolationCode =
  /** A banned word (see `category`). */
  | 'banned_term'
  /** Formal notice: the court mentioned outside a conditional "if you do not pay" sentence. */
  | 'court_not_as_next_step'
  /** A fee or the fixed indemnity asked of a consumer. */
  | 'consumer_fee'
  | 'missing_penalty_rate'
  | 'missing_fixed_indemnity'
  | 'missing_mise_en_demeure'
  | 'missing_invoice_ref'
  | 'missing_amount_claimed'
  /** `term`: 'principal' | 'interest' | 'interest_rate' | 'interest_period' | 'fixed_indemnity'. */
  | 'missing_breakdown'
  | 'missing_deadline'
  | 'missing_consequences'
  | 'missing_date'
  | 'missing_creditor_identity'
  | 'missing_debtor_identity'
  | 'missing_next_step_date';

export interface ToneViolation {
  code: ToneViolationCode;
  /** The word found, or the fact missing (an invoice number, a breakdown line). */
  term?: string;
  category?: BannedCategory;
}

/** The facts a check compares a draft with; see `RequiredFacts` (variables.ts). */
export type ToneFacts = RequiredFacts;

export interface ToneCheckInput {
  /** Everything the client will read: subject and body (and the whole letter for a formal notice). */
  text: string;
  step: ChasingStep;
  language: Language;
  /** Without facts, only the banned words are checked (and consumer fees when `clientKind` says so). */
  facts?: ToneFacts | null;
  /** The tone of the wording (`DraftContext.tone` as rendered); friendly bans the insistence words. Default: none added. */
  tone?: ChasingTone | null;
}

/**
 * The banned terms found in `text` for this step, as listed above; empty when the tone is right.
 * (Banned words only; `checkTone` also runs the required-content checks.)
 */
export function toneViolations(text: string, step: ChasingStep, language: Language, tone: ChasingTone | null = null): string[] {
  return bannedTermsIn(fold(text), TONE_OF_STEP[step], language, tone).map(([term]) => term);
}

/** Every tone rule on a rendered draft: banned words, court as a next step only, consumer fees, required content. */
export function checkTone({ text, step, language, facts, tone }: ToneCheckInput): ToneViolation[] {
  const register = TONE_OF_STEP[step];
  const folded = fold(text);
  const masked = maskIdentities(folded, facts?.identities ?? []);
  const violations: ToneViolation[] = bannedTermsIn(masked, register, language, tone ?? null).map(([term, category]) => ({ code: 'banned_term', term, category }));
  if (register === 'formal') {
    for (const term of courtOutsideCondition(masked, language)) violations.push({ code: 'court_not_as_next_step', term });
  }
  if (facts?.clientKind === 'consumer') {
    for (const term of CONSUMER_FEES[language]) if (termPattern(term).test(masked)) violations.push({ code: 'consumer_fee', term });
    if (fortyEuros(masked)) violations.push({ code: 'consumer_fee', term: '40 €' });
  }
  if (facts) violations.push(...requiredContent(folded, step, language, facts));
  return dedupe(violations);
}

function bannedTermsIn(folded: string, register: ToneRegister, language: Language, tone: ChasingTone | null): Array<[string, BannedCategory]> {
  const found: Array<[string, BannedCategory]> = [];
  const seen = new Set<string>();
  for (const [category, list] of bannedLists(register, tone)) {
    for (const term of list[language]) {
      if (seen.has(term) || !termPattern(term).test(folded)) continue;
      seen.add(term);
      found.push([term, category]);
    }
  }
  return found;
}

/** Court words in a sentence with no condition: the formal notice must present the court as "if not paid, then". */
function courtOutsideCondition(folded: string, language: Language): string[] {
  const found = new Set<string>();
  for (const sentence of folded.split(/(?<=[.!?])\s+|\n+/)) {
    const terms = COURT[language].filter((term) => termPattern(term).test(sentence));
    if (terms.length === 0) continue;
    if (CONDITION[language].some((marker) => termPattern(marker).test(sentence))) continue;
    for (const term of terms) found.add(term);
  }
  return [...found];
}

function requiredContent(folded: string, step: ChasingStep, language: Language, facts: ToneFacts): ToneViolation[] {
  const out: ToneViolation[] = [];
  const has = (value: string): boolean => folded.includes(fold(value));
  if (step === 'second_reminder' && facts.clientKind === 'business') {
    const rateStated = facts.penaltyRate ? has(facts.penaltyRate) : /\d+(?:[.,]\d+)?\s?%/.test(folded) || /(?<![\p{L}])(bce|ecb)(?![\p{L}])/u.test(folded);
    if (!rateStated) out.push({ code: 'missing_penalty_rate', ...(facts.penaltyRate ? { term: facts.penaltyRate } : {}) });
    if (!(statesFixedIndemnity(folded, facts.fixedIndemnityUnit) && /indemnit|compensation/.test(folded))) out.push({ code: 'missing_fixed_indemnity', term: facts.fixedIndemnityUnit });
  }
  if (step === 'further_reminder' && facts.nextStepDate && !has(facts.nextStepDate)) out.push({ code: 'missing_next_step_date', term: facts.nextStepDate });
  if (step === 'formal_notice') {
    if (!FORMAL_NOTICE_WORDS[language].some((term) => termPattern(term).test(folded))) out.push({ code: 'missing_mise_en_demeure', term: FORMAL_NOTICE_WORDS[language][0] ?? '' });
    // Each invoice: its number, and its date, due date and amount when known.
    for (const [index, ref] of facts.invoiceRefs.entries()) {
      const parts = [ref.number, ref.issueDate, ref.dueDate, ref.amount].filter((part): part is string => part !== null);
      if (parts.some((part) => !has(part))) out.push({ code: 'missing_invoice_ref', term: ref.number ?? `#${index + 1}` });
    }
    for (const total of facts.claimTotals) if (!has(total)) out.push({ code: 'missing_amount_claimed', term: total });
    const breakdown: Array<[string, readonly string[]]> = [
      ['principal', facts.principals],
      ['interest', facts.interests],
      ['interest_rate', facts.interestRates],
      ['interest_period', facts.interestPeriodBounds],
      ['fixed_indemnity', facts.clientKind === 'business' ? facts.fixedIndemnities : []],
    ];
    for (const [part, values] of breakdown) if (values.some((value) => !has(value))) out.push({ code: 'missing_breakdown', term: part });
    const deadlineStated = (facts.deadlineDate !== null && has(facts.deadlineDate)) || new RegExp(`(?<!\\d)${facts.deadlineDays}\\s+(jours|days)(?![\\p{L}])`, 'u').test(folded);
    if (!deadlineStated) out.push({ code: 'missing_deadline', term: facts.deadlineDate ?? String(facts.deadlineDays) });
    if (!COURT[language].some((term) => termPattern(term).test(folded))) out.push({ code: 'missing_consequences' });
    if (!has(facts.today)) out.push({ code: 'missing_date', term: facts.today });
    if (facts.creditorNames.length > 0 && !facts.creditorNames.some(has)) out.push({ code: 'missing_creditor_identity', term: facts.creditorNames[0] ?? '' });
    if (facts.debtorNames.length > 0 && !facts.debtorNames.some(has)) out.push({ code: 'missing_debtor_identity', term: facts.debtorNames[0] ?? '' });
  }
  return out;
}

/** "40 €", "40,00 €", "40 EUR", "€40", "40 euros". */
/** The draft states the fixed indemnity: 40 € in FR/EU/DE, or the UK fixed sum as computed for it. */
function statesFixedIndemnity(folded: string, unit: string): boolean {
  return fortyEuros(folded) || (unit.includes('£') && folded.includes(fold(unit)));
}

function fortyEuros(folded: string): boolean {
  return /(?<![\d.,])40(?:[.,]00)?\s?(?:€|eur\b|euros?\b)|€\s?40(?![\d])/.test(folded);
}

function maskIdentities(folded: string, identities: readonly string[]): string {
  let out = folded;
  for (const identity of identities) {
    for (const part of identity.split('\n')) {
      const value = fold(part).trim();
      if (value.length < 3) continue;
      out = out.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(value)}(?![\\p{L}\\d])`, 'gu'), ' ');
    }
  }
  return out;
}

function dedupe(violations: ToneViolation[]): ToneViolation[] {
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const key = `${violation.code}|${violation.term ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Case- and accent-insensitive, spaces normalised (Intl writes no-break spaces), so "IMPAYÉE",
// "impayee" and "impayés" are all caught and "40\u00a0€" reads as "40 €".
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[\u00a0\u202f\u2007]/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Whole words only ("late" must not catch "relate" or "later"); plural and feminine endings allowed.
function termPattern(term: string): RegExp {
  const words = escapeRegExp(fold(term)).replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\d])${words}(?:e|s|es)?(?![\\p{L}\\d])`, 'u');
}
