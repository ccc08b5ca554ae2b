/**
 * Money and dates for people to read, in the conventions of the draft's language: French drafts
 * follow fr-FR ("2 400,00 €", "23 novembre 2026"), English ones en-GB ("£3,200.00", "23 November 2026")
 * because Relance's English-speaking clients are mostly in the UK and Europe (day-first dates).
 */
import type { IsoDate, Language } from './model';
import { parseIsoDate } from './dates';

export const LOCALE_OF_LANGUAGE: Readonly<Record<Language, string>> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * "2 400,00 €" / "£3,200.00". Intl's fr-FR output keeps its narrow no-break space (U+202F) between
 * thousands and a no-break space before the symbol, so an amount never wraps across lines.
 * An unknown currency code still gives a readable amount ("1 200,00 XBT") instead of throwing.
 */
export function formatMoney(amount: number, currency: string, language: Language): string {
  const locale = LOCALE_OF_LANGUAGE[language];
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
    return `${number}\u00a0${currency}`;
  }
}

/**
 * 'long': "23 novembre 2026" / "23 November 2026"; 'short': "23/11/2026" in both languages.
 * French writes the first day of a month as an ordinal ("1er décembre 2026"), which Intl does not do.
 * Throws a RangeError for a string that is not a calendar date.
 */
export function formatDate(isoDate: IsoDate, language: Language, style: 'long' | 'short'): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  // timeZone UTC: the date was built at UTC midnight, so no local zone can move it to the day before.
  const formatter = new Intl.DateTimeFormat(LOCALE_OF_LANGUAGE[language], { dateStyle: style, timeZone: 'UTC' });
  if (language === 'fr' && style === 'long' && parts.day === 1) {
    return formatter
      .formatToParts(date)
      .map((part) => (part.type === 'day' ? '1er' : part.value))
      .join('');
  }
  return formatter.format(date);
}
