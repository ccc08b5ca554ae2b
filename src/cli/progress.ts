/**
 * The progress bar of `relance scan`: one line on stderr, redrawn at most 10 times a second, only
 * when stderr is a terminal (never in pipes, files or CI logs). Other stderr lines (skipped messages)
 * go through `log`, which clears the bar first so the two never mix.
 */
import type { Writable } from 'node:stream';

export interface Progress {
  /** Call once per message; cheap (redraws only when the throttle allows). */
  tick(messages: number, bytesRead: number): void;
  /** Writes a line on stderr above the bar. */
  log(line: string): void;
  /** Removes the bar (end of the run). */
  done(): void;
}

const REDRAW_MS = 100;

const units = ['B', 'KB', 'MB', 'GB', 'TB'];
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A Progress that draws nothing: stderr lines are written as they come. */
export function silentProgress(stderr: Pick<Writable, 'write'>): Progress {
  return {
    tick() {},
    log(line) {
      stderr.write(`${line}\n`);
    },
    done() {},
  };
}

export function terminalProgress(stderr: Pick<Writable, 'write'> & { columns?: number }, totalBytes: number, now: () => number = () => performance.now()): Progress {
  const started = now();
  let last = -Infinity;
  let shown = false;
  let lastMessages = 0;
  let lastBytes = 0;

  const render = () => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? Math.round(lastMessages / elapsed) : 0;
    const fraction = totalBytes > 0 ? Math.min(1, lastBytes / totalBytes) : 0;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const text = `${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatBytes(lastBytes)}/${formatBytes(totalBytes)}  ${lastMessages} msgs  ${rate} msg/s`;
    // Some terminals (a pty without a size) report 0 columns: assume 80 then.
    const columns = stderr.columns && stderr.columns >= 20 ? stderr.columns : 80;
    stderr.write(`\r${text.slice(0, columns - 1)}\x1b[K`);
    shown = true;
  };
  const clear = () => {
    if (shown) stderr.write('\r\x1b[K');
    shown = false;
  };

  return {
    tick(messages, bytesRead) {
      lastMessages = messages;
      lastBytes = bytesRead;
      const t = now();
      if (t - last < REDRAW_MS) return;
      last = t;
      render();
    },
    log(line) {
      const wasShown = shown;
      clear();
      stderr.write(`${line}\n`);
      if (wasShown) render();
    },
    done() {
      clear();
    },
  };
}
