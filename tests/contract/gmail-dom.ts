/**
 * Helpers for the Gmail contract tests (happy-dom): load the exact fixture HTML the server sends to
 * Chromium into the test document, and read what the fixture expects.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MailAddress } from '../../src/core/model';
import type { FixtureMessage } from '../fixtures/gmail/threads/index';

/** ANCHOR used by all contract tests (a Friday; dates land in Oct/Nov 2026). */
export const ANCHOR = '2026-11-20';

const FIXTURE_CSS = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/gmail/gmail.css'), 'utf8');

/**
 * Replaces the test document with the given full HTML document (lang, title, body, templates).
 * The stylesheet link is inlined (happy-dom does not fetch it) so computed styles match Chromium's.
 */
export function loadDocument(html: string): Document {
  const inlined = html.replace(/<link rel="stylesheet" href="[^"]*">/, () => `<style>${FIXTURE_CSS}</style>`);
  const parsed = new DOMParser().parseFromString(inlined, 'text/html');
  // happy-dom 21 refuses replaceChild on the document element; remove + append works.
  document.removeChild(document.documentElement);
  document.appendChild(document.importNode(parsed.documentElement, true));
  delete document.documentElement.dataset.fixtureSendClicks;
  return document;
}

/** Body text a reader must return: the lines, then Gmail's "-- " signature block (kept), no quoted history. */
export function expectedBodyText(m: FixtureMessage): string {
  const lines = [...m.bodyLines];
  if (m.signatureLines.length > 0) lines.push('', '--', ...m.signatureLines);
  return lines.join('\n');
}

/** Recipients as the compact line shows them: to + cc together; the account has no display name ("me"). */
export function expectedRecipients(m: FixtureMessage, account: string): MailAddress[] {
  return [...m.to, ...m.cc].map((p) => ({ name: p.email === account ? null : p.name, email: p.email }));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function visibleThreadView(doc: Document = document): Element {
  const views = Array.from(doc.querySelectorAll('[role=main] [data-fixture-thread-view]')).filter((v) => (v as HTMLElement).style.display !== 'none');
  if (views.length !== 1) throw new Error(`expected one visible thread view, found ${views.length}`);
  return views[0]!;
}
