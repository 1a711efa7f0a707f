import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Commerce } from './commerce.js';
import {
  createdMerchantInviteDto,
  createMerchantInviteInput,
  inviteCheckDto,
  inviteTokenInput,
  merchantApplyDto,
  merchantApplyInput,
  merchantInviteDto,
} from './merchant-invite.schema.js';

const tags = ['merchant-onboarding'];
const publicErrors = { 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

export function merchantInviteRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/merchant-invites',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Invitations sent to merchants',
          response: { 200: listOf(merchantInviteDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await commerce.invites.list(principalOf(request).orgId) }),
    );
    app.post(
      '/merchant-invites',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Invite a merchant contact to apply; the token is returned once',
          body: createMerchantInviteInput,
          response: { 201: createdMerchantInviteDto, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await commerce.invites.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.delete(
      '/merchant-invites/:id',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Withdraw an unused invitation',
          params: idParams,
          response: { 200: merchantInviteDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return commerce.invites.revoke(principal.orgId, request.params.id, actorOf(principal));
      },
    );

    app.post(
      '/merchant-applications/check',
      {
        schema: {
          tags,
          summary: 'Public: what an invitation is for (organisation, e-mail, categories)',
          security: [],
          body: inviteTokenInput,
          response: { 200: inviteCheckDto, ...publicErrors },
        },
        config: { public: true },
      },
      async (request) => commerce.invites.check(request.body.token),
    );
    app.post(
      '/merchant-applications',
      {
        schema: {
          tags,
          summary: 'Public: apply with an invitation; creates the application and the portal login',
          security: [],
          body: merchantApplyInput,
          response: { 201: merchantApplyDto, ...publicErrors },
        },
        config: { public: true },
      },
      async (request, reply) => reply.code(201).send(await commerce.invites.apply(request.body)),
    );
  };
}
