import type { HealthDto as Health, StoreHealthDto as StoreCheck } from '@livecloud/server/schemas';
import {
  CloudServerOutlined,
  DatabaseOutlined,
  ReloadOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { formatClock, formatMs } from '../../lib/format';
import { healthQuery } from './overview.queries';
import { LatencyChart } from './latency-chart';

/** Display names of the engines the server reports (it sends the engine as a plain string). */
const engineNames: Readonly<Record<string, string>> = {
  pglite: 'PGlite',
  postgres: 'PostgreSQL',
  chdb: 'chDB',
  clickhouse: 'ClickHouse',
};

function useUptimeText(uptimeS: number): string {
  const { t } = useTranslation();
  const total = Math.max(0, Math.floor(uptimeS));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return t('overview.uptimeDays', { d, h });
  if (h > 0) return t('overview.uptimeHours', { h, m });
  return t('overview.uptimeMinutes', { m, s });
}

interface StoreTileProps {
  testId: string;
  icon: ReactNode;
  name: string;
  hint: string;
  engine: string;
  check: StoreCheck;
}

function StoreTile({ testId, icon, name, hint, engine, check }: StoreTileProps) {
  const { t } = useTranslation();
  return (
    <div className={`lc-store-tile ${check.ok ? '' : 'lc-store-tile-failing'}`} data-testid={testId}>
      <Flex justify="space-between" align="flex-start" gap={12}>
        <Flex gap={12} align="flex-start">
          <span className="lc-store-icon">{icon}</span>
          <div>
            <Typography.Text strong>{name}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {hint}
              </Typography.Text>
            </div>
          </div>
        </Flex>
        <Badge
          status={check.ok ? 'success' : 'error'}
          text={check.ok ? t('overview.healthy') : t('overview.unhealthy')}
          className="lc-nowrap"
          data-testid={`${testId}-ok`}
        />
      </Flex>
      <Flex justify="space-between" align="flex-end" style={{ marginTop: 16 }}>
        <div>
          <div className="lc-stat-label">{t('overview.engine')}</div>
          <Tag variant="outlined" data-testid={`${testId}-engine`} style={{ marginTop: 4 }}>
            {engine}
          </Tag>
        </div>
        <div style={{ textAlign: 'right' }}>
          <div className="lc-stat-label">{t('overview.latency')}</div>
          <div className="lc-stat-value" data-testid={`${testId}-latency`}>
            {formatMs(check.latencyMs)}
            <span className="lc-stat-unit">ms</span>
          </div>
        </div>
      </Flex>
      {check.error ? (
        <Typography.Paragraph
          type="danger"
          style={{ margin: '12px 0 0', fontSize: 12 }}
          ellipsis={{ rows: 2, tooltip: check.error }}
        >
          {check.error}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

function HealthBody({ health, checkedAt }: { health: Health; checkedAt: Date }) {
  const { t } = useTranslation();
  const uptime = useUptimeText(health.uptimeS);
  const { records, events } = health.stores;
  const bars = useMemo(
    () => [
      { label: t('overview.storeRecords'), latencyMs: records.latencyMs, ok: records.ok },
      { label: t('overview.storeEvents'), latencyMs: events.latencyMs, ok: events.ok },
    ],
    [records.latencyMs, records.ok, events.latencyMs, events.ok, t],
  );
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          {
            key: 'status',
            label: t('overview.statusTitle'),
            children: (
              <Badge
                status={health.status === 'ok' ? 'success' : 'warning'}
                text={health.status === 'ok' ? t('overview.statusOk') : t('overview.statusDegraded')}
                data-testid="health-status"
              />
            ),
          },
          {
            key: 'version',
            label: t('overview.version'),
            children: <span data-testid="health-version">{health.version}</span>,
          },
          {
            key: 'uptime',
            label: t('overview.uptime'),
            children: <span data-testid="health-uptime">{uptime}</span>,
          },
        ]}
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={12}>
          <StoreTile
            testId="store-records"
            icon={<DatabaseOutlined />}
            name={t('overview.storeRecords')}
            hint={t('overview.storeRecordsHint')}
            engine={engineNames[records.engine] ?? records.engine}
            check={records}
          />
        </Col>
        <Col xs={24} md={12}>
          <StoreTile
            testId="store-events"
            icon={<ThunderboltOutlined />}
            name={t('overview.storeEvents')}
            hint={t('overview.storeEventsHint')}
            engine={engineNames[events.engine] ?? events.engine}
            check={events}
          />
        </Col>
      </Row>
      <div className="lc-subsection-title">{t('overview.latencyChart')}</div>
      <LatencyChart bars={bars} ariaLabel={t('overview.latencyChart')} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('overview.checkedAt', { time: formatClock(checkedAt) })}
      </Typography.Text>
    </>
  );
}

/** Live state of the stores behind the platform, from `GET /api/v1/health`. */
export function SystemStatusCard() {
  const { t } = useTranslation();
  const { data, error, isFetching: loading, refetch, dataUpdatedAt } = useQuery(healthQuery());
  const checkedAt = useMemo(() => new Date(dataUpdatedAt), [dataUpdatedAt]);

  return (
    <Card
      className="lc-card"
      title={
        <Flex align="center" gap={8}>
          <CloudServerOutlined />
          {t('overview.statusTitle')}
        </Flex>
      }
      extra={
        <Tooltip title={t('common.refresh')}>
          <Button
            type="text"
            icon={<ReloadOutlined spin={loading && data !== undefined} />}
            onClick={() => void refetch()}
            aria-label={t('common.refresh')}
            data-testid="health-refresh"
          />
        </Tooltip>
      }
      data-testid="system-status"
    >
      {data ? (
        <>
          {error ? (
            <Typography.Paragraph type="warning" style={{ marginTop: 0 }}>
              {errorMessage(t, error)}
            </Typography.Paragraph>
          ) : null}
          <HealthBody health={data} checkedAt={checkedAt} />
        </>
      ) : error ? (
        <Typography.Paragraph type="danger" data-testid="health-error">
          {errorMessage(t, error)}
        </Typography.Paragraph>
      ) : (
        <Skeleton active paragraph={{ rows: 5 }} />
      )}
    </Card>
  );
}
