import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@livecloud/access';
import { loadConfig } from '@livecloud/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openInstanceToken } from './instance-token.js';

const dirs: string[] = [];
function config(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-inst-'));
  dirs.push(dataDir);
  return loadConfig(env, { dataDir });
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the instance admin token', () => {
  it('is made on first start in the data directory, for its owner only, and kept after', () => {
    const c = config();
    const first = openInstanceToken(c);
    const path = join(c.dataDir, 'instance-admin.token');
    expect(first).toMatchObject({ source: 'file', path });
    const token = readFileSync(path, 'utf8').trim();
    expect(token).toMatch(/^lc_inst_[A-Za-z0-9_-]{43}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.hash).toBe(sha256(token));
    expect(first.hash).not.toContain(token);
    expect(openInstanceToken(c).hash).toBe(first.hash);
  });

  it('tightens a token file others could read', () => {
    const c = config();
    const path = join(c.dataDir, 'instance-admin.token');
    writeFileSync(path, `lc_inst_${'a'.repeat(40)}\n`);
    chmodSync(path, 0o644);
    expect(openInstanceToken(c).hash).toBe(sha256(`lc_inst_${'a'.repeat(40)}`));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a token file that holds no token', () => {
    const c = config();
    writeFileSync(join(c.dataDir, 'instance-admin.token'), 'password\n', { mode: 0o600 });
    expect(() => openInstanceToken(c)).toThrow(
      expect.objectContaining({ code: 'invalid_instance_token_file' }),
    );
  });

  it('comes from LIVECLOUD_INSTANCE_ADMIN_TOKEN when set, and then no file is written', () => {
    const token = `lc_inst_${'b'.repeat(40)}`;
    const c = config({ LIVECLOUD_INSTANCE_ADMIN_TOKEN: token });
    expect(openInstanceToken(c)).toEqual({ hash: sha256(token), source: 'env', path: null });
    expect(() => readFileSync(join(c.dataDir, 'instance-admin.token'))).toThrow();
  });

  it('refuses a short or unprefixed token in the environment', () => {
    expect(() => config({ LIVECLOUD_INSTANCE_ADMIN_TOKEN: 'lc_inst_short' })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
    expect(() => config({ LIVECLOUD_INSTANCE_ADMIN_TOKEN: 'x'.repeat(50) })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });
});
