import { describe, expect, it } from 'vitest';
import type { ThreadSnapshot } from '../core/model';
import { FIXTURE_THREADS, type FixtureThreadName } from '../../tests/fixtures/gmail/threads/index';
import { readThreadForPanel } from './thread-reading';

const ANCHOR = '2026-11-20';

/** The snapshot the Gmail adapter reads from a fixture thread (as the contract tests check it). */
function snapshotOf(name: FixtureThreadName): ThreadSnapshot {
  const entry = FIXTURE_THREADS[name];
  const thread = entry.build(ANCHOR);
  return {
    host: 'gmail',
    account: entry.account.email,
    threadId: entry.legacyThreadId,
    subject: entry.subject,
    uiLanguage: 'fr',
    messages: thread.messages.map((m) => ({
      id: m.collapsed ? null : m.permId,
      from: m.from,
      to: m.collapsed ? [] : m.to.map((p) => ({ name: p.email === entry.account.email ? null : p.name, email: p.email })),
      cc: [],
      date: m.date,
      bodyText: m.collapsed ? '' : [...m.bodyLines, ...(m.signatureLines.length ? ['', '--', ...m.signatureLines] : [])].join('\n'),
      attachments: m.collapsed ? [] : m.attachments.map((a) => a.name),
      collapsed: m.collapsed,
    })),
  };
}

describe('readThreadForPanel', () => {
  it.each([
    ['frReplyPaid', 'paid'],
    ['frReplyDispute', 'dispute'],
    ['frReplyPromise', 'promise'],
    ['frReplyPlanRequest', 'plan_request'],
  ] as const)('reads the client’s newest reply in %s as %s, with the invoice it names', (name, kind) => {
    const { reading, reply } = readThreadForPanel(snapshotOf(name));
    expect(reading.kind).toBe('invoice');
    expect(reply).toMatchObject({ kind, messageIndex: 1, invoiceNumbers: [FIXTURE_THREADS[name].expected!.invoiceNumber] });
    expect(reply!.excerpt.length).toBeGreaterThan(10);
  });

  it('gives the promised date and the amount paid when the reply states them', () => {
    expect(readThreadForPanel(snapshotOf('frReplyPromise')).reply?.promisedDate).toBe('2026-11-25');
    expect(readThreadForPanel(snapshotOf('frReplyPaid')).reply?.amount).toBe(1200);
  });

  it('proposes nothing for a client’s plain acknowledgement, or when the user wrote last', () => {
    expect(readThreadForPanel(snapshotOf('frOverdue')).reply).toBeNull();
    expect(readThreadForPanel(snapshotOf('frDueSoon')).reply).toBeNull();
  });

  it('reads every invoice of a thread that holds two', () => {
    const { reading, others } = readThreadForPanel(snapshotOf('frTwoInvoices'));
    expect(reading.kind === 'invoice' && reading.facts.invoiceNumber).toBe('F-2026-061');
    expect(others.map((other) => other.kind === 'invoice' && [other.facts.invoiceNumber, other.facts.amount, other.facts.dueDate])).toEqual([['F-2026-062', 2100, '2026-12-15']]);
    expect(readThreadForPanel(snapshotOf('frOverdue')).others).toEqual([]);
  });
});

describe('a reminder the user wrote in another thread', () => {
  it('names the invoice and its client, so the panel finds it tracked from its first thread', () => {
    const { reading } = readThreadForPanel(snapshotOf('frOverdueOtherThread'));
    expect(reading.kind === 'invoice' && [reading.facts.invoiceNumber, reading.facts.client.email]).toEqual(['F-2026-032', 'sophie.lambert@lambert-conseil.fr']);
  });
});
