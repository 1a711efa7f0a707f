import type { AnchorDto as Anchor, RoomDto as Room } from '@livecloud/schedule/schemas';
import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays, isoWeekday } from '../../lib/shanghai-time';

export type View = 'week' | 'day';
export type DayGroup = 'room' | 'anchor';

export interface ScheduleToolbarProps {
  view: View;
  onView: (view: View) => void;
  /** The first day shown (the Monday of the week, or the day). */
  first: string;
  step: (direction: number) => void;
  onToday: () => void;
  /** Anchors may narrow the calendar to their own sessions. */
  isAnchor: boolean;
  mine: boolean;
  setMine: (mine: boolean) => void;
  rooms: Room[];
  anchors: Anchor[];
  roomFilter: string | undefined;
  setRoomFilter: (roomId: string | undefined) => void;
  anchorFilter: string | undefined;
  setAnchorFilter: (anchorId: string | undefined) => void;
  dayGroup: DayGroup;
  setDayGroup: (group: DayGroup) => void;
}

/** The schedule's controls: week or day, moving through time, and which sessions to show. */
export function ScheduleToolbar({
  view,
  onView,
  first,
  step,
  onToday,
  isAnchor,
  mine,
  setMine,
  rooms,
  anchors,
  roomFilter,
  setRoomFilter,
  anchorFilter,
  setAnchorFilter,
  dayGroup,
  setDayGroup,
}: ScheduleToolbarProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={12}>
      <Space wrap>
        <Segmented<View>
          value={view}
          onChange={onView}
          options={[
            { value: 'week', label: t('schedule.schedule.week') },
            { value: 'day', label: t('schedule.schedule.day') },
          ]}
          data-testid="schedule-view"
        />
        <Space.Compact>
          <Button
            icon={<LeftOutlined />}
            onClick={() => step(-1)}
            aria-label={t('schedule.schedule.previous')}
            data-testid="schedule-prev"
          />
          <Button onClick={onToday}>{t('schedule.schedule.today')}</Button>
          <Button
            icon={<RightOutlined />}
            onClick={() => step(1)}
            aria-label={t('schedule.schedule.next')}
            data-testid="schedule-next"
          />
        </Space.Compact>
        <Typography.Text strong data-testid="schedule-range">
          <CalendarOutlined style={{ marginInlineEnd: 6 }} />
          {view === 'week'
            ? `${first} – ${addDays(first, 6)}`
            : `${first} ${t(`schedule.weekday.d${isoWeekday(first)}`)}`}
        </Typography.Text>
      </Space>
      <Space wrap>
        {isAnchor ? (
          <Segmented<string>
            value={mine ? 'mine' : 'all'}
            onChange={(value) => setMine(value === 'mine')}
            options={[
              { value: 'mine', label: t('schedule.schedule.mine') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        ) : null}
        {view === 'week' ? (
          <>
            <Select
              allowClear
              placeholder={t('schedule.schedule.allRooms')}
              value={roomFilter}
              onChange={setRoomFilter}
              style={{ width: 160 }}
              options={rooms.map((r) => ({ value: r.id, label: r.name }))}
            />
            <Select
              allowClear
              placeholder={t('schedule.schedule.allAnchors')}
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
              { value: 'room', label: t('schedule.schedule.byRoom') },
              { value: 'anchor', label: t('schedule.schedule.byAnchor') },
            ]}
          />
        )}
      </Space>
    </Flex>
  );
}

/** How many sessions and hours the calendar shows, and the colour of each status. */
export function ScheduleSummary({
  count,
  hours,
  canManage,
}: {
  count: number;
  hours: number;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" wrap gap={8}>
      <Typography.Text type="secondary" data-testid="schedule-summary">
        {t('schedule.schedule.summary', {
          count,
          hours: Math.round(hours * 10) / 10,
        })}
        {canManage ? ` · ${t('schedule.schedule.dragTip')}` : ''}
      </Typography.Text>
      <Space size={16}>
        {(['planned', 'live', 'ended', 'reviewed'] as const).map((status) => (
          <span key={status} className="lc-cal-legend">
            <i className={`lc-cal-legend-${status}`} />
            {t(`schedule.status.${status}`)}
          </span>
        ))}
      </Space>
    </Flex>
  );
}
