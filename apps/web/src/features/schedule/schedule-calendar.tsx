import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hourHeight, layoutSessions, snap, type CalendarColumn, type Placement } from './calendar-layout';
import './schedule.css';
import { clockOf, fromShanghai, shanghaiMinutes, shanghaiTime } from '../../lib/shanghai-time';

export interface CalendarMove {
  /** Minutes the start moves by, day changes included. */
  minutes: number;
  /** The column it was dropped in. */
  column: CalendarColumn;
}

export interface ScheduleCalendarProps {
  columns: CalendarColumn[];
  renderHeader: (column: CalendarColumn) => ReactNode;
  sessions: LiveSession[];
  /** What a sideways drag means: another day, another room, or nothing. */
  sideways: 'day' | 'room' | 'none';
  canMove: boolean;
  pendingId: string | null;
  now: number;
  onMove: (session: LiveSession, move: CalendarMove) => void;
  onOpen: (session: LiveSession) => void;
  onCreateAt?: (column: CalendarColumn, minute: number) => void;
}

interface Drag {
  sessionId: string;
  pointerId: number;
  x: number;
  y: number;
  columnWidth: number;
  dx: number;
  dy: number;
}

const dragThreshold = 4;

/** A week or day grid of sessions on a Shanghai-time axis; planned sessions can be dragged to move. */
export function ScheduleCalendar(props: ScheduleCalendarProps) {
  const { columns, sessions, sideways, canMove, onMove, onOpen, onCreateAt, pendingId, now } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const placements = useMemo(() => layoutSessions(columns, sessions), [columns, sessions]);

  // Scroll to the first session once there is one (and to the evening before that).
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !scroller.current) return;
    if (placements.length > 0) scrolled.current = true;
    const earliest = Math.min(...placements.map((p) => p.startMin), 19 * 60);
    scroller.current.scrollTop = Math.max(0, (earliest / 60 - 1) * hourHeight);
  }, [placements]);

  const shift = (d: Drag) => {
    const minutes = snap((d.dy / hourHeight) * 60);
    const cols = sideways === 'none' ? 0 : Math.round(d.dx / d.columnWidth);
    return { minutes, cols };
  };

  const startDrag = (event: PointerEvent<HTMLDivElement>, placement: Placement) => {
    if (event.button !== 0) return;
    const column = event.currentTarget.parentElement?.getBoundingClientRect();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({
      sessionId: placement.session.id,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      columnWidth: column?.width ?? 160,
      dx: 0,
      dy: 0,
    });
  };

  const moveDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || drag.pointerId !== event.pointerId) return;
    setDrag({ ...drag, dx: event.clientX - drag.x, dy: event.clientY - drag.y });
  };

  const endDrag = (event: PointerEvent<HTMLDivElement>, placement: Placement) => {
    if (!drag || drag.pointerId !== event.pointerId) return;
    const moved = Math.abs(drag.dx) > dragThreshold || Math.abs(drag.dy) > dragThreshold;
    setDrag(null);
    if (!moved) {
      onOpen(placement.session);
      return;
    }
    const { minutes, cols } = shift(drag);
    const target = Math.min(columns.length - 1, Math.max(0, placement.columnIndex + cols));
    const dayShift = sideways === 'day' ? (target - placement.columnIndex) * 24 * 60 : 0;
    const column = columns[target];
    if (column && (minutes !== 0 || target !== placement.columnIndex))
      onMove(placement.session, { minutes: minutes + dayShift, column });
  };

  const nowColumn = columns.findIndex(
    (c) => now >= fromShanghai(c.date) && now < fromShanghai(c.date) + 86_400_000,
  );
  const gridTemplate = `56px repeat(${columns.length}, minmax(132px, 1fr))`;

  return (
    <div className="lc-cal" data-testid="calendar">
      <div className="lc-cal-head" style={{ gridTemplateColumns: gridTemplate }}>
        <div className="lc-cal-corner">GMT+8</div>
        {columns.map((column) => (
          <div key={column.key} className="lc-cal-head-cell">
            {props.renderHeader(column)}
          </div>
        ))}
      </div>
      <div className="lc-cal-scroll" ref={scroller}>
        <div className="lc-cal-body" style={{ gridTemplateColumns: gridTemplate, height: 24 * hourHeight }}>
          <div className="lc-cal-gutter">
            {Array.from({ length: 24 }, (_, hour) => (
              <div key={hour} className="lc-cal-hour" style={{ top: hour * hourHeight }}>
                {hour === 0 ? '' : clockOf(hour * 60)}
              </div>
            ))}
          </div>
          {columns.map((column, index) => (
            <div
              key={column.key}
              className={`lc-cal-col${index === nowColumn ? ' lc-cal-col-today' : ''}`}
              data-testid={`calendar-column-${column.key}`}
              onClick={(event) => {
                if (!onCreateAt || event.target !== event.currentTarget) return;
                const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
                onCreateAt(column, Math.min(23 * 60 + 30, Math.floor((y / hourHeight) * 2) * 30));
              }}
            >
              {index === nowColumn ? (
                <div className="lc-cal-now" style={{ top: (shanghaiMinutes(now) / 60) * hourHeight }} />
              ) : null}
              {placements
                .filter((p) => p.columnIndex === index)
                .map((p) => {
                  const dragging = drag?.sessionId === p.session.id && p.head;
                  const offset = dragging ? shift(drag) : { minutes: 0, cols: 0 };
                  const draggable = canMove && p.head && p.session.status === 'planned';
                  const width = 100 / p.lanes;
                  return (
                    <div
                      key={`${p.session.id}-${index}`}
                      role="button"
                      tabIndex={0}
                      className={`lc-cal-block lc-cal-${p.session.status}${dragging ? ' lc-cal-dragging' : ''}${pendingId === p.session.id ? ' lc-cal-pending' : ''}${draggable ? ' lc-cal-draggable' : ''}`}
                      style={{
                        top: ((p.startMin + offset.minutes) / 60) * hourHeight,
                        height: Math.max(22, ((p.endMin - p.startMin) / 60) * hourHeight - 2),
                        left: `calc(${p.lane * width}% + 2px)`,
                        width: `calc(${width}% - 4px)`,
                        transform: dragging
                          ? `translateX(${offset.cols * (drag?.columnWidth ?? 0)}px)`
                          : undefined,
                      }}
                      data-testid={`session-block-${p.session.id}`}
                      onPointerDown={draggable ? (event) => startDrag(event, p) : undefined}
                      onPointerMove={draggable ? moveDrag : undefined}
                      onPointerUp={draggable ? (event) => endDrag(event, p) : undefined}
                      onPointerCancel={() => setDrag(null)}
                      onClick={draggable ? undefined : () => onOpen(p.session)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') onOpen(p.session);
                      }}
                    >
                      <div className="lc-cal-block-time">
                        {dragging
                          ? `${clockOf((((p.startMin + offset.minutes) % 1440) + 1440) % 1440)} · ${t('schedule.schedule.dragHint')}`
                          : `${shanghaiTime(Date.parse(p.session.plannedStart))}–${shanghaiTime(Date.parse(p.session.plannedEnd))}`}
                      </div>
                      <Typography.Text className="lc-cal-block-title" ellipsis>
                        {p.session.title}
                      </Typography.Text>
                      <div className="lc-cal-block-meta">
                        {sideways === 'room'
                          ? p.session.anchors.map((a) => a.name).join('、')
                          : p.session.room.name}
                      </div>
                    </div>
                  );
                })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
