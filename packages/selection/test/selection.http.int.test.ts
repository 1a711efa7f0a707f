import fastifySwagger from '@fastify/swagger';
import { permissionsOf, type Role } from '@livecloud/access';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server's one error mapping is what turns AppError and schema failures into answers.
import { registerErrorHandling } from '../../../apps/server/src/error-handler.js';
import { selectionRoutes } from '../src/index.js';
import { addSession, closeWorld, day, openWorld, requirement, t0, type World } from './fixtures.js';

let w: World;
let app: FastifyInstance;

/**
 * A small app with the server's validation, serialisation, error mapping and OpenAPI transform,
 * and a principal taken from test headers: the routes are not wired into the server yet.
 */
async function buildApp(world: World): Promise<FastifyInstance> {
  const instance = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  instance.setValidatorCompiler(validatorCompiler);
  instance.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(instance);
  instance.decorateRequest('principal', null);
  instance.decorateRequest('authError', null);
  instance.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (typeof role !== 'string') return;
    const org = request.headers['x-test-org'] === 'other' ? world.otherOrgId : world.orgId;
    request.principal = {
      kind: 'user',
      orgId: org,
      userId: `usr_${role}`,
      membershipId: `mem_${role}`,
      role: role as Role,
      permissions: permissionsOf(role as Role),
      sessionId: 'lgs_test',
      csrfToken: 'csrf',
    };
  });
  await instance.register(fastifySwagger, {
    openapi: { openapi: '3.1.0', info: { title: 'selection', version: '0' } },
    transform: jsonSchemaTransform,
  });
  await instance.register(selectionRoutes(world.selection), { prefix: '/api/v1' });
  await instance.ready();
  return instance;
}

function call(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  options: { role?: Role | null; payload?: object; org?: 'other' } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (options.role !== null) headers['x-test-role'] = options.role ?? 'selection';
  if (options.org) headers['x-test-org'] = options.org;
  return app.inject({ method, url: `/api/v1/selection${url}`, headers, payload: options.payload });
}

function expectError(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  const body = response.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error;
}

beforeAll(async () => {
  w = await openWorld('pglite');
  addSession(w, 'ses_beauty', [requirement('req_makeup', { categories: ['cat_makeup'], itemCount: 2 })]);
  app = await buildApp(w);
});
afterAll(async () => {
  await app.close();
  await closeWorld(w);
});

