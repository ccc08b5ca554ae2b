/**
 * A synchronous in-memory Blob for the `relance scan` process.
 *
 * Why: postal-mime collects every decoded MIME part into `new Blob(chunks)` and reads it back with
 * `blob.arrayBuffer()`. On Node 20 that read is a round trip through libuv's thread pool for every
 * part of every message, which halves the scanner's throughput (measured 2026-11-22: about 3,600
 * msg/s bare parsing with Node's Blob). The scanner uses no other Blob-based API (no fetch, no
 * streams of Blobs), so the CLI process swaps in this minimal one. Browsers and the extension never
 * load this file. parse-eml.test.ts checks that parsing gives the same results with and without it.
 */

type Part = ArrayBuffer | ArrayBufferView | string | SyncBlob;

const encoder = new TextEncoder();

export class SyncBlob {
  readonly #bytes: Uint8Array;
  readonly type: string;

  constructor(parts: readonly Part[] = [], options: { type?: string } = {}) {
    const chunks = parts.map((part): Uint8Array => {
      if (typeof part === 'string') return encoder.encode(part);
      if (part instanceof SyncBlob) return part.#bytes;
      if (part instanceof ArrayBuffer) return new Uint8Array(part);
      return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    });
    const size = chunks.reduce((sum, c) => sum + c.byteLength, 0);
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    this.#bytes = bytes;
    this.type = options.type ?? '';
  }

  get size(): number {
    return this.#bytes.byteLength;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice().buffer);
  }

  bytes(): Promise<Uint8Array> {
    return Promise.resolve(this.#bytes.slice());
  }

  text(): Promise<string> {
    return Promise.resolve(new TextDecoder().decode(this.#bytes));
  }

  slice(start?: number, end?: number, type?: string): SyncBlob {
    return new SyncBlob([this.#bytes.slice(start, end)], { type: type ?? '' });
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}

/** Replaces the process-wide Blob with SyncBlob. For the scanner's own process only. */
export function useSyncBlobInThisProcess(): void {
  (globalThis as { Blob: unknown }).Blob = SyncBlob;
}
