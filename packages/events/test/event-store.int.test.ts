import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { eventEnvelopeSchema } from '@livecloud/contracts';
import { newId } from '@livecloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEventStore,
  eventSelectList,
  findStoredEventIds,
  forEachStoredEventIdPage,
  fromEventRow,
  scopeToOrg,
  type EventRow,
  type EventStore,
  type StoredEvent,
} from '../src/index.js';
import { startStoreServerProcess, type StoreServerProcess } from './store-server-process.js';

const occurredAt = Date.UTC(2026, 2, 14, 12, 30, 45, 123);

function storedEvent(overrides: Record<string, unknown> = {}): StoredEvent {
  const envelope = eventEnvelopeSchema.parse({
    id: newId('evt'),
    type: 'like',
    occurredAt,
    orgId: 'org_unset',
    source: 'douyin',
    accountId: 'acc_1',
    sessionId: 'ses_1',
    platformUserId: 'dy_1',
    ...overrides,
  });
  return { ...envelope, receivedAt: envelope.receivedAt ?? envelope.occurredAt + 250 };
}

interface Harness {
  open(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

function chdbHarness(): Harness {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-events-'));
  return {
    open: () => createEventStore({ dataDir, database: 'livecloud_test' }),
    cleanup: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

function clickhouseHarness(url: string): Harness {
  const database = `livecloud_test_${newId('t').slice(2).toLowerCase()}`;
  return {
    open: () => createEventStore({ clickhouseUrl: url, dataDir: tmpdir(), database }),
    cleanup: async () => {
      const admin = createClient({ url });
      await admin.command({ query: `DROP DATABASE IF EXISTS \`${database}\`` });
      await admin.close();
    },
  };
}

function readAll(store: EventStore, orgId: string, final = true): Promise<StoredEvent[]> {
  return scopeToOrg(store, orgId)
    .query<EventRow>(
      `SELECT ${eventSelectList} FROM ${store.tables.events}${final ? ' FINAL' : ''}
       WHERE org_id = {orgId:String} ORDER BY occurred_at, id`,
    )
    .then((rows) => rows.map(fromEventRow));
}

function describeEventStoreContract(name: string, makeHarness: () => Harness): void {
  describe(`event store on ${name}`, () => {
    let harness: Harness;
    let store: EventStore;

    beforeAll(async () => {
      harness = makeHarness();
      store = await harness.open();
      await store.migrate();
    });

    afterAll(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('migrates again without harm and keeps existing rows', async () => {
      const orgId = newId('org');
      await store.insert([storedEvent({ orgId })]);
      await store.migrate();
      expect(await readAll(store, orgId)).toHaveLength(1);
    });

    it('round-trips every field: exact fen, millisecond times, Chinese text', async () => {
      const orgId = newId('org');
      const full = storedEvent({
        orgId,
        type: 'order.pay',
        occurredAt: '2026-03-14T20:30:45.123+08:00',
        receivedAt: occurredAt + 999,
        source: 'kuaishou',
        anonymousId: 'anon_1',
        userId: 'usr_1',
        platformUserId: 'ks_1',
        productId: 'prd_1',
        skuId: 'sku_红色_XL\t\\ "x"\n\r\0',
        orderId: 'ord_1',
        amountFen: 9_007_199_254_740_991,
        trafficSource: 'paid_ads',
        properties: {
          text: '主播好！这个多少钱？🎉',
          quote: `it's "fine"\n\\`,
          nested: { n: 1.5, list: [1, null] },
        },
      });
      const minimal = storedEvent({ orgId, type: 'ad.spend', amountFen: 0, occurredAt: occurredAt + 1 });
      const bare = storedEvent({ orgId, occurredAt: occurredAt + 2 });
      await store.insert([full, minimal, bare]);

      const read = await readAll(store, orgId);
      expect(read).toEqual([full, minimal, bare]);
      expect(read[0]?.occurredAt).toBe(occurredAt);
      expect(read[0]?.receivedAt).toBe(occurredAt + 999);
      expect(read[1]?.amountFen).toBe(0);
      expect(read[2]).not.toHaveProperty('amountFen');
    });

    it('sums amount_fen as an exact 64-bit integer', async () => {
      const orgId = newId('org');
      const big = 9_007_199_254_740_991;
      await store.insert([
        storedEvent({ orgId, type: 'order.pay', orderId: 'o1', amountFen: big }),
        storedEvent({ orgId, type: 'order.pay', orderId: 'o2', amountFen: big }),
      ]);
      const [row] = await scopeToOrg(store, orgId).query<{ total: string }>(
        `SELECT sum(amount_fen) AS total FROM ${store.tables.events} FINAL WHERE org_id = {orgId:String}`,
      );
      expect(row?.total).toBe((BigInt(big) * 2n).toString());
    });

    it('treats quotes and injection attempts in bound parameters as data', async () => {
      const orgId = newId('org');
      const nastyId = `x' OR '1'='1'; DROP TABLE events; --`;
      const nastyText = `\\'); DROP DATABASE ${store.database}; -- 評論`;
      await store.insert([
        storedEvent({ orgId, id: nastyId, type: 'comment', properties: { text: nastyText } }),
      ]);
      const scoped = scopeToOrg(store, orgId);

      const byId = await scoped.query<{ id: string; text: string }>(
        `SELECT id, JSONExtractString(properties, 'text') AS text FROM ${store.tables.events}
         WHERE org_id = {orgId:String} AND id = {id:String}`,
        { id: nastyId },
      );
      expect(byId).toEqual([{ id: nastyId, text: nastyText }]);

      const injected = await store.query<{ n: string }>(
        `SELECT count() AS n FROM ${store.tables.events} WHERE org_id = {org:String}`,
        { org: `${orgId}' OR '1'='1` },
      );
      expect(injected).toEqual([{ n: '0' }]);
      expect(await readAll(store, orgId)).toHaveLength(1);
    });

    it('binds times as epoch ms, Date and bigint', async () => {
      const orgId = newId('org');
      await store.insert([0, 1, 2].map((i) => storedEvent({ orgId, occurredAt: occurredAt + i })));
      const scoped = scopeToOrg(store, orgId);
      const count = async (
        sql: string,
        params: Record<string, number | Date | bigint>,
      ): Promise<string | undefined> => (await scoped.query<{ n: string }>(sql, params))[0]?.n;

      const table = store.tables.events;
      expect(
        await count(
          `SELECT count() AS n FROM ${table}
           WHERE org_id = {orgId:String} AND occurred_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')`,
          { from: occurredAt + 1 },
        ),
      ).toBe('2');
      expect(
        await count(
          `SELECT count() AS n FROM ${table} WHERE org_id = {orgId:String} AND occurred_at < {to:DateTime64(3, 'UTC')}`,
          { to: new Date(occurredAt + 2) },
        ),
      ).toBe('2');
      expect(
        await count(
          `SELECT count() AS n FROM ${table}
           WHERE org_id = {orgId:String} AND occurred_at = fromUnixTimestamp64Milli({at:Int64}, 'UTC')`,
          { at: BigInt(occurredAt + 2) },
        ),
      ).toBe('1');
    });

    it('refuses a query whose placeholders and parameters do not match', async () => {
      const sql = `SELECT count() AS n FROM ${store.tables.events} WHERE org_id = {org:String}`;
      await expect(store.query(sql, {})).rejects.toMatchObject({ code: 'query_params_mismatch' });
      await expect(store.query(sql, { org: 'a', typo: 'b' })).rejects.toMatchObject({
        code: 'query_params_mismatch',
        details: { missing: [], unused: ['typo'] },
      });
      // Braces inside a string literal are text to ClickHouse, so they need no parameter.
      expect(await store.query(`SELECT '{org:String}' AS text, {n:UInt8} AS n`, { n: 7 })).toEqual([
        { text: '{org:String}', n: 7 },
      ]);
    });

    it("never returns another organisation's rows to a query bound to one org", async () => {
      const orgA = newId('org');
      const orgB = newId('org');
      // The same client ids in both orgs: they must neither collapse nor leak.
      const ids = ['evt-1', 'evt-2'];
      await store.insert(
        ids.flatMap((id) => [storedEvent({ orgId: orgA, id }), storedEvent({ orgId: orgB, id })]),
      );
      await store.insert([storedEvent({ orgId: orgB, id: 'evt-only-b', userId: 'usr_shared' })]);

      const readA = await readAll(store, orgA);
      expect(readA.map((e) => [e.orgId, e.id])).toEqual(ids.map((id) => [orgA, id]));
      const byUser = await scopeToOrg(store, orgA).query(
        `SELECT id FROM ${store.tables.events} WHERE org_id = {orgId:String} AND user_id = {userId:String}`,
        { userId: 'usr_shared' },
      );
      expect(byUser).toEqual([]);
      expect(await readAll(store, orgB)).toHaveLength(3);
    });

    it('refuses an org-scoped query that does not filter every events reference by org', async () => {
      const scoped = scopeToOrg(store, newId('org'));
      const table = store.tables.events;
      await expect(scoped.query(`SELECT count() FROM ${table}`)).rejects.toMatchObject({
        code: 'unscoped_event_query',
      });
      await expect(
        scoped.query(
          `SELECT count() FROM ${table} WHERE org_id = {orgId:String}
           AND user_id IN (SELECT user_id FROM ${table} WHERE type = {type:String})`,
          { type: 'follow' },
        ),
      ).rejects.toMatchObject({ code: 'unscoped_event_query' });
      await expect(
        scoped.query(`SELECT count() FROM ${table} WHERE org_id = {orgId:String}`, { orgId: 'org_other' }),
      ).rejects.toMatchObject({ code: 'org_param_reserved' });
    });

    it('counts a re-sent event once when read with FINAL, across batches and within one', async () => {
      const orgId = newId('org');
      const original = storedEvent({ orgId, type: 'order.pay', orderId: 'o1', amountFen: 1999 });
      const retry = { ...original, receivedAt: original.receivedAt + 5_000 };
      const other = storedEvent({ orgId, occurredAt: occurredAt + 10 });
      await store.insert([original, other]);
      await store.insert([retry, retry]);

      const final = await readAll(store, orgId);
      expect(final.map((e) => e.id)).toEqual([original.id, other.id]);
      const [paid] = await scopeToOrg(store, orgId).query<{ n: string; total: string }>(
        `SELECT count() AS n, sum(amount_fen) AS total FROM ${store.tables.events} FINAL
         WHERE org_id = {orgId:String} AND type = {type:String}`,
        { type: 'order.pay' },
      );
      expect(paid).toEqual({ n: '1', total: '1999' });
    });

    it("reads an organisation's stored ids in pages, each once, and no other organisation's", async () => {
      const orgId = newId('org');
      const events = Array.from({ length: 25 }, (_, i) => storedEvent({ orgId, occurredAt: occurredAt + i }));
      await store.insert(events.slice(0, 20));
      await store.insert([...events.slice(18), events[0]!]);
      await store.insert([storedEvent({ orgId: newId('org') })]);
      const pages: (readonly string[])[] = [];
      await forEachStoredEventIdPage(store, orgId, (ids) => pages.push(ids), 10);
      expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
      expect(pages.flat().sort()).toEqual(events.map((e) => e.id).sort());
      expect(await findStoredEventIds(store, orgId, [events[3]!.id, 'evt_never'])).toEqual(
        new Set([events[3]!.id]),
      );
    });

    it('reports health with its latency', async () => {
      const health = await store.health();
      expect(health.ok).toBe(true);
      expect(health.latencyMs).toBeGreaterThanOrEqual(0);
      expect(health.error).toBeUndefined();
    });

    it('keeps data across close and reopen, and refuses use after close', async () => {
      const orgId = newId('org');
      const event = storedEvent({ orgId, type: 'comment', properties: { text: '关播后还在吗' } });
      await store.insert([event]);
      await store.close();
      await store.close();

      await expect(store.query('SELECT 1', {})).rejects.toMatchObject({ code: 'event_store_closed' });
      expect(await store.health()).toMatchObject({ ok: false });

      store = await harness.open();
      await store.migrate();
      expect(await readAll(store, orgId)).toEqual([event]);
    });
  });
}

describeEventStoreContract('chDB', chdbHarness);

describe('chDB data directory', () => {
  it('refuses a second data directory in one process until the first store closes', async () => {
    const first = mkdtempSync(join(tmpdir(), 'lc-events-a-'));
    const second = mkdtempSync(join(tmpdir(), 'lc-events-b-'));
    try {
      const storeA = await createEventStore({ dataDir: first, database: 'livecloud_test' });
      const sameDir = await createEventStore({ dataDir: first, database: 'livecloud_test' });
      await expect(createEventStore({ dataDir: second, database: 'livecloud_test' })).rejects.toMatchObject({
        code: 'chdb_data_dir_in_use',
      });
      await storeA.close();
      await expect(createEventStore({ dataDir: second, database: 'livecloud_test' })).rejects.toMatchObject({
        code: 'chdb_data_dir_in_use',
      });
      await sameDir.close();

      const storeB = await createEventStore({ dataDir: second, database: 'livecloud_test' });
      expect((await storeB.health()).ok).toBe(true);
      await storeB.close();
    } finally {
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('refuses a database name that is not a plain identifier', async () => {
    await expect(createEventStore({ dataDir: tmpdir(), database: 'x`; DROP' })).rejects.toMatchObject({
      code: 'invalid_identifier',
    });
  });
});

// The same contract over ClickHouse's HTTP interface, as a server process reaches a shared
// store: `livecloud store serve` in a process of its own, and a ClickHouse server when
// CLICKHOUSE_TEST_URL names one (none can be installed on the machines this project runs on).
describe('over HTTP', () => {
  let served: StoreServerProcess | undefined;
  beforeAll(async () => {
    served = await startStoreServerProcess();
  });
  afterAll(async () => {
    await served?.stop();
  });
  describeEventStoreContract('the store server (chDB over HTTP)', () => {
    if (served === undefined) throw new Error('the store server did not start');
    return clickhouseHarness(served.url);
  });
});

const clickhouseTestUrl = process.env['CLICKHOUSE_TEST_URL'];
if (clickhouseTestUrl)
  describeEventStoreContract('ClickHouse server', () => clickhouseHarness(clickhouseTestUrl));
