import { describe, expect, it } from 'vitest';
import { ChasingSettingsError, DEFAULT_CHASING_SETTINGS, resolveSettings, validateSettings, type ChasingSettings } from './settings';

const codes = (settings: ChasingSettings) => validateSettings(settings).map((problem) => `${problem.field}:${problem.code}`);

describe('DEFAULT_CHASING_SETTINGS', () => {
  it('encodes the practice defaults and is valid', () => {
    expect(DEFAULT_CHASING_SETTINGS.delays).toEqual({ preReminder: -3, call: 3, firstReminder: 7, secondReminder: 15, formalNotice: 30 });
    expect(DEFAULT_CHASING_SETTINGS.furtherReminderInterval).toBe(7);
    expect(DEFAULT_CHASING_SETTINGS.furtherReminderCount).toBe(3);
    expect(DEFAULT_CHASING_SETTINGS.formalNoticeDeadline).toBe(8);
    expect(DEFAULT_CHASING_SETTINGS.country).toBe('FR');
    expect(validateSettings(DEFAULT_CHASING_SETTINGS)).toEqual([]);
  });

  it('is frozen: a client override cannot change it by accident', () => {
    expect(Object.isFrozen(DEFAULT_CHASING_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CHASING_SETTINGS.delays)).toBe(true);
  });
});

describe('resolveSettings', () => {
  it('applies only the fields the client overrides, delays one by one', () => {
    const resolved = resolveSettings(DEFAULT_CHASING_SETTINGS, { delays: { call: 1, firstReminder: 2, secondReminder: undefined }, minimumGap: 5, country: 'DE' });
    expect(resolved.delays).toEqual({ preReminder: -3, call: 1, firstReminder: 2, secondReminder: 15, formalNotice: 30 });
    expect(resolved.minimumGap).toBe(5);
    expect(resolved.country).toBe('DE');
    expect(resolved.formalNoticeDeadline).toBe(8);
    expect(DEFAULT_CHASING_SETTINGS.delays.firstReminder).toBe(7);
  });

  it('null switches an optional step off for the client', () => {
    const resolved = resolveSettings(DEFAULT_CHASING_SETTINGS, { delays: { preReminder: null }, callAfterUnansweredReminder: null });
    expect(resolved.delays.preReminder).toBeNull();
    expect(resolved.callAfterUnansweredReminder).toBeNull();
  });

  it('without an override, returns a copy of the user settings', () => {
    const resolved = resolveSettings(DEFAULT_CHASING_SETTINGS, null);
    expect(resolved).toEqual(DEFAULT_CHASING_SETTINGS);
    expect(resolved).not.toBe(DEFAULT_CHASING_SETTINGS);
  });

  it('allows negative delays where they make sense (a call 15 days before the due date)', () => {
    expect(resolveSettings(DEFAULT_CHASING_SETTINGS, { delays: { call: -15, preReminder: -20 } }).delays.call).toBe(-15);
  });

  it('throws every problem at once, with field paths and codes', () => {
    let error: unknown;
    try {
      resolveSettings(DEFAULT_CHASING_SETTINGS, { delays: { firstReminder: Number.NaN }, minimumGap: 2.5, country: 'XX' as never });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ChasingSettingsError);
    const problems = (error as ChasingSettingsError).problems.map((p) => `${p.field}:${p.code}`);
    expect(problems).toEqual(['delays.firstReminder:not_a_whole_number', 'minimumGap:not_a_whole_number', 'country:unknown_country']);
    expect((error as Error).message).toContain('delays.firstReminder: must be a whole number of days, got NaN');
  });
});

describe('validateSettings', () => {
  const base = DEFAULT_CHASING_SETTINGS;
  const withDelays = (delays: Partial<ChasingSettings['delays']>): ChasingSettings => ({ ...base, delays: { ...base.delays, ...delays } });

  it('refuses a pre-reminder on or after the due date', () => {
    expect(codes(withDelays({ preReminder: 0 }))).toEqual(['delays.preReminder:out_of_range']);
  });

  it('refuses a first reminder before the due date (that is the pre-reminder)', () => {
    expect(codes(withDelays({ firstReminder: -1 }))).toEqual(['delays.firstReminder:out_of_range']);
  });

  it('refuses a ladder out of order', () => {
    expect(codes(withDelays({ secondReminder: 7 }))).toEqual(['delays.secondReminder:out_of_order']);
    expect(codes(withDelays({ formalNotice: 10 }))).toEqual(['delays.formalNotice:out_of_order']);
    expect(codes(withDelays({ call: 7 }))).toEqual(['delays.call:out_of_order']);
    expect(codes(withDelays({ call: -5, preReminder: -3 }))).toEqual(['delays.call:out_of_order']);
  });

  it('refuses fractions, NaN, infinity, strings and out-of-range counts', () => {
    expect(codes({ ...base, furtherReminderInterval: 0 })).toEqual(['furtherReminderInterval:out_of_range']);
    expect(codes({ ...base, furtherReminderCount: 1.5 })).toEqual(['furtherReminderCount:not_a_whole_number']);
    expect(codes({ ...base, formalNoticeDeadline: Number.POSITIVE_INFINITY })).toEqual(['formalNoticeDeadline:not_a_whole_number']);
    expect(codes({ ...base, minimumGap: '3' as never })).toEqual(['minimumGap:not_a_whole_number']);
    expect(codes({ ...base, instalmentReminder: 2 })).toEqual(['instalmentReminder:out_of_range']);
    expect(codes({ ...base, callFirst: 'yes' as never })).toEqual(['callFirst:not_a_boolean']);
  });

  it('refuses a negative or non-numeric small-amount threshold', () => {
    expect(codes({ ...base, smallAmountThreshold: -1 })).toEqual(['smallAmountThreshold:not_an_amount']);
    expect(codes({ ...base, smallAmountThreshold: Number.NaN })).toEqual(['smallAmountThreshold:not_an_amount']);
    expect(codes({ ...base, smallAmountThreshold: 0 })).toEqual([]);
  });
});
