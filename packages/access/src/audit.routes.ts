import { listOf } from '@livecloud/contracts';
import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Access } from './access.js';
import { auditEntryDto, auditQuery } from './audit.schema.js';
import { principalOf, requirePermission } from './http-auth.js';

export function auditRoutes(access: Access): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        preHandler: requirePermission('audit:read'),
        schema: {
          tags: ['audit'],
          summary: 'Who did what, newest first',
          querystring: auditQuery,
          response: { 200: listOf(auditEntryDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await access.audit.list(principalOf(request).orgId, request.query) }),
    );
  };
}
