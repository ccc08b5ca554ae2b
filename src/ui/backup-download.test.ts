/**
 * The page's side of the streamed export against a scripted worker: the Blob's order (header
 * first, every client piece before the records, end last), progress, and the worker told to forget
 * the export after a failure. The real worker's side: src/background/backup-export.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { BackupExportPiece, BackupExportReplies, BackupExportStreamRequest } from '../protocol/backup-export-messages';
import { downloadBackupFile, type DownloadProgress, type SendExportRequest } from './backup-download';

const BEGUN = { exportId: 'e1', fileName: 'relance-backup-2026-11-22.jsonl', exportedAt: '2026-11-22T10:00:00.000Z', lines: 'S\nT\n', totalInvoices: 2 };

function scripted(pieces: Array<BackupExportPiece | { fail: string; code?: string }>) {
  const sent: BackupExportStreamRequest[] = [];
  const send = (async (message: BackupExportStreamRequest) => {
    sent.push(message);
    if (message.type === 'backup/export-begin') return { ok: true, value: BEGUN } satisfies BackupExportReplies['backup/export-begin'];
    if (message.type === 'backup/export-end') return { ok: true, value: { ended: true } };
    const piece = pieces[message.index];
    if (!piece) throw new Error(`piece ${message.index} not scripted`);
    return 'fail' in piece ? { ok: false, error: piece.fail, ...(piece.code ? { code: piece.code } : {}) } : { ok: true, value: piece };
  }) as SendExportRequest;
  return { send, sent };
}

const sent = (invoices: number, events = 0, clients = 0) => ({ clients, invoices, events });

describe('downloadBackupFile', () => {
  it('joins the pieces in file order: header, settings and templates, every client, every record, end', async () => {
    const { send } = scripted([
      { clients: 'C1\n', records: '', sent: sent(0, 0, 1) },
      { clients: 'C2\n', records: 'I1\nE1\n', sent: sent(1, 1, 2) },
      { clients: '', records: 'I2\n', sent: sent(2, 1, 2), done: { header: 'H\n', end: 'END\n', counts: { clients: 2, invoices: 2, events: 1, templates: 0 } } },
    ]);
    const progress: DownloadProgress[] = [];
    const outcome = await downloadBackupFile({ send, onProgress: (p) => progress.push(p) });
    if (!outcome.ok) throw new Error('failed');
    expect(await outcome.file.text()).toBe('H\nS\nT\nC1\nC2\nI1\nE1\nI2\nEND\n');
    expect(outcome.file.type).toBe('application/x-ndjson');
    expect(outcome.fileName).toBe('relance-backup-2026-11-22.jsonl');
    expect(progress.map((p) => p.invoices)).toEqual([0, 1, 2]);
    expect(progress.every((p) => p.totalInvoices === 2)).toBe(true);
  });

  it('a refused piece ends the export on the worker and says why; a lost export is told apart', async () => {
    const failing = scripted([{ clients: '', records: '', sent: sent(0) }, { fail: 'disk on fire' }]);
    expect(await downloadBackupFile({ send: failing.send })).toEqual({ ok: false, cancelled: false, lost: false, error: 'disk on fire' });
    expect(failing.sent.at(-1)).toEqual({ type: 'backup/export-end', exportId: 'e1' });

    const lost = scripted([{ fail: 'no longer in progress', code: 'export_lost' }]);
    expect(await downloadBackupFile({ send: lost.send })).toMatchObject({ ok: false, cancelled: false, lost: true });
  });

  it('a signal aborted before a piece stops asking', async () => {
    const controller = new AbortController();
    controller.abort();
    const { send, sent: requests } = scripted([]);
    expect(await downloadBackupFile({ send, signal: controller.signal })).toEqual({ ok: false, cancelled: true });
    expect(requests.map((r) => r.type)).toEqual(['backup/export-begin', 'backup/export-end']);
  });
});
