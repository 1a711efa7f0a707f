import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { furthestStatus } from '../src/index.js';
import {
  approvedMerchant,
  openCommerceWorld,
  product,
  staffActor,
  type CommerceWorld,
} from './commerce-fixture.js';

describe('furthestStatus', () => {
  it('takes the submission that got furthest, and null for none', () => {
    expect(furthestStatus([])).toBeNull();
    expect(furthestStatus(['rejected', 'approved', 'submitted'])).toBe('approved');
    expect(furthestStatus(['withdrawn', 'qc_failed'])).toBe('qc_failed');
    expect(furthestStatus(['approved', 'warehoused'])).toBe('warehoused');
  });
});

describe.each(recordsEngines)('the catalogue read model on %s', (engine) => {
  let w: CommerceWorld;
  let merchantId: string;

  beforeEach(async () => {
    w = await openCommerceWorld(engine);
    merchantId = await approvedMerchant(w, 1, [w.categories.beauty, w.categories.food]);
    await w.commerce.deposits.record(
      w.orgId,
      merchantId,
      { kind: 'paid', amountFen: 800_000, reason: '保证金' },
      staffActor,
    );
    await w.commerce.qc.createTemplate(
      w.orgId,
      { categoryId: w.categories.beauty, name: '美妆检验', items: [{ label: '外观无破损', required: true }] },
      staffActor,
    );
  });
  afterEach(async () => {
    await w.store.dispose();
  });

  /** Walks a fresh submission of the product to warehoused with `quantity` units received. */
  async function warehouse(productId: string, skuId: string, quantity: number): Promise<void> {
    const { id } = await w.commerce.submissions.create(
      w.orgId,
      merchantId,
      { productId, target: 'pool' },
      staffActor,
    );
    for (const to of ['shortlisted', 'sample_requested', 'sample_received'] as const)
      await w.commerce.submissions.transition(w.orgId, id, { to }, staffActor);
    const template = (await w.commerce.qc.templates(w.orgId))[0];
    await w.commerce.qc.inspect(
      w.orgId,
      id,
      { results: (template?.items ?? []).map((i) => ({ key: i.key, passed: true, photoIds: [] })) },
      staffActor,
    );
    await w.commerce.submissions.transition(w.orgId, id, { to: 'approved' }, staffActor);
    await w.commerce.warehouse.receive(
      w.orgId,
      id,
      { lines: [{ skuId, quantity, location: 'A-01' }] },
      staffActor,
    );
  }

  it('reports category path, furthest status, approval and stock net of allocations', async () => {
    const serum = await product(w, merchantId, w.categories.skincare, '玻尿酸补水精华');
    const snack = await product(w, merchantId, w.categories.food, '每日坚果');
    const idle = await product(w, merchantId, w.categories.beauty, '散粉');
    await warehouse(serum.productId, serum.skuId, 300);
    await w.commerce.warehouse.allocate(
      w.orgId,
      { skuId: serum.skuId, quantity: 120, reference: 'ses_x' },
      staffActor,
    );
    await w.commerce.submissions.create(
      w.orgId,
      merchantId,
      { productId: snack.productId, target: 'pool' },
      staffActor,
    );

    const entries = await w.commerce.catalogue.products(w.orgId, [
      serum.productId,
      snack.productId,
      idle.productId,
      'prd_missing',
    ]);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(entries).toHaveLength(3);
    expect(byId.get(serum.productId)).toMatchObject({
      title: '玻尿酸补水精华',
      categoryName: '护肤',
      categoryPath: [w.categories.skincare, w.categories.beauty],
      status: 'warehoused',
      approved: true,
      skus: [
        { id: serum.skuId, livePriceFen: 19_900, costFen: 8_000, commissionBp: 2000, availableStock: 180 },
      ],
    });
    expect(byId.get(snack.productId)).toMatchObject({ status: 'submitted', approved: false });
    expect(byId.get(idle.productId)).toMatchObject({ status: null, approved: false });
    expect((await w.commerce.catalogue.availableStock(w.orgId, [serum.skuId])).get(serum.skuId)).toBe(180);

    const beautyOnly = await w.commerce.catalogue.list(w.orgId, { categoryId: w.categories.beauty });
    expect(beautyOnly.map((e) => e.id).sort()).toEqual([serum.productId, idle.productId].sort());
    const approvedOnly = await w.commerce.catalogue.list(w.orgId, { approvedOnly: true });
    expect(approvedOnly.map((e) => e.id)).toEqual([serum.productId]);
  });

  it('never shows another organisation’s products', async () => {
    const serum = await product(w, merchantId, w.categories.skincare);
    expect(await w.commerce.catalogue.products(w.otherOrgId, [serum.productId])).toEqual([]);
    expect(await w.commerce.catalogue.list(w.otherOrgId)).toEqual([]);
    expect((await w.commerce.catalogue.availableStock(w.otherOrgId, [serum.skuId])).size).toBe(0);
  });
});
