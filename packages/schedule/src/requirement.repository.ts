import type { Selectable } from '@livecloud/db';
import type { PoolRequirementTable, ScheduleDb } from './schedule.tables.js';

export type PoolRequirementRow = Selectable<PoolRequirementTable>;

/** Product-pool requirements of a session (categories, price bands, margins, counts). */
export function createRequirementRepository(db: ScheduleDb) {
  return {
    async list(orgId: string, sessionId: string): Promise<PoolRequirementRow[]> {
      return db
        .selectFrom('session_pool_requirements')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('session_id', '=', sessionId)
        .orderBy('position')
        .execute();
    },
    /** Replaces the whole set in one transaction. */
    async replace(
      orgId: string,
      sessionId: string,
      rows: {
        id: string;
        position: number;
        categories: string[];
        price_min_fen: number | null;
        price_max_fen: number | null;
        min_margin_bp: number | null;
        item_count: number;
        note: string | null;
      }[],
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('session_pool_requirements')
          .where('org_id', '=', orgId)
          .where('session_id', '=', sessionId)
          .execute();
        if (rows.length === 0) return;
        await trx
          .insertInto('session_pool_requirements')
          .values(
            rows.map((row) => ({
              ...row,
              org_id: orgId,
              session_id: sessionId,
              categories: JSON.stringify(row.categories),
            })),
          )
          .execute();
      });
    },
  };
}
export type RequirementRepository = ReturnType<typeof createRequirementRepository>;
