import { describe, expect, it } from 'vitest';
import { chooseReminderStep, daysPastDue } from './ladder';

describe('daysPastDue', () => {
  it('counts days since the due date, negative before it', () => {
    expect(daysPastDue('2026-11-23', '2026-11-30')).toBe(7);
    expect(daysPastDue('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysPastDue('2026-11-23', '2026-11-20')).toBe(-3);
    expect(daysPastDue('2026-12-30', '2027-01-02')).toBe(3);
  });

  it('is null without a due date', () => {
    expect(daysPastDue(null, '2026-11-23')).toBeNull();
  });
});

describe('chooseReminderStep', () => {
  it('pre-reminds before the due date', () => {
    expect(chooseReminderStep('2026-11-23', '2026-11-20')).toBe('pre_reminder');
    expect(chooseReminderStep('2026-11-23', '2026-11-22')).toBe('pre_reminder');
  });

  it('sends the first reminder on the due date and after it', () => {
    expect(chooseReminderStep('2026-11-23', '2026-11-23')).toBe('first_reminder');
    expect(chooseReminderStep('2026-11-23', '2026-11-30')).toBe('first_reminder');
    expect(chooseReminderStep('2026-11-23', '2027-03-01')).toBe('first_reminder');
  });

  it('stays informative when the due date is unknown', () => {
    expect(chooseReminderStep(null, '2026-11-23')).toBe('pre_reminder');
  });
});
