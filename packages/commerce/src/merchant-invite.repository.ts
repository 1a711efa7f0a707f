import type { Selectable } from '@livecloud/db';
import type { CommerceDb, MerchantInviteTable } from './commerce.tables.js';

export type MerchantInviteRow = Selectable<MerchantInviteTable>;

/** Single-use invitations for merchants to apply; only a hash of each token is stored. */
export function createMerchantInviteRepository(db: CommerceDb) {
  return {
    async list(orgId: string): Promise<MerchantInviteRow[]> {
      return db
        .selectFrom('merchant_invites')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
    },
    async findById(orgId: string, id: string): Promise<MerchantInviteRow | undefined> {
      return db
        .selectFrom('merchant_invites')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async findByTokenHash(tokenHash: string): Promise<MerchantInviteRow | undefined> {
      return db
        .selectFrom('merchant_invites')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    async insert(
      row: Omit<MerchantInviteRow, 'created_at' | 'used_at' | 'merchant_id' | 'revoked_at'>,
    ): Promise<MerchantInviteRow> {
      return db.insertInto('merchant_invites').values(row).returningAll().executeTakeFirstOrThrow();
    },
    /** Marks an open invite used in one statement, so two applications cannot both use it. */
    async consume(tokenHash: string, at: Date): Promise<MerchantInviteRow | undefined> {
      return db
        .updateTable('merchant_invites')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
    },
    /** Gives an invite back when the application it started could not be completed. */
    async release(id: string): Promise<void> {
      await db
        .updateTable('merchant_invites')
        .set({ used_at: null })
        .where('id', '=', id)
        .where('merchant_id', 'is', null)
        .execute();
    },
    async linkMerchant(orgId: string, id: string, merchantId: string): Promise<void> {
      await db
        .updateTable('merchant_invites')
        .set({ merchant_id: merchantId })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async revoke(orgId: string, id: string, at: Date): Promise<void> {
      await db
        .updateTable('merchant_invites')
        .set({ revoked_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
export type MerchantInviteRepository = ReturnType<typeof createMerchantInviteRepository>;
