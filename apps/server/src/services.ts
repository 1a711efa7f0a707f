import { readFileSync } from 'node:fs';
import { createAccess, type Access } from '@livecloud/access';
import { systemClock, type Clock, type Config, type Logger } from '@livecloud/core';
import { migrateToLatest, openRecordsDb, type RecordsDb } from '@livecloud/db';
import { createEventStore, type EventStore } from '@livecloud/events';

/** Everything the HTTP layer composes: stores, clock, logger and the contexts' services. */
export interface AppServices {
  config: Config;
  logger: Logger;
  clock: Clock;
  records: RecordsDb;
  events: EventStore;
  access: Access;
  version: string;
  /** Closes every store; safe to call twice. */
  close(): Promise<void>;
}

export const version: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Opens both stores on the engines the configuration names, migrates them, and wires the
 * contexts. On failure everything already opened is closed again.
 */
export async function openServices(config: Config, logger: Logger, clock: Clock = systemClock): Promise<AppServices> {
  const records = await openRecordsDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let events: EventStore | undefined;
  try {
    const migrated = await migrateToLatest(records.db);
    if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'records store migrated');
    events = await createEventStore({
      clickhouseUrl: config.clickhouseUrl,
      dataDir: config.dataDir,
      database: config.clickhouseDatabase,
      logger,
    });
    await events.migrate();
  } catch (error) {
    await events?.close();
    await records.close();
    throw error;
  }
  const eventStore = events;
  let closed = false;
  return {
    config,
    logger,
    clock,
    records,
    events: eventStore,
    access: createAccess({ db: records.db, clock, sessionTtlMs: config.sessionTtlHours * 3600_000 }),
    version,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([eventStore.close(), records.close()]);
    },
  };
}
