import { describe, expect, it } from 'vitest';
import { looksLikeThreadRoute } from './thread-route';

describe('looksLikeThreadRoute', () => {
  it.each([
    '#inbox/14a16fab4adc1456',
    '#inbox/19a1b3d5f7092a42',
    '#all/19a1b3d5f7092a42',
    '#label/Clients/19a1b3d5f7092a42',
    '#search/facture/19a1b3d5f7092a42',
    '#inbox/FMfcgzQbfBsBcHhJvZwrhLpbZsWsXnkM',
    // a compose window over an open thread: the thread is still open underneath (gmail.js drops "?…")
    '#inbox/FMfcgzQbfBsBcHhJvZwrhLpbZsWsXnkM?compose=new',
  ])('%s is a thread', (hash) => {
    expect(looksLikeThreadRoute(hash)).toBe(true);
  });

  it.each([
    '',
    '#',
    '#inbox',
    '#inbox?compose=new',
    // the compose token is long and alphanumeric: must not be mistaken for a thread id
    '#inbox?compose=CllgCJvkXDJqwHfXrVfWLkHhBnpgqvPtcjQkJsdnRXRWnbRxGlrvVscgBZrjwMDgmNWJbQFWzBL',
    '#sent',
    '#label/Clients',
    '#inbox/19a1b3d5f709', // too short
    '#inbox/19a1b3d5f7092a42-x',
    '#settings/general',
    '#19a1b3d5f7092a42', // no view segment before the id
  ])('%s is not a thread', (hash) => {
    expect(looksLikeThreadRoute(hash)).toBe(false);
  });
});
