import type { ApiKeyTable, Database, Kysely, Selectable } from '@livecloud/db';

export type ApiKeyRow = Selectable<ApiKeyTable>;
/** A key with its owner's name and membership status here (null when it has no owner). */
export type OwnedApiKeyRow = ApiKeyRow & { owner_name: string | null; owner_status: string | null };

export function createApiKeyRepository(db: Kysely<Database>) {
  const owned = (orgId: string) =>
    db
      .selectFrom('api_keys as k')
      .leftJoin('memberships as m', (join) =>
        join.onRef('m.org_id', '=', 'k.org_id').onRef('m.user_id', '=', 'k.owner_id'),
      )
      .leftJoin('users as u', 'u.id', 'k.owner_id')
      .selectAll('k')
      .select(['u.name as owner_name', 'm.status as owner_status'])
      .where('k.org_id', '=', orgId);

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
      kind: 'personal' | 'service';
      owner_id: string | null;
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
      patch: { name?: string; allowed_origins?: readonly string[]; owner_id?: string },
    ): Promise<ApiKeyRow | undefined> {
      return db
        .updateTable('api_keys')
        .set({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.owner_id === undefined ? {} : { owner_id: patch.owner_id }),
          ...(patch.allowed_origins === undefined
            ? {}
            : { allowed_origins: JSON.stringify(patch.allowed_origins) }),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async list(orgId: string): Promise<OwnedApiKeyRow[]> {
      return owned(orgId).orderBy('k.created_at').orderBy('k.id').execute();
    },
    async findById(orgId: string, id: string): Promise<OwnedApiKeyRow | undefined> {
      return owned(orgId).where('k.id', '=', id).executeTakeFirst();
    },
    /** The keys a person answers for here and that still work, oldest first. */
    async activeOwnedBy(orgId: string, userId: string): Promise<OwnedApiKeyRow[]> {
      return owned(orgId)
        .where('k.owner_id', '=', userId)
        .where('k.revoked_at', 'is', null)
        .orderBy('k.created_at')
        .orderBy('k.id')
        .execute();
    },
    /** Revokes every personal key a person owns here (off-boarding); returns the ids. */
    async revokePersonalOf(orgId: string, userId: string, at: Date): Promise<string[]> {
      const rows = await db
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('org_id', '=', orgId)
        .where('owner_id', '=', userId)
        .where('kind', '=', 'personal')
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    /**
     * The key with this secret and its owner's membership status in the key's organisation (null
     * when it has no owner): the one query not scoped by organisation, as it finds the organisation.
     */
    async findBySecretHash(
      secretHash: string,
    ): Promise<(ApiKeyRow & { owner_status: string | null }) | undefined> {
      return db
        .selectFrom('api_keys as k')
        .leftJoin('memberships as m', (join) =>
          join.onRef('m.org_id', '=', 'k.org_id').onRef('m.user_id', '=', 'k.owner_id'),
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
