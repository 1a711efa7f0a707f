import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'lc-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function livecloud(...args: string[]): {
  code: number | null;
  json: Record<string, unknown>;
  stderr: string;
} {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', main, ...args, '--data-dir', dataDir, '--json'],
    {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', CLICKHOUSE_URL: '', LOG_LEVEL: 'silent' },
      timeout: 60_000,
    },
  );
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return {
    code: result.status,
    json: line ? (JSON.parse(line) as Record<string, unknown>) : {},
    stderr: result.stderr,
  };
}

describe('the livecloud CLI', () => {
  it('creates an organisation, a person and keys, printing JSON', () => {
    const org = livecloud('org', 'create', '--name', '星河直播', '--slug', 'xinghe');
    expect(org.code).toBe(0);
    expect(org.json).toMatchObject({ name: '星河直播', slug: 'xinghe' });
    expect(String(org.json['id'])).toMatch(/^org_/);

    const user = livecloud(
      'user',
      'create',
      '--org',
      'xinghe',
      '--email',
      'Ops@Xinghe.cn',
      '--role',
      'operator',
    );
    expect(user.code).toBe(0);
    expect(user.json).toMatchObject({ email: 'ops@xinghe.cn', role: 'operator', status: 'active' });
    expect(String(user.json['password']).length).toBeGreaterThanOrEqual(10);

    const key = livecloud(
      'key',
      'create',
      '--org',
      String(org.json['id']),
      '--name',
      '抖音采集',
      '--source',
      'douyin',
    );
    expect(key.code).toBe(0);
    expect(key.json).toMatchObject({ purpose: 'collector', source: 'douyin' });
    expect(String(key.json['secret'])).toMatch(/^lc_wk_/);
  });

  it('answers bad input with a JSON error and exit code 1', () => {
    const noSource = livecloud('key', 'create', '--org', 'xinghe', '--name', 'x', '--purpose', 'collector');
    expect(noSource.code).toBe(1);
    expect(noSource.json).toMatchObject({ error: { code: 'invalid_input' } });
    const unknownOrg = livecloud('user', 'create', '--org', 'nope', '--email', 'a@b.cn', '--role', 'qc');
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.json).toMatchObject({ error: { code: 'organisation_not_found' } });
    const taken = livecloud('org', 'create', '--name', '重复', '--slug', 'xinghe');
    expect(taken.json).toMatchObject({ error: { code: 'slug_taken' } });
  });

  it('refuses a data directory that a running server holds', () => {
    writeFileSync(join(dataDir, 'livecloud.pid'), String(process.pid));
    try {
      const result = livecloud('org', 'create', '--name', '另一个');
      expect(result.code).toBe(1);
      expect(result.json).toMatchObject({ error: { code: 'data_dir_in_use' } });
    } finally {
      rmSync(join(dataDir, 'livecloud.pid'));
    }
  });

  it('migrates both stores', () => {
    const result = livecloud('migrate');
    expect(result.code).toBe(0);
    expect(result.json).toEqual({ records: 'pglite', events: 'chdb', migrated: true });
  });
});
