/**
 * Small DOM helpers shared by the Gmail adapter. No dependencies; work in Chromium content scripts
 * and in happy-dom (no layout there, so visibility is computed from `hidden` / computed `display`,
 * never from offsetParent or getClientRects).
 */
import { fail, ok, type GmailFeature, type GmailResult } from './result';
import { MAIN, MESSAGE_ITEMS, THREAD_CONTAINER, THREAD_SUBJECT } from './selectors';

/** True when `el` or an ancestor (up to, not including, `stopAt`) is `hidden` or `display: none`. */
export function isHidden(el: Element, stopAt: Element | null = null): boolean {
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node && node !== stopAt; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const inline = (node as HTMLElement).style?.display;
    if (inline === 'none') return true;
    if (view && view.getComputedStyle(node).display === 'none') return true;
  }
  return false;
}

export const isVisible = (el: Element, stopAt: Element | null = null): boolean => el.isConnected && !isHidden(el, stopAt);

export interface VisibleThread {
  /** The visible subject heading (h2.hP). */
  subject: Element;
  /** Element holding that thread's message list (and nothing of other threads that is visible). */
  container: Element;
}

/**
 * The thread the user is looking at. Gmail keeps hidden copies of earlier threads (and the inbox rows,
 * which also carry data-legacy-thread-id) in the DOM, so `querySelector` alone can return a stale one.
 */
export function findVisibleThread(doc: Document, feature: GmailFeature): GmailResult<VisibleThread> {
  const subject = findVisibleSubject(doc);
  if (!subject) return fail('thread_not_found', feature, `no visible ${THREAD_SUBJECT}`);
  const main = subject.closest(MAIN);
  // Preferred: SDK's container class; fallback: nearest ancestor (inside [role=main]) with a visible message list.
  let container: Element | null = subject.closest(THREAD_CONTAINER);
  if (!container || !hasVisibleMessages(container)) {
    container = null;
    for (let node = subject.parentElement; node && node !== doc.body; node = node.parentElement) {
      if (hasVisibleMessages(node)) {
        container = node;
        break;
      }
      if (node === main) break;
    }
  }
  if (!container) return fail('messages_not_found', feature, `no visible ${MESSAGE_ITEMS} near the thread subject`);
  return ok({ subject, container });
}

/** The visible thread subject heading, preferring the one inside [role=main]. */
export function findVisibleSubject(doc: Document): Element | null {
  const subjects = Array.from(doc.querySelectorAll(THREAD_SUBJECT)).filter((el) => isVisible(el));
  return subjects.find((el) => el.closest(MAIN)) ?? subjects[0] ?? null;
}

function hasVisibleMessages(scope: Element): boolean {
  return Array.from(scope.querySelectorAll(MESSAGE_ITEMS)).some((item) => isVisible(item, scope));
}

/** Visible message listitems of a thread container, in DOM order (Gmail: oldest first). */
export function visibleMessageItems(container: Element): Element[] {
  return Array.from(container.querySelectorAll(MESSAGE_ITEMS)).filter((item) => !isHidden(item, container));
}

// ------------------------------------------------------------------------------------------------
// Text extraction (innerText-like, but computed from the tree so it works without layout)

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'svg', 'SVG']);
const MAX_DEPTH = 400;

type Token = string | { br: number };

/**
 * Text of `root` with block elements and `<br>` as newlines, whitespace collapsed like a browser
 * renders it (NBSP kept), skipping elements matching `exclude` and inline `display:none` ones.
 * Uses textContent-level data only, so happy-dom and Chromium give the same result.
 */
