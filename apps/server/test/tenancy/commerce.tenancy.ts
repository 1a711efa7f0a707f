import type { TenancyCase, TenancyContext, TenancyWorld } from './tenancy-case.js';

/**
 * Commerce's part of the tenancy walk (tenancy.int.test.ts): B's merchant (applied through an
 * invite, approved, deposit paid), product, image and a submission walked to warehoused with a
 * QC inspection. A aims at them by id (404) and names B's merchant, category or product in its
 * own requests (404 / 400). The portal is refused to staff (403); portal isolation between
 * merchants is proven in commerce-portal-http.int.test.ts.
 */

let calls = 0;
const png1x1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const sku = {
  spec: '甲方规格',
  listPriceFen: 1000,
  livePriceFen: 900,
  costFen: 500,
  commissionBp: 1000,
  stock: 1,
};
const application = (w: TenancyWorld) => ({
  companyName: '甲方借用乙方类目',
  licenceNo: '91330106MA2GL5QK9F',
  contact: { name: '甲', phone: '13800138000' },
  categoryIds: [w.bIds['com-category']],
});
/** Staff have no merchant:portal permission: every portal route is 403 for A's admin and key. */
const portalDenied = (body?: (w: TenancyWorld) => unknown): TenancyCase => ({
  kind: 'own',
  expect: [403],
  ...(body ? { body } : {}),
});

