import type { Selectable } from '@livecloud/db';
import type { CategoryTable, CommerceDb } from './commerce.tables.js';

export type CategoryRow = Selectable<CategoryTable>;

/** The category tree of an organisation. */
export function createCategoryRepository(db: CommerceDb) {
  return {
    async list(orgId: string): Promise<CategoryRow[]> {
      return db
        .selectFrom('categories')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('name')
        .orderBy('id')
        .execute();
    },
    async findById(orgId: string, id: string): Promise<CategoryRow | undefined> {
      return db
        .selectFrom('categories')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async findSibling(
      orgId: string,
      parentId: string | null,
      name: string,
    ): Promise<CategoryRow | undefined> {
      let query = db
        .selectFrom('categories')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('name', '=', name);
      query =
        parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
      return query.executeTakeFirst();
    },
    async insert(row: {
      id: string;
      org_id: string;
      parent_id: string | null;
      name: string;
      required_deposit_fen: number;
    }): Promise<void> {
      await db.insertInto('categories').values(row).execute();
    },
    async update(
      orgId: string,
      id: string,
      patch: { name?: string; required_deposit_fen?: number; updated_at: Date },
    ): Promise<void> {
      await db
        .updateTable('categories')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
  };
}
export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
