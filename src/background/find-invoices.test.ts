import { describe, expect, it } from 'vitest';
import type { InvoiceFacts } from '../core/model';
import type { ThreadInvoice } from '../core/invoice-from-thread';
import type { FindCommand, TabThreadState } from '../protocol/messages';
import type { FindRunState } from '../protocol/find-invoices-messages';
import { invoiceSearchQuery, searchHash } from '../adapters/gmail/search-query';
import { FindRun, HUMAN_JITTER_MS, HUMAN_PAUSE_MS, MAX_PAUSE_MS, MIN_PAUSE_MS, pauseMs, THREAD_WAIT_MS, type FindRunDeps } from './find-invoices';

const ids = (letters: string) => letters.split('').map((c) => c.repeat(16));
const facts = (number: string, email = `${number.toLowerCase()}@client.fr`): InvoiceFacts => ({
  invoiceNumber: number,
  amount: 100,
  currency: 'EUR',
  issueDate: '2026-10-01',
  dueDate: '2026-11-01',
  terms: null,
  client: { name: `Client ${number}`, email },
  language: 'fr',
  messageId: null,
  subject: `Facture ${number}`,
});
const invoice = (number: string, email?: string) => ({ kind: 'invoice', facts: facts(number, email) }) as unknown as ThreadInvoice;
const none = { kind: 'none', reason: 'no_invoice_found' } as unknown as ThreadInvoice;

const BASE = searchHash(invoiceSearchQuery(12));

interface FakeOptions {
  pages: string[][];
  readings: Record<string, ThreadInvoice[]>;
  /** Thread ids the reader never reports (Gmail did not render them). */
  silent?: string[];
  tracked?: string[];
  /** Called after each command the tab answered (the user acts in between). */
  onCommand?: (command: FindCommand, fake: Fake) => void;
}

interface Fake {
  deps: FindRunDeps;
  hash: string;
  closed: boolean;
  commands: FindCommand[];
  pauses: number[];
  saved: FindRunState[];
  opened: string[];
  /** The fake clock when each thread's hash was asked for. */
  openedAt: Record<string, number>;
  /** Polls of the thread reader (sleeps of the poll interval). */
  polls: number;
  logged: unknown[];
  run?: FindRun;
}

function fakeTab(options: FakeOptions): Fake {
  let clock = Date.parse('2026-11-20T09:00:00Z');
  let shown: TabThreadState | null = null;
  const fake: Fake = {
    hash: '#inbox',
    closed: false,
    commands: [],
    pauses: [],
    saved: [],
    opened: [],
    openedAt: {},
    polls: 0,
    logged: [],
    deps: {
      async send(_tabId, command) {
        if (fake.closed) throw new Error('Could not establish connection. Receiving end does not exist.');
        fake.commands.push(command);
        const answer = (): unknown => {
          if (command.type === 'find/where') return { ok: true, account: 'camille@atelier.fr', path: '/mail/u/1/', hash: fake.hash };
          if (command.within !== null && !(fake.hash === command.within || fake.hash.startsWith(`${command.within}/`))) return { ok: false, moved: true, hash: fake.hash };
          if (command.type === 'find/go') {
            const before = { ok: true, account: 'camille@atelier.fr', path: '/mail/u/1/', hash: fake.hash };
            fake.hash = command.hash;
            const thread = /\/([0-9a-f]{16})$/.exec(command.hash)?.[1];
            if (thread) fake.openedAt[thread] = clock;
            if (thread && !options.silent?.includes(thread)) {
              fake.opened.push(thread);
              const [reading = none, ...others] = options.readings[thread] ?? [none];
              shown = { state: 'thread', snapshot: { host: 'gmail', account: 'camille@atelier.fr', threadId: thread, subject: '', uiLanguage: 'fr', messages: [] }, reading, others, at: clock };
            }
            return before;
          }
          const page = Number(/\/p(\d+)$/.exec(fake.hash)?.[1] ?? '1');
          return { ok: true, rows: (options.pages[page - 1] ?? []).map((threadId) => ({ threadId })).concat([{ threadId: 'not-an-id' } as never]) };
        };
        const reply = answer();
        options.onCommand?.(command, fake);
        return reply;
      },
      tabThread: async () => shown,
      isTracked: async (key) => (options.tracked ?? []).some((number) => key.endsWith(`:${number}`)),
      save: async (state) => void fake.saved.push(state),
      sleep: async (ms, signal) => {
        if (ms !== 150) fake.pauses.push(ms);
        else fake.polls += 1;
        clock += ms;
        if (signal.aborted) return;
      },
      random: () => 0.5,
      now: () => new Date(clock),
      log: (message, detail) => void fake.logged.push([message, detail]),
    },
  };
  return fake;
}

