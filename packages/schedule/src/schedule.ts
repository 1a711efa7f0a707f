import type { Clock } from '@livecloud/core';
import type { Database, Kysely } from '@livecloud/db';
import { createLineupRepository } from './lineup.repository.js';
import { createLineupService } from './lineup.service.js';
import type {
  AuditRecorder,
  LowestPriceProvider,
  ProductCatalogue,
  StaffDirectory,
  StockReservations,
} from './ports.js';
import { createRecurrenceRepository } from './recurrence.repository.js';
import { createRecurrenceService } from './recurrence.service.js';
import { createRequirementRepository } from './requirement.repository.js';
import { createRequirementService } from './requirement.service.js';
import { createResourceRepository } from './resource.repository.js';
import { createResourceService } from './resource.service.js';
import { scheduleDb } from './schedule.tables.js';
import { createSessionRepository } from './session.repository.js';
import { createSessionService } from './session.service.js';
import { createSopRunRepository } from './sop-run.repository.js';
import { createSopRunService } from './sop-run.service.js';
import { createSopTemplateRepository } from './sop-template.repository.js';
import { createSopTemplateService } from './sop-template.service.js';

export interface ScheduleDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditRecorder;
  staff: StaffDirectory;
  /** Products, SKUs and stock (the commerce context); without it line-ups skip the approval and stock checks. */
  catalogue?: ProductCatalogue | undefined;
  /** Lowest-price references (selection); without it line-ups skip the lowest-price check. */
  prices?: LowestPriceProvider | undefined;
  /** Warehouse stock held for line-up items (commerce); without it allocations are only checked. */
  reservations?: StockReservations | undefined;
}

/** Scheduling before the live: resources, sessions, recurring schedules, requirements, line-ups and SOP. */
export function createSchedule(deps: ScheduleDeps) {
  const db = scheduleDb(deps.db);
  const { clock, audit } = deps;
  const resourceRepo = createResourceRepository(db);
  const sessionRepo = createSessionRepository(db);
  const requirementRepo = createRequirementRepository(db);
  const lineupRepo = createLineupRepository(db);
  const lineups = createLineupService({
    lineups: lineupRepo,
    requirements: requirementRepo,
    catalogue: deps.catalogue,
    prices: deps.prices,
    reservations: deps.reservations,
    audit,
    clock,
  });
  const sessions = createSessionService({
    sessions: sessionRepo,
    resources: resourceRepo,
    audit,
    clock,
    lineupOf: (orgId, sessionId) => lineups.get(orgId, sessionId),
  });
  const sopTemplates = createSopTemplateService({ templates: createSopTemplateRepository(db), audit, clock });
  return {
    resources: createResourceService({ resources: resourceRepo, staff: deps.staff, audit, clock }),
    sessions,
    recurrences: createRecurrenceService({
      recurrences: createRecurrenceRepository(db),
      sessions: sessionRepo,
      resources: resourceRepo,
      sessionService: sessions,
      audit,
      clock,
    }),
    requirements: createRequirementService({
      requirements: requirementRepo,
      sessions: sessionRepo,
      audit,
      clock,
    }),
    lineups,
    /** A session's line-up items in planned order, without validation (the big screen's plan). */
    plannedItems: async (orgId: string, sessionId: string) =>
      (await lineupRepo.list(orgId, sessionId)).map((row) => ({
        productId: row.product_id,
        skuId: row.sku_id,
        position: row.position,
        explainMinutes: row.explain_minutes,
      })),
    sopTemplates,
    sopRuns: createSopRunService({
      runs: createSopRunRepository(db),
      resources: resourceRepo,
      sessions: sessionRepo,
      staff: deps.staff,
      templates: sopTemplates,
      audit,
      clock,
    }),
  };
}
export type Schedule = ReturnType<typeof createSchedule>;
