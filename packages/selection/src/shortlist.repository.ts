import type { Insertable, Selectable } from '@livecloud/db';
import type { SelectionDb, SessionShortlistTable } from './selection.tables.js';

export type ShortlistRow = Selectable<SessionShortlistTable>;

/** The SKUs picked for a session (选品清单), in the order they were added. */
export function createShortlistRepository(db: SelectionDb) {
  return {
    async list(orgId: string, sessionId: string): Promise<ShortlistRow[]> {
      return db
        .selectFrom('session_shortlists')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('session_id', '=', sessionId)
        .orderBy('added_at')
        .orderBy('sku_id')
        .execute();
    },
    /** Throws the store's unique violation when the SKU is on the session's list already. */
    async insert(row: Insertable<SessionShortlistTable>): Promise<ShortlistRow> {
      return db.insertInto('session_shortlists').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async delete(orgId: string, sessionId: string, skuId: string): Promise<ShortlistRow | undefined> {
      return db
        .deleteFrom('session_shortlists')
        .where('org_id', '=', orgId)
        .where('session_id', '=', sessionId)
        .where('sku_id', '=', skuId)
        .returningAll()
        .executeTakeFirst();
    },
  };
}
export type ShortlistRepository = ReturnType<typeof createShortlistRepository>;
