import type { Clock } from '@livecloud/core';
import type { Database, Kysely } from '@livecloud/db';
import { createApiKeyRepository } from './api-key.repository.js';
import { createApiKeyService } from './api-key.service.js';
import { createAuditRepository } from './audit.repository.js';
import { createAuditService } from './audit.service.js';
import { createLoginSessionRepository } from './login-session.repository.js';
import { createLoginService } from './login.service.js';
import { createInstanceService } from './instance-admin.js';
import { createOrganisationRepository } from './organisation.repository.js';
import { createOrganisationService } from './organisation.service.js';
import { createStaffRepository } from './staff.repository.js';
import { createStaffService } from './staff.service.js';

/**
 * Everything about organisations, people and access, wired to one records store.
 * `instanceTokenHash` (SHA-256 hex of the instance admin token) opens the instance API.
 */
export function createAccess(deps: {
  db: Kysely<Database>;
  clock: Clock;
  sessionTtlMs: number;
  instanceTokenHash?: string | null;
}) {
  const organisationRepo = createOrganisationRepository(deps.db);
  const staffRepo = createStaffRepository(deps.db);
  const loginSessions = createLoginSessionRepository(deps.db);
  const audit = createAuditService({ audit: createAuditRepository(deps.db), clock: deps.clock });
  const organisations = createOrganisationService({
    organisations: organisationRepo,
    audit,
    clock: deps.clock,
  });
  const apiKeys = createApiKeyService({
    apiKeys: createApiKeyRepository(deps.db),
    audit,
    clock: deps.clock,
    isActiveMember: async (orgId, userId) => (await staffRepo.findByUser(orgId, userId))?.status === 'active',
  });
  const staff = createStaffService({ staff: staffRepo, loginSessions, apiKeys, audit, clock: deps.clock });
  return {
    audit,
    organisations,
    staff,
    logins: createLoginService({
      staff: staffRepo,
      organisations: organisationRepo,
      loginSessions,
      audit,
      clock: deps.clock,
      sessionTtlMs: deps.sessionTtlMs,
    }),
    apiKeys,
    instance: createInstanceService({
      organisationRepo,
      organisations,
      staff,
      apiKeys,
      tokenHash: deps.instanceTokenHash ?? null,
    }),
  };
}
export type Access = ReturnType<typeof createAccess>;
