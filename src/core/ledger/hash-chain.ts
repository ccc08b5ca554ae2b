/**
 * Evidence integrity (issue 5): every logbook event is chained to the one before it by a SHA-256
 * hash, per invoice, so an exported logbook shows whether its history was altered.
 *
 * - Chain order is append order: `seq` 0, 1, 2… per invoice (the store gives `seq` = the last
 *   event's `seq` + 1 inside the append transaction, and a unique `[invoiceId+seq]` index refuses a
 *   fork). It is not the ladder's order (by `day`): a call logged today for yesterday comes after.
 * - `hash` = SHA-256 of `prevHash`, a line feed and the event's canonical serialisation (below).
 *   The first event's `prevHash` is the genesis hash: SHA-256 of the invoice id (UTF-8).
 * - Canonical serialisation: JSON with object keys sorted (UTF-16 code unit order) at every level,
 *   absent (`undefined`) fields left out, `id`, `prevHash` and `hash` left out (the storage key is
 *   the store's; the hashes are the chain's), `seq` and `invoiceId` in. Numbers in JavaScript's
 *   shortest round-trip form (the same in every engine); non-finite numbers are refused.
 * - What it proves: any change to a chained event (a field altered, an event removed, inserted or
 *   moved) breaks the chain at that event, unless every later hash is recomputed. Recomputing is
 *   possible for anyone (there is no secret), and removing the last events leaves a shorter valid
 *   chain: only a head (count and last hash) kept elsewhere catches both. `chainHeads` gives the
 *   heads to keep (in the export's header, shown to the user, or quoted in a sent reminder) and
 *   `verifyChain(events, { heads })` checks against them.
 */
import type { LedgerEvent } from './events';
import { sha256Hex } from './sha256';

/** A logbook event with its place in the chain. */
export type ChainedEvent = LedgerEvent & { seq: number; prevHash: string; hash: string };

/** Where an invoice's chain ends: keep it outside the file to catch removed last events. */
export interface ChainHead {
  invoiceId: string;
  /** Number of events in the chain. */
  count: number;
  /** The last event's hash (the genesis hash for an empty chain). */
  hash: string;
}

const NOT_HASHED = new Set(['id', 'prevHash', 'hash']);

