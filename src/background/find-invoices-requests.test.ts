import { afterEach, describe, expect, it } from 'vitest';
import type { FindRunState } from '../protocol/find-invoices-messages';
import type { InvoiceFacts } from '../core/model';
import { emptyRunState } from './find-invoices';
import { forgetRunForTests, handleFindRequest, parseFindRequest, type FindHost } from './find-invoices-requests';

afterEach(() => forgetRunForTests());

const facts = (number: string): InvoiceFacts => ({
  invoiceNumber: number,
  amount: 10,
  currency: 'EUR',
  issueDate: null,
  dueDate: null,
  terms: null,
  client: { name: null, email: 'c@client.fr' },
  language: 'fr',
  messageId: null,
  subject: '',
});

function host(stored: FindRunState | null, tabs: Record<number, unknown> = {}): FindHost & { saved: FindRunState[]; tracked: string[]; told: string[][] } {
  const saved: FindRunState[] = [];
  const tracked: string[] = [];
  const told: string[][] = [];
  let state = stored;
  return {
    saved,
    tracked,
    told,
    tabIds: async () => Object.keys(tabs).map(Number).concat([99]),
    send: async (tabId) => {
      if (!(tabId in tabs)) throw new Error('Receiving end does not exist');
      return tabs[tabId];
    },
    loadState: async () => state,
    saveState: async (next) => {
      state = next;
      saved.push(next);
    },
    sleep: async () => undefined,
    random: () => 0,
    tabThread: async () => null,
    isTracked: async () => false,
    now: () => new Date('2026-11-20T10:00:00Z'),
    log: () => undefined,
    track: async (f, thread) => {
      if (f.invoiceNumber === 'BROKEN') return { ok: false, error: 'an invoice number is required' };
      if (f.invoiceNumber === 'THROWS') throw new Error('QuotaExceededError');
      tracked.push(`${thread.threadId}:${f.invoiceNumber}`);
      return { ok: true, id: `id:${thread.threadId}` };
    },
    afterTrack: async (ids) => void told.push(ids),
  };
}

describe('parseFindRequest', () => {
  it('accepts the dashboard requests and refuses malformed ones with the field at fault', () => {
    expect(parseFindRequest({ type: 'find/start', tabId: 3, months: 12 })).toEqual({ ok: true, value: { type: 'find/start', tabId: 3, months: 12, paceMs: null } });
    expect(parseFindRequest({ type: 'find/start', tabId: 3, months: 12, paceMs: 100 })).toEqual({ ok: true, value: { type: 'find/start', tabId: 3, months: 12, paceMs: 100 } });
    expect(parseFindRequest({ type: 'find/start', tabId: -1, months: 12 })).toMatchObject({ ok: false, error: expect.stringContaining('tabId') });
    expect(parseFindRequest({ type: 'find/start', tabId: 1, months: 120 })).toMatchObject({ ok: false, error: expect.stringContaining('months') });
    expect(parseFindRequest({ type: 'find/start', tabId: 1, months: 12, paceMs: 'fast' })).toMatchObject({ ok: false, error: expect.stringContaining('paceMs') });
    expect(parseFindRequest({ type: 'find/track', keys: [1] })).toMatchObject({ ok: false, error: expect.stringContaining('keys') });
    expect(parseFindRequest({ type: 'find/track', keys: ['a'] })).toEqual({ ok: true, value: { type: 'find/track', keys: ['a'] } });
    expect(parseFindRequest({ type: 'find/nope' })).toMatchObject({ ok: false });
  });
});

