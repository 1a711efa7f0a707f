import { join } from 'node:path';
import { createAccess, type Access } from '@livecloud/access';
import { AppError, systemClock, type Config } from '@livecloud/core';
import { migrateToLatest, openRecordsDb } from '@livecloud/db';
import { dataDirHolder, instanceTokenFileName, lockDataDir, recordsMigrations } from '@livecloud/server';

/**
 * Opens the records store for a one-off admin command, refusing an embedded data directory
 * that a running server holds: the answer then says how to ask that server instead.
 */
export async function withAccess<T>(config: Config, fn: (access: Access) => Promise<T>): Promise<T> {
  const holder = config.databaseUrl ? undefined : dataDirHolder(config.dataDir);
  if (holder !== undefined) {
    throw AppError.conflict(
      'data_dir_in_use',
      `The data directory ${config.dataDir} is in use by a running server (process ${holder}); ` +
        `send the command to it instead: --url http://<host>:<port> --token-file ${join(config.dataDir, instanceTokenFileName)}`,
    );
  }
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
