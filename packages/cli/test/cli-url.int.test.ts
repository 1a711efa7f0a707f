import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'lc-cli-url-'));
const env = {
  ...process.env,
  DATABASE_URL: '',
  CLICKHOUSE_URL: '',
  NATS_URL: '',
  REDIS_URL: '',
  LOG_LEVEL: 'silent',
  LIVECLOUD_URL: '',
  LIVECLOUD_INSTANCE_ADMIN_TOKEN: '',
};
let server: ChildProcess;
let url: string;
let tokenFile: string;

function livecloud(
  args: string[],
  extraEnv: Record<string, string> = {},
): { code: number | null; json: Record<string, unknown> } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', main, ...args, '--json'], {
    encoding: 'utf8',
    env: { ...env, ...extraEnv },
    timeout: 60_000,
  });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return { code: result.status, json: line ? (JSON.parse(line) as Record<string, unknown>) : {} };
}

beforeAll(async () => {
  server = spawn(
    process.execPath,
    ['--import', 'tsx', main, 'start', '--port', '0', '--data-dir', dataDir, '--json'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ready = await new Promise<{ url: string; instanceToken: { path: string } }>((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('"url"'));
      if (line) resolve(JSON.parse(line) as { url: string; instanceToken: { path: string } });
    });
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  url = ready.url;
  tokenFile = ready.instanceToken.path;
});
afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the admin commands against a running server (--url)', () => {
  it('say that the data directory is held, and how to reach the server instead', () => {
    const result = livecloud(['org', 'create', '--name', '直连', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    const error = result.json['error'] as { code: string; message: string };
    expect(error.code).toBe('data_dir_in_use');
    expect(error.message).toContain('--url');
    expect(error.message).toContain(tokenFile);
  });

  it('create an organisation and a person who can then sign in, while the server runs', async () => {
    expect(tokenFile).toBe(join(dataDir, 'instance-admin.token'));
    const target = ['--url', url, '--token-file', tokenFile];
    const org = livecloud(['org', 'create', '--name', '星河直播', '--slug', 'xinghe', ...target]);
    expect(org.code).toBe(0);
    expect(Object.keys(org.json).sort()).toEqual(['createdAt', 'id', 'name', 'slug']);
    expect(org.json).toMatchObject({ name: '星河直播', slug: 'xinghe' });

    const user = livecloud([
      'user',
      'create',
      '--org',
      'xinghe',
      '--email',
      'Ops@Xinghe.cn',
      '--role',
      'admin',
      ...target,
    ]);
    expect(user.code).toBe(0);
    expect(user.json).toMatchObject({ email: 'ops@xinghe.cn', role: 'admin', status: 'active' });
    const password = String(user.json['password']);
    expect(password.length).toBeGreaterThanOrEqual(10);

    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@xinghe.cn', password }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { org: { id: string } }).org.id).toBe(org.json['id']);

    const listed = livecloud(['org', 'list', ...target]);
    expect((listed.json['items'] as { slug: string }[]).map((o) => o.slug)).toEqual(['xinghe']);
  });

  it('take the server and token from the environment, and print the server’s error codes', () => {
    const fromEnv = {
      LIVECLOUD_URL: url,
      LIVECLOUD_INSTANCE_ADMIN_TOKEN: readFileSync(tokenFile, 'utf8').trim(),
    };
    const key = livecloud(
      ['key', 'create', '--org', 'xinghe', '--name', '抖音', '--source', 'douyin'],
      fromEnv,
    );
    expect(key.code).toBe(0);
    expect(key.json).toMatchObject({ purpose: 'collector', source: 'douyin' });
    expect(String(key.json['secret'])).toMatch(/^lc_wk_/);
    const taken = livecloud(['org', 'create', '--name', '重复', '--slug', 'xinghe'], fromEnv);
    expect(taken).toMatchObject({ code: 1, json: { error: { code: 'slug_taken' } } });
    const unknown = livecloud(
      ['user', 'create', '--org', 'nope', '--email', 'a@b.cn', '--role', 'qc'],
      fromEnv,
    );
    expect(unknown.json).toMatchObject({ error: { code: 'organisation_not_found' } });
    const wrong = livecloud(['org', 'list', '--url', url, '--token', `lc_inst_${'x'.repeat(43)}`]);
    expect(wrong.json).toMatchObject({ error: { code: 'invalid_instance_token' } });
    const none = livecloud(['org', 'list', '--url', url]);
    expect(none.json).toMatchObject({ error: { code: 'instance_token_missing' } });
  });
});
