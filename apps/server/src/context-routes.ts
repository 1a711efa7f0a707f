import { accessRoutes } from '@livecloud/access';
import { commerceRoutes } from '@livecloud/commerce';
import { eventsRoutes } from '@livecloud/events';
import { forecastRoutes } from '@livecloud/forecast';
import { liveRoutes } from '@livecloud/live';
import { scheduleRoutes } from '@livecloud/schedule';
import { selectionRoutes } from '@livecloud/selection';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from './services.js';

/**
 * The routes of every context under /api/v1, one entry per context: each context exposes one
 * `<context>Routes(context)` plugin from its index. A new context adds its line here.
 */
export function contextRoutes(services: AppServices): FastifyPluginAsyncZod[] {
  const { config } = services;
  return [
    accessRoutes(services.access, {
      cookieSecure: config.cookieSecure,
      sessionTtlMs: config.sessionTtlHours * 3600_000,
    }),
    commerceRoutes(services.commerce),
    scheduleRoutes(services.schedule),
    selectionRoutes(services.selection),
    forecastRoutes(services.forecast),
    eventsRoutes(services.collection),
    liveRoutes(services.live),
  ];
}
