import type { Selectable } from '@livecloud/db';
import type { CommerceDb, UploadTable } from './commerce.tables.js';

export type UploadRow = Selectable<UploadTable>;

/** Metadata of uploaded files; the bytes live on disk under the uploads directory. */
export function createUploadRepository(db: CommerceDb) {
  return {
    async insert(row: Omit<UploadRow, 'created_at'>): Promise<UploadRow> {
      return db.insertInto('uploads').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async findById(orgId: string, id: string): Promise<UploadRow | undefined> {
      return db
        .selectFrom('uploads')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async findMany(orgId: string, ids: readonly string[]): Promise<UploadRow[]> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('uploads')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', 'in', [...ids])
        .execute();
    },
    /** Makes uploads the merchant's, so its portal can show them. */
    async assignMerchant(orgId: string, ids: readonly string[], merchantId: string): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('uploads')
        .set({ merchant_id: merchantId })
        .where('org_id', '=', orgId)
        .where('id', 'in', [...ids])
        .where('merchant_id', 'is', null)
        .execute();
    },
  };
}
export type UploadRepository = ReturnType<typeof createUploadRepository>;
