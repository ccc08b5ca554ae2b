/**
 * Puts a ReminderDraft into Gmail's compose UI — and stops there. The user reviews and clicks Send;
 * this module NEVER clicks Send nor presses Ctrl-Enter.
 *
 * Reply path (preferred: keeps the thread, Gmail sets "Re:" and the thread ids): click the thread
 * footer Reply (else the last message's Reply button), wait for Gmail's inline compose, fix the To
 * chips, insert the text above the signature. Fallback when the open thread has no Reply control or
 * no thread is open: a new message via the Compose button, To + subject + body filled.
 *
 * Draft text only ever becomes text nodes (createElement/textContent), never HTML.
 */
import type { ReminderDraft } from '../../core/model';
import { dispatchInput, dispatchKey, findVisibleThread, isVisible, setInputValue, simulateClick, visibleMessageItems, waitFor } from './dom';
import { fail, ok, type GmailResult } from './result';
import {
  CHIP_EMAIL_ATTR,
  CHIP_REMOVE,
  COMPOSE_BODY,
  COMPOSE_BUTTON,
  COMPOSE_DIALOG,
  COMPOSE_ROOT,
  FOOTER_REPLY,
  INLINE_REPLY_CONTAINER,
  MESSAGE_REPLY,
  RECIPIENT_SUMMARY,
  SIGNATURE,
  SUBJECT_INPUT,
  TO_CHIP,
  TO_FIELD,
  TO_INPUT,
} from './selectors';

export interface InsertDraftOptions {
  /** How long to wait for Gmail to render a compose (ms). Default 5000. */
  timeoutMs?: number;
}

export type DraftMode = 'reply' | 'new_compose';

const DEFAULT_TIMEOUT_MS = 5000;
/** Per-recipient wait for Gmail to turn typed text into a chip. */
const CHIP_TIMEOUT_MS = 1000;

