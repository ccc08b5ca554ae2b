// @vitest-environment happy-dom
/**
 * Contract: readOpenThread against the fixture mailbox markup (the same HTML Chromium gets from
 * tests/fixtures/gmail/server.ts). If the fixture or the adapter drifts from dom-facts, this fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readOpenThread } from '../../src/adapters/gmail/read-thread';
import { findChipAnchor, locateChipAnchor } from '../../src/adapters/gmail/thread-header';
import { installFixtureBehaviour } from '../fixtures/gmail/behaviour';
import { renderMailboxHtml, renderThreadPageHtml } from '../fixtures/gmail/render';
import { FIXTURE_MAILBOXES, FIXTURE_THREAD_NAMES, FIXTURE_THREADS } from '../fixtures/gmail/threads/index';
import { ANCHOR, expectedBodyText, expectedRecipients, loadDocument, sleep } from './gmail-dom';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function readOk(doc: Document = document) {
  const result = readOpenThread(doc);
  if (!result.ok) throw new Error(`readOpenThread failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe.each(FIXTURE_THREAD_NAMES)('readOpenThread on fixture thread %s', (name) => {
  const entry = FIXTURE_THREADS[name];
  const thread = entry.build(ANCHOR);
  const mailbox = FIXTURE_MAILBOXES[entry.mailbox];

  it('reads thread metadata', () => {
    loadDocument(renderThreadPageHtml(name, ANCHOR, { script: false }));
    const snap = readOk();
    expect(snap.host).toBe('gmail');
    expect(snap.account).toBe(entry.account.email);
    expect(snap.threadId).toBe(entry.legacyThreadId);
    expect(snap.subject).toBe(entry.subject);
    expect(snap.uiLanguage).toBe(mailbox.language);
    expect(snap.messages).toHaveLength(thread.messages.length);
  });

  it('reads every message: sender, recipients, date, body without quotes, attachments, collapsed state', () => {
    loadDocument(renderThreadPageHtml(name, ANCHOR, { script: false }));
    const snap = readOk();
    thread.messages.forEach((m, i) => {
      const got = snap.messages[i]!;
      expect(got.from).toEqual({ name: m.from.name, email: m.from.email });
      expect(got.date).toBe(m.date);
      expect(got.collapsed).toBe(m.collapsed);
      expect(got.cc).toEqual([]);
      if (m.collapsed) {
        // dom-facts: collapsed messages have no body and no data-message-id until opened.
        expect(got.id).toBeNull();
        expect(got.bodyText).toBe('');
        expect(got.attachments).toEqual([]);
        expect(got.to).toEqual([]);
      } else {
        expect(got.id).toBe(m.permId);
        expect(got.to).toEqual(expectedRecipients(m, entry.account.email));
        expect(got.bodyText).toBe(expectedBodyText(m));
        expect(got.attachments).toEqual(m.attachments.map((a) => a.name));
        if (m.quoted) {
          expect(got.bodyText).not.toContain(m.quoted.attribution);
          // The quote IS in the DOM (so this assertion can fail if quote stripping breaks).
          expect(document.body.textContent).toContain(m.quoted.attribution);
        }
      }
    });
  });
});

describe('readOpenThread details', () => {
  it('parses fixed dates in both locales (anchor 2026-11-20)', () => {
    loadDocument(renderThreadPageHtml('frDueSoon', ANCHOR, { script: false }));
    expect(document.querySelector('span.g3')!.getAttribute('title')).toBe('24 oct. 2026, 10:42');
    expect(readOk().messages[0]!.date).toBe('2026-10-24T10:42');
    loadDocument(renderThreadPageHtml('enInvoice', ANCHOR, { script: false }));
    expect(document.querySelector('span.g3')!.getAttribute('title')).toBe('4 Nov 2026, 11:05');
    expect(readOk().messages.map((m) => m.date)).toEqual(['2026-11-04T11:05', '2026-11-05T16:40']);
  });

  it('keeps invoice facts in the body and the client reply free of the quoted invoice (frOverdue)', () => {
    loadDocument(renderThreadPageHtml('frOverdue', ANCHOR, { script: false }));
    const [, invoice, reply] = readOk().messages;
    expect(invoice!.bodyText).toContain('Total TTC : 1 850,00 €');
    expect(invoice!.bodyText).toContain('paiement à 30 jours, soit au plus tard le 10 novembre 2026');
    expect(invoice!.attachments).toEqual(['F-2026-032.pdf']);
    expect(reply!.bodyText.startsWith('Bien reçu, merci Camille, je transmets à la compta.')).toBe(true);
    expect(reply!.bodyText).not.toContain('1 850,00');
    expect(reply!.bodyText).not.toContain('a écrit');
    expect(reply!.to).toEqual([{ name: null, email: 'camille@atelier-durand.fr' }]);
  });

  it('reads a collapsed message once it is expanded by a click', () => {
    loadDocument(renderThreadPageHtml('frOverdue', ANCHOR, { script: false }));
    uninstall = installFixtureBehaviour(document, { routeOnInstall: false });
    expect(readOk().messages[0]!.collapsed).toBe(true);
    (document.querySelector('[role=listitem].kv') as HTMLElement).click();
    const first = readOk().messages[0]!;
    const fixture = FIXTURE_THREADS.frOverdue.build(ANCHOR).messages[0]!;
    expect(first.collapsed).toBe(false);
    expect(first.id).toBe(fixture.permId);
    expect(first.bodyText).toBe(expectedBodyText(fixture));
  });

  it('scopes to the visible thread when stale thread views and inbox rows stay in the DOM', () => {
    loadDocument(renderThreadPageHtml('frOverdue', ANCHOR, { script: false, staleThreads: ['frDueSoon', 'frNoInvoice'] }));
    // The traps exist: three subjects, and the first [data-legacy-thread-id] is an inbox row.
    expect(document.querySelectorAll('h2.hP')).toHaveLength(3);
    expect(document.querySelector('[data-legacy-thread-id]')!.tagName).toBe('SPAN');
    const snap = readOk();
    expect(snap.threadId).toBe(FIXTURE_THREADS.frOverdue.legacyThreadId);
    expect(snap.subject).toBe(FIXTURE_THREADS.frOverdue.subject);
    expect(snap.messages).toHaveLength(3);
  });

  it('follows the fixture SPA: open a row, go back, open another (old view stays hidden)', async () => {
    loadDocument(renderMailboxHtml(1, ANCHOR, { script: false }));
    window.location.hash = '#inbox';
    uninstall = installFixtureBehaviour(document);
    expect(document.title).toBe('Boîte de réception (2) - camille@atelier-durand.fr - Gmail');
    expect(readOpenThread(document)).toMatchObject({ ok: false, error: { code: 'thread_not_found' } });

    const rowOf = (id: string) => document.querySelector(`[gh=tl] tbody > tr.zA[role=row] span[data-legacy-thread-id="${id}"]`)!.closest('tr')!;
    rowOf(FIXTURE_THREADS.frDueSoon.legacyThreadId).click();
    expect(window.location.hash).toBe(`#inbox/${FIXTURE_THREADS.frDueSoon.legacyThreadId}`);
    expect(readOpenThread(document).ok).toBe(false); // Gmail renders the thread asynchronously
    await sleep(150);
    expect(readOk().threadId).toBe(FIXTURE_THREADS.frDueSoon.legacyThreadId);
    expect(document.title).toBe('Facture F-2026-041 – Refonte du site vitrine - camille@atelier-durand.fr - Gmail');

    (document.querySelector('[act="19"]') as HTMLElement).click();
    expect(readOpenThread(document).ok).toBe(false);
    rowOf(FIXTURE_THREADS.frDueToday.legacyThreadId).click();
    await sleep(150);
    expect(document.querySelectorAll('h2.hP')).toHaveLength(2);
    const snap = readOk();
    expect(snap.threadId).toBe(FIXTURE_THREADS.frDueToday.legacyThreadId);
    expect(snap.messages[0]!.to.map((a) => a.email)).toEqual(['factures@atelier-nomade.fr', 'marc.petit@atelier-nomade.fr']);
  });

  it('takes the account from the account button when the title has none', () => {
    loadDocument(renderThreadPageHtml('enInvoice', ANCHOR, { script: false }));
    document.title = 'Gmail';
    expect(readOk().account).toBe('alex@northwind-studio.co.uk');
    document.querySelector('header [aria-label*="@"]')!.remove();
    expect(readOk().account).toBeNull();
  });

  it('returns uiLanguage null for other UI languages', () => {
    loadDocument(renderThreadPageHtml('enInvoice', ANCHOR, { script: false }));
    document.documentElement.lang = 'de';
    expect(readOk().uiLanguage).toBeNull();
    document.documentElement.lang = 'en-GB';
    expect(readOk().uiLanguage).toBe('en');
  });

  it('caps body text at 20,000 chars and keeps the newest 50 messages', () => {
    loadDocument(renderThreadPageHtml('enNoInvoice', ANCHOR, { script: false }));
    const list = document.querySelector('[role=main] [role=list]')!;
    const first = list.querySelector('[role=listitem]')!;
    first.querySelector('.a3s')!.textContent = 'x'.repeat(30_000);
    for (let i = 0; i < 60; i++) list.insertBefore(first.cloneNode(true), list.firstChild);
    const snap = readOk();
    expect(snap.messages).toHaveLength(50);
    expect(snap.messages[0]!.bodyText).toHaveLength(20_000);
    expect(snap.messages[49]!.from!.email).toBe('alex@northwind-studio.co.uk'); // newest kept
  });
});

describe('readOpenThread on a broken DOM (typed failure, never throws)', () => {
  it('thread_not_found when h2.hP is gone', () => {
    loadDocument(renderThreadPageHtml('frOverdue', ANCHOR, { script: false }));
    document.querySelector('[role=main] h2.hP')!.remove();
    expect(readOpenThread(document)).toEqual({ ok: false, error: { code: 'thread_not_found', feature: 'read_thread', detail: expect.any(String) } });
  });

  it('thread_not_found when the only subject left is a hidden stale copy', () => {
    loadDocument(renderThreadPageHtml('frOverdue', ANCHOR, { script: false, staleThreads: ['frDueSoon'] }));
    const visible = Array.from(document.querySelectorAll('h2.hP')).find((h) => !h.closest('[style*="none"]'))!;
    visible.remove();
    expect(readOpenThread(document)).toMatchObject({ ok: false, error: { code: 'thread_not_found', feature: 'read_thread' } });
  });

  it('thread_not_found when the subject lost its legacy id', () => {
    loadDocument(renderThreadPageHtml('enInvoice', ANCHOR, { script: false }));
    document.querySelector('[role=main] h2.hP')!.setAttribute('data-legacy-thread-id', 'undefined');
    expect(readOpenThread(document)).toMatchObject({ ok: false, error: { code: 'thread_not_found', feature: 'read_thread' } });
  });

  it('messages_not_found when the message list is gone (and stale threads are not read instead)', () => {
    loadDocument(renderThreadPageHtml('frOverdue', ANCHOR, { script: false, staleThreads: ['frDueSoon'] }));
    const visibleList = Array.from(document.querySelectorAll('[role=list]')).find((l) => !l.closest('[style*="none"]'))!;
    visibleList.remove();
    expect(readOpenThread(document)).toMatchObject({ ok: false, error: { code: 'messages_not_found', feature: 'read_thread' } });
  });

  it('degrades field by field: no date title → date null, the rest still read', () => {
    loadDocument(renderThreadPageHtml('enInvoice', ANCHOR, { script: false }));
    for (const d of Array.from(document.querySelectorAll('[role=main] span.g3'))) d.removeAttribute('title');
    const snap = readOk();
    expect(snap.messages.map((m) => m.date)).toEqual([null, null]);
    expect(snap.messages[0]!.bodyText).toContain('INV-1042');
  });

  it('does not throw when the document is empty', () => {
    document.body.innerHTML = '';
    expect(() => readOpenThread(document)).not.toThrow();
    expect(readOpenThread(document).ok).toBe(false);
  });
});

describe('findChipAnchor', () => {
  it('returns the subject row of the visible thread, not of a stale hidden one', () => {
    loadDocument(renderThreadPageHtml('frOverdue', ANCHOR, { script: false, staleThreads: ['frDueSoon'] }));
    const anchor = findChipAnchor(document)!;
    expect(anchor.classList.contains('ha')).toBe(true);
    expect(anchor.querySelector('h2.hP')!.getAttribute('data-legacy-thread-id')).toBe(FIXTURE_THREADS.frOverdue.legacyThreadId);
  });

  it('returns null (and a typed chip error) when no thread is open', () => {
    loadDocument(renderMailboxHtml(0, ANCHOR, { script: false }));
    expect(findChipAnchor(document)).toBeNull();
    expect(locateChipAnchor(document)).toMatchObject({ ok: false, error: { code: 'thread_not_found', feature: 'chip' } });
  });
});
