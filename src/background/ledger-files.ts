/**
 * The ledger's files in the service worker (issue 5 "Import and export"): the backup (streamed as
 * version 2 by backup-export.ts, restored staged by backup-restore.ts), the merge of the CLI's scan
 * file, the accountant's CSV and one invoice's dossier.
 * The formats and their checks are src/core/ledger's (BACKUP.md); the writes are the store's, each
 * in one transaction. The router calls `handleLedgerFileRequest` for extension pages only.
 */
import {
  invoiceDossier,
  planScanMerge,
  receivableRows,
  receivablesCsv,
  type BackupProblem,
  type ScanFileError,
} from '../core/ledger';
import {
  SCAN_REPORT_LIST_MAX,
  type FileProblem,
  type LedgerFileRequest,
  type PageReplies,
  type ScanMergeReport,
} from '../protocol/messages';
import { handleExportRequest } from './backup-export';
import { handleRestoreRequest } from './backup-restore';
import type { WorkerDeps } from './router';

type Deps = Pick<WorkerDeps, 'ledger' | 'today' | 'now' | 'appVersion' | 'broadcast' | 'refreshBadge'>;

/** Answers one file request (already parsed). Storage and validation failures are thrown to the router. */
export async function handleLedgerFileRequest(request: LedgerFileRequest, deps: Deps): Promise<PageReplies[LedgerFileRequest['type']]> {
  switch (request.type) {
    case 'backup/import-begin':
    case 'backup/import-chunk':
    case 'backup/import-commit':
    case 'backup/import-abort':
      return handleRestoreRequest(request, deps);
    case 'backup/export-begin':
    case 'backup/export-chunk':
    case 'backup/export-end':
      return handleExportRequest(request, deps);
    case 'backup/merge-scan':
      return mergeScanFile(request.text, request.acceptUpdates, request.dryRun === true, deps);
    case 'export/csv':
      return exportCsv(request.language, deps);
    case 'export/dossier':
      return exportDossier(request.invoiceId, request.language, deps);
  }
}

function fileProblem(problem: BackupProblem | ScanFileError): FileProblem {
  return { path: problem.path, code: problem.code, message: problem.message, ...(problem.position ? { position: problem.position } : {}) };
}

function refused(problems: ReadonlyArray<BackupProblem | ScanFileError>, what: string): { ok: false; error: string; code: 'invalid_file'; problems: FileProblem[] } {
  const first = problems[0]?.message ?? '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return { ok: false, error: `${what} was refused; nothing was changed. ${first}${more}`.trim(), code: 'invalid_file', problems: problems.map(fileProblem) };
}

async function afterWrite(invoiceIds: string[], deps: Deps): Promise<void> {
  deps.broadcast({ type: 'ledger/changed', invoiceIds });
  await deps.refreshBadge();
}

async function mergeScanFile(text: string, acceptUpdates: boolean, dryRun: boolean, deps: Deps): Promise<PageReplies['backup/merge-scan']> {
  const [ledger, today] = await Promise.all([deps.ledger.exportAll(), deps.today()]);
  const result = planScanMerge(
    text,
    { invoices: ledger.invoices, clients: ledger.clients, events: ledger.events },
    { today, now: deps.now().toISOString(), ownAddresses: ledger.settings.ownEmails, language: ledger.settings.language },
  );
  if (!result.ok) return refused(result.errors, 'The scan file');
  const { plan } = result;
  const proposals = plan.updates.flatMap((update) =>
    update.kind === 'event' ? [{ invoiceId: update.invoiceId, invoiceNumber: update.invoiceNumber, newInvoice: update.newInvoice, kind: update.event.kind, day: update.event.day, reason: update.reason, assumed: update.assumed }] : [],
  );
  const plannedProofs = plan.updates.reduce((sum, update) => sum + (update.kind === 'add_proofs' ? update.proofs.length : 0), 0);
  const report: ScanMergeReport = {
    applied: false,
    source: { generatedAt: plan.source.generatedAt, invoiceCount: plan.source.invoiceCount },
    counts: {
      newClients: plan.newClients.length,
      newInvoices: plan.newInvoices.length,
      duplicatesSkipped: plan.duplicates.length,
      proofsAdded: plannedProofs,
      updatesProposed: proposals.length,
      updatesApplied: 0,
      problems: plan.problems.length,
    },
    proposals: proposals.slice(0, SCAN_REPORT_LIST_MAX),
    duplicates: plan.duplicates.slice(0, SCAN_REPORT_LIST_MAX).map(({ invoiceNumber, counterparty, existingInvoiceId, reason }) => ({ invoiceNumber, counterparty, existingInvoiceId, reason })),
    problems: plan.problems.slice(0, SCAN_REPORT_LIST_MAX).map(({ path, code, severity, message }) => ({ path, code, severity, message })),
  };
  if (dryRun) return { ok: true, value: report };
  const outcome = await deps.ledger.mergeScan(plan, { acceptUpdates });
  if (outcome.invoiceIds.length > 0 || outcome.clientsAdded > 0) await afterWrite(outcome.invoiceIds, deps);
  return {
    ok: true,
    value: {
      ...report,
      applied: true,
      counts: {
        ...report.counts,
        newClients: outcome.clientsAdded,
        newInvoices: outcome.invoicesAdded,
        duplicatesSkipped: plan.duplicates.length + outcome.invoicesAlreadyThere,
        proofsAdded: outcome.proofsAdded,
        updatesApplied: outcome.updatesApplied,
      },
    },
  };
}

async function exportCsv(language: 'fr' | 'en', deps: Deps): Promise<PageReplies['export/csv']> {
  const [ledger, today] = await Promise.all([deps.ledger.exportAll(), deps.today()]);
  const csv = receivablesCsv(receivableRows(ledger, ledger.settings, today), { language });
  return { ok: true, value: { csv, fileName: `relance-${language === 'fr' ? 'creances' : 'receivables'}-${today}.csv` } };
}

async function exportDossier(invoiceId: string, language: 'fr' | 'en', deps: Deps): Promise<PageReplies['export/dossier']> {
  const record = await deps.ledger.get(invoiceId);
  if (!record) return { ok: false, error: 'unknown invoice' };
  const { invoice, logbook } = record;
  const [client, settings, today] = await Promise.all([deps.ledger.getClient(invoice.clientId), deps.ledger.getSettings(), deps.today()]);
  const { html, text } = invoiceDossier({ invoice, client, events: logbook, settings, today, language });
  const label = invoice.invoiceNumber.replace(/[^0-9A-Za-z._-]+/g, '_').slice(0, 80) || 'invoice';
  return { ok: true, value: { html, text, fileName: `relance-dossier-${label}-${today}` } };
}
