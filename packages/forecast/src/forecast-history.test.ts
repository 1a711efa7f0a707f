import { describe, expect, it } from 'vitest';
import type { ProductSalesRecord, SalesHistory, SessionSalesRecord } from '@livecloud/analytics';
import { loadHistory, settleMs } from './forecast-history.js';

const now = Date.UTC(2026, 10, 30, 14);
const hour = 3_600_000;

function session(sessionId: string, startedAt: number, endedAt: number): SessionSalesRecord {
  return {
    sessionId,
    accountId: 'acc_1',
    source: 'douyin',
    startedAt,
    endedAt,
    entries: 100,
    uniqueViewers: 80,
    paidOrders: 5,
    gmvFen: 50_000,
    refundFen: 0,
  };
}

function product(sessionId: string, startedAt: number): ProductSalesRecord {
  return {
    sessionId,
    productId: 'prd_1',
    skuId: 'sku_1',
    startedAt,
    accountId: 'acc_1',
    source: 'douyin',
    explainSeconds: 600,
    explainSegments: 1,
    impressions: 100,
    clicks: 20,
    paidOrders: 5,
    units: 5,
    gmvFen: 50_000,
    refundFen: 0,
    refundedOrders: 0,
    minUnitPriceFen: 10_000,
    listedPriceFen: 10_000,
    mechanism: null,
  };
}

const sessions = [
  session('ses_yesterday', now - 24 * hour, now - 22 * hour),
  session('ses_ended_an_hour_ago', now - 3 * hour, now - hour),
  session('ses_on_air', now - hour, now - 60_000),
];
const history: SalesHistory = {
  sessions: async () => sessions,
  productResults: async () => sessions.map((s) => product(s.sessionId, s.startedAt)),
};
const catalogue = { products: async () => [] };

describe('the history a forecast reads', () => {
  it('leaves out a session that may still be on air, and its products', async () => {
    const { history: loaded } = await loadHistory({ history, catalogue }, 'org_1', {
      until: now,
      lookbackDays: 180,
    });
    expect(loaded.sessions.map((s) => s.sessionId)).toEqual(['ses_yesterday', 'ses_ended_an_hour_ago']);
    expect(loaded.products.map((p) => p.sessionId)).toEqual(['ses_yesterday', 'ses_ended_an_hour_ago']);
  });

  it('takes a session once its last event is the settling time old', async () => {
    const { history: loaded } = await loadHistory({ history, catalogue }, 'org_1', {
      until: now - 60_000 + settleMs,
      lookbackDays: 180,
    });
    expect(loaded.sessions.map((s) => s.sessionId)).toContain('ses_on_air');
  });

  it('leaves out the session being forecast after the fact', async () => {
    const { history: loaded } = await loadHistory({ history, catalogue }, 'org_1', {
      until: now,
      lookbackDays: 180,
      excludeSessionId: 'ses_yesterday',
    });
    expect(loaded.sessions.map((s) => s.sessionId)).toEqual(['ses_ended_an_hour_ago']);
  });
});
