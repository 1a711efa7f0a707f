import type { ProductSalesRecord, SessionSalesRecord } from '@livecloud/analytics';
import { describe, expect, it } from 'vitest';
import type { ForecastHistory } from './forecast-model.types.js';
import { naiveItemGmv } from './naive-baseline.js';

function session(id: string, startedAt: number): SessionSalesRecord {
  return {
    sessionId: id,
    accountId: 'acc',
    source: 'douyin',
    startedAt,
    endedAt: startedAt + 1,
    entries: 1,
    uniqueViewers: 1,
    paidOrders: 0,
    gmvFen: 0,
    refundFen: 0,
  };
}
function record(sessionId: string, startedAt: number, productId: string, gmvFen: number): ProductSalesRecord {
  return {
    sessionId,
    productId,
    skuId: '',
    startedAt,
    accountId: 'acc',
    source: 'douyin',
    explainSeconds: 600,
    explainSegments: 1,
    impressions: 0,
    clicks: 0,
    paidOrders: gmvFen > 0 ? 1 : 0,
    units: gmvFen > 0 ? 1 : 0,
    gmvFen,
    refundFen: 0,
    refundedOrders: 0,
    minUnitPriceFen: null,
    listedPriceFen: null,
    mechanism: null,
  };
}

const history: ForecastHistory = {
  sessions: [session('s1', 1), session('s2', 2), session('s3', 3)],
  products: [
    record('s1', 1, 'prd_a', 1_000),
    record('s2', 2, 'prd_a', 0),
    record('s2', 2, 'prd_b', 300),
    record('s2', 2, 'prd_c', 500),
    record('s3', 3, 'prd_d', 9_000),
    record('s3', 3, 'prd_e', 1_000),
  ],
  categoryPaths: new Map([
    ['prd_a', ['cat_x']],
    ['prd_b', ['cat_y']],
    ['prd_c', ['cat_y']],
    ['prd_d', ['cat_z']],
    ['prd_e', ['cat_z']],
  ]),
};

describe('naive baseline: the last similar session', () => {
  it('takes the product’s GMV in the latest session that sold it, unscaled', () => {
    // s2 explained prd_a but sold none: s1 is the last that sold it.
    expect(naiveItemGmv(history, 'prd_a', ['cat_x'])).toEqual({ gmvFen: 1_000, source: 'product' });
  });

  it('falls back to the average item of the same category in the latest session that sold it', () => {
    expect(naiveItemGmv(history, 'prd_new', ['cat_y'])).toEqual({ gmvFen: 400, source: 'category' });
  });

  it('falls back to the average item of the organisation’s last session', () => {
    expect(naiveItemGmv(history, 'prd_new', ['cat_unknown'])).toEqual({ gmvFen: 5_000, source: 'org' });
    expect(naiveItemGmv(history, 'prd_new', [])).toEqual({ gmvFen: 5_000, source: 'org' });
  });

  it('has nothing to say without history', () => {
    expect(
      naiveItemGmv({ sessions: [], products: [], categoryPaths: new Map() }, 'prd_a', []),
    ).toBeUndefined();
  });
});
