import { principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  eventOverviewDto,
  eventOverviewQuery,
  maxOverviewBuckets,
  recentEventsDto,
  recentEventsQuery,
} from './event-overview.schema.js';
import type { EventOverviewService } from './event-overview.service.js';

const tags = ['events'];

/** `/api/v1/events/overview` and `/api/v1/events/recent`: what the collector has received. */
export function eventOverviewRoutes(overview: EventOverviewService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events/overview',
      {
        preHandler: requirePermission('events:read'),
        schema: {
          tags,
          summary: 'Accepted events per bucket by source and type, and the dead-lettered share',
          description: `At most ${maxOverviewBuckets} buckets; a wider range answers 400 overview_too_many_buckets.`,
          querystring: eventOverviewQuery,
          response: { 200: eventOverviewDto, ...commonErrorResponses },
        },
      },
      async (request) => overview.overview(principalOf(request).orgId, request.query),
    );
    app.get(
      '/events/recent',
      {
        preHandler: requirePermission('events:read'),
        schema: {
          tags,
          summary: 'The last events received, newest first, with the person’s id masked',
          querystring: recentEventsQuery,
          response: { 200: recentEventsDto, ...commonErrorResponses },
        },
      },
      async (request) => overview.recent(principalOf(request).orgId, request.query.limit),
    );
  };
}
