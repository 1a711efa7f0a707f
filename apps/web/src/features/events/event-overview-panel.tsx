import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Select, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { sourceLabel } from '../../i18n/labels';
import { overviewRanges, type OverviewRange } from './event-overview.api';
import { useEventTypeLabel } from './event-type-label';
import { EventVolumeChart } from './event-volume-chart';
import { eventOverviewQuery } from './events.queries';
import { RecentEventsTable } from './recent-events-table';

type GroupBy = 'source' | 'type';

/** 事件概览: accepted and rejected counts, volume over time by source or type, the latest events. */
export function EventOverviewPanel() {
  const { t } = useTranslation();
  const typeLabel = useEventTypeLabel();
  const [range, setRange] = useState<OverviewRange>('last24h');
  const [groupBy, setGroupBy] = useState<GroupBy>('source');
  const { data, error, isFetching, refetch } = useQuery(eventOverviewQuery(range));
  const series = useMemo(
    () =>
      (groupBy === 'source' ? (data?.bySource ?? []) : (data?.byType ?? [])).map((s) => ({
        label: groupBy === 'source' ? sourceLabel(t, s.key) : typeLabel(s.key),
        counts: s.counts,
      })),
    [data, groupBy, t, typeLabel],
  );
  const share = data?.totals.rejectedShare ?? null;
  return (
    <Flex vertical gap={16} data-testid="event-overview">
      <Flex justify="space-between" gap={8} wrap>
        <Select<OverviewRange>
          value={range}
          onChange={setRange}
          style={{ width: 160 }}
          options={Object.keys(overviewRanges).map((key) => ({
            value: key as OverviewRange,
            label: t(`events.range.${key as OverviewRange}`),
          }))}
          data-testid="event-overview-range"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card className="lc-card">
                <Statistic
                  title={t('events.kpi.accepted')}
                  value={data?.totals.accepted ?? 0}
                  loading={!data}
                  data-testid="kpi-accepted"
                />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card className="lc-card">
                <Statistic
                  title={t('events.kpi.rejected')}
                  value={data?.totals.rejected ?? 0}
                  loading={!data}
                  data-testid="kpi-rejected"
                />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card className="lc-card">
                <Statistic
                  title={t('events.kpi.rejectedShare')}
                  value={share === null ? t('events.kpi.noShare') : (share * 100).toFixed(1)}
                  suffix={share === null ? undefined : '%'}
                  loading={!data}
                  valueStyle={share !== null && share > 0.05 ? { color: '#f53f3f' } : undefined}
                  data-testid="kpi-rejected-share"
                />
              </Card>
            </Col>
          </Row>
          <Card
            className="lc-card"
            title={t('events.volumeTitle')}
            extra={
              <Segmented<GroupBy>
                value={groupBy}
                onChange={setGroupBy}
                options={[
                  { value: 'source', label: t('events.bySource') },
                  { value: 'type', label: t('events.byType') },
                ]}
                data-testid="event-volume-group"
              />
            }
          >
            {data && data.totals.accepted + data.totals.rejected > 0 ? (
              <EventVolumeChart
                overview={data}
                series={series}
                rejectedLabel={t('events.rejectedSeries')}
                ariaLabel={t('events.volumeAria', {
                  by: groupBy === 'source' ? t('events.bySource') : t('events.byType'),
                })}
              />
            ) : (
              <Empty description={t('events.noVolume')} data-testid="event-volume-empty" />
            )}
          </Card>
        </>
      )}
      <RecentEventsTable />
    </Flex>
  );
}
