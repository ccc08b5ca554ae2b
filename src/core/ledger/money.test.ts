import { describe, expect, it } from 'vitest';
import { nextActions, DEFAULT_CHASING_SETTINGS } from '../chasing';
import { deriveInvoiceState } from './derive';
import { SETTINGS, events, invoice } from './ledger.test-support';
import { partialCentsBetween, readMoney } from './money';

const inv = invoice({ amount: 0.3 });
const ev = events(inv.id);

describe('readMoney: the one reading of what came in', () => {
  it('adds in cents: 0.10 + 0.20 pays 0.30 (floats make 0.30000000000000004)', () => {
    const paid = readMoney(0.3, [ev('2026-03-01', { kind: 'partial_payment', amount: 0.1, paidOn: '2026-03-01' }), ev('2026-03-02', { kind: 'partial_payment', amount: 0.2, paidOn: '2026-03-02' })]);
    expect(paid).toMatchObject({ partialCents: 30, fullyPaid: true, paidOn: '2026-03-02', balanceCents: 0, receivedCents: 30 });
  });

  it('a payment without amount pays in full; an unknown amount leaves the balance unknown', () => {
    expect(readMoney(1200, [ev('2026-03-05', { kind: 'payment', paidOn: '2026-03-04' })])).toMatchObject({ fullyPaid: true, paidOn: '2026-03-04', balanceCents: 0, receivedCents: 120_000 });
    expect(readMoney(null, [ev('2026-03-05', { kind: 'partial_payment', amount: 100, paidOn: '2026-03-05' })])).toMatchObject({ fullyPaid: false, balanceCents: null, partialCents: 10_000 });
  });

  it('partial payments since a day, and before another', () => {
    const list = [ev('2026-03-01', { kind: 'partial_payment', amount: 10, paidOn: '2026-03-01' }), ev('2026-03-10', { kind: 'partial_payment', amount: 5.55, paidOn: '2026-03-10' })];
    expect(partialCentsBetween(list, '2026-03-02')).toBe(555);
    expect(partialCentsBetween(list, '2026-03-01', '2026-03-10')).toBe(1000);
  });

  it('the ladder and the derived state read the same: paid, outstanding, paid so far', () => {
    const logbook = [ev('2026-02-02', { kind: 'tracked' }), ev('2026-03-01', { kind: 'partial_payment', amount: 0.1, paidOn: '2026-03-01' }), ev('2026-03-02', { kind: 'partial_payment', amount: 0.2, paidOn: '2026-03-02' })];
    const ladder = nextActions(inv, logbook, DEFAULT_CHASING_SETTINGS, '2026-03-20');
    const state = deriveInvoiceState(inv, logbook, SETTINGS, '2026-03-20');
    expect(ladder).toMatchObject({ status: 'paid', outstanding: 0, paidSoFar: 0.3 });
    expect(state).toMatchObject({ status: 'paid', outstanding: 0, paidOn: '2026-03-02' });
  });
});
