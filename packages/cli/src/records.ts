import { createAccess, type Access } from '@livecloud/access';
import { systemClock, type Config } from '@livecloud/core';
import { migrateToLatest, openRecordsDb } from '@livecloud/db';
import { lockDataDir, recordsMigrations } from '@livecloud/server';

/**
 * Opens the records store for a one-off admin command, refusing an embedded data directory
 * that a running server holds.
 */
export async function withAccess<T>(config: Config, fn: (access: Access) => Promise<T>): Promise<T> {
  const unlock = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  try {
    const records = await openRecordsDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(records.db, recordsMigrations);
      return await fn(
        createAccess({ db: records.db, clock: systemClock, sessionTtlMs: config.sessionTtlHours * 3600_000 }),
      );
    } finally {
      await records.close();
    }
  } finally {
    unlock();
  }
}
