/**
 * Parses the full date Gmail puts in a message's `span.g3[title]` (dom-facts "Message date").
 * The format follows the UI locale. Only en-GB was captured (CAP25, Aug 2025: "20 Aug 2025, 13:19");
 * en-US (CAP16-era "Mon, Nov 18, 2013 at 11:20 AM", and the CLDR form "Nov 18, 2013, 11:20 AM") and
 * French ("15 sept. 2025, 09:12", with or without weekday, "à" instead of the comma) are inferred
 * (dom-facts confidence L), so the parser accepts the plausible variants of both orders.
 * Returns `YYYY-MM-DDTHH:mm` (mailbox local time, no zone) or null; never throws.
 */
import type { LocalDateTime } from '../../core/model';
import { MONTH_NUMBERS as MONTHS } from '../../core/month-names';

const TIME = String.raw`(\d{1,2}):(\d{2})(?:\s*([ap])\s?m\b)?`;
const SEP = String.raw`(?:\s*,\s*|\s+(?:a|at)\s+|\s+)`;
const WEEKDAY = String.raw`(?:[a-z]+\s*,?\s+)?`;
// "20 aug 2025, 13:19", "lun 15 sept 2025, 09:12", "15 sept 2025 a 09:12", "1er mars 2026, 08:00"
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})${SEP}${TIME}`);
// "mon, nov 18, 2013 at 11:20 am", "nov 18, 2013, 11:20 am"
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]+)\s+(\d{1,2}),?\s+(\d{4})${SEP}${TIME}`);
// "2025-08-20 13:19" (some locales)
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:\s*,\s*|\s+|t)${TIME}`);

function normalize(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // é → e, û → u
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009\u200e\u200f\u202a-\u202c]/g, ' ') // NBSP, narrow NBSP (Chrome's "11:20 AM"), bidi marks
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const pad = (n: number): string => String(n).padStart(2, '0');

function build(year: number, month: number | undefined, day: number, hour: number, minute: number, ampm: string | undefined): LocalDateTime | null {
  if (!month || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth || minute > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

export function parseGmailDate(title: string | null | undefined): LocalDateTime | null {
  if (!title) return null;
  const s = normalize(title);
  let m = DAY_FIRST.exec(s);
  if (m && MONTHS[m[2]!] !== undefined) return build(+m[3]!, MONTHS[m[2]!], +m[1]!, +m[4]!, +m[5]!, m[6]);
  m = MONTH_FIRST.exec(s);
  if (m && MONTHS[m[1]!] !== undefined) return build(+m[3]!, MONTHS[m[1]!], +m[2]!, +m[4]!, +m[5]!, m[6]);
  m = ISO_LIKE.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6]);
  return null;
}
