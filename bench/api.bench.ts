import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './lib/child-server.js';
import { measureGet } from './lib/http-load.js';
import { figure, progress, type BenchFigure } from './lib/result.js';

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
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
