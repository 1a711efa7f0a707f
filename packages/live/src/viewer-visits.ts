import { bounceLimitMs, oneMinuteViewMs } from './metric-dictionary.js';

/*
 * Dwell by visit (docs/metrics.md, "Visits and dwell"). A viewer's room.enter and room.leave
 * events, in the order of {@link compareEdges}, make the visits: an entry followed by a leave
 * is one visit closed by that leave; an entry followed by another entry ended by the re-entry
 * at the latest; the viewer's last entry is still open and counts up to the session's end. A
 * visit depends only on the set of its viewer's edges, never on arrival order, so both stores
 * keep each viewer's edges and recount that viewer when one arrives.
 */

/** A room.enter (`leave` false) or room.leave of one viewer; `dwellMs` only as a leave reports it. */
export interface RoomEdge {
  at: number;
  leave: boolean;
  dwellMs: number | null;
}

/** A visit whose end is known: how long it lasted and when it ended. */
export interface ClosedVisit {
  dwellMs: number;
  endedAt: number;
}

/** One viewer's visits: the closed ones, and the entry time of the open one if any. */
export interface ViewerVisits {
  closed: ClosedVisit[];
  openAt: number | null;
}

/**
 * The total order of a viewer's edges: time, entries before leaves at the same instant (a 0 ms
 * visit), leaves without a dwellMs before those with one, then by dwellMs. Edges equal in all of
 * these are interchangeable, so no id is needed (the SQL orders by the same keys).
 */
export function compareEdges(a: RoomEdge, b: RoomEdge): number {
  return a.at - b.at || Number(a.leave) - Number(b.leave) || (a.dwellMs ?? -1) - (b.dwellMs ?? -1);
}

/** Inserts an edge into a list sorted by {@link compareEdges}, keeping it sorted. */
export function insertEdge(edges: RoomEdge[], edge: RoomEdge): void {
  let i = edges.length;
  while (i > 0 && compareEdges(edges[i - 1] as RoomEdge, edge) > 0) i--;
  edges.splice(i, 0, edge);
}

/**
 * The visits of one viewer's edges, sorted by {@link compareEdges}. A leave's dwell is its
 * dwellMs, else the time since the entry just before it; a leave with neither (its entry is not
 * in the session) is an exit of unknown dwell and makes no visit.
 */
export function visitsOf(edges: readonly RoomEdge[]): ViewerVisits {
  const closed: ClosedVisit[] = [];
  let openAt: number | null = null;
  edges.forEach((edge, i) => {
    if (!edge.leave) {
      const next = edges[i + 1];
      if (next === undefined) openAt = edge.at;
      else if (!next.leave) closed.push({ dwellMs: next.at - edge.at, endedAt: next.at });
      return;
    }
    const previous = edges[i - 1];
    const dwellMs =
      edge.dwellMs ?? (previous !== undefined && !previous.leave ? edge.at - previous.at : null);
    if (dwellMs !== null) closed.push({ dwellMs, endedAt: edge.at });
  });
  return { closed, openAt };
}

/** What a set of visits adds to the dwell counters and to the 1-minute views per minute. */
export interface DwellTally {
  /** Visits whose dwell is known. */
  visits: number;
  dwellMs: number;
  bounces: number;
  oneMinuteViews: number;
  /** 1-minute views by epoch minute: a closed visit's end, an open visit's 60th second. */
  oneMinuteByMinute: Map<number, number>;
}

export function emptyDwellTally(): DwellTally {
  return { visits: 0, dwellMs: 0, bounces: 0, oneMinuteViews: 0, oneMinuteByMinute: new Map() };
}

function addVisit(t: DwellTally, dwellMs: number, oneMinuteAt: number, sign: 1 | -1): void {
  t.visits += sign;
  t.dwellMs += sign * dwellMs;
  if (dwellMs >= oneMinuteViewMs) {
    t.oneMinuteViews += sign;
    const minute = Math.floor(oneMinuteAt / 60_000);
    t.oneMinuteByMinute.set(minute, (t.oneMinuteByMinute.get(minute) ?? 0) + sign);
  }
}

/** Adds (sign 1) or takes away (−1) closed visits: the change a viewer's recount makes. */
export function tallyClosed(t: DwellTally, visits: readonly ClosedVisit[], sign: 1 | -1): void {
  for (const v of visits) {
    addVisit(t, v.dwellMs, v.endedAt, sign);
    if (v.dwellMs < bounceLimitMs) t.bounces += sign;
  }
}

/**
 * Adds the open visits, entered at `openAts`, counted up to `endAt`. An open visit has not left,
 * so it is never a bounce; it is a 1-minute view once it has lasted 60 s.
 */
export function tallyOpen(t: DwellTally, openAts: Iterable<number>, endAt: number): void {
  for (const at of openAts) addVisit(t, Math.max(0, endAt - at), at + oneMinuteViewMs, 1);
}
