/**
 * The streamed backup export in the service worker (issue 5: a backup of 100,000 invoices and
 * 1,000,000 events, ~500 M characters: never one string, one read or one message). The page asks
 * for the file in pieces (src/ui/backup-download.ts; messages in src/protocol/backup-export-messages.ts)
 * and the store is read a page at a time in key order (src/adapters/storage/export-pages.ts); the
 * lines are core's (`backupV2Line`, the writer `exportBackupV2` uses too).
 *
 * Writes go on while the file is made (two Gmail tabs, the badge alarm), and the file must still
 * restore, whole and faithful:
 * - an invoice and its events are read in ONE transaction, so its line's chain head matches the
 *   events that follow it; an event appended later to an invoice already sent is not in the file
 *   (the file is the ledger as each invoice was when its page was read);
 * - clients are sent first, page by page; an invoice naming a client not sent yet (a client added
 *   after its page was read) brings that client along, read in the invoice's transaction, and the
 *   page puts every client piece before the records: no invoice without its client;
 * - the counts are those of the lines actually sent, so the header (the file's first line, given
 *   with the last piece and put first by the page) and the end line agree with the records.
 * One export at a time per ledger: a begin replaces the export in progress, whose next request
 * gets `EXPORT_LOST`, as after a worker restart or a restore (which replaces the ledger). Nothing is written: a cancel leaves only the
 * session, which `backup/export-end` (or the next begin) drops.
 */
import { backupV2Line } from '../core/ledger';
import type { LedgerStore } from '../adapters/storage/ledger-store';
import { EXPORT_LOST, type BackupExportReplies, type BackupExportStreamRequest } from '../protocol/backup-export-messages';
import type { WorkerDeps } from './router';

type Deps = Pick<WorkerDeps, 'ledger' | 'today' | 'now' | 'appVersion'>;

/** Records per piece: a piece is a few MB (well under a message's limit), and one read transaction is short. Tests set smaller pages. */
export const EXPORT_PAGE: { clients: number; invoices: number } = { clients: 1_000, invoices: 500 };

interface Session {
  id: string;
  exportedAt: string;
  templates: number;
  nextIndex: number;
  phase: 'clients' | 'invoices';
  /** The last id sent in the current phase (null: none yet). */
  after: string | null;
  sentClients: Set<string>;
  sent: { clients: number; invoices: number; events: number };
}

const sessions = new WeakMap<LedgerStore, Session>();

const lost = (): { ok: false; error: string; code: string } => ({
  ok: false,
  error: 'This backup download is no longer in progress (Relance was restarted, or another download started): start it again.',
  code: EXPORT_LOST,
});

const joined = (lines: readonly string[]): string => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);

/**
 * Drops the export in progress: called when a restore replaces the ledger, since the pieces still
 * to come would be another ledger's (the page is told, as after a restart, to start again).
 */
export function forgetExport(ledger: LedgerStore): void {
  sessions.delete(ledger);
}

export async function handleExportRequest<R extends BackupExportStreamRequest>(request: R, deps: Deps): Promise<BackupExportReplies[R['type']]> {
  return (await handle(request, deps)) as BackupExportReplies[R['type']];
}

async function handle(request: BackupExportStreamRequest, deps: Deps): Promise<BackupExportReplies[BackupExportStreamRequest['type']]> {
  const session = sessions.get(deps.ledger);
  switch (request.type) {
    case 'backup/export-begin': {
      const [start, today] = await Promise.all([deps.ledger.exportPages().start(), deps.today()]);
      const id = crypto.randomUUID();
      const exportedAt = deps.now().toISOString();
      sessions.set(deps.ledger, {
        id,
        exportedAt,
        templates: Object.keys(start.templates).length,
        nextIndex: 0,
        phase: 'clients',
        after: null,
        sentClients: new Set(),
        sent: { clients: 0, invoices: 0, events: 0 },
      });
      return {
        ok: true,
        value: { exportId: id, fileName: `relance-backup-${today}.jsonl`, exportedAt, lines: joined([backupV2Line.settings(start.settings), backupV2Line.templates(start.templates)]), totalInvoices: start.invoices },
      };
    }
    case 'backup/export-end': {
      if (session?.id === request.exportId) sessions.delete(deps.ledger);
      return { ok: true, value: { ended: true } };
    }
    case 'backup/export-chunk': {
      if (session?.id !== request.exportId) return lost();
      if (request.index !== session.nextIndex) {
        sessions.delete(deps.ledger);
        return { ok: false, error: `Piece ${request.index} was asked for where piece ${session.nextIndex} was expected: the backup download was stopped. Start it again.` };
      }
      session.nextIndex += 1;
      try {
        return { ok: true, value: await nextPiece(session, deps) };
      } catch (error) {
        sessions.delete(deps.ledger);
        throw error;
      }
    }
  }
}

async function nextPiece(session: Session, deps: Deps) {
  const pages = deps.ledger.exportPages();
  const clientLines: string[] = [];
  const recordLines: string[] = [];
  let finished = false;
  if (session.phase === 'clients') {
    const clients = await pages.clientsAfter(session.after, EXPORT_PAGE.clients);
    for (const client of clients) {
      session.sentClients.add(client.id);
      clientLines.push(backupV2Line.client(client));
    }
    session.sent.clients += clients.length;
    session.after = clients[clients.length - 1]?.id ?? session.after;
    if (clients.length < EXPORT_PAGE.clients) {
      session.phase = 'invoices';
      session.after = null;
    }
  } else {
    const page = await pages.invoicesAfter(session.after, EXPORT_PAGE.invoices, (clientId) => session.sentClients.has(clientId));
    for (const client of page.newClients) {
      session.sentClients.add(client.id);
      clientLines.push(backupV2Line.client(client));
    }
    session.sent.clients += page.newClients.length;
    // Each invoice's events come in chain order (read by [invoiceId+seq]: export-pages.ts).
    for (const { invoice, events } of page.invoices) {
      recordLines.push(backupV2Line.invoice(invoice, events));
      for (const event of events) recordLines.push(backupV2Line.event(event));
      session.sent.events += events.length;
    }
    session.sent.invoices += page.invoices.length;
    session.after = page.invoices[page.invoices.length - 1]?.invoice.id ?? session.after;
    finished = page.invoices.length < EXPORT_PAGE.invoices;
  }
  const sent = { ...session.sent };
  if (!finished) return { clients: joined(clientLines), records: joined(recordLines), sent };
  sessions.delete(deps.ledger);
  const counts = { ...sent, templates: session.templates };
  return {
    clients: joined(clientLines),
    records: joined(recordLines),
    sent,
    done: { header: joined([backupV2Line.header(session.exportedAt, counts, deps.appVersion === undefined ? {} : { appVersion: deps.appVersion })]), end: joined([backupV2Line.end(sent)]), counts },
  };
}
