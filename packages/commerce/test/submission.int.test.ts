import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionStatus } from '../src/index.js';
import { actionTargets } from '../src/submission.schema.js';
import {
  approvedMerchant,
  openCommerceWorld,
  product,
  staffActor,
  type CommerceWorld,
} from './commerce-fixture.js';

describe.each(recordsEngines)('submissions, QC and warehousing on %s', (engine) => {
  let w: CommerceWorld;
  let merchantId: string;
  let templateKeys: string[];

  beforeEach(async () => {
    w = await openCommerceWorld(engine);
    merchantId = await approvedMerchant(w, 1, [w.categories.beauty, w.categories.food]);
    const template = await w.commerce.qc.createTemplate(
      w.orgId,
      {
        categoryId: w.categories.beauty,
        name: '美妆通用检验',
        items: [
          { label: '外观无破损', required: true },
          { label: '成分表与报备一致', required: true },
          { label: '外箱印刷', required: false },
        ],
      },
      staffActor,
    );
    templateKeys = template.items.map((i) => i.key);
  });
  afterEach(async () => {
    await w.store.dispose();
  });

  const submit = async (categoryId = w.categories.skincare, title = '玻尿酸补水精华') => {
    const { productId, skuId } = await product(w, merchantId, categoryId, title);
    const created = await w.commerce.submissions.create(
      w.orgId,
      merchantId,
      { productId, target: 'session', sessionRef: 'ses_demo_1111' },
      staffActor,
    );
    return { id: created.id, productId, skuId };
  };
  const move = (id: string, to: (typeof actionTargets)[number], reason?: string) =>
    w.commerce.submissions.transition(w.orgId, id, { to, ...(reason ? { reason } : {}) }, staffActor);
  const inspect = (id: string, failKey?: string) =>
    w.commerce.qc.inspect(
      w.orgId,
      id,
      {
        results: templateKeys.map((key) =>
          key === failKey
            ? { key, passed: false, reason: '瓶盖破损', photoIds: [] }
            : { key, passed: true, photoIds: [] },
        ),
      },
      staffActor,
    );
  const pay = (amountFen: number) =>
    w.commerce.deposits.record(
      w.orgId,
      merchantId,
      { kind: 'paid', amountFen, reason: '保证金' },
      staffActor,
    );

  it('walks submitted → shortlisted → sample → QC passed → approved → warehoused with a full history', async () => {
    const { id, skuId } = await submit();
    await move(id, 'shortlisted');
    await move(id, 'sample_requested');
    await move(id, 'sample_received', '顺丰 SF1234567890');
    const inspection = await inspect(id, templateKeys[2]);
    expect(inspection).toMatchObject({
      passed: true,
      results: [{ passed: true }, { passed: true }, { passed: false, reason: '瓶盖破损', required: false }],
    });
    await pay(800_000);
    const approved = await move(id, 'approved');
    expect(approved).toMatchObject({
      status: 'approved',
      deposit: { requiredFen: 800_000, balanceFen: 800_000, sufficient: true },
      allowedTransitions: ['rejected'],
    });
    expect(await w.commerce.warehouse.availableStock(w.orgId, skuId)).toBe(0);
    const receipts = await w.commerce.warehouse.receive(
      w.orgId,
      id,
      { lines: [{ skuId, quantity: 300, location: 'A-03-2' }] },
      staffActor,
    );
    expect(receipts).toMatchObject([{ skuId, quantity: 300, location: 'A-03-2', spec: '50ml' }]);
    await w.commerce.warehouse.receive(
      w.orgId,
      id,
      { lines: [{ skuId, quantity: 200, location: 'B-01-1' }], note: '补货' },
      staffActor,
    );
    const detail = await w.commerce.submissions.get(w.orgId, id);
    expect(detail.status).toBe('warehoused');
    expect(detail.history.map((h) => h.to)).toEqual([
      'submitted',
      'shortlisted',
      'sample_requested',
      'sample_received',
      'qc_passed',
      'approved',
      'warehoused',
    ]);
    expect(detail.history[3]).toMatchObject({
      from: 'sample_requested',
      reason: '顺丰 SF1234567890',
      actor: staffActor,
    });
    expect(detail.inspections).toHaveLength(1);
    expect(detail.receipts.map((r) => r.quantity).sort()).toEqual([200, 300]);
    const [stock] = await w.commerce.warehouse.stock(w.orgId);
    expect(stock).toMatchObject({
      skuId,
      receivedQty: 500,
      allocatedQty: 0,
      availableQty: 500,
      locations: ['A-03-2', 'B-01-1'],
    });
    const list = await w.commerce.submissions.list(w.orgId, { limit: 10 });
    expect(list.counts).toEqual({ warehoused: 1 });
  });

  it('refuses every illegal action from every status with 409 illegal_transition', async () => {
    const reach: Record<SubmissionStatus, (id: string) => Promise<void>> = {
      submitted: async () => {},
      shortlisted: async (id) => void (await move(id, 'shortlisted')),
      sample_requested: async (id) => (
        await reach.shortlisted(id),
        void (await move(id, 'sample_requested'))
      ),
      sample_received: async (id) => (
        await reach.sample_requested(id),
        void (await move(id, 'sample_received'))
      ),
      qc_passed: async (id) => (await reach.sample_received(id), void (await inspect(id))),
      qc_failed: async (id) => (await reach.sample_received(id), void (await inspect(id, templateKeys[0]))),
      approved: async (id) => (await reach.qc_passed(id), void (await move(id, 'approved'))),
      warehoused: async (id) => {
        await reach.approved(id);
        const detail = await w.commerce.submissions.get(w.orgId, id);
        await w.commerce.warehouse.receive(
          w.orgId,
          id,
          { lines: [{ skuId: detail.product.skus[0]?.id ?? '', quantity: 1, location: 'A' }] },
          staffActor,
        );
      },
      rejected: async (id) => void (await move(id, 'rejected', '价格无优势')),
      withdrawn: async (id) => void (await move(id, 'withdrawn')),
    };
    await pay(800_000);
    let n = 0;
    for (const status of Object.keys(reach) as SubmissionStatus[]) {
      const { id } = await submit(w.categories.skincare, `商品${(n += 1)}`);
      await reach[status](id);
      const current = await w.commerce.submissions.get(w.orgId, id);
      expect(current.status).toBe(status);
      for (const to of actionTargets.filter((t) => !current.allowedTransitions.includes(t))) {
        await expect(move(id, to, '理由'), `${status} → ${to}`).rejects.toMatchObject({
          status: 409,
          code: 'illegal_transition',
          details: { from: status, to },
        });
      }
    }
  });

  it('blocks approval without enough deposit for the category, then approves once paid', async () => {
    const { id } = await submit();
    await move(id, 'shortlisted');
    await move(id, 'sample_requested');
    await move(id, 'sample_received');
    await inspect(id);
    await pay(500_000);
    await expect(move(id, 'approved')).rejects.toMatchObject({
      status: 409,
      code: 'deposit_insufficient',
      details: {
        merchantId,
        categoryId: w.categories.skincare,
        requiredFen: 800_000,
        balanceFen: 500_000,
        shortfallFen: 300_000,
      },
    });
    await pay(300_000);
    expect((await move(id, 'approved')).status).toBe('approved');
  });

  it('moves a failed inspection to qc_failed, which blocks approval until a new sample passes', async () => {
    const { id } = await submit(w.categories.food, '牛肉干');
    await w.commerce.qc.createTemplate(
      w.orgId,
      { categoryId: w.categories.food, name: '食品检验', items: [{ label: '生产日期', required: true }] },
      staffActor,
    );
    const foodKey = (await w.commerce.qc.templateForSubmission(w.orgId, id)).items[0]?.key ?? '';
    await move(id, 'shortlisted');
    await move(id, 'sample_requested');
    await expect(
      w.commerce.qc.inspect(
        w.orgId,
        id,
        { results: [{ key: foodKey, passed: true, photoIds: [] }] },
        staffActor,
      ),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    await move(id, 'sample_received');
    await expect(
      w.commerce.qc.inspect(
        w.orgId,
        id,
        { results: [{ key: foodKey, passed: false, photoIds: [] }] },
        staffActor,
      ),
    ).rejects.toMatchObject({ code: 'qc_reason_required' });
    await expect(
      w.commerce.qc.inspect(
        w.orgId,
        id,
        { results: [{ key: 'item-9', passed: true, photoIds: [] }] },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'qc_results_mismatch',
      details: { missing: [foodKey], unknown: ['item-9'] },
    });
    const failed = await w.commerce.qc.inspect(
      w.orgId,
      id,
      { results: [{ key: foodKey, passed: false, reason: '临期', photoIds: [] }] },
      staffActor,
    );
    expect(failed.passed).toBe(false);
    const detail = await w.commerce.submissions.get(w.orgId, id);
    expect(detail).toMatchObject({
      status: 'qc_failed',
      statusReason: '生产日期: 临期',
      allowedTransitions: ['sample_requested', 'rejected'],
    });
    await expect(move(id, 'approved')).rejects.toMatchObject({
      code: 'illegal_transition',
      details: { from: 'qc_failed' },
    });
    await move(id, 'sample_requested', '请重新寄样');
    await move(id, 'sample_received');
    await w.commerce.qc.inspect(
      w.orgId,
      id,
      { results: [{ key: foodKey, passed: true, photoIds: [] }] },
      staffActor,
    );
    expect((await move(id, 'approved')).status).toBe('approved');
  });

  it('uses the nearest checklist up the category tree and refuses an inspection where none exists', async () => {
    const { id } = await submit(w.categories.skincare);
    expect((await w.commerce.qc.templateForSubmission(w.orgId, id)).name).toBe('美妆通用检验');
    const other = await w.commerce.categories.create(
      w.orgId,
      { name: '数码', requiredDepositFen: 0 },
      staffActor,
    );
    await w.commerce.merchants.update(w.orgId, merchantId, { categoryIds: [other.id] }, staffActor);
    const digital = await submit(other.id, '蓝牙耳机');
    await move(digital.id, 'shortlisted');
    await move(digital.id, 'sample_requested');
    await move(digital.id, 'sample_received');
    await expect(
      w.commerce.qc.inspect(
        w.orgId,
        digital.id,
        { results: [{ key: 'item-1', passed: true, photoIds: [] }] },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'qc_template_missing',
    });
  });

  it('refuses submissions of merchants that are not approved, and duplicates still open', async () => {
    const { productId } = await product(w, merchantId, w.categories.food, '坚果礼盒');
    await w.commerce.submissions.create(w.orgId, merchantId, { productId, target: 'pool' }, staffActor);
    await expect(
      w.commerce.submissions.create(w.orgId, merchantId, { productId, target: 'pool' }, staffActor),
    ).rejects.toMatchObject({ code: 'submission_exists' });
    await w.commerce.submissions.create(
      w.orgId,
      merchantId,
      { productId, target: 'session', sessionRef: 'ses_x' },
      staffActor,
    );
    await w.commerce.merchants.transition(
      w.orgId,
      merchantId,
      { to: 'suspended', reason: '整改' },
      staffActor,
    );
    await expect(
      w.commerce.submissions.create(
        w.orgId,
        merchantId,
        { productId, target: 'session', sessionRef: 'ses_y' },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'merchant_not_active',
      details: { status: 'suspended' },
    });
    await expect(product(w, merchantId, w.categories.food, '新品')).rejects.toMatchObject({
      code: 'merchant_not_active',
    });
  });

  it('allocates warehouse stock to line-ups without ever going below zero, and releases it', async () => {
    await pay(800_000);
    const { id, skuId } = await submit();
    for (const to of ['shortlisted', 'sample_requested', 'sample_received'] as const) await move(id, to);
    await inspect(id);
    await move(id, 'approved');
    await w.commerce.warehouse.receive(
      w.orgId,
      id,
      { lines: [{ skuId, quantity: 100, location: 'C-1' }] },
      staffActor,
    );
    const first = await w.commerce.warehouse.allocate(
      w.orgId,
      { skuId, quantity: 60, reference: 'lineup_item_1' },
      staffActor,
    );
    await expect(
      w.commerce.warehouse.allocate(w.orgId, { skuId, quantity: 41, reference: 'lineup_item_2' }, staffActor),
    ).rejects.toMatchObject({
      code: 'stock_insufficient',
      details: { requested: 41, available: 40 },
    });
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) =>
        w.commerce.warehouse.allocate(w.orgId, { skuId, quantity: 20, reference: `race_${i}` }, staffActor),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(await w.commerce.warehouse.availableStock(w.orgId, skuId)).toBe(0);
    await w.commerce.warehouse.release(w.orgId, first.id, staffActor);
    await w.commerce.warehouse.release(w.orgId, first.id, staffActor);
    expect(await w.commerce.warehouse.availableStock(w.orgId, skuId)).toBe(60);
    expect(await w.commerce.warehouse.availableStock(w.otherOrgId, skuId)).toBe(0);
    await expect(
      w.commerce.warehouse.allocate(w.otherOrgId, { skuId, quantity: 1, reference: 'x' }, staffActor),
    ).rejects.toMatchObject({ code: 'sku_not_found' });
  });

  it('books receipts only for approved submissions and only for the product’s own SKUs', async () => {
    const { id, skuId } = await submit();
    await expect(
      w.commerce.warehouse.receive(
        w.orgId,
        id,
        { lines: [{ skuId, quantity: 1, location: 'A' }] },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'illegal_transition',
      details: { from: 'submitted', to: 'warehoused' },
    });
    const other = await submit(w.categories.food, '别的商品');
    await pay(800_000);
    for (const to of ['shortlisted', 'sample_requested', 'sample_received'] as const) await move(id, to);
    await inspect(id);
    await move(id, 'approved');
    await expect(
      w.commerce.warehouse.receive(
        w.orgId,
        id,
        { lines: [{ skuId: other.skuId, quantity: 1, location: 'A' }] },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'sku_not_in_product',
    });
  });
});
