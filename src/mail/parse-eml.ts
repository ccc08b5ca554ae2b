/**
 * One raw RFC 822 message (.eml bytes) -> the engine's EngineMessage, through postal-mime (a
 * maintained MIME parser that runs in Node and browsers). Used by `relance scan` and the quality
 * tests; a later .eml import in the extension can use it as is.
 */
import PostalMime, { type Address, type Email } from 'postal-mime';
import { repairWindows1252 } from './c1-controls';
import type { MailAddress } from '../core/model';
import type { EngineMessage } from '../core/detect/types';

export interface ParsedMail extends EngineMessage {
  /** The Message-ID header, without angle brackets, or null. */
  messageId: string | null;
}

export class MalformedMessageError extends Error {}

const MAIL_HEADERS = new Set(['from', 'to', 'subject', 'date', 'message-id']);

function addresses(list: Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of list ?? []) {
    // A group ("Undisclosed recipients:;") holds its members in `group`.
    const members = 'group' in entry && Array.isArray(entry.group) ? entry.group : [entry];
    for (const member of members) {
      const email = member.address?.trim().toLowerCase();
      if (email) out.push({ name: repairWindows1252(member.name?.trim() ?? '') || null, email });
    }
  }
  return out;
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};
// RFC 5322 date: "[Mon, ]26 Oct 2026 10:15[:00] +0100" (obsolete zone names accepted).
const RFC5322_DATE = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|UT|GMT|Z|[A-Z]{1,4})?/;

/**
 * The mail's date as the sender's clock showed it, with its offset: "2026-10-26T10:15:00+01:00".
 * Keeping local time matters: a mail sent at 21:00 in New York is dated that day, not the next one
 * in UTC (the invoice date of a mail without one is the day of the mail). Falls back to the date
 * postal-mime read (UTC) when the header is not in RFC 5322 form; null when there is none.
 */
export function mailDate(header: string | undefined, parsed: string | undefined): string | null {
  const match = header ? RFC5322_DATE.exec(header) : null;
  const month = match ? MONTHS[match[2]!.toLowerCase()] : undefined;
  if (match && month) {
    const [, day, , year, hour, minute, second, zone] = match;
    const offset = zone && /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : 'Z';
    const iso = `${year}-${month}-${day!.padStart(2, '0')}T${hour!.padStart(2, '0')}:${minute}:${second ?? '00'}${offset}`;
    // Date.parse rolls 31 Feb over to March: check the day exists.
    const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (calendar.getUTCDate() === Number(day) && Number(hour) < 24 && !Number.isNaN(Date.parse(iso))) return iso;
  }
  if (!parsed) return null;
  const time = Date.parse(parsed);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function toEngineMessage(email: Email): ParsedMail {
  const from = addresses(email.from ? [email.from] : undefined)[0] ?? null;
  return {
    id: email.messageId?.replace(/^<|>$/g, '') ?? null,
    messageId: email.messageId?.replace(/^<|>$/g, '') ?? null,
    subject: repairWindows1252(email.subject ?? ''),
    from,
    to: addresses(email.to),
    cc: addresses(email.cc),
    replyTo: addresses(email.replyTo),
    date: mailDate(email.headers.find((h) => h.key === 'date')?.value, email.date),
    text: email.text === undefined ? null : repairWindows1252(email.text),
    html: email.html === undefined ? null : repairWindows1252(email.html),
    attachments: (email.attachments ?? []).map((a) => repairWindows1252(a.filename ?? '')).filter((name) => name !== ''),
  };
}

/**
 * Parses one message. Throws MalformedMessageError (with the reason) when the bytes are not a mail
 * at all: no header block, or nothing postal-mime can read.
 */
export async function parseEml(raw: Uint8Array | ArrayBuffer | string): Promise<ParsedMail> {
  const size = typeof raw === 'string' ? raw.length : raw.byteLength;
  if (size === 0) throw new MalformedMessageError('empty message');
  let email: Email;
  try {
    // Attachments' bytes are not needed (names only): 'arraybuffer' is postal-mime's cheapest form.
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new MalformedMessageError(`not a readable MIME message: ${error instanceof Error ? error.message : String(error)}`);
  }
  // postal-mime accepts any bytes; a mail has at least one of these headers.
  if (!email.headers?.some((h) => MAIL_HEADERS.has(h.key.toLowerCase()))) {
    throw new MalformedMessageError('no mail header (From, To, Subject, Date or Message-ID)');
  }
  return toEngineMessage(email);
}
