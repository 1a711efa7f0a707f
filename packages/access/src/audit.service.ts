import { newId, type Clock } from '@livecloud/core';
import type { AuditEntryDto, AuditQuery } from './audit.schema.js';
import type { AuditRepository, AuditRow } from './audit.repository.js';

export interface AuditActor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
}

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * What another context needs of the audit log: append one entry. `access.audit` satisfies it;
 * commerce, scheduling and selection take it as a port.
 */
export interface AuditRecorder {
  record(orgId: string, actor: AuditActor, event: AuditEvent): Promise<void>;
}

/** Who did what, when and to what: append-only, per organisation. */
export function createAuditService(deps: { audit: AuditRepository; clock: Clock }) {
  return {
    async record(orgId: string, actor: AuditActor, event: AuditEvent): Promise<void> {
      const at = deps.clock.now();
      await deps.audit.insert({
        id: newId('aud', at),
        org_id: orgId,
        actor_type: actor.type,
        actor_id: actor.id,
        action: event.action,
        target_type: event.targetType,
        target_id: event.targetId ?? null,
        details: JSON.stringify(event.details ?? {}),
        at: new Date(at),
      });
    },
    async list(orgId: string, query: AuditQuery): Promise<AuditEntryDto[]> {
      const rows = await deps.audit.list(orgId, {
        limit: query.limit,
        before: query.before,
        actorId: query.actorId,
        action: query.action,
        targetType: query.targetType,
        targetId: query.targetId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
      return rows.map(toAuditDto);
    },
    /** Whether an entry with this action, target and detail value exists. */
    hasEntry(
      orgId: string,
      entry: { action: string; targetId: string; detail: { key: string; value: string } },
    ): Promise<boolean> {
      return deps.audit.hasEntry(orgId, entry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

function toAuditDto(row: AuditRow): AuditEntryDto {
  const details = row.details;
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
  };
}
