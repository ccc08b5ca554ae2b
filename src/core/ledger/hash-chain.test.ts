import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from './events';
import { appendToChain, canonicalEvent, chainEvents, chainHeads, eventHash, genesisHash, verifyChain, type ChainedEvent } from './hash-chain';
import { events, invoice } from './ledger.test-support';
import { sha256Hex } from './sha256';

const ID = invoice().id;
const ev = events(ID);
const LOG: LedgerEvent[] = [
  ev('2026-02-02', { kind: 'tracked' }),
  ev('2026-03-11', { kind: 'reminder_drafted', step: 'first_reminder' }),
  ev('2026-03-16', { kind: 'call', calledAt: '2026-03-16T10:05', who: 'M. Bernard', outcome: 'answered', said: 'cash flow issue, will pay half', promisedDate: '2026-03-25', promisedAmount: 600, nextCallDate: '2026-03-26' }),
  ev('2026-03-25', { kind: 'partial_payment', amount: 600, paidOn: '2026-03-25' }),
  ev('2026-03-26', { kind: 'payment_plan', instalments: [{ dueDate: '2026-04-10', amount: 600 }] }),
  ev('2026-04-10', { kind: 'payment', paidOn: '2026-04-10' }),
];
const CHAINED = chainEvents(LOG);

describe('canonical serialisation', () => {
  it('sorted keys at every level, no storage id, no hash fields', () => {
    const event = { id: 7, seq: 4, prevHash: 'x', hash: 'y', kind: 'payment_plan', invoiceId: 'i', day: '2026-03-26', at: '2026-03-26T09:00:00.000Z', instalments: [{ dueDate: '2026-04-10', amount: 600 }], deposit: { amount: 100, dueDate: '2026-03-26' } } as LedgerEvent;
    expect(canonicalEvent(event)).toBe(
      '{"at":"2026-03-26T09:00:00.000Z","day":"2026-03-26","deposit":{"amount":100,"dueDate":"2026-03-26"},"instalments":[{"amount":600,"dueDate":"2026-04-10"}],"invoiceId":"i","kind":"payment_plan","seq":4}',
    );
  });

  it('the same whatever the key order and with absent fields left out', () => {
    const a = { invoiceId: 'i', kind: 'note', text: 'é "quoted"\n', at: '2026-01-01T00:00:00Z', day: '2026-01-01', note: undefined } as LedgerEvent;
    const b = { day: '2026-01-01', at: '2026-01-01T00:00:00Z', text: 'é "quoted"\n', kind: 'note', invoiceId: 'i' } as LedgerEvent;
    expect(canonicalEvent(a)).toBe(canonicalEvent(b));
    expect(canonicalEvent(a)).toBe('{"at":"2026-01-01T00:00:00Z","day":"2026-01-01","invoiceId":"i","kind":"note","text":"é \\"quoted\\"\\n"}');
  });

  it('numbers in their shortest form; non-finite numbers refused', () => {
    const payment = (amount: number) => ({ invoiceId: 'i', kind: 'partial_payment', amount, paidOn: '2026-01-01', at: 'a', day: '2026-01-01' }) as LedgerEvent;
    expect(canonicalEvent(payment(600.5))).toContain('"amount":600.5');
    expect(canonicalEvent(payment(1e21))).toContain('"amount":1e+21');
    expect(() => canonicalEvent(payment(Number.NaN))).toThrow(TypeError);
    expect(() => canonicalEvent(payment(Infinity))).toThrow(TypeError);
  });
});

