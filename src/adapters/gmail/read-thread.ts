/**
 * Reads the Gmail conversation the user has open into a ThreadSnapshot. Pure DOM reading: no clicks,
 * no waiting. Collapsed messages are reported with `collapsed: true` and an empty body (Gmail has not
 * loaded them, dom-facts "Collapsed message"); the caller decides whether to expand and read again.
 */
import type { Language, MailAddress, MailMessage, ThreadSnapshot } from '../../core/model';
import { extractText, findVisibleThread, isHidden, visibleMessageItems } from './dom';
import { parseGmailDate } from './gmail-date';
import { fail, ok, type GmailResult } from './result';
import { LEGACY_THREAD_ID, LIMITS } from '../../protocol/messages';
import {
  ACCOUNT_BUTTON,
  ACCOUNT_LABEL_EMAIL,
  ATTACHMENT_CHIP,
  ATTACHMENT_NAME,
  ATTACHMENT_URL_ATTR,
  COLLAPSED_CLASS,
  MESSAGE_BODY,
  MESSAGE_DATE,
  MESSAGE_ID_ATTR,
  MESSAGE_ID_HOLDER,
  MESSAGE_SCOPE,
  QUOTED,
  RECIPIENTS,
  SENDER,
  THREAD_ID_ATTR,
  TITLE_ACCOUNT,
} from './selectors';

/** Per-message body cap (the worker rejects more): enough for any invoice mail, bounded for pathological HTML. */
export const MAX_BODY_CHARS = LIMITS.bodyChars;
/** Messages kept per thread (the newest ones: reminders are about the latest state). */
export const MAX_MESSAGES = LIMITS.messages;

export function readOpenThread(doc: Document): GmailResult<ThreadSnapshot> {
  try {
    return readUnsafe(doc);
  } catch (error) {
    // A Gmail change we did not foresee must disable reading, not break the content script.
    return fail('messages_not_found', 'read_thread', `unexpected: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readUnsafe(doc: Document): GmailResult<ThreadSnapshot> {
  const found = findVisibleThread(doc, 'read_thread');
  if (!found.ok) return found;
  const { subject: heading, container } = found.value;

  const threadId = (heading.getAttribute(THREAD_ID_ATTR) ?? '').trim().toLowerCase();
  if (!LEGACY_THREAD_ID.test(threadId)) return fail('thread_not_found', 'read_thread', `visible subject has no 16-hex ${THREAD_ID_ATTR}`);

  const account = readAccount(doc);
  const messages: MailMessage[] = [];
  for (const item of visibleMessageItems(container)) {
    const message = readMessage(item, account);
    if (message) messages.push(message);
  }
  if (messages.length === 0) return fail('messages_not_found', 'read_thread', 'no message with a sender in the visible thread');

  return ok({
    host: 'gmail',
    account,
    threadId,
    subject: extractText(heading).replace(/\s+/g, ' ').trim(),
    uiLanguage: readUiLanguage(doc),
    messages: messages.slice(-MAX_MESSAGES),
  });
}

/** The mailbox owner from the title ("… - me@x - Gmail"), else from the account button's "(me@x)". */
export function readAccount(doc: Document): string | null {
  const fromTitle = TITLE_ACCOUNT.exec(doc.title ?? '');
  if (fromTitle?.[1]) return fromTitle[1].toLowerCase();
  for (const el of Array.from(doc.querySelectorAll(ACCOUNT_BUTTON))) {
    const label = (el.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ');
    const m = ACCOUNT_LABEL_EMAIL.exec(label);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

export function readUiLanguage(doc: Document): Language | null {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (lang === 'fr' || lang.startsWith('fr-')) return 'fr';
  if (lang === 'en' || lang.startsWith('en-')) return 'en';
  return null;
}

function address(el: Element, account: string | null): MailAddress | null {
  const email = (el.getAttribute('email') ?? '').trim().toLowerCase();
  if (!email.includes('@')) return null;
  let name = (el.getAttribute('name') ?? '').trim() || (el.textContent ?? '').trim() || null;
  // Gmail names the account "me" / "moi" in recipient lines (dom-facts "Recipients"): not a display name.
  if (name && (email === account || account === null) && /^(me|moi)$/i.test(name)) name = null;
  return { name, email };
}

function readMessage(item: Element, account: string | null): MailMessage | null {
  const scope = item.querySelector(MESSAGE_SCOPE) ?? item;
  const senderEl = scope.querySelector(SENDER);
  const from = senderEl ? address(senderEl, account) : null;

  const to: MailAddress[] = [];
  const seen = new Set<string>();
  for (const el of Array.from(scope.querySelectorAll(RECIPIENTS))) {
    const a = address(el, account);
    if (a && !seen.has(a.email)) {
      seen.add(a.email);
      to.push(a);
    }
  }

  const dateEl = scope.querySelector(MESSAGE_DATE);
  const date = parseGmailDate(dateEl?.getAttribute('title'));

  const bodies = Array.from(item.querySelectorAll(MESSAGE_BODY));
  // Gmail adds a hidden empty duplicate after the real body: take the visible, non-empty one.
  const body = bodies.find((b) => !isHidden(b, item) && (b.textContent ?? '').trim() !== '') ?? bodies.find((b) => !isHidden(b, item)) ?? null;
  const collapsed = item.classList.contains(COLLAPSED_CLASS) || body === null;

  // A listitem with neither sender nor body (e.g. an "N older messages" bar) is not a message.
  if (!from && !body) return null;

  const idHolder = item.querySelector(MESSAGE_ID_HOLDER);
  const id = idHolder?.getAttribute(MESSAGE_ID_ATTR)?.trim() || null;

  const attachments: string[] = [];
  if (!collapsed) {
    for (const chip of Array.from(item.querySelectorAll(ATTACHMENT_CHIP))) {
      const name = attachmentName(chip);
      if (name && !attachments.includes(name)) attachments.push(name);
    }
  }

  let bodyText = collapsed || !body ? '' : extractText(body, QUOTED);
  if (bodyText.length > MAX_BODY_CHARS) bodyText = bodyText.slice(0, MAX_BODY_CHARS);

  return {
    id,
    from,
    to,
    // The compact recipients line mixes to and cc (dom-facts): without opening "Show details" we cannot tell them apart.
    cc: [],
    date,
    bodyText,
    attachments,
    collapsed,
  };
}

function attachmentName(chip: Element): string | null {
  const shown = chip.querySelector(ATTACHMENT_NAME)?.textContent?.trim();
  if (shown) return shown;
  // download_url = "<mime>:<file name>:<url>"; the url starts with https: so split on the last ":http".
  const url = chip.getAttribute(ATTACHMENT_URL_ATTR) ?? '';
  const m = /^[^:]+:(.+?):https?:/.exec(url);
  return m?.[1]?.trim() || null;
}
