import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthDto } from './health.schema.js';

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