describe('chaining', () => {
  it('genesis is the SHA-256 of the invoice id; each hash covers the previous one and the event', () => {
    expect(genesisHash(ID)).toBe(sha256Hex(ID));
    expect(CHAINED[0]).toMatchObject({ seq: 0, prevHash: genesisHash(ID) });
    CHAINED.forEach((event, index) => {
      expect(event.seq).toBe(index);
      expect(event.hash).toBe(sha256Hex(`${event.prevHash}\n${canonicalEvent(event)}`));
      expect(event.hash).toBe(eventHash(event, event.prevHash));
      if (index > 0) expect(event.prevHash).toBe(CHAINED[index - 1]!.hash);
    });
  });

  it('appending one by one gives the same chain as chaining the list', () => {
    let last: ChainedEvent | null = null;
    const appended = LOG.map((event) => (last = appendToChain(last, event)));
    expect(appended).toEqual(CHAINED);
  });

  it('the storage id does not change the hash', () => {
    const withIds = chainEvents(LOG.map((event, index) => ({ ...event, id: 100 + index })));
    expect(withIds.map((event) => event.hash)).toEqual(CHAINED.map((event) => event.hash));
  });

  it('one chain per invoice, interleaved events kept in place', () => {
    const other = events('other-invoice');
    const mixed = chainEvents([LOG[0]!, other('2026-02-03', { kind: 'tracked' }), LOG[1]!, other('2026-02-04', { kind: 'note', text: 'x' })]);
    expect(mixed.map((event) => [event.invoiceId, event.seq])).toEqual([
      [ID, 0],
      ['other-invoice', 0],
      [ID, 1],
      ['other-invoice', 1],
    ]);
    expect(mixed[1]!.prevHash).toBe(genesisHash('other-invoice'));
    expect(verifyChain(mixed)).toMatchObject({ ok: true });
    expect(chainHeads(mixed)).toEqual([
      { invoiceId: ID, count: 2, hash: mixed[2]!.hash },
      { invoiceId: 'other-invoice', count: 2, hash: mixed[3]!.hash },
    ]);
  });

  it('appending after an event of another invoice is refused', () => {
    expect(() => appendToChain(CHAINED[0]!, { ...LOG[1]!, invoiceId: 'other' })).toThrow(RangeError);
  });
});

describe('verifyChain: a whole chain verifies', () => {
  it('ok, with its head', () => {
    expect(verifyChain(CHAINED)).toEqual({ ok: true, heads: [{ invoiceId: ID, count: 6, hash: CHAINED[5]!.hash }] });
    expect(verifyChain([])).toEqual({ ok: true, heads: [] });
  });

  it('a JSON round trip (an export and its import) changes nothing', () => {
    expect(verifyChain(JSON.parse(JSON.stringify(CHAINED)) as LedgerEvent[])).toMatchObject({ ok: true });
  });
});

