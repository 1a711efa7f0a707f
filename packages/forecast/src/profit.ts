/**
 * Platform technical-service fees (技术服务费) in basis points of net GMV, as a constant per platform.
 * They are typical published rates for most categories (Douyin, Kuaishou, Xiaohongshu and WeChat
 * Channels about 5%, Taobao about 3%); contracts and categories differ, so the server composition
 * may pass its own table. A platform not in the table uses `other`.
 */
export const defaultPlatformFeeBp: Readonly<Record<string, number>> = {
  douyin: 500,
  kuaishou: 500,
  taobao: 300,
  xiaohongshu: 500,
  wechat_channels: 500,
  other: 500,
};

/** The fee rate of a platform in basis points, and whether the table named it. */
export function platformFeeBpOf(
  table: Readonly<Record<string, number>>,
  platform: string | null,
): { bp: number; known: boolean } {
  const own = platform === null ? undefined : table[platform];
  if (own !== undefined) return { bp: own, known: true };
  return { bp: table['other'] ?? defaultPlatformFeeBp['other']!, known: false };
}

/** Each term of an item's profit, in fen. */
export interface ProfitBreakdown {
  gmvFen: number;
  refundFen: number;
  /** GMV − refunds. */
  netGmvFen: number;
  /** Unit cost × units kept (units × (1 − refund rate)): refunded goods come back or never ship. */
  costOfGoodsFen: number;
  /** Commission rate × net GMV. */
  commissionFen: number;
  /** Platform fee rate × net GMV. */
  platformFeeFen: number;
  /** What the mechanism gives away: coupon value, gift value or flash discount per unit sold, up to its quantity. */
  mechanismCostFen: number;
  /** Net GMV − cost of goods − commission − platform fee − mechanism cost. */
  profitFen: number;
}

/**
 * The profit of an item (SPEC §3 profit review, the terms a forecast can know before the live):
 * net GMV − cost of goods of the kept units − commission − platform fee − what the mechanism
 * gives away (coupons, gifts, the flash discount). Slot fees, ad spend and logistics belong to
 * the session, not to an item, and are left to the review.
 */
export function profitOf(input: {
  gmvFen: number;
  refundFen: number;
  units: number;
  costFen: number;
  commissionBp: number;
  platformFeeBp: number;
  /** Per unit, for at most `limit` units; omitted: none. */
  mechanismCost?: { perUnitFen: number; limit: number | null } | undefined;
}): ProfitBreakdown {
  const { gmvFen, refundFen } = input;
  const netGmvFen = gmvFen - refundFen;
  const keptShare = gmvFen > 0 ? netGmvFen / gmvFen : 1;
  const costOfGoodsFen = Math.round(input.costFen * input.units * keptShare);
  const commissionFen = Math.round((netGmvFen * input.commissionBp) / 10_000);
  const platformFeeFen = Math.round((netGmvFen * input.platformFeeBp) / 10_000);
  const cost = input.mechanismCost;
  const mechanismCostFen = cost
    ? Math.round(cost.perUnitFen * Math.min(input.units, cost.limit ?? Infinity))
    : 0;
  return {
    gmvFen,
    refundFen,
    netGmvFen,
    costOfGoodsFen,
    commissionFen,
    platformFeeFen,
    mechanismCostFen,
    profitFen: netGmvFen - costOfGoodsFen - commissionFen - platformFeeFen - mechanismCostFen,
  };
}

/** Term-by-term sum of breakdowns. */
export function sumProfit(list: readonly ProfitBreakdown[]): ProfitBreakdown {
  const zero: ProfitBreakdown = {
    gmvFen: 0,
    refundFen: 0,
    netGmvFen: 0,
    costOfGoodsFen: 0,
    commissionFen: 0,
    platformFeeFen: 0,
    mechanismCostFen: 0,
    profitFen: 0,
  };
  return list.reduce(
    (a, p) => ({
      gmvFen: a.gmvFen + p.gmvFen,
      refundFen: a.refundFen + p.refundFen,
      netGmvFen: a.netGmvFen + p.netGmvFen,
      costOfGoodsFen: a.costOfGoodsFen + p.costOfGoodsFen,
      commissionFen: a.commissionFen + p.commissionFen,
      platformFeeFen: a.platformFeeFen + p.platformFeeFen,
      mechanismCostFen: a.mechanismCostFen + p.mechanismCostFen,
      profitFen: a.profitFen + p.profitFen,
    }),
    zero,
  );
}
