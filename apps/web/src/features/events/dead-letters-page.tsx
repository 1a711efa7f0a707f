import type { DeadLetterDto as DeadLetter } from '@livecloud/events/schemas';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { LoadError } from '../../components/load-error';
import { useSession } from '../auth/session-context';
import { useDeadLetterColumns } from './dead-letter-columns';
import { DeadLetterFilterBar } from './dead-letter-filters';
import { DeadLetterDrawer } from './dead-letter-drawer';
import { DeadLetterEditModal } from './dead-letter-edit-modal';
import { deadLettersApi, type DeadLetterFilters } from './dead-letters.api';
import { deadLettersQuery } from './events.queries';

interface Busy {
  id: string;
  action: 'replay' | 'discard';
}

/**
 * The dead-letter tab of 事件概览: the events the collector could not accept, newest first — why
 * each was rejected, its original item, and Replay / Discard.
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
  const [editing, setEditing] = useState<DeadLetter | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [replayingMany, setReplayingMany] = useState(false);

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

  const onReplay = async (letter: DeadLetter, payload?: Record<string, unknown>) => {
    setBusy({ id: letter.id, action: 'replay' });
    try {
      const updated = await deadLettersApi.replay(letter.id, payload);
      setEditing(null);
      put(updated);
      const result = updated.replayResult;
      if (result?.outcome === 'rejected') {
        void message.warning(t('events.replayRejected', { reason: result.reason ?? updated.reason }), 6);
      } else if (result?.outcome === 'duplicate') {
        void message.success(t('events.replayDuplicate'));
      } else {
        void message.success(t('events.replayIngested'));
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
      void message.success(t('events.discarded'));
    } catch (cause) {
      void message.error(errorMessage(t, cause));
      reload();
    } finally {
      setBusy(null);
    }
  };

  const onReplaySelected = async () => {
    setReplayingMany(true);
    try {
      const { counts } = await deadLettersApi.replayMany({ ids: selected });
      void message.success(t('events.replayMany', counts), 6);
      const skipped = counts.not_found + counts.not_new;
      if (skipped > 0) void message.info(t('events.replayManySkipped', { count: skipped }), 6);
      setSelected([]);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setReplayingMany(false);
      void queryClient.invalidateQueries({ queryKey: listKey });
    }
  };

  const busyFor = (letter: DeadLetter) => (busy?.id === letter.id ? busy.action : null);

  const columns = useDeadLetterColumns({
    canManage,
    busyFor,
    onOpen: setOpenId,
    onReplay: (letter) => void onReplay(letter),
    onDiscard: (letter) => void onDiscard(letter),
  });

  return (
    <div data-testid="dead-letters">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 880 }}>
          {t('events.subtitle')}
        </Typography.Paragraph>
        <Flex gap={8}>
          {canManage && selected.length > 0 ? (
            <Button
              type="primary"
              loading={replayingMany}
              onClick={() => void onReplaySelected()}
              data-testid="dead-letter-replay-selected"
            >
              {t('events.replaySelected')} · {t('events.selected', { count: selected.length })}
            </Button>
          ) : null}
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="dead-letter-refresh">
            {t('common.refresh')}
          </Button>
        </Flex>
      </Flex>
      <Card className="lc-card">
        <DeadLetterFilterBar
          filters={filters}
          setFilters={setFilters}
          search={search}
          setSearch={setSearch}
        />
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
              rowSelection={
                canManage
                  ? {
                      selectedRowKeys: selected,
                      onChange: (keys) => setSelected(keys.map(String)),
                      getCheckboxProps: (letter) => ({
                        disabled: letter.status !== 'new',
                        'data-testid': `dead-letter-select-${letter.id}`,
                      }),
                    }
                  : undefined
              }
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={filtered ? t('events.emptyFiltered') : t('events.empty')}
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
                  {t('events.loadMore')}
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
        onEdit={setEditing}
        onClose={() => setOpenId(null)}
      />
      <DeadLetterEditModal
        letter={editing}
        busy={editing !== null && busy?.id === editing.id}
        onSubmit={(letter, payload) => void onReplay(letter, payload)}
        onCancel={() => setEditing(null)}
      />
    </div>
  );
}