describe('verifyChain: every kind of tampering is caught at the event', () => {
  const broken = (list: LedgerEvent[], heads?: Parameters<typeof verifyChain>[1]) => {
    const verdict = verifyChain(list, heads);
    if (verdict.ok) throw new Error('expected the chain to be broken');
    return verdict.first;
  };

  it('a field altered', () => {
    const list = CHAINED.map((event, index) => (index === 3 ? { ...event, amount: 6000 } : event));
    expect(broken(list)).toMatchObject({ problem: 'altered', index: 3, position: 3, seq: 3 });
  });

  it('a field added, or one removed', () => {
    expect(broken(CHAINED.map((event, index) => (index === 2 ? { ...event, note: 'added later' } : event)))).toMatchObject({ problem: 'altered', index: 2 });
    expect(broken(CHAINED.map((event, index) => (index === 2 ? (({ said: _said, ...rest }) => rest)(event as Extract<ChainedEvent, { kind: 'call' }>) : event)))).toMatchObject({ problem: 'altered', index: 2 });
  });

  it('a day moved', () => {
    expect(broken(CHAINED.map((event, index) => (index === 1 ? { ...event, day: '2026-03-09' } : event)))).toMatchObject({ problem: 'altered', index: 1 });
  });

  it('an event removed', () => {
    expect(broken(CHAINED.filter((_, index) => index !== 2))).toMatchObject({ problem: 'removed', index: 2, seq: 3 });
    expect(broken(CHAINED.filter((_, index) => index !== 0))).toMatchObject({ problem: 'removed', index: 0, seq: 1 });
  });

  it('an event inserted without hash', () => {
    const forged = ev('2026-03-20', { kind: 'reminder_sent', step: 'second_reminder' });
    expect(broken([...CHAINED.slice(0, 3), forged, ...CHAINED.slice(3)])).toMatchObject({ problem: 'missing_hash', index: 3 });
  });

  it('an event inserted with a well-formed hash of its own: the inserted one is named', () => {
    const forged = appendToChain(CHAINED[2]!, ev('2026-03-20', { kind: 'reminder_sent', step: 'second_reminder' }));
    expect(broken([...CHAINED.slice(0, 3), forged, ...CHAINED.slice(3)])).toMatchObject({ problem: 'inserted', index: 3, seq: 3 });
    // Inserted first.
    const first = appendToChain(null, ev('2026-01-15', { kind: 'note', text: 'backdated' }));
    expect(broken([first, ...CHAINED])).toMatchObject({ problem: 'inserted', index: 0 });
  });

  it('two events swapped', () => {
    const list = [...CHAINED];
    [list[2], list[3]] = [list[3]!, list[2]!];
    expect(broken(list)).toMatchObject({ problem: 'reordered', index: 2, seq: 3 });
  });

  it('an event altered and re-hashed: the next one no longer follows', () => {
    const altered = { ...CHAINED[3]!, amount: 60 } as ChainedEvent;
    const rehashed = { ...altered, hash: eventHash(altered, altered.prevHash) };
    expect(broken(CHAINED.map((event, index) => (index === 3 ? rehashed : event)))).toMatchObject({ problem: 'broken_link', index: 4 });
  });

  it('an event moved from another invoice (its invoice id changed)', () => {
    const moved = chainEvents([{ ...LOG[0]!, invoiceId: 'other' }])[0]!;
    expect(broken([{ ...moved, invoiceId: ID }, ...CHAINED.slice(1)])).toMatchObject({ problem: 'altered', index: 0 });
  });

  it('the whole chain recomputed from a forged history is only caught by a recorded head', () => {
    const forgedLog = LOG.map((event) => (event.kind === 'partial_payment' ? { ...event, amount: 60 } : event));
    const forged = chainEvents(forgedLog);
    expect(verifyChain(forged)).toMatchObject({ ok: true });
    const heads = chainHeads(CHAINED);
    expect(broken(forged, { heads })).toMatchObject({ problem: 'truncated', index: 6 });
  });

  it('the last events removed: caught by a recorded head', () => {
    const heads = chainHeads(CHAINED);
    expect(verifyChain(CHAINED.slice(0, 4))).toMatchObject({ ok: true });
    expect(broken(CHAINED.slice(0, 4), { heads })).toMatchObject({ problem: 'truncated', invoiceId: ID, index: 4, position: 4 });
    expect(broken([], { heads })).toMatchObject({ problem: 'truncated', index: 0 });
    expect(verifyChain(CHAINED, { heads })).toMatchObject({ ok: true });
  });

  it('a chain the recorded heads do not know', () => {
    const other = chainEvents([events('other')('2026-02-03', { kind: 'tracked' })]);
    expect(broken([...CHAINED, ...other], { heads: chainHeads(CHAINED) })).toMatchObject({ problem: 'unexpected_chain', invoiceId: 'other', index: 6 });
  });

  it('unchained (v1) events', () => {
    expect(broken(LOG)).toMatchObject({ problem: 'missing_hash', index: 0 });
  });

  it('every broken chain is listed, the first in the list first', () => {
    const other = chainEvents([events('other')('2026-02-03', { kind: 'tracked' }), events('other')('2026-02-04', { kind: 'note', text: 'a' })]);
    const list = [other[0]!, { ...other[1]!, text: 'b' }, ...CHAINED.map((event, index) => (index === 5 ? { ...event, paidOn: '2026-04-01' } : event))];
    const verdict = verifyChain(list);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.breaks.map((b) => [b.invoiceId, b.index, b.problem])).toEqual([
        ['other', 1, 'altered'],
        [ID, 7, 'altered'],
      ]);
      expect(verdict.first).toBe(verdict.breaks[0]);
    }
  });
});
