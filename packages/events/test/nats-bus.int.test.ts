import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createNatsBus, type Bus, type StoredEvent } from '../src/index.js';

const natsUrl = process.env['LIVECLOUD_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const streams: string[] = [];

function uniqueStream(): string {
  const name = `LC_TEST_${process.pid}_${randomBytes(4).toString('hex')}`;
  streams.push(name);
  return name;
}

function event(id: string, orgId = 'org_nats'): StoredEvent {
  return {
    id,
    type: 'like',
    schemaVersion: 1,
    occurredAt: 1_800_000_000_000,
    receivedAt: 1_800_000_000_100,
    orgId,
    source: 'douyin',
    accountId: 'a',
    sessionId: 's',
    platformUserId: `u${id}`,
    properties: { 文本: '点赞' },
  };
}

afterAll(async () => {
  const nc = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(nc);
  for (const stream of streams) await jsm.streams.delete(stream).catch(() => false);
  await nc.close();
});

describe('NATS JetStream bus', () => {
  it('delivers published batches to each durable consumer, split by organisation', async () => {
    const bus = await createNatsBus({ url: natsUrl, stream: uniqueStream() });
    const live: StoredEvent[] = [];
    const rules: string[] = [];
    await bus.subscribe('live', async ({ events }) => void live.push(...events));
    await bus.subscribe('rules', async ({ events }) => void rules.push(...events.map((e) => e.id)));
    await bus.publish([event('1'), event('2', 'org_other'), event('3')]);
    await expect.poll(() => live.map((e) => e.id).sort()).toEqual(['1', '2', '3']);
    await expect.poll(() => rules.sort()).toEqual(['1', '2', '3']);
    expect(live.find((e) => e.id === '1')).toEqual(event('1'));
    await bus.close();
  });

  it('redelivers a batch whose handler failed, with a growing delivery count', async () => {
    const bus = await createNatsBus({ url: natsUrl, stream: uniqueStream(), redeliveryDelayMs: 50 });
    const counts: number[] = [];
    await bus.subscribe('flaky', async ({ deliveryCount }) => {
      counts.push(deliveryCount);
      if (deliveryCount < 3) throw new Error('not yet');
    });
    await bus.publish([event('r1')]);
    await expect.poll(() => counts, { timeout: 10_000 }).toEqual([1, 2, 3]);
    await bus.close();
  });

  it('lets a durable consumer resume after a restart with what it missed, and share work by name', async () => {
    const stream = uniqueStream();
    const first = await createNatsBus({ url: natsUrl, stream });
    const seen: string[] = [];
    const sub = await first.subscribe(
      'durable',
      async ({ events }) => void seen.push(...events.map((e) => e.id)),
    );
    await first.publish([event('before')]);
    await expect.poll(() => seen).toEqual(['before']);
    await sub.close();
    await first.publish([event('while-down')]);
    await first.close();

    const second: Bus = await createNatsBus({ url: natsUrl, stream });
    const a: string[] = [];
    const b: string[] = [];
    await second.subscribe('durable', async ({ events }) => void a.push(...events.map((e) => e.id)));
    await second.subscribe('durable', async ({ events }) => void b.push(...events.map((e) => e.id)));
    for (let i = 0; i < 20; i++) await second.publish([event(`after-${i}`)]);
    await expect.poll(() => [...a, ...b].length, { timeout: 10_000 }).toBe(21);
    expect([...a, ...b]).toContain('while-down');
    expect(new Set([...a, ...b]).size).toBe(21);
    await second.close();
  });

  it('starts a new consumer from everything the stream holds when asked', async () => {
    const stream = uniqueStream();
    const bus = await createNatsBus({ url: natsUrl, stream });
    await bus.publish([event('old')]);
    const fromAll: string[] = [];
    const fromNew: string[] = [];
    await bus.subscribe('replayer', async ({ events }) => void fromAll.push(...events.map((e) => e.id)), {
      from: 'all',
    });
    await bus.subscribe('tail', async ({ events }) => void fromNew.push(...events.map((e) => e.id)));
    await bus.publish([event('new')]);
    await expect.poll(() => fromAll).toEqual(['old', 'new']);
    await expect.poll(() => fromNew).toEqual(['new']);
    expect((await bus.health()).ok).toBe(true);
    await bus.close();
    expect((await bus.health()).ok).toBe(false);
  });

  it('splits a batch larger than the message limit and loses nothing', async () => {
    const bus = await createNatsBus({ url: natsUrl, stream: uniqueStream(), maxMessageBytes: 2048 });
    const seen: string[] = [];
    let deliveries = 0;
    await bus.subscribe('big', async ({ events }) => {
      deliveries += 1;
      seen.push(...events.map((e) => e.id));
    });
    const batch = Array.from({ length: 100 }, (_, i) => event(`big-${i}`));
    await bus.publish(batch);
    await expect.poll(() => seen.length).toBe(100);
    expect(deliveries).toBeGreaterThan(1);
    await bus.close();
  });

  it('refuses a stream name that is not a plain name', async () => {
    await expect(createNatsBus({ url: natsUrl, stream: 'bad.name' })).rejects.toMatchObject({
      code: 'invalid_nats_stream',
    });
  });
});
