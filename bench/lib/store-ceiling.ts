import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventEnvelopeSchema } from '@livecloud/contracts';
import { createEventStore, type StoredEvent } from '@livecloud/events';
import { progress } from './result.js';

/**
 * The event store's own ceiling: the same events inserted straight into the store (no HTTP, no
 * pipeline, no live state), in inserts of `rows` with two in flight, as group commit sends them
 * under load. An upper bound for the end-to-end rate on the same machine.
 */
export async function storeInsertCeiling(options: {
  inputs: readonly unknown[];
  rows: number;
  clickhouseUrl?: string | undefined;
}): Promise<number> {
  const events: StoredEvent[] = options.inputs.map((input, i) => {
    const event = eventEnvelopeSchema.parse(input);
    return { ...event, receivedAt: event.occurredAt + (i % 1_000) };
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-bench-store-ceiling-'));
  const store = await createEventStore({
    clickhouseUrl: options.clickhouseUrl,
    dataDir,
    database: `lc_bench_ceiling_${process.pid}`,
  });
  try {
    await store.migrate();
    const chunks: StoredEvent[][] = [];
    for (let i = 0; i < events.length; i += options.rows) chunks.push(events.slice(i, i + options.rows));
    progress(`store alone: ${events.length} events in inserts of ${options.rows}, 2 in flight`);
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < chunks.length) await store.insert(chunks[next++]!);
    };
    await Promise.all([worker(), worker()]);
    return events.length / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
    if (options.clickhouseUrl !== undefined) {
      const { createClient } = await import('@clickhouse/client');
      const client = createClient({ url: options.clickhouseUrl });
      await client.command({ query: `DROP DATABASE IF EXISTS lc_bench_ceiling_${process.pid}` });
      await client.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
