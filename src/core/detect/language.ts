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
for (const [language, words] of Object.entries(WORDS) as Array<[DetectLanguage, readonly string[]]>) {
  for (const word of words) LEXICON.set(word, [...(LEXICON.get(word) ?? []), language]);
}

const WORD = /[a-z\u00df-\u00f6\u00f8-\u00ff\u0153]{1,20}/g;
const FRENCH_LETTERS = /[àâçèêëîïôûùœ]/g;
const GERMAN_LETTERS = /[äöüß]/g;
const SPANISH_LETTERS = /[ñ¿¡]/g;
/** Words looked at: enough to decide, bounded on long mails. */
const MAX_WORDS = 250;

/** The language of `text`, which must be lower-cased already (see letters.ts). */
export function detectLanguage(text: string, fallback: DetectLanguage = 'fr'): DetectLanguage {
  const sample = text.length > 2500 ? text.slice(0, 2500) : text;
  const score: Record<DetectLanguage, number> = { fr: 0, en: 0, de: 0, es: 0, it: 0, nl: 0 };
  let count = 0;
  WORD.lastIndex = 0;
  for (const match of sample.matchAll(WORD)) {
    const languages = LEXICON.get(match[0]);
    if (languages) for (const language of languages) score[language] += 1 / languages.length;
    count += 1;
    if (count >= MAX_WORDS) break;
  }
  score.fr += 0.3 * (sample.match(FRENCH_LETTERS)?.length ?? 0);
  score.de += 0.3 * (sample.match(GERMAN_LETTERS)?.length ?? 0);
  score.es += 0.5 * (sample.match(SPANISH_LETTERS)?.length ?? 0);
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
