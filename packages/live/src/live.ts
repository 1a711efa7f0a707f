import { eventQueryContext } from '@livecloud/analytics';
import type { Clock, Logger } from '@livecloud/core';
import type { EventStore } from '@livecloud/events';
import type { CommentModerator } from './comment-moderation.js';
import { createLiveBoard, type LiveBoardService } from './live-board.service.js';
import { startLiveConsumer, type LiveConsumer, type LiveEventSource } from './live-consumer.js';
import { createLiveFeed, type LiveFeed } from './live-feed.js';
import type { LiveStateStore } from './live-state.js';
import { createMemoryLiveState } from './memory-live-state.js';
import type { ModerationLexiconDto } from './moderation.schema.js';
import { createModerationService, type ModerationService } from './moderation.service.js';
import { recentLiveSessions } from './queries/recent-live-sessions.query.js';
import { createCachedNames, type NameLookup } from './names-by-id.js';
import { createRedisLiveState } from './redis-live-state.js';
import {
  mergeSessionList,
  type ScheduledSession,
  type ScheduledSessions,
  type SessionListRow,
} from './scheduled-sessions.js';

export interface LiveOptions {
  /** Redis for the live state shared by several processes; unset keeps it in this process. */
  redisUrl?: string | undefined;
  /** Prefix of LiveCloud's Redis keys; the live state adds `live:`. */
  redisKeyPrefix?: string;
  events: Pick<EventStore, 'query' | 'tables'>;
  clock: Clock;
  logger?: Logger;
  /** Stream tick; default 1,000 ms. */
  streamIntervalMs?: number;
  /** How often an open stream checks its caller may still read it; default 5,000 ms. */
  streamRecheckMs?: number;
  /** Product titles for the board (the commerce catalogue); ids only without it. */
  productTitles?: NameLookup | undefined;
  /** Display names of platform accounts (scheduling); the board shows ids without it. */
  accountNames?: NameLookup | undefined;
  /** Moderation of comments (the risk context's lexicon); comments show unchecked without it. */
  moderateComment?: CommentModerator | undefined;
  /** The lexicon `moderateComment` checks against, for the moderation page. */
  lexicon?: (() => ModerationLexiconDto) | undefined;
  /** Scheduling's sessions and line-ups: titles, states and plans on the board and in the list. */
  scheduled?: ScheduledSessions | undefined;
}

/** The live context composed: state, board, stream feed, routes, and the bus consumer once attached. */
export interface Live {
  readonly state: LiveStateStore;
  readonly board: LiveBoardService;
  readonly feed: LiveFeed;
  /** The moderation page: the lexicon and the comments it flagged. */
  readonly moderation: ModerationService;
  /** How often an open stream re-checks its caller's access. */
  readonly streamRecheckMs: number;
  /**
   * The organisation's sessions: those seen in the events and those scheduled around now (a day
   * back, a week ahead), with titles, rooms, states and account names; live first.
   */
  recentSessions(orgId: string, limit: number): Promise<(SessionListRow & { accountName: string | null })[]>;
  /** Starts applying the bus's events to the live state. */
  attach(bus: LiveEventSource): Promise<void>;
  /** Stops the consumer, ends the streams and closes the state. Idempotent. */
  close(): Promise<void>;
}

/** Opens the live context on Redis when `redisUrl` is set, in memory otherwise. */
export function openLive(options: LiveOptions): Live {
  const state = options.redisUrl
    ? createRedisLiveState({
        url: options.redisUrl,
        keyPrefix: `${options.redisKeyPrefix ?? 'livecloud'}:live:`,
        ...(options.logger ? { logger: options.logger } : {}),
      })
    : createMemoryLiveState();
  const board = createLiveBoard({
    state,
    events: options.events,
    clock: options.clock,
    productTitles: options.productTitles,
    accountNames: options.accountNames,
    moderateComment: options.moderateComment,
    scheduled: options.scheduled,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const feed = createLiveFeed({
    board,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.streamIntervalMs ? { intervalMs: options.streamIntervalMs } : {}),
  });
  // The session list names accounts as the board does: cached, ids where scheduling is silent.
  const accountNames = createCachedNames({
    lookup: options.accountNames,
    now: () => options.clock.now(),
    logger: options.logger,
    what: 'account names',
  });
  const recentSessions = async (orgId: string, limit: number) => {
    const now = options.clock.now();
    const seen = await recentLiveSessions(eventQueryContext(options.events, orgId), limit);
    const scheduled = new Map<string, ScheduledSession>();
    if (options.scheduled) {
      const [known, around] = await Promise.all([
        options.scheduled.byIds(
          orgId,
          seen.map((s) => s.sessionId),
        ),
        options.scheduled.around(orgId, now - 24 * 3600_000, now + 7 * 24 * 3600_000),
      ]);
      for (const s of [...known.values(), ...around]) scheduled.set(s.id, s);
    }
    const sessions = mergeSessionList(seen, scheduled, now).slice(0, limit);
    const accountIds = [...new Set(sessions.flatMap((s) => (s.accountId === null ? [] : [s.accountId])))];
    const names = await accountNames.of(orgId, accountIds);
    return sessions.map((s) => ({
      ...s,
      accountName: s.accountId === null ? null : (names[s.accountId] ?? null),
    }));
  };
  const moderation = createModerationService({
    events: options.events,
    moderateComment: options.moderateComment,
    lexicon: options.lexicon,
    scheduled: options.scheduled,
    logger: options.logger,
  });
  const consumers: LiveConsumer[] = [];
  let closing: Promise<void> | undefined;
  return {
    state,
    board,
    feed,
    moderation,
    streamRecheckMs: options.streamRecheckMs ?? 5_000,
    recentSessions,
    async attach(bus) {
      consumers.push(
        await startLiveConsumer({
          bus,
          state,
          onApplied: (sessions) => feed.notify(sessions),
          ...(options.logger ? { logger: options.logger } : {}),
        }),
      );
    },
    close() {
      closing ??= (async () => {
        await Promise.allSettled(consumers.map((c) => c.close()));
        feed.close();
        await state.close();
      })();
      return closing;
    },
  };
}
