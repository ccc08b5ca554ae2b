import { describe, expect, it } from 'vitest';
import { invoiceSearchQuery, searchHash } from './search-query';

describe('invoiceSearchQuery', () => {
  it('asks for sent mail of the period with French and English invoice words or a PDF', () => {
    const query = invoiceSearchQuery(12);
    expect(query.startsWith('in:sent newer_than:12m (')).toBe(true);
    for (const word of ['facture', 'avoir', 'acompte', 'relance', 'invoice', '"credit note"']) expect(query).toContain(word);
    expect(query).toContain(' OR (has:attachment filename:pdf))');
    // Balanced parentheses and quotes, words joined by OR.
    expect(query.split('(').length).toBe(query.split(')').length);
    expect(query.split('"').length % 2).toBe(1);
    expect(query).toMatch(/facture OR factures OR avoir/);
  });

  it('clamps the period to 1–36 months', () => {
    expect(invoiceSearchQuery(0)).toContain('newer_than:1m');
    expect(invoiceSearchQuery(99)).toContain('newer_than:36m');
    expect(invoiceSearchQuery(Number.NaN)).toContain('newer_than:12m');
    expect(invoiceSearchQuery(6)).toContain('newer_than:6m');
  });
});

describe('searchHash', () => {
  it('encodes the whole query in one segment; page n ≥ 2 as /p<n>', () => {
    expect(searchHash('in:sent (a OR "b c")')).toBe('#search/in%3Asent%20(a%20OR%20%22b%20c%22)');
    expect(searchHash('x/y', 3)).toBe('#search/x%2Fy/p3');
    expect(searchHash('x', 1)).toBe('#search/x');
  });
});
