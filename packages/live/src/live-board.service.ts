import { eventQueryContext } from '@livecloud/analytics';
import { AppError, type Clock, type Logger } from '@livecloud/core';
import type { EventStore } from '@livecloud/events';
import { createCommentVerdicts, type CommentModerator } from './comment-moderation.js';
import type { LiveBoard, PastComparison } from './live-comparison.schema.js';
import { pastComparison, windowComparison } from './live-comparison.js';
import type { LiveStateStore } from './live-state.js';
import { createCachedNames, type NameLookup } from './names-by-id.js';
import type { LiveSnapshot } from './live-snapshot.schema.js';
import { pastSessionsAtElapsed, type PastSessionCounts } from './queries/past-sessions-at-elapsed.query.js';
import {
  sessionEventCount,
  sessionEventCountReceivedBefore,
  sessionStoredRows,
} from './queries/session-event-count.query.js';
import { sessionEventsPage } from './queries/session-events.query.js';
import { createPlanReader, emptySnapshot } from './live-plan.js';
import type { ScheduledSessions } from './scheduled-sessions.js';

/** Dependencies and tuning of {@link createLiveBoard}. */
export interface LiveBoardOptions {
  state: LiveStateStore;
  events: Pick<EventStore, 'query' | 'tables'>;
  clock: Clock;
  logger?: Logger;
  /** Minutes in each window of the window comparison; default 5. */
  windowMinutes?: number;
  /** Past sessions compared at most; default 30. */
  pastSessions?: number;
  /** How long past-session figures are reused before they are cut again at the new elapsed time; default 15 s. */
  pastRefreshMs?: number;
  /** Events read per page when a session's state is rebuilt from the store; default 5,000. */
  rebuildPageSize?: number;
  /**
   * How often a session on screen is checked against the store, and how long the bus may take
   * to deliver a stored event before the state counts as behind; default 30 s.
   */
  reconcileMs?: number;
  /**
   * On a shared state (Redis), how long a just-stored event may still be on the bus: the first
   * read in a process does not replay the store for events received this recently; default 10 s.
   */
  inFlightMs?: number;
  /** Product titles (the commerce catalogue); without it the board names products by id only. */
  productTitles?: NameLookup | undefined;
  /** Display names of platform accounts (scheduling's accounts); without it the board shows the id. */
  accountNames?: NameLookup | undefined;
  /** Flags comments against the moderation lexicon; without it comments show unchecked. */
  moderateComment?: CommentModerator | undefined;
  /** Scheduling's sessions and line-ups; without it only sessions with events have a board. */
  scheduled?: ScheduledSessions | undefined;
}

/** The big screen's reads. */
export interface LiveBoardService {
  /**
   * The session's board for the caller's organisation: an empty one for a scheduled session no
   * event has reached yet; `live_session_not_found` when neither the events nor the schedule know it.
   */
  get(orgId: string, sessionId: string): Promise<LiveBoard>;
}

interface PastEntry {
  computedAt: number;
  elapsedMs: number;
  rows: Promise<PastSessionCounts[]>;
}

const maxCachedSessions = 1_000;

/**
 * Reads the live state, and makes sure it is whole first: the first time this process shows a
 * session, events the store has but the state lacks (the state was empty after a restart, or
 * the session began before this process subscribed) are replayed into it. Replay is safe at
 * any time because applying is idempotent per event id. A shared state (Redis) that lacks only
 * events received in the last `inFlightMs` is whole but for what the bus is still delivering:
 * a process that starts during a busy session does not replay the whole session for that.
 */
