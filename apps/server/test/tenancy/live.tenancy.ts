import type { TenancyContext } from './tenancy-case.js';

/** The big screen: B's live session, with numbers and a comment that must never reach A. */
export const liveTenancy: TenancyContext = {
  name: 'live',
  cases: {
    'GET /api/v1/live/sessions': { kind: 'own' },
    'GET /api/v1/sessions/{id}/live': { kind: 'foreign', resource: 'live-session' },
    'GET /api/v1/sessions/{id}/live/stream': { kind: 'foreign', resource: 'live-session' },
    'GET /api/v1/moderation/lexicon': { kind: 'own' },
    // B's flagged comment is never listed in A's, not even when A names B's session.
    'GET /api/v1/moderation/flagged': { kind: 'own', query: (w) => `sessionId=${w.bIds['live-session']}` },
  },
  async seed(w) {
    const at = Date.now();
    const bLive = {
      orgId: w.b.orgId,
      source: 'douyin' as const,
      accountId: 'acc_tenant_b',
      sessionId: 'ses_tenant_b_live',
      schemaVersion: 1 as const,
      receivedAt: at,
      properties: {},
    };
    await w.t.services.events.insert([
      { ...bLive, id: 'evt_b_1', type: 'room.enter', occurredAt: at, platformUserId: 'dy_b_viewer' },
      {
        ...bLive,
        id: 'evt_b_2',
        type: 'order.pay',
        occurredAt: at + 1,
        platformUserId: 'dy_b_viewer',
        orderId: 'ord_b',
        amountFen: 8_888_888,
      },
      {
        ...bLive,
        id: 'evt_b_3',
        type: 'comment',
        occurredAt: at + 2,
        platformUserId: 'dy_b_viewer',
        properties: { text: '乙方直播间弹幕' },
      },
      {
        ...bLive,
        id: 'evt_b_4',
        type: 'comment',
        occurredAt: at + 3,
        platformUserId: 'dy_b_viewer',
        properties: { text: '乙方加我微信私聊' },
      },
    ]);
    w.bIds['live-session'] = 'ses_tenant_b_live';
    w.bSecrets.push('acc_tenant_b', 'dy_b_viewer', '8888888', '乙方直播间弹幕', '乙方加我微信私聊');
  },
};
