/**
 * `relance` command line (run from source through bin/relance.js; no build step).
 *
 *     relance scan PATH [--me ADDRESS]... [--summary] [--ledger OUT.json] [--no-progress]
 *     relance penalty --json '<input>'     (or the JSON on stdin; see src/cli/penalty.ts)
 *     relance draft --json '<input>'       (or the JSON on stdin; see src/cli/draft.ts)
 *
 * Exit codes: 0 done (malformed messages are reported on stderr and skipped, they do not fail the
 * run; a reader closing stdout early, as `| head` does, is not a failure either); 1 bad usage, or a
 * PATH (or --ledger folder) that cannot be read or written.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { useSyncBlobInThisProcess } from '../mail/sync-blob';
import { runScan } from './scan';
import { openSource, SourceError } from './sources';

export const USAGE = `Usage: relance scan PATH [--me ADDRESS]... [--summary] [--ledger OUT.json] [--no-progress]
       relance penalty --json '<input>'   late-payment interest and fixed indemnity (relance penalty --help)
       relance draft --json '<input>'     a reminder of any ladder step, rendered (relance draft --help)

Reads PATH (a .eml file, a folder of .eml files read recursively, or an mbox file such as a
Google Takeout export) and writes one JSON line per message on stdout: the detection engine's
fields (kind, invoice_numbers, amount, currency, dates, counterparty, direction, evidence...)
plus "file" and "message_id". Malformed messages are reported on stderr and skipped.

Options:
  --me ADDRESS        one of your own addresses (repeatable); without it, who sent what is read
                      from each message's words
  --summary           print counts per kind on stderr at the end
  --ledger OUT.json   also write the invoices found, grouped with their reminders, payments,
                      disputes and promises, as a file the Relance extension can import
  --no-progress       no progress bar (it is only drawn when stderr is a terminal anyway)
  -h, --help          this help

Exit codes: 0 done (even with skipped messages), 1 bad usage or unreadable PATH.
`;

export interface MainIO {
  /** For the commands that read their JSON input from stdin (penalty, draft). */
  stdin?: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
}

export interface ScanArgs {
  path: string;
  me: string[];
  summary: boolean;
  ledger: string | null;
  progress: boolean;
}

export class UsageError extends Error {}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** `scan` arguments -> options, or UsageError. `argv` starts after the word "scan". */
export function parseScanArgs(argv: string[]): ScanArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        me: { type: 'string', multiple: true },
        summary: { type: 'boolean' },
        ledger: { type: 'string' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('scan needs a PATH (a .eml file, a folder of .eml files or an mbox file)');
  if (positionals.length > 1) throw new UsageError(`scan takes one PATH, got ${positionals.length}: ${positionals.join(' ')}`);
  const me: string[] = [];
  for (const raw of values.me ?? []) {
    // "--me a@x.fr,b@x.fr" is accepted too.
    for (const part of raw.split(',')) {
      const address = part.trim().replace(/^<|>$/g, '').toLowerCase();
      if (!ADDRESS.test(address)) throw new UsageError(`--me expects an email address, got "${part.trim()}"`);
      if (!me.includes(address)) me.push(address);
    }
  }
  if (values.ledger !== undefined && values.ledger.trim() === '') throw new UsageError('--ledger expects a file name');
  return { path: positionals[0]!, me, summary: values.summary ?? false, ledger: values.ledger ?? null, progress: !(values['no-progress'] ?? false) };
}

async function checkLedgerTarget(file: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new SourceError(`--ledger ${file}: folder ${folder} does not exist`);
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new SourceError(`--ledger ${file}: is a folder`);
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], io: MainIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(USAGE);
    return 1;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (command === 'penalty') {
    const { runPenalty } = await import('./penalty');
    return runPenalty(rest, { stdin: io.stdin ?? process.stdin, stdout: io.stdout, stderr: io.stderr });
  }
  if (command === 'draft') {
    const { runDraft } = await import('./draft');
    return runDraft(rest, { stdin: io.stdin ?? process.stdin, stdout: io.stdout, stderr: io.stderr });
  }
  if (command !== 'scan') {
    io.stderr.write(`relance: unknown command "${command}"\n\n${USAGE}`);
    return 1;
  }
  let args: ScanArgs | 'help';
  try {
    args = parseScanArgs(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`relance: ${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (args === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  useSyncBlobInThisProcess(); // postal-mime's per-part Blob reads dominate otherwise (sync-blob.ts)
  try {
    if (args.ledger) await checkLedgerTarget(args.ledger);
    const source = await openSource(args.path);
    await runScan(source, { me: args.me, summary: args.summary, ledger: args.ledger, progress: args.progress }, io);
    return 0;
  } catch (error) {
    if (error instanceof SourceError) {
      io.stderr.write(`relance: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code && typeof (error as NodeJS.ErrnoException).path === 'string') {
      // A file system error mid-run (mbox unreadable, ledger not writable).
      io.stderr.write(`relance: ${(error as NodeJS.ErrnoException).path}: ${code}\n`);
      return 1;
    }
    throw error;
  }
}
