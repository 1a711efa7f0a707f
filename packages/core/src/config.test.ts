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
    expect(config.natsUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.collectorBodyLimitBytes).toBeGreaterThan(config.bodyLimitBytes);
  });

  it('reads the scale-out engines and collector limits from the environment', () => {
    const config = loadConfig({
      NATS_URL: 'nats://127.0.0.1:4222',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      LIVECLOUD_COLLECTOR_BODY_LIMIT_BYTES: '1048576',
      LIVECLOUD_COLLECTOR_RATE_LIMIT_PER_SECOND: '50',
    });
    expect(config).toMatchObject({
      natsUrl: 'nats://127.0.0.1:4222',
      redisUrl: 'redis://127.0.0.1:6379/0',
      collectorBodyLimitBytes: 1048576,
      collectorRateLimitPerSecond: 50,
    });
    expect(() => loadConfig({ LIVECLOUD_NATS_STREAM: 'bad.name' })).toThrow(/LIVECLOUD_NATS_STREAM/);
  });

  it('reads the origins every collector key may be used from, none by default', () => {
    expect(loadConfig({}).collectorAllowedOrigins).toEqual([]);
    const config = loadConfig({
      LIVECLOUD_COLLECTOR_ALLOWED_ORIGINS: ' https://Shop.example.com/ , http://127.0.0.1:8080',
    });
    expect(config.collectorAllowedOrigins).toEqual(['https://shop.example.com', 'http://127.0.0.1:8080']);
    expect(() => loadConfig({ LIVECLOUD_COLLECTOR_ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(
      /LIVECLOUD_COLLECTOR_ALLOWED_ORIGINS/,
    );
  });

  it('reads environment variables over a file, and flags over both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-cfg-'));
    const file = join(dir, 'livecloud.json');
    writeFileSync(file, JSON.stringify({ port: 4000, logLevel: 'debug' }));
    const config = loadConfig(
      { LIVECLOUD_CONFIG: file, PORT: '5000', DATABASE_URL: 'postgres://x@h/db' },
      { port: 6000 },
    );
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