const commerceCases: Record<string, TenancyCase> = {
  'GET /api/v1/categories': { kind: 'own' },
  'POST /api/v1/categories': {
    kind: 'own',
    body: () => ({ name: `甲方类目${calls++}`, requiredDepositFen: 0 }),
    expect: [201],
  },
  'PATCH /api/v1/categories/{id}': {
    kind: 'foreign',
    resource: 'com-category',
    body: () => ({ requiredDepositFen: 1 }),
  },
  'GET /api/v1/merchants': { kind: 'own' },
  'POST /api/v1/merchants': { kind: 'own', body: application, expect: [400] },
  'GET /api/v1/merchants/{id}': { kind: 'foreign', resource: 'com-merchant' },
  'PATCH /api/v1/merchants/{id}': {
    kind: 'foreign',
    resource: 'com-merchant',
    body: () => ({ companyName: '甲方改名' }),
  },
  'POST /api/v1/merchants/{id}/transition': {
    kind: 'foreign',
    resource: 'com-merchant',
    body: () => ({ to: 'suspended', reason: '甲方停用' }),
  },
  'GET /api/v1/merchants/{id}/deposits': { kind: 'foreign', resource: 'com-merchant' },
  'POST /api/v1/merchants/{id}/deposits': {
    kind: 'foreign',
    resource: 'com-merchant',
    body: () => ({ kind: 'refunded', amountFen: 1, reason: '甲方退款' }),
  },
  'POST /api/v1/merchants/{id}/logins': {
    kind: 'foreign',
    resource: 'com-merchant',
    body: () => ({ email: 'spy@a.test', name: '甲方', password: 'spy-password-1' }),
  },
  'GET /api/v1/merchant-invites': { kind: 'own' },
  'POST /api/v1/merchant-invites': { kind: 'own', body: () => ({ email: 'invite@a.test' }), expect: [201] },
  'DELETE /api/v1/merchant-invites/{id}': { kind: 'foreign', resource: 'com-invite' },
  'POST /api/v1/merchant-applications/check': { kind: 'public' },
  'POST /api/v1/merchant-applications': { kind: 'public' },
  'POST /api/v1/uploads': {
    kind: 'own',
    body: () => ({ fileName: 'a.png', dataBase64: png1x1 }),
    expect: [201],
  },
  'GET /api/v1/uploads/{id}': { kind: 'foreign', resource: 'com-upload' },
  'GET /api/v1/products': { kind: 'own' },
  'POST /api/v1/products': {
    kind: 'own',
    body: (w) => ({
      merchantId: w.bIds['com-merchant'],
      categoryId: w.bIds['com-category'],
      title: '甲方商品',
      skus: [sku],
    }),
    expect: [404],
  },
  'GET /api/v1/products/{id}': { kind: 'foreign', resource: 'com-product' },
  'PATCH /api/v1/products/{id}': {
    kind: 'foreign',
    resource: 'com-product',
    body: () => ({ title: '甲方改名' }),
  },
  'POST /api/v1/products/{id}/skus': { kind: 'foreign', resource: 'com-product', body: () => sku },
  'PATCH /api/v1/skus/{id}': { kind: 'foreign', resource: 'com-sku', body: () => ({ stock: 0 }) },
  'GET /api/v1/submissions': { kind: 'own' },
  'POST /api/v1/submissions': {
    kind: 'own',
    body: (w) => ({ merchantId: w.bIds['com-merchant'], productId: w.bIds['com-product'], target: 'pool' }),
    expect: [404],
  },
  'POST /api/v1/submissions/import': {
    kind: 'own',
    body: (w) => ({
      merchantId: w.bIds['com-merchant'],
      target: 'pool',
      csv: '商品名称,类目,原价,直播价,成本,佣金比例,库存\n甲方,乙方食品,10,9,5,10%,1',
    }),
    expect: [404],
  },
  'GET /api/v1/submissions/{id}': { kind: 'foreign', resource: 'com-submission' },
  'POST /api/v1/submissions/{id}/transition': {
    kind: 'foreign',
    resource: 'com-submission',
    body: () => ({ to: 'rejected', reason: '甲方驳回' }),
  },
  'GET /api/v1/submissions/{id}/qc-template': { kind: 'foreign', resource: 'com-submission' },
  'POST /api/v1/submissions/{id}/inspections': {
    kind: 'foreign',
    resource: 'com-submission',
    body: () => ({ results: [{ key: 'item-1', passed: true }] }),
  },
  'POST /api/v1/submissions/{id}/receipts': {
    kind: 'foreign',
    resource: 'com-submission',
    body: (w) => ({ lines: [{ skuId: w.bIds['com-sku'], quantity: 1, location: '甲方库位' }] }),
  },
  'GET /api/v1/qc/templates': { kind: 'own' },
  'POST /api/v1/qc/templates': {
    kind: 'own',
    body: (w) => ({ categoryId: w.bIds['com-category'], name: '甲方清单', items: [{ label: '甲' }] }),
    expect: [400],
  },
  'PATCH /api/v1/qc/templates/{id}': {
    kind: 'foreign',
    resource: 'com-qc-template',
    body: () => ({ name: '甲方改名' }),
  },
  'GET /api/v1/qc/inspections': { kind: 'own' },
  'GET /api/v1/warehouse/receipts': { kind: 'own' },
  'GET /api/v1/warehouse/stock': { kind: 'own' },
  'GET /api/v1/portal/merchant': portalDenied(),
  'POST /api/v1/portal/merchant/reapply': portalDenied(application),
  'GET /api/v1/portal/deposits': portalDenied(),
  'GET /api/v1/portal/categories': portalDenied(),
  'POST /api/v1/portal/uploads': portalDenied(() => ({ fileName: 'a.png', dataBase64: png1x1 })),
  'GET /api/v1/portal/uploads/{id}': portalDenied(),
  'GET /api/v1/portal/products': portalDenied(),
  'POST /api/v1/portal/products': portalDenied((w) => ({
    categoryId: w.bIds['com-category'],
    title: '甲方商品',
    skus: [sku],
  })),
  'GET /api/v1/portal/products/{id}': portalDenied(),
  'PATCH /api/v1/portal/products/{id}': portalDenied(() => ({ title: '甲方改名' })),
  'POST /api/v1/portal/products/{id}/skus': portalDenied(() => sku),
  'PATCH /api/v1/portal/skus/{id}': portalDenied(() => ({ stock: 0 })),
  'GET /api/v1/portal/submissions': portalDenied(),
  'POST /api/v1/portal/submissions': portalDenied((w) => ({
    productId: w.bIds['com-product'],
    target: 'pool',
  })),
  'POST /api/v1/portal/submissions/import': portalDenied(() => ({ target: 'pool', csv: '商品名称\n甲方' })),
  'GET /api/v1/portal/submissions/{id}': portalDenied(),
  'POST /api/v1/portal/submissions/{id}/withdraw': portalDenied(() => ({})),
  'GET /api/v1/portal/inspections': portalDenied(),
};

/** B's commerce lists and records, for the before/after snapshot: nothing of them may change. */
function commerceListsOfB(w: TenancyWorld): string[] {
  return [
    '/api/v1/categories',
    '/api/v1/merchants',
    `/api/v1/merchants/${w.bIds['com-merchant']}/deposits`,
    '/api/v1/merchant-invites',
    '/api/v1/products',
    '/api/v1/submissions',
    `/api/v1/submissions/${w.bIds['com-submission']}`,
    '/api/v1/qc/templates',
    '/api/v1/qc/inspections',
    '/api/v1/warehouse/receipts',
    '/api/v1/warehouse/stock',
  ];
}

