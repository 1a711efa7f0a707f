import { join } from 'node:path';
import type { Access } from '@livecloud/access';
import { createCommerce, type Commerce, type MerchantAccounts } from '@livecloud/commerce';
import type { Clock, Config } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';

/**
 * Merchant portal logins as commerce asks for them, made by access (role `merchant`), so
 * password and membership rules stay in one place.
 */
export function merchantAccounts(access: Pick<Access, 'staff' | 'organisations'>): MerchantAccounts {
  return {
    async createLogin(orgId, input, actor) {
      const staff = await access.staff.onboard(orgId, { ...input, role: 'merchant' }, actor);
      return { userId: staff.userId, membershipId: staff.id };
    },
    async organisationName(orgId) {
      return (await access.organisations.get(orgId)).name;
    },
  };
}

/** The commerce context over the records store; uploads go to `<dataDir>/uploads`. */
export function openCommerce(base: {
  records: RecordsDb;
  clock: Clock;
  config: Config;
  access: Access;
}): Commerce {
  return createCommerce({
    db: base.records.db,
    clock: base.clock,
    audit: base.access.audit,
    uploadsDir: join(base.config.dataDir, 'uploads'),
    accounts: merchantAccounts(base.access),
  });
}
