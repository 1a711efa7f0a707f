import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import { listOf } from '@livecloud/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Access } from './access.js';
import { principalOf, requirePermission } from './http-auth.js';
import { actorOf } from './principal.js';
import { apiKeyDto } from './api-key.schema.js';
import {
  offboardStaffInput,
  offboardedStaffDto,
  onboardStaffInput,
  staffDto,
  updateStaffInput,
} from './staff.schema.js';

export function staffRoutes(access: Access): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff',
      {
        preHandler: requirePermission('staff:read'),
        schema: {
          tags: ['staff'],
          summary: 'Everyone in the organisation',
          response: { 200: listOf(staffDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await access.staff.list(principalOf(request).orgId) }),
    );
    app.get(
      '/staff/:id',
      {
        preHandler: requirePermission('staff:read'),
        schema: {
          tags: ['staff'],
          summary: 'One person',
          params: idParams,
          response: { 200: staffDto, ...commonErrorResponses },
        },
      },
      async (request) => access.staff.get(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/staff',
      {
        preHandler: requirePermission('staff:manage'),
        schema: {
          tags: ['staff'],
          summary: 'On-board a person with a role',
          body: onboardStaffInput,
          response: { 201: staffDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const staff = await access.staff.onboard(principal.orgId, request.body, actorOf(principal));
        return reply.code(201).send(staff);
      },
    );
    app.patch(
      '/staff/:id',
      {
        preHandler: requirePermission('staff:manage'),
        schema: {
          tags: ['staff'],
          summary: 'Change a person’s role or name',
          params: idParams,
          body: updateStaffInput,
          response: { 200: staffDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return access.staff.update(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.post(
      '/staff/:id/offboard',
      {
        preHandler: requirePermission('staff:manage'),
        schema: {
          tags: ['staff'],
          summary:
            'Off-board a person: access ends at once, their personal keys are revoked and their service keys pass to serviceKeysTo',
          params: idParams,
          body: offboardStaffInput.nullish(),
          response: { 200: offboardedStaffDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return access.staff.offboard(
          principal.orgId,
          request.params.id,
          actorOf(principal),
          request.body ?? {},
        );
      },
    );
    app.get(
      '/staff/:id/api-keys',
      {
        preHandler: requirePermission('staff:manage'),
        schema: {
          tags: ['staff'],
          summary: 'The working API keys a person answers for: what off-boarding them would affect',
          params: idParams,
          response: { 200: listOf(apiKeyDto), ...commonErrorResponses },
        },
      },
      async (request) => {
        const { orgId } = principalOf(request);
        const member = await access.staff.get(orgId, request.params.id);
        return { items: await access.apiKeys.ownedBy(orgId, member.userId) };
      },
    );
  };
}
