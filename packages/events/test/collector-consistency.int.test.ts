import type { RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeadLetterRepository } from '../src/dead-letter.repository.js';
import { createInProcessBus, type Bus, type EventStore, type StoredEvent } from '../src/index.js';
import { collectionOver, createOrg, json, like, openSharedStore, readOrg } from './collection-fixtures.js';

/*
 * Storing, dead-lettering and publishing succeed or fail together from the client's point of
 * view: when one of them fails after the events were stored, the answer is 503, the stored
 * events still reach the bus, and the client's retry repairs what was left undone.
 */
let store: EventStore;
beforeAll(async () => {
  store = await openSharedStore();
});
afterAll(async () => {
  await store.close();
});

/** An in-process bus that records what it carried and can be made to refuse. */
function recordingBus(): { bus: Bus; carried: string[]; refuse: (on: boolean) => void } {
  const inner = createInProcessBus();
  const carried: string[] = [];
  let refusing = false;
  const bus: Bus = {
    ...inner,
    publish: async (events: readonly StoredEvent[]) => {
      if (refusing) throw new Error('nats: connection closed');
      carried.push(...events.map((e) => e.id));
      await inner.publish(events);
    },
  };
  return { bus, carried, refuse: (on) => void (refusing = on) };
}

describe.each(recordsEngines)('collector consistency on chDB + %s', (engine) => {
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
  const countLetters = async () =>
    (await records.db.selectFrom('dead_letters').select('id').where('org_id', '=', orgId).execute()).length;

  it('publishes stored events when the dead letters fail, and the retry writes the letters once', async () => {
    const { bus, carried } = recordingBus();
    const repository = createDeadLetterRepository(records.db);
    let refuseLetters = true;
    const { collector } = collectionOver(store, records.db, {
      bus,
      deadLetters: {
        insertMany: (letters) =>
          refuseLetters ? Promise.reject(new Error('connection reset')) : repository.insertMany(letters),
      },
    });
    const batch = json([like('c1'), like('c2'), like('c3', { amountFen: 1.5, type: 'order.pay' })]);
    await expect(collector.ingest(caller(), batch, 'application/json')).rejects.toMatchObject({
      code: 'dead_letters_unavailable',
      status: 503,
    });
    expect((await readOrg(store, orgId)).map((e) => e.id)).toEqual(['c1', 'c2']);
    expect(carried).toEqual(['c1', 'c2']);
    expect(await countLetters()).toBe(0);

    refuseLetters = false;
    const retry = await collector.ingest(caller(), batch, 'application/json');
    expect(retry).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(retry.rejected).toHaveLength(1);
    expect(await countLetters()).toBe(1);
    // A second retry (the client did not get the answer) keeps the one letter.
    await collector.ingest(caller(), batch, 'application/json');
    expect(await countLetters()).toBe(1);
    expect((await readOrg(store, orgId)).map((e) => e.id)).toEqual(['c1', 'c2']);
  });

  it('answers 503 when the bus refuses stored events, and the retry passes them on', async () => {
    const { bus, carried, refuse } = recordingBus();
    const { collector } = collectionOver(store, records.db, { bus });
    const batch = json([like('b1'), like('b2')]);
    refuse(true);
    await expect(collector.ingest(caller(), batch, 'application/json')).rejects.toMatchObject({
      code: 'bus_unavailable',
      status: 503,
    });
    expect((await readOrg(store, orgId)).map((e) => e.id)).toEqual(['b1', 'b2']);
    expect(carried).toEqual([]);

    refuse(false);
    expect(await collector.ingest(caller(), batch, 'application/json')).toMatchObject({
      accepted: 0,
      duplicates: 2,
      rejected: [],
    });
    expect(carried).toEqual(['b1', 'b2']);
  });

  it('passes on a stored batch the process never published, when a new process takes the retry', async () => {
    // As after kill -9 between the store and the bus: the events are stored, nothing carried them.
    const batch = json([like('k1'), like('k2')]);
    const crashed = recordingBus();
    crashed.refuse(true);
    const dying = collectionOver(store, records.db, { bus: crashed.bus });
    await expect(dying.collector.ingest(caller(), batch, 'application/json')).rejects.toMatchObject({
      code: 'bus_unavailable',
    });
    const { bus, carried } = recordingBus();
    const restarted = collectionOver(store, records.db, { bus });
    expect(await restarted.collector.ingest(caller(), batch, 'application/json')).toMatchObject({
      accepted: 0,
      duplicates: 2,
    });
    expect(carried).toEqual(['k1', 'k2']);
  });
});
