import type { Database, Kysely, LoginSessionTable, Selectable } from '@livecloud/db';

export type LoginSessionRow = Selectable<LoginSessionTable>;

/** Login sessions; a session belongs to one person and is in one organisation at a time. */
export function createLoginSessionRepository(db: Kysely<Database>) {
  return {
    async insert(row: {
      id: string;
      token_hash: string;
      user_id: string;
      org_id: string;
      csrf_token: string;
      last_seen_at: Date;
      expires_at: Date;
    }): Promise<void> {
      await db.insertInto('login_sessions').values(row).execute();
    },
    async findByTokenHash(tokenHash: string): Promise<LoginSessionRow | undefined> {
      return db
        .selectFrom('login_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    async findById(id: string): Promise<LoginSessionRow | undefined> {
      return db.selectFrom('login_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await db
        .updateTable('login_sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    async switchOrg(id: string, orgId: string): Promise<void> {
      await db.updateTable('login_sessions').set({ org_id: orgId }).where('id', '=', id).execute();
    },
    async revoke(id: string, at: Date): Promise<void> {
      await db.updateTable('login_sessions').set({ revoked_at: at }).where('id', '=', id).execute();
    },
    /** Ends every open session of a person in one organisation (off-boarding). */
    async revokeAllOf(orgId: string, userId: string, at: Date): Promise<void> {
      await db
        .updateTable('login_sessions')
        .set({ revoked_at: at })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
export type LoginSessionRepository = ReturnType<typeof createLoginSessionRepository>;
