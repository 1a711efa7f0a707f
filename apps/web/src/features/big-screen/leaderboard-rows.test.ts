import type { LiveBoard } from '@livecloud/live/schemas';
import { describe, expect, it } from 'vitest';
import { leaderboardRows } from './product-leaderboard';

const item = (position: number, productId: string) => ({
  position,
  productId,
  skuId: `sku_${productId}`,
  plannedExplainMs: 600_000,
  actualExplainMs: 0,
  state: 'next' as const,
});

describe('the leaderboard’s rows', () => {
  it('adds the line-up’s products without events at zero, once each, after those with events', () => {
    const sold = { productId: 'p1', gmvFen: 100 } as LiveBoard['products'][number];
    const plan = { lineup: [item(1, 'p1'), item(2, 'p2'), item(3, 'p2')] } as NonNullable<LiveBoard['plan']>;
    const rows = leaderboardRows({ products: [sold], plan });
    expect(rows.map((r) => [r.productId, r.gmvFen])).toEqual([
      ['p1', 100],
      ['p2', 0],
    ]);
    expect(leaderboardRows({ products: [sold], plan: null })).toEqual([sold]);
  });
});
