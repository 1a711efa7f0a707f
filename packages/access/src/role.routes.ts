import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from './http-auth.js';
import { permissionMatrix, permissions, roles } from './roles.js';

const matrixDto = z.object({
  permissions: z.array(z.enum(permissions)),
  roles: z.array(z.object({ role: z.enum(roles), permissions: z.array(z.enum(permissions)) })),
});

export function roleRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/roles',
      {
        schema: {
          tags: ['roles'],
          summary: 'The permission matrix: what each role may do',
          response: { 200: matrixDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        principalOf(request);
        return { permissions: [...permissions], roles: permissionMatrix() };
      },
    );
  };
}
