import type { RecentEventDto } from '@livecloud/events/schemas';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { sourceLabel } from '../../i18n/labels';
import { shanghaiDateTimeSeconds } from './dead-letters.api';
import { useEventTypeLabel } from './event-type-label';
import { recentEventsQuery } from './events.queries';

/** The last events the collector stored, newest first; the person's id arrives masked. */
export function RecentEventsTable() {
  const { t } = useTranslation();
  const typeLabel = useEventTypeLabel();
  const { data, error, isFetching, refetch } = useQuery(recentEventsQuery(20));
  const columns: TableColumnsType<RecentEventDto> = [
    {
      title: t('events.receivedAt'),
      dataIndex: 'receivedAt',
      render: (iso: string) => shanghaiDateTimeSeconds(iso),
      width: 190,
    },
    { title: t('events.type'), dataIndex: 'type', render: (type: string) => <Tag>{typeLabel(type)}</Tag> },
    { title: t('events.source'), dataIndex: 'source', render: (source: string) => sourceLabel(t, source) },
    {
      title: t('events.occurredAt'),
      dataIndex: 'occurredAt',
      render: (iso: string) => shanghaiDateTimeSeconds(iso),
      width: 190,
    },
    {
      title: t('events.session'),
      key: 'session',
      render: (_, event) =>
        event.sessionTitle ?? (event.sessionId === null ? t('events.none') : t('events.sessionUnscheduled')),
      ellipsis: true,
    },
    {
      title: t('events.person'),
      dataIndex: 'personKey',
      render: (key: string | null) => key ?? t('events.none'),
    },
  ];
  return (
    <Card className="lc-card" title={t('events.recentTitle')} data-testid="recent-events">
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<RecentEventDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching && !data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.recentEmpty')} />,
          }}
          data-testid="recent-events-table"
        />
      )}
    </Card>
  );
}
