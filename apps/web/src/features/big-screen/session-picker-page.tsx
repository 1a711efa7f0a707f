import type { RecentSessionDto as LiveSessionSummary } from '@livecloud/live/schemas';
import { DesktopOutlined, FundProjectionScreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { liveSessionsQuery } from './big-screen.queries';
import { formatCount, formatDateTimeMs, formatElapsed, formatYuan } from './big-screen-format';
import { bigScreenPath } from './big-screen-paths';

const stateBadge = {
  live: { status: 'processing', color: 'red' },
  upcoming: { status: 'default', color: 'blue' },
  ended: { status: 'default', color: undefined },
} as const;

/** The list of recent live sessions; choosing one opens its big screen full-screen. */
export function SessionPickerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, isFetching: loading, refetch } = useQuery(liveSessionsQuery());
  const reload = () => void refetch();
  const [typed, setTyped] = useState('');

  const open = (sessionId: string) => void navigate(bigScreenPath(sessionId));

  const columns: TableProps<LiveSessionSummary>['columns'] = [
    {
      key: 'session',
      title: t('bigScreen.picker.session'),
      render: (_, session) => (
        <Space size={8}>
          <FundProjectionScreenOutlined style={{ color: '#1664ff' }} />
          {session.title ? (
            <Typography.Text strong>{session.title}</Typography.Text>
          ) : (
            <span>
              <Typography.Text strong>{t('bigScreen.picker.unscheduled')}</Typography.Text>{' '}
              <Typography.Text type="secondary" className="lc-mono">
                {session.sessionId}
              </Typography.Text>
            </span>
          )}
        </Space>
      ),
    },
    {
      key: 'account',
      title: t('bigScreen.picker.account'),
      render: (_, session) =>
        session.accountName ? (
          <span title={session.accountId ?? undefined}>{session.accountName}</span>
        ) : (
          <span className="lc-mono">{session.accountId ?? '—'}</span>
        ),
    },
    {
      key: 'room',
      title: t('bigScreen.picker.room'),
      render: (_, session) => session.roomName ?? '—',
    },
    {
      key: 'status',
      title: t('bigScreen.picker.status'),
      width: 110,
      render: (_, session) => (
        <Badge
          {...stateBadge[session.state]}
          text={t(`bigScreen.picker.state.${session.state}`)}
          data-testid={`session-state-${session.sessionId}`}
        />
      ),
    },
    {
      key: 'started',
      title: t('bigScreen.picker.started'),
      render: (_, session) =>
        session.state === 'upcoming'
          ? t('bigScreen.picker.plannedAt', { time: formatDateTimeMs(session.plannedStart) })
          : formatDateTimeMs(session.firstEventAt ?? session.plannedStart),
    },
    {
      key: 'duration',
      title: t('bigScreen.picker.duration'),
      render: (_, session) => (session.durationMs === null ? '—' : formatElapsed(session.durationMs)),
    },
    {
      key: 'events',
      title: t('bigScreen.picker.events'),
      align: 'right',
      render: (_, session) => formatCount(session.eventCount),
    },
    {
      key: 'gmv',
      title: t('bigScreen.picker.gmv'),
      align: 'right',
      render: (_, session) => <Typography.Text strong>{formatYuan(session.gmvFen)}</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_, session) => (
        <Button
          type="primary"
          size="small"
          icon={<DesktopOutlined />}
          onClick={(event) => {
            event.stopPropagation();
            open(session.sessionId);
          }}
          data-testid={`open-session-${session.sessionId}`}
        >
          {t('bigScreen.picker.open')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="page-during-big-screen">
      <PageHeader
        title={t('bigScreen.picker.title')}
        subtitle={t('bigScreen.picker.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="live-sessions-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Card className="lc-card">
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input
            style={{ maxWidth: 360 }}
            placeholder={t('bigScreen.picker.idPlaceholder')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onPressEnter={() => typed.trim() !== '' && open(typed.trim())}
            data-testid="session-id-input"
            allowClear
          />
          <Button
            disabled={typed.trim() === ''}
            onClick={() => open(typed.trim())}
            data-testid="session-id-open"
          >
            {t('bigScreen.picker.openById')}
          </Button>
        </Flex>
        {error && !data ? (
          <LoadError error={error} onRetry={reload} />
        ) : (
          <Table<LiveSessionSummary>
            rowKey="sessionId"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading && data === undefined}
            onRow={(session) => ({
              onClick: () => open(session.sessionId),
              style: { cursor: 'pointer' },
              'data-testid': `live-session-${session.sessionId}`,
              'data-live': session.state === 'live' ? 'true' : 'false',
            })}
            pagination={{
              pageSize: 20,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { count: total }),
            }}
            locale={{ emptyText: t('bigScreen.picker.empty') }}
            scroll={{ x: 'max-content' }}
            data-testid="live-sessions-table"
          />
        )}
      </Card>
    </div>
  );
}
