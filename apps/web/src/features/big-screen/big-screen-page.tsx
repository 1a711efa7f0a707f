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
  formatPercent,
  screenLanguage,
} from './big-screen-format';
import { bigScreenPickerPath } from './big-screen-paths';
import { OnlineMinuteChart } from './minute-charts';
import { Panel, Stat } from './screen-parts';
import { ProductsColumn, SalesColumn } from './screen-columns';
import { ScreenHeader } from './screen-header';
import { TrafficSources } from './traffic-sources';
import { useLiveBoard } from './use-live-board';
import './big-screen.css';
import './big-screen-fit.css';

const screenTheme: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: { colorPrimary: '#2f9bff', colorBgElevated: '#0d1b36', borderRadius: 6 },
};

function Screen({ board }: { board: LiveBoard }) {
  const { t, i18n } = useTranslation();
  const language = screenLanguage(i18n.language);
  const { totals, rates } = board;
  const count = (value: number) => formatCountCompact(value, language);
  const percent = (value: number) => formatPercent(value, 2);

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
                value={totals.oneMinuteViews === null ? null : rates.oneMinuteViewRate.value}
                format={percent}
                empty={t('bigScreen.metrics.unknown')}
                note={
                  totals.oneMinuteViews === null
                    ? undefined
                    : t('bigScreen.metrics.ofEntries', {
                        numerator: formatCount(rates.oneMinuteViewRate.numerator),
                        denominator: formatCount(rates.oneMinuteViewRate.denominator),
                      })
                }
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

      <SalesColumn board={board} language={language} />
      <ProductsColumn board={board} />
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
