import { describe, expect, it } from 'vitest';
import { signatureStart } from './signature';

describe('signatureStart', () => {
  it('finds the first line that is "--" or "-- " alone, as /^-- ?$/m does', () => {
    const cases = ['Bonjour\n-- \nClaire', 'Bonjour\n--\nClaire', '--', '-- ', 'a\r--\rb', 'a\u2028-- \u2029b', 'a --\n-- x\n---\n--', 'a--\nb', '-- x', '---', '\n--  \n', ''];
    for (const text of cases) {
      const match = /^-- ?$/m.exec(text);
      expect(signatureStart(text), JSON.stringify(text)).toBe(match ? match.index : -1);
    }
    expect(signatureStart('Merci\n-- \nClaire Martin')).toBe(6);
    expect(signatureStart('a --\n-- x\n---\n--')).toBe(14);
  });
});
