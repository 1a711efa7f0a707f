import { funnelSteps, type FunnelStep, type WindowMetric } from '@livecloud/contracts/vocabulary';
import type { LiveBoard } from '@livecloud/live/schemas';
import { useTranslation } from 'react-i18next';
import { AnimatedNumber } from './animated-number';
import { formatCount, formatMinute, formatPercent } from './big-screen-format';
import { screenColors } from './big-screen-theme';
import { WindowChange, windowChange } from './comparison';

const stepWindowMetric: Record<FunnelStep, WindowMetric> = {
  views: 'entries',
  oneMinuteViews: 'oneMinuteViews',
  clicks: 'clicks',
  orders: 'orders',
  pays: 'pays',
};

const stepColors: Record<FunnelStep, string> = {
  views: screenColors.blue,
  oneMinuteViews: screenColors.cyan,
  clicks: screenColors.purple,
  orders: screenColors.orange,
  pays: screenColors.gold,
};

/**
 * The funnel view → 1-minute view → product click → order → pay: cumulative counts with the
 * conversion from the step before, the latest minute's counts, and the window comparison.
 */
export function FunnelPanel({ board }: { board: LiveBoard }) {
  const { t } = useTranslation();
  const latest = board.series.reduce<LiveBoard['series'][number] | undefined>(
    (last, minute) => (last === undefined || minute.minute > last.minute ? minute : last),
    undefined,
  );
  const overall = board.funnel.find((row) => row.step === 'pays')?.fromFirst.value ?? null;

  return (
    <div className="lc-bs-funnel" data-testid="funnel">
      <div className="lc-bs-funnel-grid lc-bs-funnel-head">
        <span />
        <span>{t('bigScreen.funnel.cumulative')}</span>
        <span>{t('bigScreen.funnel.stepRate')}</span>
        <span>
          {latest === undefined
            ? t('bigScreen.funnel.minute')
            : t('bigScreen.funnel.minuteAt', { time: formatMinute(latest.minute) })}
        </span>
        <span>
          {board.comparison.window === null
            ? t('bigScreen.compare.windowTitle', { minutes: 5 })
            : t('bigScreen.compare.windowTitle', { minutes: board.comparison.window.minutes })}
        </span>
      </div>
      {funnelSteps.map((step, index) => {
        const row = board.funnel.find((candidate) => candidate.step === step);
        return (
          <div className="lc-bs-funnel-grid lc-bs-funnel-row" key={step} data-testid={`funnel-${step}`}>
            <div className="lc-bs-funnel-cell">
              <div
                className="lc-bs-funnel-shape"
                style={{ width: `${100 - index * 12}%`, ['--lc-bs-step' as string]: stepColors[step] }}
              >
                {t(`bigScreen.funnel.steps.${step}`)}
              </div>
            </div>
            <AnimatedNumber className="lc-bs-funnel-count" value={row?.count ?? null} format={formatCount} />
            <span className="lc-bs-funnel-rate">
              {index === 0 || row === undefined ? '' : formatPercent(row.fromPrevious.value, 1)}
            </span>
            <AnimatedNumber
              className="lc-bs-funnel-minute"
              value={latest === undefined ? null : latest.funnel[step]}
              format={formatCount}
            />
            <span className="lc-bs-funnel-delta">
              <WindowChange change={windowChange(board, stepWindowMetric[step])} bare />
            </span>
          </div>
        );
      })}
      <div className="lc-bs-funnel-foot">
        {t('bigScreen.funnel.overall')}
        <b>{formatPercent(overall, 2)}</b>
      </div>
    </div>
  );
}
