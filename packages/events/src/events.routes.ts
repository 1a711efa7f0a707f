import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deadLetterRoutes } from './dead-letter.routes.js';
import { eventOverviewRoutes } from './event-overview.routes.js';
import type { Collection } from './events.js';

/**
 * The events context's routes under /api/v1: the dead letters and the events overview. The
 * collector's ingest routes (`collectorRoutes`, `segmentRoutes`) are served beside the API,
 * outside /api/v1.
 */
export function eventsRoutes(
  collection: Pick<Collection, 'deadLetters' | 'overview'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(deadLetterRoutes(collection.deadLetters));
    await app.register(eventOverviewRoutes(collection.overview));
  };
}
