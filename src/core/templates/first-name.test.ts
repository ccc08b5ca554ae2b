import { describe, expect, it } from 'vitest';
import { firstNameOf } from './first-name';

describe('firstNameOf', () => {
  it.each([
    ['Julien Moreau', 'Julien'],
    ['Priya Shah', 'Priya'],
    ['Jean-Pierre de la Tour', 'Jean-Pierre'],
    ['Julien MOREAU', 'Julien'],
    ['MOREAU Julien', 'Julien'],
    ['Moreau, Julien', 'Julien'],
    ['Zoë Lefèvre', 'Zoë'],
    ['Julien M.', 'Julien'],
  ])('greets %j as %j', (name, expected) => {
    expect(firstNameOf(name)).toBe(expected);
  });

  it.each([null, 'Julien', 'Atelier Moreau', 'Comptabilité Northwind', 'Accounts Payable', 'julien@atelier-moreau.fr', 'ACME SAS', 'northwind billing'])(
    'does not guess from %j',
    (name) => {
      expect(firstNameOf(name)).toBeNull();
    },
  );
});
