/**
 * Dates as mails write them in the six languages the engine reads: ISO ("2025-04-03"), numeric
 * ("03/04/2025", "03.04.25", year-less "03/04"), and with month names ("3 avril 2025", "3. April
 * 2025", "3 de abril de 2025", "April 3rd, 2025", "1er mars").
 *
 * Numeric dates are ambiguous: 03/04/2025 is 3 April in French, Spanish, Italian, German, Dutch and
 * British English, 4 March in American English. The caller decides the order from the language and
 * currency (`dateOrder`); a date impossible in that order but possible in the other (04/23/2025 read
 * day-first) is read in the other.
 */
import type { WrittenDate } from '../reader/written-dates';
import { calendarDate } from '../dates';
import { L } from './letters';
import { PrefixScanner, forEachMatch } from './prefix-scan';

export type { WrittenDate } from '../reader/written-dates';
export type DateOrder = 'dmy' | 'mdy';

/** Month names and abbreviations, keyed lower-case without accents or dots. */
const MONTHS: Readonly<Record<string, number>> = {
  // fr
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  // en
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  // de
  januar: 1, janner: 1, februar: 2, marz: 3, juni: 6, juli: 7, oktober: 10, okt: 10, dezember: 12, dez: 12,
  // es
  enero: 1, ene: 1, febrero: 2, marzo: 3, abril: 4, abr: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, ago: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12, dic: 12,
  // it
  gennaio: 1, gen: 1, febbraio: 2, aprile: 4, maggio: 5, mag: 5, giugno: 6, giu: 6, luglio: 7, lug: 7, settembre: 9, set: 9,
  ottobre: 10, ott: 10, dicembre: 12,
  // nl
  januari: 1, februari: 2, maart: 3, mrt: 3, mei: 5, augustus: 8,
};

const MONTH_WORDS = [
  'janvier', 'janv', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'mars', 'avril', 'avr', 'mai', 'juin', 'juillet', 'juil', 'août', 'aout',
  'septembre', 'octobre', 'novembre', 'décembre', 'decembre', 'déc',
  'january', 'jan', 'february', 'feb', 'march', 'mar', 'april', 'apr', 'may', 'june', 'jun', 'july', 'jul', 'august', 'aug', 'september', 'sept', 'sep',
  'october', 'oct', 'november', 'nov', 'december', 'dec',
  'januar', 'jänner', 'februar', 'märz', 'maerz', 'juni', 'juli', 'oktober', 'okt', 'dezember', 'dez',
  'enero', 'ene', 'febrero', 'marzo', 'abril', 'abr', 'mayo', 'junio', 'julio', 'agosto', 'ago', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre', 'dic',
  'gennaio', 'gen', 'febbraio', 'aprile', 'maggio', 'mag', 'giugno', 'giu', 'luglio', 'lug', 'settembre', 'set', 'ottobre', 'ott', 'dicembre',
  'januari', 'februari', 'maart', 'mrt', 'mei', 'augustus',
].sort((a, b) => b.length - a.length);
const MONTH_NAME = `(${MONTH_WORDS.join('|')})\\.?`;

const ISO = /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g;
const NUMERIC = /(?<![\d/.,-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-])(?![.,]\d)/g;
const DAY_MONTH = new RegExp(
  String.raw`(?<![\d${L}])(\d{1,2})(?:er|st|nd|rd|th|º|°|\.)?\s(?:of\s|de\s)?${MONTH_NAME}(?![${L}])(?:,?\s(?:de\s)?(\d{4})(?!\d))?`,
  'g',
);
// "December 4, 2026" / "April 3rd": an English order, so English names only. Not French "mar."
// (Tuesday in "mar. 3 nov.").
const ENGLISH_MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const MONTH_DAY = new RegExp(String.raw`(?<![${L}])(?!mar\.)${ENGLISH_MONTH}\s(\d{1,2})(?:st|nd|rd|th)?(?![\d${L}])(?:,?\s(\d{4})(?!\d))?`, 'g');

const MAX_DATES = 80;

// The four patterns run only where one may start (a digit, or an English month name's letters).
/** The date patterns, in the order `datesFromMatches` reads their matches. */
export const DATE_PATTERNS: readonly RegExp[] = [ISO, NUMERIC, DAY_MONTH, MONTH_DAY];
const SCANNER = new PrefixScanner(DATE_PATTERNS);

