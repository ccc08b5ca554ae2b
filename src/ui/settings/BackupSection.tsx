/**
 * Backup and restore: download the whole ledger (a version 2 file made in pieces, with progress and
 * a cancel); restore a backup (a dry run says what the file
 * holds, then the user confirms: all or nothing); merge a `relance scan --ledger` file (dry run,
 * then confirm); the receivables as CSV for the accountant.
 */
import { useRef, useState } from 'preact/hooks';
import { formatDate } from '../../core/format';
import type { Language } from '../../core/model';
import type { ScanMergeReport } from '../../protocol/messages';
import { BACKUP_V2_MIME } from '../backup-download';
import type { CheckedBackup } from '../backup-upload';
import type { SettingsTranslate } from '../i18n-settings';
import { Checkbox, SectionForm } from './fields';
import type { SettingsPort } from './ports';

type Pending = { kind: 'restore'; result: CheckedBackup } | { kind: 'merge'; text: string; report: ScanMergeReport } | null;

export function BackupSection({ port, t, language, onRestored }: { port: SettingsPort; t: SettingsTranslate; language: Language; onRestored(): void }) {
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [acceptUpdates, setAcceptUpdates] = useState(false);
  const fail = (error: unknown) => setStatus(t('restoreRefused', { reason: error instanceof Error ? error.message : String(error) }));

  // The backup is made in pieces (src/ui/backup-download.ts): progress, and a cancel while it runs.
  const exporting = useRef<AbortController | null>(null);
  const [exportRunning, setExportRunning] = useState(false);
  const exportBackup = async () => {
    if (exporting.current) return;
    const controller = new AbortController();
    exporting.current = controller;
    setExportRunning(true);
    setStatus(t('exportStarting'));
    try {
      const outcome = await port.downloadBackup((progress) => setStatus(t('exportProgress', { invoices: progress.invoices, total: progress.totalInvoices })), controller.signal);
      if (outcome.ok) {
        port.download(outcome.fileName, outcome.file, BACKUP_V2_MIME);
        setStatus(t('exported', { file: outcome.fileName, invoices: outcome.counts.invoices, events: outcome.counts.events }));
      } else if (outcome.cancelled) setStatus(t('exportCancelled'));
      else setStatus(outcome.lost ? t('exportLost') : t('exportFailed', { reason: outcome.error }));
    } catch (error) {
      setStatus(t('exportFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      exporting.current = null;
      setExportRunning(false);
    }
  };
  // The streamed restore asks once the whole file has checked out; the summary's buttons answer.
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const decide = (yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
  };
  const chooseBackup = async (file: File | undefined) => {
    if (!file) return;
    decide(false);
    setPending(null);
    setStatus(t('restoreChecking'));
    const outcome = await port.restoreFile(file, (checked) => {
      setStatus('');
      setPending({ kind: 'restore', result: checked });
      return new Promise<boolean>((resolve) => (answer.current = resolve));
    });
    setPending(null);
    if (outcome.ok) {
      setStatus(t('restoreDone', { invoices: outcome.result.counts.invoices }));
      onRestored();
    } else if (outcome.cancelled) setStatus('');
    else {
      const first = outcome.problems[0];
      setStatus(t('restoreRefused', { reason: first ? `${outcome.error} (${first.message})` : outcome.error }));
    }
  };
  const chooseScan = async (file: File | undefined) => {
    if (!file) return;
    setPending(null);
    setStatus(t('restoreChecking'));
    try {
      const text = await file.text();
      const reply = await port.mergeScan(text, acceptUpdates, true);
      if (!reply.ok) return setStatus(t('restoreRefused', { reason: reply.error }));
      setStatus('');
      setPending({ kind: 'merge', text, report: reply.value });
    } catch (error) {
      fail(error);
    }
  };
  const confirmMerge = async (text: string) => {
    try {
      const reply = await port.mergeScan(text, acceptUpdates, false);
      setPending(null);
      setStatus(reply.ok ? t('mergeDone', { invoices: reply.value.counts.newInvoices }) : t('restoreRefused', { reason: reply.error }));
    } catch (error) {
      fail(error);
    }
  };
  const exportCsv = async () => {
    try {
      const csv = await port.exportCsv(language);
      port.download(csv.fileName, csv.csv, 'text/csv');
      setStatus(t('csvDone', { file: csv.fileName }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <SectionForm id="backup" title={t('backupTitle')} help={t('backupHelp')} status={status}>
      <div class="settings-buttons">
        <button type="button" class="primary" data-testid="export-backup" disabled={exportRunning} onClick={() => void exportBackup()}>
          {t('exportBackup')}
        </button>
        {exportRunning && (
          <button type="button" class="secondary" data-testid="cancel-export" onClick={() => exporting.current?.abort()}>
            {t('exportCancel')}
          </button>
        )}
        <button type="button" class="secondary" data-testid="export-csv" onClick={() => void exportCsv()}>
          {t('exportCsv')}
        </button>
      </div>
      <div class="field-input file-input">
        <label for="restore-file">{t('restoreFile')}</label>
        <input id="restore-file" type="file" accept=".json,.jsonl,application/json,application/x-ndjson" data-testid="restore-file" onChange={(event) => void chooseBackup((event.currentTarget as HTMLInputElement).files?.[0])} />
      </div>
      <div class="field-input file-input">
        <label for="merge-file">{t('mergeFile')}</label>
        <input id="merge-file" type="file" accept=".json,application/json" data-testid="merge-file" onChange={(event) => void chooseScan((event.currentTarget as HTMLInputElement).files?.[0])} />
      </div>
      <Checkbox id="merge-accept-updates" label={t('mergeAcceptUpdates')} checked={acceptUpdates} onChange={setAcceptUpdates} />
      {pending?.kind === 'restore' && (
        <div class="notice confirm-box" data-testid="restore-summary">
          <p>
            {t('restoreSummary', {
              date: formatDate(pending.result.exportedAt.slice(0, 10), language, 'long'),
              clients: pending.result.counts.clients,
              invoices: pending.result.counts.invoices,
              events: pending.result.counts.events,
            })}
          </p>
          {pending.result.warnings.length > 0 && <p>{t('restoreWarnings', { n: pending.result.warnings.length })}</p>}
          <div class="settings-buttons">
            <button
              type="button"
              class="danger"
              data-testid="confirm-restore"
              onClick={() => {
                setStatus(t('restoreChecking'));
                decide(true);
              }}
            >
              {t('confirmRestore')}
            </button>
            <button type="button" class="secondary" onClick={() => decide(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {pending?.kind === 'merge' && (
        <div class="notice confirm-box" data-testid="merge-summary">
          <p>
            {t('mergeSummary', {
              invoices: pending.report.counts.newInvoices,
              clients: pending.report.counts.newClients,
              duplicates: pending.report.counts.duplicatesSkipped,
              updates: pending.report.counts.updatesProposed,
            })}
          </p>
          <div class="settings-buttons">
            <button type="button" class="primary" data-testid="confirm-merge" onClick={() => void confirmMerge(pending.text)}>
              {t('confirmMerge')}
            </button>
            <button type="button" class="secondary" onClick={() => setPending(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </SectionForm>
  );
}
