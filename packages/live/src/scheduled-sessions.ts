import type { RecentLiveSession } from './queries/recent-live-sessions.query.js';

/** Where a session is in its life, as the session list and the board show it. */
export type SessionState = 'upcoming' | 'live' | 'ended';

/** What scheduling knows of a session (排期): the big screen joins it to the events. */
export interface ScheduledSession {
  id: string;
  title: string;
  status: 'planned' | 'live' | 'ended' | 'reviewed';
  accountId: string;
  roomName: string;
  plannedStart: number;
  plannedEnd: number;
  actualStart: number | null;
  actualEnd: number | null;
}

/** One planned line-up item (排品), in the planned order. */
export interface PlannedItem {
  productId: string;
  skuId: string;
  position: number;
  explainMinutes: number;
}

/** Scheduling as the live context asks it; supplied by whoever owns sessions. */
export interface ScheduledSessions {
  /** The sessions with these ids that the organisation scheduled. */
  byIds(orgId: string, ids: readonly string[]): Promise<ReadonlyMap<string, ScheduledSession>>;
  /** Sessions overlapping [from, to) and every session live now. */
  around(orgId: string, from: number, to: number): Promise<readonly ScheduledSession[]>;
  /** A session's line-up in its planned order. */
  lineupOf(orgId: string, sessionId: string): Promise<readonly PlannedItem[]>;
}

/** A session whose last event is this recent counts as live when scheduling does not say. */
export const liveWithinMs = 120_000;

/** One row of the session list: the events' figures joined to the schedule's facts. */
export interface SessionListRow extends Omit<RecentLiveSession, 'firstEventAt' | 'lastEventAt'> {
  firstEventAt: number | null;
  lastEventAt: number | null;
  scheduled: boolean;
  title: string | null;
  roomName: string | null;
  state: SessionState;
  plannedStart: number | null;
  /** Start to end (or to now while live), from the schedule's actual times or else the events. */
  durationMs: number | null;
}

/** The schedule's word for a session's state; `planned` is upcoming even when it is late. */
export function stateOf(status: ScheduledSession['status']): SessionState {
  return status === 'planned' ? 'upcoming' : status === 'live' ? 'live' : 'ended';
}

/**
 * The session list: every session seen in the events and every scheduled one around now,
 * once each. Live first, then upcoming by planned start, then ended by latest activity.
 */
export function mergeSessionList(
  seen: readonly RecentLiveSession[],
  scheduled: ReadonlyMap<string, ScheduledSession>,
  now: number,
): SessionListRow[] {
  const rows = new Map<string, SessionListRow>();
  for (const s of seen) {
    const plan = scheduled.get(s.sessionId);
    const state: SessionState = plan
      ? stateOf(plan.status)
      : now - s.lastEventAt < liveWithinMs
        ? 'live'
        : 'ended';
    const start = plan?.actualStart ?? s.firstEventAt;
    const end = state === 'live' ? Math.max(now, s.lastEventAt) : (plan?.actualEnd ?? s.lastEventAt);
    rows.set(s.sessionId, {
      ...s,
      accountId: s.accountId ?? plan?.accountId ?? null,
      scheduled: plan !== undefined,
      title: plan?.title ?? null,
      roomName: plan?.roomName ?? null,
      state,
      plannedStart: plan?.plannedStart ?? null,
      durationMs: Math.max(0, end - start),
    });
  }
  for (const plan of scheduled.values()) {
    if (rows.has(plan.id)) continue;
    const state = stateOf(plan.status);
    const start = plan.actualStart;
    rows.set(plan.id, {
      sessionId: plan.id,
      accountId: plan.accountId,
      eventCount: 0,
      gmvFen: 0,
      firstEventAt: null,
      lastEventAt: null,
      scheduled: true,
      title: plan.title,
      roomName: plan.roomName,
      state,
      plannedStart: plan.plannedStart,
      durationMs:
        start === null ? null : Math.max(0, (state === 'live' ? now : (plan.actualEnd ?? now)) - start),
    });
  }
  const rank: Record<SessionState, number> = { live: 0, upcoming: 1, ended: 2 };
  return [...rows.values()].sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      (a.state === 'upcoming'
        ? (a.plannedStart ?? 0) - (b.plannedStart ?? 0)
        : (b.lastEventAt ?? b.plannedStart ?? 0) - (a.lastEventAt ?? a.plannedStart ?? 0)) ||
      (a.sessionId < b.sessionId ? -1 : 1),
  );
}
