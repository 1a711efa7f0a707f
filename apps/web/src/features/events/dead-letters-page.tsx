import { deadLetterStatuses, type DeadLetterStatus } from '@livecloud/contracts/vocabulary';
import type { DeadLetterDto as DeadLetter } from '@livecloud/events/schemas';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Select, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { sourceLabel } from '../../i18n/labels';
import { zhCN } from '../../i18n/zh-cn';
import { useSession } from '../auth/session-context';
import { DeadLetterActions } from './dead-letter-actions';
import { DeadLetterDrawer } from './dead-letter-drawer';
import { deadLettersApi, shanghaiDateTimeSeconds, type DeadLetterFilters } from './dead-letters.api';
import { deadLettersQuery } from './events.queries';
import { DeadLetterStatusTag } from '../../components/status-tags';

const sourceKeys = Object.keys(zhCN.sources);

interface Busy {
  id: string;
  action: 'replay' | 'discard';
}

/**
 * 事件采集: the events the collector could not accept (dead letters), newest first — why each was
 * rejected, its original item, and Replay / Discard.
 */
export function DeadLettersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const canManage = can('events:manage');
  const [filters, setFilters] = useState<DeadLetterFilters>({});
  const [search, setSearch] = useState('');
  const queryClient = useQueryClient();
  const listKey = deadLettersQuery(filters).queryKey;
  const { data, error, isFetching: loading, refetch } = useQuery(deadLettersQuery(filters));
  const reload = () => void refetch();
  const [loadingMore, setLoadingMore] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);

  const items = data?.items ?? [];
  const open = items.find((item) => item.id === openId) ?? null;
  const filtered = filters.status !== undefined || filters.source !== undefined || filters.q !== undefined;

  const put = (letter: DeadLetter) =>
    queryClient.setQueryData(listKey, (previous) =>
      previous
        ? { ...previous, items: previous.items.map((item) => (item.id === letter.id ? letter : item)) }
        : previous,
    );

  const loadMore = async () => {
    if (!data?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await deadLettersApi.list(filters, undefined, data.nextCursor);
      queryClient.setQueryData(listKey, (previous) => ({
        items: [
          ...(previous?.items ?? []),
          ...next.items.filter((item) => !previous?.items.some((known) => known.id === item.id)),
        ],
        nextCursor: next.nextCursor,
      }));
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setLoadingMore(false);
    }
  };

  const onReplay = async (letter: DeadLetter) => {
    setBusy({ id: letter.id, action: 'replay' });
    try {
      const updated = await deadLettersApi.replay(letter.id);
      put(updated);
      const result = updated.replayResult;
      if (result?.outcome === 'rejected') {
        void message.warning(t('deadLetters.replayRejected', { reason: result.reason ?? updated.reason }), 6);
      } else if (result?.outcome === 'duplicate') {
        void message.success(t('deadLetters.replayDuplicate'));
      } else {
        void message.success(t('deadLetters.replayIngested'));
      }
    } catch (cause) {
      void message.error(errorMessage(t, cause));
      reload();
    } finally {
      setBusy(null);
    }
  };

  const onDiscard = async (letter: DeadLetter) => {
    setBusy({ id: letter.id, action: 'discard' });
    try {
      put(await deadLettersApi.discard(letter.id));
      void message.success(t('deadLetters.discarded'));
    } catch (cause) {
      void message.error(errorMessage(t, cause));
      reload();
    } finally {
      setBusy(null);
    }
  };

  const busyFor = (letter: DeadLetter) => (busy?.id === letter.id ? busy.action : null);

  const columns: TableProps<DeadLetter>['columns'] = [
    {
      key: 'receivedAt',
      title: t('deadLetters.receivedAt'),
      width: 170,
      render: (_, letter) => (
        <span className="lc-mono" style={{ whiteSpace: 'nowrap' }}>
          {shanghaiDateTimeSeconds(letter.receivedAt)}
        </span>
      ),
    },
    {
      key: 'source',
      title: t('deadLetters.source'),
      width: 120,
      render: (_, letter) =>
        letter.source ? sourceLabel(t, letter.source) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'reason',
      title: t('deadLetters.reason'),
      render: (_, letter) => (
        <Typography.Text ellipsis={{ tooltip: letter.reason }} style={{ maxWidth: 320 }}>
          {letter.reason}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('deadLetters.statusLabel'),
      width: 100,
      render: (_, letter) => (
        <DeadLetterStatusTag status={letter.status} testId={`dead-letter-status-${letter.id}`} />
      ),
    },
    {
      key: 'id',
      title: t('deadLetters.id'),
      render: (_, letter) => (
        <Typography.Text className="lc-mono" type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {letter.id}
        </Typography.Text>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 190,
      fixed: 'right',
      render: (_, letter) => (
        <Flex gap={0} wrap={false}>
          <Button
            type="link"
            size="small"
            onClick={() => setOpenId(letter.id)}
            data-testid={`dead-letter-open-${letter.id}`}
          >
            {t('deadLetters.view')}
          </Button>
          {canManage ? (
            <DeadLetterActions
              letter={letter}
              busy={busyFor(letter)}
              onReplay={(l) => void onReplay(l)}
              onDiscard={(l) => void onDiscard(l)}
              size="small"
              link
            />
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="page-audience-events">
      <PageHeader
        title={t('deadLetters.title')}
        subtitle={t('deadLetters.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="dead-letter-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Card className="lc-card">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<DeadLetterStatus | 'all'>
            value={filters.status ?? 'all'}
            onChange={(value) =>
              setFilters((current) => ({ ...current, status: value === 'all' ? undefined : value }))
            }
            style={{ width: 160 }}
            data-testid="dead-letter-filter-status"
            options={[
              { value: 'all', label: t('deadLetters.allStatuses') },
              ...deadLetterStatuses.map((status) => ({
                value: status,
                label: t(`deadLetters.status.${status}`),
              })),
            ]}
          />
          <Select<string>
            value={filters.source}
            allowClear
            placeholder={t('deadLetters.allSources')}
            onChange={(value) => setFilters((current) => ({ ...current, source: value ?? undefined }))}
            style={{ width: 180 }}
            data-testid="dead-letter-filter-source"
            options={sourceKeys.map((source) => ({ value: source, label: sourceLabel(t, source) }))}
          />
          <Input.Search
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => {
              const q = value.trim();
              setFilters((current) => ({ ...current, q: q === '' ? undefined : q }));
            }}
            allowClear
            maxLength={200}
            placeholder={t('deadLetters.searchPlaceholder')}
            style={{ width: 300 }}
            data-testid="dead-letter-search"
          />
        </Flex>
        {error && !data ? (
          <LoadError error={error} onRetry={reload} />
        ) : (
          <>
            <Table<DeadLetter>
              rowKey="id"
              columns={columns}
              dataSource={items}
              loading={loading}
              pagination={false}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={filtered ? t('deadLetters.emptyFiltered') : t('deadLetters.empty')}
                    data-testid="dead-letter-empty"
                  />
                ),
              }}
              scroll={{ x: 'max-content' }}
              data-testid="dead-letter-table"
            />
            {data?.nextCursor ? (
              <Flex justify="center" style={{ marginTop: 16 }}>
                <Button onClick={() => void loadMore()} loading={loadingMore} data-testid="dead-letter-more">
                  {t('deadLetters.loadMore')}
                </Button>
              </Flex>
            ) : null}
          </>
        )}
      </Card>
      <DeadLetterDrawer
        letter={open}
        canManage={canManage}
        busy={open ? busyFor(open) : null}
        onReplay={(l) => void onReplay(l)}
        onDiscard={(l) => void onDiscard(l)}
        onClose={() => setOpenId(null)}
      />
    </div>
  );
}
