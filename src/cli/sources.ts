/**
 * Where `relance scan PATH` reads messages from: one .eml file, a folder of .eml files (recursive),
 * or an mbox file (recognised by its content: it starts with a "From " postmark line).
 * Every source yields raw messages one at a time, with the `file` label the JSON lines carry.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isPostmarkLine, splitMbox } from './mbox-splitter';

export interface RawMessage {
  /** `messages/0001.eml` (folder: relative to PATH, forward slashes), PATH (one .eml), `PATH#N` (mbox, N from 0). */
  file: string;
  bytes: Uint8Array;
  /** Set when the file could not be read (removed meanwhile, no permission): reported like a malformed message. */
  readError?: string;
}

export interface MessageSource {
  kind: 'eml' | 'folder' | 'mbox';
  /** Bytes the source will read in all (file sizes), for the progress bar. */
  totalBytes: number;
  /** Bytes read so far. */
  bytesRead(): number;
  messages(): AsyncGenerator<RawMessage>;
}

export class SourceError extends Error {}

const READ_CHUNK = 262144;

/** True when the file's first line is an mbox postmark ("From sender date"). A UTF-8 BOM is tolerated. */
export async function looksLikeMbox(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    let text = head.toString('latin1', 0, bytesRead);
    if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
    if (!text.startsWith('From ')) return false;
    const eol = text.indexOf('\n');
    const line = (eol === -1 ? text : text.slice(0, eol)).replace(/\r$/, '');
    return isPostmarkLine(line);
  } finally {
    await handle.close();
  }
}

/** A file label with forward slashes whatever the platform. */
const slashes = (p: string) => p.split(path.sep).join('/');

/** Every .eml file under `root`, sorted by relative path (code-unit order, so 0002 < 0010 when padded). */
async function listEmlFiles(root: string): Promise<Array<{ absolute: string; relative: string; size: number }>> {
  const found: Array<{ absolute: string; relative: string; size: number }> = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else if ((entry.isFile() || entry.isSymbolicLink()) && /\.eml$/i.test(entry.name)) {
        const info = await stat(absolute).catch(() => null);
        if (info?.isFile()) found.push({ absolute, relative: slashes(path.relative(root, absolute)), size: info.size });
      }
    }
  };
  await walk(root);
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

function emlFileSource(file: string, label: string, size: number): MessageSource {
  let read = 0;
  return {
    kind: 'eml',
    totalBytes: size,
    bytesRead: () => read,
    async *messages() {
      const bytes = await readFile(file);
      read = bytes.length;
      yield { file: label, bytes };
    },
  };
}

function folderSource(files: Array<{ absolute: string; relative: string; size: number }>): MessageSource {
  let read = 0;
  return {
    kind: 'folder',
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    bytesRead: () => read,
    async *messages() {
      for (const f of files) {
        let bytes: Uint8Array;
        try {
          bytes = await readFile(f.absolute);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          yield { file: f.relative, bytes: new Uint8Array(0), readError: `cannot read the file (${code ?? String(error)})` };
          continue;
        }
        read += bytes.length;
        yield { file: f.relative, bytes };
      }
    },
  };
}

/** An mbox file, read as a stream: constant memory whatever its size. */
export function mboxSource(file: string, label: string, size: number): MessageSource {
  let read = 0;
  return {
    kind: 'mbox',
    totalBytes: size,
    bytesRead: () => read,
    async *messages() {
      const stream = createReadStream(file, { highWaterMark: READ_CHUNK });
      async function* counted(): AsyncGenerator<Uint8Array> {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          read += chunk.length;
          yield chunk;
        }
      }
      try {
        for await (const message of splitMbox(counted())) yield { file: `${label}#${message.index}`, bytes: message.bytes };
      } finally {
        stream.destroy();
      }
    },
  };
}

/** Opens PATH as the right kind of source. Throws SourceError with a readable reason when it cannot. */
export async function openSource(target: string): Promise<MessageSource> {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(code === 'ENOENT' ? `${target}: no such file or folder` : `${target}: cannot read (${code ?? String(error)})`);
  }
  try {
    if (info.isDirectory()) return folderSource(await listEmlFiles(target));
    if (!info.isFile()) throw new SourceError(`${target}: not a file or folder`);
    if (await looksLikeMbox(target)) return mboxSource(target, target, info.size);
    return emlFileSource(target, target, info.size);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(`${target}: cannot read (${code ?? String(error)})`);
  }
}
