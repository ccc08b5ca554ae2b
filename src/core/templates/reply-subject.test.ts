import { describe, expect, it } from 'vitest';
import { replySubject } from './reply-subject';

describe('replySubject', () => {
  it('adds "Re:"', () => {
    expect(replySubject('Facture F-2026-041 – refonte du site')).toBe('Re: Facture F-2026-041 – refonte du site');
  });

  it.each(['Re: Facture F-1', 'RE : Facture F-1', 'TR: Facture F-1', 'Fwd: Invoice INV-1', 're:Facture'])('keeps %j as it is', (subject) => {
    expect(replySubject(subject)).toBe(subject);
  });

  it('does not take a word starting with "re" for a prefix', () => {
    expect(replySubject('Refonte du site: facture')).toBe('Re: Refonte du site: facture');
  });
});