export async function insertReplyDraft(doc: Document, draft: ReminderDraft, opts: InsertDraftOptions = {}): Promise<GmailResult<{ mode: DraftMode }>> {
  try {
    return await insertUnsafe(doc, draft, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  } catch (error) {
    return fail('compose_not_found', 'draft', `unexpected: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function insertUnsafe(doc: Document, draft: ReminderDraft, timeoutMs: number): Promise<GmailResult<{ mode: DraftMode }>> {
  const thread = findVisibleThread(doc, 'draft');
  if (thread.ok) {
    const { container } = thread.value;
    let body = findInlineBody(container);
    if (!body) {
      const button = findReplyButton(container);
      if (button) {
        // Users who set "reply in a pop-out" get a dialog instead of the inline compose: accept both.
        const before = new Set(dialogBodies(doc));
        simulateClick(button);
        body = await waitFor(doc, () => findInlineBody(container) ?? dialogBodies(doc).find((b) => !before.has(b) && isVisible(b)) ?? null, timeoutMs);
        if (!body) return fail('timeout', 'draft', `reply compose did not appear within ${timeoutMs} ms`);
      }
    }
    if (body) return fill(doc, body, draft, 'reply', timeoutMs);
  }
  return newCompose(doc, draft, timeoutMs);
}

/** A visible compose body already open inside the thread's reply container. */
function findInlineBody(container: Element): HTMLElement | null {
  for (const ip of Array.from(container.querySelectorAll(INLINE_REPLY_CONTAINER))) {
    for (const body of Array.from(ip.querySelectorAll(COMPOSE_BODY))) {
      if (isVisible(body) && body.closest(COMPOSE_ROOT)) return body as HTMLElement;
    }
  }
  return null;
}

function findReplyButton(container: Element): Element | null {
  const footer = Array.from(container.querySelectorAll(FOOTER_REPLY)).find((el) => isVisible(el));
  if (footer) return footer;
  const items = visibleMessageItems(container);
  const last = items[items.length - 1];
  return last ? (Array.from(last.querySelectorAll(MESSAGE_REPLY)).find((el) => isVisible(el)) ?? null) : null;
}

async function newCompose(doc: Document, draft: ReminderDraft, timeoutMs: number): Promise<GmailResult<{ mode: DraftMode }>> {
  const button = Array.from(doc.querySelectorAll(COMPOSE_BUTTON)).find((el) => isVisible(el));
  if (!button) return fail('compose_not_found', 'draft', `no reply control in the open thread and no visible ${COMPOSE_BUTTON}`);
  const before = new Set(dialogBodies(doc));
  simulateClick(button);
  const body = await waitFor(doc, () => dialogBodies(doc).find((b) => !before.has(b) && isVisible(b)) ?? null, timeoutMs);
  if (!body) return fail('timeout', 'draft', `new compose window did not appear within ${timeoutMs} ms`);
  return fill(doc, body, draft, 'new_compose', timeoutMs);
}

function dialogBodies(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll(COMPOSE_DIALOG)).flatMap((d) => Array.from(d.querySelectorAll<HTMLElement>(COMPOSE_BODY)));
}

async function fill(doc: Document, body: HTMLElement, draft: ReminderDraft, mode: DraftMode, timeoutMs: number): Promise<GmailResult<{ mode: DraftMode }>> {
  const root = body.closest(COMPOSE_ROOT) ?? body.closest(COMPOSE_DIALOG) ?? body.closest('form') ?? body.parentElement ?? body;
  const problems: string[] = [];

  if (mode === 'new_compose') {
    const subject = root.querySelector<HTMLInputElement>(SUBJECT_INPUT);
    if (subject) {
      setInputValue(subject, draft.subject);
      dispatchInput(subject, draft.subject);
      subject.dispatchEvent(new (doc.defaultView?.Event ?? Event)('change', { bubbles: true }));
    } else problems.push(`no ${SUBJECT_INPUT}`);
  }
  // For a reply we keep Gmail's own "Re: <subject>" (hidden subjectbox): it keeps the thread intact.

  problems.push(...(await setRecipients(doc, root, draft.to, Math.min(timeoutMs, CHIP_TIMEOUT_MS))));

  removeUntouchedPreviousDraft(body);
  const lastLine = insertBodyText(doc, body, draft.bodyText);
  rememberDraft(body, lastLine, draft.bodyText);
  body.focus();
  placeCaretAfter(doc, lastLine);

  // The text is in place even when recipients could not be fixed: report it so the UI asks the user to check "To".
  if (problems.length > 0) return fail('compose_field_missing', 'draft', problems.join('; '));
  return ok({ mode });
}

// ------------------------------------------------------------------------------------------------
// Recipients (peoplekit chips)

function visibleToInput(root: Element): HTMLInputElement | null {
  for (const field of Array.from(root.querySelectorAll(TO_FIELD))) {
    const input = Array.from(field.querySelectorAll<HTMLInputElement>(TO_INPUT)).find((el) => isVisible(el));
    if (input) return input;
  }
  return null;
}

const chipEmails = (root: Element): string[] =>
  Array.from(root.querySelectorAll(`${TO_FIELD} ${TO_CHIP}`)).map((c) => (c.getAttribute(CHIP_EMAIL_ATTR) ?? '').trim().toLowerCase());

async function setRecipients(doc: Document, root: Element, to: readonly string[], chipTimeoutMs: number): Promise<string[]> {
  const wanted = [...new Set(to.map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@')))];
  const current = chipEmails(root);
  const extra = current.filter((e) => !wanted.includes(e));
  const missing = wanted.filter((e) => !current.includes(e));
  if (extra.length === 0 && missing.length === 0) return [];

  // Inline replies show a recipients summary first (dom-facts "To field"): open it to reach the input.
  let input = visibleToInput(root);
  if (!input) {
    const summary = Array.from(root.querySelectorAll(RECIPIENT_SUMMARY)).find((el) => isVisible(el));
    if (summary) {
      simulateClick(summary);
      input = await waitFor(doc, () => visibleToInput(root), chipTimeoutMs);
    }
  }
  if (!input) return [`no visible ${TO_FIELD} ${TO_INPUT}`];

  const problems: string[] = [];
  for (const email of extra) {
    const chip = Array.from(root.querySelectorAll(`${TO_FIELD} ${TO_CHIP}`)).find((c) => (c.getAttribute(CHIP_EMAIL_ATTR) ?? '').trim().toLowerCase() === email);
    const remove = chip?.querySelector(CHIP_REMOVE);
    if (remove) simulateClick(remove);
    if (chipEmails(root).includes(email)) problems.push('could not remove a pre-filled recipient');
  }
  for (const email of missing) {
    if (!(await typeRecipient(doc, root, input, email, chipTimeoutMs))) problems.push('could not add a recipient chip');
  }
  return problems;
}

/** Types an address into the peoplekit input and confirms it with Enter (then comma as a fallback). */
async function typeRecipient(doc: Document, root: Element, input: HTMLInputElement, email: string, timeoutMs: number): Promise<boolean> {
  const has = (): boolean => chipEmails(root).includes(email);
  input.focus();
  setInputValue(input, email);
  dispatchInput(input, email);
  dispatchKey(input, 'Enter', 'Enter', 13);
  if (await waitFor(doc, has, timeoutMs)) return true;
  setInputValue(input, `${email},`);
  dispatchInput(input, ',');
  return (await waitFor(doc, has, timeoutMs)) ?? false;
}

// ------------------------------------------------------------------------------------------------
// Body

/** Top-level child of `body` that contains (or is) the signature, if any. */
function signatureTop(body: HTMLElement): ChildNode | null {
  const sig = body.querySelector(SIGNATURE);
  if (!sig) return null;
  let node: Node = sig;
  while (node.parentNode && node.parentNode !== body) node = node.parentNode;
  return node.parentNode === body ? (node as ChildNode) : null;
}

function isBlank(node: Node): boolean {
  if (node.nodeType === 3) return (node.nodeValue ?? '').trim() === '';
  if (node.nodeType !== 1) return true;
  const el = node as Element;
  return (el.textContent ?? '').trim() === '' && !el.querySelector('img') && el.tagName !== 'IMG';
}

/**
 * What we last inserted into each compose body, so that drafting again (the user clicks twice, or
 * picks another step or tone) replaces our previous text instead of stacking a second copy. Kept in
 * memory only (a WeakMap: Gmail drops the compose, the entry goes): a data- attribute could be
 * copied by Gmail's editor into the mail the user sends.
 */
const insertedDrafts = new WeakMap<HTMLElement, { lines: Element[]; spacer: Element | null; text: string }>();

function rememberDraft(body: HTMLElement, lastLine: HTMLElement | null, text: string): void {
  const lines: Element[] = [];
  const count = text.replace(/\r\n?/g, '\n').split('\n').length;
  for (let node: Element | null = lastLine; node && lines.length < count; node = node.previousElementSibling) lines.unshift(node);
  // insertBodyText dropped Gmail's blank lines above the signature, so a blank line right after
  // ours is the spacer it added.
  const next = lastLine?.nextElementSibling ?? null;
  insertedDrafts.set(body, { lines, spacer: next && isBlank(next) && !next.querySelector(SIGNATURE) ? next : null, text });
}

/**
 * Removes our previous insertion from `body` when it is still there exactly as inserted. Once the
 * user has edited it, it is theirs: it stays, and the new draft goes after it (above the signature).
 */
function removeUntouchedPreviousDraft(body: HTMLElement): void {
  const previous = insertedDrafts.get(body);
  if (!previous) return;
  insertedDrafts.delete(body);
  const lines = previous.lines;
  const intact =
    lines.length > 0 &&
    lines.every((line, index) => line.parentNode === body && (index === 0 || lines[index - 1]!.nextSibling === line)) &&
    lines.map((line) => line.textContent ?? '').join('\n') === previous.text.replace(/\r\n?/g, '\n');
  if (!intact) return;
  if (previous.spacer?.parentNode === body && isBlank(previous.spacer)) previous.spacer.remove();
  for (const line of lines) line.remove();
}

/**
 * Inserts the draft as one `<div>` per line (empty line = `<div><br></div>`, Gmail's own editor
 * markup) at the top of the body, above the signature, dropping Gmail's empty placeholder lines.
 */
export function insertBodyText(doc: Document, body: HTMLElement, text: string): HTMLElement | null {
  const sigTop = signatureTop(body);
  for (let node = body.firstChild; node && node !== sigTop; ) {
    const next = node.nextSibling;
    if (!isBlank(node)) break;
    node.remove();
    node = next;
  }
  const fragment = doc.createDocumentFragment();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let lastLine: HTMLElement | null = null;
  for (const line of lines) {
    const div = doc.createElement('div');
    if (line === '') div.appendChild(doc.createElement('br'));
    else div.textContent = line;
    fragment.appendChild(div);
    lastLine = div;
  }
  if (sigTop) {
    const spacer = doc.createElement('div');
    spacer.appendChild(doc.createElement('br'));
    fragment.appendChild(spacer);
  }
  body.insertBefore(fragment, sigTop && sigTop.parentNode === body ? sigTop : body.firstChild);
  // Gmail tracks edits (draft autosave, Send enablement) through input events on the editable.
  dispatchInput(body, text);
  return lastLine;
}

function placeCaretAfter(doc: Document, node: Node | null): void {
  try {
    const selection = doc.defaultView?.getSelection();
    if (!node || !selection) return;
    const range = doc.createRange();
    range.selectNodeContents(node);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  } catch {
    // Caret placement is a nicety; never fail the draft for it.
  }
}
