import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/events';
import { interruptionsFromEvents, prescriptionOf } from './prescription';

const base = { invoiceId: 'F-1', at: '2024-01-01T10:00:00Z' };
const ev = (day: string, rest: Record<string, unknown>): LedgerEvent => ({ ...base, day, ...rest }) as LedgerEvent;

describe('prescriptionOf', () => {
  it('B2B: 5 years from the due date; the last day to act is the same day 5 years later', () => {
    const result = prescriptionOf({ b2b: true, dueDate: '2020-03-15', today: '2024-01-01' });
    expect(result).toMatchObject({ periodYears: 5, runsFrom: '2020-03-15', expiresOn: '2025-03-15', level: 'none' });
    // 2024-01-01 -> 2025-03-15: 366 (2024 is a leap year) + 31 + 28 + 14 = 439 days.
    expect(result.daysLeft).toBe(439);
  });

  it('B2C: 2 years (C. conso. L218-2)', () => {
    expect(prescriptionOf({ b2b: false, dueDate: '2024-01-31', today: '2024-06-01' })).toMatchObject({ periodYears: 2, expiresOn: '2026-01-31' });
    // A due date of 29 February expires on 28 February.
    expect(prescriptionOf({ b2b: false, dueDate: '2024-02-29', today: '2024-06-01' }).expiresOn).toBe('2026-02-28');
  });

  it('warns 6 months and 1 month before, then says expired', () => {
    const at = (today: string) => prescriptionOf({ b2b: true, dueDate: '2020-03-15', today });
    expect(at('2024-09-14')).toMatchObject({ level: 'none', daysLeft: 182 });
    expect(at('2024-09-15')).toMatchObject({ level: 'six_months', daysLeft: 181 });
    expect(at('2024-09-15').warnings.map((w) => w.code)).toEqual(['prescription_six_months']);
    expect(at('2025-02-14')).toMatchObject({ level: 'six_months', daysLeft: 29 });
    expect(at('2025-02-15')).toMatchObject({ level: 'one_month', daysLeft: 28 });
    expect(at('2025-03-15')).toMatchObject({ level: 'one_month', daysLeft: 0 });
    expect(at('2025-03-16')).toMatchObject({ level: 'expired', daysLeft: -1 });
    expect(at('2025-03-16').warnings.map((w) => w.code)).toEqual(['prescription_expired']);
  });

  it('a partial payment or an acknowledgement starts a new full period; a formal notice or a reminder does not', () => {
    const events: LedgerEvent[] = [
      ev('2020-04-10', { kind: 'reminder_sent', step: 'first_reminder' }),
      ev('2020-05-02', { kind: 'formal_notice', sentOn: '2020-05-02', deadline: '2020-05-17' }),
      ev('2023-06-01', { kind: 'partial_payment', amount: 100, paidOn: '2023-06-01' }),
      ev('2024-02-01', { kind: 'letter', registered: true }),
      ev('2024-02-01', { kind: 'escalation', route: 'business_mediator', filedOn: '2024-02-01' }),
    ];
    expect(interruptionsFromEvents(events)).toEqual([{ date: '2023-06-01', kind: 'partial_payment' }]);
    expect(prescriptionOf({ b2b: true, dueDate: '2020-03-15', today: '2024-03-01', events })).toMatchObject({ runsFrom: '2023-06-01', expiresOn: '2028-06-01' });

    const acknowledged = [...events, ev('2024-02-10', { kind: 'debt_acknowledged' })];
    expect(prescriptionOf({ b2b: true, dueDate: '2020-03-15', today: '2024-03-01', events: acknowledged })).toMatchObject({ runsFrom: '2024-02-10', expiresOn: '2029-02-10' });

    // Formal notice only: still 5 years from the due date.
    const noticeOnly = [ev('2020-05-02', { kind: 'formal_notice', sentOn: '2020-05-02', deadline: '2020-05-17' })];
    expect(prescriptionOf({ b2b: true, dueDate: '2020-03-15', today: '2024-03-01', events: noticeOnly }).expiresOn).toBe('2025-03-15');
  });

  it('a court action interrupts (injonction de payer, référé, small claims)', () => {
    const events = [ev('2024-05-01', { kind: 'escalation', route: 'injonction_de_payer', filedOn: '2024-04-28' })];
    const result = prescriptionOf({ b2b: false, dueDate: '2023-01-31', today: '2024-06-01', events });
    expect(result).toMatchObject({ runsFrom: '2024-04-28', expiresOn: '2026-04-28' });
    expect(result.warnings.map((w) => w.code)).toContain('prescription_court_action');
  });

  it('a partial payment after expiry does not revive the claim', () => {
    // B2C, due 2022-01-31: expired after 2024-01-31; a payment on 2024-03-01 changes nothing.
    const result = prescriptionOf({ b2b: false, dueDate: '2022-01-31', today: '2024-06-01', interruptions: [{ date: '2024-03-01', kind: 'partial_payment' }] });
    expect(result).toMatchObject({ expiresOn: '2024-01-31', level: 'expired' });
    expect(result.interruptions).toEqual([{ date: '2024-03-01', kind: 'partial_payment', counted: false, reason: 'after the claim expired on 2024-01-31: it does not revive it' }]);
    // The same payment on the last day counts.
    expect(prescriptionOf({ b2b: false, dueDate: '2022-01-31', today: '2024-06-01', interruptions: [{ date: '2024-01-31', kind: 'partial_payment' }] }).expiresOn).toBe('2026-01-31');
  });

  it('chains interruptions, and does not count acts after today', () => {
    const result = prescriptionOf({
      b2b: false,
      dueDate: '2020-01-31',
      today: '2023-12-01',
      interruptions: [
        { date: '2021-12-01', kind: 'partial_payment' }, // -> 2023-12-01
        { date: '2023-11-30', kind: 'debt_acknowledged' }, // -> 2025-11-30
        { date: '2024-01-15', kind: 'partial_payment' }, // after today
      ],
    });
    expect(result).toMatchObject({ runsFrom: '2023-11-30', expiresOn: '2025-11-30' });
    expect(result.interruptions.map((act) => act.counted)).toEqual([true, true, false]);
  });
});
