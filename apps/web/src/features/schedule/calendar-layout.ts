import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { addDays, fromShanghai } from '../../lib/shanghai-time';

/** A calendar column: a day (week view), or a room or an anchor on one day (day view). */
export interface CalendarColumn {
  key: string;
  date: string;
  roomId?: string;
  anchorId?: string;
}

/** A session's piece inside one column, in minutes after that column's midnight. */
export interface Placement {
  session: LiveSession;
  columnIndex: number;
  startMin: number;
  endMin: number;
  lane: number;
  lanes: number;
  /** The piece that holds the session's start; only it can be dragged. */
  head: boolean;
}

export const hourHeight = 44;
export const snapMinutes = 15;

function belongs(column: CalendarColumn, session: LiveSession): boolean {
  if (column.roomId && session.room.id !== column.roomId) return false;
  if (column.anchorId && !session.anchors.some((a) => a.id === column.anchorId)) return false;
  return true;
}

/**
 * Where each session goes: cut at midnight into the columns of the days it covers, and laid
 * side by side where pieces in one column overlap.
 */
export function layoutSessions(
  columns: readonly CalendarColumn[],
  sessions: readonly LiveSession[],
): Placement[] {
  const out: Placement[] = [];
  columns.forEach((column, columnIndex) => {
    const dayStart = fromShanghai(column.date);
    const dayEnd = fromShanghai(addDays(column.date, 1));
    const pieces = sessions
      .filter((s) => belongs(column, s))
      .map((session) => {
        const start = Date.parse(session.plannedStart);
        const end = Date.parse(session.plannedEnd);
        return { session, start, end, head: start >= dayStart && start < dayEnd };
      })
      .filter((p) => p.start < dayEnd && p.end > dayStart)
      .map((p) => ({
        session: p.session,
        columnIndex,
        startMin: Math.max(0, (p.start - dayStart) / 60_000),
        endMin: Math.min(24 * 60, (p.end - dayStart) / 60_000),
        head: p.head,
        lane: 0,
        lanes: 1,
      }))
      .sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
    assignLanes(pieces);
    out.push(...pieces);
  });
  return out;
}

/** Greedy lanes per cluster of mutually overlapping pieces. */
function assignLanes(pieces: Placement[]): void {
  let cluster: Placement[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
  };
  for (const piece of pieces) {
    if (piece.startMin >= clusterEnd) {
      close();
      clusterEnd = -1;
    }
    const laneEnds = new Map<number, number>();
    for (const other of cluster)
      laneEnds.set(other.lane, Math.max(laneEnds.get(other.lane) ?? 0, other.endMin));
    let lane = 0;
    while ((laneEnds.get(lane) ?? -1) > piece.startMin) lane += 1;
    piece.lane = lane;
    cluster.push(piece);
    clusterEnd = Math.max(clusterEnd, piece.endMin);
  }
  close();
}

/** Pixel offset → minutes, snapped. */
export function snap(minutes: number, step = snapMinutes): number {
  return Math.round(minutes / step) * step;
}