/**
 * Creates B's commerce records through B's API. B's merchant and category ids are not
 * secrets: A sends them in its own requests to prove they are refused, and the 404 may name
 * them. B's names and amounts, which every list would show, are.
 */
async function seedCommerceOfB(w: TenancyWorld): Promise<void> {
  const call = async <T>(url: string, payload: object, viaB = true): Promise<T> => {
    const response = viaB
      ? await w.b.request({ method: 'POST', url, payload })
      : await w.t.app.inject({ method: 'POST', url, payload });
    if (response.statusCode >= 300)
      throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  const category = await call<{ id: string }>('/api/v1/categories', {
    name: '乙方食品',
    requiredDepositFen: 1000,
  });
  const invite = await call<{ id: string; token: string }>('/api/v1/merchant-invites', {
    email: 'supplier@tenant-b.test',
    companyName: '乙方供应商',
  });
  const applied = await call<{ merchant: { id: string } }>(
    '/api/v1/merchant-applications',
    {
      token: invite.token,
      companyName: '乙方供应商',
      licenceNo: '91330106MA2GL5QK8C',
      contact: { name: '乙方联系人', phone: '13900139000' },
      categoryIds: [category.id],
      account: { name: '乙方商家', password: 'supplier-b-password' },
    },
    false,
  );
  const merchantId = applied.merchant.id;
  await call(`/api/v1/merchants/${merchantId}/transition`, { to: 'approved' });
  await call(`/api/v1/merchants/${merchantId}/deposits`, {
    kind: 'paid',
    amountFen: 7_777_777,
    reason: '乙方保证金',
  });
  const openInvite = await call<{ id: string }>('/api/v1/merchant-invites', {
    email: 'second@tenant-b.test',
  });
  const upload = await call<{ id: string }>('/api/v1/uploads', { fileName: 'b.png', dataBase64: png1x1 });
  const product = await call<{ id: string; skus: { id: string }[] }>('/api/v1/products', {
    merchantId,
    categoryId: category.id,
    title: '乙方秘制牛肉',
    imageIds: [upload.id],
    skus: [
      {
        spec: '乙方规格',
        listPriceFen: 6_666_600,
        livePriceFen: 5_555_500,
        costFen: 100,
        commissionBp: 3000,
        stock: 9,
      },
    ],
  });
  const skuId = product.skus[0]?.id ?? 'none';
  const submission = await call<{ id: string }>('/api/v1/submissions', {
    merchantId,
    productId: product.id,
    target: 'session',
    sessionRef: 'ses_b_commerce',
  });
  const template = await call<{ id: string; items: { key: string }[] }>('/api/v1/qc/templates', {
    categoryId: category.id,
    name: '乙方检验单',
    items: [{ label: '乙方检验项' }],
  });
  for (const to of ['shortlisted', 'sample_requested', 'sample_received'])
    await call(`/api/v1/submissions/${submission.id}/transition`, { to });
  await call(`/api/v1/submissions/${submission.id}/inspections`, {
    results: [{ key: template.items[0]?.key, passed: true }],
    summary: '乙方质检结论',
  });
  await call(`/api/v1/submissions/${submission.id}/transition`, { to: 'approved' });
  await call(`/api/v1/submissions/${submission.id}/receipts`, {
    lines: [{ skuId, quantity: 4321, location: '乙方库位' }],
  });
  Object.assign(w.bIds, {
    'com-category': category.id,
    'com-merchant': merchantId,
    'com-invite': openInvite.id,
    'com-upload': upload.id,
    'com-product': product.id,
    'com-sku': skuId,
    'com-submission': submission.id,
    'com-qc-template': template.id,
  });
  w.bSecrets.push(openInvite.id, upload.id, product.id, skuId, submission.id, template.id);
  w.bSecrets.push(
    '乙方食品',
    '乙方供应商',
    'supplier@tenant-b.test',
    '7777777',
    '乙方秘制牛肉',
    '6666600',
    '乙方检验单',
    '乙方检验项',
    '乙方质检结论',
    '乙方库位',
    'ses_b_commerce',
  );
}

export const commerceTenancy: TenancyContext = {
  name: 'commerce',
  cases: commerceCases,
  seed: seedCommerceOfB,
  listsOfB: commerceListsOfB,
};
