/**
 * The store bench's ledger is valid as the app would hold it (every record passes the ledger's
 * checks unchanged, every chain verifies, a backup of it restores without warning) and has the
 * shape the bench's notes state.
 */
import { describe, expect, it } from 'vitest';
import { checkEvent, checkInvoice, exportBackup, ledgerIndexKeys, parseBackup, verifyChain } from '../../src/core/ledger';
import { allClients, FULL_LEDGER, isOpenPlan, isoOf, lifeCountOf, notesPerInvoice, planOf, recordOf, SETTINGS, TODAY } from './ledger-gen';

const notes = notesPerInvoice(FULL_LEDGER);
/** Every 997th invoice, and the newest 300 (where the open ones are). */
const SAMPLE = [...new Set([...Array.from({ length: Math.ceil(FULL_LEDGER.invoices / 997) }, (_, i) => i * 997), ...Array.from({ length: 300 }, (_, i) => FULL_LEDGER.invoices - 300 + i)])];

describe('the store bench ledger', () => {
  it('holds exactly 100,000 invoices and 1,000,000 events, 439 open, 11 due today, 2,000 of the big client', () => {
    let events = 0;
    let open = 0;
    let dueToday = 0;
    let big = 0;
    for (let k = 0; k < FULL_LEDGER.invoices; k += 1) {
      const plan = planOf(k);
      events += lifeCountOf(plan) + notes[k]!;
      if (isOpenPlan(plan)) {
        open += 1;
        if (isoOf(plan.due) === TODAY) dueToday += 1;
      }
      if (plan.client === 0) big += 1;
    }
    expect({ events, open, dueToday, big }).toEqual({ events: 1_000_000, open: 439, dueToday: 11, big: 2_000 });
  });

  it('gives records the checks keep unchanged, chains that verify and index keys that agree', () => {
    for (const k of SAMPLE) {
      const { invoice, events, open } = recordOf(k, notes[k]!);
      expect(events).toHaveLength(lifeCountOf(planOf(k)) + notes[k]!);
      const checked = checkInvoice(invoice);
      expect(checked.ok && checked.value).toEqual(invoice);
      for (const event of events) expect(checkEvent(event)).toMatchObject({ ok: true });
      expect(verifyChain(events).ok).toBe(true);
      expect(ledgerIndexKeys(invoice, events).open === 1).toBe(open);
      expect(events.every((event) => event.day <= TODAY)).toBe(true);
    }
  });

  it('makes a backup that restores without error or warning', () => {
    const records = SAMPLE.map((k) => recordOf(k, notes[k]!));
    const { json } = exportBackup({ settings: SETTINGS, templates: {}, clients: allClients(), invoices: records.map((r) => r.invoice), events: records.flatMap((r) => r.events) }, `${TODAY}T18:00:00.000Z`);
    const parsed = parseBackup(json);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });
});
