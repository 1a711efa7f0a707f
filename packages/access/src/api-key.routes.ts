import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import { listOf } from '@livecloud/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Access } from './access.js';
import { apiKeyDto, createApiKeyInput, createdApiKeyDto, updateApiKeyInput } from './api-key.schema.js';
import { principalOf, requirePermission } from './http-auth.js';
import { actorOf } from './principal.js';

export function apiKeyRoutes(access: Access): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api-keys',
      {
        preHandler: requirePermission('keys:manage'),
        schema: {
          tags: ['api-keys'],
          summary: 'The organisation’s API keys (never their secrets)',
          response: { 200: listOf(apiKeyDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await access.apiKeys.list(principalOf(request).orgId) }),
    );
    app.post(
      '/api-keys',
      {
        preHandler: requirePermission('keys:manage'),
        schema: {
          tags: ['api-keys'],
          summary: 'Create a collector key (per source) or an admin key; the secret is returned once',
          body: createApiKeyInput,
          response: { 201: createdApiKeyDto, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await access.apiKeys.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.patch(
      '/api-keys/:id',
      {
        preHandler: requirePermission('keys:manage'),
        schema: {
          tags: ['api-keys'],
          summary: 'Rename a key or replace the web origins its pages may use it from',
          params: idParams,
          body: updateApiKeyInput,
          response: { 200: apiKeyDto, ...commonErrorResponses, 409: errorBodySchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return access.apiKeys.update(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.delete(
      '/api-keys/:id',
      {
        preHandler: requirePermission('keys:manage'),
        schema: {
          tags: ['api-keys'],
          summary: 'Revoke a key at once',
          params: idParams,
          response: { 200: apiKeyDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return access.apiKeys.revoke(principal.orgId, request.params.id, actorOf(principal));
      },
    );
  };
}
