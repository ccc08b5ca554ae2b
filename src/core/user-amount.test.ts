import { describe, expect, it } from 'vitest';
import { parseUserAmount } from './user-amount';

describe('parseUserAmount', () => {
  it.each([
    ['2 400,00', 2400],
    ['2\u202f400,00 €', 2400],
    ['2400.5', 2400.5],
    ['2,400.00', 2400],
    ['1.234,56', 1234.56],
    ['960', 960],
    ['£3,200.00', 3200],
    ['1 000 000', 1000000],
  ])('reads %s', (input, expected) => {
    expect(parseUserAmount(input)).toBe(expected);
  });

  it.each(['', 'abc', '12,34,5', '-5', '1..2', '12.345.6789'])('refuses %j', (input) => {
    expect(parseUserAmount(input)).toBeNull();
  });
});
