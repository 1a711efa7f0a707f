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
  stores: z.object({
    records: storeHealth,
    events: storeHealth,
    bus: storeHealth.describe('the event bus: in-process or nats'),
    liveState: storeHealth.describe('the big screen’s live state: memory or redis'),
  }),
});
export type HealthDto = z.infer<typeof healthDto>;

interface Checked {
  health(): Promise<{ ok: boolean; latencyMs: number; error?: string }>;
}

export interface HealthSource {
  version: string;
  startedAt: number;
  records: Checked & { engine: string };
  events: Checked & { engine: string };
  bus: Checked & { kind: string };
  liveState: Checked & { engine: string };
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
        const [records, events, bus, liveState] = await Promise.all([
          source.records.health(),
          source.events.health(),
          source.bus.health(),
          source.liveState.health(),
        ]);
        const allOk = records.ok && events.ok && bus.ok && liveState.ok;
        return {
          status: allOk ? ('ok' as const) : ('degraded' as const),
          version: source.version,
          uptimeS: Math.round((Date.now() - source.startedAt) / 1000),
          stores: {
            records: { engine: source.records.engine, ...records },
            events: { engine: source.events.engine, ...events },
            bus: { engine: source.bus.kind, ...bus },
            liveState: { engine: source.liveState.engine, ...liveState },
          },
        };
      },
    );
  };
}