function canonicalValue(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} cannot be hashed (not a finite number)`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((item, index) => {
            if (item === undefined) throw new TypeError(`${path}[${index}]: a list item cannot be undefined`);
            return canonicalValue(item, `${path}[${index}]`);
          })
          .join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalValue(record[key], `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} cannot be hashed`);
  }
}

/** The event's canonical serialisation: the text its hash covers. */
export function canonicalEvent(event: LedgerEvent): string {
  const fields = Object.fromEntries(Object.entries(event).filter(([key]) => !NOT_HASHED.has(key)));
  return canonicalValue(fields, 'event');
}

/** The `prevHash` of an invoice's first event. */
export function genesisHash(invoiceId: string): string {
  return sha256Hex(invoiceId);
}

/** The hash of an event placed after `prevHash` (its own `seq` must already be set). */
export function eventHash(event: LedgerEvent, prevHash: string): string {
  return sha256Hex(`${prevHash}\n${canonicalEvent(event)}`);
}

/**
 * The event as the store appends it after `last` (the invoice's latest chained event, null for its
 * first): with `seq`, `prevHash` and `hash`. Any hash fields it had are replaced.
 */
export function appendToChain(last: ChainedEvent | null, event: LedgerEvent): ChainedEvent {
  if (last !== null && last.invoiceId !== event.invoiceId) throw new RangeError(`cannot chain an event of ${event.invoiceId} after one of ${last.invoiceId}`);
  const { prevHash: _prev, hash: _hash, ...rest } = event;
  const seq = last === null ? 0 : last.seq + 1;
  const prevHash = last === null ? genesisHash(event.invoiceId) : last.hash;
  const placed = { ...rest, seq } as LedgerEvent & { seq: number };
  return { ...placed, prevHash, hash: eventHash(placed, prevHash) } as ChainedEvent;
}

/**
 * Chains events given in append order (for the migration of unchained records, or an import that
 * rebuilds a logbook): one chain per invoice, `seq` renumbered from 0. Same order out.
 */
export function chainEvents(events: readonly LedgerEvent[]): ChainedEvent[] {
  const last = new Map<string, ChainedEvent>();
  return events.map((event) => {
    const chained = appendToChain(last.get(event.invoiceId) ?? null, event);
    last.set(event.invoiceId, chained);
    return chained;
  });
}

/** Each invoice's chain head, in order of first appearance. Events in chain order. */
export function chainHeads(events: readonly LedgerEvent[]): ChainHead[] {
  const heads = new Map<string, ChainHead>();
  for (const event of events) {
    const head = heads.get(event.invoiceId) ?? { invoiceId: event.invoiceId, count: 0, hash: genesisHash(event.invoiceId) };
    head.count += 1;
    head.hash = event.hash ?? '';
    heads.set(event.invoiceId, head);
  }
  return [...heads.values()];
}

export type ChainProblem =
  /** The event has no `seq`, `prevHash` or `hash`. */
  | 'missing_hash'
  /** Its content no longer gives its hash: a field was changed. */
  | 'altered'
  /** Events before it in the chain are missing (its `seq` jumps ahead and no later event fills the gap). */
  | 'removed'
  /** This event was inserted: the next one follows the event before it. */
  | 'inserted'
  /** Events are out of chain order (the missing `seq` comes later in the list), or one is there twice. */
  | 'reordered'
  /** Its `prevHash` is not the previous event's hash, though both hash correctly: an earlier event was altered and its hash recomputed. */
  | 'broken_link'
  /** The chain ends earlier than its recorded head (last events removed), or its last hash differs. */
  | 'truncated'
  /** Events of an invoice the recorded heads do not know. */
  | 'unexpected_chain';

export interface ChainBreak {
  invoiceId: string;
  /** Position in the list given to `verifyChain` (the list's length for a truncated chain). */
  index: number;
  /** Position in the invoice's chain (events of that invoice before it). */
  position: number;
  /** The event's own `seq` and storage `id`, when it has them. */
  seq: number | null;
  eventId: number | null;
  problem: ChainProblem;
  message: string;
}

export type ChainVerdict =
  | { ok: true; heads: ChainHead[] }
  | {
      ok: false;
      /** The first break in the list. */
      first: ChainBreak;
      /** The first break of every broken chain. */
      breaks: ChainBreak[];
    };

function isChained(event: LedgerEvent): event is ChainedEvent {
  return typeof event.seq === 'number' && typeof event.prevHash === 'string' && typeof event.hash === 'string';
}

function hashOf(event: LedgerEvent): string | null {
  try {
    return event.prevHash === undefined ? null : eventHash(event, event.prevHash);
  } catch {
    return null;
  }
}

/** The first break of one invoice's chain, or null. `entries` are its events with their list index. */
function verifyOne(invoiceId: string, entries: ReadonlyArray<{ event: LedgerEvent; index: number }>): ChainBreak | null {
  let previous = genesisHash(invoiceId);
  const seqs = entries.map(({ event }) => event.seq);
  for (const [position, { event, index }] of entries.entries()) {
    const at = (problem: ChainProblem, message: string, where = { position, index, event }): ChainBreak => ({
      invoiceId,
      index: where.index,
      position: where.position,
      seq: typeof where.event.seq === 'number' ? where.event.seq : null,
      eventId: where.event.id ?? null,
      problem,
      message,
    });
    if (!isChained(event)) return at('missing_hash', `event ${position} of ${invoiceId} (${event.kind}, ${event.day}) is not chained: no seq, prevHash or hash`);
    if (hashOf(event) !== event.hash) return at('altered', `event ${position} of ${invoiceId} (${event.kind}, ${event.day}) was altered: its content no longer gives its hash`);
    if (event.seq !== position) {
      if (event.seq > position && !seqs.slice(position + 1).includes(position)) {
        return at('removed', `${event.seq - position} event(s) of ${invoiceId} are missing before event ${position} (${event.kind}, ${event.day}): it is number ${event.seq} in the chain`);
      }
      const before = entries[position - 1];
      const twoBack = position >= 2 ? entries[position - 2]?.event.hash : genesisHash(invoiceId);
      if (before && event.seq === position - 1 && event.prevHash === twoBack) {
        return at('inserted', `event ${position - 1} of ${invoiceId} (${before.event.kind}, ${before.event.day}) was inserted: the next event follows the one before it`, {
          position: position - 1,
          index: before.index,
          event: before.event,
        });
      }
      return at('reordered', `event ${position} of ${invoiceId} (${event.kind}, ${event.day}) is out of chain order: it is number ${event.seq} in the chain`);
    }
    if (event.prevHash !== previous) {
      return at(
        'broken_link',
        position === 0
          ? `the first event of ${invoiceId} does not start from the invoice's genesis hash (moved from another invoice, or the chain was cut)`
          : `event ${position} of ${invoiceId} (${event.kind}, ${event.day}) does not follow the event before it: an earlier event was altered and re-hashed, or events were removed and renumbered`,
      );
    }
    previous = event.hash;
  }
  return null;
}

