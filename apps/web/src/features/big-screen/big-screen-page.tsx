import type { LiveBoard } from '@livecloud/live/schemas';
import { LoadingOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Result, Spin, theme, type ThemeConfig } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { currentLanguage } from '../../i18n';
import {
  formatCount,
  formatCountCompact,
  formatDwell,
  formatMultiple,
  formatPercent,
  formatYuanCompact,
  screenLanguage,
} from './big-screen-format';
import { bigScreenPickerPath } from './big-screen-paths';
import { pastBeats } from './comparison';
import { CommentStream } from './comment-stream';
import { FunnelPanel } from './funnel-panel';
import { GmvMinuteChart, OnlineMinuteChart } from './minute-charts';
import { NowExplaining, ProductLeaderboard } from './product-leaderboard';
import { Panel, Stat } from './screen-parts';
import { ComparisonLegend, GmvHero } from './gmv-hero';
import { ScreenHeader } from './screen-header';
import { TrafficSources } from './traffic-sources';
import { useLiveBoard } from './use-live-board';
import './big-screen.css';

const screenTheme: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: { colorPrimary: '#2f9bff', colorBgElevated: '#0d1b36', borderRadius: 6 },
};

function Screen({ board }: { board: LiveBoard }) {
  const { t, i18n } = useTranslation();
  const language = screenLanguage(i18n.language);
  const { totals, rates } = board;
  const yuan = (fen: number) => formatYuanCompact(fen, language);
  const count = (value: number) => formatCountCompact(value, language);
  const percent = (value: number) => formatPercent(value, 2);
  const interactions = pastBeats(board, 'interactions');

  return (
    <main className="lc-bs-grid">
      <div className="lc-bs-col lc-bs-col-left">
        <Panel title={t('bigScreen.panels.traffic')} testId="panel-traffic">
          <div className="lc-bs-traffic">
            <div className="lc-bs-traffic-top">
              <Stat
                board={board}
                id="online"
                size="lg"
                label={t('bigScreen.metrics.onlineNow')}
                value={totals.onlineNow}
                format={count}
                compare={{ window: 'onlineAtEnd' }}
              />
              <Stat
                board={board}
                id="peak-online"
                size="lg"
                tone="blue"
                label={t('bigScreen.metrics.peakOnline')}
                value={totals.peakOnline}
                format={count}
              />
            </div>
            <div className="lc-bs-stat-grid lc-bs-stat-grid-3">
              <Stat
                board={board}
                id="uv"
                label={t('bigScreen.metrics.uv')}
                value={totals.uv}
                format={count}
                compare={{ past: 'uv' }}
                tone="blue"
              />
              <Stat
                board={board}
                id="dwell"
                label={t('bigScreen.metrics.averageDwell')}
                value={rates.averageDwellMs.value}
                format={(ms) => formatDwell(ms, language)}
                empty={t('bigScreen.metrics.unknown')}
                compare={{ past: 'averageDwellMs' }}
                tone="blue"
              />
              <Stat
                board={board}
                id="bounce"
                label={t('bigScreen.metrics.bounceRate2s')}
                value={rates.bounceRate2s.value}
                format={percent}
                empty={t('bigScreen.metrics.unknown')}
                compare={{ past: 'bounceRate2s', lowerIsBetter: true }}
                tone="blue"
              />
              <Stat
                board={board}
                id="one-minute-view"
                label={t('bigScreen.metrics.oneMinuteViewRate')}
                value={rates.oneMinuteViewRate.value}
                format={percent}
                note={t('bigScreen.metrics.ofEntries', {
                  numerator: formatCount(rates.oneMinuteViewRate.numerator),
                  denominator: formatCount(rates.oneMinuteViewRate.denominator),
                })}
                tone="blue"
              />
              <Stat
                board={board}
                id="new-followers"
                label={t('bigScreen.metrics.newFollowers')}
                value={totals.newFollowers}
                format={count}
                compare={{ past: 'newFollowers' }}
                tone="purple"
              />
              <Stat
                board={board}
                id="fan-club"
                label={t('bigScreen.metrics.fanClubJoins')}
                value={totals.fanClubJoins}
                format={count}
                note={t('bigScreen.metrics.followerConversion', {
                  rate: formatPercent(rates.followerConversion.value, 2),
                })}
                tone="purple"
              />
            </div>
          </div>
        </Panel>
        <Panel
          title={t('bigScreen.panels.online')}
          testId="panel-online"
          extra={
            <span className="lc-bs-panel-note">
              {t('bigScreen.metrics.pvShort')} <b>{formatCount(totals.pv)}</b> ·{' '}
              {t('bigScreen.metrics.exitsShort')} <b>{formatCount(totals.exits)}</b>
            </span>
          }
        >
          <OnlineMinuteChart series={board.series} asOf={board.asOf} />
        </Panel>
        <Panel title={t('bigScreen.panels.sources')} testId="panel-sources">
          <TrafficSources rows={board.trafficSources} />
        </Panel>
      </div>

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
            <ProductLeaderboard board={board} limit={8} />
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
    </main>
  );
}

function ScreenMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="lc-bs-message" data-testid={notFound ? 'big-screen-not-found' : 'big-screen-error'}>
      <Result
        status={notFound ? '404' : 'warning'}
        title={notFound ? t('bigScreen.errors.notFoundTitle') : t('common.loadFailed')}
        subTitle={notFound ? t('bigScreen.errors.notFoundText') : errorMessage(t, error)}
        extra={
          <Link to={bigScreenPickerPath}>
            <Button type="primary">{t('bigScreen.header.back')}</Button>
          </Link>
        }
      />
    </div>
  );
}

/** The full-screen big screen of one live session, outside the app shell. */
export function BigScreenPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const { board, connection, error } = useLiveBoard(sessionId);
  const language = currentLanguage();

  useEffect(() => {
    const previous = document.title;
    document.title = `${t('bigScreen.header.title')} · ${sessionId}`;
    return () => {
      document.title = previous;
    };
  }, [t, sessionId]);

  return (
    <ConfigProvider theme={screenTheme}>
      <div className={`lc-bs-root lc-bs-lang-${language}`} data-testid="big-screen">
        <ScreenHeader board={board} connection={connection} />
        {board !== null ? (
          <Screen board={board} />
        ) : error !== null && error !== undefined && connection !== 'connecting' ? (
          <ScreenMessage error={error} />
        ) : (
          <div className="lc-bs-message">
            <Spin size="large" />
            <span>{t('bigScreen.connection.connecting')}</span>
          </div>
        )}
        {board !== null && connection === 'reconnecting' ? (
          <div className="lc-bs-reconnecting" data-testid="reconnecting" role="status">
            <LoadingOutlined /> {t('bigScreen.connection.reconnectingLong')}
          </div>
        ) : null}
      </div>
    </ConfigProvider>
  );
}
