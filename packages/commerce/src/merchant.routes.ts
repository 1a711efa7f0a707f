import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approvalDto } from './approval.schema.js';
import type { Commerce } from './commerce.js';
import { depositLedgerDto, recordDepositInput } from './deposit.schema.js';
import {
  createMerchantLoginInput,
  merchantApplicationInput,
  merchantDetailDto,
  merchantDto,
  merchantListQuery,
  merchantLoginDto,
  merchantTransitionInput,
  updateMerchantInput,
} from './merchant.schema.js';

const tags = ['merchants'];

export function merchantRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/merchants',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'Merchants, newest first',
          querystring: merchantListQuery,
          response: { 200: listOf(merchantDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await commerce.merchants.list(principalOf(request).orgId, request.query),
      }),
    );
    app.post(
      '/merchants',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'File an application on a merchant’s behalf',
          body: merchantApplicationInput,
          response: { 201: merchantDetailDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await commerce.merchants.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.get(
      '/merchants/:id',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'One merchant with its deposit summary and requirement',
          params: idParams,
          response: { 200: merchantDetailDto, ...commonErrorResponses },
        },
      },
      async (request) => commerce.merchants.get(principalOf(request).orgId, request.params.id),
    );
    app.patch(
      '/merchants/:id',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Correct a merchant’s details',
          params: idParams,
          body: updateMerchantInput,
          response: { 200: merchantDetailDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return commerce.merchants.update(
          principal.orgId,
          request.params.id,
          request.body,
          actorOf(principal),
        );
      },
    );
    app.post(
      '/merchants/:id/transition',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary:
            'Approve, reject (reason) or reinstate; a suspension (reason) waits for a second person (202 with the approval); illegal moves get 409 illegal_transition',
          params: idParams,
          body: merchantTransitionInput,
          response: {
            200: merchantDetailDto,
            202: approvalDto,
            409: errorBodySchema,
            ...commonErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const done = await commerce.approvals.submitTransition(
          principal.orgId,
          request.params.id,
          request.body,
          actorOf(principal),
        );
        return done.pending ? reply.code(202).send(done.approval) : reply.send(done.result);
      },
    );
    app.get(
      '/merchants/:id/deposits',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags: ['deposits'],
          summary: 'The deposit ledger (newest first) and its derived balance',
          params: idParams,
          response: { 200: depositLedgerDto, ...commonErrorResponses },
        },
      },
      async (request) => commerce.deposits.ledger(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/merchants/:id/deposits',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags: ['deposits'],
          summary:
            'Append a ledger entry with a reason; a refund or deduction at or above the approval threshold waits for a second person (202 with the approval)',
          params: idParams,
          body: recordDepositInput,
          response: {
            201: depositLedgerDto,
            202: approvalDto,
            409: errorBodySchema,
            ...commonErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const done = await commerce.approvals.submitDeposit(
          principal.orgId,
          request.params.id,
          request.body,
          actorOf(principal),
        );
        return done.pending ? reply.code(202).send(done.approval) : reply.code(201).send(done.result);
      },
    );
    app.post(
      '/merchants/:id/logins',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Give a person a merchant-portal login for this merchant',
          params: idParams,
          body: createMerchantLoginInput,
          response: { 201: merchantLoginDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(
            await commerce.merchants.createLogin(
              principal.orgId,
              request.params.id,
              request.body,
              actorOf(principal),
            ),
          );
      },
    );
  };
}
