/**
 * The prefix scanner must find exactly what a global search finds, with or without its second
 * (eight-character) look: it only skips positions where no match can start.
 */
import { describe, expect, it } from 'vitest';
import { CUE_PATTERNS } from './cues';
import { WORD_LED_PATTERNS } from './invoice-numbers';
import { DATE_PATTERNS } from './written-dates';
import { PrefixScanner, forEachMatch } from './prefix-scan';

const PATTERNS = [...CUE_PATTERNS, ...WORD_LED_PATTERNS, ...DATE_PATTERNS];

/** Seeded PRNG (mulberry32): the same texts on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces of mail: whole cue phrases, their beginnings cut short, numbers, dates, odd characters.
const PIECES = [
  'je reviens vers vous au sujet de la facture', 'je reviens vers vous au sujet du projet', 'je reste disponible', 'votre équipe',
  'veuillez trouver ci-joint la facture', 'veuillez trouver', 'vous trouverez', 'please find attached invoice', 'please find',
  'we have paid', 'we have sent the payment', 'payment was sent', 'le virement a été effectué', 'nous réglerons la facture le 15 mars',
  'facture n° F-2026-041', 'facture', 'invoice #1042', 'n° 2026-12', 'échéance', 'échue depuis le', 'reste impayée', 'sauf erreur de ma part',
  '12/03/2026', '3 mars 2026', 'march 3, 2026', '2026-03-12', '03.04.26', '30 jours fin de mois', '1 850,00 €', '$1,200.00',
  'out of office', 'réponse automatique', 'désabonner', 'unsubscribe', 'de la', 'vous au', 'je r', 'fact', 'inv', 'n°',
  ' ', ' ', '\n', '\n\n', '.', ',', ':', '-', '/', "'", '\u00a0', '\u2003', 'é', 'ß', 'İ', '😀',
];

function text(random: () => number): string {
  let out = '';
  const count = 5 + Math.floor(random() * 40);
  for (let k = 0; k < count; k += 1) {
    const piece = PIECES[Math.floor(random() * PIECES.length)] as string;
    // Sometimes only the start of a piece: a phrase that begins like a cue and stops.
    out += random() < 0.3 ? piece.slice(0, 1 + Math.floor(random() * piece.length)) : piece;
    if (random() < 0.5) out += ' ';
  }
  return out;
}

function expected(text: string): Array<[number, number, string]> {
  const found: Array<[number, number, string]> = [];
  PATTERNS.forEach((pattern, index) => {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) found.push([index, match.index, match[0]]);
  });
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function scanned(scanner: PrefixScanner, text: string): Array<[number, number, string]> {
  const found: Array<[number, number, string]> = [];
  forEachMatch(scanner, text, (2 ** PATTERNS.length - 1) | 0, text.length, (index, match) => void found.push([index, match.index, match[0]]));
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('prefix scanner', () => {
  it('finds every match a global search finds, and no other, with and without the second look', () => {
    const plain = new PrefixScanner(PATTERNS);
    const twoLooks = new PrefixScanner(PATTERNS, new Set(), true);
    const random = prng(20261122);
    let matches = 0;
    for (let round = 0; round < 400; round += 1) {
      const sample = text(random).toLowerCase();
      const want = expected(sample);
      matches += want.length;
      expect(scanned(plain, sample)).toEqual(want);
      expect(scanned(twoLooks, sample)).toEqual(want);
    }
    // The texts do exercise the patterns.
    expect(matches).toBeGreaterThan(400);
  });
});
