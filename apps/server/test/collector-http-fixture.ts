import {
  eventSelectList,
  fromEventRow,
  scopeToOrg,
  type EventRow,
  type StoredEvent,
} from '@livecloud/events';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.js';

/** Requests and reads shared by the collector's HTTP tests. */
export function like(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    type: 'like',
    occurredAt: '2026-03-14T20:00:00.000+08:00',
    accountId: 'acc_1',
    sessionId: 'ses_1',
    platformUserId: `dy_${id}`,
    ...overrides,
  };
}

export function post(
  app: TestApp,
  url: string,
  payload: string | Buffer,
  headers: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return app.app.inject({ method: 'POST', url, payload, headers });
}

/** Sends events to the native collector with a key (JSON unless the headers say otherwise). */
export function collectTo(
  app: TestApp,
  key: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  return post(app, '/collect/v1/events', body, {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
    ...headers,
  });
}

/** What the event store holds for an organisation, in time order. */
export async function storedIn(app: TestApp, org: string): Promise<StoredEvent[]> {
  const store = app.services.events;
  const rows = await scopeToOrg(store, org).query<EventRow>(
    `SELECT ${eventSelectList} FROM ${store.tables.events} FINAL WHERE org_id = {orgId:String} ORDER BY occurred_at, id`,
  );
  return rows.map(fromEventRow);
}
