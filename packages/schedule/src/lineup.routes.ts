import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorsWithConflict } from './http.js';
import {
  createLineupItemInput,
  lineupDto,
  lineupValidationDto,
  reorderLineupInput,
  updateLineupItemInput,
} from './lineup.schema.js';
import { poolRequirementDto, putPoolRequirementsInput } from './requirement.schema.js';
import type { Schedule } from './schedule.js';

const tags = ['lineups'];
const canRead = requirePermission('live:read');
const canManage = requirePermission('commerce:manage');

/** Line-ups (排品) and product-pool requirements per session. Every change answers with the whole line-up. */
export function lineupRoutes(schedule: Schedule): FastifyPluginAsyncZod {
  const { lineups, requirements } = schedule;
  return async (app) => {
    app.get(
      '/live-sessions/:id/lineup',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'The session’s line-up in order, with its validation',
          params: idParams,
          response: { 200: lineupDto, ...commonErrorResponses },
        },
      },
      async (request) => lineups.get(principalOf(request).orgId, request.params.id),
    );
    app.get(
      '/live-sessions/:id/lineup/validation',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'Problems per item: unapproved product, stock, lowest price, explain time; skipped checks say why',
          params: idParams,
          response: { 200: lineupValidationDto, ...commonErrorResponses },
        },
      },
      async (request) => lineups.validate(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/live-sessions/:id/lineup/items',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Add an item (last, or at a position)',
          params: idParams,
          body: createLineupItemInput,
          response: { 201: lineupDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await lineups.addItem(principal.orgId, request.params.id, request.body, actorOf(principal)));
      },
    );
    app.put(
      '/live-sessions/:id/lineup/order',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary:
            'Reorder the whole line-up in one call (drag and drop); 409 lineup_changed when the list is stale',
          params: idParams,
          body: reorderLineupInput,
          response: { 200: lineupDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return lineups.reorder(principal.orgId, request.params.id, request.body.itemIds, actorOf(principal));
      },
    );
    app.patch(
      '/lineup-items/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Change a line-up item',
          params: idParams,
          body: updateLineupItemInput,
          response: { 200: lineupDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return lineups.updateItem(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.delete(
      '/lineup-items/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Remove a line-up item; the rest close up',
          params: idParams,
          response: { 200: lineupDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return lineups.removeItem(principal.orgId, request.params.id, actorOf(principal));
      },
    );

    app.get(
      '/live-sessions/:id/requirements',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Product-pool requirements of a session (categories, price bands, margin, count)',
          params: idParams,
          response: { 200: listOf(poolRequirementDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await requirements.list(principalOf(request).orgId, request.params.id) }),
    );
    app.put(
      '/live-sessions/:id/requirements',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Replace the product-pool requirements of a session',
          params: idParams,
          body: putPoolRequirementsInput,
          response: { 200: listOf(poolRequirementDto), ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return {
          items: await requirements.replace(
            principal.orgId,
            request.params.id,
            request.body,
            actorOf(principal),
          ),
        };
      },
    );
  };
}
