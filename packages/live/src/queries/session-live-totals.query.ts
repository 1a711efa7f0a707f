import { toInt, viewerKeySql, type EventQueryContext } from '@livecloud/analytics';
import type { LiveTotals } from '../live-snapshot.schema.js';
import { completeTotals } from '../metric-dictionary.js';
import { liveTypesParam } from './live-sql.js';
import { sessionDwell } from './session-dwell.query.js';

type Int = string | number;

interface Row {
  events: Int;
  account: string;
  activity: Int;
  first_at: Int;
  last_at: Int;
  pv: Int;
  uv: Int;
  exits: Int;
  gmv_fen: Int | null;
  paid_orders: Int;
  buyers: Int;
  orders_created: Int;
  refund_fen: Int | null;
  refunds: Int;
  impressions: Int;
  clicks: Int;
  cart_adds: Int;
  ad_spend_fen: Int | null;
  new_followers: Int;
  fan_club_joins: Int;
  comments: Int;
  likes: Int;
  shares: Int;
}

/** Session totals recomputed from the events, with the session's account and time span. */
export interface SessionLiveTotals {
  eventCount: number;
  accountId: string | null;
  firstEventAt: number | null;
  lastEventAt: number | null;
  /** Without peak online, which {@link sessionPeakOnline} computes. */
  totals: Omit<LiveTotals, 'peakOnline'>;
}

/** Every session total of the big screen: one pass over the session's events (FINAL), dwell by visit beside it. */
export async function sessionLiveTotals(
  ctx: EventQueryContext,
  sessionId: string,
): Promise<SessionLiveTotals> {
  const [rows, dwell] = await Promise.all([
    ctx.scope.query<Row>(
      `SELECT
       count() AS events,
       any(account_id) AS account,
       countIf(type != 'order.refund') AS activity,
       minIf(toUnixTimestamp64Milli(occurred_at), type != 'order.refund') AS first_at,
       maxIf(toUnixTimestamp64Milli(occurred_at), type != 'order.refund') AS last_at,
       countIf(type = 'room.enter') AS pv,
       uniqExactIf(viewer, type = 'room.enter') AS uv,
       countIf(type = 'room.leave') AS exits,
       sumIf(amount_fen, type = 'order.pay') AS gmv_fen,
       countIf(type = 'order.pay') AS paid_orders,
       uniqExactIf(viewer, type = 'order.pay') AS buyers,
       countIf(type = 'order.create') AS orders_created,
       sumIf(amount_fen, type = 'order.refund') AS refund_fen,
       countIf(type = 'order.refund') AS refunds,
       countIf(type = 'product.impression') AS impressions,
       countIf(type = 'product.click') AS clicks,
       countIf(type = 'cart.add') AS cart_adds,
       sumIf(amount_fen, type = 'ad.spend') AS ad_spend_fen,
       countIf(type = 'follow') AS new_followers,
       countIf(type = 'fanclub.join') AS fan_club_joins,
       countIf(type = 'comment') AS comments,
       countIf(type = 'like') AS likes,
       countIf(type = 'share') AS shares
     FROM (
       SELECT type, occurred_at, account_id, amount_fen, ${viewerKeySql} AS viewer
       FROM ${ctx.events} FINAL
       WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN {liveTypes:Array(String)}
     )`,
      { sessionId, liveTypes: liveTypesParam },
    ),
    sessionDwell(ctx, sessionId),
  ]);
  const r = rows[0];
  if (r === undefined) throw new Error('an aggregate query returned no row');
  const hasActivity = toInt(r.activity) > 0;
  const { peakOnline: _peak, ...totals } = completeTotals({
    gmvFen: toInt(r.gmv_fen),
    refundFen: toInt(r.refund_fen),
    refunds: toInt(r.refunds),
    paidOrders: toInt(r.paid_orders),
    ordersCreated: toInt(r.orders_created),
    buyers: toInt(r.buyers),
    peakOnline: 0,
    uv: toInt(r.uv),
    pv: toInt(r.pv),
    exits: toInt(r.exits),
    ...(dwell.visits > 0
      ? { totalDwellMs: dwell.totalDwellMs, bounces: dwell.bounces, oneMinuteViews: dwell.oneMinuteViews }
      : { totalDwellMs: null, bounces: null, oneMinuteViews: null }),
    impressions: toInt(r.impressions),
    clicks: toInt(r.clicks),
    cartAdds: toInt(r.cart_adds),
    adSpendFen: toInt(r.ad_spend_fen),
    newFollowers: toInt(r.new_followers),
    fanClubJoins: toInt(r.fan_club_joins),
    comments: toInt(r.comments),
    likes: toInt(r.likes),
    shares: toInt(r.shares),
  });
  return {
    eventCount: toInt(r.events),
    accountId: r.account === '' ? null : r.account,
    firstEventAt: hasActivity ? toInt(r.first_at) : null,
    lastEventAt: hasActivity ? toInt(r.last_at) : null,
    totals,
  };
}