export function createLiveBoard(options: LiveBoardOptions): LiveBoardService {
  const { state, events, clock } = options;
  const windowMinutes = options.windowMinutes ?? 5;
  const pastLimit = options.pastSessions ?? 30;
  const pastRefreshMs = options.pastRefreshMs ?? 15_000;
  const pageSize = options.rebuildPageSize ?? 5_000;
  const reconcileMs = options.reconcileMs ?? 30_000;
  const inFlightMs = options.inFlightMs ?? 10_000;
  const plans = createPlanReader({ scheduled: options.scheduled, events, clock, logger: options.logger });
  const checks = new Map<string, { at: number; stored: number }>();
  const reconciling = new Set<string>();
  const complete = new Set<string>();
  const rebuilding = new Map<string, Promise<void>>();
  const past = new Map<string, PastEntry>();
  const keyOf = (orgId: string, sessionId: string): string => `${orgId}\u0000${sessionId}`;
  const verdictOf = createCommentVerdicts({ moderator: options.moderateComment, logger: options.logger });
  const titles = createCachedNames({
    lookup: options.productTitles,
    now: () => clock.now(),
    logger: options.logger,
    what: 'product titles',
  });
  const accountNames = createCachedNames({
    lookup: options.accountNames,
    now: () => clock.now(),
    logger: options.logger,
    what: 'account names',
  });

  const rebuild = async (orgId: string, sessionId: string): Promise<void> => {
    const ctx = eventQueryContext(events, orgId);
    const stored = await sessionEventCount(ctx, sessionId);
    if (stored === 0) return;
    const applied = await state.eventCount(orgId, sessionId);
    // A memory state has seen nothing before this process; a shared one has, but for the bus.
    const behind =
      applied < stored &&
      (state.engine === 'memory' ||
        applied < (await sessionEventCountReceivedBefore(ctx, sessionId, clock.now() - inFlightMs)));
    if (behind) {
      let after: { occurredAt: number; id: string } | undefined;
      let replayed = 0;
      for (;;) {
        const page = await sessionEventsPage(ctx, {
          sessionId,
          limit: pageSize,
          ...(after ? { after } : {}),
        });
        if (page.length === 0) break;
        await state.apply(page);
        replayed += page.length;
        const last = page.at(-1);
        if (page.length < pageSize || last === undefined) break;
        after = { occurredAt: last.occurredAt, id: last.id };
      }
      options.logger?.info({ orgId, sessionId, replayed }, 'live state rebuilt from the event store');
    }
    complete.add(keyOf(orgId, sessionId));
  };

  const ensureComplete = async (orgId: string, sessionId: string): Promise<void> => {
    const key = keyOf(orgId, sessionId);
    if (complete.has(key)) return;
    let running = rebuilding.get(key);
    if (running === undefined) {
      running = rebuild(orgId, sessionId).finally(() => rebuilding.delete(key));
      rebuilding.set(key, running);
    }
    await running;
  };

  /*
   * The bus is a notification, not the record: a batch it drops (a publish that failed, a
   * delivery that failed for the last time) would leave the screen short until a restart.
   * So a session on screen is checked against the store every `reconcileMs`. Events stored
   * before the previous check have had that long to arrive; if the state has applied fewer
   * than the store's rows then (a cheap count, which retried copies can only inflate), the
   * exact count of events received before that check decides, and a state short of it is
   * rebuilt (idempotently) from the store. A state merely behind by what is in flight is never
   * rebuilt. Runs beside the read, never in its way.
   */
  const reconcile = (orgId: string, sessionId: string): void => {
    const key = keyOf(orgId, sessionId);
    const now = clock.now();
    const last = checks.get(key);
    if ((last && now - last.at < reconcileMs && now >= last.at) || reconciling.has(key)) return;
    reconciling.add(key);
    void (async () => {
      const ctx = eventQueryContext(events, orgId);
      const [stored, applied] = await Promise.all([
        sessionStoredRows(ctx, sessionId),
        state.eventCount(orgId, sessionId),
      ]);
      if (last && applied < last.stored) {
        const due = await sessionEventCountReceivedBefore(ctx, sessionId, last.at);
        if (applied < due) {
          options.logger?.warn(
            { orgId, sessionId, applied, storedBefore: due },
            'live state behind the event store; rebuilding',
          );
          complete.delete(key);
          await ensureComplete(orgId, sessionId);
        }
      }
      if (checks.size >= maxCachedSessions && !checks.has(key)) checks.clear();
      checks.set(key, { at: now, stored });
    })()
      .catch((error: unknown) => {
        options.logger?.warn({ err: error, orgId, sessionId }, 'live state check against the store failed');
      })
      .finally(() => reconciling.delete(key));
  };

  const pastFor = async (orgId: string, snapshot: LiveSnapshot, now: number): Promise<PastComparison> => {
    const { accountId, firstEventAt, lastEventAt } = snapshot;
    const elapsedMs = firstEventAt === null || lastEventAt === null ? 0 : lastEventAt - firstEventAt;
    if (accountId === null || firstEventAt === null)
      return pastComparison(snapshot.totals, [], { elapsedMs, computedAt: now });
    const key = keyOf(orgId, snapshot.sessionId);
    let entry = past.get(key);
    if (entry === undefined || now - entry.computedAt >= pastRefreshMs || now < entry.computedAt) {
      const rows = pastSessionsAtElapsed(eventQueryContext(events, orgId), {
        accountId,
        sessionId: snapshot.sessionId,
        startedBefore: firstEventAt,
        elapsedMs,
        limit: pastLimit,
      });
      entry = { computedAt: now, elapsedMs, rows };
      past.delete(key);
      past.set(key, entry);
      if (past.size > maxCachedSessions) past.delete(past.keys().next().value ?? key);
      // A failed query is not cached: the next read tries again.
      const failed = entry;
      rows.catch(() => {
        if (past.get(key) === failed) past.delete(key);
      });
    }
    return pastComparison(snapshot.totals, await entry.rows, {
      elapsedMs: entry.elapsedMs,
      computedAt: entry.computedAt,
    });
  };

  return {
    async get(orgId, sessionId) {
      await ensureComplete(orgId, sessionId);
      const [stored, scheduled] = await Promise.all([
        state.snapshot(orgId, sessionId),
        plans.session(orgId, sessionId),
      ]);
      if (stored === null && scheduled === null) throw AppError.notFound('live_session', sessionId);
      const snapshot = stored ?? emptySnapshot(sessionId, scheduled?.accountId ?? null);
      if (stored !== null) reconcile(orgId, sessionId);
      const now = clock.now();
      const plan = await plans.planOf(orgId, scheduled, snapshot);
      const productIds = [
        ...new Set([
          ...snapshot.products.map((p) => p.productId),
          ...(snapshot.explaining ? [snapshot.explaining.productId] : []),
          ...(plan?.lineup ?? []).map((item) => item.productId),
        ]),
      ];
      const [past, productTitles, names] = await Promise.all([
        pastFor(orgId, snapshot, now),
        titles.of(orgId, productIds),
        snapshot.accountId === null
          ? Promise.resolve<Record<string, string>>({})
          : accountNames.of(orgId, [snapshot.accountId]),
      ]);
      return {
        ...snapshot,
        asOf: now,
        plan,
        accountName: snapshot.accountId === null ? null : (names[snapshot.accountId] ?? null),
        productTitles,
        comparison: { window: windowComparison(snapshot.series, now, windowMinutes), past },
        comments: snapshot.comments.map((comment) => ({ ...comment, moderation: verdictOf(comment) })),
      };
    },
  };
}
