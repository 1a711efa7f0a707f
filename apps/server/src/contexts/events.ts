import { AppError, type Clock, type Config, type Logger } from '@livecloud/core';
import {
  cacheSessionLookup,
  openCollection,
  type Collection,
  type CollectionOptions,
  type LiveOnAccountLookup,
  type SessionLookup,
} from '@livecloud/events';
import type { Schedule } from '@livecloud/schedule';
import { orUndefined } from './not-found.js';

/** How long the collector reuses what the records said about a session; a few seconds of staleness. */
export const sessionLookupTtlMs = 30_000;
/** Most (organisation, session) answers the collector keeps. */
export const sessionLookupMaxEntries = 10_000;

/**
 * Scheduling's live sessions as the collector's session step asks them, within the caller's
 * organisation: the account a session is broadcast on, or null for an id the organisation has
 * not scheduled. Cached, so that ingest asks the records once per session and TTL, not per batch;
 * while the records are away a batch is refused as unavailable (the client retries).
 */
export function scheduledSessionLookup(
  schedule: Pick<Schedule, 'sessions'>,
  options: { clock: Clock; logger: Logger },
): SessionLookup {
  const lookup: SessionLookup = async (orgId, sessionId) => {
    try {
      const session = await orUndefined(schedule.sessions.get(orgId, sessionId));
      return session ? { accountId: session.account.id } : null;
    } catch (error) {
      options.logger.warn({ err: error, orgId, sessionId }, 'live session lookup failed');
      throw new AppError(
        'unavailable',
        'records_unavailable',
        'Live sessions cannot be looked up now; retry the same batch later',
      );
    }
  };
  return cacheSessionLookup(lookup, {
    ttlMs: sessionLookupTtlMs,
    maxEntries: sessionLookupMaxEntries,
    now: () => options.clock.now(),
  });
}

/** How long "the session live on this account" is reused: a session that just went live attaches within it. */
export const liveOnAccountTtlMs = 5_000;

/**
 * The one scheduled session live now on an account, for events naming a session scheduling does
 * not know (a platform's own live id); null when none or several are live. Cached per account.
 */
export function liveSessionOnAccount(
  schedule: Pick<Schedule, 'sessions'>,
  options: { clock: Clock; logger: Logger },
): LiveOnAccountLookup {
  const cache = new Map<string, { at: number; answer: ReturnType<LiveOnAccountLookup> }>();
  return (orgId, accountId) => {
    const key = `${orgId}\u0000${accountId}`;
    const now = options.clock.now();
    const hit = cache.get(key);
    if (hit && now - hit.at < liveOnAccountTtlMs && now >= hit.at) return hit.answer;
    const answer = (async () => {
      try {
        const live = (await schedule.sessions.liveNow(orgId)).filter((s) => s.account.id === accountId);
        const only = live.length === 1 ? live[0] : undefined;
        return only
          ? {
              sessionId: only.id,
              accountId,
              since: only.actualStart ? Date.parse(only.actualStart) : Date.parse(only.plannedStart),
            }
          : null;
      } catch (error) {
        options.logger.warn({ err: error, orgId, accountId }, 'live session on account lookup failed');
        throw new AppError(
          'unavailable',
          'records_unavailable',
          'Live sessions cannot be looked up now; retry later',
        );
      }
    })();
    cache.set(key, { at: now, answer });
    if (cache.size > sessionLookupMaxEntries) cache.delete(cache.keys().next().value ?? key);
    answer.catch(() => cache.delete(key));
    return answer;
  };
}

/** The collection side's settings from the configuration, for the server and its tests. */
export function collectionOptions(
  config: Config,
  deps: Pick<
    CollectionOptions,
    'eventStore' | 'db' | 'clock' | 'logger' | 'sessionLookup' | 'liveOnAccount' | 'audit' | 'sessionTitles'
  >,
): CollectionOptions {
  return {
    ...deps,
    natsUrl: config.natsUrl,
    natsStream: config.natsStream,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    dedupeTtlMs: config.dedupeTtlHours * 3600_000,
    limits: {
      bodyBytes: config.collectorBodyLimitBytes,
      maxBatchEvents: config.collectorMaxBatchEvents,
      ratePerSecond: config.collectorRateLimitPerSecond,
      rateBurst: config.collectorRateLimitBurst,
    },
  };
}

/** Collection (collector, dead letters, bus) on the configured engines, joined to scheduling's sessions. */
export function openEvents(
  config: Config,
  deps: Pick<CollectionOptions, 'eventStore' | 'db' | 'clock' | 'logger' | 'audit'> & {
    schedule: Pick<Schedule, 'sessions'>;
  },
): Promise<Collection> {
  const { schedule, ...rest } = deps;
  return openCollection(
    collectionOptions(config, {
      ...rest,
      sessionLookup: scheduledSessionLookup(schedule, { clock: deps.clock, logger: deps.logger }),
      liveOnAccount: liveSessionOnAccount(schedule, { clock: deps.clock, logger: deps.logger }),
      sessionTitles: async (orgId, ids) =>
        new Map((await schedule.sessions.getMany(orgId, ids)).map((s) => [s.id, s.title])),
    }),
  );
}
