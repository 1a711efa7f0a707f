import type { ApiKeyTable, Database, Kysely, Selectable } from '@livecloud/db';

export type ApiKeyRow = Selectable<ApiKeyTable>;

export function createApiKeyRepository(db: Kysely<Database>) {
  return {
    async insert(row: {
      id: string;
      org_id: string;
      name: string;
      purpose: 'collector' | 'admin';
      source: string | null;
      prefix: string;
      secret_hash: string;
      created_by: string | null;
      allowed_origins: readonly string[];
    }): Promise<ApiKeyRow> {
      return db
        .insertInto('api_keys')
        .values({ ...row, allowed_origins: JSON.stringify(row.allowed_origins) })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async update(
      orgId: string,
      id: string,
      patch: { name?: string; allowed_origins?: readonly string[] },
    ): Promise<ApiKeyRow | undefined> {
      return db
        .updateTable('api_keys')
        .set({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.allowed_origins === undefined
            ? {}
            : { allowed_origins: JSON.stringify(patch.allowed_origins) }),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async list(orgId: string): Promise<ApiKeyRow[]> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
    async findById(orgId: string, id: string): Promise<ApiKeyRow | undefined> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    /** Looks a key up by its secret's hash: the one query not scoped by organisation, as it finds the organisation. */
    /**
     * The key with this secret and, for a key a person created, that person's membership status
     * in the key's organisation (null when the key was made by the system or another key).
     */
    async findBySecretHash(
      secretHash: string,
    ): Promise<(ApiKeyRow & { owner_status: string | null }) | undefined> {
      return db
        .selectFrom('api_keys as k')
        .leftJoin('memberships as m', (join) =>
          join.onRef('m.org_id', '=', 'k.org_id').onRef('m.user_id', '=', 'k.created_by'),
        )
        .selectAll('k')
        .select('m.status as owner_status')
        .where('k.secret_hash', '=', secretHash)
        .executeTakeFirst();
    },
    async revoke(orgId: string, id: string, at: Date): Promise<ApiKeyRow | undefined> {
      return db
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },
    async markUsed(id: string, at: Date): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}
export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
