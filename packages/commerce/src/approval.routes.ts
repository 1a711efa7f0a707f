import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  approvalDto,
  approvalListQuery,
  approvalPolicyDto,
  approvalPolicyInput,
  approveInput,
  rejectInput,
} from './approval.schema.js';
import type { Commerce } from './commerce.js';

const tags = ['approvals'];
const decided = { 200: approvalDto, 409: errorBodySchema, ...commonErrorResponses };

/** Two-person approval: the queue, its decisions, and the organisation's threshold. */
export function approvalRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  const { approvals } = commerce;
  return async (app) => {
    app.get(
      '/approvals',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'Approvals, newest first; filter by status, kind or merchant, page with before',
          querystring: approvalListQuery,
          response: { 200: listOf(approvalDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await approvals.list(principalOf(request).orgId, request.query) }),
    );
    app.get(
      '/approvals/policy',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'The deposit amount from which a refund or deduction needs a second person',
          response: { 200: approvalPolicyDto, ...commonErrorResponses },
        },
      },
      async (request) => approvals.policy(principalOf(request).orgId),
    );
    app.put(
      '/approvals/policy',
      {
        preHandler: requirePermission('org:manage'),
        schema: {
          tags,
          summary: 'Set the threshold in fen (0: every refund and deduction needs approval)',
          body: approvalPolicyInput,
          response: { 200: approvalPolicyDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return approvals.setPolicy(principal.orgId, request.body, actorOf(principal));
      },
    );
    app.get(
      '/approvals/:id',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'One approval',
          params: idParams,
          response: { 200: approvalDto, ...commonErrorResponses },
        },
      },
      async (request) => approvals.get(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/approvals/:id/approve',
      {
        preHandler: requirePermission('commerce:approve'),
        schema: {
          tags,
          summary: 'Approve and run the action, re-checked now; the requester gets 403 approval_same_person',
          params: idParams,
          body: approveInput,
          response: decided,
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return approvals.approve(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.post(
      '/approvals/:id/reject',
      {
        preHandler: requirePermission('commerce:approve'),
        schema: {
          tags,
          summary: 'Refuse with a reason',
          params: idParams,
          body: rejectInput,
          response: decided,
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return approvals.reject(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.post(
      '/approvals/:id/cancel',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'The requester withdraws a pending request',
          params: idParams,
          response: decided,
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return approvals.cancel(principal.orgId, request.params.id, actorOf(principal));
      },
    );
  };
}