describe('selection over HTTP', () => {
  it('describes every route in the OpenAPI document', () => {
    const paths = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/selection/observations',
        '/api/v1/selection/observations/import',
        '/api/v1/selection/observations/{id}',
        '/api/v1/selection/products/{productId}/observations',
        '/api/v1/selection/products/{productId}/prices',
        '/api/v1/selection/lowest-price-check',
        '/api/v1/selection/scores',
        '/api/v1/selection/compare',
        '/api/v1/selection/sessions',
        '/api/v1/selection/sessions/{sessionId}/shortlist',
        '/api/v1/selection/sessions/{sessionId}/shortlist/{skuId}',
        '/api/v1/selection/sessions/{sessionId}/coverage',
      ]),
    );
  });

  it('records a price, shows it in the history and deletes it', async () => {
    const created = await call('POST', '/observations', {
      payload: {
        productId: 'prd_lipstick',
        skuId: 'sku_red',
        source: 'platform',
        platform: 'kuaishou',
        priceFen: 7900,
        observedAt: new Date(t0 - day).toISOString(),
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const history = await call('GET', '/products/prd_lipstick/prices?days=7');
    expect(history.statusCode).toBe(200);
    expect(
      history.json<{ skus: { skuId: string; flagged: boolean; gapFen: number | null }[] }>().skus,
    ).toEqual([
      expect.objectContaining({ skuId: 'sku_red', flagged: true, gapFen: 1000 }),
      expect.objectContaining({ skuId: 'sku_pink', flagged: false, gapFen: null }),
    ]);
    const removed = await call('DELETE', `/observations/${id}`);
    expect(removed.statusCode).toBe(200);
    expectError(await call('DELETE', `/observations/${id}`), 404, 'price_observation_not_found');
  });

  it('imports a CSV and answers each row', async () => {
    const response = await call('POST', '/observations/import', {
      payload: { csv: 'Product ID,Platform,Price\nprd_serum,Douyin,99\nprd_x,jd,1\n' },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json<{
      taken: number;
      rows: { status: string; reasons: { code: string }[] }[];
    }>();
    expect(report.taken).toBe(1);
    expect(report.rows.map((r) => r.reasons.map((x) => x.code))).toEqual([[], ['product_not_found']]);
    expectError(
      await call('POST', '/observations/import', { payload: { csv: '备注\nx\n' } }),
      400,
      'csv_missing_columns',
    );
  });

  it('answers bad input with 400 and a machine-readable code', async () => {
    expectError(await call('GET', '/products/prd_lipstick/prices?days=0'), 400, 'invalid_request');
    expectError(await call('GET', '/products/prd_lipstick/prices?days=366'), 400, 'invalid_request');
    expectError(await call('GET', '/lowest-price-check?days=abc'), 400, 'invalid_request');
    const yuan = await call('POST', '/observations', {
      payload: { productId: 'prd_lipstick', priceFen: 79.9 },
    });
    expect(JSON.stringify(expectError(yuan, 400, 'invalid_request'))).toContain('priceFen');
    const noPlatform = await call('POST', '/observations', {
      payload: { productId: 'prd_lipstick', source: 'platform', priceFen: 7900 },
    });
    expect(JSON.stringify(expectError(noPlatform, 400, 'invalid_request'))).toContain('platform');
    expectError(
      await call('POST', '/observations', {
        payload: { productId: 'prd_lipstick', priceFen: 7900, observedAt: new Date(t0 + day).toISOString() },
      }),
      400,
      'observed_in_future',
    );
    expectError(await call('GET', '/compare?skuIds=sku_red'), 400, 'compare_size');
    expectError(await call('GET', '/compare?skuIds=a,b,c,d,e,f,g'), 400, 'compare_size');
    expectError(await call('GET', '/scores?weights=price:10'), 400, 'invalid_request');
    expectError(
      await call('GET', '/scores?weights=margin:0,commission:0,conversion:0,fit:0,stock:0,lowest_price:0'),
      400,
      'invalid_request',
    );
  });

  it('answers unknown things with 404, and another organisation’s as unknown', async () => {
    expectError(await call('GET', '/products/prd_nope/prices'), 404, 'product_not_found');
    expectError(
      await call('GET', '/products/prd_lipstick/prices', { org: 'other' }),
      404,
      'product_not_found',
    );
    expectError(await call('GET', '/scores?sessionId=ses_nope'), 404, 'session_not_found');
    expectError(await call('GET', '/compare?skuIds=sku_red,sku_ghost'), 404, 'sku_not_found');
    expectError(
      await call('GET', '/sessions/ses_beauty/coverage', { org: 'other' }),
      404,
      'session_not_found',
    );
  });

  it('scores with weights from the query and shows every component', async () => {
    const response = await call(
      'GET',
      '/scores?sessionId=ses_beauty&productIds=prd_lipstick&weights=stock:0',
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      weights: Record<string, number>;
      items: {
        skuId: string;
        score: number;
        components: { component: string; reason: { code: string } }[];
      }[];
    }>();
    expect(body.weights.stock).toBe(0);
    // No sales history and no prices seen: margin, commission and fit share the 100 points; a tie goes by id.
    expect(body.items.map((i) => [i.skuId, i.score])).toEqual([
      ['sku_pink', 90.9],
      ['sku_red', 90.9],
    ]);
    expect(body.items[0]?.components.map((c) => c.component)).toEqual([
      'margin',
      'commission',
      'conversion',
      'fit',
      'stock',
      'lowest_price',
    ]);
    expect(body.items[0]?.components[3]?.reason.code).toBe('fit_full');
  });

  it('lists the sessions to select for, to a role that may not read the schedule', async () => {
    const window = `from=${new Date(t0).toISOString()}&to=${new Date(t0 + day).toISOString()}`;
    const listed = await call('GET', `/sessions?${window}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({
      items: [expect.objectContaining({ id: 'ses_beauty', roomName: '一号厅', requirementCount: 1 })],
    });
    const later = `from=${new Date(t0 + day).toISOString()}&to=${new Date(t0 + 2 * day).toISOString()}`;
    expect((await call('GET', `/sessions?${later}`)).json()).toEqual({ items: [] });
    expect((await call('GET', `/sessions?${window}`, { org: 'other' })).json()).toEqual({ items: [] });
    const tooLong = `from=${new Date(t0).toISOString()}&to=${new Date(t0 + 94 * day).toISOString()}`;
    expectError(await call('GET', `/sessions?${tooLong}`), 400, 'invalid_request');
    expectError(await call('GET', '/sessions?from=yesterday'), 400, 'invalid_request');
  });

  it('adds to and removes from a shortlist, with 409 for a duplicate', async () => {
    const added = await call('POST', '/sessions/ses_beauty/shortlist', {
      payload: { productId: 'prd_lipstick', skuId: 'sku_red' },
    });
    expect(added.statusCode).toBe(201);
    expectError(
      await call('POST', '/sessions/ses_beauty/shortlist', {
        payload: { productId: 'prd_lipstick', skuId: 'sku_red' },
      }),
      409,
      'already_shortlisted',
    );
    const coverage = await call('GET', '/sessions/ses_beauty/coverage');
    expect(coverage.json<{ requirements: { count: number; shortBy: number }[] }>().requirements).toEqual([
      expect.objectContaining({ count: 1, shortBy: 1 }),
    ]);
    expect((await call('DELETE', '/sessions/ses_beauty/shortlist/sku_red')).statusCode).toBe(200);
  });

  it('lets readers read but only managers write, and nobody in without signing in', async () => {
    expect((await call('GET', '/scores', { role: 'qc' })).statusCode).toBe(200);
    expectError(
      await call('POST', '/observations', {
        role: 'qc',
        payload: { productId: 'prd_lipstick', priceFen: 1 },
      }),
      403,
      'forbidden',
    );
    expectError(await call('GET', '/scores', { role: 'ad_buyer' }), 403, 'forbidden');
    expectError(await call('GET', '/scores', { role: null }), 401, 'unauthenticated');
  });
});
