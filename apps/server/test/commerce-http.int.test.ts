import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestEventStore, signIn } from './test-app.js';
import { expectError, ok, openCommerceHttpWorld, type CommerceHttpWorld } from './commerce-http-fixture.js';

let w: CommerceHttpWorld;

beforeAll(async () => {
  w = await openCommerceHttpWorld();
});
afterAll(async () => {
  await w.t.close();
  await closeTestEventStore();
});

describe('commerce over HTTP: bad input gets a 4xx with the uniform error body', () => {
  it('names the field of a bad merchant application, deposit entry or transition', async () => {
    const badLicence = expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/merchants',
        payload: {
          companyName: 'x',
          licenceNo: '123',
          contact: { name: 'a', phone: '123' },
          categoryIds: [],
        },
      }),
      400,
      'invalid_request',
    );
    expect(JSON.stringify(badLicence.details)).toMatch(/licenceNo/);
    const badCheck = expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/merchants',
        payload: {
          companyName: '杭州某某商贸有限公司',
          licenceNo: '91330106MA2B123451',
          contact: { name: '王经理', phone: '13800138000' },
          categoryIds: ['cat_any'],
        },
      }),
      400,
      'invalid_request',
    );
    expect(badCheck.details).toEqual([
      expect.objectContaining({ path: 'licenceNo', code: 'custom', params: { code: 'credit_code_check' } }),
    ]);
    const [m1] = w.merchants;
    const url = `/api/v1/merchants/${m1?.id}/deposits`;
    expectError(
      await w.admin.request({
        method: 'POST',
        url,
        payload: { kind: 'paid', amountFen: 12.5, reason: '小数' },
      }),
      400,
      'invalid_request',
    );
    expectError(
      await w.admin.request({
        method: 'POST',
        url,
        payload: { kind: 'stolen', amountFen: 100, reason: 'x' },
      }),
      400,
      'invalid_request',
    );
    expectError(
      await w.admin.request({
        method: 'POST',
        url,
        payload: { kind: 'deducted', amountFen: 100, reason: '  ' },
      }),
      400,
      'invalid_request',
    );
    const overdraft = expectError(
      await w.admin.request({
        method: 'POST',
        url,
        payload: { kind: 'refunded', amountFen: 100_001, reason: '退' },
      }),
      409,
      'deposit_exceeds_available',
    );
    expect(overdraft.details).toMatchObject({ availableFen: 100_000 });
    const noReason = expectError(
      await w.admin.request({
        method: 'POST',
        url: `/api/v1/merchants/${m1?.id}/transition`,
        payload: { to: 'suspended' },
      }),
      400,
      'invalid_request',
    );
    expect(JSON.stringify(noReason.details)).toContain('reason');
    const illegal = expectError(
      await w.admin.request({
        method: 'POST',
        url: `/api/v1/merchants/${m1?.id}/transition`,
        payload: { to: 'rejected', reason: '晚了' },
      }),
      409,
      'illegal_transition',
    );
    expect(illegal.details).toEqual({ from: 'approved', to: 'rejected', allowed: ['suspended'] });
    expectError(
      await w.admin.request({ method: 'GET', url: '/api/v1/merchants/mch_nope' }),
      404,
      'merchant_not_found',
    );
    expectError(
      await w.admin.request({ method: 'GET', url: '/api/v1/merchants?status=pending' }),
      400,
      'invalid_request',
    );
  });

  it('refuses a QC result or warehousing by hand, and a CSV without its columns', async () => {
    const [m1] = w.merchants;
    const product = await ok<{ id: string }>(
      m1!.client.request({
        method: 'POST',
        url: '/api/v1/portal/products',
        payload: {
          categoryId: w.ids['food'],
          title: '手撕牛肉',
          skus: [
            {
              spec: '200g',
              listPriceFen: 5990,
              livePriceFen: 3990,
              costFen: 1500,
              commissionBp: 2000,
              stock: 100,
            },
          ],
        },
      }),
      201,
    );
    const sub = await ok<{ id: string; allowedTransitions: string[] }>(
      m1!.client.request({
        method: 'POST',
        url: '/api/v1/portal/submissions',
        payload: { productId: product.id, target: 'pool' },
      }),
      201,
    );
    expect(sub.allowedTransitions).toEqual(['withdrawn']);
    expectError(
      await w.admin.request({
        method: 'POST',
        url: `/api/v1/submissions/${sub.id}/transition`,
        payload: { to: 'qc_passed' },
      }),
      400,
      'invalid_request',
    );
    const illegal = expectError(
      await w.admin.request({
        method: 'POST',
        url: `/api/v1/submissions/${sub.id}/transition`,
        payload: { to: 'approved' },
      }),
      409,
      'illegal_transition',
    );
    expect(illegal.details).toEqual({
      from: 'submitted',
      to: 'approved',
      allowed: ['shortlisted', 'rejected', 'withdrawn'],
    });
    expectError(
      await w.admin.request({
        method: 'POST',
        url: `/api/v1/submissions/${sub.id}/receipts`,
        payload: { lines: [{ skuId: 'sku_x', quantity: 0, location: 'A' }] },
      }),
      400,
      'invalid_request',
    );
    expectError(
      await w.admin.request({
        method: 'POST',
        url: `/api/v1/submissions/${sub.id}/transition`,
        payload: { to: 'rejected' },
      }),
      400,
      'invalid_request',
    );
    const missing = expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/submissions/import',
        payload: { merchantId: m1!.id, target: 'pool', csv: '商品名称,品牌\n面膜,水漾' },
      }),
      400,
      'csv_missing_columns',
    );
    expect(missing.details).toEqual({ missing: ['类目', '原价', '直播价', '成本', '佣金比例', '库存'] });
    expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/submissions/import',
        payload: { merchantId: m1!.id, target: 'session', csv: 'x' },
      }),
      400,
      'invalid_request',
    );
  });

  it('refuses a file that is not an image, and an image over the limit, with 415 and 413', async () => {
    const text = Buffer.from('<svg onload="alert(1)"/>').toString('base64');
    expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: { fileName: 'x.svg', dataBase64: text },
      }),
      415,
      'unsupported_image',
    );
    expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: { fileName: 'x.png', dataBase64: '@@@@' },
      }),
      400,
      'upload_not_base64',
    );
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1).toString('base64');
    expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: { fileName: 'big.png', dataBase64: big },
      }),
      413,
      'upload_too_large',
    );
    const huge = Buffer.alloc(8 * 1024 * 1024, 1).toString('base64');
    expectError(
      await w.admin.request({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: { fileName: 'huge.png', dataBase64: huge },
      }),
      413,
      'payload_too_large',
    );
  });

  it('keeps roles to their permissions: QC cannot approve merchants, merchants cannot see staff pages, staff cannot use the portal', async () => {
    const qc = await signIn(w.t.app, 'qc@shop.test', 'qc-password-1');
    expectError(
      await qc.request({
        method: 'POST',
        url: `/api/v1/merchants/${w.merchants[0]?.id}/transition`,
        payload: { to: 'suspended', reason: 'x' },
      }),
      403,
      'forbidden',
    );
    expect((await qc.request({ method: 'GET', url: '/api/v1/merchants' })).statusCode).toBe(200);
    expectError(
      await w.merchants[0]!.client.request({ method: 'GET', url: '/api/v1/merchants' }),
      403,
      'forbidden',
    );
    expectError(
      await w.merchants[0]!.client.request({ method: 'GET', url: '/api/v1/submissions' }),
      403,
      'forbidden',
    );
    expectError(await w.admin.request({ method: 'GET', url: '/api/v1/portal/merchant' }), 403, 'forbidden');
    expectError(
      await w.t.app.inject({ method: 'GET', url: '/api/v1/portal/merchant' }),
      401,
      'unauthenticated',
    );
  });
});
