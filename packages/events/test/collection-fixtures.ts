import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeClock, createLogger, newId, type FakeClock } from '@livecloud/core';
import type { Database, Kysely } from '@livecloud/db';
import {
  createCollector,
  createDeadLetterService,
  createEventStore,
  createInProcessBus,
  createStoreDeduper,
  eventSelectList,
  findStoredEventIds,
  fromEventRow,
  scopeToOrg,
  type Bus,
  type CollectorDeps,
  type EventStore,
  type StoredEvent,
} from '../src/index.js';
import { createDeadLetterRepository } from '../src/dead-letter.repository.js';

/**
 * chDB holds one data directory per process: a test file opens one store and shares it.
 * Closing it also removes its directory.
 */
export async function openSharedStore(): Promise<EventStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-coll-'));
  const store = await createEventStore({ dataDir, database: 'livecloud_test' });
  await store.migrate();
  return {
    ...store,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const silent = createLogger({ level: 'silent' });

export async function createOrg(db: Kysely<Database>, name = '测试直播'): Promise<string> {
  const id = newId('org');
  await db.insertInto('organisations').values({ id, name, slug: id.toLowerCase() }).execute();
  return id;
}

export const limits = { bodyBytes: 1024 * 1024, maxBatchEvents: 1000, ratePerSecond: 1000, rateBurst: 1000 };

/** A collector with its own dedupe window (as a fresh process would have) over shared stores. */
export function collectionOver(
  store: EventStore,
  db: Kysely<Database>,
  overrides: Partial<CollectorDeps> & { clock?: FakeClock; bus?: Bus } = {},
) {
  const clock = overrides.clock ?? createFakeClock(Date.UTC(2026, 2, 14, 12));
  const bus = overrides.bus ?? createInProcessBus();
  const dedupe = createStoreDeduper({ clock, lookup: (orgId, ids) => findStoredEventIds(store, orgId, ids) });
  const deadLetterRepository = createDeadLetterRepository(db);
  const collector = createCollector({
    eventStore: store,
    deadLetters: deadLetterRepository,
    bus,
    dedupe,
    clock,
    logger: silent,
    limits,
    ...overrides,
  });
  const deadLetters = createDeadLetterService({
    deadLetters: deadLetterRepository,
    clock,
    replay: (input) => collector.replay(input),
  });
  return { clock, bus, collector, deadLetters };
}

export function readOrg(store: EventStore, orgId: string): Promise<StoredEvent[]> {
  return scopeToOrg(store, orgId)
    .query<Parameters<typeof fromEventRow>[0]>(
      `SELECT ${eventSelectList} FROM ${store.tables.events} FINAL WHERE org_id = {orgId:String} ORDER BY occurred_at, id`,
    )
    .then((rows) => rows.map(fromEventRow));
}

/** A valid live event for the native collector (orgId and source come from the key). */
export function like(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    type: 'like',
    occurredAt: '2026-03-14T20:00:00.000+08:00',
    accountId: 'acc_1',
    sessionId: 'ses_1',
    platformUserId: `dy_${id}`,
    ...overrides,
  };
}

export function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}
