/**
 * The language of a mail among the six the engine reads (fr, en, de, es, it, nl). Business mails
 * are full of function words, so counting words that belong to one language only is enough; the
 * language decides keyword lists and, above all, the day/month order of numeric dates.
 */
export type DetectLanguage = 'fr' | 'en' | 'de' | 'es' | 'it' | 'nl';

// Words frequent in mails and (nearly) exclusive to one of the six languages.
const WORDS: Readonly<Record<DetectLanguage, readonly string[]>> = {
  fr: ['le', 'les', 'des', 'du', 'est', 'une', 'vous', 'votre', 'vos', 'je', 'nous', 'notre', 'pour', 'avec', 'dans', 'sur', 'pas', 'qui', 'que', 'ce', 'cette', 'au', 'aux', 'ci', 'joint', 'jointe', 'merci', 'bonjour', 'cordialement', 'facture', 'paiement', 'règlement', 'échéance', 'montant', 'bien', 'sont', 'mais', 'où', 'très', 'avez', 'pouvez', 'trouverez', 'veuillez', 'avons', 'été', 'bonne', 'journée', 'madame', 'monsieur'],
  en: ['the', 'and', 'is', 'are', 'you', 'your', 'for', 'of', 'to', 'with', 'this', 'that', 'we', 'our', 'i', 'be', 'will', 'by', 'please', 'thanks', 'thank', 'hi', 'hello', 'regards', 'invoice', 'payment', 'due', 'attached', 'find', 'amount', 'days', 'have', 'has', 'it', 'from', 'kind', 'best', 'dear', 'let', 'know', 'been', 'paid', 'receipt'],
  de: ['und', 'der', 'die', 'das', 'ist', 'sie', 'ihre', 'ihr', 'wir', 'unsere', 'mit', 'für', 'nicht', 'bitte', 'rechnung', 'zahlung', 'betrag', 'sehr', 'geehrte', 'geehrter', 'grüße', 'gruß', 'freundlichen', 'anbei', 'vielen', 'dank', 'ein', 'eine', 'auf', 'bis', 'zum', 'zur', 'den', 'dem', 'haben', 'wurde', 'hallo'],
  es: ['el', 'los', 'las', 'del', 'y', 'usted', 'su', 'sus', 'nosotros', 'nuestra', 'nuestro', 'para', 'con', 'por', 'factura', 'pago', 'importe', 'gracias', 'saludos', 'estimado', 'estimada', 'adjunto', 'adjunta', 'hola', 'muchas', 'hemos', 'una', 'como', 'atentamente', 'cordiales', 'fecha', 'vencimiento'],
  it: ['il', 'gli', 'della', 'delle', 'di', 'che', 'è', 'sono', 'per', 'con', 'non', 'fattura', 'pagamento', 'importo', 'grazie', 'saluti', 'cordiali', 'gentile', 'allegato', 'allegata', 'buongiorno', 'abbiamo', 'vostra', 'vostro', 'nostra', 'nostro', 'alla', 'dei', 'scadenza', 'distinti'],
  nl: ['het', 'een', 'van', 'is', 'zijn', 'wij', 'u', 'uw', 'onze', 'voor', 'met', 'niet', 'factuur', 'betaling', 'bedrag', 'bedankt', 'groet', 'groeten', 'beste', 'bijlage', 'hebben', 'graag', 'dank', 'vriendelijke', 'geachte', 'alvast', 'wordt', 'ontvangen'],
};

const LEXICON = new Map<string, DetectLanguage[]>();
const LONGEST_WORD = Math.max(...Object.values(WORDS).flat().map((word) => word.length));
for (const [language, words] of Object.entries(WORDS) as Array<[DetectLanguage, readonly string[]]>) {
  for (const word of words) LEXICON.set(word, [...(LEXICON.get(word) ?? []), language]);
}

/** Characters looked at: enough to decide, bounded on long mails. */
export const LANGUAGE_SAMPLE = 2500;
/** Words looked at: enough to decide, bounded on long mails. */
const MAX_WORDS = 250;
/** A longer run of letters counts as several words of this length (as /[letters]{1,20}/g reads it). */
const MAX_WORD = 20;

