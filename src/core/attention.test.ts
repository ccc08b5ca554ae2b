import { describe, expect, it } from 'vitest';
import { badgeText, needsUserToday } from './attention';
import { deriveInvoiceState } from './ledger';
import { CLIENT, SETTINGS, events, invoice } from './ledger/ledger.test-support';
import type { IsoDate } from './model';

// 1,200 EUR due Wednesday 4 March 2026: pre-reminder Fri 27 Feb, first reminder Wed 11 Mar.
const inv = invoice();
const ev = events(inv.id);
const tracked = ev('2026-02-02', { kind: 'tracked' });
const needs = (logbook: Parameters<typeof deriveInvoiceState>[1], today: IsoDate) => needsUserToday(deriveInvoiceState(inv, logbook, SETTINGS, today, { client: CLIENT }), today);

describe('needsUserToday (the badge rule)', () => {
  it('counts an invoice on the day of a ladder step, and on its due date', () => {
    expect(needs([tracked], '2026-02-27')).toBe(true);
    expect(needs([tracked, ev('2026-02-27', { kind: 'reminder_drafted', step: 'pre_reminder' })], '2026-03-04')).toBe(true);
  });
  it('not the day a step was done, nor between two steps, nor a weekend', () => {
    const chased = [tracked, ev('2026-02-27', { kind: 'reminder_drafted', step: 'pre_reminder' })];
    expect(needs(chased, '2026-02-27')).toBe(false);
    expect(needs(chased, '2026-03-06')).toBe(false);
    expect(needs([tracked], '2026-02-28')).toBe(false);
  });
  it('never a paid invoice', () => {
    expect(needs([tracked, ev('2026-03-01', { kind: 'payment', paidOn: '2026-03-01' })], '2026-03-04')).toBe(false);
  });
});

describe('badgeText', () => {
  it('hides the badge at zero and caps it', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(150)).toBe('99+');
  });
});
