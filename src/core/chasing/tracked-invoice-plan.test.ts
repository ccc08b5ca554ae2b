import { describe, expect, it } from 'vitest';
import type { LogEvent, TrackedInvoice } from '../model';
import { ledgerEventsOf, planForTrackedInvoice as planFromLedger, stepToDraft as stepFromLedger } from './tracked-invoice-plan';
import type { ChasingPlan } from './next-actions';

// The stored v1 shape, converted as the store does.
const planForTrackedInvoice = (invoice: TrackedInvoice, events: LogEvent[], today: string) => planFromLedger(invoice, ledgerEventsOf(events), today);
const stepToDraft = (plan: ChasingPlan, dueDate: string | null, today: string, events: LogEvent[] = []) => stepFromLedger(plan, dueDate, today, ledgerEventsOf(events));

const invoice = (dueDate: string | null): TrackedInvoice => ({
  id: 'gmail:me@x.fr:t1:F-1',
  host: 'gmail',
  account: 'me@x.fr',
  threadId: 't1',
  messageId: null,
  invoiceNumber: 'F-1',
  clientEmail: 'client@y.fr',
  clientName: null,
  amount: 1200,
  currency: 'EUR',
  issueDate: '2026-10-01',
  dueDate,
  terms: null,
  language: 'fr',
  subject: 'Facture F-1',
  trackedAt: '2026-10-01T09:00:00.000Z',
});
const tracked: LogEvent = { invoiceId: 'gmail:me@x.fr:t1:F-1', kind: 'tracked', at: '2026-10-01T09:00:00.000Z', day: '2026-10-01' };
const drafted = (day: string, step: LogEvent['step']): LogEvent => ({ invoiceId: tracked.invoiceId, kind: 'reminder_drafted', at: `${day}T09:00:00.000Z`, day, step });

describe('the ladder for a tracked invoice', () => {
  it('drafts the pre-reminder ahead of the due date, then the first reminder once it is due', () => {
    // Due Thursday 2026-11-26: the pre-reminder falls on Monday 23 (due - 3).
    const before = planForTrackedInvoice(invoice('2026-11-26'), [tracked], '2026-11-23');
    expect(before.today.map((a) => a.step)).toEqual(['pre_reminder']);
    expect(stepToDraft(before, '2026-11-26', '2026-11-23')).toBe('pre_reminder');
    // Due Friday 2026-11-06: first reminder at due + 7 = Friday 13.
    const after = planForTrackedInvoice(invoice('2026-11-06'), [tracked], '2026-11-13');
    expect(stepToDraft(after, '2026-11-06', '2026-11-13')).toBe('first_reminder');
  });

  it('a drafted step is done: the next written step is the one to draft', () => {
    const events = [tracked, drafted('2026-11-13', 'first_reminder')];
    const plan = planForTrackedInvoice(invoice('2026-11-06'), events, '2026-11-16');
    expect(plan.today).toEqual([]);
    // The ladder's next action is the call after the unanswered reminder (due + 11, Tuesday 17)…
    expect(plan.next).toMatchObject({ step: 'call', date: '2026-11-17', reason: { code: 'reminder_unanswered' } });
    // …and a written reminder drafted meanwhile is the second one, not the first again.
    expect(stepToDraft(plan, '2026-11-06', '2026-11-16', events)).toBe('second_reminder');
    // On due + 15 (Friday 20) the ladder itself asks for the second reminder.
    expect(stepToDraft(planForTrackedInvoice(invoice('2026-11-06'), events, '2026-11-23'), '2026-11-06', '2026-11-23', events)).toBe('second_reminder');
  });

  it('an old reminder without a step counts as the first reminder', () => {
    const plan = planForTrackedInvoice(invoice('2026-11-06'), [tracked, { ...drafted('2026-11-13', undefined) }], '2026-11-23');
    expect(plan.today.map((a) => a.step)).not.toContain('first_reminder');
  });

  it('without a due date the informative pre-reminder is drafted', () => {
    const plan = planForTrackedInvoice(invoice(null), [tracked], '2026-11-23');
    expect(plan.status).toBe('no_due_date');
    expect(stepToDraft(plan, null, '2026-11-23')).toBe('pre_reminder');
  });
});

describe('the plan reads the whole logbook', () => {
  it('a payment ends the chasing, a promise pauses it', () => {
    const logbook = ledgerEventsOf([tracked, drafted('2026-11-13', 'first_reminder')]);
    const paid = planFromLedger(invoice('2026-11-06'), [...logbook, { invoiceId: tracked.invoiceId, at: '2026-11-18T10:00:00.000Z', day: '2026-11-18', kind: 'payment', paidOn: '2026-11-18' }], '2026-11-23');
    expect(paid.status).toBe('paid');
    expect(paid.today).toEqual([]);
    expect(paid.next).toBeNull();
    const promised = planFromLedger(invoice('2026-11-06'), [...logbook, { invoiceId: tracked.invoiceId, at: '2026-11-18T10:00:00.000Z', day: '2026-11-18', kind: 'promise', promisedDate: '2026-11-30' }], '2026-11-23');
    expect(promised.status).toBe('promised');
    expect(promised.today).toEqual([]);
  });
});
