import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startChild } from './child-server.js';
import { progress } from './result.js';

/** The scale-out engines a benchmark's servers run on, each its own database, stream and keys. */
export interface ScaleOutEngines {
  /** Environment for `livecloud` processes on these engines. */
  env: Record<string, string>;
  /** The `livecloud store serve` process holding the events. */
  storePid: number | undefined;
  close(): Promise<void>;
}

/**
 * PostgreSQL, NATS JetStream and Redis as this machine runs them (override with
 * LIVECLOUD_BENCH_PG_URL, LIVECLOUD_BENCH_NATS_URL, LIVECLOUD_BENCH_REDIS_URL) and a
 * `livecloud store serve` for the events, or CLICKHOUSE_BENCH_URL for a ClickHouse server.
 */
export async function openScaleOutEngines(): Promise<ScaleOutEngines> {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const adminUrl = process.env['LIVECLOUD_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env['LIVECLOUD_BENCH_NATS_URL'] ?? 'nats://127.0.0.1:4222';
  const redisUrl = process.env['LIVECLOUD_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const database = `lc_bench_${suffix}`;
  const stream = `LC_BENCH_${suffix}`;
  const redisPrefix = `lc_bench_${suffix}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${database}`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  const storeDir = mkdtempSync(join(tmpdir(), 'lc-bench-store-'));
  let store: Awaited<ReturnType<typeof startChild>> | undefined;
  let clickhouseUrl = process.env['CLICKHOUSE_BENCH_URL'];
  if (clickhouseUrl === undefined) {
    store = await startChild([
      'packages/cli/src/main.ts',
      'store',
      'serve',
      '--port',
      '0',
      '--data-dir',
      storeDir,
      '--json',
    ]);
    clickhouseUrl = store.url;
  }
  progress(
    `scale-out engines: PostgreSQL ${database}, NATS stream ${stream}, Redis prefix ${redisPrefix}, events at ${clickhouseUrl}`,
  );
  return {
    env: {
      DATABASE_URL: databaseUrl.toString(),
      CLICKHOUSE_URL: clickhouseUrl,
      CLICKHOUSE_DATABASE: `lc_bench_${suffix}`,
      NATS_URL: natsUrl,
      LIVECLOUD_NATS_STREAM: stream,
      REDIS_URL: redisUrl,
      LIVECLOUD_REDIS_PREFIX: redisPrefix,
    },
    storePid: store?.child.pid,
    async close() {
      if (store) await store.stop();
      else {
        const { createClient } = await import('@clickhouse/client');
        const client = createClient({ url: clickhouseUrl });
        await client.command({ query: `DROP DATABASE IF EXISTS lc_bench_${suffix}` });
        await client.close();
      }
      rmSync(storeDir, { recursive: true, force: true });
      const nc = await connect({ servers: natsUrl });
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
      await nc.close();
      const redis = new Redis(redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
      await admin(`drop database if exists ${database} with (force)`);
    },
  };
}
