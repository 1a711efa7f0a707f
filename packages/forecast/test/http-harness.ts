import type { Permission } from '@livecloud/access';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
// The server's one error mapping is what turns AppError into the uniform body; reuse it as is.
import { registerErrorHandling } from '../../../apps/server/src/error-handler.js';
import { forecastRoutes, type Forecast } from '../src/index.js';

/**
 * The forecast routes under /api/v1 on a bare Fastify with the server's error mapping. The caller
 * is whoever `x-test-org` names, holding the permissions in `x-test-permissions`.
 */
export async function forecastApp(forecast: Forecast): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.decorateRequest('principal', null);
  app.decorateRequest('authError', null);
  app.addHook('onRequest', async (request) => {
    const orgId = request.headers['x-test-org'];
    if (typeof orgId !== 'string') return;
    const permissions = String(request.headers['x-test-permissions'] ?? 'live:read')
      .split(',')
      .filter((p) => p !== '') as Permission[];
    request.principal = {
      kind: 'api_key',
      orgId,
      keyId: 'key_test',
      purpose: 'admin',
      source: null,
      permissions: new Set(permissions),
      allowedOrigins: [],
    };
  });
  await app.register(forecastRoutes(forecast), { prefix: '/api/v1' });
  await app.ready();
  return app;
}
