/**
 * The drawing of Relance's icon (a teal rounded square with a white "R" stroke; the extension adds
 * an orange "something is due" dot), as PNGs without any image library, so a fresh machine needs
 * nothing. Used by scripts/make-icons.ts (the extension's icons) and addin/make-icons.ts (the
 * Outlook add-in's); the PNGs they write are committed.
 */
import { deflateSync } from 'node:zlib';

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const teal: [number, number, number, number] = [0x0f, 0x6e, 0x6e, 255];
export const white: [number, number, number, number] = [255, 255, 255, 255];
export const orange: [number, number, number, number] = [0xf2, 0x8c, 0x28, 255];
export const clear: [number, number, number, number] = [0, 0, 0, 0];

export function insideRoundedSquare(x: number, y: number): boolean {
  const r = 0.22;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

export function onLetterR(x: number, y: number): boolean {
  const w = 0.1;
  const stem = x > 0.28 && x < 0.28 + w && y > 0.22 && y < 0.78;
  const bowl = Math.abs(Math.hypot(x - 0.45, y - 0.38) - 0.15) < w / 2 && x > 0.33;
  const top = y > 0.22 && y < 0.22 + w && x > 0.28 && x < 0.46;
  const mid = y > 0.48 && y < 0.48 + w && x > 0.28 && x < 0.46;
  const leg = Math.abs(y - 0.53 - (x - 0.42) * 1.2) < w / 1.6 && x > 0.42 && x < 0.66 && y < 0.8;
  return stem || bowl || top || mid || leg;
}
