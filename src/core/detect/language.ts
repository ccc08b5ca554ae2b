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
  const length = Math.min(text.length, LANGUAGE_SAMPLE);
  const score: Record<DetectLanguage, number> = { fr: 0, en: 0, de: 0, es: 0, it: 0, nl: 0 };
  let count = 0;
  let wordStart = -1;
  let hash = 0;
  let french = 0;
  let german = 0;
  let spanish = 0;
  // One pass: words (runs of letters, cut every MAX_WORD letters, hashed as they are read so none
  // is sliced out of the text) and accented letters.
  for (let index = 0; index <= length; index += 1) {
    const code = index < length ? text.charCodeAt(index) : 0;
    const kind = code < CHAR_KINDS.length ? (CHAR_KINDS[code] as number) : 0;
    if (kind >= LETTER) {
      if (kind === FRENCH_LETTER) french += 1;
      else if (kind === GERMAN_LETTER) german += 1;
      else if (kind === SPANISH_LETTER) spanish += 1;
      if (wordStart !== -1 && index - wordStart === MAX_WORD) {
        if (count < MAX_WORDS) count = scoreWord(text, wordStart, index, hash, score, count);
        wordStart = -1;
      }
      if (wordStart === -1) {
        wordStart = index;
        hash = 0;
      }
      hash = hashStep(hash, code);
    } else {
      if (kind === SPANISH_MARK) spanish += 1;
      if (wordStart !== -1) {
        if (count < MAX_WORDS) count = scoreWord(text, wordStart, index, hash, score, count);
        wordStart = -1;
      }
    }
  }
  score.fr += 0.3 * french;
  score.de += 0.3 * german;
  score.es += 0.5 * spanish;
  let best: DetectLanguage = fallback;
  let bestScore = 0.5;
  for (const language of ['fr', 'en', 'de', 'es', 'it', 'nl'] as const) {
    if (score[language] > bestScore) {
      best = language;
      bestScore = score[language];
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

function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

function hashOf(word: string): number {
  let hash = 0;
  for (let index = 0; index < word.length; index += 1) hash = hashStep(hash, word.charCodeAt(index));
  return hash;
}

// The lexicon by word hash: a word of the text is checked in place (startsWith), never sliced.
const LEXICON_BY_HASH = new Map<number, Array<{ word: string; languages: DetectLanguage[] }>>();
for (const [word, languages] of LEXICON) {
  const hash = hashOf(word);
  LEXICON_BY_HASH.set(hash, [...(LEXICON_BY_HASH.get(hash) ?? []), { word, languages }]);
}

/** Scores the word text[start, end) (its hash given); returns the word count plus one. */
function scoreWord(text: string, start: number, end: number, hash: number, score: Record<DetectLanguage, number>, count: number): number {
  const entries = end - start <= LONGEST_WORD ? LEXICON_BY_HASH.get(hash) : undefined;
  if (entries) {
    for (const { word, languages } of entries) {
      if (word.length !== end - start || !text.startsWith(word, start)) continue;
      for (const language of languages) score[language] += 1 / languages.length;
      break;
    }
  }
  return count + 1;
}
