import { liveEventTypes, type EventEnvelopeInput, type LiveEventType } from '@livecloud/contracts';
import { viewerSources, type ViewerSource } from './viewer.model.js';

/**
 * Ground truth of one simulated session, counted from the events exactly as SPEC §4 defines the
 * metrics, so tests of the big screen and the reviews can compare against it.
 */
export interface SessionTruth {
  sessionId: string;
  startAt: number;
  endAt: number;
  /** Distinct events generated. */
  events: number;
  /** Events handed out, duplicates included. */
  deliveries: number;
  byType: Record<LiveEventType, number>;
  /** Room entries (PV). */
  entries: number;
  uniqueViewers: number;
  entriesBySource: Record<ViewerSource, number>;
  /** Entries that left within 2 s. */
  bounces: number;
  /** Entries that stayed at least 60 s. */
  oneMinuteViews: number;
  totalDwellMs: number;
  peakOnline: number;
  impressions: number;
  clicks: number;
  cartAdds: number;
  ordersCreated: number;
  ordersPaid: number;
  buyers: number;
  /** Paid order amount before refunds. */
  gmvFen: number;
  refunds: number;
  refundFen: number;
  adSpendFen: number;
  newFollowers: number;
  /** Events (payments, refunds) that occur after the session ended. */
  afterSessionEvents: number;
  /** What the disorder options did to the delivery order. */
  delivery: { duplicates: number; outOfOrder: number; late: number };
}

/** Counts events into a {@link SessionTruth}; feed it each distinct event once, in time order. */
export function createTruthCounter(sessionId: string, startAt: number, endAt: number) {
  const byType = Object.fromEntries(liveEventTypes.map((t) => [t, 0])) as Record<LiveEventType, number>;
  const entriesBySource = Object.fromEntries(viewerSources.map((s) => [s, 0])) as Record<
    ViewerSource,
    number
  >;
  const viewers = new Set<string>();
  const buyers = new Set<string>();
  const truth: SessionTruth = {
    sessionId,
    startAt,
    endAt,
    events: 0,
    deliveries: 0,
    byType,
    entries: 0,
    uniqueViewers: 0,
    entriesBySource,
    bounces: 0,
    oneMinuteViews: 0,
    totalDwellMs: 0,
    peakOnline: 0,
    impressions: 0,
    clicks: 0,
    cartAdds: 0,
    ordersCreated: 0,
    ordersPaid: 0,
    buyers: 0,
    gmvFen: 0,
    refunds: 0,
    refundFen: 0,
    adSpendFen: 0,
    newFollowers: 0,
    afterSessionEvents: 0,
    delivery: { duplicates: 0, outOfOrder: 0, late: 0 },
  };
  let online = 0;
  return {
    count(event: EventEnvelopeInput): void {
      truth.events++;
      const type = event.type as LiveEventType;
      byType[type]++;
      if (typeof event.occurredAt === 'number' && event.occurredAt > endAt) truth.afterSessionEvents++;
      const amount = event.amountFen ?? 0;
      switch (type) {
        case 'room.enter': {
          truth.entries++;
          viewers.add(event.platformUserId ?? '');
          const source = event.trafficSource as ViewerSource | undefined;
          if (source !== undefined) entriesBySource[source]++;
          online++;
          if (online > truth.peakOnline) truth.peakOnline = online;
          break;
        }
        case 'room.leave': {
          online--;
          const dwell = Number(event.properties?.['dwellMs'] ?? 0);
          truth.totalDwellMs += dwell;
          if (dwell < 2_000) truth.bounces++;
          if (dwell >= 60_000) truth.oneMinuteViews++;
          break;
        }
        case 'product.impression':
          truth.impressions++;
          break;
        case 'product.click':
          truth.clicks++;
          break;
        case 'cart.add':
          truth.cartAdds++;
          break;
        case 'order.create':
          truth.ordersCreated++;
          break;
        case 'order.pay':
          truth.ordersPaid++;
          truth.gmvFen += amount;
          buyers.add(event.platformUserId ?? '');
          break;
        case 'order.refund':
          truth.refunds++;
          truth.refundFen += amount;
          break;
        case 'ad.spend':
          truth.adSpendFen += amount;
          break;
        case 'follow':
          truth.newFollowers++;
          break;
        case 'comment':
        case 'like':
        case 'share':
        case 'fanclub.join':
        case 'explain.start':
        case 'explain.end':
          break;
      }
    },
    result(): SessionTruth {
      truth.uniqueViewers = viewers.size;
      truth.buyers = buyers.size;
      return truth;
    },
  };
}
