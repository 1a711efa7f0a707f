import { seedCall, type TenancyCase, type TenancyContext, type TenancyWorld } from './tenancy-case.js';

/**
 * Selection's part of the tenancy walk (tenancy.int.test.ts). B has a price
 * observation and a shortlist entry on its own product and session; A aims at them by id (404)
 * or names B's product, SKU or session in its own requests, and must learn nothing: an unknown
 * product is refused or left out, B's prices and sales never enter A's scores.
 */

const priceSheetOf = (productId: string) =>
  `商品ID,SKU ID,平台,价格(元),观测时间,来源链接,备注\n${productId},,douyin,1.00,,,甲方导入\n`;

const selectionCases: Record<string, TenancyCase> = {
  'POST /api/v1/selection/observations': {
    kind: 'own',
    body: (w) => ({ productId: w.bIds['com-product'], priceFen: 100 }),
    expect: [404],
  },
  // The sheet is answered row by row: B's product is a rejected row, never a stored price.
  'POST /api/v1/selection/observations/import': {
    kind: 'own',
    body: (w) => ({ csv: priceSheetOf(w.bIds['com-product'] ?? '') }),
  },
  'GET /api/v1/selection/products/{productId}/observations': { kind: 'foreign', resource: 'com-product' },
  'DELETE /api/v1/selection/observations/{id}': { kind: 'foreign', resource: 'sel-observation' },
  'GET /api/v1/selection/products/{productId}/prices': { kind: 'foreign', resource: 'com-product' },
  'GET /api/v1/selection/lowest-price-check': {
    kind: 'own',
    query: (w) => `productIds=${w.bIds['com-product']}`,
    expect: [404],
  },
  'GET /api/v1/selection/scores': {
    kind: 'own',
    query: (w) => `productIds=${w.bIds['com-product']}`,
    expect: [404],
  },
  'GET /api/v1/selection/compare': {
    kind: 'own',
    query: (w) => `skuIds=${w.bIds['com-sku']},${w.bIds['com-sku']}x`,
    expect: [404],
  },
  // B's session starts 2027-01-05: A's list over that window holds only A's own.
  'GET /api/v1/selection/sessions': {
    kind: 'own',
    query: 'from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z',
  },
  'GET /api/v1/selection/sessions/{sessionId}/shortlist': { kind: 'foreign', resource: 'sched-session' },
  'POST /api/v1/selection/sessions/{sessionId}/shortlist': {
    kind: 'foreign',
    resource: 'sched-session',
    body: (w) => ({ productId: w.bIds['com-product'], skuId: w.bIds['com-sku'] }),
  },
  'DELETE /api/v1/selection/sessions/{sessionId}/shortlist/{skuId}': {
    kind: 'foreign',
    resource: 'sched-session',
    params: { skuId: 'com-sku' },
  },
  'GET /api/v1/selection/sessions/{sessionId}/coverage': { kind: 'foreign', resource: 'sched-session' },
};

/** B's selection records, for the before/after snapshot. */
function selectionListsOfB(w: TenancyWorld): string[] {
  return [
    `/api/v1/selection/products/${w.bIds['com-product']}/observations`,
    `/api/v1/selection/sessions/${w.bIds['sched-session']}/shortlist`,
  ];
}

/** B's price observation and shortlist entry, made through B's API after its commerce and schedule. */
async function seedSelectionOfB(w: TenancyWorld): Promise<void> {
  const call = <T>(url: string, payload: object) => seedCall<T>(w.b, url, payload);
  const observation = await call<{ id: string }>('/api/v1/selection/observations', {
    productId: w.bIds['com-product'],
    skuId: w.bIds['com-sku'],
    source: 'platform',
    platform: 'taobao',
    priceFen: 4_444_400,
    note: '乙方比价备注',
  });
  await call(`/api/v1/selection/sessions/${w.bIds['sched-session']}/shortlist`, {
    productId: w.bIds['com-product'],
    skuId: w.bIds['com-sku'],
    note: '乙方入围理由',
  });
  w.bIds['sel-observation'] = observation.id;
  w.bSecrets.push(observation.id, '4444400', '乙方比价备注', '乙方入围理由');
}

export const selectionTenancy: TenancyContext = {
  name: 'selection',
  cases: selectionCases,
  seed: seedSelectionOfB,
  listsOfB: selectionListsOfB,
};