/** The language of `text`, which must be lower-cased already (see letters.ts). */
export function detectLanguage(text: string, fallback: DetectLanguage = 'fr'): DetectLanguage {
  const state = newState();
  readPart(text, Math.min(text.length, LANGUAGE_SAMPLE), state);
  return decide(state, fallback);
}

/**
 * `detectLanguage(`${head}\n${body}`, fallback)` without building the concatenation (which the
 * engine would copy into one flat string before reading it): the newline between ends a word and
 * counts for nothing, so the two parts are read one after the other.
 */
export function detectLanguageOf(head: string, body: string, fallback: DetectLanguage = 'fr'): DetectLanguage {
  const total = Math.min(head.length + 1 + body.length, LANGUAGE_SAMPLE);
  const state = newState();
  readPart(head, Math.min(head.length, total), state);
  if (head.length + 1 < total) readPart(body, total - head.length - 1, state);
  return decide(state, fallback);
}

interface LanguageState {
  /** Per language, in the order of LANGUAGES. */
  score: Float64Array;
  /** Words read, French, German and Spanish letters (and marks) seen. */
  counts: Int32Array;
}

// One state, reset for each reading (typed arrays cost more to allocate than the reading of a short mail).
const STATE: LanguageState = { score: new Float64Array(6), counts: new Int32Array(4) };

function newState(): LanguageState {
  STATE.score.fill(0);
  STATE.counts.fill(0);
  return STATE;
}

/** Reads text[0, length) on from `state`. */
function readPart(text: string, length: number, state: LanguageState): void {
  const score = state.score;
  const counts = state.counts;
  let count = counts[0] as number;
  let french = counts[1] as number;
  let german = counts[2] as number;
  let spanish = counts[3] as number;
  // One pass: words (runs of letters, cut every MAX_WORD letters, hashed as they are read so none
  // is sliced out of the text) and accented letters, one table lookup per character.
  let index = 0;
  while (index < length && count < MAX_WORDS) {
    let code = text.charCodeAt(index);
    let kind = KINDS[code] as number;
    if (kind < LETTER) {
      if (kind === SPANISH_MARK) spanish += 1;
      index += 1;
      continue;
    }
    const wordStart = index;
    let hash = 0;
    for (;;) {
      if (kind > LETTER) {
        if (kind === FRENCH_LETTER) french += 1;
        else if (kind === GERMAN_LETTER) german += 1;
        else spanish += 1;
      }
      hash = (Math.imul(hash, 31) + code) | 0;
      index += 1;
      if (index === length || index - wordStart === MAX_WORD) break;
      code = text.charCodeAt(index);
      kind = KINDS[code] as number;
      if (kind < LETTER) break;
    }
    count = scoreWord(text, wordStart, index, hash, score, count);
  }
  for (; index < length; index += 1) {
    const kind = KINDS[text.charCodeAt(index)] as number;
    if (kind === LETTER || kind === 0) continue;
    if (kind === FRENCH_LETTER) french += 1;
    else if (kind === GERMAN_LETTER) german += 1;
    else spanish += 1;
  }
  counts[0] = count;
  counts[1] = french;
  counts[2] = german;
  counts[3] = spanish;
}

function decide({ score, counts }: LanguageState, fallback: DetectLanguage): DetectLanguage {
  score[0] = (score[0] as number) + 0.3 * (counts[1] as number);
  score[2] = (score[2] as number) + 0.3 * (counts[2] as number);
  score[3] = (score[3] as number) + 0.5 * (counts[3] as number);
  let best: DetectLanguage = fallback;
  let bestScore = 0.5;
  for (let language = 0; language < LANGUAGES.length; language += 1) {
    if ((score[language] as number) > bestScore) {
      best = LANGUAGES[language] as DetectLanguage;
      bestScore = score[language] as number;
    }
  }
  return best;
}

