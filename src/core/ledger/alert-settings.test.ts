/** The daily alerts' settings (issue 6): optional, with defaults, so older backups stay valid. */
import { describe, expect, it } from 'vitest';
import { alertSettingsOf, DEFAULT_LEDGER_SETTINGS, checkSettings } from './index';

const base = structuredClone(DEFAULT_LEDGER_SETTINGS);

describe('alert settings', () => {
  it('are optional: settings without them read as 09:00 and every account', () => {
    const checked = checkSettings(base);
    expect(checked.ok && 'alerts' in checked.value).toBe(false);
    expect(alertSettingsOf(checked.ok ? checked.value : base)).toEqual({ notifyAt: '09:00', badgeAccount: null });
  });

  it('keep a valid time (or null: off) and an account address (lower-cased)', () => {
    const checked = checkSettings({ ...base, alerts: { notifyAt: '07:30', badgeAccount: ' Camille@Atelier-Durand.fr ' } });
    expect(checked.ok && checked.value.alerts).toEqual({ notifyAt: '07:30', badgeAccount: 'camille@atelier-durand.fr' });
    const off = checkSettings({ ...base, alerts: { notifyAt: null, badgeAccount: null } });
    expect(off.ok && alertSettingsOf(off.value)).toEqual({ notifyAt: null, badgeAccount: null });
  });

  it('refuse a time that is not HH:MM, an account that is not an address, an unknown field', () => {
    for (const alerts of [{ notifyAt: '9:00', badgeAccount: null }, { notifyAt: '24:00', badgeAccount: null }, { notifyAt: '09:00', badgeAccount: 'u/1' }, { notifyAt: '09:00', badgeAccount: null, sound: true }]) {
      const checked = checkSettings({ ...base, alerts });
      expect(checked.ok, JSON.stringify(alerts)).toBe(false);
      if (!checked.ok) expect(checked.problems[0]!.field.startsWith('alerts.')).toBe(true);
    }
  });
});
