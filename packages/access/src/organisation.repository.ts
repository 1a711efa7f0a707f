import type { Kysely, Selectable } from '@livecloud/db';
import type { Database, OrganisationTable } from '@livecloud/db';

export type OrganisationRow = Selectable<OrganisationTable>;

export function createOrganisationRepository(db: Kysely<Database>) {
  return {
    async insert(row: { id: string; name: string; slug: string }): Promise<OrganisationRow> {
      return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async findById(id: string): Promise<OrganisationRow | undefined> {
      return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async findBySlug(slug: string): Promise<OrganisationRow | undefined> {
      return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
    },
    async rename(id: string, name: string): Promise<OrganisationRow | undefined> {
      return db
        .updateTable('organisations')
        .set({ name })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async listAll(): Promise<OrganisationRow[]> {
      return db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').execute();
    },
  };
}
export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
