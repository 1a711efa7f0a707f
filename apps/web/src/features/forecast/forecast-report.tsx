import type { ForecastDto as Forecast } from '@livecloud/forecast/schemas';
import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime, shanghaiTime } from '../../lib/shanghai-time';
import { PlatformTag } from '../../components/status-tags';
import { SessionStatusTag } from '../../components/status-tags';
import { BacktestCard } from './backtest-card';
import { BasisBadge, forecastBases } from './forecast-basis';
import { ForecastChart } from './forecast-chart';
import { ForecastItemsTable, type ItemDraft } from './forecast-items-table';
import { ForecastContextLine, ForecastTotals, ProfitBreakdownCard } from './forecast-summary';

/** The session the forecast is for: when, where, and how much explain time its line-up plans. */
export function ForecastSessionLine({
  forecast,
  session,
}: {
  forecast: Forecast | null;
  session: LiveSession | null;
}) {
  const { t } = useTranslation();
  const title = session?.title ?? forecast?.session.title ?? null;
  const minutes = forecast ? forecast.items.reduce((sum, i) => sum + i.explainMinutes, 0) : null;
  const planned = forecast?.session.plannedMinutes ?? null;
  return (
    <Flex gap={8} wrap align="center">
      {title ? <Typography.Text strong>{title}</Typography.Text> : null}
      {session ? (
        <>
          <SessionStatusTag status={session.status} />
          <Typography.Text type="secondary">
            {shanghaiDateTime(session.plannedStart)} – {shanghaiTime(Date.parse(session.plannedEnd))}
          </Typography.Text>
          <PlatformTag platform={session.account.platform} />
          <Typography.Text type="secondary">
            {session.account.displayName} · {session.room.name}
          </Typography.Text>
        </>
      ) : null}
      {forecast ? <Tag>{t('forecast.sessionCard.items', { count: forecast.items.length })}</Tag> : null}
      {minutes !== null && planned !== null ? (
        <Tag color={minutes > planned ? 'error' : undefined}>
          {t('forecast.sessionCard.explainTotal', { minutes: Math.round(minutes * 10) / 10, planned })}
        </Tag>
      ) : null}
    </Flex>
  );
}

function BasisLegend() {
  const { t } = useTranslation();
  return (
    <Space size={12} wrap>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('forecast.chart.legend')}
      </Typography.Text>
      {forecastBases.map((b) => (
        <BasisBadge key={b} basis={b} />
      ))}
    </Space>
  );
}

/** How the numbers are made, in words, so an operator can judge them. */
function MethodCard() {
  const { t } = useTranslation();
  return (
    <Card className="lc-card" title={t('forecast.context.how')} data-testid="forecast-method">
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('forecast.context.howTip')}</Typography.Paragraph>
        {forecastBases.map((b) => (
          <Flex key={b} gap={8} align="baseline">
            <span style={{ flex: '0 0 96px' }}>
              <BasisBadge basis={b} />
            </span>
            <Typography.Text type="secondary">{t(`forecast.method.${b}`)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** Everything the forecast says about one line-up, from totals down to each item. */
export function ForecastReport({
  forecast,
  session,
  banner,
  itemsExtra,
  itemsHeader,
  drafts,
  onDraft,
}: {
  forecast: Forecast;
  session: LiveSession | null;
  /** Shown above the totals, e.g. that these are what-if numbers. */
  banner: ReactNode;
  itemsExtra: ReactNode;
  itemsHeader: ReactNode;
  drafts: Map<number, ItemDraft> | null;
  onDraft: (position: number, draft: ItemDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Card className="lc-card" size="small">
        <Flex vertical gap={8}>
          <ForecastSessionLine forecast={forecast} session={session} />
          <ForecastContextLine forecast={forecast} />
        </Flex>
      </Card>
      {banner}
      <div data-testid="forecast-summary">
        <ForecastTotals forecast={forecast} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card className="lc-card" title={t('forecast.chart.title')} extra={<BasisLegend />}>
            <ForecastChart items={forecast.items} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ProfitBreakdownCard profit={forecast.totals?.profit ?? null} feeBp={forecast.platformFee.bp} />
        </Col>
      </Row>
      <Card
        className="lc-card"
        title={
          <Space size={8}>
            {t('forecast.items.title')}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('forecast.items.hint')}
            </Typography.Text>
          </Space>
        }
        extra={itemsExtra}
      >
        <Flex vertical gap={12}>
          {itemsHeader}
          <ForecastItemsTable items={forecast.items} drafts={drafts} onDraft={onDraft} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <BacktestCard />
        </Col>
        <Col xs={24} xl={12}>
          <MethodCard />
        </Col>
      </Row>
    </Flex>
  );
}
