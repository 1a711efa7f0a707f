import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { registerAuthentication } from '@livecloud/access';
import { AppError, newId } from '@livecloud/core';
import { collectorRoutes, segmentRoutes } from '@livecloud/events';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { contextRoutes } from './context-routes.js';
import { registerErrorHandling, toErrorResponse } from './error-handler.js';
import { healthRoutes } from './health.routes.js';
import { registerNulGuard } from './nul-guard.js';
import type { AppServices } from './services.js';

const requestIdPattern = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The HTTP server: the REST API under /api/v1 with its OpenAPI document, and the built web
 * app. It does not listen; callers choose how (tests use `inject`).
 */
export async function buildApp(services: AppServices): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    // pino 10 and Fastify's bundled pino types differ only in generics; the instance is the same API.
    loggerInstance: services.logger as unknown as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    // Keep-alive sockets that are idle are closed at shutdown; busy ones finish first.
    forceCloseConnections: 'idle',
    // Requests that arrive while shutting down get our own 503 body (below), not Fastify's.
    return503OnClosing: false,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : newId('req');
    },
    // Router errors (bad URL, over-long parameter) get the same uniform body as the rest.
    frameworkErrors: (error, request, reply) => {
      const { status, body } = toErrorResponse(error, request.id);
      void (reply as unknown as FastifyReply).code(status).send(body);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (closing) {
      void reply.header('connection', 'close');
      throw new AppError(
        'unavailable',
        'shutting_down',
        'The server is shutting down; retry on another instance',
      );
    }
  });
  registerNulGuard(app);
  // A response finished during shutdown closes its keep-alive connection, so close() need not
  // wait out the keep-alive timeout of clients that were mid-request.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });

  const webDir = config.webDir ?? join(import.meta.dirname, '../../web/dist');
  const serveWeb = existsSync(join(webDir, 'index.html'));
  registerErrorHandling(app, {
    spaFallback: serveWeb
      ? (path) => !/^\/(api|collect|v1)(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path)
      : undefined,
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'LiveCloud API',
        description:
          'LiveCloud 直播云 — the REST API of the livestream e-commerce middle platform. Errors always have the body ' +
          '`{ "error": { "code", "message", "details?" } }`. Sign in with `POST /api/v1/auth/login` (session cookie; ' +
          'send `x-csrf-token` on unsafe requests) or send `Authorization: Bearer <API key>`. Money is integer fen.',
        version: services.version,
      },
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'lc_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
          instanceToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The instance admin token (lc_inst_…); opens /api/v1/instance only',
          },
          writeKey: {
            type: 'http',
            scheme: 'basic',
            description: 'Segment style: the write key as user name, empty password',
          },
        },
      },
      security: [{ sessionCookie: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuthentication(app, services.access);
  await app.register(
    async (api) => {
      await api.register(
        healthRoutes({
          version: services.version,
          startedAt: Date.now(),
          records: services.records,
          events: services.events,
          bus: services.collection.bus,
          liveState: services.live.state,
        }),
      );
      for (const routes of contextRoutes(services)) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  const collectorDeps = {
    collector: services.collection.collector,
    bodyLimitBytes: config.collectorBodyLimitBytes,
    allowedOrigins: config.collectorAllowedOrigins,
    authenticateKey: (secret: string) => services.access.apiKeys.authenticate(secret),
  };
  await app.register(collectorRoutes(collectorDeps));
  await app.register(segmentRoutes(collectorDeps));

  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  return app;
}
