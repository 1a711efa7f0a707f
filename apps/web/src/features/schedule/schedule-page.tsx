import type { ClashDto as Clash, SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { PlusOutlined, RetweetOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { resourcesQuery } from '../accounts/accounts.queries';
import { CalendarColumnHeader } from './calendar-column-header';
import type { CalendarColumn } from './calendar-layout';
import { ConflictAlert } from './conflict-alert';
import { RecurringModal } from './recurring-modal';
import { sessionsApi } from './schedule.api';
import { scheduleSessionsQuery, sessionsKey } from './schedule.queries';
import { ScheduleCalendar, type CalendarMove } from './schedule-calendar';
import { ScheduleSummary, ScheduleToolbar, type DayGroup, type View } from './schedule-toolbar';
import { clashesOf, schedulingErrorMessage } from '../../lib/scheduling-error';
import { SessionDrawer } from './session-drawer';
import { SessionFormModal, type SessionDraft } from './session-form-modal';
import { addDays, clockOf, fromShanghai, mondayOf, todayInShanghai } from '../../lib/shanghai-time';

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
      void message.success(t('schedule.schedule.moved', { title: session.title }));
    } catch (cause) {
      const clashes = clashesOf(cause);
      if (clashes) setMoveClashes(clashes);
      else void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setPendingId(null);
      reloadSessions();
    }
  };

  const renderHeader = (column: CalendarColumn) => (
    <CalendarColumnHeader column={column} view={view} today={today} rooms={rooms} anchors={anchors} />
  );

  const noResources =
    resources.data &&
    (rooms.length === 0 || anchors.length === 0 || resources.data.accounts.every((a) => a.archived));
  const step = (direction: number) => setDate(addDays(date, direction * days));

  return (
    <div data-testid="page-before-schedule">
      <PageHeader
        title={t('schedule.schedule.title')}
        subtitle={t('schedule.schedule.subtitle')}
        extra={
          canManage && resources.data ? (
            <>
              <Button
                icon={<RetweetOutlined />}
                onClick={() => setRecurring(true)}
                disabled={Boolean(noResources)}
                data-testid="recurring-open"
              >
                {t('schedule.recurring.open')}
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
                {t('schedule.schedule.new')}
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
          title={t('schedule.schedule.noResources')}
          action={<Link to="/matrix/accounts">{t('schedule.schedule.goAccounts')}</Link>}
        />
      ) : null}
      <Card className="lc-card">
        {resources.error && !resources.data ? (
          <LoadError error={resources.error} onRetry={() => void resources.refetch()} />
        ) : (
          <Flex vertical gap={16}>
            <ScheduleToolbar
              view={view}
              onView={setView}
              first={first}
              step={step}
              onToday={() => setDate(today)}
              isAnchor={me?.role === 'anchor'}
              mine={mine}
              setMine={setMine}
              rooms={rooms}
              anchors={anchors}
              roomFilter={roomFilter}
              setRoomFilter={setRoomFilter}
              anchorFilter={anchorFilter}
              setAnchorFilter={setAnchorFilter}
              dayGroup={dayGroup}
              setDayGroup={setDayGroup}
            />
            <ScheduleSummary count={items.length} hours={hours} canManage={canManage} />
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
        title={t('schedule.schedule.moveRefused')}
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
