import type { EventQueryContext } from '@livecloud/analytics';
import type { LiveSnapshot } from '../live-snapshot.schema.js';
import { funnelCountsOf, funnelOf, ratesOf, ratio } from '../metric-dictionary.js';
import { sessionExplainingProduct } from './session-explaining-product.query.js';
import { sessionLiveTotals } from './session-live-totals.query.js';
import { sessionMinuteSeries } from './session-minute-series.query.js';
import { sessionPeakOnline } from './session-peak-online.query.js';
import { sessionProductLeaderboard } from './session-product-leaderboard.query.js';
import { sessionRecentComments } from './session-recent-comments.query.js';
import { sessionTrafficSources } from './session-traffic-sources.query.js';

/**
 * The session's whole live snapshot recomputed from the raw events in the store, one SQL query
 * per part (each in its own file). Counting, ordering, the dense minute series and peak online
 * are all SQL here; only the rates come from the metric dictionary, as they do for the live
 * state, so this is the reference the live state must equal. Null when the organisation has no
 * live events for the session.
 */
export async function sessionLiveMetrics(
  ctx: EventQueryContext,
  sessionId: string,
): Promise<LiveSnapshot | null> {
  const [head, peakOnline, series, sources, products, explaining, comments] = await Promise.all([
    sessionLiveTotals(ctx, sessionId),
    sessionPeakOnline(ctx, sessionId),
    sessionMinuteSeries(ctx, sessionId),
    sessionTrafficSources(ctx, sessionId),
    sessionProductLeaderboard(ctx, sessionId),
    sessionExplainingProduct(ctx, sessionId),
    sessionRecentComments(ctx, sessionId),
  ]);
  if (head.eventCount === 0) return null;
  const totals = { ...head.totals, peakOnline };
  return {
    sessionId,
    accountId: head.accountId,
    eventCount: head.eventCount,
    firstEventAt: head.firstEventAt,
    lastEventAt: head.lastEventAt,
    totals,
    rates: ratesOf(totals),
    funnel: funnelOf(funnelCountsOf(totals)),
    series,
    trafficSources: sources.map((s) => ({ ...s, share: ratio(s.entries, totals.pv) })),
    products: products.map((p) => ({
      ...p,
      ctr: ratio(p.clicks, p.impressions),
      conversion: ratio(p.paidOrders, p.clicks),
      explaining: explaining?.productId === p.productId,
    })),
    explaining,
    comments,
  };
}
