/**
 * Outlook gives an add-in one message at a time (there is no conversation API before Mailbox 1.15
 * and Graph needs a server), but a reply carries the conversation as quoted history. This turns one
 * body into the messages it holds, oldest first: each quoted message with what its header says
 * (Outlook's "De : / Envoyé : / À : / Objet :" block or an "… a écrit :" attribution), so the engine
 * sees the invoice Camille sent even when the selected message is the client's "bien reçu".
 * Where the newest part ends is the core's decision (detect/quoted-history.ts), not redone here.
 */
import { splitHistory } from '../../core/detect/quoted-history';
import type { LocalDateTime, MailAddress } from '../../core/model';
import { findWrittenDates } from '../../core/reader/written-dates';

export interface QuotedMessage {
  from: MailAddress | null;
  /** When the header says it was sent (`Envoyé : mardi 13 octobre 2026 10:15`), else null. */
  date: LocalDateTime | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** The message's own text, without the history it quotes in turn. */
  bodyText: string;
}

export interface SplitBody {
  /** The selected message's own text. */
  newest: string;
  /** Messages quoted below it, oldest first. */
  quoted: QuotedMessage[];
}

/** Reading stops there: a hostile or huge body costs nothing more. */
const SCAN_LIMIT = 200_000;

const ADDRESS_IN_ANGLES = /^(.*?)<\s*([^\s<>@]+@[^\s<>@]+)\s*>$/;
const BARE_ADDRESS = /^(?:mailto:)?([^\s<>@,;"]+@[^\s<>@,;"]+)$/i;
const ANY_ADDRESS = /[^\s<>@,;:"()[\]]+@[^\s<>@,;:"()[\]]+\.[^\s<>@,;:"()[\]]+/;

/** "Camille Durand <camille@x.fr>", "camille@x.fr", "Durand, Camille <camille@x.fr>" → address. */
export function parseAddress(raw: string): MailAddress | null {
  const value = raw.trim().replace(/^"|"$/g, '');
  const angled = ADDRESS_IN_ANGLES.exec(value);
  if (angled) {
    const name = angled[1]!.trim().replace(/^"|"$/g, '').trim();
    return { name: name || null, email: angled[2]!.toLowerCase() };
  }
  const bare = BARE_ADDRESS.exec(value);
  return bare ? { name: null, email: bare[1]!.toLowerCase() } : null;
}

/** A "To:" line: addresses separated by ";" (Outlook) or "," outside angle brackets. */
export function parseAddressList(raw: string): MailAddress[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of raw) {
    if (char === '<') depth += 1;
    if (char === '>') depth = Math.max(0, depth - 1);
    if ((char === ';' || char === ',') && depth === 0 && /@/.test(current)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map(parseAddress).filter((address): address is MailAddress => address !== null);
}

const FIELD = /^\*?\s*([\p{L} ]{1,20}?)\s*\*?\s*:\s*(.*)$/u;
const FROM_FIELDS = new Set(['de', 'from', 'von', 'da', 'van', 'från']);
const TO_FIELDS = new Set(['à', 'a', 'to', 'an', 'para', 'aan']);
const CC_FIELDS = new Set(['cc']);
const DATE_FIELDS = new Set(['envoyé', 'envoye', 'sent', 'date', 'datum', 'data', 'fecha', 'gesendet', 'enviado', 'inviato', 'verzonden']);
const TIME = /(?<!\d)(\d{1,2})[:h](\d{2})(?!\d)(?:\s*([ap])\.?m\.?)?/i;

/** "mardi 13 octobre 2026 10:15", "Tuesday, October 13, 2026 10:15 AM" → 2026-10-13T10:15 (a date without a year is not guessed). */
export function parseSentDate(text: string): LocalDateTime | null {
  const date = findWrittenDates(text).find((found) => found.year !== null);
  if (!date || date.year === null) return null;
  const time = TIME.exec(text.slice(date.end));
  let hours = time ? Number(time[1]) : 0;
  if (time?.[3]?.toLowerCase() === 'p' && hours < 12) hours += 12;
  if (time?.[3]?.toLowerCase() === 'a' && hours === 12) hours = 0;
  const minutes = time ? Number(time[2]) : 0;
  if (hours > 23 || minutes > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(hours)}:${pad(minutes)}`;
}

/** What a history header says about the quoted message. */
function readHeader(header: string): Pick<QuotedMessage, 'from' | 'date' | 'to' | 'cc'> {
  const out: Pick<QuotedMessage, 'from' | 'date' | 'to' | 'cc'> = { from: null, date: null, to: [], cc: [] };
  const lines = header.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  for (const line of lines) {
    const field = FIELD.exec(line);
    const name = field?.[1]?.trim().toLowerCase();
    if (!field || !name) continue;
    if (FROM_FIELDS.has(name) && !out.from) out.from = parseAddress(field[2]!);
    else if (TO_FIELDS.has(name)) out.to = parseAddressList(field[2]!);
    else if (CC_FIELDS.has(name)) out.cc = parseAddressList(field[2]!);
    else if (DATE_FIELDS.has(name) && !out.date) out.date = parseSentDate(field[2]!);
  }
  // An attribution line carries its date before the name: "Le 13 oct. 2026 à 10:15, Camille … a écrit :".
  if (!out.date) out.date = parseSentDate(header);
  if (!out.from) {
    // An attribution line: "Le … , Camille Durand <camille@x.fr> a écrit :" (the address is enough).
    const address = ANY_ADDRESS.exec(header)?.[0];
    if (address) out.from = { name: null, email: address.replace(/^mailto:/i, '').toLowerCase() };
  }
  return out;
}

/** Plain-text quotes ("> …" on every line) read as the text they quote. */
function unquote(text: string): string {
  const lines = text.split('\n');
  const quotedLines = lines.filter((line) => line.trim() !== '');
  return quotedLines.length > 0 && quotedLines.every((line) => line.trimStart().startsWith('>')) ? lines.map((line) => line.replace(/^\s*> ?/, '')).join('\n') : text;
}

/**
 * Splits a body into its newest part and the quoted messages below it, at most `maxQuoted` deep
 * (the deepest are dropped first: the selected message and its nearest history matter most).
 */
export function splitQuotedMessages(body: string, maxQuoted: number): SplitBody {
  const text = body.length > SCAN_LIMIT ? body.slice(0, SCAN_LIMIT) : body;
  const first = splitHistory(text, SCAN_LIMIT);
  const newest = text.slice(0, first.newestEnd).trim();
  const quoted: QuotedMessage[] = [];
  let split = first;
  let rest = text;
  while (split.historyStart >= 0 && quoted.length < maxQuoted) {
    const header = readHeader(rest.slice(split.headerStart, split.headerEnd));
    rest = rest.slice(split.historyStart);
    split = splitHistory(rest, SCAN_LIMIT);
    quoted.push({ ...header, bodyText: unquote(rest.slice(0, split.newestEnd)).trim() });
  }
  return { newest, quoted: quoted.reverse() };
}
