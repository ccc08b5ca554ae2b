/**
 * `--summary`: how many messages of each kind the scan saw, printed on stderr at the end (stdout
 * stays pure JSON lines).
 */
import type { Detection, MessageKind } from '../core/detect/types';

export const KINDS: readonly MessageKind[] = ['invoice_sent', 'reminder', 'payment_notice', 'dispute', 'promise', 'vendor_bill', 'other_invoice_related'];

export interface ScanCounts {
  byKind: Record<MessageKind, number>;
  /** Read and analysed, not invoice-related. */
  notRelated: number;
  /** Skipped: malformed or unreadable. */
  malformed: number;
  /** Every message seen, skipped ones included. */
  total: number;
}

export function emptyCounts(): ScanCounts {
  return {
    byKind: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<MessageKind, number>,
    notRelated: 0,
    malformed: 0,
    total: 0,
  };
}

export function countDetection(counts: ScanCounts, detection: Pick<Detection, 'is_invoice_related' | 'kind'>): void {
  counts.total++;
  if (detection.is_invoice_related && detection.kind) counts.byKind[detection.kind]++;
  else counts.notRelated++;
}

export function countMalformed(counts: ScanCounts): void {
  counts.total++;
  counts.malformed++;
}

/**
 * The summary block, one `name  count` pair per line:
 *
 *     relance: scanned 12 messages
 *       invoice_sent            3
 *       …
 *       not_invoice_related     6
 *       malformed               1
 */
export function formatSummary(counts: ScanCounts): string {
  const rows: Array<[string, number]> = [...KINDS.map((k): [string, number] => [k, counts.byKind[k]]), ['not_invoice_related', counts.notRelated], ['malformed', counts.malformed]];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  const digits = Math.max(...rows.map(([, n]) => String(n).length), String(counts.total).length);
  const lines = [`relance: scanned ${counts.total} message${counts.total === 1 ? '' : 's'}`];
  for (const [name, n] of rows) lines.push(`  ${name.padEnd(width)}${String(n).padStart(digits)}`);
  return lines.join('\n');
}
