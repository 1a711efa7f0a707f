import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeClock } from '@livecloud/core';
import {
  createEventStore,
  createStoreDeduper,
  findStoredEventIds,
  scopeToOrg,
  type StoredEvent,
} from '@livecloud/events';
import { figure, progress, type BenchFigure } from './lib/result.js';

/**
 * `npm run bench -- dedupe`: the durable half of the collector's de-duplication without Redis.
 * Every id the in-memory window does not know is looked up in the event store; this measures
 * that look-up for a 100-event batch of new ids against one organisation holding `rows`
 * events, through the (org_id, id)-sorted `event_ids` table, against the same question asked
 * of `events` itself (sorted by session first) as the baseline. Also a retry answered from
 * the window, which never reaches the store.
 */
export async function run(options: { durationMs: number; rows?: number }): Promise<BenchFigure[]> {
  const rows = options.rows ?? 1_000_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-bench-dedupe-'));
  const store = await createEventStore({ dataDir, database: 'bench' });
  try {
    await store.migrate();
    const orgId = 'org_bench';
    const base = Date.UTC(2026, 0, 1);
    progress(`storing ${rows} events for one organisation`);
    for (let start = 0; start < rows; start += 50_000) {
      const events: StoredEvent[] = [];
      for (let i = start; i < Math.min(rows, start + 50_000); i++) {
        events.push({
          id: `evt-${i}`,
          type: i % 3 ? 'like' : 'room.enter',
          schemaVersion: 1,
          occurredAt: base + i * 100,
          receivedAt: base + i * 100 + 5,
          orgId,
          source: 'douyin',
          accountId: 'acc',
          sessionId: `ses_${Math.floor(i / 20_000)}`,
          platformUserId: `u${i % 5000}`,
          properties: {},
        });
      }
      await store.insert(events);
    }

    let batch = 0;
    // New ids fall between stored ones, as random client ids do, so each touches its own granule.
    const newIds = (): string[] =>
      Array.from({ length: 100 }, (_, k) => `evt-${Math.floor(Math.random() * rows)}-new-${batch}-${k}`);
    const time = async (ask: (ids: string[]) => Promise<unknown>): Promise<number> => {
      const samples: number[] = [];
      const until = performance.now() + options.durationMs / 3;
      while (performance.now() < until || samples.length < 5) {
        batch += 1;
        const ids = newIds();
        const started = performance.now();
        await ask(ids);
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      return samples[Math.floor(samples.length / 2)] ?? 0;
    };

    progress('look-up through event_ids (org_id, id)');
    const indexed = await time((ids) => findStoredEventIds(store, orgId, ids));
    progress('baseline: the same look-up on events (org_id, session_id, …)');
    const scanned = await time((ids) =>
      scopeToOrg(store, orgId).query(
        `SELECT DISTINCT id FROM ${store.tables.events} WHERE org_id = {orgId:String} AND id IN {ids:Array(String)}`,
        { ids },
      ),
    );

    progress('a retried batch answered from the in-memory window');
    const deduper = createStoreDeduper({
      clock: createFakeClock(),
      lookup: (org, ids) => findStoredEventIds(store, org, ids),
    });
    const retried = newIds();
    await deduper.claim(orgId, retried);
    await deduper.commit(orgId, retried);
    const windowHit = await time(() => deduper.claim(orgId, retried));

    return [
      figure('dedupe', `store check, 100 new ids, ${rows} rows`, indexed, 'ms', {
        name: 'same check on events table',
        value: scanned,
      }),
      figure('dedupe', 'retry answered by the window, 100 ids', windowHit, 'ms', {
        name: 'store check',
        value: indexed,
      }),
    ];
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
