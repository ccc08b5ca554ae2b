/**
 * The ladder over a simulated year: for several client profiles, every day of 365 the user opens
 * the mailbox, does what Relance proposes that day (one action at a time, the plan recomputed after
 * each), and a scripted client reacts. Each scenario asserts the exact sequence of actions taken,
 * then the same invariants: nothing proposed twice, every contact on a French business day, the
 * minimum gap kept, nothing proposed for a paid or disputed invoice.
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../model';
import { addDays, daysBetween } from '../dates';
import { isBusinessDay } from './holidays';
import type { ChasingContext, ChasingInvoice } from './next-actions';
import { DEFAULT_CHASING_SETTINGS } from './settings';
import { simulate, type SimulatedClient, type SimulationResult } from './simulation.test-support';

const S = DEFAULT_CHASING_SETTINGS;
const invoice = (dueDate: IsoDate, amount: number): ChasingInvoice => ({ id: 'inv-1', dueDate, amount, currency: 'EUR', issueDate: addDays(dueDate, -30) });

function run(dueDate: IsoDate, amount: number, client: SimulatedClient, context: ChasingContext = {}): SimulationResult {
  const result = simulate({ invoice: invoice(dueDate, amount), settings: S, context, start: addDays(dueDate, -35), days: 365, client });
  checkInvariants(result);
  return result;
}

const sequence = (result: SimulationResult) => result.taken.map((t) => `${t.date} ${t.type}`);

/** Actions that are not a new contact, or not bound by the minimum gap (see next-actions.ts). */
const NOT_A_CONTACT = new Set(['call_follow_up', 'plan_confirmation', 'escalation']);
const GAP_EXEMPT = new Set([...NOT_A_CONTACT, 'agreed_call']);

function checkInvariants(result: SimulationResult): void {
  // Nothing proposed twice.
  const keys = result.taken.map((t) => t.key);
  expect(new Set(keys).size).toBe(keys.length);
  // Calls, letters and emails on French business days only.
  for (const t of result.taken) expect(isBusinessDay(t.date, 'FR'), `${t.date} ${t.type}`).toBe(true);
  // The minimum gap between contacts.
  let lastContact: IsoDate | null = null;
  for (const t of result.taken) {
    if (NOT_A_CONTACT.has(t.type)) continue;
    if (!GAP_EXEMPT.has(t.type) && lastContact !== null) expect(daysBetween(lastContact, t.date), `${t.date} ${t.type}`).toBeGreaterThanOrEqual(S.minimumGap);
    lastContact = t.date;
  }
  // Paid, disputed, escalated: nothing to do, nothing next.
  for (const { day, plan } of result.mornings) {
    if (plan.status === 'paid' || plan.status === 'disputed' || plan.status === 'escalated') {
      expect({ day, today: plan.today, next: plan.next }).toEqual({ day, today: [], next: null });
    }
  }
}

const statusOn = (result: SimulationResult, day: IsoDate) => result.mornings.find((m) => m.day === day)?.plan.status;

