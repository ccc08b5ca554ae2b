/**
 * Late-payment penalties: the law, the rate (legal, 3 × legal, or the terms' own), how "end of
 * month" is counted, and the reference rates the user enters for periods the tables do not know
 * (listed, so the user knows what to enter: Relance never extrapolates a rate).
 */
import { useState } from 'preact/hooks';
import { JURISDICTIONS, RATE_TABLES, type Jurisdiction, type RateTableId } from '../../core/law';
import type { PenaltySettings } from '../../core/ledger';
import type { IsoDate } from '../../core/model';
import type { SettingsKey } from '../i18n-settings';
import { Radios, SectionForm, Select, TextInput } from './fields';
import { messagesFor } from './problems';
import { SaveStatus } from './SaveStatus';
import type { SectionProps } from './section-props';
import { unknownRates } from './unknown-rates';
import { useSave } from './use-save';

type RateMode = 'legal' | 'three_legal' | 'agreed';
interface OverrideRow {
  table: RateTableId;
  period: string;
  rate: string;
}

const TABLES = Object.keys(RATE_TABLES) as RateTableId[];
/** The reference rates each law reads (late-payment-law.md): only those are listed as missing. */
const TABLES_OF: Readonly<Record<Jurisdiction, readonly RateTableId[]>> = {
  FR: ['ECB_MRO', 'FR_LEGAL_PRO', 'FR_LEGAL_PRIVATE'],
  EU: ['ECB_MRO'],
  DE: ['DE_BASE_RATE'],
  UK: ['UK_BANK_RATE'],
};

const decimal = (text: string): number | string => {
  const normalised = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : text;
};

export function PenaltySection({ settings, save, t, today }: SectionProps & { today: IsoDate }) {
  const penalty = settings.penalty;
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>(penalty.jurisdiction);
  const [mode, setMode] = useState<RateMode>(penalty.agreedRatePercent !== null ? 'agreed' : penalty.rateBasis ? 'three_legal' : 'legal');
  const [agreed, setAgreed] = useState(penalty.agreedRatePercent === null ? '' : String(penalty.agreedRatePercent));
  const [endOfMonth, setEndOfMonth] = useState(penalty.endOfMonthMethod);
  const [rows, setRows] = useState<OverrideRow[]>(penalty.rateOverrides.map((override) => ({ table: override.table, period: override.period, rate: String(override.ratePercent) })));
  const { state, problems, submit } = useSave(save);
  const errors = (field: string) => messagesFor(problems, `penalty.${field}`, t);
  const missing = unknownRates(today, penalty.rateOverrides, TABLES_OF[jurisdiction]);

  const next = (): PenaltySettings =>
    ({
      jurisdiction,
      agreedRatePercent: mode === 'agreed' ? decimal(agreed) : null,
      rateBasis: mode === 'three_legal' ? '3x_legal_rate' : null,
      endOfMonthMethod: endOfMonth,
      rateOverrides: rows.map((row) => ({ table: row.table, period: row.period.trim().toUpperCase(), ratePercent: decimal(row.rate) })),
    }) as PenaltySettings;
  const setRow = (index: number, change: Partial<OverrideRow>) => setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const fields = ['penalty.jurisdiction', 'penalty.agreedRatePercent', 'penalty.rateBasis', ...rows.flatMap((_, index) => ['table', 'period', 'ratePercent'].map((key) => `penalty.rateOverrides.${index}.${key}`))];
  const modes: Array<{ value: RateMode; label: string }> = [
    { value: 'legal', label: t('rateLegal') },
    ...(jurisdiction === 'FR' ? [{ value: 'three_legal' as const, label: t('rateThreeLegal') }] : []),
    { value: 'agreed', label: t('rateAgreed') },
  ];

  return (
    <SectionForm id="penalty" title={t('penaltyTitle')} saveLabel={t('save')} onSubmit={() => void submit({ ...settings, penalty: next() })} status={<SaveStatus state={state} t={t} fields={fields} />}>
      <Select id="penalty-jurisdiction" label={t('jurisdiction')} value={jurisdiction} onChange={setJurisdiction} options={JURISDICTIONS.map((value) => ({ value, label: t(`jurisdiction_${value}` as SettingsKey) }))} errors={errors('jurisdiction')} />
      <Radios name="rateMode" legend={t('rateMode')} value={mode} onChange={setMode} options={modes} errors={errors('rateBasis')} />
      {mode === 'agreed' && <TextInput id="penalty-agreedRate" label={t('agreedRate')} inputMode="decimal" value={agreed} onInput={setAgreed} errors={errors('agreedRatePercent')} />}
      {jurisdiction === 'FR' && (
        <Radios name="endOfMonth" legend={t('endOfMonth')} value={endOfMonth} onChange={setEndOfMonth} options={[{ value: 'B', label: t('endOfMonthB') }, { value: 'A', label: t('endOfMonthA') }]} />
      )}

      <h3 class="section-subtitle">{t('overridesTitle')}</h3>
      <p class="muted hint">{t('overridesHelp')}</p>
      <div data-testid="unknown-rates">
        {missing.length === 0 ? (
          <p>{t('noUnknownToday')}</p>
        ) : (
          <>
            <p>{t('unknownToday', { list: missing.map((rate) => `${t(`table_${rate.table}` as SettingsKey)} ${rate.period}`).join(', ') })}</p>
            <div class="settings-buttons">
              {missing
                .filter((rate) => !rows.some((row) => row.table === rate.table && row.period.trim().toUpperCase() === rate.period))
                .map((rate) => (
                  <button type="button" class="tool" key={`${rate.table}-${rate.period}`} data-testid={`fill-${rate.table}-${rate.period}`} onClick={() => setRows([...rows, { table: rate.table, period: rate.period, rate: '' }])}>
                    {t('fillOverride', { table: t(`table_${rate.table}` as SettingsKey), period: rate.period })}
                  </button>
                ))}
            </div>
          </>
        )}
      </div>
      {rows.length === 0 && <p class="muted">{t('noOverrides')}</p>}
      <ul class="plain settings-list">
        {rows.map((row, index) => (
          <li key={index} class="settings-row override-row" data-testid={`override-${index}`}>
            <Select id={`override-${index}-table`} label={t('overrideTable')} value={row.table} onChange={(table) => setRow(index, { table })} options={TABLES.map((value) => ({ value, label: t(`table_${value}` as SettingsKey) }))} errors={errors(`rateOverrides.${index}.table`)} />
            <TextInput id={`override-${index}-period`} label={t('overridePeriod')} value={row.period} onInput={(period) => setRow(index, { period })} errors={errors(`rateOverrides.${index}.period`)} />
            <TextInput id={`override-${index}-rate`} label={t('overrideRate')} inputMode="decimal" value={row.rate} onInput={(rate) => setRow(index, { rate })} errors={errors(`rateOverrides.${index}.ratePercent`)} />
            <button type="button" class="tool" aria-label={`${t('removeOverride')} (${row.table} ${row.period})`} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
              {t('removeOverride')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" data-testid="add-override" onClick={() => setRows([...rows, { table: 'ECB_MRO', period: '', rate: '' }])}>
        {t('addOverride')}
      </button>
    </SectionForm>
  );
}
