import { sql, type Selectable } from '@livecloud/db';
import type { LineupItemTable, MechanismType, ScheduleDb, SessionStatus } from './schedule.tables.js';

export type LineupItemRow = Selectable<LineupItemTable>;

export interface LineupItemValues {
  product_id: string;
  sku_id: string;
  explain_minutes: number;
  live_price_fen: number;
  mechanism: MechanismType;
  mechanism_params: string;
  stock_allocation: number;
  note: string | null;
}

/** Line-up items (排品) of a session, kept in a gap-free 1…n order. */
function lineupQueries(db: ScheduleDb) {
  return {
    /** Locks the session so that line-up changes to it happen one at a time. */
    async lockSession(
      orgId: string,
      sessionId: string,
    ): Promise<{ id: string; status: SessionStatus; planned_start: Date; planned_end: Date } | undefined> {
      return db
        .selectFrom('live_sessions')
        .select(['id', 'status', 'planned_start', 'planned_end'])
        .where('org_id', '=', orgId)
        .where('id', '=', sessionId)
        .forUpdate()
        .executeTakeFirst();
    },
    async session(orgId: string, sessionId: string) {
      return db
        .selectFrom('live_sessions')
        .select(['id', 'status', 'planned_start', 'planned_end'])
        .where('org_id', '=', orgId)
        .where('id', '=', sessionId)
        .executeTakeFirst();
    },

    async list(orgId: string, sessionId: string): Promise<LineupItemRow[]> {
      return db
        .selectFrom('lineup_items')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('session_id', '=', sessionId)
        .orderBy('position')
        .execute();
    },
    async find(orgId: string, id: string): Promise<LineupItemRow | undefined> {
      return db
        .selectFrom('lineup_items')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Inserts at `position`, moving the items from there on one place down. */
    async insertAt(
      row: LineupItemValues & {
        id: string;
        org_id: string;
        session_id: string;
        created_at: Date;
        updated_at: Date;
      },
      position: number,
    ): Promise<void> {
      await db
        .updateTable('lineup_items')
        .set((eb) => ({ position: eb('position', '+', 1) }))
        .where('org_id', '=', row.org_id)
        .where('session_id', '=', row.session_id)
        .where('position', '>=', position)
        .execute();
      await db
        .insertInto('lineup_items')
        .values({ ...row, position })
        .execute();
    },
    async update(
      orgId: string,
      id: string,
      patch: Partial<LineupItemValues> & { updated_at: Date },
    ): Promise<void> {
      await db
        .updateTable('lineup_items')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    /** Deletes an item and closes the gap it leaves. */
    async delete(orgId: string, item: { id: string; session_id: string; position: number }): Promise<void> {
      await db.deleteFrom('lineup_items').where('org_id', '=', orgId).where('id', '=', item.id).execute();
      await db
        .updateTable('lineup_items')
        .set((eb) => ({ position: eb('position', '-', 1) }))
        .where('org_id', '=', orgId)
        .where('session_id', '=', item.session_id)
        .where('position', '>', item.position)
        .execute();
    },
    /**
     * Gives every item its new place in one statement; the (session, position) uniqueness is
     * checked at the end of the statement, so swapping places never trips over itself.
     */
    async reorder(orgId: string, sessionId: string, itemIds: readonly string[], at: Date): Promise<void> {
      if (itemIds.length === 0) return;
      const cases = sql.join(
        itemIds.map((id, i) => sql`when ${id} then ${i + 1}`),
        sql` `,
      );
      await db
        .updateTable('lineup_items')
        .set({ position: sql<number>`(case id ${cases} end)::integer`, updated_at: at })
        .where('org_id', '=', orgId)
        .where('session_id', '=', sessionId)
        .where('id', 'in', itemIds)
        .execute();
    },
  };
}
export type LineupQueries = ReturnType<typeof lineupQueries>;

export function createLineupRepository(db: ScheduleDb) {
  return {
    ...lineupQueries(db),
    /** Runs `work` in one transaction, with the queries bound to it. */
    async transaction<T>(work: (tx: LineupQueries) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(lineupQueries(trx)));
    },
  };
}
export type LineupRepository = ReturnType<typeof createLineupRepository>;
