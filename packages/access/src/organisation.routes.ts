import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Access } from './access.js';
import { principalOf, requirePermission } from './http-auth.js';
import { actorOf } from './principal.js';
import { organisationDto, renameOrganisationInput } from './organisation.schema.js';

export function organisationRoutes(access: Access): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/org',
      {
        preHandler: requirePermission('health:read'),
        schema: {
          tags: ['organisation'],
          summary: 'The current organisation',
          response: { 200: organisationDto, ...commonErrorResponses },
        },
      },
      async (request) => access.organisations.get(principalOf(request).orgId),
    );
    app.patch(
      '/org',
      {
        preHandler: requirePermission('org:manage'),
        schema: {
          tags: ['organisation'],
          summary: 'Rename the current organisation',
          body: renameOrganisationInput,
          response: { 200: organisationDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return access.organisations.rename(principal.orgId, request.body.name, actorOf(principal));
      },
    );
  };
}
