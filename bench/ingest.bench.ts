import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSessionPlan, simulateSession } from '@livecloud/platforms';
import { startChild } from './lib/child-server.js';
import { peakRssMiB, postJson } from './lib/http-post.js';
import { openScaleOutEngines } from './lib/scale-out-engines.js';
import { storeInsertCeiling } from './lib/store-ceiling.js';
import { figure, progress, type BenchFigure } from './lib/result.js';

const batchSize = 1_000;

interface Batch {
  body: Buffer;
  events: number;
}

/** Simulated events of one session, the first `limit` of them. */
function inputsOf(orgId: string, sessionId: string, seed: number, limit: number): unknown[] {
  const session = simulateSession(
    demoSessionPlan({
      orgId,
      accountId: 'acct_bench',
      sessionId,
      startAt: Date.UTC(2026, 10, 1, 12),
      seed,
      scale: 20_000,
      durationMin: 240,
      refundTailHours: 0,
    }),
  );
  const inputs: unknown[] = [];
  for (const event of session.events()) {
    inputs.push(event);
    if (inputs.length === limit) break;
  }
  return inputs;
}

/** The same events serialised into collector batches ahead of time. */
function batchesOf(inputs: readonly unknown[]): Batch[] {
  const batches: Batch[] = [];
  for (let i = 0; i < inputs.length; i += batchSize) {
    const events = inputs.slice(i, i + batchSize);
    batches.push({ body: Buffer.from(JSON.stringify(events)), events: events.length });
  }
  return batches;
}

/** Sends every batch with `concurrency` in flight; fails on any non-200 answer. */
async function sendAll(
  url: string,
  batches: Batch[],
  headers: Record<string, string>,
  concurrency: number,
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL('/collect/v1/events', url);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const res = await postJson(agent, target, batch.body, headers);
      if (res.status !== 200)
        throw new Error(`collector answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return (performance.now() - started) / 1000;
}

async function liveEventCount(url: string, sessionId: string, adminKey: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/sessions/${sessionId}/live`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  if (res.status === 404) return 0;
  return ((await res.json()) as { eventCount: number }).eventCount;
}

/** Event-to-screen latency: batches paced at `rate` events/s, timed until the SSE board counts them. */
async function screenLatency(
  url: string,
  batches: Batch[],
  rate: number,
  keys: { collector: string; admin: string },
  sessionId: string,
  concurrency: number,
) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL('/collect/v1/events', url);
  const sentAt: number[] = [];
  const cumulative: number[] = [];
  const latencies: number[] = [];
  let seen = 0;
  let total = 0;
  const first = batches[0]!;
  sentAt.push(performance.now());
  total += first.events;
  cumulative.push(total);
  await postJson(agent, target, first.body, { authorization: `Bearer ${keys.collector}` });

  const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    const u = new URL(`/api/v1/sessions/${sessionId}/live/stream`, url);
    request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        headers: { authorization: `Bearer ${keys.admin}` },
      },
      resolve,
    )
      .on('error', reject)
      .end();
  });
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      const count = (JSON.parse(data.slice(6)) as { eventCount: number }).eventCount;
      const now = performance.now();
      while (seen < cumulative.length && cumulative[seen]! <= count) {
        latencies.push(now - sentAt[seen]!);
        seen += 1;
      }
    }
  });

  const intervalMs = (batchSize / rate) * 1000;
  const start = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 1; i < batches.length; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const batch = batches[i]!;
    sentAt.push(performance.now());
    total += batch.events;
    cumulative.push(total);
    inFlight.push(postJson(agent, target, batch.body, { authorization: `Bearer ${keys.collector}` }));
  }
  await Promise.all(inFlight);
  const deadline = performance.now() + 30_000;
  while (seen < cumulative.length && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  stream.destroy();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN) / 1000;
  const achieved = (total - first.events) / ((performance.now() - start) / 1000);
  return { p50: at(0.5), p99: at(0.99), batches: latencies.length, expected: cumulative.length, achieved };
}

/**
 * `npm run bench -- ingest [--events N] [--rate R] [--concurrency C]`: simulated platform events in collector
 * batches over HTTP → validated, de-duplicated, durable in the event store → live state
 * updated, with its end-to-end rate against the ceiling of bare HTTP + JSON parsing measured
 * in the same run; peak RSS of the server; and event-to-screen latency at a paced load.
 */
