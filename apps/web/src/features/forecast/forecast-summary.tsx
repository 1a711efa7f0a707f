import type {
  ForecastDto as Forecast,
  ForecastRangeDto as ForecastRange,
  ProfitBreakdownDto as ProfitBreakdown,
} from '@livecloud/forecast/schemas';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/format';
import { rangeText } from './forecast.api';

const count = (n: number) => Math.round(n).toLocaleString('zh-CN');

function Total({
  title,
  range,
  format,
  testId,
  note,
}: {
  title: string;
  range: ForecastRange | null;
  format: (n: number) => string;
  testId: string;
  note?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Card className="lc-card">
      <Statistic
        title={title}
        value={range ? format(range.point) : '—'}
        valueRender={(value) => <span data-testid={testId}>{value}</span>}
      />
      <Typography.Text type="secondary">
        {range
          ? t('forecast.totals.interval', { range: rangeText(range, format) })
          : t('forecast.totals.noValue')}
      </Typography.Text>
      {note ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}

/** The line-up's totals: GMV, paid orders, refunds and profit, each with its p10–p90. */
export function ForecastTotals({ forecast }: { forecast: Forecast }) {
  const { t } = useTranslation();
  const totals = forecast.totals;
  const items = forecast.items.length;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <Total
          title={t('forecast.totals.gmv')}
          range={totals?.gmvFen ?? null}
          format={formatFen}
          testId="forecast-total-gmv"
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Total
          title={t('forecast.totals.orders')}
          range={totals?.paidOrders ?? null}
          format={count}
          testId="forecast-total-orders"
          note={totals ? t('forecast.totals.units', { units: count(totals.units.point) }) : null}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Total
          title={t('forecast.totals.refunds')}
          range={totals?.refundFen ?? null}
          format={formatFen}
          testId="forecast-total-refunds"
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Total
          title={t('forecast.totals.profit')}
          range={totals?.profitFen ?? null}
          format={formatFen}
          testId="forecast-total-profit"
          note={
            totals && totals.profitItems < items
              ? t('forecast.totals.profitPartial', { count: totals.profitItems, total: items })
              : null
          }
        />
      </Col>
    </Row>
  );
}

/** Each term of the line-up's profit, from GMV down to profit, so the operator sees where money goes. */
export function ProfitBreakdownCard({ profit, feeBp }: { profit: ProfitBreakdown | null; feeBp: number }) {
  const { t } = useTranslation();
  const rows: [string, number, boolean][] = profit
    ? [
        [t('forecast.profit.gmv'), profit.gmvFen, false],
        [t('forecast.profit.refunds'), -profit.refundFen, false],
        [t('forecast.profit.netGmv'), profit.netGmvFen, true],
        [t('forecast.profit.cost'), -profit.costOfGoodsFen, false],
        [t('forecast.profit.commission'), -profit.commissionFen, false],
        [
          t('forecast.profit.platformFee', { rate: `${(feeBp / 100).toFixed(1)}%` }),
          -profit.platformFeeFen,
          false,
        ],
        [t('forecast.profit.mechanism'), -profit.mechanismCostFen, false],
        [t('forecast.profit.profit'), profit.profitFen, true],
      ]
    : [];
  return (
    <Card className="lc-card" title={t('forecast.profit.title')} data-testid="forecast-profit">
      {profit ? (
        <Flex vertical gap={8}>
          <Descriptions column={1} size="small" bordered>
            {rows.map(([label, fen, strong]) => (
              <Descriptions.Item key={label} label={strong ? <b>{label}</b> : label}>
                <Typography.Text strong={strong} type={fen < 0 ? 'secondary' : undefined}>
                  {formatFen(fen)}
                </Typography.Text>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('forecast.profit.note')}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('forecast.profit.none')}</Typography.Text>
      )}
    </Card>
  );
}

/** What the forecast stands on: the history, the traffic level, where the intervals come from. */
export function ForecastContextLine({ forecast }: { forecast: Forecast }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center" data-testid="forecast-context">
      <Tag>
        {t('forecast.context.history', {
          count: forecast.history.sessions,
          account: forecast.history.accountSessions,
        })}
      </Tag>
      {forecast.trafficFactor !== null ? (
        <Tag>{t('forecast.context.traffic', { factor: forecast.trafficFactor.toFixed(2) })}</Tag>
      ) : null}
      <Tag color={forecast.intervals.method === 'default' ? 'warning' : 'processing'}>
        {t(`forecast.context.intervals.${forecast.intervals.method}`, {
          count: forecast.intervals.itemResiduals,
        })}
      </Tag>
      {forecast.platformFee.known ? null : <Tag color="warning">{t('forecast.context.defaultFee')}</Tag>}
      <Tooltip title={t('forecast.context.howTip')}>
        <Typography.Text type="secondary">
          <InfoCircleOutlined /> {t('forecast.context.how')}
        </Typography.Text>
      </Tooltip>
    </Flex>
  );
}
