import { principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { compareDto, compareQuery, scoresDto, scoresQuery } from './score.schema.js';
import type { Selection } from './selection.js';

const tags = ['selection'];
const canRead = requirePermission('commerce:read');

/** Selection scores with their breakdown, and the side-by-side comparison. */
export function scoreRoutes(selection: Selection): FastifyPluginAsyncZod {
  const { scores } = selection;
  return async (app) => {
    app.get(
      '/selection/scores',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'A 0–100 score per SKU from margin, commission, conversion, session fit, stock and lowest price, with every component shown',
          querystring: scoresQuery,
          response: { 200: scoresDto, ...commonErrorResponses },
        },
      },
      async (request) => scores.scores(principalOf(request).orgId, request.query),
    );
    app.get(
      '/selection/compare',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Two to six SKUs side by side; 400 compare_size otherwise',
          querystring: compareQuery,
          response: { 200: compareDto, ...commonErrorResponses },
        },
      },
      async (request) => scores.compare(principalOf(request).orgId, request.query),
    );
  };
}
