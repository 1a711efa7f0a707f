import type { LiveBoard } from '@livecloud/live/schemas';
import { useTranslation } from 'react-i18next';
import { useAnimatedNumber } from './animated-number';
import { compactParts, formatYuan, formatYuanCompact, type ScreenLanguage } from './big-screen-format';
import { Comparison } from './comparison';

export function GmvHero({ board, language }: { board: LiveBoard; language: ScreenLanguage }) {
  const { t } = useTranslation();
  const shown = useAnimatedNumber(board.totals.gmvFen) ?? 0;
  const big = Math.abs(shown) >= 1_000_000;
  const parts = big ? compactParts(shown / 100, language) : { value: formatYuan(shown).slice(1), unit: '' };
  return (
    <div className="lc-bs-hero" data-testid="metric-gmv">
      <div className="lc-bs-hero-label">{t('bigScreen.metrics.gmv')}</div>
      <div className="lc-bs-hero-value" data-testid="metric-gmv-value" data-value={board.totals.gmvFen}>
        <span className="lc-bs-hero-currency">¥</span>
        <span className="lc-bs-hero-digits">{parts.value}</span>
        {parts.unit === '' ? null : <span className="lc-bs-hero-unit">{parts.unit}</span>}
      </div>
      <div className="lc-bs-hero-notes">
        {big ? <span className="lc-bs-hero-exact">{formatYuan(board.totals.gmvFen)}</span> : null}
        <span>
          {t('bigScreen.metrics.netGmv')} <b>{formatYuanCompact(board.totals.netGmvFen, language)}</b>
        </span>
        <span>
          {t('bigScreen.metrics.refunds')} <b>{formatYuanCompact(board.totals.refundFen, language)}</b>
        </span>
      </div>
      <Comparison board={board} keys={{ window: 'gmvFen', past: 'gmvFen' }} />
    </div>
  );
}

/** What the two comparisons mean for this board, said once instead of on every figure. */
export function ComparisonLegend({ board }: { board: LiveBoard }) {
  const { t } = useTranslation();
  const window = board.comparison.window;
  const past = board.comparison.past;
  return (
    <div className="lc-bs-legend" data-testid="comparison-legend">
      <span>
        <b>{t('bigScreen.compare.windowShort')}</b>
        {window === null
          ? t('bigScreen.compare.windowPending')
          : t('bigScreen.compare.windowLegend', { minutes: window.minutes })}
      </span>
      <span>
        <b>{t('bigScreen.compare.pastShort')}</b>
        {past.sessions === 0
          ? t('bigScreen.compare.pastPending')
          : t('bigScreen.compare.pastLegend', {
              n: past.sessions,
              minutes: Math.floor(past.elapsedMs / 60_000),
            })}
      </span>
    </div>
  );
}
