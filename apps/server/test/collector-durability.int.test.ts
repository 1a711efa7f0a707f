import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openRecordsDb } from '@livecloud/db';
import { createEventStore } from '@livecloud/events';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The collector's promise: an acknowledged event is in the store, exactly once, whatever
 * happens to the server afterwards. A real server process on the embedded engines is killed
 * with SIGKILL while batches are in flight, started again on the same data directory, and
 * every batch is sent again as a client would retry it.
 */

const root = resolve(import.meta.dirname, '../../..');
const cli = ['--import', 'tsx', join(root, 'packages/cli/src/main.ts')];
const env = {
  ...process.env,
  LOG_LEVEL: 'error',
  NATS_URL: '',
  REDIS_URL: '',
  DATABASE_URL: '',
  CLICKHOUSE_URL: '',
};
const dataDir = mkdtempSync(join(tmpdir(), 'lc-durable-'));
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function runCli(args: string[]): Record<string, unknown> {
  const result = spawnSync(process.execPath, [...cli, ...args, '--data-dir', dataDir, '--json'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`livecloud ${args.join(' ')} failed: ${result.stdout} ${result.stderr}`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...cli, 'start', '--data-dir', dataDir, '--port', '0', '--json'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000);
    lines.on('line', (line) => {
      try {
        const ready = JSON.parse(line) as { url?: unknown; records?: unknown };
        if (typeof ready.url === 'string' && ready.records !== undefined) {
          clearTimeout(timer);
          resolveUrl(ready.url);
        }
      } catch {
        // a log line that is not the ready line
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

interface Ack {
  accepted: number;
  duplicates: number;
  rejected: { id?: string; deadLetterId: string }[];
}

function batch(n: number): unknown[] {
  return Array.from({ length: 25 }, (_, i) => ({
    id: `b${n}-e${i}`,
    type: i === 24 ? 'room.explode' : 'order.pay',
    occurredAt: Date.UTC(2026, 2, 14, 12, 0, n, i),
    accountId: 'acc_1',
    sessionId: 'ses_1',
    platformUserId: `u${i}`,
    orderId: `o-${n}-${i}`,
    amountFen: 100 + i,
  }));
}

async function send(url: string, key: string, n: number): Promise<Ack | undefined> {
  try {
    const res = await fetch(`${url}/collect/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch(n)),
    });
    return res.status === 200 ? ((await res.json()) as Ack) : undefined;
  } catch {
    return undefined;
  }
}

describe('collector durability across kill -9', () => {
  it(
    'keeps every acknowledged event exactly once after a hard kill and a full client retry',
    { timeout: 240_000 },
    async () => {
      const org = runCli(['org', 'create', '--name', '持久测试', '--slug', 'durable']);
      const key = runCli([
        'key',
        'create',
        '--org',
        'durable',
        '--name',
        '采集',
        '--purpose',
        'collector',
        '--source',
        'sdk',
      ]);
      const orgId = String(org['id']);
      const secret = String(key['secret']);

      const first = await startServer();
      const acked = new Map<number, Ack>();
      for (let n = 0; n < 4; n++) {
        const ack = await send(first.url, secret, n);
        if (ack) acked.set(n, ack);
      }
      expect(acked.size).toBe(4);
      // Batches in flight at the moment of the kill: some may be stored without an answer.
      const inFlight = Array.from({ length: 12 }, (_, i) =>
        send(first.url, secret, 4 + i).then((ack) => ack && acked.set(4 + i, ack)),
      );
      await Promise.race(inFlight);
      first.child.kill('SIGKILL');
      await exited(first.child);
      await Promise.allSettled(inFlight);
      const ackedBeforeKill = new Map(acked);

      const second = await startServer();
      const retries = new Map<number, Ack>();
      for (let n = 0; n < 16; n++) {
        const ack = await send(second.url, secret, n);
        expect(ack, `retry of batch ${n}`).toBeDefined();
        retries.set(n, ack!);
      }
      for (const [n, ack] of ackedBeforeKill) {
        expect(retries.get(n), `batch ${n} was acknowledged before the kill`).toMatchObject({
          accepted: 0,
          duplicates: 24,
        });
        expect(ack.accepted + ack.duplicates).toBe(24);
      }
      second.child.kill('SIGTERM');
      await exited(second.child);

      const store = await createEventStore({ dataDir, database: 'livecloud' });
      try {
        const rows = await store.query<{ id: string; copies: string }>(
          `SELECT id, count() AS copies FROM ${store.tables.events} WHERE org_id = {org:String} GROUP BY id`,
          { org: orgId },
        );
        const copies = new Map(rows.map((r) => [r.id, Number(r.copies)]));
        expect(
          [...copies.values()].every((c) => c === 1),
          'no event is stored twice, even before merges',
        ).toBe(true);
        for (let n = 0; n < 16; n++) {
          for (let i = 0; i < 24; i++) expect(copies.get(`b${n}-e${i}`), `b${n}-e${i}`).toBe(1);
        }
        expect(copies.size).toBe(16 * 24);
      } finally {
        await store.close();
      }
      const records = await openRecordsDb({ dataDir });
      try {
        const letters = await records.db
          .selectFrom('dead_letters')
          .select(['id', 'event_id'])
          .where('org_id', '=', orgId)
          .execute();
        const ids = new Set(letters.map((l) => l.id));
        for (const ack of ackedBeforeKill.values()) {
          for (const rejected of ack.rejected)
            expect(ids.has(rejected.deadLetterId), `dead letter ${rejected.deadLetterId}`).toBe(true);
        }
      } finally {
        await records.close();
      }
    },
  );
});
