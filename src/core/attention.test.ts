import { describe, expect, it } from 'vitest';
import { badgeText, countNeedingAttention, needsAttentionToday } from './attention';
import type { LogEvent } from './model';

const drafted = (day: string): LogEvent => ({ invoiceId: 'x', kind: 'reminder_drafted', at: `${day}T09:00:00.000Z`, day });
const tracked = (day: string): LogEvent => ({ invoiceId: 'x', kind: 'tracked', at: `${day}T09:00:00.000Z`, day });

describe('needsAttentionToday', () => {
  it('counts an invoice due today', () => {
    expect(needsAttentionToday({ dueDate: '2026-11-20' }, [tracked('2026-11-20')], '2026-11-20')).toBe(true);
  });
  it('counts an overdue invoice not chased today', () => {
    expect(needsAttentionToday({ dueDate: '2026-11-10' }, [drafted('2026-11-19')], '2026-11-20')).toBe(true);
  });
  it('does not count an invoice chased today', () => {
    expect(needsAttentionToday({ dueDate: '2026-11-10' }, [drafted('2026-11-20')], '2026-11-20')).toBe(false);
  });
  it('does not count an invoice not yet due, nor one without a due date', () => {
    expect(needsAttentionToday({ dueDate: '2026-11-21' }, [], '2026-11-20')).toBe(false);
    expect(needsAttentionToday({ dueDate: null }, [], '2026-11-20')).toBe(false);
  });
});

describe('countNeedingAttention and badgeText', () => {
  it('counts only the invoices that need the user', () => {
    const ledger = [
      { invoice: { dueDate: '2026-11-20' }, events: [] },
      { invoice: { dueDate: '2026-11-01' }, events: [drafted('2026-11-20')] },
      { invoice: { dueDate: '2026-12-01' }, events: [] },
      { invoice: { dueDate: '2026-11-02' }, events: [] },
    ];
    expect(countNeedingAttention(ledger, '2026-11-20')).toBe(2);
  });
  it('hides the badge at zero and caps it', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(150)).toBe('99+');
  });
});
