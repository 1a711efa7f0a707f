import type { AuditRecorder } from '@livecloud/access';
import { AppError, type Clock, type Logger } from '@livecloud/core';
import type { Database, Kysely } from '@livecloud/db';
import { Redis } from 'ioredis';
import type { Bus } from './bus.js';
import { createCollector, type Collector, type CollectorLimits } from './collector.service.js';
import { createDeadLetterRepository } from './dead-letter.repository.js';
import { createDeadLetterService, type DeadLetterService } from './dead-letter.service.js';
import { createStoreDeduper, type Deduper } from './deduper.js';
import { findStoredEventIds, forEachStoredEventIdPage } from './event-ids.query.js';
import { coalesceIdLookups } from './group-commit.js';
import type { EventStore } from './event-store.js';
import {
  createEventOverviewService,
  type EventOverviewService,
  type SessionTitles,
} from './event-overview.service.js';
import { createInProcessBus } from './in-process-bus.js';
import { createNatsBus } from './nats-bus.js';
import type { LiveOnAccountLookup } from './pipeline/attach.step.js';
import type { SessionLookup } from './pipeline/session.step.js';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limiter.js';
import { createRedisDeduper } from './redis-deduper.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

export interface CollectionOptions {
  eventStore: EventStore;
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** NATS JetStream for the bus; in-process when unset. */
  natsUrl?: string | undefined;
  natsStream: string;
  /** Redis for de-duplication and rate limits across processes; in memory when unset. */
  redisUrl?: string | undefined;
  redisKeyPrefix: string;
  /** How long Redis remembers a stored id. */
  dedupeTtlMs: number;
  limits: CollectorLimits;
  sessionLookup?: SessionLookup;
  /** The session live on an account, for events naming a session scheduling does not know. */
  liveOnAccount?: LiveOnAccountLookup | undefined;
  /** The audit log for dead-letter replays and discards. */
  audit?: AuditRecorder | undefined;
  /** Session titles for the events overview (scheduling). */
  sessionTitles?: SessionTitles | undefined;
}

/** Everything collection needs at run time, on the engines the configuration chose. */
export interface Collection {
  bus: Bus;
  dedupe: Deduper;
  rateLimiter: RateLimiter;
  collector: Collector;
  deadLetters: DeadLetterService;
  /** Volume over time, the rejected share and the last events received. */
  overview: EventOverviewService;
  /** Closes the bus and the Redis connection (not the stores, which the caller owns). */
  close(): Promise<void>;
}

async function openRedis(url: string, logger: Logger): Promise<Redis> {
  // No offline queue: while Redis is away a command fails at once and the callers fall back
  // (event-store check, fail-open rate limit) instead of piling up behind the reconnect.
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: 'livecloud',
  });
  redis.on('error', (error: unknown) => logger.warn({ err: error }, 'redis connection error'));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new AppError(
      'unavailable',
      'redis_unavailable',
      `Redis at ${new URL(url).host} cannot be reached: ${String(error)}`,
    );
  }
  return redis;
}

/**
 * Opens the collection side: the bus (in-process or NATS JetStream), de-duplication and rate
 * limits (in memory with the event store as durable check, or Redis), the collector and the
 * dead-letter service. On failure everything already opened is closed again.
 */
export async function openCollection(options: CollectionOptions): Promise<Collection> {
  const { eventStore, db, clock, logger, limits } = options;
  // Concurrent batches of one organisation ask the store once (see group-commit.ts).
  const lookup = coalesceIdLookups((orgId, ids) => findStoredEventIds(eventStore, orgId, ids), {
    maxIds: 50_000,
  });
  let redis: Redis | undefined;
  let bus: Bus | undefined;
  try {
    redis = options.redisUrl ? await openRedis(options.redisUrl, logger) : undefined;
    bus = options.natsUrl
      ? await createNatsBus({ url: options.natsUrl, stream: options.natsStream, logger })
      : createInProcessBus({ logger });
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
  const dedupe = redis
    ? createRedisDeduper({
        redis,
        keyPrefix: options.redisKeyPrefix,
        ttlMs: options.dedupeTtlMs,
        lookup,
        clock,
        logger,
      })
    : createStoreDeduper({
        lookup,
        clock,
        logger,
        // chDB's data directory belongs to this process alone; a ClickHouse server may have
        // other writers, whose ids only the server itself knows.
        ...(eventStore.engine === 'chdb'
          ? { soleWriter: { loadIds: (orgId, add) => forEachStoredEventIdPage(eventStore, orgId, add) } }
          : {}),
      });
  const rateLimiter = redis
    ? createRedisRateLimiter({
        redis,
        keyPrefix: options.redisKeyPrefix,
        ratePerSecond: limits.ratePerSecond,
        burst: limits.rateBurst,
        logger,
      })
    : createMemoryRateLimiter({ ratePerSecond: limits.ratePerSecond, burst: limits.rateBurst, clock });
  const deadLetterRepository = createDeadLetterRepository(db);
  const collector = createCollector({
    eventStore,
    deadLetters: deadLetterRepository,
    bus,
    dedupe,
    rateLimiter,
    clock,
    logger,
    limits,
    ...(options.sessionLookup ? { sessionLookup: options.sessionLookup } : {}),
    ...(options.liveOnAccount ? { liveOnAccount: options.liveOnAccount } : {}),
  });
  const deadLetters = createDeadLetterService({
    deadLetters: deadLetterRepository,
    clock,
    replay: (input) => collector.replay(input),
    audit: options.audit,
  });
  const overview = createEventOverviewService({
    eventStore,
    deadLetters: deadLetterRepository,
    clock,
    sessionTitles: options.sessionTitles,
  });
  logger.info({ bus: bus.kind, dedupe: dedupe.kind, rateLimiter: rateLimiter.kind }, 'collection ready');
  const openBus = bus;
  let closing: Promise<void> | undefined;
  return {
    bus: openBus,
    dedupe,
    rateLimiter,
    collector,
    deadLetters,
    overview,
    close() {
      closing ??= (async () => {
        await openBus.close();
        if (redis) await redis.quit().catch(() => redis?.disconnect());
      })();
      return closing;
    },
  };
}
