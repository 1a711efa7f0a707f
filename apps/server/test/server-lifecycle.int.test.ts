import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, createLogger } from '@livecloud/core';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/data-dir-lock.js';
import { startServer } from '../src/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lc-life-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a server on the embedded engines', () => {
  it('starts on a fresh data directory, migrates, serves health and the OpenAPI document', async () => {
    const config = loadConfig({}, { dataDir, port: 0, logLevel: 'silent' });
    const server = await startServer(config, { logger: createLogger({ level: 'silent' }) });
    try {
      const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as {
        status: string;
        stores: Record<'records' | 'events' | 'bus' | 'liveState', { engine: string; ok: boolean }>;
      };
      expect(health.status).toBe('ok');
      expect(health.stores.records).toMatchObject({ engine: 'pglite', ok: true });
      expect(health.stores.events).toMatchObject({ engine: 'chdb', ok: true });
      expect(health.stores.bus).toMatchObject({ engine: 'in-process', ok: true });
      expect(health.stores.liveState).toMatchObject({ engine: 'memory', ok: true });
      const doc = (await (await fetch(`${server.url}/api/docs/json`)).json()) as {
        openapi: string;
        paths: object;
      };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/api/v1/health');
      const docsPage = await fetch(`${server.url}/api/docs/`);
      expect(docsPage.status).toBe(200);
      expect(existsSync(join(dataDir, 'livecloud.pid'))).toBe(true);
      expect(() => lockDataDir(dataDir)).not.toThrow();
    } finally {
      await server.close();
    }
  });

  it('refuses a second server on the same data directory while the first runs', async () => {
    const config = loadConfig({}, { dataDir, port: 0, logLevel: 'silent' });
    const server = await startServer(config, { logger: createLogger({ level: 'silent' }) });
    try {
      // Another process's pid in the lock file is what a second server would meet.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dataDir, 'livecloud.pid'), String(process.ppid));
      expect(() => lockDataDir(dataDir)).toThrow(/in use by process/);
      writeFileSync(join(dataDir, 'livecloud.pid'), String(process.pid));
    } finally {
      await server.close();
    }
  });

  it('drains requests in flight on shutdown, then closes the stores and releases the directory', async () => {
    const config = loadConfig({}, { dataDir, port: 0, logLevel: 'silent' });
    const server = await startServer(config, { logger: createLogger({ level: 'silent' }) });
    const inFlight = Array.from({ length: 40 }, () =>
      fetch(`${server.url}/api/v1/health`).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as object,
      })),
    );
    // Close once the server is demonstrably busy with the batch.
    await Promise.race(inFlight);
    await server.close();
    const results = await Promise.allSettled(inFlight);
    const answered = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    // Each request is either answered in full or told, in the uniform body, to retry elsewhere.
    expect(answered.length).toBeGreaterThan(0);
    for (const { status, body } of answered) {
      if (status === 200) expect(body).toMatchObject({ status: 'ok' });
      else
        expect({ status, body }).toEqual({
          status: 503,
          body: { error: expect.objectContaining({ code: 'shutting_down' }) as object },
        });
    }
    expect(answered.some((a) => a.status === 200)).toBe(true);
    expect(existsSync(join(dataDir, 'livecloud.pid'))).toBe(false);
    expect((await server.services.records.health()).ok).toBe(false);
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
  });

  it('keeps its records across a restart on the same directory', async () => {
    const config = loadConfig({}, { dataDir, port: 0, logLevel: 'silent' });
    const first = await startServer(config, { logger: createLogger({ level: 'silent' }) });
    await first.services.access.organisations.create({ name: '持久化测试', slug: 'durable' });
    await first.close();
    const second = await startServer(config, { logger: createLogger({ level: 'silent' }) });
    try {
      expect(await second.services.access.organisations.findBySlugOrId('durable')).toMatchObject({
        name: '持久化测试',
      });
    } finally {
      await second.close();
    }
  });
});