export async function run(options: {
  durationMs: number;
  events?: number;
  rate?: number;
  /** Batches in flight at once, as from that many collector clients; default 8. */
  concurrency?: number;
  /** `embedded` (default) or `scale-out`: PostgreSQL, NATS JetStream, Redis and a shared event store. */
  engines?: string;
}): Promise<BenchFigure[]> {
  if (options.engines !== undefined && options.engines !== 'embedded' && options.engines !== 'scale-out')
    throw new Error(`--engines is embedded or scale-out, not ${options.engines}`);
  const scaleOut = options.engines === 'scale-out' ? await openScaleOutEngines() : undefined;
  const bench = scaleOut ? 'ingest_scale_out' : 'ingest';
  const eventsWanted = options.events ?? 500_000;
  const concurrency = options.concurrency ?? 8;
  const rate = options.rate ?? 20_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-bench-ingest-'));
  const env = {
    ...(scaleOut?.env ?? { DATABASE_URL: '', CLICKHOUSE_URL: '', NATS_URL: '', REDIS_URL: '' }),
    LIVECLOUD_COLLECTOR_RATE_LIMIT_PER_SECOND: '1000000',
    LIVECLOUD_COLLECTOR_RATE_LIMIT_BURST: '1000000',
  };
  const cli = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/main.ts', ...args, '--data-dir', dataDir, '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      },
    );
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string>;
  };
  try {
    const org = cli('org', 'create', '--name', '压测', '--slug', 'bench');
    const collector = cli(
      'key',
      'create',
      '--org',
      'bench',
      '--name',
      'bench',
      '--purpose',
      'collector',
      '--source',
      'simulator',
    );
    const admin = cli('key', 'create', '--org', 'bench', '--name', 'bench admin', '--purpose', 'admin');
    const orgId = org['id']!;
    progress(`simulating ${eventsWanted} events in batches of ${batchSize}`);
    const inputs = inputsOf(orgId, 'ses_bench_throughput', 11, eventsWanted);
    const batches = batchesOf(inputs);
    const total = inputs.length;

    // What the store alone takes on this machine: no pipeline can beat it. At most 500,000
    // events, so that a ten-million-event run does not hold them all as objects twice.
    const storeCeiling = await storeInsertCeiling({
      inputs: inputs.slice(0, 500_000),
      rows: 8_000,
      clickhouseUrl: scaleOut?.env['CLICKHOUSE_URL'],
    });
    progress(`store alone: ${Math.round(storeCeiling)} events/s`);

    progress(
      `baseline: bare Fastify receiving and parsing the same ${batches.length} batches, ${concurrency} in flight`,
    );
    const bare = await startChild(['bench/fixtures/bare-ingest-server.ts']);
    const bareSeconds = await sendAll(bare.url, batches, {}, concurrency);
    await bare.stop();
    const ceiling = total / bareSeconds;
    progress(`ceiling: ${Math.round(ceiling)} events/s`);

    progress(
      `LiveCloud: collector → event store → bus → live state, ${scaleOut ? 'scale-out' : 'embedded'} engines`,
    );
    const server = await startChild(
      ['packages/cli/src/main.ts', 'start', '--port', '0', '--data-dir', dataDir, '--json'],
      env,
    );
    const started = performance.now();
    const ackSeconds = await sendAll(
      server.url,
      batches,
      { authorization: `Bearer ${collector['secret']}` },
      concurrency,
    );
    progress(`acknowledged (durable) in ${ackSeconds.toFixed(1)} s; waiting for the live state`);
    let visible = 0;
    const deadline = performance.now() + 120_000;
    while (visible < total && performance.now() < deadline) {
      visible = await liveEventCount(server.url, 'ses_bench_throughput', admin['secret']!);
      if (visible < total) await new Promise((r) => setTimeout(r, 100));
    }
    if (visible !== total) throw new Error(`live state shows ${visible} of ${total} events`);
    const endToEnd = total / ((performance.now() - started) / 1000);
    progress(`end to end: ${Math.round(endToEnd)} events/s`);

    progress(`latency: ${rate} events/s for ${options.durationMs / 1000} s, timed to the SSE board`);
    const latencyBatches = batchesOf(
      inputsOf(
        orgId,
        'ses_bench_latency',
        12,
        Math.max(batchSize * 2, Math.round((rate * options.durationMs) / 1000)),
      ),
    );
    const latency = await screenLatency(
      server.url,
      latencyBatches,
      rate,
      { collector: collector['secret']!, admin: admin['secret']! },
      'ses_bench_latency',
      concurrency,
    );
    progress(
      `latency p50 ${latency.p50.toFixed(3)} s, p99 ${latency.p99.toFixed(3)} s at ${Math.round(latency.achieved)} events/s (${latency.batches}/${latency.expected} batches seen)`,
    );
    const rss = await peakRssMiB(server.child.pid);
    const storeRss = scaleOut ? await peakRssMiB(scaleOut.storePid) : undefined;
    await server.stop();
    return [
      figure(bench, 'events_per_s', endToEnd, 'events/s', {
        name: 'bare HTTP + JSON parse ceiling',
        value: ceiling,
      }),
      figure(bench, 'events_per_s_vs_store', endToEnd, 'events/s', {
        name: 'event store alone (8,000-row inserts, 2 in flight)',
        value: storeCeiling,
      }),
      figure(bench, 'store_insert_events_per_s', storeCeiling, 'events/s', {
        name: 'bare HTTP + JSON parse ceiling',
        value: ceiling,
      }),
      figure(bench, 'events_acknowledged_per_s', total / ackSeconds, 'events/s', {
        name: 'bare HTTP + JSON parse ceiling',
        value: ceiling,
      }),
      figure(bench, 'latency_p50_s', latency.p50, 's'),
      figure(bench, 'latency_p99_s', latency.p99, 's'),
      figure(bench, 'latency_load_events_per_s', latency.achieved, 'events/s'),
      figure(bench, 'rss_mib', rss, 'MiB'),
      ...(storeRss === undefined || Number.isNaN(storeRss)
        ? []
        : [figure(bench, 'store_rss_mib', storeRss, 'MiB')]),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await scaleOut?.close();
  }
}
