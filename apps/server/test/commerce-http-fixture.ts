import { creditCodeCheckChar } from '@livecloud/commerce';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTestApp, seedOrg, signIn, type SessionClient, type TestApp } from './test-app.js';

/** Shared by the commerce HTTP tests: an organisation with two approved merchants that applied through invites. */

export const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const csvHeader = '商品名称,品牌,类目,规格,原价,直播价,成本,佣金比例,库存,卖点';

export interface CommerceHttpWorld {
  t: TestApp;
  admin: SessionClient;
  ids: Record<string, string>;
  merchants: { id: string; client: SessionClient }[];
}

export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): { code: string; message: string; details?: unknown } {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error;
}

export async function ok<T>(response: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const res = await response;
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

/** A merchant applies through an invite over HTTP, is approved and pays its deposit. */
async function onboardMerchant(
  t: TestApp,
  admin: SessionClient,
  ids: Record<string, string>,
  index: number,
): Promise<{ id: string; client: SessionClient }> {
  const email = `merchant${index}@supplier.test`;
  const invite = await ok<{ token: string }>(
    admin.request({ method: 'POST', url: '/api/v1/merchant-invites', payload: { email } }),
    201,
  );
  const check = await ok<{ email: string }>(
    t.app.inject({
      method: 'POST',
      url: '/api/v1/merchant-applications/check',
      payload: { token: invite.token },
    }),
  );
  expect(check.email).toBe(email);
  const applied = await ok<{ merchant: { id: string; status: string } }>(
    t.app.inject({
      method: 'POST',
      url: '/api/v1/merchant-applications',
      payload: {
        token: invite.token,
        companyName: `供应商${index}号`,
        licenceNo: `91330106MA2GL5QK${index}${creditCodeCheckChar(`91330106MA2GL5QK${index}`)}`,
        contact: { name: '联系人', phone: '13800138000' },
        categoryIds: [ids['food']],
        account: { name: `商家${index}`, password: 'merchant-password' },
      },
    }),
    201,
  );
  expect(applied.merchant.status).toBe('applied');
  const reused = await t.app.inject({
    method: 'POST',
    url: '/api/v1/merchant-applications/check',
    payload: { token: invite.token },
  });
  expectError(reused, 409, 'invite_used');
  await ok(
    admin.request({
      method: 'POST',
      url: `/api/v1/merchants/${applied.merchant.id}/transition`,
      payload: { to: 'approved' },
    }),
  );
  await ok(
    admin.request({
      method: 'POST',
      url: `/api/v1/merchants/${applied.merchant.id}/deposits`,
      payload: { kind: 'paid', amountFen: 100_000, reason: '保证金' },
    }),
    201,
  );
  return { id: applied.merchant.id, client: await signIn(t.app, email, 'merchant-password') };
}

/** Opens the app with the world the commerce HTTP tests share. */
export async function openCommerceHttpWorld(): Promise<CommerceHttpWorld> {
  const t = await createTestApp('pglite');
  const seeded = await seedOrg(t.access, 'shop', '商品测试');
  const admin = await signIn(t.app, seeded.email, seeded.password);
  const ids: Record<string, string> = {};
  ids['food'] = (
    await ok<{ id: string }>(
      admin.request({
        method: 'POST',
        url: '/api/v1/categories',
        payload: { name: '食品', requiredDepositFen: 50_000 },
      }),
      201,
    )
  ).id;
  const merchants = [await onboardMerchant(t, admin, ids, 1), await onboardMerchant(t, admin, ids, 2)];
  await t.access.staff.onboard(
    seeded.orgId,
    { email: 'qc@shop.test', name: '品控', role: 'qc', password: 'qc-password-1' },
    { type: 'system', id: null },
  );
  return { t, admin, ids, merchants };
}
