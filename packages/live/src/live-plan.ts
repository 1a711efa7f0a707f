import { eventQueryContext } from '@livecloud/analytics';
import type { Clock, Logger } from '@livecloud/core';
import type { EventStore } from '@livecloud/events';
import { explainTimes } from './explain-times.js';
import type { LivePlan } from './live-plan.schema.js';
import { counterFields, minuteFields } from './live-effects.js';
import type { LiveSnapshot } from './live-snapshot.schema.js';
import { snapshotFromTallies, zeroes } from './live-tallies.js';
import { sessionExplainMarks } from './queries/session-explain-marks.query.js';
import type { PlannedItem, ScheduledSession, ScheduledSessions } from './scheduled-sessions.js';

/** How long a session's line-up and explain times are reused between board reads. */
const planRefreshMs = 5_000;
const maxCached = 200;

/** The snapshot of a scheduled session no event has reached yet: everything zero, unknown dwell. */
export function emptySnapshot(sessionId: string, accountId: string | null): LiveSnapshot {
  return snapshotFromTallies({
    sessionId,
    accountId,
    counters: zeroes(counterFields),
    uv: 0,
    buyers: 0,
    firstAt: null,
    lastAt: null,
    peakOnline: 0,
    openVisits: [],
    minutes: new Map<number, Record<(typeof minuteFields)[number], number>>(),
    sources: new Map(),
    products: new Map(),
    comments: [],
    explaining: null,
  });
}

/**
 * The board's view of the schedule: the session as planned, and its line-up with planned
 * against actual explain time. Cached briefly per session, so a board refreshing every second
 * asks the records and the store once per {@link planRefreshMs}.
 */
export function createPlanReader(deps: {
  scheduled: ScheduledSessions | undefined;
  events: Pick<EventStore, 'query' | 'tables'>;
  clock: Clock;
  logger?: Logger | undefined;
}) {
  const cache = new Map<
    string,
    { at: number; items: Promise<{ lineup: readonly PlannedItem[]; explained: Map<string, number> }> }
  >();

  const sessions = new Map<string, { at: number; session: Promise<ScheduledSession | null> }>();
  const itemsOf = (orgId: string, session: ScheduledSession, until: number) => {
    const key = `${orgId}\u0000${session.id}`;
    const now = deps.clock.now();
    const hit = cache.get(key);
    if (hit && now - hit.at < planRefreshMs && now >= hit.at) return hit.items;
    const items = (async () => {
      const [lineup, marks] = await Promise.all([
        deps.scheduled!.lineupOf(orgId, session.id),
        sessionExplainMarks(eventQueryContext(deps.events, orgId), session.id),
      ]);
      return { lineup, explained: explainTimes(marks, until) };
    })();
    cache.delete(key);
    cache.set(key, { at: now, items });
    if (cache.size > maxCached) cache.delete(cache.keys().next().value ?? key);
    items.catch(() => cache.delete(key));
    return items;
  };

  return {
    /** The scheduled session, or null when scheduling does not know the id. */
    session(orgId: string, sessionId: string): Promise<ScheduledSession | null> {
      const scheduled = deps.scheduled;
      if (!scheduled) return Promise.resolve(null);
      const key = `${orgId}\u0000${sessionId}`;
      const now = deps.clock.now();
      const hit = sessions.get(key);
      if (hit && now - hit.at < planRefreshMs && now >= hit.at) return hit.session;
      const session = scheduled.byIds(orgId, [sessionId]).then((found) => found.get(sessionId) ?? null);
      sessions.delete(key);
      sessions.set(key, { at: now, session });
      if (sessions.size > maxCached) sessions.delete(sessions.keys().next().value ?? key);
      session.catch(() => sessions.delete(key));
      return session;
    },
    /** The plan section of the board for a scheduled session. */
    async planOf(orgId: string, session: ScheduledSession | null, snapshot: LiveSnapshot): Promise<LivePlan> {
      if (session === null || !deps.scheduled) return null;
      const until = session.status === 'live' ? deps.clock.now() : (snapshot.lastEventAt ?? deps.clock.now());
      const { lineup, explained } = await itemsOf(orgId, session, until);
      const now = snapshot.explaining?.productId ?? null;
      return {
        title: session.title,
        status: session.status,
        roomName: session.roomName,
        plannedStart: session.plannedStart,
        plannedEnd: session.plannedEnd,
        actualStart: session.actualStart,
        actualEnd: session.actualEnd,
        lineup: [...lineup]
          .sort((a, b) => a.position - b.position)
          .map((item) => {
            const actual = explained.get(item.productId) ?? 0;
            return {
              position: item.position,
              productId: item.productId,
              skuId: item.skuId,
              plannedExplainMs: item.explainMinutes * 60_000,
              actualExplainMs: actual,
              state: item.productId === now ? 'now' : actual > 0 ? 'done' : 'next',
            };
          }),
      };
    },
  };
}
