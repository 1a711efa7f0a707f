import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { AuditRecorder } from './ports.js';
import type { PoolRequirementRow, RequirementRepository } from './requirement.repository.js';
import type { PoolRequirementDto, PutPoolRequirementsInput } from './requirement.schema.js';
import { assertSessionOpen } from './session-status.js';
import type { SessionRepository } from './session.repository.js';

/**
 * What kind of products a session needs (选品需求). Stored here; selection reads them to score
 * fit and to show how well a shortlist covers them.
 */
export function createRequirementService(deps: {
  requirements: RequirementRepository;
  sessions: SessionRepository;
  audit: AuditRecorder;
  clock: Clock;
}) {
  return {
    async list(orgId: string, sessionId: string): Promise<PoolRequirementDto[]> {
      if (!(await deps.sessions.find(orgId, sessionId))) throw AppError.notFound('session', sessionId);
      return (await deps.requirements.list(orgId, sessionId)).map(toPoolRequirementDto);
    },
    async replace(
      orgId: string,
      sessionId: string,
      input: PutPoolRequirementsInput,
      actor: AuditActor,
    ): Promise<PoolRequirementDto[]> {
      const session = await deps.sessions.find(orgId, sessionId);
      if (!session) throw AppError.notFound('session', sessionId);
      assertSessionOpen(session.id, session.status);
      const now = deps.clock.now();
      await deps.requirements.replace(
        orgId,
        sessionId,
        input.items.map((item, i) => ({
          id: newId('req', now),
          position: i + 1,
          categories: item.categories,
          price_min_fen: item.priceMinFen ?? null,
          price_max_fen: item.priceMaxFen ?? null,
          min_margin_bp: item.minMarginBp ?? null,
          item_count: item.count,
          note: item.note ?? null,
        })),
      );
      await deps.audit.record(orgId, actor, {
        action: 'session.requirements',
        targetType: 'session',
        targetId: sessionId,
        details: { count: input.items.length },
      });
      return (await deps.requirements.list(orgId, sessionId)).map(toPoolRequirementDto);
    },
  };
}
export type RequirementService = ReturnType<typeof createRequirementService>;

export function toPoolRequirementDto(row: PoolRequirementRow): PoolRequirementDto {
  return {
    id: row.id,
    categories: row.categories,
    priceMinFen: row.price_min_fen,
    priceMaxFen: row.price_max_fen,
    minMarginBp: row.min_margin_bp,
    count: row.item_count,
    note: row.note,
  };
}
