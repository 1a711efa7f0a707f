import type { LineupDto as Lineup, LineupItemDto as LineupItem } from '@livecloud/schedule/schemas';
import { LineChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { forecastQuery } from '../forecast/forecast.queries';
import { LineupItemModal } from './lineup-item-modal';
import { LineupList } from './lineup-list';
import { LineupChecksCard, LineupSessionCard } from './lineup-side-cards';
import { lineupsApi } from './lineups.api';
import { lineupQuery, lineupSessionsQuery } from './lineups.queries';
import { RequirementsCard } from './requirements-card';
import { problemText } from './lineup-problem';

/** 排品: the ordered products of a session, validated as it is built. */
export function LineupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const sessions = useQuery(lineupSessionsQuery());
  const upcoming = useMemo(() => {
    const items = sessions.data ?? [];
    return items.find((s) => s.status === 'planned' && Date.parse(s.plannedEnd) > Date.now()) ?? items[0];
  }, [sessions.data]);
  const sessionId = params.get('session') ?? upcoming?.id ?? null;
  const session = sessions.data?.find((s) => s.id === sessionId) ?? null;
  const open = session !== null && (session.status === 'planned' || session.status === 'live');
  const canManage = can('commerce:manage') && open;

  const lineup = useQuery(lineupQuery(sessionId));
  const lineupKey = lineupQuery(sessionId).queryKey;
  // The forecast is learned from the line-up: any change to it makes the forecast stale.
  const forgetForecast = () => {
    if (sessionId) void queryClient.invalidateQueries({ queryKey: forecastQuery(sessionId).queryKey });
  };
  const replaceLineup = (next: Lineup) => {
    queryClient.setQueryData(lineupKey, next);
    forgetForecast();
  };
  const [editing, setEditing] = useState<LineupItem | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (work: () => Promise<Lineup>, done?: string) => {
    setBusy(true);
    try {
      const next = await work();
      replaceLineup(next);
      if (done) void message.success(done);
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
      void queryClient.invalidateQueries({ queryKey: lineupKey });
    } finally {
      setBusy(false);
    }
  };

  const onReorder = (itemIds: string[]) => {
    if (!sessionId || !lineup.data) return;
    const byId = new Map(lineup.data.items.map((i) => [i.id, i]));
    const reordered = itemIds.flatMap((id, index) => {
      const item = byId.get(id);
      return item ? [{ ...item, position: index + 1 }] : [];
    });
    queryClient.setQueryData(lineupKey, (previous) => previous && { ...previous, items: reordered });
    void change(() => lineupsApi.reorder(sessionId, itemIds), t('schedule.lineups.reordered'));
  };

  const data = lineup.data;
  const overall = data?.validation.problems.filter((p) => p.itemId === null) ?? [];

  return (
    <div data-testid="page-before-lineups">
      <PageHeader
        title={t('schedule.lineups.title')}
        subtitle={t('schedule.lineups.subtitle')}
        extra={
          <>
            <Select
              showSearch
              style={{ width: 380 }}
              placeholder={t('schedule.lineups.pickSession')}
              value={sessionId ?? undefined}
              loading={sessions.isFetching}
              optionFilterProp="label"
              onChange={(id: string) => setParams({ session: id })}
              options={(sessions.data ?? []).map((s) => ({
                value: s.id,
                label: `${shanghaiDateTime(s.plannedStart).slice(5)} ${s.title} · ${s.room.name}`,
              }))}
              data-testid="lineup-session"
            />
            {sessionId ? (
              <Link to={`/before/forecast?session=${encodeURIComponent(sessionId)}`}>
                <Button
                  icon={<LineChartOutlined />}
                  title={t('forecast.openForecastHint')}
                  data-testid="lineup-forecast"
                >
                  {t('forecast.openForecast')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      {sessions.error && !sessions.data ? (
        <Card className="lc-card">
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        </Card>
      ) : !sessionId ? (
        <Card className="lc-card">
          <Empty description={t('schedule.lineups.noSessions')}>
            <Link to="/before/schedule">
              <Button type="primary">{t('schedule.lineups.goSchedule')}</Button>
            </Link>
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card
              className="lc-card"
              title={
                <Space>
                  {t('schedule.lineups.listTitle')}
                  {data ? <Tag>{t('schedule.lineups.itemCount', { count: data.items.length })}</Tag> : null}
                </Space>
              }
              extra={
                canManage ? (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setEditing('new')}
                    data-testid="lineup-add"
                  >
                    {t('schedule.lineups.add')}
                  </Button>
                ) : null
              }
            >
              {lineup.error && !data ? (
                <LoadError error={lineup.error} onRetry={() => void lineup.refetch()} />
              ) : !data && lineup.isFetching ? (
                // Not the empty state: a line-up still loading must not read as one with no products.
                <Skeleton active paragraph={{ rows: 4 }} data-testid="lineup-loading" />
              ) : (
                <Flex vertical gap={12}>
                  {overall.map((p, i) => {
                    const text = problemText(t, p);
                    return (
                      <Alert
                        key={`${p.code}-${i}`}
                        type={p.severity === 'error' ? 'error' : 'warning'}
                        showIcon
                        title={text.title}
                        description={text.detail}
                        data-testid="lineup-overall-problem"
                        data-code={p.code}
                      />
                    );
                  })}
                  {canManage && data && data.items.length > 1 ? (
                    <Typography.Text type="secondary">{t('schedule.lineups.dragTip')}</Typography.Text>
                  ) : null}
                  <LineupList
                    items={data?.items ?? []}
                    problems={data?.validation.problems ?? []}
                    canManage={canManage}
                    busy={busy}
                    onReorder={onReorder}
                    onEdit={setEditing}
                    onRemove={(item) =>
                      void change(() => lineupsApi.remove(item.id), t('schedule.lineups.removed'))
                    }
                  />
                </Flex>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              {session ? <LineupSessionCard session={session} lineup={data} open={open} /> : null}
              {data ? <LineupChecksCard lineup={data} /> : null}
              <RequirementsCard sessionId={sessionId} canManage={canManage} />
            </Flex>
          </Col>
        </Row>
      )}
      {sessionId ? (
        <LineupItemModal
          sessionId={sessionId}
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={(next, keepOpen) => {
            replaceLineup(next);
            if (!keepOpen) setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}
