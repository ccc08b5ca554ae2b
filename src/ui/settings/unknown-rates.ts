/**
 * The reference rates Relance cannot compute with today: for each table, the half-years up to
 * today's that the rate tables leave without a value (2026-H2 as of 2026-11) and the user has not
 * entered. The settings page lists them so the user knows what to enter; never a guess.
 */
import { RATE_TABLES, halfYearOf, type HalfYear, type RateOverride, type RateTableId } from '../../core/law';
import type { IsoDate } from '../../core/model';

export interface UnknownRate {
  table: RateTableId;
  period: HalfYear;
}

function compare(a: HalfYear, b: HalfYear): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nextHalfYear(period: HalfYear): HalfYear {
  const [year, half] = period.split('-H').map(Number) as [number, number];
  return (half === 1 ? `${year}-H2` : `${year + 1}-H1`) as HalfYear;
}

export function unknownRates(today: IsoDate, overrides: readonly RateOverride[], tables: readonly RateTableId[] = Object.keys(RATE_TABLES) as RateTableId[]): UnknownRate[] {
  const current = halfYearOf(today);
  const entered = new Set(overrides.map((override) => `${override.table} ${override.period}`));
  const out: UnknownRate[] = [];
  for (const table of tables) {
    const entries = RATE_TABLES[table].entries;
    const known = new Set(entries.filter((entry) => entry.ratePercent !== null).map((entry) => entry.period));
    const first = entries.map((entry) => entry.period).sort(compare)[0];
    if (!first) continue;
    for (let period = first; compare(period, current) <= 0; period = nextHalfYear(period)) {
      if (!known.has(period) && !entered.has(`${table} ${period}`)) out.push({ table, period });
    }
  }
  return out;
}
