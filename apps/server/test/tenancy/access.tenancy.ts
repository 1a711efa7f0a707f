import type { TenancyContext } from './tenancy-case.js';

const system = { type: 'system' as const, id: null };

/**
 * Access: sign-in, the organisation, staff, API keys, roles, the audit log and the instance
 * API. B has an anchor and a collector key; A has an admin key for the walk's second pass.
 */
export const accessTenancy: TenancyContext = {
  name: 'access',
  cases: {
    'GET /api/v1/health': { kind: 'public' },
    'POST /api/v1/auth/login': { kind: 'public' },
    'GET /api/v1/auth/me': { kind: 'own' },
    'POST /api/v1/auth/switch-org': { kind: 'own', body: (w) => ({ orgId: w.b.orgId }), expect: [403] },
    'POST /api/v1/auth/logout': { kind: 'own', expect: [204] },
    'GET /api/v1/org': { kind: 'own' },
    'PATCH /api/v1/org': { kind: 'own', body: () => ({ name: 'A 改名' }) },
    'GET /api/v1/staff': { kind: 'own' },
    'POST /api/v1/staff': {
      kind: 'own',
      body: () => ({ email: 'new@a.test', name: '新人', role: 'qc', password: 'new-person-pw' }),
      expect: [201],
    },
    'GET /api/v1/staff/{id}': { kind: 'foreign', resource: 'staff' },
    'PATCH /api/v1/staff/{id}': { kind: 'foreign', resource: 'staff', body: () => ({ role: 'admin' }) },
    'POST /api/v1/staff/{id}/offboard': { kind: 'foreign', resource: 'staff' },
    'GET /api/v1/staff/{id}/api-keys': { kind: 'foreign', resource: 'staff' },
    'GET /api/v1/api-keys': { kind: 'own' },
    'POST /api/v1/api-keys': {
      kind: 'own',
      body: () => ({ name: 'A key', purpose: 'admin' }),
      expect: [201],
    },
    'PATCH /api/v1/api-keys/{id}': {
      kind: 'foreign',
      resource: 'api-keys',
      body: () => ({ name: 'A 改名', allowedOrigins: ['https://a.example'] }),
    },
    'DELETE /api/v1/api-keys/{id}': { kind: 'foreign', resource: 'api-keys' },
    'GET /api/v1/roles': { kind: 'own' },
    'GET /api/v1/audit': { kind: 'own' },
    'GET /api/v1/instance/organisations': { kind: 'instance' },
    'POST /api/v1/instance/organisations': {
      kind: 'instance',
      body: () => ({ name: '甲的新组织', slug: 'a-made-this' }),
    },
    'POST /api/v1/instance/organisations/{org}/staff': {
      kind: 'instance',
      resource: 'organisation',
      body: () => ({ email: 'mole@a.test', name: '卧底', role: 'admin', password: 'mole-password' }),
    },
    'POST /api/v1/instance/organisations/{org}/api-keys': {
      kind: 'instance',
      resource: 'organisation',
      body: () => ({ name: '甲偷钥匙', purpose: 'admin' }),
    },
  },
  async seed(w) {
    const { access } = w.t;
    const bStaff = await access.staff.onboard(
      w.b.orgId,
      { email: 'anchor@tenant-b.test', name: '乙主播', role: 'anchor', password: 'anchor-b-password' },
      system,
    );
    const bKey = await access.apiKeys.create(
      w.b.orgId,
      { name: '乙采集', purpose: 'collector', source: 'douyin' },
      system,
    );
    const aKey = await access.apiKeys.create(w.a.orgId, { name: '甲脚本', purpose: 'admin' }, system);
    w.aKeySecret = aKey.secret;
    Object.assign(w.bIds, { staff: bStaff.id, 'api-keys': bKey.id, organisation: w.b.orgId });
    w.bSecrets.push('乙主播', 'anchor@tenant-b.test', bStaff.id, bStaff.userId, bKey.id, bKey.prefix);
  },
  listsOfB: () => ['/api/v1/org', '/api/v1/staff', '/api/v1/api-keys'],
};
