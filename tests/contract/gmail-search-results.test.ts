// @vitest-environment happy-dom
/**
 * Contract: "Find my invoices" reads Gmail's result rows (src/adapters/gmail/search-results.ts) on the
 * fixture mailbox's search (render.ts + behaviour.ts, the code Chromium runs): the query built by
 * search-query.ts returns the threads Camille sent with invoice words or a PDF, four per page,
 * hidden inbox rows are never read, and a result opens its thread under the search's hash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { invoiceSearchQuery, searchHash } from '../../src/adapters/gmail/search-query';
import { readResultRows } from '../../src/adapters/gmail/search-results';
import { installFixtureBehaviour, SEARCH_PAGE_SIZE } from '../fixtures/gmail/behaviour';
import { renderMailboxHtml } from '../fixtures/gmail/render';
import { FIXTURE_THREADS, threadsOfMailbox } from '../fixtures/gmail/threads/index';
import { ANCHOR, loadDocument } from './gmail-dom';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

async function showHash(hash: string): Promise<void> {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await settle();
}

/** The FR mailbox's threads Camille took part in with an invoice word or a PDF, newest first. */
const SENT_INVOICE_LIKE = threadsOfMailbox(1)
  .map((entry) => entry.build(ANCHOR))
  .filter((t) => t.messages.some((m) => m.from.email === FIXTURE_THREADS.frDueSoon.account.email))
  .filter((t) => /facture|avoir|acompte|relance/i.test(`${t.subject} ${t.messages.map((m) => m.bodyLines.join(' ')).join(' ')}`) || t.messages.some((m) => m.attachments.length > 0))
  .sort((a, b) => b.messages.at(-1)!.date.localeCompare(a.messages.at(-1)!.date))
  .map((t) => t.legacyThreadId);

describe('readResultRows on the fixture search', () => {
  it('reads only the visible rows: the inbox first, then each page of the invoice search', async () => {
    loadDocument(renderMailboxHtml(1, ANCHOR, { script: false }));
    window.location.hash = '#inbox';
    uninstall = installFixtureBehaviour(document, { searchRenderDelayMs: 10 });
    const inbox = readResultRows(document);
    expect(inbox.length).toBe(threadsOfMailbox(1).length + 3); // the threads and the 3 fillers
    expect(inbox.every((row) => /^[0-9a-f]{16}$/.test(row.threadId))).toBe(true);

    const query = invoiceSearchQuery(12);
    const pages: string[][] = [];
    for (let page = 1; page <= 5; page += 1) {
      await showHash(searchHash(query, page));
      pages.push(readResultRows(document).map((row) => row.threadId));
    }
    // The inbox rows are hidden now: each page holds search results only, at most 4.
    expect(pages.every((p) => p.length <= SEARCH_PAGE_SIZE)).toBe(true);
    expect(pages.flat()).toEqual(SENT_INVOICE_LIKE);
    expect(pages.flat()).toContain(FIXTURE_THREADS.frQuote.legacyThreadId); // a quote: found by the search, not an invoice
    expect(pages.flat()).not.toContain(FIXTURE_THREADS.frNoInvoice.legacyThreadId); // no invoice word, no PDF
    expect(pages.at(-1)).toEqual([]);
  });

  it('opens a result under the search hash', async () => {
    loadDocument(renderMailboxHtml(1, ANCHOR, { script: false }));
    const hash = searchHash(invoiceSearchQuery(12));
    window.location.hash = hash;
    uninstall = installFixtureBehaviour(document, { searchRenderDelayMs: 10, threadRenderDelayMs: 10 });
    await settle();
    const first = document.querySelector<HTMLElement>('[data-fixture-view=search] tr.zA')!;
    first.click();
    await settle();
    expect(window.location.hash).toBe(`${hash}/${first.getAttribute('data-fixture-open')}`);
    expect(readResultRows(document)).toEqual([]); // the list is hidden while the thread shows
    expect(document.querySelector('[data-fixture-thread-view]:not([style*="none"]) h2')?.getAttribute('data-legacy-thread-id')).toBe(first.getAttribute('data-fixture-open'));
  });

  it('skips rows without a well-formed legacy id', () => {
    document.body.innerHTML = '<table><tbody><tr class="zA" role="row"><td><span data-thread-id="#thread-f:1" data-legacy-thread-id="nothex">x</span></td></tr><tr class="zA" role="row" hidden><td><span data-thread-id="#thread-f:2" data-legacy-thread-id="18852539450983a9">y</span></td></tr></tbody></table>';
    expect(readResultRows(document)).toEqual([]);
  });
});
