import { gzipSync } from 'node:zlib';
import type { RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessBus, type EventStore, type StoredEvent } from '../src/index.js';
import { collectionOver, createOrg, json, like, openSharedStore, readOrg } from './collection-fixtures.js';

const system = { type: 'system' as const, id: null };
let store: EventStore;
beforeAll(async () => {
  store = await openSharedStore();
});
afterAll(async () => {
  await store.close();
});

describe.each(recordsEngines)('collection pipeline on chDB + %s', (engine) => {
  let records: RecordsDb & { dispose(): Promise<void> };
  let orgId: string;
  beforeEach(async () => {
    records = await openTestRecordsDb(engine);
    orgId = await createOrg(records.db);
  });
  afterEach(async () => {
    await records.dispose();
  });

  const caller = () => ({ orgId, keyId: 'key_test', source: 'douyin' });

  it('stores a batch with orgId and source from the key and receivedAt from the clock, then publishes it', async () => {
    const bus = createInProcessBus();
    const published: StoredEvent[] = [];
    await bus.subscribe('test', async ({ events }) => void published.push(...events));
    const { collector, clock } = collectionOver(store, records.db, { bus });
    const result = await collector.ingest(
      caller(),
      json([like('e1'), like('e2', { trafficSource: '推荐' })]),
      'application/json',
    );
    expect(result).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const stored = await readOrg(store, orgId);
    expect(stored.map((e) => [e.id, e.orgId, e.source, e.receivedAt])).toEqual([
      ['e1', orgId, 'douyin', clock.now()],
      ['e2', orgId, 'douyin', clock.now()],
    ]);
    expect(stored[1]?.trafficSource).toBe('recommend_feed');
    await expect.poll(() => published.map((e) => e.id)).toEqual(['e1', 'e2']);
    await bus.close();
  });

  it('takes the valid rest of a batch and dead-letters the invalid items with their reasons', async () => {
    const { collector, deadLetters } = collectionOver(store, records.db);
    const result = await collector.ingest(
      caller(),
      json([
        like('ok-1'),
        like('bad-1', { type: 'order.pay', orderId: 'o1', amountFen: 19.9 }),
        'not an event',
        like('ok-2'),
      ]),
      'application/json',
    );
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.id, r.reason])).toEqual([
      [1, 'bad-1', 'amountFen: must be an integer number of fen (分), never a float or a string'],
      [2, undefined, 'the event must be a JSON object'],
    ]);
    const letter = await deadLetters.get(orgId, result.rejected[0]!.deadLetterId);
    expect(letter).toMatchObject({
      status: 'new',
      source: 'douyin',
      keyId: 'key_test',
      eventId: 'bad-1',
      format: 'native',
      payload: like('bad-1', { type: 'order.pay', orderId: 'o1', amountFen: 19.9 }),
      payloadText: null,
    });
    expect(letter.issues).toEqual([expect.objectContaining({ path: 'amountFen' })]);
    expect((await readOrg(store, orgId)).map((e) => e.id)).toEqual(['ok-1', 'ok-2']);
  });

  it('never stores an event under another organisation named in it', async () => {
    const other = await createOrg(records.db, '别家');
    const { collector, deadLetters } = collectionOver(store, records.db);
    const result = await collector.ingest(caller(), json([like('x1', { orgId: other })]), 'application/json');
    expect(result.rejected[0]?.reason).toMatch(/^org_mismatch/);
    expect(await readOrg(store, other)).toEqual([]);
    expect(await readOrg(store, orgId)).toEqual([]);
    expect((await deadLetters.list(orgId, { limit: 10 })).items).toHaveLength(1);
    expect((await deadLetters.list(other, { limit: 10 })).items).toHaveLength(0);
  });

  it('counts a retried batch once, within one process and after a restart', async () => {
    const first = collectionOver(store, records.db);
    const batch = json([like('r1'), like('r2'), like('r1')]);
    expect(await first.collector.ingest(caller(), batch, 'application/json')).toMatchObject({
      accepted: 2,
      duplicates: 1,
    });
    expect(await first.collector.ingest(caller(), batch, 'application/json')).toMatchObject({
      accepted: 0,
      duplicates: 3,
    });
    const restarted = collectionOver(store, records.db);
    expect(await restarted.collector.ingest(caller(), batch, 'application/json')).toMatchObject({
      accepted: 0,
      duplicates: 3,
    });
    const [count] = await store.query<{ n: string }>(
      `SELECT count() AS n FROM ${store.tables.events} WHERE org_id = {org:String}`,
      { org: orgId },
    );
    expect(count?.n).toBe('2');
  });

  it('reads NDJSON and gzip, and dead-letters only the broken line, keeping its text', async () => {
    const { collector, deadLetters } = collectionOver(store, records.db);
    const ndjson = [JSON.stringify(like('n1')), '{"id": "n2", oops', JSON.stringify(like('n3'))].join('\n');
    const result = await collector.ingest(caller(), gzipSync(ndjson), 'application/x-ndjson', 'gzip');
    expect(result).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(result.rejected.map((r) => r.index)).toEqual([1]);
    expect(result.rejected[0]?.reason).toMatch(/^malformed_json/);
    const letter = await deadLetters.get(orgId, result.rejected[0]!.deadLetterId);
    expect(letter).toMatchObject({ payload: null, payloadText: '{"id": "n2", oops' });
  });

  it('keeps an item jsonb cannot hold (\\u0000) as text', async () => {
    const { collector, deadLetters } = collectionOver(store, records.db);
    const result = await collector.ingest(
      caller(),
      json([{ id: 'nul', type: 'comment', properties: { text: 'a\u0000b' } }]),
      'application/json',
    );
    const letter = await deadLetters.get(orgId, result.rejected[0]!.deadLetterId);
    expect(letter.payloadText).toContain('\\u0000');
  });

  it('answers 503 and takes the retry when the event store refuses a batch', async () => {
    let refuse = true;
    const flaky: EventStore = {
      ...store,
      insert: (events) => (refuse ? Promise.reject(new Error('disk full')) : store.insert(events)),
    };
    const { collector } = collectionOver(flaky, records.db);
    const batch = json([like('f1')]);
    await expect(collector.ingest(caller(), batch, 'application/json')).rejects.toMatchObject({
      code: 'event_store_unavailable',
      status: 503,
    });
    refuse = false;
    expect(await collector.ingest(caller(), batch, 'application/json')).toMatchObject({
      accepted: 1,
      duplicates: 0,
    });
  });

  it('maps Segment calls and dead-letters a message that cannot be mapped', async () => {
    const { collector } = collectionOver(store, records.db);
    const result = await collector.ingestSegment(
      { orgId, keyId: 'key_seg', source: null },
      'batch',
      json({
        batch: [
          {
            type: 'track',
            messageId: 'seg-1',
            event: 'Product Viewed',
            userId: 'u1',
            timestamp: '2026-03-14T12:00:00Z',
          },
          {
            type: 'identify',
            messageId: 'seg-2',
            anonymousId: 'a1',
            traits: { city: '杭州' },
            timestamp: '2026-03-14T12:00:01Z',
          },
          { type: 'track', messageId: 'seg-3', userId: 'u1' },
        ],
        sentAt: '2026-03-14T12:00:02Z',
      }),
      'application/json',
    );
    expect(result).toMatchObject({ accepted: 2, rejected: [{ index: 2, id: 'seg-3' }] });
    const stored = await readOrg(store, orgId);
    expect(stored.map((e) => [e.id, e.type, e.source])).toEqual([
      ['seg-1', 'track', 'segment'],
      ['seg-2', 'identify', 'segment'],
    ]);
    expect(stored[0]?.properties['event']).toBe('Product Viewed');
    expect(stored[1]?.properties['traits']).toEqual({ city: '杭州' });
  });

  it('replays a dead letter that now passes, once, and marks it replayed', async () => {
    const sessions = new Map<string, { accountId: string }>();
    const { collector, deadLetters, clock } = collectionOver(store, records.db, {
      sessionLookup: (_org, id) => Promise.resolve(sessions.get(id) ?? null),
    });
    // A live event without accountId is invalid until its session is known.
    const { accountId: _dropped, ...withoutAccount } = like('late-1', { sessionId: 'ses_new' });
    const result = await collector.ingest(caller(), json([withoutAccount]), 'application/json');
    const id = result.rejected[0]!.deadLetterId;
    expect(result.rejected[0]?.reason).toBe('accountId: is required for like');

    clock.advance(60_000);
    const stillBad = await deadLetters.replay(orgId, id, system);
    expect(stillBad).toMatchObject({ status: 'new', attempts: 1, replayResult: { outcome: 'rejected' } });

    sessions.set('ses_new', { accountId: 'acc_9' });
    const replayed = await deadLetters.replay(orgId, id, system);
    expect(replayed).toMatchObject({
      status: 'replayed',
      attempts: 2,
      replayResult: { outcome: 'ingested', eventId: 'late-1' },
    });
    const [event] = await readOrg(store, orgId);
    expect(event).toMatchObject({ id: 'late-1', accountId: 'acc_9', receivedAt: clock.now() - 60_000 });

    await expect(deadLetters.replay(orgId, id, system)).rejects.toMatchObject({
      code: 'dead_letter_not_new',
      status: 409,
    });
    await expect(deadLetters.discard(orgId, id, system)).rejects.toMatchObject({ status: 409 });
  });

  it('marks the replay of an event the client re-sent meanwhile as a duplicate', async () => {
    const sessions = new Map<string, { accountId: string }>();
    const { collector, deadLetters } = collectionOver(store, records.db, {
      sessionLookup: (_org, id) => Promise.resolve(sessions.get(id) ?? null),
    });
    const { accountId: _dropped, ...withoutAccount } = like('d1', { sessionId: 'ses_d' });
    const bad = await collector.ingest(caller(), json([withoutAccount]), 'application/json');
    expect(
      await collector.ingest(caller(), json([like('d1', { sessionId: 'ses_d' })]), 'application/json'),
    ).toMatchObject({ accepted: 1 });
    sessions.set('ses_d', { accountId: 'acc_1' });
    const replayed = await deadLetters.replay(orgId, bad.rejected[0]!.deadLetterId, system);
    expect(replayed).toMatchObject({
      status: 'replayed',
      replayResult: { outcome: 'duplicate', eventId: 'd1' },
    });
    expect((await readOrg(store, orgId)).map((e) => e.id)).toEqual(['d1']);
  });

  it('keeps a replay that still fails as new with the reason, and discards once', async () => {
    const { collector, deadLetters } = collectionOver(store, records.db);
    const bad = await collector.ingest(
      caller(),
      json([like('x1', { source: 'myspace' })]),
      'application/json',
    );
    const id = bad.rejected[0]!.deadLetterId;
    const again = await deadLetters.replay(orgId, id, system);
    expect(again.status).toBe('new');
    expect(again.reason).toContain('source');
    expect((await deadLetters.discard(orgId, id, system)).status).toBe('discarded');
    expect((await deadLetters.discard(orgId, id, system)).status).toBe('discarded');
    await expect(deadLetters.replay(orgId, id, system)).rejects.toMatchObject({ status: 409 });
  });

  it('lists dead letters newest first with filters and cursor pages, and hides other organisations', async () => {
    const { collector, deadLetters, clock } = collectionOver(store, records.db);
    for (let i = 0; i < 5; i++) {
      await collector.ingest(
        caller(),
        json([
          like(`p${i}`, {
            type: i % 2 ? 'room.explode' : 'like',
            source: i === 4 ? 'kuaishou' : undefined,
            sessionId: undefined,
          }),
        ]),
        'application/json',
      );
      clock.advance(1000);
    }
    const first = await deadLetters.list(orgId, { limit: 2 });
    expect(first.items.map((d) => d.eventId)).toEqual(['p4', 'p3']);
    const second = await deadLetters.list(orgId, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((d) => d.eventId)).toEqual(['p2', 'p1']);
    const last = await deadLetters.list(orgId, { limit: 2, cursor: second.nextCursor ?? undefined });
    expect(last).toMatchObject({ nextCursor: null, items: [{ eventId: 'p0' }] });
    expect(
      (await deadLetters.list(orgId, { limit: 10, source: 'kuaishou' })).items.map((d) => d.eventId),
    ).toEqual(['p4']);
    expect((await deadLetters.list(orgId, { limit: 10, q: 'TYPE' })).items.map((d) => d.eventId)).toEqual([
      'p3',
      'p1',
    ]);
    expect(
      (
        await deadLetters.list(orgId, {
          limit: 10,
          from: new Date(Date.UTC(2026, 2, 14, 12, 0, 3)).toISOString(),
        })
      ).items.map((d) => d.eventId),
    ).toEqual(['p4', 'p3']);
    const other = await createOrg(records.db);
    expect((await deadLetters.list(other, { limit: 10 })).items).toEqual([]);
    await expect(deadLetters.get(other, first.items[0]!.id)).rejects.toMatchObject({ status: 404 });
    await expect(deadLetters.replay(other, first.items[0]!.id, system)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('refuses a batch over the event limit and a rate above the key’s budget', async () => {
    const { collector } = collectionOver(store, records.db, {
      limits: { bodyBytes: 1024 * 1024, maxBatchEvents: 2, ratePerSecond: 1, rateBurst: 2 },
    });
    await expect(
      collector.ingest(caller(), json([like('l1'), like('l2'), like('l3')]), 'application/json'),
    ).rejects.toMatchObject({
      status: 413,
      code: 'batch_too_large',
    });
    await collector.ingest(caller(), json([like('l4')]), 'application/json');
    await expect(collector.ingest(caller(), json([like('l5')]), 'application/json')).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      details: { retryAfterS: 1 },
    });
  });
});
