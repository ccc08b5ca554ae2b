import { describe, expect, it } from 'vitest';
import type { InvoiceStatusView, ReplyReading } from '../protocol/messages';
import { planSchedule } from './PlanBuilder';
import { proposalFor } from './ReplyProposal';

describe('planSchedule', () => {
  it('puts the deposit today and splits the rest in equal instalments, the last taking the cents left', () => {
    expect(planSchedule(3000, 1000, 2, 15, '2026-11-20')).toEqual([
      { dueDate: '2026-11-20', amount: 1000 },
      { dueDate: '2026-12-05', amount: 1000 },
      { dueDate: '2026-12-20', amount: 1000 },
    ]);
    const odd = planSchedule(1000, 100, 3, 30, '2026-11-20');
    expect(odd.map((line) => line.amount)).toEqual([100, 300, 300, 300]);
    const cents = planSchedule(1850.01, 600, 3, 15, '2026-11-20');
    expect(cents.reduce((sum, line) => sum + Math.round(line.amount * 100), 0)).toBe(185001);
  });
});

const state = (overrides: Partial<InvoiceStatusView> = {}): InvoiceStatusView =>
  ({ status: 'overdue', outstanding: 1200, dispute: null, promise: null, paymentPlan: null, ...overrides }) as InvoiceStatusView;
const reply = (overrides: Partial<ReplyReading>): ReplyReading => ({ kind: 'paid', messageIndex: 1, date: '2026-11-19T14:05', invoiceNumbers: [], amount: null, promisedDate: null, excerpt: 'Le virement a été fait', ...overrides });

describe('proposalFor', () => {
  it('turns a payment notice into a payment, or a partial payment when it names less than what is owed', () => {
    expect(proposalFor(reply({ amount: 1200 }), state(), '2026-11-20')).toMatchObject({ kind: 'entry', entry: { kind: 'payment', paidOn: '2026-11-19', amount: 1200 } });
    expect(proposalFor(reply({ amount: 500 }), state(), '2026-11-20')).toMatchObject({ kind: 'entry', entry: { kind: 'partial_payment', paidOn: '2026-11-19', amount: 500 } });
  });

  it('asks for the form when a promise has no usable date, and proposes nothing the logbook already says', () => {
    expect(proposalFor(reply({ kind: 'promise', promisedDate: null }), state(), '2026-11-20')).toMatchObject({ kind: 'form', form: { kind: 'promise' } });
    expect(proposalFor(reply({ kind: 'promise', promisedDate: '2026-11-25' }), state(), '2026-11-20')).toMatchObject({ kind: 'entry', entry: { kind: 'promise', promisedDate: '2026-11-25' } });
    expect(proposalFor(reply({}), state({ status: 'paid' }), '2026-11-20')).toBeNull();
    expect(proposalFor(reply({ kind: 'dispute' }), state({ dispute: { since: '2026-11-19', reason: 'x' } }), '2026-11-20')).toBeNull();
    expect(proposalFor(reply({ kind: 'plan_request' }), state(), '2026-11-20')).toEqual({ kind: 'plan' });
    expect(proposalFor(reply({ kind: 'plan_request' }), state({ paymentPlan: { agreedOn: '2026-11-20', instalments: [] } }), '2026-11-20')).toBeNull();
  });

  it('never dates a payment after today (a reply dated later by the mailbox clock)', () => {
    expect(proposalFor(reply({ date: '2026-11-21T08:00' }), state(), '2026-11-20')).toMatchObject({ entry: { paidOn: '2026-11-20' } });
  });
});
