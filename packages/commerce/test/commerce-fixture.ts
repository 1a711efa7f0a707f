import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccess, type Access } from '@livecloud/access';
import { createFakeClock, type FakeClock } from '@livecloud/core';
import type { RecordsDb, RecordsEngine } from '@livecloud/db';
import { openTestRecordsDb } from '@livecloud/db/testing';
import { createCommerce, creditCodeCheckChar, type Commerce } from '../src/index.js';

export const system = { type: 'system' as const, id: null };
export const staffActor = { type: 'user' as const, id: 'usr_staff' };

/** A unified social credit code with its check character, different per index. */
export function licence(index: number): string {
  const first17 = `91330106MA2GL5Q${String(index).padStart(2, '0')}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

export interface CommerceWorld {
  store: RecordsDb & { dispose(): Promise<void> };
  clock: FakeClock;
  access: Access;
  commerce: Commerce;
  orgId: string;
  otherOrgId: string;
  /** 美妆 (requires ¥5,000) and its child 护肤 (requires ¥8,000), 食品 (nothing). */
  categories: { beauty: string; skincare: string; food: string };
  uploadsDir: string;
}

/** Commerce wired to a fresh records store of the engine, with access for logins and audit. */
export async function openCommerceWorld(engine: RecordsEngine): Promise<CommerceWorld> {
  const store = await openTestRecordsDb(engine);
  const clock = createFakeClock(Date.UTC(2026, 10, 25, 8));
  const access = createAccess({ db: store.db, clock, sessionTtlMs: 12 * 3600_000 });
  const uploadsDir = mkdtempSync(join(tmpdir(), 'lc-uploads-'));
  const commerce = createCommerce({
    db: store.db,
    clock,
    audit: access.audit,
    uploadsDir,
    accounts: {
      async createLogin(orgId, input, actor) {
        const staff = await access.staff.onboard(orgId, { ...input, role: 'merchant' }, actor);
        return { userId: staff.userId, membershipId: staff.id };
      },
      async organisationName(orgId) {
        return (await access.organisations.get(orgId)).name;
      },
    },
  });
  const orgId = (await access.organisations.create({ name: '星河直播', slug: 'xinghe' })).id;
  const otherOrgId = (await access.organisations.create({ name: '对手直播', slug: 'rival' })).id;
  const beauty = await commerce.categories.create(
    orgId,
    { name: '美妆', requiredDepositFen: 500_000 },
    system,
  );
  const skincare = await commerce.categories.create(
    orgId,
    { name: '护肤', parentId: beauty.id, requiredDepositFen: 800_000 },
    system,
  );
  const food = await commerce.categories.create(orgId, { name: '食品', requiredDepositFen: 0 }, system);
  return {
    store,
    clock,
    access,
    commerce,
    orgId,
    otherOrgId,
    categories: { beauty: beauty.id, skincare: skincare.id, food: food.id },
    uploadsDir,
  };
}

/** An approved merchant of the org selling in the given categories. */
export async function approvedMerchant(
  w: CommerceWorld,
  index: number,
  categoryIds: string[],
  orgId = w.orgId,
): Promise<string> {
  const merchant = await w.commerce.merchants.create(
    orgId,
    {
      companyName: `杭州优选${index}号商贸有限公司`,
      licenceNo: licence(index),
      contact: { name: '张经理', phone: '13800138000' },
      categoryIds,
    },
    staffActor,
  );
  await w.commerce.merchants.transition(orgId, merchant.id, { to: 'approved' }, staffActor);
  return merchant.id;
}

export const sku = {
  spec: '50ml',
  listPriceFen: 29_900,
  livePriceFen: 19_900,
  costFen: 8_000,
  commissionBp: 2000,
  stock: 500,
};

/** A product with one SKU of the merchant in the category; returns product and sku ids. */
export async function product(
  w: CommerceWorld,
  merchantId: string,
  categoryId: string,
  title = '玻尿酸补水精华',
): Promise<{ productId: string; skuId: string }> {
  const created = await w.commerce.products.create(
    w.orgId,
    merchantId,
    { categoryId, title, brand: '水漾', claims: '24小时补水', imageIds: [], skus: [sku] },
    staffActor,
  );
  return { productId: created.id, skuId: created.skus[0]?.id ?? '' };
}
