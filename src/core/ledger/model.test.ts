import { describe, expect, it } from 'vitest';
import { CORRECTABLE_FIELDS } from './events';
import { chainEvents, verifyChain } from './hash-chain';
import { events, invoice } from './ledger.test-support';
import { clientIdForEmail, correctInvoice, factOf, factsFromLogbook, factsMismatches, factsSnapshot, isCorrectableField } from './model';
import { checkInvoice } from './validate';

const INVOICE = invoice();
const ev = events(INVOICE.id);
const WHEN = { at: '2026-03-05T10:00:00.000Z', day: '2026-03-05' };

describe('clients', () => {
  it('the id of a client found by its address is stable and lower-cased', () => {
    expect(clientIdForEmail(' Lucas@Bernard-Conseil.fr ')).toBe('email:lucas@bernard-conseil.fr');
  });
});

describe('corrections', () => {
  it('a correction changes the invoice and gives the event that proves it', () => {
    const corrected = correctInvoice(INVOICE, 'dueDate', '2026-03-15', WHEN);
    expect(corrected).toEqual({
      invoice: { ...INVOICE, dueDate: '2026-03-15' },
      event: { kind: 'correction', invoiceId: INVOICE.id, at: WHEN.at, day: WHEN.day, field: 'dueDate', from: '2026-03-04', to: '2026-03-15' },
    });
    expect(checkInvoice(corrected?.invoice).ok).toBe(true);
  });

  it('no change, no correction', () => {
    expect(correctInvoice(INVOICE, 'amount', 1200, WHEN)).toBeNull();
  });

  it('an optional field absent reads as null', () => {
    expect(factOf(INVOICE, 'amountExclTax')).toBeNull();
    expect(correctInvoice(INVOICE, 'amountExclTax', 1000, WHEN)?.event).toMatchObject({ from: null, to: 1000 });
  });

  it('the correctable fields', () => {
    expect(isCorrectableField('amount')).toBe(true);
    expect(isCorrectableField('clientId')).toBe(false);
    expect(Object.keys(factsSnapshot(INVOICE))).toEqual([...CORRECTABLE_FIELDS]);
  });
});

describe('the logbook vouches for the invoice’s facts', () => {
  const tracked = ev('2026-02-02', { kind: 'tracked', facts: factsSnapshot(INVOICE) });
  const fix = correctInvoice(INVOICE, 'amount', 1250, WHEN)!;
  const fix2 = correctInvoice(fix.invoice, 'dueDate', '2026-03-15', { at: '2026-03-06T10:00:00.000Z', day: '2026-03-06' })!;
  const logbook = chainEvents([tracked, ev('2026-03-01', { kind: 'note', text: 'x' }), fix.event, fix2.event]);

  it('the snapshot with the corrections applied', () => {
    expect(factsFromLogbook(logbook)).toEqual({ ...factsSnapshot(INVOICE), amount: 1250, dueDate: '2026-03-15' });
    expect(verifyChain(logbook)).toMatchObject({ ok: true });
  });

  it('the invoice as corrected agrees with its logbook', () => {
    expect(factsMismatches(fix2.invoice, logbook)).toEqual([]);
  });

  it('an invoice edited outside a correction disagrees', () => {
    expect(factsMismatches({ ...fix2.invoice, amount: 125 }, logbook)).toEqual([{ field: 'amount', stored: 125, logged: 1250 }]);
    expect(factsMismatches(INVOICE, logbook)).toEqual([
      { field: 'amount', stored: 1200, logged: 1250 },
      { field: 'dueDate', stored: '2026-03-04', logged: '2026-03-15' },
    ]);
  });

  it('a logbook without snapshot (v1) vouches for nothing', () => {
    expect(factsFromLogbook([ev('2026-02-02', { kind: 'tracked' }), fix.event])).toBeNull();
    expect(factsMismatches({ ...INVOICE, amount: 1 }, [ev('2026-02-02', { kind: 'tracked' })])).toEqual([]);
  });

  it('the first snapshot counts: a later detection does not reset the corrections', () => {
    const later = ev('2026-03-10', { kind: 'detected', facts: factsSnapshot(INVOICE) });
    expect(factsFromLogbook([...logbook, later])).toMatchObject({ amount: 1250 });
  });
});
