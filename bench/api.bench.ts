import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './lib/child-server.js';
import { measureGet } from './lib/http-load.js';
import { seedLineup } from './lib/lineup-seed.js';
import { figure, progress, type BenchFigure } from './lib/result.js';

/** Items of the line-up whose read, validation and forecast are measured. */
const lineupItems = 100;

/**
 * `npm run bench -- api`: authenticated API reads per second (GET /api/v1/staff with an
 * admin key: key lookup, permission check, an org-scoped query on PGlite, DTO mapping) against
 * bare Fastify serving a same-sized JSON body, measured in the same run.
 */
export async function run(options: { durationMs: number }): Promise<BenchFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-bench-api-'));
  const cli = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/src/main.ts', ...args, '--data-dir', dataDir, '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', CLICKHOUSE_URL: '' },
      },
    );
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string>;
  };
  try {
    progress('seeding an organisation, 8 people and an admin key');
    cli('org', 'create', '--name', '压测', '--slug', 'bench');
    for (let i = 0; i < 7; i++)
      cli(
        'user',
        'create',
        '--org',
        'bench',
        '--email',
        `p${i}@bench.test`,
        '--role',
        'operator',
        '--password',
        'bench-password',
      );
    const key = cli('key', 'create', '--org', 'bench', '--name', 'bench', '--purpose', 'admin');

    const concurrency = 32;
    progress(`baseline: bare Fastify JSON route, ${options.durationMs / 1000} s, ${concurrency} in flight`);
    const bare = await startChild(['bench/fixtures/bare-server.ts']);
    await measureGet(`${bare.url}/staff`, { durationMs: 1000, concurrency });
    const baseline = await measureGet(`${bare.url}/staff`, { durationMs: options.durationMs, concurrency });
    await bare.stop();

    progress(`LiveCloud: GET /api/v1/staff with an admin key, ${options.durationMs / 1000} s`);
    const server = await startChild(
      ['packages/cli/src/main.ts', 'start', '--port', '0', '--data-dir', dataDir, '--json'],
      {
        DATABASE_URL: '',
        CLICKHOUSE_URL: '',
      },
    );
    const headers = { authorization: `Bearer ${key['secret']}` };
    await measureGet(`${server.url}/api/v1/staff`, { headers, durationMs: 1000, concurrency });
    const real = await measureGet(`${server.url}/api/v1/staff`, {
      headers,
      durationMs: options.durationMs,
      concurrency,
    });

    // The line-up reads one at a time (an operator's page), against the staff read the same way.
    progress(`seeding a ${lineupItems}-item line-up`);
    const sessionId = await seedLineup(server.url, key['secret'] ?? '', lineupItems);
    const serial = { headers, durationMs: Math.max(2000, options.durationMs / 2), concurrency: 1 };
    const staffSerial = await measureGet(`${server.url}/api/v1/staff`, serial);
    const lineupReads: [string, string][] = [
      ['lineup', `/api/v1/live-sessions/${sessionId}/lineup`],
      ['lineup_validation', `/api/v1/live-sessions/${sessionId}/lineup/validation`],
      ['lineup_forecast', `/api/v1/live-sessions/${sessionId}/forecast`],
    ];
    const lineupFigures: BenchFigure[] = [];
    for (const [name, path] of lineupReads) {
      progress(`GET ${path}, one at a time`);
      await measureGet(`${server.url}${path}`, { ...serial, durationMs: 500 });
      const measured = await measureGet(`${server.url}${path}`, serial);
      if (measured.errors > 0) throw new Error(`${measured.errors} errors on ${path}`);
      const baselineName = 'GET /api/v1/staff, one at a time';
      lineupFigures.push(
        figure('api', `${name}_${lineupItems}_items_p50_ms`, measured.p50Ms, 'ms', {
          name: baselineName,
          value: staffSerial.p50Ms,
        }),
        figure('api', `${name}_${lineupItems}_items_p99_ms`, measured.p99Ms, 'ms', {
          name: baselineName,
          value: staffSerial.p99Ms,
        }),
      );
    }
    await server.stop();
    if (real.errors > 0 || baseline.errors > 0)
      throw new Error(`errors during the run: ${real.errors} / ${baseline.errors}`);
    progress(`done: ${Math.round(real.perSecond)} req/s vs ${Math.round(baseline.perSecond)} req/s bare`);
    return [
      figure('api', 'requests_per_s', real.perSecond, 'req/s', {
        name: 'bare Fastify JSON route',
        value: baseline.perSecond,
      }),
      figure('api', 'latency_p99_ms', real.p99Ms, 'ms', {
        name: 'bare Fastify JSON route',
        value: baseline.p99Ms,
      }),
      ...lineupFigures,
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
