import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { categoryDto, createCategoryInput, updateCategoryInput } from './category.schema.js';
import type { Commerce } from './commerce.js';

export function categoryRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/categories',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags: ['categories'],
          summary: 'The category tree, flat, with required deposits',
          response: { 200: listOf(categoryDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await commerce.categories.list(principalOf(request).orgId) }),
    );
    app.post(
      '/categories',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags: ['categories'],
          summary: 'Add a category (optionally under a parent) with the deposit it requires',
          body: createCategoryInput,
          response: { 201: categoryDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await commerce.categories.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.patch(
      '/categories/:id',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags: ['categories'],
          summary: 'Rename a category or change its required deposit',
          params: idParams,
          body: updateCategoryInput,
          response: { 200: categoryDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return commerce.categories.update(
          principal.orgId,
          request.params.id,
          request.body,
          actorOf(principal),
        );
      },
    );
  };
}