// What each character counts as: the word letters are those of /[a-z\u00df-\u00f6\u00f8-\u00ff\u0153]/;
// àâçèêëîïôûùœ count for French, äöüß for German, ñ ¿ ¡ for Spanish.
// (0: anything else.)
const SPANISH_MARK = 1;
const LETTER = 2;
const FRENCH_LETTER = 3;
const GERMAN_LETTER = 4;
const SPANISH_LETTER = 5;
const CHAR_KINDS = new Uint8Array(0x154);
for (let code = 97; code <= 122; code += 1) CHAR_KINDS[code] = LETTER;
for (let code = 0xdf; code <= 0xff; code += 1) if (code !== 0xf7) CHAR_KINDS[code] = LETTER;
CHAR_KINDS[0x153] = LETTER;
for (const char of 'àâçèêëîïôûùœ') CHAR_KINDS[char.charCodeAt(0)] = FRENCH_LETTER;
for (const char of 'äöüß') CHAR_KINDS[char.charCodeAt(0)] = GERMAN_LETTER;
CHAR_KINDS[0xf1] = SPANISH_LETTER;
CHAR_KINDS[0xbf] = SPANISH_MARK;
CHAR_KINDS[0xa1] = SPANISH_MARK;
/** CHAR_KINDS over every UTF-16 code unit (0 past it): one lookup, no range checks, per character. */
const KINDS = new Uint8Array(0x10000);
KINDS.set(CHAR_KINDS);

function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

function hashOf(word: string): number {
  let hash = 0;
  for (let index = 0; index < word.length; index += 1) hash = hashStep(hash, word.charCodeAt(index));
  return hash;
}

// The lexicon by word hash: a word of the text is checked in place (startsWith), never sliced.
// An open-addressing table (hash -> the lexicon entries of that hash), cheaper than a Map lookup
// for each word read.
type LexiconEntries = Array<{ word: string; languages: DetectLanguage[]; indexes: number[]; share: number }>;
const LANGUAGES: readonly DetectLanguage[] = ['fr', 'en', 'de', 'es', 'it', 'nl'];
const LEXICON_BY_HASH = new Map<number, LexiconEntries>();
for (const [word, languages] of LEXICON) {
  const hash = hashOf(word);
  const entry = { word, languages, indexes: languages.map((language) => LANGUAGES.indexOf(language)), share: 1 / languages.length };
  LEXICON_BY_HASH.set(hash, [...(LEXICON_BY_HASH.get(hash) ?? []), entry]);
}
const SLOTS = 1024; // a power of two, well above twice the lexicon's size
const SLOT_MASK = SLOTS - 1;
const SLOT_HASH = new Int32Array(SLOTS);
/** 1 + the index in SLOT_ENTRIES, 0 for an empty slot. */
const SLOT_INDEX = new Int32Array(SLOTS);
const SLOT_ENTRIES: LexiconEntries[] = [];
for (const [hash, entries] of LEXICON_BY_HASH) {
  let slot = hash & SLOT_MASK;
  while (SLOT_INDEX[slot] !== 0) slot = (slot + 1) & SLOT_MASK;
  SLOT_HASH[slot] = hash;
  SLOT_ENTRIES.push(entries);
  SLOT_INDEX[slot] = SLOT_ENTRIES.length;
}

/** The lexicon entries whose words have this hash, or undefined. */
function entriesOf(hash: number): LexiconEntries | undefined {
  let slot = hash & SLOT_MASK;
  for (let index = SLOT_INDEX[slot] as number; index !== 0; index = SLOT_INDEX[slot] as number) {
    if (SLOT_HASH[slot] === hash) return SLOT_ENTRIES[index - 1];
    slot = (slot + 1) & SLOT_MASK;
  }
  return undefined;
}

/** Scores the word text[start, end) (its hash given); returns the word count plus one. */
function scoreWord(text: string, start: number, end: number, hash: number, score: Float64Array, count: number): number {
  const entries = end - start <= LONGEST_WORD ? entriesOf(hash) : undefined;
  if (entries) {
    for (let entry = 0; entry < entries.length; entry += 1) {
      const { word, indexes, share } = entries[entry] as LexiconEntries[number];
      if (word.length !== end - start || !sameChars(text, start, word)) continue;
      for (let language = 0; language < indexes.length; language += 1) score[indexes[language] as number] = (score[indexes[language] as number] as number) + share;
      break;
    }
  }
  return count + 1;
}

/** `text.startsWith(word, start)` (read in place: the text is often a concatenation). */
function sameChars(text: string, start: number, word: string): boolean {
  for (let index = 0; index < word.length; index += 1) if (text.charCodeAt(start + index) !== word.charCodeAt(index)) return false;
  return true;
}
