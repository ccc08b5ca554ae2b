/**
 * Which language a mail is written in, French or English, so reminders answer in the same one.
 * A word-count heuristic is enough: business mails are long enough to be full of function words,
 * and the only question is fr vs en. Accented letters tip the balance for short French texts.
 */
import type { Language } from './model';

// Frequent function words and mail formulas that are unambiguous between the two languages
// (no "a", "on", "me", "son", "plus"… which exist in both).
const FRENCH_WORDS = new Set([
  'le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'un', 'vous', 'votre', 'vos', 'je', 'nous', 'notre',
  'pour', 'avec', 'dans', 'sur', 'pas', 'qui', 'que', 'ce', 'cette', 'au', 'aux', 'ci', 'joint', 'jointe',
  'merci', 'bonjour', 'cordialement', 'facture', 'paiement', 'règlement', 'échéance', 'montant', 'mois',
  'jours', 'bien', 'suis', 'sont', 'mais', 'ou', 'où', 'très', 'avez', 'pouvez', 'si', 'vers',
]);
const ENGLISH_WORDS = new Set([
  'the', 'and', 'is', 'are', 'you', 'your', 'for', 'of', 'to', 'with', 'this', 'that', 'we', 'our', 'i',
  'be', 'will', 'by', 'please', 'thanks', 'thank', 'hi', 'hello', 'regards', 'invoice', 'payment', 'due',
  'attached', 'find', 'amount', 'days', 'have', 'has', 'it', 'from', 'kind', 'best', 'dear', 'let', 'know',
]);
const FRENCH_LETTERS = /[àâçéèêëîïôûùœ]/g;

/** The language of `text`; `fallback` when the text gives no clear signal (empty, numbers only, a tie). */
export function detectLanguage(text: string, fallback: Language): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let french = 0;
  let english = 0;
  for (const word of words) {
    if (FRENCH_WORDS.has(word)) french += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
  }
  // Half a point per accented letter: enough to decide "Échéance : 23/11" but never to outvote
  // an English mail that quotes a French name or address.
  french += 0.5 * (text.toLowerCase().match(FRENCH_LETTERS)?.length ?? 0);
  if (french === english) return fallback;
  return french > english ? 'fr' : 'en';
}
