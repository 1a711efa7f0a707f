import { newId } from '@livecloud/core';
import { createInProcessBus, type StoredEvent } from '@livecloud/events';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createMemoryLiveState,
  createRedisLiveState,
  startLiveConsumer,
  type LiveStateStore,
  type SessionRef,
} from '../src/index.js';
import { disorderedBatches, generateSession } from './session-generator.js';

const redisUrl = process.env['REDIS_TEST_URL'] ?? 'redis://127.0.0.1:6379/15';
const prefix = `lc:test:${newId('t')}:`;
const t0 = Date.UTC(2026, 2, 15, 19, 0, 0);

afterAll(async () => {
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

/** Wraps a store to see what reached it, and to resolve once `expected` distinct events are in. */
function observed(
  state: LiveStateStore,
  expected: number,
  options: { failFirstAfterApplying?: boolean } = {},
) {
  let calls = 0;
  let applied = 0;
  let failNext = options.failFirstAfterApplying === true;
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((r) => {
    resolve = r;
  });
  const store: LiveStateStore = {
    ...state,
    engine: state.engine,
    async apply(events) {
      calls++;
      const result = await state.apply(events);
      applied += result.applied;
      if (applied >= expected) resolve();
      if (failNext && result.applied > 0) {
        // The work is done but the ack is lost: the bus must redeliver, and nothing may count twice.
        failNext = false;
        throw new Error('connection reset before ack');
      }
      return result;
    },
  };
  return { store, done, calls: () => calls, applied: () => applied };
}

describe('live consumer', () => {
  it('counts every event once when the bus redelivers after a failure', async () => {
    const { events } = generateSession({
      orgId: 'org_c',
      accountId: 'acc',
      sessionId: 'ses_c',
      startAt: t0,
      minutes: 5,
      viewers: 120,
      seed: 21,
    });
    const state = createMemoryLiveState();
    const watch = observed(state, events.length, { failFirstAfterApplying: true });
    const bus = createInProcessBus({ redeliveryDelayMs: 5 });
    const notified: SessionRef[] = [];
    const consumer = await startLiveConsumer({
      bus,
      state: watch.store,
      onApplied: (s) => notified.push(...s),
    });
    const batches = disorderedBatches(events, 4);
    for (const batch of batches) await bus.publish(batch);
    await watch.done;
    await bus.close();
    await consumer.close();
    expect(watch.calls()).toBe(batches.length + 1);
    const reference = createMemoryLiveState();
    await reference.apply(events);
    expect(await state.snapshot('org_c', 'ses_c')).toEqual(await reference.snapshot('org_c', 'ses_c'));
    expect(notified[0]).toEqual({ orgId: 'org_c', sessionId: 'ses_c' });
  });

  it('shares one durable consumer between two processes on one Redis, and both see the whole session', async () => {
    const { events } = generateSession({
      orgId: 'org_c',
      accountId: 'acc',
      sessionId: 'ses_shared',
      startAt: t0,
      minutes: 5,
      viewers: 150,
      seed: 22,
    });
    const processA = createRedisLiveState({ url: redisUrl, keyPrefix: prefix });
    const processB = createRedisLiveState({ url: redisUrl, keyPrefix: prefix });
    let total = 0;
    let resolveAll: () => void = () => undefined;
    const all = new Promise<void>((r) => {
      resolveAll = r;
    });
    const count = (state: LiveStateStore) => {
      const calls = { n: 0 };
      const store: LiveStateStore = {
        ...state,
        engine: state.engine,
        async apply(batch: readonly StoredEvent[]) {
          calls.n++;
          const result = await state.apply(batch);
          total += result.applied;
          if (total >= events.length) resolveAll();
          return result;
        },
      };
      return { store, calls };
    };
    const a = count(processA);
    const b = count(processB);
    const bus = createInProcessBus({ redeliveryDelayMs: 5 });
    const consumers = [
      await startLiveConsumer({ bus, state: a.store }),
      await startLiveConsumer({ bus, state: b.store }),
    ];
    for (const batch of disorderedBatches(events, 5)) await bus.publish(batch);
    await all;
    await bus.close();
    await Promise.all(consumers.map((c) => c.close()));
    expect(a.calls.n).toBeGreaterThan(0);
    expect(b.calls.n).toBeGreaterThan(0);
    const reference = createMemoryLiveState();
    await reference.apply(events);
    const expected = await reference.snapshot('org_c', 'ses_shared');
    expect(await processA.snapshot('org_c', 'ses_shared')).toEqual(expected);
    expect(await processB.snapshot('org_c', 'ses_shared')).toEqual(expected);
    await Promise.all([processA.close(), processB.close()]);
  });
});