/**
 * The raw matches of the date patterns in `text`, per pattern (each as `text.matchAll` finds
 * them). They do not depend on the day/month order: `datesFromMatches` reads them in either.
 */
export function findDateMatches(text: string): RegExpExecArray[][] {
  const perPattern: RegExpExecArray[][] = [[], [], [], []];
  forEachMatch(SCANNER, text, 0b1111, text.length, (index, match) => void perPattern[index]!.push(match));
  return perPattern;
}

/** Every date written in `text` (lower-cased, see letters.ts), in reading order, without overlaps. */
export function findDates(text: string, order: DateOrder): WrittenDate[] {
  return datesFromMatches(findDateMatches(text), order);
}

/** `findDates` from the matches `findDateMatches` found. */
export function datesFromMatches(perPattern: readonly RegExpExecArray[][], order: DateOrder): WrittenDate[] {
  const [isoMatches, numericMatches, dayMonthMatches, monthDayMatches] = perPattern as [RegExpExecArray[], RegExpExecArray[], RegExpExecArray[], RegExpExecArray[]];
  const found: WrittenDate[] = [];
  const push = (match: RegExpMatchArray, date: Omit<WrittenDate, 'index' | 'end'> | null): void => {
    if (date && found.length < MAX_DATES * 2) found.push({ day: date.day, month: date.month, year: date.year, index: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  };
  for (const match of isoMatches) push(match, parts(match[3], match[2], match[1]));
  for (const match of numericMatches) {
    // Year-less only with "/" ("le 03/04"): "3.4" and "3-4" are too often not dates; except the
    // German "am 29.05." (a trailing dot, after a date word).
    if (match[4] === undefined && match[2] !== '/' && !(match[2] === '.' && germanShortDate(match))) continue;
    push(match, numericParts(match[1], match[3], match[4], order));
  }
  for (const match of dayMonthMatches) push(match, parts(match[1], monthNumber(match[2]), match[3]));
  for (const match of monthDayMatches) push(match, parts(match[2], monthNumber(match[1]), match[3]));
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: WrittenDate[] = [];
  for (const date of found) {
    const last = kept.at(-1);
    if (!last || date.index >= last.end) kept.push(date);
    if (kept.length >= MAX_DATES) break;
  }
  return kept;
}

const GERMAN_DATE_WORD = /(?:^|[^a-zäöüß])(?:am|bis|zum|vom|ab|den|spätestens|per)\s$/;

/** "am 29.05.", "bis zum 3.6.": day and month with a trailing dot, after a word that names a date. */
function germanShortDate(match: RegExpExecArray): boolean {
  const text = match.input;
  const end = match.index + match[0].length;
  return text.charAt(end) === '.' && GERMAN_DATE_WORD.test(text.slice(Math.max(0, match.index - 16), match.index));
}

function numericParts(first: string | undefined, second: string | undefined, year: string | undefined, order: DateOrder) {
  const [day, month] = order === 'dmy' ? [first, second] : [second, first];
  return parts(day, month, year) ?? parts(month, day, year);
}

function parts(day: string | undefined, month: string | number | undefined, year: string | undefined): Omit<WrittenDate, 'index' | 'end'> | null {
  const dayNumber = Number(day);
  const monthValue = Number(month);
  const yearNumber = year === undefined ? null : year.length === 2 ? 2000 + Number(year) : Number(year);
  if (yearNumber !== null && (yearNumber < 1990 || yearNumber > 2100)) return null;
  // The day must exist (in a leap year when the year is unknown, so 29/02 stays possible).
  if (!calendarDate(yearNumber ?? 2028, monthValue, dayNumber)) return null;
  return { day: dayNumber, month: monthValue, year: yearNumber };
}

// Month names as written, read once each (NFD and a Unicode replace cost more than the rest of a date).
const MONTH_NUMBERS = new Map<string, number | undefined>();

function monthNumber(name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  if (MONTH_NUMBERS.has(name)) return MONTH_NUMBERS.get(name);
  const key = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '');
  const number = MONTHS[key] ?? (key === 'maerz' ? 3 : undefined);
  // Bounded: the names the patterns accept are a few hundred spellings.
  if (MONTH_NUMBERS.size < 2000) MONTH_NUMBERS.set(name, number);
  return number;
}
