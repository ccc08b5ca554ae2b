import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex, utf8Bytes } from './sha256';

const node = (input: string | Uint8Array) => createHash('sha256').update(input).digest('hex');

describe('sha256: FIPS 180-4 / NIST example vectors', () => {
  it('the empty string', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('"abc" (one block)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the 448-bit message (two blocks: the length does not fit in the first)', () => {
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('the 896-bit message', () => {
    expect(sha256Hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu')).toBe(
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    );
  });

  it('one million "a" (1 MB)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});

describe('sha256 against Node (OpenSSL)', () => {
  it('every length from 0 to 300 bytes (all padding cases: 55, 56, 63, 64, 119, 120…)', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 151 + 7) & 0xff);
    for (let length = 0; length <= 300; length += 1) {
      const input = bytes.subarray(0, length);
      expect(sha256Hex(input), `length ${length}`).toBe(node(input));
    }
  });

  it('a 1 MiB pseudo-random input', () => {
    const input = new Uint8Array(1 << 20);
    let x = 0x9e3779b9;
    for (let i = 0; i < input.length; i += 1) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      input[i] = x & 0xff;
    }
    expect(sha256Hex(input)).toBe(node(input));
  });

  it('returns 32 bytes', () => {
    expect(sha256('abc')).toHaveLength(32);
  });
});

describe('utf8Bytes', () => {
  it('encodes like TextEncoder, surrogate pairs and lone surrogates included', () => {
    const encoder = new TextEncoder();
    for (const text of ['', 'abc', 'é', 'Relance — 2 400,00 €', '😀 ok', 'a\ud800b', '\udc00', 'x\ud83d', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      expect([...utf8Bytes(text)], JSON.stringify(text)).toEqual([...encoder.encode(text)]);
    }
  });

  it('hashes text as its UTF-8 bytes', () => {
    expect(sha256Hex('Relance — 2 400,00 €')).toBe(node('Relance — 2 400,00 €'));
  });
});
