import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestEventStore } from './test-app.js';
import {
  csvHeader,
  expectError,
  ok,
  openCommerceHttpWorld,
  png,
  type CommerceHttpWorld,
} from './commerce-http-fixture.js';

let w: CommerceHttpWorld;

beforeAll(async () => {
  w = await openCommerceHttpWorld();
});
afterAll(async () => {
  await w.t.close();
  await closeTestEventStore();
});

describe('the merchant portal over HTTP', () => {
  it('answers a CSV import row by row: good rows taken, bad rows rejected with reasons', async () => {
    const csv = [
      csvHeader,
      '牛肉干,草原,食品,100g,39.9,29.9,12,15%,800,',
      '牛肉干,草原,食品,250g,89,69,30,15%,300,',
      '坏价格,草原,食品,1袋,abc,9.9,3,10%,10,',
      '未知类目,草原,数码,1个,10,9,3,10%,10,',
    ].join('\n');
    const report = await ok<{
      total: number;
      taken: number;
      rejected: number;
      products: number;
      rows: { line: number; status: string; reasons: { column: string | null; code: string }[] }[];
    }>(
      w.merchants[0]!.client.request({
        method: 'POST',
        url: '/api/v1/portal/submissions/import',
        payload: { target: 'session', sessionRef: 'ses_import', csv },
      }),
    );
    expect(report).toMatchObject({ total: 4, taken: 2, rejected: 2, products: 1 });
    expect(report.rows.map((r) => [r.line, r.status, r.reasons.map((x) => `${x.column}:${x.code}`)])).toEqual(
      [
        [2, 'taken', []],
        [3, 'taken', []],
        [4, 'rejected', ['原价:price_invalid']],
        [5, 'rejected', ['类目:category_unknown']],
      ],
    );
  });

  it('names each schema failure with an issue code and its limits, so the web can translate it', async () => {
    const res = await w.merchants[0]!.client.request({
      method: 'POST',
      url: '/api/v1/portal/products',
      payload: {
        categoryId: w.ids['food'],
        title: '',
        skus: [{ spec: '1袋', listPriceFen: 100, livePriceFen: 200, costFen: 1, commissionBp: 1, stock: 1 }],
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: unknown[] } }>();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          in: 'body',
          path: 'title',
          code: 'too_small',
          params: { origin: 'string', minimum: 1, inclusive: true },
        }),
        expect.objectContaining({
          in: 'body',
          path: 'skus.0.livePriceFen',
          code: 'custom',
          params: { code: 'live_price_above_list' },
        }),
      ]),
    );
  });

  it('shows each merchant only its own records, even within one organisation', async () => {
    const [m1, m2] = w.merchants;
    const upload = await ok<{ id: string; contentType: string }>(
      m1!.client.request({
        method: 'POST',
        url: '/api/v1/portal/uploads',
        payload: { fileName: 'main.png', dataBase64: png },
      }),
      201,
    );
    expect(upload.contentType).toBe('image/png');
    const product = await ok<{ id: string; skus: { id: string }[] }>(
      m1!.client.request({
        method: 'POST',
        url: '/api/v1/portal/products',
        payload: {
          categoryId: w.ids['food'],
          title: '一号的坚果',
          imageIds: [upload.id],
          skus: [
            {
              spec: '500g',
              listPriceFen: 9900,
              livePriceFen: 6900,
              costFen: 3000,
              commissionBp: 2500,
              stock: 50,
            },
          ],
        },
      }),
      201,
    );
    const sub = await ok<{ id: string }>(
      m1!.client.request({
        method: 'POST',
        url: '/api/v1/portal/submissions',
        payload: { productId: product.id, target: 'pool' },
      }),
      201,
    );

    const me1 = await ok<{ id: string; deposit: { balanceFen: number } }>(
      m1!.client.request({ method: 'GET', url: '/api/v1/portal/merchant' }),
    );
    expect(me1).toMatchObject({ id: m1!.id, deposit: { balanceFen: 100_000 } });
    const image = await m1!.client.request({ method: 'GET', url: `/api/v1/portal/uploads/${upload.id}` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(
      (await w.admin.request({ method: 'GET', url: `/api/v1/uploads/${upload.id}` })).rawPayload.equals(
        Buffer.from(png, 'base64'),
      ),
    ).toBe(true);

    for (const url of [
      `/api/v1/portal/submissions/${sub.id}`,
      `/api/v1/portal/products/${product.id}`,
      `/api/v1/portal/uploads/${upload.id}`,
    ]) {
      expect((await m2!.client.request({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    expectError(
      await m2!.client.request({
        method: 'POST',
        url: `/api/v1/portal/submissions/${sub.id}/withdraw`,
        payload: {},
      }),
      404,
      'submission_not_found',
    );
    expectError(
      await m2!.client.request({
        method: 'PATCH',
        url: `/api/v1/portal/skus/${product.skus[0]?.id}`,
        payload: { stock: 0 },
      }),
      404,
      'sku_not_found',
    );
    expectError(
      await m2!.client.request({
        method: 'POST',
        url: '/api/v1/portal/products',
        payload: {
          categoryId: w.ids['food'],
          title: '盗图',
          imageIds: [upload.id],
          skus: [{ spec: '1', listPriceFen: 1, livePriceFen: 1, costFen: 1, commissionBp: 1, stock: 1 }],
        },
      }),
      400,
      'upload_not_found',
    );
    expectError(
      await m2!.client.request({
        method: 'POST',
        url: '/api/v1/portal/submissions',
        payload: { productId: product.id, target: 'pool' },
      }),
      404,
      'product_not_found',
    );
    const lists = await Promise.all(
      [
        '/api/v1/portal/submissions',
        '/api/v1/portal/products',
        '/api/v1/portal/inspections',
        '/api/v1/portal/deposits',
        '/api/v1/portal/merchant',
      ].map(async (url) => (await m2!.client.request({ method: 'GET', url })).body),
    );
    for (const body of lists) {
      for (const secret of [m1!.id, sub.id, product.id, upload.id, '一号的坚果', '供应商1号'])
        expect(body.includes(secret), secret).toBe(false);
    }
    const withdrawn = await ok<{ status: string }>(
      m1!.client.request({
        method: 'POST',
        url: `/api/v1/portal/submissions/${sub.id}/withdraw`,
        payload: { reason: '备货不足' },
      }),
    );
    expect(withdrawn.status).toBe('withdrawn');
  });
});
