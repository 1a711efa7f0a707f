import type { LiveBoard } from '@livecloud/live/schemas';
import { useTranslation } from 'react-i18next';
import {
  formatCount,
  formatCountCompact,
  formatMultiple,
  formatPercent,
  formatYuanCompact,
  type ScreenLanguage,
} from './big-screen-format';
import { pastBeats } from './comparison';
import { CommentStream } from './comment-stream';
import { FunnelPanel } from './funnel-panel';
import { ComparisonLegend, GmvHero } from './gmv-hero';
import { GmvMinuteChart } from './minute-charts';
import { LineupProgress } from './lineup-progress';
import { NowExplaining, ProductLeaderboard } from './product-leaderboard';
import { Panel, Stat } from './screen-parts';

/** The middle of the screen: GMV and the sales figures, GMV per minute, the funnel. */
export function SalesColumn({ board, language }: { board: LiveBoard; language: ScreenLanguage }) {
  const { t } = useTranslation();
  const { totals, rates } = board;
  const yuan = (fen: number) => formatYuanCompact(fen, language);
  const count = (value: number) => formatCountCompact(value, language);
  const percent = (value: number) => formatPercent(value, 2);
  return (
    <div className="lc-bs-col lc-bs-col-center">
      <Panel
        title={t('bigScreen.panels.sales')}
        testId="panel-sales"
        extra={<ComparisonLegend board={board} />}
      >
        <div className="lc-bs-sales">
          <GmvHero board={board} language={language} />
          <div className="lc-bs-stat-grid lc-bs-stat-grid-4">
            <Stat
              board={board}
              id="orders"
              label={t('bigScreen.metrics.paidOrders')}
              value={totals.paidOrders}
              format={count}
              compare={{ window: 'pays', past: 'paidOrders' }}
              tone="gold"
            />
            <Stat
              board={board}
              id="buyers"
              label={t('bigScreen.metrics.buyers')}
              value={totals.buyers}
              format={count}
              compare={{ past: 'buyers' }}
              tone="gold"
            />
            <Stat
              board={board}
              id="conversion"
              label={t('bigScreen.metrics.conversionRate')}
              value={rates.conversionRate.value}
              format={percent}
              compare={{ past: 'conversionRate' }}
              tone="gold"
            />
            <Stat
              board={board}
              id="ctr"
              label={t('bigScreen.metrics.ctr')}
              value={rates.ctr.value}
              format={percent}
              compare={{ past: 'ctr' }}
              tone="gold"
            />
            <Stat
              board={board}
              id="gpm"
              label={t('bigScreen.metrics.gpm')}
              value={rates.gpm.value}
              format={yuan}
              compare={{ past: 'gpm' }}
            />
            <Stat
              board={board}
              id="visitor-value"
              label={t('bigScreen.metrics.uvValue')}
              value={rates.uvValue.value}
              format={yuan}
              compare={{ past: 'uvValue' }}
            />
            <Stat
              board={board}
              id="ad-spend"
              label={t('bigScreen.metrics.adSpend')}
              value={totals.adSpendFen}
              format={yuan}
              tone="pink"
              note={t('bigScreen.metrics.aov', {
                value: rates.aov.value === null ? '—' : yuan(rates.aov.value),
              })}
            />
            <Stat
              board={board}
              id="roi"
              label={t('bigScreen.metrics.roi')}
              value={rates.roi.value}
              format={formatMultiple}
              tone="pink"
              note={t('bigScreen.metrics.roiNote')}
            />
          </div>
        </div>
      </Panel>
      <Panel
        title={t('bigScreen.panels.gmvMinutes')}
        testId="panel-gmv-minutes"
        extra={
          <span className="lc-bs-panel-note">
            {t('bigScreen.metrics.orderCreated')} <b>{formatCount(totals.ordersCreated)}</b> ·{' '}
            {t('bigScreen.metrics.cartAdds')} <b>{formatCount(totals.cartAdds)}</b>
          </span>
        }
      >
        <GmvMinuteChart series={board.series} />
      </Panel>
      <Panel title={t('bigScreen.panels.funnel')} testId="panel-funnel">
        <FunnelPanel board={board} />
      </Panel>
    </div>
  );
}

/** The right of the screen: the product on air with the leaderboard, and the comments. */
export function ProductsColumn({ board }: { board: LiveBoard }) {
  const { t } = useTranslation();
  const { totals } = board;
  const interactions = pastBeats(board, 'interactions');
  return (
    <div className="lc-bs-col lc-bs-col-right">
      <Panel
        title={t('bigScreen.panels.products')}
        testId="panel-products"
        extra={
          <span className="lc-bs-panel-note">
            {t('bigScreen.metrics.impressions')} <b>{formatCount(totals.impressions)}</b> ·{' '}
            {t('bigScreen.metrics.clicks')} <b>{formatCount(totals.clicks)}</b>
          </span>
        }
      >
        <div className="lc-bs-products-wrap">
          <NowExplaining board={board} />
          <LineupProgress board={board} />
          <ProductLeaderboard board={board} limit={board.plan ? 5 : 8} />
        </div>
      </Panel>
      <Panel
        title={t('bigScreen.panels.comments')}
        testId="panel-comments"
        extra={
          <span className="lc-bs-panel-note" data-testid="interactions">
            {t('bigScreen.metrics.comments')} <b>{formatCount(totals.comments)}</b> ·{' '}
            {t('bigScreen.metrics.likes')} <b>{formatCount(totals.likes)}</b> ·{' '}
            {t('bigScreen.metrics.shares')} <b>{formatCount(totals.shares)}</b>
            {interactions?.value == null ? null : (
              <>
                {' · '}
                {t('bigScreen.compare.interactionsBeat', { percent: Math.round(interactions.value * 100) })}
              </>
            )}
          </span>
        }
      >
        <CommentStream comments={board.comments} max={30} />
      </Panel>
    </div>
  );
}
