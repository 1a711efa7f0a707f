import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approvedMerchant,
  openCommerceWorld,
  product,
  sku,
  staffActor,
  type CommerceWorld,
} from './commerce-fixture.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(recordsEngines)('the merchant portal on %s', (engine) => {
  let w: CommerceWorld;
  let first: string;
  let second: string;
  beforeEach(async () => {
    w = await openCommerceWorld(engine);
    first = await approvedMerchant(w, 1, [w.categories.food]);
    second = await approvedMerchant(w, 2, [w.categories.food]);
  });
  afterEach(async () => {
    await w.store.dispose();
  });

  it('links each portal login to one merchant and refuses a merchant-role person linked to none', async () => {
    const login = await w.commerce.merchants.createLogin(
      w.orgId,
      first,
      { email: 'one@supplier.cn', name: '一号', password: 'first-merchant-pw' },
      staffActor,
    );
    expect(await w.commerce.merchants.merchantIdOf(w.orgId, login.userId)).toBe(first);
    await expect(w.commerce.merchants.merchantIdOf(w.orgId, 'usr_nobody')).rejects.toMatchObject({
      code: 'no_merchant',
      status: 403,
    });
    await expect(w.commerce.merchants.merchantIdOf(w.otherOrgId, login.userId)).rejects.toMatchObject({
      code: 'no_merchant',
    });
    await expect(
      w.commerce.merchants.createLogin(
        w.orgId,
        second,
        { email: 'one@supplier.cn', name: '一号', password: 'first-merchant-pw' },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'staff_exists',
    });
  });

  it('shows one merchant nothing of another merchant of the same organisation', async () => {
    const upload = await w.commerce.uploads.create(
      w.orgId,
      { fileName: 'a.png', dataBase64: png.toString('base64') },
      first,
      staffActor,
    );
    expect(existsSync(join(w.uploadsDir, w.orgId))).toBe(true);
    const created = await w.commerce.products.create(
      w.orgId,
      first,
      {
        categoryId: w.categories.food,
        title: '一号的坚果',
        brand: null,
        claims: null,
        imageIds: [upload.id],
        skus: [sku],
      },
      staffActor,
    );
    const own = { kind: 'merchant' as const, merchantId: first };
    const other = { kind: 'merchant' as const, merchantId: second };
    const submission = await w.commerce.submissions.create(
      w.orgId,
      first,
      { productId: created.id, target: 'pool' },
      staffActor,
      own,
    );
    expect(submission.allowedTransitions).toEqual(['withdrawn']);
    await product(w, second, w.categories.food, '二号的牛肉干');

    expect(
      (await w.commerce.submissions.list(w.orgId, { limit: 50 }, other)).items.map((s) => s.productTitle),
    ).toEqual([]);
    expect(
      (await w.commerce.submissions.list(w.orgId, { limit: 50 }, own)).items.map((s) => s.productTitle),
    ).toEqual(['一号的坚果']);
    expect(
      (await w.commerce.products.list(w.orgId, { merchantId: second, limit: 50 })).map((p) => p.title),
    ).toEqual(['二号的牛肉干']);
    await expect(w.commerce.submissions.get(w.orgId, submission.id, other)).rejects.toMatchObject({
      code: 'submission_not_found',
    });
    await expect(
      w.commerce.submissions.withdraw(w.orgId, submission.id, second, null, staffActor),
    ).rejects.toMatchObject({ code: 'submission_not_found' });
    await expect(w.commerce.products.get(w.orgId, created.id, second)).rejects.toMatchObject({
      code: 'product_not_found',
    });
    await expect(
      w.commerce.products.update(w.orgId, created.id, { title: '抢来的' }, staffActor, second),
    ).rejects.toMatchObject({ code: 'product_not_found' });
    await expect(
      w.commerce.products.updateSku(w.orgId, created.skus[0]?.id ?? '', { stock: 0 }, staffActor, second),
    ).rejects.toMatchObject({ code: 'sku_not_found' });
    await expect(w.commerce.uploads.read(w.orgId, upload.id, second)).rejects.toMatchObject({
      code: 'upload_not_found',
    });
    expect((await w.commerce.uploads.read(w.orgId, upload.id, first)).data.equals(png)).toBe(true);
    await expect(
      w.commerce.products.create(
        w.orgId,
        second,
        {
          categoryId: w.categories.food,
          title: '盗图',
          brand: null,
          claims: null,
          imageIds: [upload.id],
          skus: [sku],
        },
        staffActor,
      ),
    ).rejects.toMatchObject({ code: 'upload_not_found' });
    await expect(
      w.commerce.submissions.create(
        w.orgId,
        second,
        { productId: created.id, target: 'pool' },
        staffActor,
        other,
      ),
    ).rejects.toMatchObject({ code: 'product_not_found' });
    expect(await w.commerce.qc.inspections(w.orgId, { limit: 50 }, second)).toEqual([]);

    const withdrawn = await w.commerce.submissions.withdraw(
      w.orgId,
      submission.id,
      first,
      '备货不足',
      staffActor,
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      statusReason: '备货不足',
      allowedTransitions: [],
    });
    await expect(
      w.commerce.submissions.withdraw(w.orgId, submission.id, first, null, staffActor),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
  });

  it('answers a CSV import row by row and takes the good rows even when others are bad', async () => {
    // The merchant declared 食品 only: 护手霜 under 美妆/护肤 is refused by its category.
    const csv = [
      '商品名称,品牌,类目,规格,原价,直播价,成本,佣金比例,库存,卖点',
      '牛肉干,草原,食品,100g,39.9,29.9,12,15%,800,风干',
      '牛肉干,草原,食品,250g,89,69,30,15%,300,',
      '牛肉干,草原,食品,100g,39.9,29.9,12,15%,800,',
      '面膜,水漾,美妆,10片,99,129,20,20%,100,',
      '护手霜,水漾,护肤,50ml,49,39,10,20%,100,',
      '无名,,,1件,x,1,1,1%,1,',
    ].join('\r\n');
    const report = await w.commerce.imports.importCsv(
      w.orgId,
      first,
      { target: 'session', sessionRef: 'ses_2026_11_25', csv },
      staffActor,
    );
    expect(report).toMatchObject({ total: 6, taken: 2, rejected: 4, products: 1 });
    expect(report.rows.map((r) => [r.line, r.status, r.reasons.map((x) => x.code)])).toEqual([
      [2, 'taken', []],
      [3, 'taken', []],
      [4, 'rejected', ['duplicate_spec']],
      [5, 'rejected', ['live_price_above_list']],
      [6, 'rejected', ['category_not_declared']],
      [7, 'rejected', ['missing_value', 'price_invalid']],
    ]);
    expect(report.rows[0]?.productId).toBe(report.rows[1]?.productId);
    const beef = await w.commerce.products.get(w.orgId, report.rows[0]?.productId ?? '');
    expect(
      beef.skus.map((s) => [s.spec, s.listPriceFen, s.livePriceFen, s.costFen, s.commissionBp, s.stock]),
    ).toEqual([
      ['100g', 3990, 2990, 1200, 1500, 800],
      ['250g', 8900, 6900, 3000, 1500, 300],
    ]);
    expect(beef.claims).toBe('风干');
    const listed = await w.commerce.submissions.list(w.orgId, { sessionRef: 'ses_2026_11_25', limit: 50 });
    expect(listed.items.map((s) => s.productTitle)).toEqual(['牛肉干']);
    await w.commerce.merchants.transition(w.orgId, second, { to: 'suspended', reason: '整改' }, staffActor);
    await expect(
      w.commerce.imports.importCsv(w.orgId, second, { target: 'pool', csv }, staffActor),
    ).rejects.toMatchObject({ code: 'merchant_not_active' });
  });
});
