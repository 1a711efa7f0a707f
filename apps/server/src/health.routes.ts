import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const storeHealth = z.object({
  engine: z.string(),
  ok: z.boolean(),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const healthDto = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeS: z.number(),
  stores: z.object({ records: storeHealth, events: storeHealth }),
});
export type HealthDto = z.infer<typeof healthDto>;

export interface HealthSource {
  version: string;
  startedAt: number;
  records: { engine: string; health(): Promise<{ ok: boolean; latencyMs: number; error?: string }> };
  events: { engine: string; health(): Promise<{ ok: boolean; latencyMs: number; error?: string }> };
}

/** `GET /api/v1/health`: always 200 (SPEC §8), with each store's engine, state and latency. */
export function healthRoutes(source: HealthSource): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: 'State of each store and engine',
          security: [],
          response: { 200: healthDto },
        },
        config: { public: true },
      },
      async () => {
        const [records, events] = await Promise.all([source.records.health(), source.events.health()]);
        return {
          status: records.ok && events.ok ? ('ok' as const) : ('degraded' as const),
          version: source.version,
          uptimeS: Math.round((Date.now() - source.startedAt) / 1000),
          stores: {
            records: { engine: source.records.engine, ...records },
            events: { engine: source.events.engine, ...events },
          },
        };
      },
    );
  };
}
