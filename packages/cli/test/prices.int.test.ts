import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig } from '@livecloud/core';
import { seedDemo, startServer, type DemoOperation, type RunningServer } from '@livecloud/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `livecloud prices import` against a real server over HTTP, with an admin API key. */

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lc-cli-prices-'));
let server: RunningServer;
let orgId: string;
let operation: DemoOperation;
let adminKey: string;

// Async, so the in-process server keeps answering while the CLI runs.
function livecloud(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', LIVECLOUD_API_KEY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const lastJson = (stdout: string) =>
  JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;

beforeAll(async () => {
  const config = loadConfig(
    { DATABASE_URL: '', CLICKHOUSE_URL: '', NATS_URL: '', REDIS_URL: '' },
    { port: 0, dataDir: join(dir, 'data'), logLevel: 'silent' },
  );
  server = await startServer(config, { logger: createLogger({ level: 'silent' }) });
  const seeded = await seedDemo(server.services);
  orgId = seeded.org.id;
  operation = seeded.operation!;
  const key = await server.services.access.apiKeys.create(
    orgId,
    { name: '比价脚本', purpose: 'admin' },
    { type: 'system', id: null },
  );
  adminKey = key.secret;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('livecloud prices import', () => {
  it('imports a price sheet row by row and prints what was taken and why the rest was refused', async () => {
    const [product] = [...operation.products.values()];
    const sheet = join(dir, '全网比价.csv');
    writeFileSync(
      sheet,
      [
        '商品ID,SKU ID,平台,价格(元),观测时间,来源链接,备注',
        `${product!.productId},${product!.skuId},淘宝,88.00,2026-11-20 20:00,https://example.com/item,旗舰店`,
        `${product!.productId},${product!.skuId},淘宝,abc,,,`,
        'prd_nobody,,抖音,10,,,',
      ].join('\n'),
    );
    const result = await livecloud([
      'prices',
      'import',
      sheet,
      '--url',
      server.url,
      '--key',
      adminKey,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = lastJson(result.stdout) as {
      total: number;
      taken: number;
      rejected: number;
      rows: { line: number; status: string; reasons: { code: string }[] }[];
    };
    expect({ total: report.total, taken: report.taken, rejected: report.rejected }).toEqual({
      total: 3,
      taken: 1,
      rejected: 2,
    });
    expect(report.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'taken'],
      [3, 'rejected'],
      [4, 'rejected'],
    ]);
    const history = await server.app.inject({
      method: 'GET',
      url: `/api/v1/selection/products/${product!.productId}/observations`,
      headers: { authorization: `Bearer ${adminKey}` },
    });
    // 20:00 in the sheet is Beijing time.
    expect(history.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({
        priceFen: 8800,
        platform: 'taobao',
        source: 'import',
        observedAt: '2026-11-20T12:00:00.000Z',
      }),
    );

    const readable = await livecloud(['prices', 'import', sheet, '--url', server.url, '--key', adminKey]);
    expect(readable.stdout).toContain('1 of 3 rows taken, 2 rejected');
    expect(readable.stdout).toMatch(/line 3 .*价格/);
  });

  it('fails with a JSON error and exit 1 without a key, with a wrong key and for a missing file', async () => {
    const noKey = await livecloud(['prices', 'import', join(dir, 'none.csv'), '--url', server.url, '--json']);
    expect(noKey.code).toBe(1);
    expect(lastJson(noKey.stdout)).toMatchObject({ error: { code: 'missing_key' } });

    const sheet = join(dir, 'one.csv');
    writeFileSync(sheet, '商品ID,价格\nprd_x,1\n');
    const badKey = await livecloud(['prices', 'import', sheet, '--url', server.url, '--json'], {
      LIVECLOUD_API_KEY: 'lck_not_a_key',
    });
    expect(badKey.code).toBe(1);
    expect(lastJson(badKey.stdout)).toMatchObject({ error: { code: 'invalid_api_key' } });

    const missing = await livecloud([
      'prices',
      'import',
      join(dir, 'missing.csv'),
      '--url',
      server.url,
      '--key',
      adminKey,
      '--json',
    ]);
    expect(missing.code).toBe(1);
    expect(lastJson(missing.stdout)).toMatchObject({ error: { code: 'file_unreadable' } });
  });
});