const run = (fake: Fake, paceMs: number | null = null) => {
  fake.run = new FindRun(fake.deps, { tabId: 4, months: 12, paceMs });
  return fake.run.run();
};

describe('FindRun', () => {
  it('reads every result page, opens each thread at a human pace, lists the invoices and goes back to the start view', async () => {
    const [a, b, c, d, e, f] = ids('abcdef');
    const fake = fakeTab({
      pages: [[a!, b!, c!, d!], [e!, f!]],
      readings: { [a!]: [invoice('F-1')], [b!]: [none], [c!]: [invoice('F-2'), invoice('F-3')], [d!]: [invoice('F-1')], [f!]: [invoice('F-4')] },
      tracked: ['F-4'],
    });
    const final = await run(fake);
    expect(final.status).toBe('done');
    expect(fake.opened).toEqual([a, b, c, d, e, f]);
    // A pause before every thread but the first, 3 s + jitter (random 0.5 → 1.5 s).
    expect(fake.pauses).toEqual(Array(5).fill(HUMAN_PAUSE_MS + HUMAN_JITTER_MS / 2));
    expect(final.candidates.map((x) => [x.facts.invoiceNumber, x.threadId, x.tracked])).toEqual([
      ['F-1', a, false],
      ['F-2', c, false],
      ['F-3', c, false],
      ['F-4', f, true],
    ]);
    expect([final.looked, final.total]).toEqual([6, 6]);
    expect(final.candidates.every((x) => x.account === 'camille@atelier.fr')).toBe(true);
    // Page 2 was asked for after page 1's threads; the short page 2 ended the run (no empty page probed).
    expect(fake.commands.filter((x) => x.type === 'find/go').map((x) => (x as { hash: string }).hash)).toEqual([BASE, ...[a, b, c, d].map((id) => `${BASE}/${id}`), `${BASE}/p2`, ...[e, f].map((id) => `${BASE}/${id}`), '#inbox']);
    expect(fake.commands.filter((x) => x.type === 'find/rows')).toEqual([
      { type: 'find/rows', within: BASE, after: [], waitMs: expect.any(Number) },
      { type: 'find/rows', within: BASE, after: [a, b, c, d], waitMs: expect.any(Number) },
    ]);
    expect(fake.hash).toBe('#inbox');
    // Progress was saved as it went.
    expect(fake.saved.map((s) => s.looked)).toContain(3);
    expect(fake.saved.at(-1)?.status).toBe('done');
  });

  it('uses a fixed pace when one is given, within bounds', async () => {
    expect(pauseMs(10, () => 0.9)).toBe(MIN_PAUSE_MS);
    expect(pauseMs(999_999, () => 0.9)).toBe(MAX_PAUSE_MS);
    expect(pauseMs(null, () => 0)).toBe(HUMAN_PAUSE_MS);
    expect(pauseMs(null, () => 1)).toBe(HUMAN_PAUSE_MS + HUMAN_JITTER_MS);
    const fake = fakeTab({ pages: [ids('ab')], readings: {} });
    await run(fake, 200);
    expect(fake.pauses).toEqual([200]);
  });

  it('stops on Cancel, keeps what it found, and puts the tab back', async () => {
    const fake = fakeTab({
      pages: [ids('abcd')],
      readings: { ['a'.repeat(16)]: [invoice('F-1')] },
      onCommand: (command, self) => {
        if (command.type === 'find/go' && command.hash.endsWith('b'.repeat(16))) self.run!.cancel();
      },
    });
    const final = await run(fake);
    expect(final.status).toBe('cancelled');
    expect(final.stopReason).toBeNull();
    expect(fake.opened).toEqual(ids('ab'));
    expect(final.looked).toBe(1);
    expect(fake.hash).toBe('#inbox');
  });

  it('stops when the tab is closed', async () => {
    const fake = fakeTab({
      pages: [ids('abc')],
      readings: {},
      onCommand: (command, self) => {
        if (command.type === 'find/go' && command.hash.endsWith('b'.repeat(16))) self.closed = true;
      },
    });
    const final = await run(fake);
    expect([final.status, final.stopReason]).toEqual(['stopped', 'tab_closed']);
    expect(fake.opened).toEqual(ids('ab'));
  });

  it('stops when the user leaves the search in that tab, and leaves the tab where the user went', async () => {
    const fake = fakeTab({
      pages: [ids('abc')],
      readings: {},
      onCommand: (command, self) => {
        if (command.type === 'find/go' && command.hash.endsWith('a'.repeat(16))) self.hash = '#label/clients';
      },
    });
    const final = await run(fake);
    expect([final.status, final.stopReason]).toEqual(['stopped', 'navigated_away']);
    expect(fake.opened).toEqual(ids('a'));
    expect(fake.hash).toBe('#label/clients');
  });

  it('skips a thread Gmail never shows, after a bounded wait', async () => {
    const [a, b] = ids('ab');
    const fake = fakeTab({ pages: [[a!, b!]], readings: { [b!]: [invoice('F-9')] }, silent: [a!] });
    const final = await run(fake, 100);
    expect(final.status).toBe('done');
    expect(final.looked).toBe(2);
    expect(final.candidates.map((x) => x.threadId)).toEqual([b]);
    // It waited for thread a the whole bound (on the fake clock), polling the reader, before moving on.
    expect(fake.openedAt[b!]! - fake.openedAt[a!]! - 100).toBeGreaterThanOrEqual(THREAD_WAIT_MS);
    expect(fake.polls).toBeGreaterThanOrEqual(THREAD_WAIT_MS / 150);
    expect(fake.polls).toBeLessThanOrEqual(THREAD_WAIT_MS / 150 + 2); // and not longer
  });

  it('stops on an unexpected error as "failed", logs it, and puts the tab back', async () => {
    const fake = fakeTab({ pages: [ids('ab')], readings: {} });
    const broken = new TypeError('tabThread exploded');
    fake.deps.tabThread = async () => {
      throw broken;
    };
    const final = await run(fake, 100);
    expect([final.status, final.stopReason]).toEqual(['stopped', 'failed']);
    expect(fake.logged).toEqual([[expect.any(String), broken]]);
    expect(fake.hash).toBe('#inbox');
  });

  it('puts the tab back when Gmail’s page cannot be read mid-run', async () => {
    const fake = fakeTab({ pages: [ids('ab')], readings: {} });
    const send = fake.deps.send;
    fake.deps.send = async (tabId, command) => (command.type === 'find/rows' ? { ok: false } : send(tabId, command));
    const final = await run(fake, 100);
    expect([final.status, final.stopReason]).toEqual(['stopped', 'gmail_unreadable']);
    expect(fake.hash).toBe('#inbox');
  });

  it('reports a tab that is not Gmail (no answer) as unreadable', async () => {
    const fake = fakeTab({ pages: [], readings: {} });
    fake.deps.send = async () => ({ ok: false });
    const final = await run(fake);
    expect([final.status, final.stopReason]).toEqual(['stopped', 'gmail_unreadable']);
  });
});
