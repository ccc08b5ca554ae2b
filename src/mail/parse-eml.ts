/**
 * One raw RFC 822 message (.eml bytes) -> the engine's EngineMessage, through postal-mime (a
 * maintained MIME parser that runs in Node and browsers). Used by `relance scan` and the quality
 * tests; a later .eml import in the extension can use it as is.
 */
import PostalMime, { type Address, type Email } from 'postal-mime';
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
      if (email) out.push({ name: member.name?.trim() || null, email });
    }
  }
  return out;
}

/** Accepts the date postal-mime gives (ISO string) and keeps it as ISO 8601; null when absent or invalid. */
function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function toEngineMessage(email: Email): ParsedMail {
  const from = addresses(email.from ? [email.from] : undefined)[0] ?? null;
  return {
    id: email.messageId?.replace(/^<|>$/g, '') ?? null,
    messageId: email.messageId?.replace(/^<|>$/g, '') ?? null,
    subject: email.subject ?? '',
    from,
    to: addresses(email.to),
    cc: addresses(email.cc),
    date: isoDate(email.date),
    text: email.text ?? null,
    html: email.html ?? null,
    attachments: (email.attachments ?? []).map((a) => a.filename ?? '').filter((name) => name !== ''),
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
