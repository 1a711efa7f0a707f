import { describe, expect, it } from 'vitest';
import type { Bus } from '../bus.js';
import { createInProcessBus } from '../in-process-bus.js';
import type { StoredEvent } from '../event-store.js';
import { publishStored } from './publish.step.js';

const event: StoredEvent = {
  id: 'e',
  type: 'track',
  schemaVersion: 1,
  occurredAt: 1,
  receivedAt: 2,
  orgId: 'org',
  source: 'sdk',
  userId: 'u',
  properties: {},
};

describe('publish step', () => {
  it('publishes stored events to the bus', async () => {
    const bus = createInProcessBus();
    const seen: string[] = [];
    await bus.subscribe('t', async ({ events }) => {
      seen.push(...events.map((e) => e.id));
    });
    expect(await publishStored(bus, [event])).toEqual({ published: true, count: 1 });
    await expect.poll(() => seen).toEqual(['e']);
    await bus.close();
  });

  it('reports a bus that refuses instead of failing the stored batch', async () => {
    const broken: Bus = { ...createInProcessBus(), publish: () => Promise.reject(new Error('nats down')) };
    expect(await publishStored(broken, [event])).toEqual({ published: false, count: 1, error: 'nats down' });
  });
});
