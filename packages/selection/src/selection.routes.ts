import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { priceRoutes } from './price.routes.js';
import { scoreRoutes } from './score.routes.js';
import type { Selection } from './selection.js';
import { shortlistRoutes } from './shortlist.routes.js';

/** Every selection route, to register under /api/v1. */
export function selectionRoutes(selection: Selection): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(priceRoutes(selection));
    await app.register(scoreRoutes(selection));
    await app.register(shortlistRoutes(selection));
  };
}
