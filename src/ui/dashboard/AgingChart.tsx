/**
 * Aging buckets as a small bar chart per currency: inline SVG with a text label and amount on each
 * bar (no colour-only meaning), and the same figures in the image's accessible name.
 */
import type { AgingReport, AgingRow } from '../../core/ledger';
import { formatMoney } from '../../core/format';
import type { Language } from '../../core/model';
import type { MessageKey, Translate } from '../i18n';

// queries.ts AGING_BUCKETS + undated, typed against it; written out so the page does not bundle the ledger.
const BUCKETS: ReadonlyArray<keyof AgingRow['buckets']> = ['not_due', '1_30', '31_60', '61_90', 'over_90', 'undated'];
const ROW = 26;
const LABEL = 120;
const BAR = 220;
const WIDTH = LABEL + BAR + 130;

export function AgingChart({ aging, t, language }: { aging: AgingReport; t: Translate; language: Language }) {
  return (
    <section class="dash-card" aria-labelledby="dash-aging-title" data-testid="dash-aging">
      <h2 id="dash-aging-title">{t('dashAging')}</h2>
      {aging.rows.length === 0 ? <p class="dash-muted">{t('dashNoReceivables')}</p> : null}
      {aging.rows.map((row) => {
        const buckets = BUCKETS.filter((bucket) => bucket !== 'undated' || row.buckets.undated.count > 0);
        const max = Math.max(...buckets.map((bucket) => row.buckets[bucket].amount), 0.01);
        const name = `${t('dashAgingChart', { currency: row.currency })} : ${buckets.map((bucket) => `${t(`aging_${bucket}` as MessageKey)} ${formatMoney(row.buckets[bucket].amount, row.currency, language)}`).join(' ; ')}`;
        return (
          <figure key={row.currency} class="dash-aging-figure">
            <svg role="img" aria-label={name} viewBox={`0 0 ${WIDTH} ${buckets.length * ROW + 4}`} width="100%" data-testid="dash-aging-chart" data-currency={row.currency}>
              {buckets.map((bucket, index) => {
                const { amount } = row.buckets[bucket];
                const y = index * ROW + 2;
                const width = amount > 0 ? Math.max(2, (amount / max) * BAR) : 0;
                return (
                  <g key={bucket} data-bucket={bucket}>
                    <text x={LABEL - 8} y={y + 16} text-anchor="end" class="dash-chart-label">{t(`aging_${bucket}` as MessageKey)}</text>
                    <rect x={LABEL} y={y + 3} width={width} height={ROW - 8} rx={3} class={`dash-bar dash-bar-${bucket}`} />
                    <text x={LABEL + width + 6} y={y + 16} class="dash-chart-value">{formatMoney(amount, row.currency, language)}</text>
                  </g>
                );
              })}
            </svg>
            <figcaption class="dash-muted">{t('dashAgingChart', { currency: row.currency })}</figcaption>
          </figure>
        );
      })}
    </section>
  );
}
