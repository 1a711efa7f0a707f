import type { AddressInfo } from 'node:net';
import type { StoredEvent } from '@livecloud/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream, sseReader } from './sse-client.js';
import { closeTestEventStore, createTestApp, seedOrg, signIn, type TestApp } from './test-app.js';

/*
 * An open big-screen stream ends when its caller's access ends, on every process: here two
 * apps over one PostgreSQL stand for two server processes. The person is off-boarded (and a
 * key revoked) through process A while the streams are held by process B.
 */
const system = { type: 'system' as const, id: null };
const recheckMs = 300;
let a: TestApp;
let b: TestApp;
let portB: number;
let orgId: string;
const sessionId = 'ses_access_end';

function ev(id: string, type: StoredEvent['type']): StoredEvent {
  const at = Date.now() - 60_000;
  return {
    id,
    type,
    schemaVersion: 1,
    occurredAt: at,
    receivedAt: at,
    orgId,
    source: 'douyin',
    accountId: 'acc_1',
    sessionId,
    platformUserId: `dy_${id}`,
    properties: {},
  };
}

beforeAll(async () => {
  a = await createTestApp('postgres', { config: { streamRecheckMs: recheckMs } });
  b = await createTestApp('postgres', {
    config: { streamRecheckMs: recheckMs },
    sharedRecords: a.services.records,
  });
  orgId = (await seedOrg(a.access, 'stream-end', '大屏权限')).orgId;
  await a.services.events.insert([ev('sa_1', 'room.enter'), ev('sa_2', 'like')]);
  await b.app.listen({ port: 0, host: '127.0.0.1' });
  portB = (b.app.server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await b?.close();
  await a?.close();
  await closeTestEventStore();
});

const path = `/api/v1/sessions/${sessionId}/live/stream`;

describe('an open live stream when access ends', () => {
  it('ends a person’s stream on another process when they are off-boarded', async () => {
    const person = await a.access.staff.onboard(
      orgId,
      { email: 'op@stream-end.test', name: '场控', role: 'operator', password: 'stream-end-operator' },
      system,
    );
    const client = await signIn(b.app, 'op@stream-end.test', 'stream-end-operator');
    const response = await openStream(portB, path, client.cookie);
    expect(response.statusCode).toBe(200);
    const sse = sseReader(response);
    await sse.next((f) => f.event === 'board');
    // Still allowed: heartbeats keep coming past several re-checks.
    await new Promise((resolve) => setTimeout(resolve, recheckMs * 3));
    expect(response.complete).toBe(false);

    await a.access.staff.offboard(orgId, person.id, system);
    const ended = await sse.next((f) => f.event === 'ended');
    expect(JSON.parse(ended.data ?? '')).toEqual({ code: 'unauthenticated' });
    await sse.end;
    // The browser's reconnect is refused.
    const again = await openStream(portB, path, client.cookie);
    expect(again.statusCode).toBe(401);
    again.resume();
  });

  it('ends an API key’s stream when the key is revoked', async () => {
    const key = await a.access.apiKeys.create(orgId, { name: '大屏', purpose: 'admin' }, system);
    const response = await openStream(portB, path, { authorization: `Bearer ${key.secret}` });
    expect(response.statusCode).toBe(200);
    const sse = sseReader(response);
    await sse.next((f) => f.event === 'board');
    await a.access.apiKeys.revoke(orgId, key.id, system);
    const ended = await sse.next((f) => f.event === 'ended');
    expect(JSON.parse(ended.data ?? '')).toEqual({ code: 'invalid_api_key' });
    await sse.end;
  });
});
