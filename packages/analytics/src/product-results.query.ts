import type { EventQueryContext } from './event-query-context.js';
import { quantitySql, toInt, toIntOrNull, unitPriceSql, windowParams } from './event-sql.js';
import type { HistoryFilter, ProductSalesRecord } from './sales-history.types.js';

type Int = string | number;
type Row = Record<'session_id' | 'product_id' | 'sku_id' | 'account_id' | 'source' | 'mechanism', string> &
  Record<
    | 'started_ms'
    | 'explain_ms'
    | 'segments'
    | 'impressions'
    | 'clicks'
    | 'paid_orders'
    | 'units'
    | 'gmv_fen'
    | 'refund_fen'
    | 'refunded_orders',
    Int
  > &
  Record<'min_unit_price' | 'listed_price', Int | null>;

/**
 * Every product of every session that started in the window: explain time, funnel counts, paid
 * orders, units, GMV and refunds (SPEC §4), one row per (session, product).
 *
 * Explain time: the product is on screen from each of its explain.start events until the session's
 * next explain event of any kind (its own end, another product's start, an end naming none), since
 * a room shows one product at a time; ends sort before starts at the same instant. A start that
 * nothing follows runs to the session's last event other than a payment or refund.
 */
export async function productResults(
  ctx: EventQueryContext,
  filter: HistoryFilter,
): Promise<ProductSalesRecord[]> {
  const rows = await ctx.scope.query<Row>(
    `WITH sessions AS (
       SELECT session_id AS sid,
              toUnixTimestamp64Milli(min(occurred_at)) AS started_ms,
              toUnixTimestamp64Milli(maxIf(occurred_at, type NOT IN ('order.pay', 'order.refund'))) AS last_ms,
              argMinIf(account_id, (occurred_at, id), account_id != '') AS account_id,
              argMinIf(source, (occurred_at, id), source != '') AS source
       FROM ${ctx.events} FINAL
       WHERE org_id = {orgId:String} AND session_id != ''
       GROUP BY session_id
       HAVING started_ms >= {since:Int64} AND started_ms < {until:Int64}
     ),
     explained AS (
       SELECT e.session_id AS sid, e.product_id AS pid,
              sum(greatest(toInt64(0), if(e.next_ms IS NULL, s.last_ms, assumeNotNull(e.next_ms)) - e.at_ms)) AS explain_ms,
              count() AS segments
       FROM (
         SELECT session_id, product_id, type,
                toUnixTimestamp64Milli(occurred_at) AS at_ms,
                leadInFrame(toNullable(toUnixTimestamp64Milli(occurred_at)), 1, NULL)
                  OVER (PARTITION BY session_id ORDER BY occurred_at ASC, type ASC, id ASC
                        ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_ms
         FROM ${ctx.events} FINAL
         WHERE org_id = {orgId:String} AND session_id != '' AND type IN ('explain.start', 'explain.end')
       ) AS e
       INNER JOIN sessions AS s ON e.session_id = s.sid
       WHERE e.type = 'explain.start' AND e.product_id != ''
       GROUP BY e.session_id, e.product_id
     ),
     sales AS (
       SELECT session_id AS sid, product_id AS pid,
              if(countIf(type = 'order.pay' AND sku_id != '') > 0,
                 minIf(sku_id, type = 'order.pay' AND sku_id != ''), minIf(sku_id, sku_id != '')) AS sku_id,
              countIf(type = 'product.impression') AS impressions,
              countIf(type = 'product.click') AS clicks,
              countIf(type = 'order.pay') AS paid_orders,
              sumIf(quantity, type = 'order.pay') AS units,
              toInt64(coalesce(sumIf(amount_fen, type = 'order.pay'), 0)) AS gmv_fen,
              toInt64(coalesce(sumIf(amount_fen, type = 'order.refund'), 0)) AS refund_fen,
              uniqExactIf(order_id, type = 'order.refund' AND order_id != '') AS refunded_orders,
              minIf(unit_price, type = 'order.pay') AS min_unit_price,
              argMinIf(listed_price, (occurred_at, id), type = 'explain.start' AND listed_price IS NOT NULL) AS listed_price,
              argMinIf(mechanism, (occurred_at, id), type = 'explain.start' AND mechanism != '') AS mechanism
       FROM (
         SELECT session_id, product_id, sku_id, type, occurred_at, id, order_id, amount_fen,
                ${quantitySql} AS quantity,
                if(type = 'order.pay' AND amount_fen IS NOT NULL, toNullable(${unitPriceSql}), NULL) AS unit_price,
                if(JSONType(properties, 'priceFen') IN ('Int64', 'UInt64'),
                   toNullable(JSONExtractInt(properties, 'priceFen')), NULL) AS listed_price,
                JSONExtractString(properties, 'mechanism') AS mechanism
         FROM ${ctx.events} FINAL
         WHERE org_id = {orgId:String} AND session_id != '' AND product_id != ''
           AND type IN ('explain.start', 'product.impression', 'product.click', 'order.pay', 'order.refund')
           AND (empty({productIds:Array(String)}) OR has({productIds:Array(String)}, product_id))
       )
       GROUP BY session_id, product_id
     )
     SELECT sales.sid AS session_id, sales.pid AS product_id, sales.sku_id AS sku_id,
            s.started_ms AS started_ms, s.account_id AS account_id, s.source AS source,
            coalesce(x.explain_ms, 0) AS explain_ms, coalesce(x.segments, 0) AS segments,
            sales.impressions AS impressions, sales.clicks AS clicks, sales.paid_orders AS paid_orders,
            sales.units AS units, sales.gmv_fen AS gmv_fen, sales.refund_fen AS refund_fen,
            sales.refunded_orders AS refunded_orders, sales.min_unit_price AS min_unit_price,
            sales.listed_price AS listed_price, sales.mechanism AS mechanism
     FROM sales
     INNER JOIN sessions AS s ON sales.sid = s.sid
     LEFT JOIN explained AS x ON sales.sid = x.sid AND sales.pid = x.pid
     ORDER BY started_ms ASC, session_id ASC, product_id ASC`,
    { ...windowParams(filter), productIds: filter.productIds ?? [] },
  );
  return rows.map((r) => ({
    sessionId: r.session_id,
    productId: r.product_id,
    skuId: r.sku_id,
    startedAt: toInt(r.started_ms),
    accountId: r.account_id,
    source: r.source,
    // Whole seconds: the store keeps milliseconds, the forecast needs no finer grain.
    explainSeconds: Math.round(toInt(r.explain_ms) / 1000),
    explainSegments: toInt(r.segments),
    impressions: toInt(r.impressions),
    clicks: toInt(r.clicks),
    paidOrders: toInt(r.paid_orders),
    units: toInt(r.units),
    gmvFen: toInt(r.gmv_fen),
    refundFen: toInt(r.refund_fen),
    refundedOrders: toInt(r.refunded_orders),
    minUnitPriceFen: toIntOrNull(r.min_unit_price),
    listedPriceFen: toIntOrNull(r.listed_price),
    mechanism: r.mechanism === '' ? null : r.mechanism,
  }));
}
