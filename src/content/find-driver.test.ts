// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { invoiceSearchQuery, searchHash } from '../adapters/gmail/search-query';
import { installFixtureBehaviour } from '../../tests/fixtures/gmail/behaviour';
import { renderMailboxHtml } from '../../tests/fixtures/gmail/render';
import { loadDocument, ANCHOR } from '../../tests/contract/gmail-dom';
import { answerFindCommand, isFindCommand, sameSearch } from './find-driver';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const BASE = searchHash(invoiceSearchQuery(12));

describe('sameSearch', () => {
  it('treats Gmail’s rewrites of the search hash (+ for spaces, other escapes) and its thread or page suffixes as the same search', () => {
    expect(sameSearch(BASE, BASE)).toBe(true);
    expect(sameSearch(`${BASE}/p2`, BASE)).toBe(true);
    expect(sameSearch(`${BASE}/FMfcgzQbfxxx`, BASE)).toBe(true);
    expect(sameSearch(BASE.replace(/%20/g, '+'), BASE)).toBe(true);
    expect(sameSearch('#inbox', BASE)).toBe(false);
    expect(sameSearch(searchHash('in:sent facture'), BASE)).toBe(false);
    expect(sameSearch('#search/%E0%A4%A', BASE)).toBe(false); // a malformed escape is not a crash
  });
});

describe('isFindCommand', () => {
  it('accepts only well-formed find commands', () => {
    expect(isFindCommand({ type: 'find/where' })).toBe(true);
    expect(isFindCommand({ type: 'find/go', hash: '#inbox', within: null })).toBe(true);
    expect(isFindCommand({ type: 'find/go', hash: 'javascript:alert(1)', within: null })).toBe(false);
    expect(isFindCommand({ type: 'find/rows', within: BASE, after: [1], waitMs: 10 })).toBe(false);
    expect(isFindCommand({ type: 'compose/insert-draft' })).toBe(false);
    expect(isFindCommand(null)).toBe(false);
  });
});

describe('answerFindCommand on the fixture mailbox', () => {
  it('moves the tab by hash, reads the new result rows once they replace the old ones, and refuses once the user left the search', async () => {
    loadDocument(renderMailboxHtml(1, ANCHOR, { script: false }));
    window.location.hash = '#inbox';
    // Gmail's search answers slower than the list's quiet time: the inbox stays visible meanwhile.
    uninstall = installFixtureBehaviour(document, { searchRenderDelayMs: 600 });
    const signal = new AbortController().signal;
    const where = await answerFindCommand({ type: 'find/where' }, signal);
    expect(where).toEqual({ ok: true, account: 'camille@atelier-durand.fr', path: expect.any(String), hash: '#inbox' });
    const inboxIds = Array.from(document.querySelectorAll('[data-fixture-view=inbox] [data-legacy-thread-id]'), (el) => el.getAttribute('data-legacy-thread-id')!);

    // The worker's sequence: go, then the rows with nothing before them (after: []).
    expect(await answerFindCommand({ type: 'find/go', hash: BASE, within: null }, signal)).toMatchObject({ ok: true, hash: '#inbox' });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const page1 = (await answerFindCommand({ type: 'find/rows', within: BASE, after: [], waitMs: 3_000 }, signal)) as { rows: { threadId: string }[] };
    expect(page1.rows).toHaveLength(4); // the search's page, not the inbox's rows
    expect(page1.rows.length).toBeLessThan(inboxIds.length);
    expect(document.querySelector<HTMLElement>('[data-fixture-view=search]')!.style.display).toBe('');

    await answerFindCommand({ type: 'find/go', hash: `${BASE}/p2`, within: BASE }, signal);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const page2 = (await answerFindCommand({ type: 'find/rows', within: BASE, after: page1.rows.map((r) => r.threadId), waitMs: 3_000 }, signal)) as { rows: { threadId: string }[] };
    expect(page2.rows).toHaveLength(4);
    expect(page2.rows.some((row) => page1.rows.some((old) => old.threadId === row.threadId))).toBe(false);

    window.location.hash = '#label/clients'; // the user went elsewhere
    expect(await answerFindCommand({ type: 'find/go', hash: `${BASE}/p3`, within: BASE }, signal)).toEqual({ ok: false, moved: true, hash: '#label/clients' });
    expect(window.location.hash).toBe('#label/clients');
  });

  it('stops waiting for the rows on abort, and leaves no listener on the signal', async () => {
    loadDocument(renderMailboxHtml(1, ANCHOR, { script: false }));
    window.location.hash = '#inbox';
    uninstall = installFixtureBehaviour(document, { searchRenderDelayMs: 60 });
    const controller = new AbortController();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const { signal } = controller;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => (added.push(listener), add(type, listener, options))) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, listener: EventListener) => (removed.push(listener), remove(type, listener))) as typeof signal.removeEventListener;
    await answerFindCommand({ type: 'find/go', hash: BASE, within: null }, signal);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const rows = (await answerFindCommand({ type: 'find/rows', within: BASE, after: [], waitMs: 3_000 }, signal)) as { rows: unknown[] };
    expect(rows.rows).toHaveLength(4);
    expect(added).toHaveLength(1);
    expect(removed).toEqual(added); // settled without an abort: its listener is gone

    await answerFindCommand({ type: 'find/go', hash: `${BASE}/p2`, within: BASE }, signal);
    const waiting = answerFindCommand({ type: 'find/rows', within: BASE, after: [], waitMs: 3_000 }, signal);
    controller.abort();
    expect(await waiting).toMatchObject({ ok: true });
  });
});
