import type { Config } from '@livecloud/core';
import { openCollection, type Collection, type CollectionOptions } from '@livecloud/events';

/** The collection side's settings from the configuration, for the server and its tests. */
export function collectionOptions(
  config: Config,
  deps: Pick<CollectionOptions, 'eventStore' | 'db' | 'clock' | 'logger' | 'sessionLookup'>,
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

/** Collection (collector, dead letters, bus) on the configured engines. */
export function openEvents(
  config: Config,
  deps: Pick<CollectionOptions, 'eventStore' | 'db' | 'clock' | 'logger'>,
): Promise<Collection> {
  return openCollection(collectionOptions(config, deps));
}
