import type { RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../src/index.js';
import { collectionOver, createOrg, json, like, openSharedStore, readOrg } from './collection-fixtures.js';

/* Dead letters are corrected and replayed one by one, and replayed in bulk by id or filter. */
const person = { type: 'user' as const, id: 'usr_ops' };
let store: EventStore;
beforeAll(async () => {
  store = await openSharedStore();
});
afterAll(async () => {
  await store.close();
});

describe.each(recordsEngines)('editing and bulk replay of dead letters on chDB + %s', (engine) => {
  let records: RecordsDb & { dispose(): Promise<void> };
  let orgId: string;
  let otherOrgId: string;
  beforeEach(async () => {
    records = await openTestRecordsDb(engine);
    orgId = await createOrg(records.db);
    otherOrgId = await createOrg(records.db, '别家');
  });
  afterEach(async () => {
    await records.dispose();
  });
  const caller = (org = orgId) => ({ orgId: org, keyId: 'key_test', source: 'douyin' });

  it('replays a corrected item, keeping the original beside it', async () => {
    const { collector, deadLetters } = collectionOver(store, records.db);
    const bad = like('fix1', { type: 'order.pay', orderId: 'o1', amountFen: '99.00' });
    const id = (await collector.ingest(caller(), json([bad]), 'application/json')).rejected[0]!.deadLetterId;

    // A correction that is still wrong is kept and answered with the new reason.
    const still = await deadLetters.replay(orgId, id, person, { payload: { ...bad, amountFen: 99.5 } });
    expect(still).toMatchObject({ status: 'new', edited: { by: 'usr_ops', originalPayload: bad } });
    expect(still.reason).toContain('amountFen');

    const fixed = await deadLetters.replay(orgId, id, person, { payload: { ...bad, amountFen: 9900 } });
    expect(fixed).toMatchObject({
      status: 'replayed',
      replayResult: { outcome: 'ingested', eventId: 'fix1' },
      payload: { amountFen: 9900 },
      edited: { originalPayload: { amountFen: '99.00' } },
    });
    expect((await readOrg(store, orgId)).map((e) => [e.id, e.amountFen])).toEqual([['fix1', 9900]]);
    await expect(deadLetters.replay(orgId, id, person, { payload: bad })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('replays in bulk by ids and by filter, reporting each letter', async () => {
    const { collector, deadLetters } = collectionOver(store, records.db);
    const sent = await collector.ingest(
      caller(),
      json([
        like('b1', { source: 'myspace' }),
        like('b2', { type: 'room.explode' }),
        like('b3', { source: 'myspace' }),
      ]),
      'application/json',
    );
    const [l1, l2, l3] = sent.rejected.map((r) => r.deadLetterId);
    const foreign = (
      await collector.ingest(caller(otherOrgId), json([like('f1', { type: 'x.y' })]), 'application/json')
    ).rejected[0]!.deadLetterId;
    await deadLetters.discard(orgId, l3!, person);

    const byIds = await deadLetters.replayMany(orgId, { ids: [l1!, l3!, foreign, l1!], limit: 100 }, person);
    expect(byIds.results.map((r) => [r.id, r.outcome])).toEqual([
      [l1, 'rejected'],
      [l3, 'not_new'],
      [foreign, 'not_found'],
    ]);
    expect(byIds.counts).toEqual({ ingested: 0, duplicate: 0, rejected: 1, not_found: 1, not_new: 1 });
    // The other organisation's letter is untouched.
    expect((await deadLetters.get(otherOrgId, foreign)).attempts).toBe(0);

    const byFilter = await deadLetters.replayMany(orgId, { q: 'type', limit: 100 }, person);
    expect(byFilter.results.map((r) => r.id)).toEqual([l2]);
    expect((await deadLetters.get(orgId, l2!)).attempts).toBe(1);
  });
});
