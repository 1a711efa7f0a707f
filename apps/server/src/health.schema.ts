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

/** One store's state in the health answer. */
export type StoreHealthDto = z.infer<typeof storeHealth>;
