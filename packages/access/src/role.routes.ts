import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from './http-auth.js';
import { roleMatrixDto } from './role.schema.js';
import { permissionMatrix, permissions } from './roles.js';

export function roleRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/roles',
      {
        schema: {
          tags: ['roles'],
          summary: 'The permission matrix: what each role may do',
          response: { 200: roleMatrixDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        principalOf(request);
        return { permissions: [...permissions], roles: permissionMatrix() };
      },
    );
  };
}
