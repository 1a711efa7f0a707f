import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventQueryContext } from '@livecloud/analytics';
import { createTestPgDatabase } from '@livecloud/db/testing';
import { createEventStore, type EventStore } from '@livecloud/events';
import { liveSnapshotSchema, sessionLiveMetrics, type LiveBoard, type LiveSnapshot } from '@livecloud/live';
import { demoSessionPlan, simulateSession } from '@livecloud/platforms';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * SPEC §6: many stateless server processes side by side on the scale-out engines. Two real
 * `livecloud start` processes share PostgreSQL, NATS JetStream, Redis and one event store
 * (`livecloud store serve`: chDB over ClickHouse's HTTP interface, reached through
 * CLICKHOUSE_URL exactly as a ClickHouse server would be). A simulated session with
 * out-of-order, late and repeated events is split between them, with retries that land on
 * the other process; each big screen must then show the whole session, exactly, and equal
 * the recomputation from the stored events.
 */

const root = resolve(import.meta.dirname, '../../..');
const cli = ['--import', 'tsx', join(root, 'packages/cli/src/main.ts')];
const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
const natsUrl = process.env['LIVECLOUD_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const redisUrl = process.env['LIVECLOUD_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const stream = `LC_TEST_TWO_${suffix}`;
const redisPrefix = `lc_test_two_${suffix}`;
const clickhouseDatabase = `lc_two_${suffix}`;
const sessionId = 'ses_two_processes';

const dirs: string[] = [];
const children = new Set<ChildProcess>();
let pg: { url: string; dispose(): Promise<void> };
let env: NodeJS.ProcessEnv;
let storeUrl: string;
let store: EventStore | undefined;

function tempDir(kind: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lc-two-${kind}-`));
  dirs.push(dir);
  return dir;
}

/** Runs a CLI command to its end and returns its one JSON line. */
function runCli(args: string[]): Record<string, unknown> {
  const result = spawnSync(process.execPath, [...cli, ...args, '--json'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`livecloud ${args.join(' ')} failed: ${result.stdout} ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
}

/** Starts a long-running CLI command and waits for the JSON line that carries its URL. */
async function startCli(
  args: string[],
): Promise<{ url: string; ready: Record<string, unknown>; logs: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, [...cli, ...args, '--port', '0', '--json'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const logs: Record<string, unknown>[] = [];
  const ready = await new Promise<Record<string, unknown>>((done, failed) => {
    const timer = setTimeout(
      () => failed(new Error(`livecloud ${args[0]} did not start: ${stderr}`)),
      90_000,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (parsed['level'] !== undefined) {
        logs.push(parsed);
        return;
      }
      if (typeof parsed['url'] !== 'string') return;
      clearTimeout(timer);
      done(parsed);
    });
    child.once('exit', (code) => failed(new Error(`livecloud ${args[0]} exited with ${code}: ${stderr}`)));
  });
  return { url: String(ready['url']), ready, logs };
}

async function stopAll(): Promise<void> {
  // Servers first, then the store they write to.
  const running = [...children];
  for (const child of running.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

beforeAll(async () => {
  pg = await createTestPgDatabase();
  env = {
    ...process.env,
    // Info, to see whether a big screen ever had to rebuild from the store (it must not).
    LOG_LEVEL: 'info',
    DATABASE_URL: pg.url,
    NATS_URL: natsUrl,
    LIVECLOUD_NATS_STREAM: stream,
    REDIS_URL: redisUrl,
    LIVECLOUD_REDIS_PREFIX: redisPrefix,
    CLICKHOUSE_DATABASE: clickhouseDatabase,
    LIVECLOUD_WEB_DIR: join(tempDir('web'), 'none'),
    LIVECLOUD_COLLECTOR_RATE_LIMIT_PER_SECOND: '1000',
    LIVECLOUD_COLLECTOR_RATE_LIMIT_BURST: '1000',
  };
  const storeDir = tempDir('store');
  const served = await startCli(['store', 'serve', '--data-dir', storeDir]);
  storeUrl = served.url;
  // chDB files have one writer: a second store server on the same directory is refused.
  const second = spawnSync(
    process.execPath,
    [...cli, 'store', 'serve', '--data-dir', storeDir, '--port', '0', '--json'],
    {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(second.status).toBe(1);
  expect(second.stdout).toMatch(/data_dir_in_use/);
  env['CLICKHOUSE_URL'] = storeUrl;
});

afterAll(async () => {
  await store?.close();
  await stopAll();
  const nc = await connect({ servers: natsUrl });
  await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
  await nc.close();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await pg?.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function post(
  url: string,
  key: string,
  events: unknown[],
): Promise<{ accepted: number; duplicates: number }> {
  const response = await fetch(`${url}/collect/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(events),
  });
  const body = (await response.json()) as { accepted: number; duplicates: number; rejected: unknown[] };
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.rejected).toEqual([]);
  return body;
}

async function board(url: string, key: string): Promise<LiveBoard | undefined> {
  const response = await fetch(`${url}/api/v1/sessions/${sessionId}/live`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (response.status === 404) return undefined;
  expect(response.status).toBe(200);
  return (await response.json()) as LiveBoard;
}

/** Polls both big screens until each shows `count` events; returns their last boards. */
async function waitForBoards(
  servers: readonly { url: string }[],
  key: string,
  count: number,
): Promise<LiveBoard[]> {
  const deadline = Date.now() + 90_000;
  let boards: (LiveBoard | undefined)[] = [];
  while (Date.now() < deadline) {
    boards = await Promise.all(servers.map((server) => board(server.url, key)));
    if (boards.every((x) => x?.eventCount === count)) return boards as LiveBoard[];
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(
    `the screens show ${boards.map((x) => x?.eventCount ?? 'nothing').join(' and ')}, not ${count}`,
  );
}

/** The board's live-state numbers, without what only the board adds (time, names, comparisons, flags). */
function snapshotOf(live: LiveBoard | LiveSnapshot): LiveSnapshot {
  // The snapshot schema keeps its own keys and drops the rest, down to each comment's flags.
  return liveSnapshotSchema.parse(live);
}

describe('two server processes on NATS, Redis, PostgreSQL and one shared store', () => {
  it(
    'ingest side by side, and each big screen shows the sum, equal to the stored events',
    { timeout: 240_000 },
    async () => {
      const org = runCli(['org', 'create', '--name', '双进程直播']);
      const orgId = String(org['id']);
      const collectorKey = String(
        runCli([
          'key',
          'create',
          '--org',
          orgId,
          '--name',
          '抖音采集',
          '--purpose',
          'collector',
          '--source',
          'douyin',
        ])['secret'],
      );
      const adminKey = String(
        runCli(['key', 'create', '--org', orgId, '--name', '大屏', '--purpose', 'admin'])['secret'],
      );

      const a = await startCli(['start', '--data-dir', tempDir('a')]);
      const b = await startCli(['start', '--data-dir', tempDir('b')]);
      for (const server of [a, b])
        expect(server.ready).toMatchObject({ records: 'postgres', events: 'clickhouse' });
      const health = (await (await fetch(`${a.url}/api/v1/health`)).json()) as Record<string, unknown>;
      expect(JSON.stringify(health)).toMatch(/nats/);
      expect(JSON.stringify(health)).toMatch(/redis/);

      const simulated = simulateSession(
        demoSessionPlan({
          orgId,
          accountId: 'acc_two',
          sessionId,
          // Over before now, refunds included: the collector refuses events dated ahead of it.
          startAt: Date.now() - 3 * 3_600_000,
          durationMin: 20,
          refundTailHours: 0,
          scale: 250,
          seed: 11,
          disorder: { outOfOrderShare: 0.2, lateShare: 0.05, duplicateShare: 0.1 },
        }),
      ).collect();
      const events = simulated.events;
      const distinct = new Set(events.map((e) => e.id)).size;
      expect(distinct).toBeGreaterThan(1_000);

      // Both screens open on the first batch, as a screen is open before the session starts; from
      // then on they may only learn of events through the bus and the shared live state.
      const batchSize = 200;
      const opening = events.slice(0, batchSize);
      const taken = { a: (await post(a.url, collectorKey, opening)).accepted, b: 0, duplicates: 0 };
      const openingCount = new Set(opening.map((e) => e.id)).size;
      await waitForBoards([a, b], adminKey, openingCount);

      // Batches alternate between the processes; every fifth is retried on the other one, as a
      // client whose answer was lost retries wherever the load balancer sends it.
      for (let i = batchSize, n = 1; i < events.length; i += batchSize, n++) {
        const batch = events.slice(i, i + batchSize);
        const [first, other] = n % 2 === 0 ? ([a, b] as const) : ([b, a] as const);
        const answer = await post(first.url, collectorKey, batch);
        taken[first === a ? 'a' : 'b'] += answer.accepted;
        taken.duplicates += answer.duplicates;
        if (n % 5 === 2) {
          const retry = await post(other.url, collectorKey, batch);
          expect(retry.accepted).toBe(0);
          taken.duplicates += retry.duplicates;
        }
      }
      expect(taken.a).toBeGreaterThan(0);
      expect(taken.b).toBeGreaterThan(0);
      expect(taken.a + taken.b).toBe(distinct);

      // Both screens read the one live state; wait until it has applied every event.
      const [onA, onB] = await waitForBoards([a, b], adminKey, distinct);
      if (onA === undefined || onB === undefined) throw new Error('no board');
      // Neither screen caught up by reading the store: the bus and Redis carried every event.
      const rebuilds = [...a.logs, ...b.logs].filter((log) => /rebuil/.test(String(log['msg'])));
      expect(rebuilds).toEqual([]);

      store = await createEventStore({
        clickhouseUrl: storeUrl,
        dataDir: tempDir('reader'),
        database: clickhouseDatabase,
      });
      const recomputed = await sessionLiveMetrics(eventQueryContext(store, orgId), sessionId);
      expect(recomputed).not.toBeNull();
      if (recomputed === null) return;
      expect(snapshotOf(onA)).toEqual(snapshotOf(recomputed));
      expect(snapshotOf(onB)).toEqual(snapshotOf(recomputed));
      expect(onA.totals.gmvFen).toBe(simulated.truth.gmvFen);
      expect(onA.totals.gmvFen).toBeGreaterThan(0);
    },
  );
});
