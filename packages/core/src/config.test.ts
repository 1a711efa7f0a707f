import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { AppError } from './errors.js';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.clickhouseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('.livecloud')).toBe(true);
  });

  it('reads environment variables over a file, and flags over both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-cfg-'));
    const file = join(dir, 'livecloud.json');
    writeFileSync(file, JSON.stringify({ port: 4000, logLevel: 'debug' }));
    const config = loadConfig({ LIVECLOUD_CONFIG: file, PORT: '5000', DATABASE_URL: 'postgres://x@h/db' }, { port: 6000 });
    expect(config.port).toBe(6000);
    expect(config.logLevel).toBe('debug');
    expect(config.databaseUrl).toBe('postgres://x@h/db');
  });

  it('names the variable that is wrong', () => {
    try {
      loadConfig({ PORT: 'eighty', CLICKHOUSE_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_config');
      expect((error as AppError).message).toContain('PORT');
      expect((error as AppError).message).toContain('CLICKHOUSE_URL');
    }
  });
});