export function extractText(root: Element, exclude: string | null = null): string {
  const tokens: Token[] = [];
  const walk = (node: Node, depth: number, pre: boolean): void => {
    if (depth > MAX_DEPTH) return;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      tokens.push(pre ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || SKIPPED.has(el.tagName)) return;
    if (depth > 0 && exclude && el.matches(exclude)) return;
    if ((el as HTMLElement).style?.display === 'none') return;
    if (tag === 'BR') {
      tokens.push('\n');
      return;
    }
    if (tag === 'IMG') {
      // Gmail renders emoji as <img data-emoji alt="😀"> (dom-facts "Thread subject").
      if (el.hasAttribute('data-emoji')) tokens.push(el.getAttribute('alt') ?? '');
      return;
    }
    const block = BLOCKS.has(tag);
    const breaks = tag === 'P' ? 2 : 1;
    if (block) tokens.push({ br: breaks });
    if (tag === 'TD' || tag === 'TH') tokens.push(' ');
    const isPre = pre || tag === 'PRE';
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, depth + 1, isPre);
    if (block) tokens.push({ br: breaks });
  };
  walk(root, 0, false);

  // Runs of block boundaries become max(count) newlines, minus one if a <br> already ended the line
  // (browsers don't add an empty line for a trailing <br> in a block); none at the start or end.
  let out = '';
  let run = 0;
  for (const token of tokens) {
    if (typeof token !== 'string') {
      run = Math.max(run, token.br);
      continue;
    }
    if (token === '') continue;
    if (run > 0 && out !== '') out += '\n'.repeat(out.endsWith('\n') ? run - 1 : run);
    run = 0;
    out += token;
  }
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ------------------------------------------------------------------------------------------------
// Events and waiting

/** Gmail's buttons react to the mousedown → mouseup → click sequence (InboxSDK simulateClick does the same). */
export function simulateClick(el: Element): void {
  const view = el.ownerDocument.defaultView;
  const Mouse = view?.MouseEvent ?? MouseEvent;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    el.dispatchEvent(new Mouse(type, { bubbles: true, cancelable: true, composed: true, button: 0, view }));
  }
}

export function dispatchInput(el: Element, data: string | null = null): void {
  const view = el.ownerDocument.defaultView;
  const Input = view?.InputEvent ?? (typeof InputEvent === 'function' ? InputEvent : null);
  const event = Input
    ? new Input('input', { bubbles: true, cancelable: false, composed: true, inputType: 'insertText', data })
    : new (view?.Event ?? Event)('input', { bubbles: true });
  el.dispatchEvent(event);
}

export function dispatchKey(el: Element, key: string, code: string, keyCode: number): void {
  const view = el.ownerDocument.defaultView;
  const Keyboard = view?.KeyboardEvent ?? KeyboardEvent;
  for (const type of ['keydown', 'keypress', 'keyup']) {
    el.dispatchEvent(new Keyboard(type, { key, code, keyCode, which: keyCode, charCode: type === 'keypress' ? keyCode : 0, bubbles: true, cancelable: true, composed: true, view } as KeyboardEventInit));
  }
}

/** Sets an input's value through the prototype setter (works even if a page framework wraps `value`). */
export function setInputValue(input: HTMLInputElement, value: string): void {
  const proto = input.ownerDocument.defaultView?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (setter) setter.call(input, value);
  else input.value = value;
}

/**
 * Resolves with `check()`'s first truthy value, re-checking on every DOM mutation, or with null after
 * `timeoutMs` (Gmail renders threads and composes asynchronously).
 */
export function waitFor<T>(doc: Document, check: () => T | null, timeoutMs: number): Promise<T | null> {
  const first = check();
  if (first) return Promise.resolve(first);
  const Observer = doc.defaultView?.MutationObserver ?? (typeof MutationObserver === 'function' ? MutationObserver : null);
  return new Promise((resolve) => {
    let done = false;
    let observer: MutationObserver | null = null;
    const finish = (value: T | null): void => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      resolve(value);
    };
    const recheck = (): void => {
      const value = check();
      if (value) finish(value);
    };
    const timer = setTimeout(() => finish(check()), Math.max(0, timeoutMs));
    // Attribute changes matter too: Gmail reveals prepared nodes by flipping style/class.
    const poll = setInterval(recheck, 250); // safety net if mutations are batched away
    if (Observer) {
      observer = new Observer(recheck);
      observer.observe(doc, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
    }
  });
}
