import { commonErrorResponses, errorBodySchema } from '@livecloud/core';
import { listOf } from '@livecloud/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from './access.js';
import { createApiKeyInput, createdApiKeyDto } from './api-key.schema.js';
import { requireInstanceAdmin } from './http-auth.js';
import { instanceAdminActor } from './instance-admin.js';
import { createOrganisationInput, organisationDto } from './organisation.schema.js';
import { onboardStaffInput, staffDto } from './staff.schema.js';

const orgParams = z.object({ org: z.string().min(1).max(64).describe('organisation id (org_…) or slug') });
const route = {
  onRequest: requireInstanceAdmin,
  config: { instanceApi: true },
} as const;
const tags = ['instance'];
const security = [{ instanceToken: [] }];
const errors = { ...commonErrorResponses, 409: errorBodySchema };

/**
 * The instance API: organisations and their first people and keys, for the instance admin
 * token only (no organisation's session or key opens it). What the CLI does on a data
 * directory, for a server that is running; actor in the audit log: `system` `instance_admin`.
 */
export function instanceRoutes(access: Access): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/instance/organisations',
      {
        ...route,
        schema: {
          tags,
          security,
          summary: 'Every organisation of the instance',
          response: { 200: listOf(organisationDto), ...errors },
        },
      },
      async () => ({ items: await access.instance.listOrganisations() }),
    );
    app.post(
      '/instance/organisations',
      {
        ...route,
        schema: {
          tags,
          security,
          summary: 'Create an organisation (a slug is made up when none is given)',
          body: createOrganisationInput,
          response: { 201: organisationDto, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await access.instance.createOrganisation(request.body, instanceAdminActor)),
    );
    app.post(
      '/instance/organisations/:org/staff',
      {
        ...route,
        schema: {
          tags,
          security,
          summary: 'On-board a person into an organisation with a role and an initial password',
          params: orgParams,
          body: onboardStaffInput,
          response: { 201: staffDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await access.instance.onboard(request.params.org, request.body, instanceAdminActor)),
    );
    app.post(
      '/instance/organisations/:org/api-keys',
      {
        ...route,
        schema: {
          tags,
          security,
          summary: 'Create an API key in an organisation; the secret is returned once',
          params: orgParams,
          body: createApiKeyInput,
          response: { 201: createdApiKeyDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await access.instance.createKey(request.params.org, request.body, instanceAdminActor)),
    );
  };
}
