import { createAccess, type Access } from '@livecloud/access';
import type { Clock, Config } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';
import type { InstanceToken } from '../instance-token.js';

/**
 * Organisations, people, logins, API keys and the audit log over the records store; the
 * instance admin token's hash opens the instance API.
 */
export function openAccess(base: {
  records: RecordsDb;
  clock: Clock;
  config: Config;
  instanceToken: InstanceToken;
}): Access {
  return createAccess({
    db: base.records.db,
    clock: base.clock,
    sessionTtlMs: base.config.sessionTtlHours * 3600_000,
    instanceTokenHash: base.instanceToken.hash,
  });
}
