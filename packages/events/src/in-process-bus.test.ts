import { describe, expect, it } from 'vitest';
import type { BusDelivery } from './bus.js';
import type { StoredEvent } from './event-store.js';
import { createInProcessBus } from './in-process-bus.js';

function event(id: string): StoredEvent {
  return {
    id,
    type: 'track',
    schemaVersion: 1,
    occurredAt: 1,
    receivedAt: 2,
    orgId: 'org',
    source: 'sdk',
    userId: 'u',
    properties: {},
  };
}

describe('in-process bus', () => {
  it('delivers every batch to each consumer name', async () => {
    const bus = createInProcessBus();
    const a: string[] = [];
    const b: string[] = [];
    await bus.subscribe('live', async ({ events }) => void a.push(...events.map((e) => e.id)));
    await bus.subscribe('rules', async ({ events }) => void b.push(...events.map((e) => e.id)));
    await bus.publish([event('1'), event('2')]);
    await bus.publish([event('3')]);
    await expect.poll(() => a).toEqual(['1', '2', '3']);
    await expect.poll(() => b).toEqual(['1', '2', '3']);
    await bus.close();
  });

  it('redelivers after a handler failure, counting deliveries, and keeps order', async () => {
    const bus = createInProcessBus({ redeliveryDelayMs: 5 });
    const deliveries: [string, number][] = [];
    let failures = 2;
    await bus.subscribe('flaky', async ({ events, deliveryCount }: BusDelivery) => {
      deliveries.push([events[0]!.id, deliveryCount]);
      if (events[0]!.id === 'a' && failures-- > 0) throw new Error('not yet');
    });
    await bus.publish([event('a')]);
    await bus.publish([event('b')]);
    await expect
      .poll(() => deliveries)
      .toEqual([
        ['a', 1],
        ['a', 2],
        ['a', 3],
        ['b', 1],
      ]);
    await bus.close();
  });

  it('gives up on a batch after the delivery limit and goes on', async () => {
    const bus = createInProcessBus({ redeliveryDelayMs: 1, maxDeliveries: 2 });
    const ok: string[] = [];
    await bus.subscribe('poison', async ({ events }) => {
      if (events[0]!.id === 'bad') throw new Error('never');
      ok.push(events[0]!.id);
    });
    await bus.publish([event('bad')]);
    await bus.publish([event('good')]);
    await expect.poll(() => ok).toEqual(['good']);
    await bus.close();
  });

  it('keeps a durable consumer’s batches while it has no subscriber', async () => {
    const bus = createInProcessBus();
    const first = await bus.subscribe('durable', async () => undefined);
    await first.close();
    await bus.publish([event('while-away')]);
    const seen: string[] = [];
    await bus.subscribe('durable', async ({ events }) => void seen.push(...events.map((e) => e.id)));
    await expect.poll(() => seen).toEqual(['while-away']);
    await bus.close();
    await expect(bus.publish([event('x')])).rejects.toThrow(/closed/);
  });

  it('refuses a consumer name NATS could not use', async () => {
    const bus = createInProcessBus();
    await expect(bus.subscribe('has.dot', async () => undefined)).rejects.toThrow(/consumer name/);
    await bus.close();
  });
});