/**
 * Checks chained events, given in chain order per invoice (events of several invoices may be
 * interleaved: each invoice's chain is checked on its own). `heads`: heads recorded earlier (an
 * export's header); then every listed chain must end exactly there, and no other chain may appear.
 */
export function verifyChain(events: readonly LedgerEvent[], options: { heads?: readonly ChainHead[] } = {}): ChainVerdict {
  const byInvoice = new Map<string, Array<{ event: LedgerEvent; index: number }>>();
  events.forEach((event, index) => {
    const list = byInvoice.get(event.invoiceId) ?? [];
    list.push({ event, index });
    byInvoice.set(event.invoiceId, list);
  });
  const breaks: ChainBreak[] = [];
  for (const [invoiceId, entries] of byInvoice) {
    const found = verifyOne(invoiceId, entries);
    if (found) breaks.push(found);
  }
  if (options.heads) {
    const expected = new Map(options.heads.map((head) => [head.invoiceId, head]));
    const broken = new Set(breaks.map((b) => b.invoiceId));
    for (const head of options.heads) {
      if (broken.has(head.invoiceId)) continue;
      const entries = byInvoice.get(head.invoiceId) ?? [];
      const last = entries[entries.length - 1]?.event;
      const lastHash = last?.hash ?? genesisHash(head.invoiceId);
      if (entries.length !== head.count || lastHash !== head.hash) {
        breaks.push({
          invoiceId: head.invoiceId,
          index: events.length,
          position: entries.length,
          seq: null,
          eventId: null,
          problem: 'truncated',
          message:
            entries.length < head.count
              ? `the chain of ${head.invoiceId} has ${entries.length} event(s), its recorded head ${head.count}: the last ${head.count - entries.length} were removed`
              : `the chain of ${head.invoiceId} does not end at its recorded head (${head.count} events, ${head.hash.slice(0, 12)}…)`,
        });
      }
    }
    for (const [invoiceId, entries] of byInvoice) {
      if (expected.has(invoiceId) || broken.has(invoiceId)) continue;
      const first = entries[0];
      if (!first) continue;
      breaks.push({
        invoiceId,
        index: first.index,
        position: 0,
        seq: first.event.seq ?? null,
        eventId: first.event.id ?? null,
        problem: 'unexpected_chain',
        message: `events of ${invoiceId} appear but the recorded heads have no such invoice`,
      });
    }
  }
  if (breaks.length === 0) return { ok: true, heads: chainHeads(events) };
  breaks.sort((a, b) => a.index - b.index);
  return { ok: false, first: breaks[0]!, breaks };
}

// ---- chains already verified ----------------------------------------------------------------------

/**
 * Event lists whose chains were verified whole (backup.ts `readBackup`, against the file's chain
 * heads), so the store restoring them (LedgerStore.replaceAll) does not hash a million events a
 * second time. Held by identity: a new or copied list is not marked, and is verified again.
 */
const verifiedLists = new WeakSet<readonly LedgerEvent[]>();

/** Marks a list whose chains `verifyChain` accepted; returns it. The list must not change afterwards. */
export function markChainsVerified<L extends readonly LedgerEvent[]>(events: L): L {
  verifiedLists.add(events);
  return events;
}

/** True for a list marked by `markChainsVerified` (the same array). */
export function chainsVerified(events: readonly LedgerEvent[]): boolean {
  return verifiedLists.has(events);
}
