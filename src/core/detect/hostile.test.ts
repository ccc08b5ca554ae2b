/**
 * No pattern may backtrack catastrophically: a 1 MB hostile body, as text or as HTML, must be read
 * in under 50 ms (best of 3 runs, so a GC pause or JIT warm-up does not fail the test).
 */
import { describe, expect, it } from 'vitest';
import { analyzeThread, detectMessage } from './index';
import { mail } from './test-messages';

const MB = 1_048_576;
const repeat = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const SHAPES: Record<string, string> = {
  'digits and spaces': repeat('1 2 34 567 '),
  '<<<<': repeat('<'),
  "'a' * 1e6": 'a'.repeat(1_000_000),
  "repeated '1 234,56 '": repeat('1 234,56 '),
  "repeated '1 234,56 € '": repeat('1 234,56 € '),
  "repeated 'facture n° '": repeat('facture n° '),
  '> quote markers': repeat('> '),
  'newlines': repeat('\n'),
  'dashes': repeat('-'),
  'attribution-like lines': repeat('Le 3 nov. a écrit :\n'),
  'empty table cells': repeat('<td>'),
  'ampersands': repeat('&'),
  'dates': repeat('12/12/12/12/'),
  'words without spaces': repeat('factureinvoicerechnung'),
  'long gap phrases': repeat('nous avons '),
  'bare attributions': repeat('Claire Martin <c@x.fr> a écrit :\n'),
  'long names before a verb': repeat("a-b.c d'e f-g h.i j k l m n o p "),
  'payment words with amounts': repeat('we sent $1 we paid €2 '),
  'procedural gaps': repeat('split the the the the into '),
  'references in attachment-like text': repeat('SI-1049 '),
};

function bestOf3(run: () => void): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('hostile input', () => {
  for (const [name, body] of Object.entries(SHAPES)) {
    it(`reads 1 MB of ${name} in under 50 ms, as text and as HTML`, () => {
      const options = { ownAddresses: [] };
      expect(bestOf3(() => detectMessage(mail({ subject: body.slice(0, 2000), text: body, attachments: [body.slice(0, 500)] }), options))).toBeLessThan(50);
      expect(bestOf3(() => detectMessage(mail({ subject: 'Facture', text: null, html: body }), options))).toBeLessThan(50);
    });
  }

  it('reads a typical invoice message and a 50-message thread (no timing assert: a smoke check)', () => {
    const text = 'Bonjour,\nVeuillez trouver ci-jointe la facture n° F-2026-041.\nMontant TTC : 2 400,00 €\nÉchéance : 23/11/2026.\n'.repeat(30);
    expect(detectMessage(mail({ subject: 'Facture F-2026-041', text }), { ownAddresses: [] }).invoice_numbers).toEqual(['F-2026-041']);
    expect(analyzeThread(Array.from({ length: 50 }, () => mail({ subject: 'Re: Facture F-2026-041', text: 'Merci !' })), { ownAddresses: [] })).toHaveLength(50);
  });
});
