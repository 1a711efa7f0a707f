import { createAccess, type Access } from '@livecloud/access';
import type { Clock, Config } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';

/** Organisations, people, logins, API keys and the audit log over the records store. */
export function openAccess(base: { records: RecordsDb; clock: Clock; config: Config }): Access {
  return createAccess({
    db: base.records.db,
    clock: base.clock,
    sessionTtlMs: base.config.sessionTtlHours * 3600_000,
  });
}
