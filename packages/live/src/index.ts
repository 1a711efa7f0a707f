/**
 * `@livecloud/live` — the real-time big screen of a live session: exact, idempotent,
 * order-independent live state (memory | Redis), the SQL recomputation it must equal,
 * comparisons with the previous window and the room's past sessions, and its HTTP routes.
 *
 * @packageDocumentation
 */
export * from './live-snapshot.schema.js';
export { ratio, ratesOf, funnelOf, funnelCountsOf, compareBytes, dwellMsOf } from './metric-dictionary.js';
export { effectsOf, isLiveEvent, viewerIdOf, viewerKeyOf, type LiveOp } from './live-effects.js';
export { maxSeriesMinutes, snapshotFromTallies, type LiveTallies } from './live-tallies.js';
export type { LiveStateStore, ApplyResult, SessionRef } from './live-state.js';
export { createMemoryLiveState } from './memory-live-state.js';
export { createRedisLiveState, type RedisLiveStateOptions } from './redis-live-state.js';
export { sessionLiveMetrics } from './queries/session-live-metrics.query.js';
export * from './live-comparison.schema.js';
export { windowComparison, pastComparison, pastMetricValues } from './live-comparison.js';
export { createLiveBoard, type LiveBoardService, type LiveBoardOptions } from './live-board.service.js';
export {
  createLiveFeed,
  type LiveFeed,
  type LiveFeedOptions,
  type LiveFrame,
  type LiveFeedSubscriber,
} from './live-feed.js';
export {
  startLiveConsumer,
  liveConsumerName,
  type LiveConsumer,
  type LiveConsumerOptions,
  type LiveEventSource,
} from './live-consumer.js';
export { liveRoutes } from './live.routes.js';
export { openLive, type Live, type LiveOptions } from './live.js';
export { pastSessionsAtElapsed, type PastSessionCounts } from './queries/past-sessions-at-elapsed.query.js';
export { recentLiveSessions, type RecentLiveSession } from './queries/recent-live-sessions.query.js';
export { createCachedNames, type NameLookup, type CachedNames } from './names-by-id.js';
export {
  commentModerationSchema,
  moderationHitSchema,
  createCommentVerdicts,
  type CommentModeration,
  type CommentModerator,
} from './comment-moderation.js';
export {
  mergeSessionList,
  stateOf,
  type PlannedItem,
  type ScheduledSession,
  type ScheduledSessions,
  type SessionListRow,
  type SessionState,
} from './scheduled-sessions.js';
export * from './live-plan.schema.js';
export { emptySnapshot } from './live-plan.js';
export * from './moderation.schema.js';
export { createModerationService, type ModerationService } from './moderation.service.js';
export { moderationRoutes } from './moderation.routes.js';
