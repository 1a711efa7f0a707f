import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approvedMerchant,
  openCommerceWorld,
  product,
  staffActor,
  type CommerceWorld,
} from './commerce-fixture.js';

describe.each(recordsEngines)('declared categories bound submissions on %s', (engine) => {
  let w: CommerceWorld;
  let merchantId: string;
  beforeEach(async () => {
    w = await openCommerceWorld(engine);
    merchantId = await approvedMerchant(w, 1, [w.categories.beauty]);
  });
  afterEach(async () => {
    await w.store.dispose();
  });

  it('takes a product of a declared category or of a child of one', async () => {
    for (const categoryId of [w.categories.beauty, w.categories.skincare]) {
      const { productId } = await product(w, merchantId, categoryId, `商品${categoryId}`);
      const created = await w.commerce.submissions.create(
        w.orgId,
        merchantId,
        { productId, target: 'pool' },
        staffActor,
      );
      expect(created.status).toBe('submitted');
    }
  });

  it('refuses staff and portal submissions of a category the merchant did not declare, with 409', async () => {
    const { productId } = await product(w, merchantId, w.categories.food, '牛肉干');
    const refusal = {
      kind: 'conflict',
      code: 'category_not_declared',
      details: { categoryId: w.categories.food, category: '食品' },
    };
    await expect(
      w.commerce.submissions.create(w.orgId, merchantId, { productId, target: 'pool' }, staffActor),
    ).rejects.toMatchObject(refusal);
    await expect(
      w.commerce.submissions.create(w.orgId, merchantId, { productId, target: 'pool' }, staffActor, {
        kind: 'merchant',
        merchantId,
      }),
    ).rejects.toMatchObject(refusal);
    expect((await w.commerce.submissions.list(w.orgId, { limit: 50 })).items).toEqual([]);

    // Declaring the category later lets the same product through.
    await w.commerce.merchants.update(
      w.orgId,
      merchantId,
      { categoryIds: [w.categories.beauty, w.categories.food] },
      staffActor,
    );
    const created = await w.commerce.submissions.create(
      w.orgId,
      merchantId,
      { productId, target: 'pool' },
      staffActor,
    );
    expect(created.status).toBe('submitted');
  });

  it('refuses CSV rows of undeclared categories and takes the declared ones', async () => {
    const csv = [
      '商品名称,品牌,类目,规格,原价,直播价,成本,佣金比例,库存,卖点',
      '护手霜,水漾,美妆/护肤,50ml,49,39,10,20%,100,',
      '牛肉干,草原,食品,100g,39.9,29.9,12,15%,800,',
    ].join('\n');
    const report = await w.commerce.imports.importCsv(
      w.orgId,
      merchantId,
      { target: 'pool', csv },
      staffActor,
    );
    expect(report.rows.map((r) => [r.line, r.status, r.reasons.map((x) => [x.code, x.column])])).toEqual([
      [2, 'taken', []],
      [3, 'rejected', [['category_not_declared', '类目']]],
    ]);
  });
});
