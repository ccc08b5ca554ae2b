/**
 * A generator worker of the store bench page: builds invoices [from, to) of the bench ledger with
 * their chained logbooks (ledger-gen.ts; the SHA-256 chaining is most of the CPU, hence one worker
 * per core), then either
 * - `write`: writes them through its own connection to the real schema, in one read-write
 *   transaction (invoices with their summaries and index keys, then their events; `++id` numbers
 *   them). Client totals are not written (the 10k database serves the badge only). IndexedDB
 *   runs the workers' transactions one after the other; generation runs in parallel; or
 * - `records`: posts them back to the page (to make a backup file of them).
 */
import { RelanceDatabase, type StoredInvoice } from '../../src/adapters/storage/schema';
import type { ChainedEvent, LedgerInvoice } from '../../src/core/ledger';
import { clientOf, FULL_LEDGER, notesPerInvoice, recordOf, storedInvoiceOf } from './ledger-gen';

export interface ChunkRequest {
  mode: 'write' | 'records';
  /** The database (`write`). */
  name: string;
  from: number;
  to: number;
}

export interface ChunkDone {
  invoices: number;
  events: number;
  open: number;
  generateMs: number;
  writeMs: number;
}

export type ChunkReply = { ok: true; done: ChunkDone; records?: { invoices: LedgerInvoice[]; events: ChainedEvent[] } } | { ok: false; error: string };

let notes: Uint16Array | null = null;
const connections = new Map<string, RelanceDatabase>();

async function chunk({ mode, name, from, to }: ChunkRequest): Promise<ChunkReply> {
  notes ??= notesPerInvoice(FULL_LEDGER);
  const t0 = performance.now();
  const invoices: LedgerInvoice[] = [];
  const stored: StoredInvoice[] = [];
  const events: ChainedEvent[] = [];
  let open = 0;
  for (let k = from; k < to; k += 1) {
    const record = recordOf(k, notes[k]!, FULL_LEDGER);
    if (mode === 'write') stored.push(storedInvoiceOf(record.invoice, record.events, clientOf(record.client)));
    else invoices.push(record.invoice);
    for (const event of record.events) events.push(event);
    if (record.open) open += 1;
  }
  const t1 = performance.now();
  const done = { invoices: to - from, events: events.length, open, generateMs: t1 - t0, writeMs: 0 };
  if (mode === 'records') return { ok: true, done, records: { invoices, events } };
  let db = connections.get(name);
  if (!db) {
    db = new RelanceDatabase(name);
    connections.set(name, db);
    await db.ready();
  }
  const target = db;
  await target.transaction('rw', target.invoices, target.events, async () => {
    await target.invoices.bulkAdd(stored);
    await target.events.bulkAdd(events);
  });
  return { ok: true, done: { ...done, writeMs: performance.now() - t1 } };
}

self.onmessage = (message: MessageEvent<ChunkRequest>) => {
  chunk(message.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => self.postMessage({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ChunkReply),
  );
};
