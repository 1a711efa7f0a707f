import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@livecloud/core';
import type { ApiKeyService } from './api-key.service.js';
import type { CreateApiKeyInput, CreatedApiKeyDto } from './api-key.schema.js';
import type { AuditActor } from './audit.service.js';
import type { OrganisationRepository } from './organisation.repository.js';
import type { CreateOrganisationInput, OrganisationDto } from './organisation.schema.js';
import { toOrganisationDto, type OrganisationService } from './organisation.service.js';
import { randomSecret, sha256 } from './secrets.js';
import type { StaffService } from './staff.service.js';
import type { OnboardStaffInput, StaffDto } from './staff.schema.js';

/** Every instance admin token starts so, which is how a request's bearer token is told apart. */
export const instanceTokenPrefix = 'lc_inst_';

/** The audit actor of everything done with the instance admin token. */
export const instanceAdminActor: AuditActor = { type: 'system', id: 'instance_admin' };

/** A new instance admin token: 256 random bits. */
export function newInstanceToken(): string {
  return `${instanceTokenPrefix}${randomSecret()}`;
}

/**
 * The operations of the instance (organisations, their first people and keys), above any one
 * organisation. The CLI on a data directory and the `/api/v1/instance` routes both call these,
 * so the two paths validate and fail alike. `tokenHash` is the SHA-256 of the instance admin
 * token; without it no token opens the instance API.
 */
export function createInstanceService(deps: {
  organisationRepo: OrganisationRepository;
  organisations: OrganisationService;
  staff: StaffService;
  apiKeys: ApiKeyService;
  tokenHash: string | null;
}) {
  const expected = deps.tokenHash === null ? null : Buffer.from(deps.tokenHash, 'hex');

  async function orgOf(ref: string): Promise<OrganisationDto> {
    const org = await deps.organisations.findBySlugOrId(ref);
    if (!org) throw AppError.notFound('organisation', ref);
    return org;
  }

  return {
    /** Whether a token is the instance admin token (constant time over the hashes). */
    authenticate(token: string): boolean {
      if (expected === null || !token.startsWith(instanceTokenPrefix)) return false;
      const given = Buffer.from(sha256(token), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    async listOrganisations(): Promise<OrganisationDto[]> {
      return (await deps.organisationRepo.listAll()).map(toOrganisationDto);
    },
    createOrganisation(input: CreateOrganisationInput, actor: AuditActor): Promise<OrganisationDto> {
      return deps.organisations.create(input, actor);
    },
    /** On-boards a person into the organisation named by id or slug. */
    async onboard(orgRef: string, input: OnboardStaffInput, actor: AuditActor): Promise<StaffDto> {
      return deps.staff.onboard((await orgOf(orgRef)).id, input, actor);
    },
    /** Creates an API key in the organisation named by id or slug; the secret is in the answer once. */
    async createKey(orgRef: string, input: CreateApiKeyInput, actor: AuditActor): Promise<CreatedApiKeyDto> {
      return deps.apiKeys.create((await orgOf(orgRef)).id, input, actor);
    },
  };
}
export type InstanceService = ReturnType<typeof createInstanceService>;
