import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Selection } from './selection.js';
import {
  addShortlistInput,
  coverageDto,
  selectableSessionsDto,
  selectableSessionsQuery,
  shortlistDto,
  shortlistItemDto,
  shortlistParams,
  shortlistQuery,
  shortlistSkuParams,
} from './shortlist.schema.js';

const tags = ['selection'];
const canRead = requirePermission('commerce:read');
const canManage = requirePermission('commerce:manage');
const writeErrors = { ...commonErrorResponses, 409: errorBodySchema } as const;

/** A session's shortlist (选品清单) and how it covers the session's requirements. */
export function shortlistRoutes(selection: Selection): FastifyPluginAsyncZod {
  const { shortlists } = selection;
  return async (app) => {
    app.get(
      '/selection/sessions',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'Sessions to select for, with their room and how many product-pool requirements they have (needs no live:read)',
          querystring: selectableSessionsQuery,
          response: { 200: selectableSessionsDto, ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await selection.sessions(principalOf(request).orgId, request.query),
      }),
    );
    app.get(
      '/selection/sessions/:sessionId/shortlist',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'The session’s shortlist with each SKU’s catalogue entry and score for the session',
          params: shortlistParams,
          querystring: shortlistQuery,
          response: { 200: shortlistDto, ...commonErrorResponses },
        },
      },
      async (request) => shortlists.list(principalOf(request).orgId, request.params.sessionId, request.query),
    );
    app.post(
      '/selection/sessions/:sessionId/shortlist',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Put a SKU on the session’s shortlist; 409 already_shortlisted or session_closed',
          params: shortlistParams,
          body: addShortlistInput,
          response: { 201: shortlistItemDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(
            await shortlists.add(principal.orgId, request.params.sessionId, request.body, actorOf(principal)),
          );
      },
    );
    app.delete(
      '/selection/sessions/:sessionId/shortlist/:skuId',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Take a SKU off the session’s shortlist',
          params: shortlistSkuParams,
          response: { 200: shortlistItemDto, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return shortlists.remove(
          principal.orgId,
          request.params.sessionId,
          request.params.skuId,
          actorOf(principal),
        );
      },
    );
    app.get(
      '/selection/sessions/:sessionId/coverage',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'Per requirement: the shortlisted SKUs that meet it, count against the item count, short by N',
          params: shortlistParams,
          response: { 200: coverageDto, ...commonErrorResponses },
        },
      },
      async (request) => shortlists.coverage(principalOf(request).orgId, request.params.sessionId),
    );
  };
}
