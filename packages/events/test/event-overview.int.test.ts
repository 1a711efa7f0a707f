import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeClock, newId } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeadLetterRepository } from '../src/dead-letter.repository.js';
import { createEventOverviewService } from '../src/event-overview.service.js';
import { createEventStore, type EventStore } from '../src/index.js';
import { collectionOver, createOrg, json, like } from './collection-fixtures.js';
import { startStoreServerProcess, type StoreServerProcess } from './store-server-process.js';

/* The events overview counts what the collector stored and refused, on both store engines. */
const t0 = Date.UTC(2026, 2, 14, 12, 0, 0);
const hour = 3_600_000;

function describeOverview(name: string, open: () => Promise<EventStore>, cleanup: () => Promise<void>): void {
  describe(`events overview on ${name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await open();
      await store.migrate();
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });
    describe.each(recordsEngines)('with records on %s', (engine) => {
      let records: RecordsDb & { dispose(): Promise<void> };
      let orgId: string;
      let otherOrgId: string;
      const clock = createFakeClock(t0 + 10 * 60_000);
      const overviewOf = () =>
        createEventOverviewService({
          eventStore: store,
          deadLetters: createDeadLetterRepository(records.db),
          clock,
        });

      beforeAll(async () => {
        records = await openTestRecordsDb(engine);
        orgId = await createOrg(records.db);
        otherOrgId = await createOrg(records.db, '别家');
        const { collector } = collectionOver(store, records.db, { clock });
        const caller = (org: string) => ({ orgId: org, keyId: 'key_test', source: 'douyin' });
        await collector.ingest(
          caller(orgId),
          json([
            like('ov1'),
            like('ov2'),
            like('ov3', { type: 'comment', properties: { text: '好看' } }),
            like('ov4', { source: 'kuaishou', platformUserId: 'ks_person_4711' }),
            like('ovbad', { type: 'room.explode' }),
          ]),
          'application/json',
        );
        clock.advance(hour);
        await collector.ingest(
          caller(orgId),
          json([like('ov5'), like('ovbad2', { amountFen: 'x' })]),
          'application/json',
        );
        await collector.ingest(
          caller(otherOrgId),
          json([like('other1'), like('other2')]),
          'application/json',
        );
      });
      afterAll(async () => {
        await records.dispose();
      });

      it('counts accepted events per hour by source and type, and the rejected share', async () => {
        const o = await overviewOf().overview(orgId, {
          from: new Date(t0 - hour).toISOString(),
          to: new Date(t0 + 3 * hour).toISOString(),
          bucket: 'hour',
        });
        expect(o.bucketStarts).toEqual([0, 1, 2, 3].map((i) => new Date(t0 + (i - 1) * hour).toISOString()));
        expect(o.accepted).toEqual([0, 4, 1, 0]);
        expect(o.rejected).toEqual([0, 1, 1, 0]);
        expect(o.bySource).toEqual([
          { key: 'douyin', total: 4, counts: [0, 3, 1, 0] },
          { key: 'kuaishou', total: 1, counts: [0, 1, 0, 0] },
        ]);
        expect(o.byType).toEqual([
          { key: 'like', total: 4, counts: [0, 3, 1, 0] },
          { key: 'comment', total: 1, counts: [0, 1, 0, 0] },
        ]);
        expect(o.totals).toEqual({ accepted: 5, rejected: 2, rejectedShare: 2 / 7 });
      });

      it('aligns the range to whole buckets and answers an empty range with a null share', async () => {
        const o = await overviewOf().overview(orgId, {
          from: new Date(t0 + 5 * hour + 59_000).toISOString(),
          to: new Date(t0 + 5 * hour + 150_000).toISOString(),
          bucket: 'minute',
        });
        expect(o.from).toBe(new Date(t0 + 5 * hour).toISOString());
        expect(o.accepted).toEqual([0, 0, 0]);
        expect(o.totals).toEqual({ accepted: 0, rejected: 0, rejectedShare: null });
      });

      it('refuses a reversed range and one of more than 200 buckets with codes', async () => {
        await expect(
          overviewOf().overview(orgId, {
            from: new Date(t0).toISOString(),
            to: new Date(t0).toISOString(),
            bucket: 'hour',
          }),
        ).rejects.toMatchObject({ code: 'overview_range_invalid', kind: 'invalid' });
        await expect(
          overviewOf().overview(orgId, {
            from: new Date(t0 - 201 * 60_000).toISOString(),
            to: new Date(t0).toISOString(),
            bucket: 'minute',
          }),
        ).rejects.toMatchObject({ code: 'overview_too_many_buckets', details: { buckets: 201, max: 200 } });
      });

      it('lists the last events received, newest first, with the person masked, in the org only', async () => {
        const { items } = await overviewOf().recent(orgId, 3);
        expect(items.map((e) => e.id)).toEqual(['ov5', 'ov4', 'ov3']);
        expect(items[0]).toMatchObject({
          type: 'like',
          source: 'douyin',
          sessionId: 'ses_1',
          sessionTitle: null,
          personKey: 'dy_***v5',
        });
        expect(items[1]?.personKey).toBe('ks_***11');
        expect(items[0]?.receivedAt).toBe(new Date(t0 + 10 * 60_000 + hour).toISOString());
        const other = await overviewOf().recent(otherOrgId, 100);
        expect(other.items.map((e) => e.id).sort()).toEqual(['other1', 'other2']);
      });
    });
  });
}

const chdbDir = mkdtempSync(join(tmpdir(), 'lc-overview-'));
describeOverview(
  'chDB',
  () => createEventStore({ dataDir: chdbDir, database: 'livecloud_test' }),
  () => Promise.resolve(rmSync(chdbDir, { recursive: true, force: true })),
);

describe('on a store server', () => {
  let served: StoreServerProcess | undefined;
  beforeAll(async () => {
    served = await startStoreServerProcess();
  });
  afterAll(async () => {
    await served?.stop();
  });
  describeOverview(
    'the store server (chDB over HTTP)',
    () => {
      if (served === undefined) throw new Error('the store server did not start');
      return createEventStore({
        clickhouseUrl: served.url,
        dataDir: tmpdir(),
        database: `lc_ov_${newId('t').slice(2).toLowerCase()}`,
      });
    },
    () => Promise.resolve(),
  );
});
