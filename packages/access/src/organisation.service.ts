import { randomBytes } from 'node:crypto';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { AuditActor, AuditService } from './audit.service.js';
import type { OrganisationRepository, OrganisationRow } from './organisation.repository.js';
import type { CreateOrganisationInput, OrganisationDto } from './organisation.schema.js';

export function createOrganisationService(deps: {
  organisations: OrganisationRepository;
  audit: AuditService;
  clock: Clock;
}) {
  const { organisations } = deps;
  return {
    /** Creates a tenant. Slugs are unique; one is made up when none is given. */
    async create(
      input: CreateOrganisationInput,
      actor: AuditActor = { type: 'system', id: null },
    ): Promise<OrganisationDto> {
      const slug = input.slug ?? `org-${randomBytes(4).toString('hex')}`;
      if (await organisations.findBySlug(slug)) {
        throw AppError.conflict('slug_taken', `An organisation with slug "${slug}" already exists`);
      }
      const row = await organisations.insert({ id: newId('org', deps.clock.now()), name: input.name, slug });
      await deps.audit.record(row.id, actor, {
        action: 'org.create',
        targetType: 'organisation',
        targetId: row.id,
      });
      return toOrganisationDto(row);
    },
    async get(orgId: string): Promise<OrganisationDto> {
      const row = await organisations.findById(orgId);
      if (!row) throw AppError.notFound('organisation', orgId);
      return toOrganisationDto(row);
    },
    async rename(orgId: string, name: string, actor: AuditActor): Promise<OrganisationDto> {
      const row = await organisations.rename(orgId, name);
      if (!row) throw AppError.notFound('organisation', orgId);
      await deps.audit.record(orgId, actor, {
        action: 'org.rename',
        targetType: 'organisation',
        targetId: orgId,
        details: { name },
      });
      return toOrganisationDto(row);
    },
    async findBySlugOrId(ref: string): Promise<OrganisationDto | undefined> {
      const row = (await organisations.findById(ref)) ?? (await organisations.findBySlug(ref));
      return row ? toOrganisationDto(row) : undefined;
    },
  };
}
export type OrganisationService = ReturnType<typeof createOrganisationService>;

export function toOrganisationDto(row: OrganisationRow): OrganisationDto {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at.toISOString() };
}