describe('handleFindRequest', () => {
  it('lists only the tabs whose content script answers as Gmail, with their account', async () => {
    const h = host(null, { 4: { ok: true, account: 'Camille@Atelier.fr', path: '/mail/u/1/', hash: '#inbox' }, 5: { ok: true, account: '<script>', path: 'javascript:', hash: '#x' }, 6: 'nonsense' });
    expect(await handleFindRequest({ type: 'find/tabs' }, h)).toEqual({
      ok: true,
      value: [
        { tabId: 5, account: null, path: '/mail/u/0/' },
        { tabId: 4, account: 'camille@atelier.fr', path: '/mail/u/1/' },
      ],
    });
  });

  it('reads a run the worker lost (restarted mid-run) as interrupted', async () => {
    const h = host({ ...emptyRunState(), status: 'running', looked: 3 });
    const reply = await handleFindRequest({ type: 'find/status' }, h);
    expect(reply).toMatchObject({ ok: true, value: { status: 'stopped', stopReason: 'interrupted', looked: 3 } });
    expect(h.saved.at(-1)?.status).toBe('stopped');
  });

  it('tracks only the chosen candidates that are not tracked yet, once the run is over', async () => {
    const candidates = [
      { key: 'k1', account: 'a@b.fr', threadId: 't1', facts: facts('F-1'), tracked: false },
      { key: 'k2', account: 'a@b.fr', threadId: 't2', facts: facts('F-2'), tracked: true },
      { key: 'k3', account: 'a@b.fr', threadId: 't3', facts: facts('F-3'), tracked: false },
    ];
    const h = host({ ...emptyRunState(), status: 'done', candidates });
    const reply = await handleFindRequest({ type: 'find/track', keys: ['k1', 'k2', 'unknown'] }, h);
    expect(reply).toMatchObject({ ok: true, value: { tracked: 1, failed: [] } });
    expect(h.tracked).toEqual(['t1:F-1']);
    expect(h.told).toEqual([['id:t1']]);
    expect(h.saved.at(-1)?.candidates.map((c) => c.tracked)).toEqual([true, true, false]);
  });

  it('tracks nothing while a run is going on', async () => {
    const candidates = [{ key: 'k1', account: 'a@b.fr', threadId: 't1', facts: facts('F-1'), tracked: false }];
    const running = host({ ...emptyRunState(), status: 'done', candidates });
    running.send = () => new Promise(() => undefined); // the tab never answers: the run stays on its first step
    expect(await handleFindRequest({ type: 'find/start', tabId: 4, months: 12, paceMs: null }, running)).toMatchObject({ ok: true, value: { status: 'running' } });
    expect(await handleFindRequest({ type: 'find/track', keys: ['k1'] }, running)).toEqual({ ok: false, error: 'the search is still running' });
    expect(running.tracked).toEqual([]);
    await handleFindRequest({ type: 'find/cancel' }, running);
  });

  it('reports the candidates the ledger refused, keeps them untracked, and tells the pages once for the others', async () => {
    const candidates = [
      { key: 'k1', account: 'a@b.fr', threadId: 't1', facts: facts('F-1'), tracked: false },
      { key: 'k2', account: 'a@b.fr', threadId: 't2', facts: facts('BROKEN'), tracked: false },
      { key: 'k3', account: 'a@b.fr', threadId: 't3', facts: facts('THROWS'), tracked: false },
      { key: 'k4', account: 'a@b.fr', threadId: 't4', facts: facts('F-4'), tracked: false },
    ];
    const h = host({ ...emptyRunState(), status: 'done', candidates });
    const reply = await handleFindRequest({ type: 'find/track', keys: ['k1', 'k2', 'k3', 'k4'] }, h);
    expect(reply).toMatchObject({
      ok: true,
      value: {
        tracked: 2,
        failed: [
          { key: 'k2', error: 'an invoice number is required' },
          { key: 'k3', error: 'QuotaExceededError' },
        ],
      },
    });
    expect(h.told).toEqual([['id:t1', 'id:t4']]);
    expect(h.saved.at(-1)?.candidates.map((c) => c.tracked)).toEqual([true, false, false, true]);
  });

  it('runs one search at a time and Cancel answers with the final state', async () => {
    const h = host(null, { 4: { ok: true, account: 'a@b.fr', path: '/mail/u/0/', hash: '#inbox' } });
    let answer: FindHost['send'] = async (_tabId, command) => (command.type === 'find/rows' ? new Promise(() => undefined) : { ok: true, account: 'a@b.fr', path: '/mail/u/0/', hash: '#inbox' });
    h.send = (tabId, command) => answer(tabId, command);
    expect(await handleFindRequest({ type: 'find/start', tabId: 4, months: 12, paceMs: null }, h)).toMatchObject({ ok: true, value: { status: 'running' } });
    expect(await handleFindRequest({ type: 'find/start', tabId: 4, months: 12, paceMs: null }, h)).toEqual({ ok: false, error: 'a search is already running' });
    // The rows never come (a hung tab): Cancel still ends the run at once, and the tab is put back.
    const restored: string[] = [];
    await new Promise((resolve) => setTimeout(resolve, 20)); // the run is waiting for the result rows
    answer = async (_tabId, command) => (command.type === 'find/go' && restored.push(command.hash), { ok: true });
    expect(await handleFindRequest({ type: 'find/cancel' }, h)).toMatchObject({ ok: true, value: { status: 'cancelled', stopReason: null } });
    expect(restored).toEqual(['#inbox']);
    expect(await handleFindRequest({ type: 'find/status' }, h)).toMatchObject({ ok: true, value: { status: 'cancelled' } });
  });
});
