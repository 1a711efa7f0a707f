import type { ForecastDto as Forecast } from '@livecloud/forecast/schemas';
import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { ExperimentOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Result, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { BacktestCard } from './backtest-card';
import type { ItemDraft } from './forecast-items-table';
import { ForecastReport, ForecastSessionLine } from './forecast-report';
import { forecastApi, type WhatIfInput } from './forecast.api';
import { forecastQuery } from './forecast.queries';

const lineupLink = (sessionId: string) => `/before/lineups?session=${encodeURIComponent(sessionId)}`;

function differs(forecast: Forecast, drafts: Map<number, ItemDraft>): number {
  return forecast.items.filter((item) => {
    const draft = drafts.get(item.position);
    return (
      draft !== undefined &&
      (draft.explainMinutes !== item.explainMinutes ||
        draft.livePriceFen !== item.livePriceFen ||
        draft.mechanism !== item.mechanism)
    );
  }).length;
}

function whatIfInput(base: Forecast, drafts: Map<number, ItemDraft>): WhatIfInput {
  return {
    accountId: base.session.accountId,
    platform: base.session.platform,
    plannedMinutes: base.session.plannedMinutes,
    items: base.items.map((item) => {
      const draft = drafts.get(item.position);
      return {
        productId: item.productId,
        skuId: item.skuId,
        livePriceFen: draft?.livePriceFen ?? item.livePriceFen,
        explainMinutes: draft?.explainMinutes ?? item.explainMinutes,
        mechanism: draft?.mechanism ?? item.mechanism,
        stockAllocation: item.stockAllocation,
      };
    }),
  };
}

/** Why there is no forecast: the organisation has too little history. No numbers are shown. */
function Unavailable({ forecast, session }: { forecast: Forecast; session: LiveSession | null }) {
  const { t } = useTranslation();
  const reason = forecast.history.sessions === 0 ? 'no_sessions' : 'no_explained';
  return (
    <Flex vertical gap={16}>
      <Card className="lc-card" size="small">
        <ForecastSessionLine forecast={forecast} session={session} />
      </Card>
      <Alert
        type="warning"
        showIcon
        title={t('forecast.unavailable.title')}
        description={t(`forecast.unavailable.${reason}`)}
        data-testid="forecast-unavailable"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <BacktestCard />
        </Col>
      </Row>
    </Flex>
  );
}

/** Loads one session's forecast and lets the operator try changes to its line-up (what-if). */
export function SessionForecast({ sessionId, session }: { sessionId: string; session: LiveSession | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const forecast = useQuery(forecastQuery(sessionId));
  const [drafts, setDrafts] = useState<Map<number, ItemDraft> | null>(null);
  const [whatIf, setWhatIf] = useState<Forecast | null>(null);
  const [running, setRunning] = useState(false);

  const base = forecast.data;
  const error = forecast.error;
  if (!base) {
    if (error instanceof ApiError && error.code === 'lineup_empty') {
      return (
        <Card className="lc-card" data-testid="forecast-empty">
          <Empty description={<Typography.Text strong>{t('forecast.empty.title')}</Typography.Text>}>
            <Flex vertical gap={16} align="center">
              <Typography.Text type="secondary">{t('forecast.empty.text')}</Typography.Text>
              <Link to={lineupLink(sessionId)}>
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('forecast.empty.add')}
                </Button>
              </Link>
            </Flex>
          </Empty>
        </Card>
      );
    }
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Card className="lc-card" data-testid="forecast-not-found">
          <Result status="404" title={t('forecast.notFound.title')} subTitle={t('forecast.notFound.text')} />
        </Card>
      );
    }
    if (error) {
      return (
        <Card className="lc-card">
          <LoadError error={error} onRetry={() => void forecast.refetch()} />
        </Card>
      );
    }
    return <Card className="lc-card" loading data-testid="forecast-loading" />;
  }
  if (base.status === 'unavailable') return <Unavailable forecast={base} session={session} />;

  const toggle = (on: boolean) => {
    setDrafts(on ? new Map() : null);
    if (!on) setWhatIf(null);
  };
  const onDraft = (position: number, draft: ItemDraft) =>
    setDrafts((previous) => new Map(previous ?? []).set(position, draft));
  const run = async () => {
    if (!drafts) return;
    setRunning(true);
    try {
      setWhatIf(await forecastApi.whatIf(whatIfInput(base, drafts)));
    } catch (cause) {
      void message.error(t('forecast.whatIf.failed', { message: errorMessage(t, cause) }));
    } finally {
      setRunning(false);
    }
  };
  const reset = () => {
    setDrafts(new Map());
    setWhatIf(null);
  };
  const changed = drafts ? differs(base, drafts) : 0;

  return (
    <ForecastReport
      forecast={whatIf ?? base}
      session={session}
      drafts={drafts}
      onDraft={onDraft}
      banner={
        whatIf ? (
          <Alert
            type="info"
            showIcon
            icon={<ExperimentOutlined />}
            title={t('forecast.whatIf.result')}
            description={t('forecast.whatIf.changed', { count: changed })}
            action={<Button onClick={reset}>{t('forecast.whatIf.reset')}</Button>}
            data-testid="forecast-whatif-banner"
          />
        ) : null
      }
      itemsExtra={
        <Space size={8}>
          <Typography.Text>{t('forecast.whatIf.toggle')}</Typography.Text>
          <Switch checked={drafts !== null} onChange={toggle} data-testid="forecast-whatif" />
        </Space>
      }
      itemsHeader={
        drafts ? (
          <Alert
            type="info"
            title={t('forecast.whatIf.hint')}
            action={
              <Space>
                <Button onClick={reset} disabled={changed === 0 && !whatIf}>
                  {t('forecast.whatIf.reset')}
                </Button>
                <Button
                  type="primary"
                  icon={<ReloadOutlined />}
                  loading={running}
                  onClick={() => void run()}
                  data-testid="forecast-whatif-run"
                >
                  {t('forecast.whatIf.run')}
                </Button>
              </Space>
            }
          />
        ) : null
      }
    />
  );
}
