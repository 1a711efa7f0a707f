import { segmentPaths } from '@livecloud/events';
import type { TenancyCase, TenancyContext } from './tenancy-case.js';

function collectedEvent(orgId: string): Record<string, unknown> {
  return {
    id: 'evt_tenancy',
    type: 'like',
    orgId,
    occurredAt: Date.now(),
    accountId: 'acc_a',
    sessionId: 'ses_a',
    platformUserId: 'dy_a',
  };
}

function segmentCall(call: string): Record<string, unknown> {
  const message = {
    type: call === 'batch' ? 'track' : call,
    messageId: `seg_tenancy_${call}`,
    userId: 'u_a',
    event: 'Tenancy Checked',
  };
  return call === 'batch' ? { batch: [message] } : message;
}

/**
 * Collection: the collector, the Segment-compatible calls and dead letters. B has a dead
 * letter whose detail must never reach A. Collecting needs events:write: a session gets 403,
 * A's admin key writes into A only. An event that names B is dead-lettered in A, never stored
 * in B (see collector.int.test.ts). Runs after access, whose seed makes B's collector key.
 */
export const eventsTenancy: TenancyContext = {
  name: 'events',
  cases: {
    'GET /api/v1/dead-letters': { kind: 'own' },
    // B's events and dead letters are never counted or listed in A's overview.
    'GET /api/v1/events/overview': { kind: 'own' },
    'GET /api/v1/events/recent': { kind: 'own' },
    'GET /api/v1/dead-letters/{id}': { kind: 'foreign', resource: 'dead-letter' },
    'POST /api/v1/dead-letters/{id}/replay': { kind: 'foreign', resource: 'dead-letter' },
    'POST /api/v1/dead-letters/{id}/discard': { kind: 'foreign', resource: 'dead-letter' },
    // B's letter named in A's bulk replay is answered `not_found` and left alone (listsOfB).
    'POST /api/v1/dead-letters/replay': {
      kind: 'own',
      body: (w) => ({ ids: [w.bIds['dead-letter']] }),
    },
    'POST /collect/v1/events': {
      kind: 'own',
      body: (w) => [collectedEvent(w.b.orgId)],
      expect: [200, 403],
    },
    ...Object.fromEntries(
      segmentPaths.map(([path, call]) => [
        `POST /v1/${path}`,
        { kind: 'own', body: () => segmentCall(call), expect: [200, 403] } satisfies TenancyCase,
      ]),
    ),
  },
  async seed(w) {
    const keyId = w.bIds['api-keys'];
    if (!keyId) throw new Error('the events tenancy seed needs B’s collector key (access seeds it)');
    const dead = await w.t.services.collection.collector.ingest(
      { orgId: w.b.orgId, keyId, source: 'douyin' },
      Buffer.from(
        JSON.stringify([{ id: 'evt_b_dead', type: 'room.explode', platformUserId: 'dy_b_dead_letter' }]),
      ),
      'application/json',
    );
    w.bIds['dead-letter'] = dead.rejected[0]?.deadLetterId ?? 'none';
    w.bSecrets.push('dy_b_dead_letter');
  },
  listsOfB: () => ['/api/v1/dead-letters', '/api/v1/events/recent?limit=100'],
};
