import type { Selectable } from '@livecloud/db';
import type { CommerceDb, MerchantStatus, MerchantTable } from './commerce.tables.js';

export type MerchantRow = Selectable<MerchantTable>;

export interface MerchantValues {
  company_name: string;
  licence_no: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  category_ids: string;
}

/** Merchants and their portal logins. */
export function createMerchantRepository(db: CommerceDb) {
  return {
    async list(
      orgId: string,
      filter: { status?: MerchantStatus | undefined; q?: string | undefined; limit: number },
    ): Promise<MerchantRow[]> {
      let query = db.selectFrom('merchants').selectAll().where('org_id', '=', orgId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.q) {
        const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([eb('company_name', 'ilike', like), eb('licence_no', 'ilike', like)]),
        );
      }
      return query.orderBy('id', 'desc').limit(filter.limit).execute();
    },
    async findById(orgId: string, id: string): Promise<MerchantRow | undefined> {
      return db
        .selectFrom('merchants')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    /** Reads the merchant and locks its row until the transaction ends (serialises its ledger and status). */
    async lock(orgId: string, id: string): Promise<MerchantRow | undefined> {
      return db
        .selectFrom('merchants')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },
    async findByLicence(orgId: string, licenceNo: string): Promise<MerchantRow | undefined> {
      return db
        .selectFrom('merchants')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('licence_no', '=', licenceNo)
        .executeTakeFirst();
    },
    async insert(
      row: MerchantValues & {
        id: string;
        org_id: string;
        status: MerchantStatus;
        status_changed_at: Date;
        applied_at: Date;
      },
    ): Promise<void> {
      await db.insertInto('merchants').values(row).execute();
    },
    async update(
      orgId: string,
      id: string,
      patch: Partial<MerchantValues> & { updated_at: Date },
    ): Promise<void> {
      await db.updateTable('merchants').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
    },
    async setStatus(
      orgId: string,
      id: string,
      status: MerchantStatus,
      reason: string | null,
      at: Date,
    ): Promise<void> {
      await db
        .updateTable('merchants')
        .set({ status, status_reason: reason, status_changed_at: at, updated_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    /** Only a merchant nothing refers to yet, when its application could not be completed. */
    async deleteUnlinked(orgId: string, id: string): Promise<void> {
      await db.deleteFrom('merchants').where('org_id', '=', orgId).where('id', '=', id).execute();
    },

    async insertUser(row: {
      org_id: string;
      user_id: string;
      membership_id: string;
      merchant_id: string;
    }): Promise<void> {
      await db.insertInto('merchant_users').values(row).execute();
    },
    async merchantIdOfUser(orgId: string, userId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('merchant_users')
        .select('merchant_id')
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.merchant_id;
    },
  };
}
export type MerchantRepository = ReturnType<typeof createMerchantRepository>;
