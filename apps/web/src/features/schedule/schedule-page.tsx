import type { ClashDto as Clash, SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import {
  CalendarOutlined,
  LeftOutlined,
  PlusOutlined,
  RetweetOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Modal, Segmented, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { resourcesQuery } from '../accounts/accounts.queries';
import type { CalendarColumn } from './calendar-layout';
import { ConflictAlert } from './conflict-alert';
import { RecurringModal } from './recurring-modal';
import { sessionsApi } from './schedule.api';
import { scheduleSessionsQuery, sessionsKey } from './schedule.queries';
import { ScheduleCalendar, type CalendarMove } from './schedule-calendar';
import { clashesOf, schedulingErrorMessage } from '../../lib/scheduling-error';
import { SessionDrawer } from './session-drawer';
import { SessionFormModal, type SessionDraft } from './session-form-modal';
import {
  addDays,
  clockOf,
  fromShanghai,
  isoWeekday,
  mondayOf,
  todayInShanghai,
} from '../../lib/shanghai-time';

type View = 'week' | 'day';
type DayGroup = 'room' | 'anchor';

/** 排期: a week or day calendar of sessions per room and anchor, drag to move, clashes refused. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, session: me } = useSession();
  const canManage = can('commerce:manage');
  const today = todayInShanghai();
  const [view, setView] = useState<View>('week');
  const [date, setDate] = useState(today);
  const [dayGroup, setDayGroup] = useState<DayGroup>('room');
  const [roomFilter, setRoomFilter] = useState<string | undefined>();
  const [anchorFilter, setAnchorFilter] = useState<string | undefined>();
  const [mine, setMine] = useState(me?.role === 'anchor');
  const [form, setForm] = useState<{ draft: SessionDraft } | { session: LiveSession } | null>(null);
  const [recurring, setRecurring] = useState(false);
  const [opened, setOpened] = useState<LiveSession | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [moveClashes, setMoveClashes] = useState<Clash[] | null>(null);

  const first = view === 'week' ? mondayOf(date) : date;
  const days = view === 'week' ? 7 : 1;
  const range = useMemo(
    () => ({
      from: new Date(fromShanghai(first)).toISOString(),
      to: new Date(fromShanghai(addDays(first, days))).toISOString(),
    }),
    [first, days],
  );
  const queryClient = useQueryClient();
  const resources = useQuery(resourcesQuery());
  const sessions = useQuery(scheduleSessionsQuery(range, mine));
  const reloadSessions = () => void queryClient.invalidateQueries({ queryKey: sessionsKey });
  const rooms = useMemo(() => resources.data?.rooms.filter((r) => !r.archived) ?? [], [resources.data]);
  const anchors = useMemo(() => resources.data?.anchors.filter((a) => !a.archived) ?? [], [resources.data]);

  const columns = useMemo((): CalendarColumn[] => {
    if (view === 'week') {
      return Array.from({ length: 7 }, (_, i) => {
        const day = addDays(first, i);
        return {
          key: day,
          date: day,
          ...(roomFilter ? { roomId: roomFilter } : {}),
          ...(anchorFilter ? { anchorId: anchorFilter } : {}),
        };
      });
    }
    return dayGroup === 'room'
      ? rooms.map((r) => ({ key: r.id, date: first, roomId: r.id }))
      : anchors.map((a) => ({ key: a.id, date: first, anchorId: a.id }));
  }, [view, first, dayGroup, rooms, anchors, roomFilter, anchorFilter]);

  const items = sessions.data?.items ?? [];
  const hours = items.reduce(
    (sum, s) => sum + (Date.parse(s.plannedEnd) - Date.parse(s.plannedStart)) / 3600_000,
    0,
  );

  const onMove = async (session: LiveSession, move: CalendarMove) => {
    const shift = move.minutes * 60_000;
    const patch = {
      plannedStart: new Date(Date.parse(session.plannedStart) + shift).toISOString(),
      plannedEnd: new Date(Date.parse(session.plannedEnd) + shift).toISOString(),
      ...(move.column.roomId && move.column.roomId !== session.room.id && view === 'day'
        ? { roomId: move.column.roomId }
        : {}),
    };
    setPendingId(session.id);
    try {
      await sessionsApi.update(session.id, patch);
      void message.success(t('scheduling.schedule.moved', { title: session.title }));
    } catch (cause) {
      const clashes = clashesOf(cause);
      if (clashes) setMoveClashes(clashes);
      else void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setPendingId(null);
      reloadSessions();
    }
  };

  const renderHeader = (column: CalendarColumn) => {
    if (view === 'week') {
      return (
        <div>
          <div className="lc-cal-day-name">{t(`scheduling.weekday.d${isoWeekday(column.date)}`)}</div>
          <div className={`lc-cal-day-date${column.date === today ? ' lc-cal-day-date-today' : ''}`}>
            {column.date.slice(5).replace('-', '/')}
          </div>
        </div>
      );
    }
    const name = column.roomId
      ? rooms.find((r) => r.id === column.roomId)?.name
      : anchors.find((a) => a.id === column.anchorId)?.name;
    return (
      <Typography.Text strong ellipsis>
        {name}
      </Typography.Text>
    );
  };

  const noResources =
    resources.data &&
    (rooms.length === 0 || anchors.length === 0 || resources.data.accounts.every((a) => a.archived));
  const step = (direction: number) => setDate(addDays(date, direction * days));

  return (
    <div data-testid="page-before-schedule">
      <PageHeader
        title={t('scheduling.schedule.title')}
        subtitle={t('scheduling.schedule.subtitle')}
        extra={
          canManage && resources.data ? (
            <>
              <Button
                icon={<RetweetOutlined />}
                onClick={() => setRecurring(true)}
                disabled={Boolean(noResources)}
                data-testid="recurring-open"
              >
                {t('scheduling.recurring.open')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={Boolean(noResources)}
                onClick={() =>
                  setForm({
                    draft: {
                      date: view === 'week' && first <= today && today < addDays(first, 7) ? today : first,
                      start: '20:00',
                      end: '23:00',
                    },
                  })
                }
                data-testid="session-new"
              >
                {t('scheduling.schedule.new')}
              </Button>
            </>
          ) : null
        }
      />
      {noResources ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('scheduling.schedule.noResources')}
          action={<Link to="/matrix/accounts">{t('scheduling.schedule.goAccounts')}</Link>}
        />
      ) : null}
      <Card className="lc-card">
        {resources.error && !resources.data ? (
          <LoadError error={resources.error} onRetry={() => void resources.refetch()} />
        ) : (
          <Flex vertical gap={16}>
            <Flex justify="space-between" align="center" wrap gap={12}>
              <Space wrap>
                <Segmented<View>
                  value={view}
                  onChange={setView}
                  options={[
                    { value: 'week', label: t('scheduling.schedule.week') },
                    { value: 'day', label: t('scheduling.schedule.day') },
                  ]}
                  data-testid="schedule-view"
                />
                <Space.Compact>
                  <Button
                    icon={<LeftOutlined />}
                    onClick={() => step(-1)}
                    aria-label={t('scheduling.schedule.previous')}
                    data-testid="schedule-prev"
                  />
                  <Button onClick={() => setDate(today)}>{t('scheduling.schedule.today')}</Button>
                  <Button
                    icon={<RightOutlined />}
                    onClick={() => step(1)}
                    aria-label={t('scheduling.schedule.next')}
                    data-testid="schedule-next"
                  />
                </Space.Compact>
                <Typography.Text strong data-testid="schedule-range">
                  <CalendarOutlined style={{ marginInlineEnd: 6 }} />
                  {view === 'week'
                    ? `${first} – ${addDays(first, 6)}`
                    : `${first} ${t(`scheduling.weekday.d${isoWeekday(first)}`)}`}
                </Typography.Text>
              </Space>
              <Space wrap>
                {me?.role === 'anchor' ? (
                  <Segmented<string>
                    value={mine ? 'mine' : 'all'}
                    onChange={(value) => setMine(value === 'mine')}
                    options={[
                      { value: 'mine', label: t('scheduling.schedule.mine') },
                      { value: 'all', label: t('common.all') },
                    ]}
                  />
                ) : null}
                {view === 'week' ? (
                  <>
                    <Select
                      allowClear
                      placeholder={t('scheduling.schedule.allRooms')}
                      value={roomFilter}
                      onChange={setRoomFilter}
                      style={{ width: 160 }}
                      options={rooms.map((r) => ({ value: r.id, label: r.name }))}
                    />
                    <Select
                      allowClear
                      placeholder={t('scheduling.schedule.allAnchors')}
                      value={anchorFilter}
                      onChange={setAnchorFilter}
                      style={{ width: 160 }}
                      options={anchors.map((a) => ({ value: a.id, label: a.name }))}
                    />
                  </>
                ) : (
                  <Segmented<DayGroup>
                    value={dayGroup}
                    onChange={setDayGroup}
                    options={[
                      { value: 'room', label: t('scheduling.schedule.byRoom') },
                      { value: 'anchor', label: t('scheduling.schedule.byAnchor') },
                    ]}
                  />
                )}
              </Space>
            </Flex>
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text type="secondary" data-testid="schedule-summary">
                {t('scheduling.schedule.summary', {
                  count: items.length,
                  hours: Math.round(hours * 10) / 10,
                })}
                {canManage ? ` · ${t('scheduling.schedule.dragTip')}` : ''}
              </Typography.Text>
              <Space size={16}>
                {(['planned', 'live', 'ended', 'reviewed'] as const).map((status) => (
                  <span key={status} className="lc-cal-legend">
                    <i className={`lc-cal-legend-${status}`} />
                    {t(`scheduling.status.${status}`)}
                  </span>
                ))}
              </Space>
            </Flex>
            {sessions.error && !sessions.data ? (
              <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
            ) : (
              <ScheduleCalendar
                columns={columns}
                renderHeader={renderHeader}
                sessions={items}
                sideways={view === 'week' ? 'day' : dayGroup === 'room' ? 'room' : 'none'}
                canMove={canManage}
                pendingId={pendingId}
                now={Date.now()}
                onMove={(session, move) => void onMove(session, move)}
                onOpen={setOpened}
                onCreateAt={
                  canManage && !noResources
                    ? (column, minute) =>
                        setForm({
                          draft: {
                            date: column.date,
                            start: clockOf(minute),
                            end: clockOf(Math.min(minute + 180, 23 * 60 + 55)),
                            ...(column.roomId ? { roomId: column.roomId } : {}),
                            ...(column.anchorId ? { anchorIds: [column.anchorId] } : {}),
                          },
                        })
                    : undefined
                }
              />
            )}
          </Flex>
        )}
      </Card>
      {resources.data ? (
        <>
          <SessionFormModal
            target={form}
            resources={resources.data}
            onClose={() => setForm(null)}
            onSaved={() => {
              setForm(null);
              setOpened(null);
              reloadSessions();
            }}
          />
          <RecurringModal
            open={recurring}
            today={today}
            resources={resources.data}
            onClose={() => setRecurring(false)}
            onGenerated={reloadSessions}
          />
        </>
      ) : null}
      <SessionDrawer
        session={opened}
        canManage={canManage}
        onClose={() => setOpened(null)}
        onEdit={(session) => setForm({ session })}
        onChanged={(session) => {
          setOpened(session);
          reloadSessions();
        }}
      />
      <Modal
        open={moveClashes !== null}
        title={t('scheduling.schedule.moveRefused')}
        width={640}
        onCancel={() => setMoveClashes(null)}
        footer={<Button onClick={() => setMoveClashes(null)}>{t('common.close')}</Button>}
        data-testid="move-conflict"
      >
        {moveClashes ? <ConflictAlert clashes={moveClashes} /> : null}
      </Modal>
    </div>
  );
}
