import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccess, type Access } from '@livecloud/access';
import {
  createFakeClock,
  createLogger,
  loadConfig,
  systemClock,
  type Clock,
  type Config,
} from '@livecloud/core';
import type { RecordsEngine } from '@livecloud/db';
import { openTestRecordsDb } from '@livecloud/db/testing';
import { createEventStore, type EventStore } from '@livecloud/events';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { openEvents } from '../src/contexts/events.js';
import { openInstanceToken } from '../src/instance-token.js';
import { openLive } from '../src/contexts/live.js';
import { openContexts, version, type AppServices } from '../src/services.js';

let sharedEvents: Promise<EventStore> | undefined;

/** chDB allows one data directory per process, so a test file's apps share one event store. */
export function testEventStore(): Promise<EventStore> {
  sharedEvents ??= (async () => {
    const store = await createEventStore({
      dataDir: mkdtempSync(join(tmpdir(), 'lc-srv-ev-')),
      database: 'livecloud_test',
    });
    await store.migrate();
    return store;
  })();
  return sharedEvents;
}

export async function closeTestEventStore(): Promise<void> {
  if (sharedEvents) await (await sharedEvents).close();
  sharedEvents = undefined;
}

export interface TestApp {
  app: FastifyInstance;
  services: AppServices;
  access: Access;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a fresh records store of the given engine, not listening (use `inject`). */
export async function createTestApp(
  engine: RecordsEngine,
  options: {
    clock?: Clock;
    config?: Partial<Config>;
    /** Another app's records, as a second server process over the same PostgreSQL would have. */
    sharedRecords?: TestApp['services']['records'];
  } = {},
): Promise<TestApp> {
  const records = options.sharedRecords
    ? { ...options.sharedRecords, dispose: async () => undefined }
    : await openTestRecordsDb(engine);
  const events = await testEventStore();
  const config = {
    ...loadConfig({}, { dataDir: mkdtempSync(join(tmpdir(), 'lc-srv-')), logLevel: 'silent' }),
    ...options.config,
  };
  const clock = options.clock ?? systemClock;
  const logger = createLogger({ level: 'silent' });
  const instanceToken = openInstanceToken(config);
  const access = createAccess({
    db: records.db,
    clock,
    sessionTtlMs: config.sessionTtlHours * 3600_000,
    instanceTokenHash: instanceToken.hash,
  });
  const contexts = openContexts({ records, clock, config, access, events });
  const collection = await openEvents(config, {
    eventStore: events,
    db: records.db,
    clock,
    logger,
    schedule: contexts.schedule,
    audit: access.audit,
  });
  const live = openLive({ config, clock, logger, events, ...contexts });
  await live.attach(collection.bus);
  const services: AppServices = {
    config,
    logger,
    clock,
    records,
    events,
    access,
    instanceToken: { source: instanceToken.source, path: instanceToken.path },
    collection,
    live,
    ...contexts,
    version,
    close: async () => {
      await live.close();
      await collection.close();
      await records.dispose();
    },
  };
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    access,
    config,
    close: async () => {
      await app.close();
      await services.close();
    },
  };
}

export { createFakeClock };

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF header. */
export interface SessionClient {
  cookie: string;
  csrfToken: string;
  orgId: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<SessionClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'lc_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = response.json<{ csrfToken: string; org: { id: string } }>();
  const cookie = `lc_session=${setCookie.value}`;
  return {
    cookie,
    csrfToken: body.csrfToken,
    orgId: body.org.id,
    request: (options) =>
      app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': body.csrfToken, ...(options.headers ?? {}) },
      }),
  };
}

/** An org with an admin who can sign in; returns the admin's credentials. */
export async function seedOrg(
  access: Access,
  slug: string,
  name: string,
): Promise<{ orgId: string; email: string; password: string }> {
  const org = await access.organisations.create({ name, slug });
  const email = `admin@${slug}.test`;
  const password = `${slug}-admin-password`;
  await access.staff.onboard(
    org.id,
    { email, name: `${name}管理员`, role: 'admin', password },
    { type: 'system', id: null },
  );
  return { orgId: org.id, email, password };
}
