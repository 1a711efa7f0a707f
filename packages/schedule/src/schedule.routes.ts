import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lineupRoutes } from './lineup.routes.js';
import { resourceRoutes } from './resource.routes.js';
import type { Schedule } from './schedule.js';
import { sessionRoutes } from './session.routes.js';
import { sopRoutes } from './sop.routes.js';

/** Every scheduling route, to register under /api/v1. */
export function scheduleRoutes(schedule: Schedule): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(resourceRoutes(schedule));
    await app.register(sessionRoutes(schedule));
    await app.register(lineupRoutes(schedule));
    await app.register(sopRoutes(schedule));
  };
}
