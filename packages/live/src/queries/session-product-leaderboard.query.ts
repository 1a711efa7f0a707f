import { toInt, type EventQueryContext } from '@livecloud/analytics';

type Int = string | number;

/** One product's counts in the session. */
export interface ProductCounts {
  productId: string;
  impressions: number;
  clicks: number;
  cartAdds: number;
  orders: number;
  paidOrders: number;
  gmvFen: number;
}

/** Every product with an impression, click, cart add, order or payment; by GMV, paid orders, clicks, then id. */
export async function sessionProductLeaderboard(
  ctx: EventQueryContext,
  sessionId: string,
): Promise<ProductCounts[]> {
  const rows = await ctx.scope.query<
    Record<'product_id', string> &
      Record<'impressions' | 'clicks' | 'cart_adds' | 'orders' | 'paid_orders' | 'gmv_fen', Int>
  >(
    `SELECT product_id,
            countIf(type = 'product.impression') AS impressions,
            countIf(type = 'product.click') AS clicks,
            countIf(type = 'cart.add') AS cart_adds,
            countIf(type = 'order.create') AS orders,
            countIf(type = 'order.pay') AS paid_orders,
            toInt64(coalesce(sumIf(amount_fen, type = 'order.pay'), 0)) AS gmv_fen
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND product_id != ''
       AND type IN ('product.impression', 'product.click', 'cart.add', 'order.create', 'order.pay')
     GROUP BY product_id
     ORDER BY gmv_fen DESC, paid_orders DESC, clicks DESC, product_id ASC`,
    { sessionId },
  );
  return rows.map((r) => ({
    productId: r.product_id,
    impressions: toInt(r.impressions),
    clicks: toInt(r.clicks),
    cartAdds: toInt(r.cart_adds),
    orders: toInt(r.orders),
    paidOrders: toInt(r.paid_orders),
    gmvFen: toInt(r.gmv_fen),
  }));
}
