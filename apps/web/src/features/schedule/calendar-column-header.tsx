import type { AnchorDto as Anchor, RoomDto as Room } from '@livecloud/schedule/schemas';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isoWeekday } from '../../lib/shanghai-time';
import type { CalendarColumn } from './calendar-layout';
import type { View } from './schedule-toolbar';

/** A calendar column's head: the weekday and date in the week view, the room or anchor in the day view. */
export function CalendarColumnHeader({
  column,
  view,
  today,
  rooms,
  anchors,
}: {
  column: CalendarColumn;
  view: View;
  today: string;
  rooms: Room[];
  anchors: Anchor[];
}) {
  const { t } = useTranslation();
  if (view === 'week') {
    return (
      <div>
        <div className="lc-cal-day-name">{t(`schedule.weekday.d${isoWeekday(column.date)}`)}</div>
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
}
