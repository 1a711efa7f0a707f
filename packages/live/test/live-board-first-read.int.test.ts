import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeClock, newId } from '@livecloud/core';
import { createEventStore, type EventStore, type StoredEvent } from '@livecloud/events';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveBoard,
  createMemoryLiveState,
  createRedisLiveState,
  type LiveStateStore,
} from '../src/index.js';

/*
 * The first read of a session in a process makes the state whole from the store. On a shared
 * state (Redis) that another process keeps current, events stored in the last seconds are still
 * on the bus, not missing: replaying the whole session for them would make every process that
 * starts during a busy session read it all from the store.
 */

const redisUrl = process.env['REDIS_TEST_URL'] ?? 'redis://127.0.0.1:6379/15';
const prefix = `lc:test:${newId('t')}:`;
const t0 = Date.UTC(2026, 5, 1, 20, 0, 0);
const orgId = 'org_first';
let dataDir: string;
let store: EventStore;
const opened: LiveStateStore[] = [];

/** One like a second from t0, received as it happened. */
function likes(sessionId: string, count: number): StoredEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `evt_${sessionId}_${i}`,
    type: 'like',
    schemaVersion: 1,
    occurredAt: t0 + i * 1_000,
    receivedAt: t0 + i * 1_000,
    orgId,
    source: 'douyin',
    accountId: 'acc_first',
    sessionId,
    platformUserId: `dy_${i}`,
    properties: {},
  }));
}

/** A state that counts what it is asked to apply. */
function counting(state: LiveStateStore): LiveStateStore & { applies: () => number } {
  let applies = 0;
  return {
    ...state,
    engine: state.engine,
    apply(events) {
      applies++;
      return state.apply(events);
    },
    applies: () => applies,
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lc-live-first-'));
  store = await createEventStore({ dataDir, database: 'live_first_read' });
  await store.migrate();
});

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function redisState(): LiveStateStore {
  const state = createRedisLiveState({ url: redisUrl, keyPrefix: prefix });
  opened.push(state);
  return state;
}

describe('the first read of a session in a process', () => {
  it('on a shared state, leaves events stored in the last seconds to the bus', async () => {
    const events = likes('ses_busy', 60);
    await store.insert(events);
    // Another process has applied all but the last five seconds' events.
    await redisState().apply(events.slice(0, 55));
    const state = counting(redisState());
    const clock = createFakeClock(t0 + 61_000);
    const board = createLiveBoard({ state, events: store, clock, inFlightMs: 10_000 });
    expect((await board.get(orgId, 'ses_busy')).eventCount).toBe(55);
    expect(state.applies()).toBe(0);
  });

  it('on a shared state, replays events that should long have arrived', async () => {
    const events = likes('ses_lagging', 60);
    await store.insert(events);
    await redisState().apply(events.slice(0, 30));
    const state = counting(redisState());
    const clock = createFakeClock(t0 + 61_000);
    const board = createLiveBoard({ state, events: store, clock, inFlightMs: 10_000 });
    expect((await board.get(orgId, 'ses_lagging')).eventCount).toBe(60);
    expect(state.applies()).toBeGreaterThan(0);
  });

  it('on a memory state, replays whatever it lacks, however recent', async () => {
    const events = likes('ses_restart', 60);
    await store.insert(events);
    const state = counting(createMemoryLiveState());
    const clock = createFakeClock(t0 + 61_000);
    const board = createLiveBoard({ state, events: store, clock, inFlightMs: 120_000 });
    expect((await board.get(orgId, 'ses_restart')).eventCount).toBe(60);
  });
});