describe('a simulated year of chasing', () => {
  it('standard client who pays after the first reminder', () => {
    // Due Wed 4 Mar 2026: pre-reminder Sun 1 Mar moves back to Fri 27 Feb; paid 3 days after the first reminder.
    const result = run('2026-03-04', 1200, {
      onAction: (action, day) => (action.type === 'first_reminder' ? [{ inDays: 3, event: { kind: 'payment', paidOn: addDays(day, 3) } }] : []),
    });
    expect(sequence(result)).toEqual(['2026-02-27 pre_reminder', '2026-03-11 first_reminder']);
    expect(statusOn(result, '2026-03-13')).toBe('overdue');
    expect(statusOn(result, '2026-03-14')).toBe('paid');
  });

  it('standard client who never pays: the whole ladder to the escalation', () => {
    // Due Wed 1 Apr 2026. The call (Sun 12 Apr → Mon 13) is never answered; the next call is agreed 14 days on.
    // The formal notice (Fri 1 May, Labour Day → Mon 4 May) leaves room for two weekly reminders.
    const result = run('2026-04-01', 1200, { onCall: () => ({ outcome: 'no_answer', nextCallIn: 14 }) });
    expect(sequence(result)).toEqual([
      '2026-03-27 pre_reminder',
      '2026-04-08 first_reminder',
      '2026-04-13 call',
      '2026-04-16 second_reminder',
      '2026-04-23 further_reminder',
      '2026-04-27 agreed_call',
      '2026-04-30 further_reminder',
      '2026-05-04 formal_notice',
      '2026-05-11 agreed_call',
      '2026-05-13 escalation',
    ]);
    expect(statusOn(result, '2026-05-05')).toBe('formal_notice_sent');
    expect(statusOn(result, '2026-05-14')).toBe('escalated');
  });

  it('browser closed for weeks: one catch-up step, never the skipped ones', () => {
    // Same invoice, the user away from Tue 7 to Fri 24 April: the first reminder (8) and the second
    // (16) fell due; on Monday 27 only the second is proposed, then the ladder goes on.
    const result = run('2026-04-01', 1200, { closed: (day) => day >= '2026-04-07' && day <= '2026-04-26' });
    expect(sequence(result)).toEqual(['2026-03-27 pre_reminder', '2026-04-27 second_reminder', '2026-05-04 formal_notice', '2026-05-13 escalation']);
    expect(result.taken[1]?.skipped).toEqual(['first_reminder']);
  });

  it('long-standing client: a call first, a promise kept', () => {
    // Due Wed 6 May 2026: pre-reminder Sun 3 → Fri 1 (Labour Day) → Thu 30 Apr; call at due + 3
    // (Sat 9 → Mon 11; Fri 8 is a holiday anyway); the client promises a week later and pays.
    const result = run('2026-05-06', 3000, {
      onCall: (day) => ({ outcome: 'answered', nextCallIn: 10, promisedDate: addDays(day, 7) }),
      onAction: (action, day) => (action.type === 'call' ? [{ inDays: 6, event: { kind: 'payment', paidOn: addDays(day, 6) } }] : []),
    }, { profile: { flags: ['long_standing'] } });
    expect(sequence(result)).toEqual(['2026-04-30 pre_reminder', '2026-05-11 call', '2026-05-11 call_follow_up']);
    expect(result.mornings.find((m) => m.day === '2026-05-11')?.plan.today[0]).toMatchObject({ type: 'call', tone: 'friendly', reason: { code: 'call_first', profile: 'long_standing' } });
    expect(statusOn(result, '2026-05-12')).toBe('promised');
    expect(statusOn(result, '2026-05-17')).toBe('paid');
  });

  it('small amount: emails only, up to the formal notice', () => {
    // 150 EUR due Fri 10 Jul 2026: no call at all; second reminder Sat 25 → Mon 27; formal notice
    // Sun 9 Aug → Mon 10; the client pays five days after it.
    const result = run('2026-07-10', 150, {
      onAction: (action, day) => (action.type === 'formal_notice' ? [{ inDays: 5, event: { kind: 'payment', paidOn: addDays(day, 5) } }] : []),
    });
    expect(sequence(result)).toEqual([
      '2026-07-07 pre_reminder',
      '2026-07-17 first_reminder',
      '2026-07-27 second_reminder',
      '2026-08-03 further_reminder',
      '2026-08-10 formal_notice',
    ]);
    expect(result.taken.filter((t) => t.channel === 'phone')).toEqual([]);
    expect(result.taken.at(-1)?.channel).toBe('letter');
    expect(statusOn(result, '2026-08-15')).toBe('paid');
  });

  it('client in difficulty: a payment plan replaces the ladder', () => {
    // Due Wed 30 Sep 2026. At the call (Mon 12 Oct) the client agrees: 600 now (paid), 600 on Tue 27
    // Oct (paid), 600 on Wed 11 Nov (Armistice; missed). Reminders three days before each instalment
    // (Sat 24 → Fri 23 Oct; Sun 8 → Fri 6 Nov); the call agreed for Sun 1 Nov comes Mon 2; the missed
    // instalment is followed up the day after; the client then pays.
    const result = run('2026-09-30', 1800, {
      onCall: () => ({ outcome: 'answered', nextCallIn: 20 }),
      onAction: (action, day) => {
        if (action.key === 'call') {
          return [
            { inDays: 0, event: { kind: 'payment_plan', deposit: { dueDate: day, amount: 600 }, instalments: [{ dueDate: addDays(day, 15), amount: 600 }, { dueDate: addDays(day, 30), amount: 600 }] } },
            { inDays: 0, event: { kind: 'partial_payment', amount: 600, paidOn: day } },
            { inDays: 15, event: { kind: 'partial_payment', amount: 600, paidOn: addDays(day, 15) } },
          ];
        }
        if (action.type === 'instalment_follow_up') return [{ inDays: 2, event: { kind: 'partial_payment', amount: 600, paidOn: addDays(day, 2) } }];
        return [];
      },
    }, { profile: { flags: ['known_difficulty'] } });
    expect(sequence(result)).toEqual([
      '2026-09-25 pre_reminder',
      '2026-10-07 first_reminder',
      '2026-10-12 call',
      '2026-10-12 plan_confirmation',
      '2026-10-23 instalment_reminder',
      '2026-11-02 agreed_call',
      '2026-11-02 call_follow_up',
      '2026-11-06 instalment_reminder',
      '2026-11-12 instalment_follow_up',
      '2026-11-12 call_follow_up',
    ]);
    expect(result.mornings.find((m) => m.day === '2026-10-12')?.plan.advice).toContain('offer_payment_plan');
    expect(statusOn(result, '2026-10-13')).toBe('on_plan');
    expect(statusOn(result, '2026-11-14')).toBe('paid');
  });

  it('bad-faith client: no further reminders, formal notice at its date, then escalation', () => {
    // Due Thu 15 Oct 2026: formal notice Sat 14 Nov → Mon 16 (Armistice on Wed 11 is not involved),
    // deadline Tue 24, escalation Wed 25 with the injonction de payer first.
    const result = run('2026-10-15', 4200, { onCall: () => ({ outcome: 'voicemail', nextCallIn: 30 }) }, { cause: 'bad_faith' });
    expect(sequence(result)).toEqual([
      '2026-10-12 pre_reminder',
      '2026-10-22 first_reminder',
      '2026-10-26 call',
      '2026-10-30 second_reminder',
      '2026-11-16 formal_notice',
      '2026-11-25 agreed_call',
      '2026-11-25 escalation',
    ]);
    const escalation = result.mornings.find((m) => m.day === '2026-11-25')?.plan.today.find((a) => a.type === 'escalation');
    expect(escalation?.reason).toMatchObject({ routes: ['injonction_de_payer', 'small_claims_procedure', 'collection_agency'] });
    expect(result.logbook.find((e) => e.kind === 'escalation')).toMatchObject({ route: 'injonction_de_payer' });
  });

  it('disputed then resolved: paused, then resumed where it left off', () => {
    // Due Tue 20 Jan 2026; disputed from Fri 30 Jan to Mon 2 Mar. The unanswered-reminder call is
    // dropped (the dispute is an answer); the second reminder keeps its remaining 6 days: Sun 8 → Mon 9 Mar.
    const result = run('2026-01-20', 2500, {
      scripted: { '2026-01-30': [{ kind: 'dispute_opened', reason: 'wrong quantity' }], '2026-03-02': [{ kind: 'dispute_resolved', resolution: 'credit note' }] },
      onAction: (action, day) => (action.type === 'second_reminder' ? [{ inDays: 4, event: { kind: 'payment', paidOn: addDays(day, 4) } }] : []),
    });
    expect(sequence(result)).toEqual(['2026-01-16 pre_reminder', '2026-01-27 first_reminder', '2026-03-09 second_reminder']);
    expect(statusOn(result, '2026-01-30')).toBe('disputed');
    expect(statusOn(result, '2026-03-01')).toBe('disputed');
    expect(statusOn(result, '2026-03-02')).toBe('overdue');
    expect(result.mornings.find((m) => m.day === '2026-03-09')?.plan.today[0]?.reason).toMatchObject({ code: 'days_past_due', daysPastDue: 48, pausedDays: 32 });
  });

  it('broken promises: the first pauses the ladder, the next ones no longer do', () => {
    // Due Mon 15 Jun 2026. After the first reminder the client promises Fri 10 Jul and breaks it:
    // call Mon 13 Jul. Every call brings a new promise 10 days on, always broken; the ladder,
    // paused 18 days by the first promise only, goes on to the formal notice and the escalation.
    const result = run('2026-06-15', 900, {
      onAction: (action) => (action.type === 'first_reminder' ? [{ inDays: 1, event: { kind: 'promise', promisedDate: '2026-07-10' } }] : []),
      onCall: (day) => ({ outcome: 'answered', nextCallIn: 14, promisedDate: addDays(day, 10) }),
    });
    expect(sequence(result)).toEqual([
      '2026-06-12 pre_reminder',
      '2026-06-22 first_reminder',
      '2026-07-13 promise_follow_up',
      '2026-07-13 call_follow_up',
      '2026-07-20 second_reminder',
      '2026-07-24 promise_follow_up',
      '2026-07-24 call_follow_up',
      '2026-07-27 further_reminder',
      '2026-08-03 formal_notice',
      '2026-08-06 promise_follow_up',
      '2026-08-06 call_follow_up',
      '2026-08-12 escalation',
    ]);
    expect(statusOn(result, '2026-07-01')).toBe('promised');
    expect(statusOn(result, '2026-07-15')).toBe('overdue');
  });
});
