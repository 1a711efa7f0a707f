import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createFakeClock } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';
import { openTestRecordsDb } from '@livecloud/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCollection, type Collection, type EventStore, type StoredEvent } from '../src/index.js';
import { createOrg, json, like, limits, openSharedStore, readOrg, silent } from './collection-fixtures.js';

const natsUrl = process.env['LIVECLOUD_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const redisUrl = process.env['LIVECLOUD_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
const stream = `LC_TEST_SCALE_${suffix}`;
const redisKeyPrefix = `lc_test_scale_${suffix}`;

let store: EventStore;
let records: RecordsDb & { dispose(): Promise<void> };
const opened: Collection[] = [];

/** One server process's collection side on the scale-out engines. */
async function openProcess(): Promise<Collection> {
  const collection = await openCollection({
    eventStore: store,
    db: records.db,
    clock: createFakeClock(Date.UTC(2026, 2, 14, 12)),
    logger: silent,
    natsUrl,
    natsStream: stream,
    redisUrl,
    redisKeyPrefix,
    dedupeTtlMs: 60_000,
    limits: { ...limits, ratePerSecond: 1, rateBurst: 3 },
  });
  opened.push(collection);
  return collection;
}

beforeAll(async () => {
  store = await openSharedStore();
  records = await openTestRecordsDb('postgres');
});
afterAll(async () => {
  for (const collection of opened) await collection.close();
  const nc = await connect({ servers: natsUrl });
  await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
  await nc.close();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${redisKeyPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await records.dispose();
  await store.close();
});

describe('collection on the scale-out engines (NATS JetStream, Redis, PostgreSQL)', () => {
  it('lets two processes share de-duplication, rate limits and one durable consumer', async () => {
    const orgId = await createOrg(records.db);
    const a = await openProcess();
    const b = await openProcess();
    expect([a.bus.kind, a.dedupe.kind, a.rateLimiter.kind]).toEqual(['nats', 'redis', 'redis']);

    const delivered: StoredEvent[] = [];
    await a.bus.subscribe('live', async ({ events }) => void delivered.push(...events));
    await b.bus.subscribe('live', async ({ events }) => void delivered.push(...events));

    const caller = { orgId, keyId: 'key_scale', source: 'douyin' };
    const batch = json([like('s1'), like('s2')]);
    expect(await a.collector.ingest(caller, batch, 'application/json')).toMatchObject({
      accepted: 2,
      duplicates: 0,
    });
    // The retry reaches the other process: Redis knows the ids, nothing is stored or published twice.
    expect(await b.collector.ingest(caller, batch, 'application/json')).toMatchObject({
      accepted: 0,
      duplicates: 2,
    });
    expect(await b.collector.ingest(caller, json([like('s3')]), 'application/json')).toMatchObject({
      accepted: 1,
    });

    await expect
      .poll(() => delivered.map((e) => e.id).sort(), { timeout: 10_000 })
      .toEqual(['s1', 's2', 's3']);
    expect((await readOrg(store, orgId)).map((e) => e.id)).toEqual(['s1', 's2', 's3']);

    // Three requests used the key's burst of 3, across both processes.
    await expect(a.collector.ingest(caller, json([like('s4')]), 'application/json')).rejects.toMatchObject({
      status: 429,
    });
  });
});
