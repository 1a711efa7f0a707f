import type { StoredEvent } from '@livecloud/events';
import { liveEventTypes, type LiveEventType } from '@livecloud/contracts';
import { dwellMsOf, unknownTrafficSource } from './metric-dictionary.js';

/*
 * What one event does to the live state, as data. Both stores apply the same list of
 * operations (memory with Maps, Redis inside one Lua script), so they can only differ in how
 * they keep the numbers, never in what an event means. Every operation commutes with every
 * other (sums, set adds, min/max, top-N by a total order), which is what makes the state
 * independent of delivery order.
 */

/** Session-wide counters, kept in one hash. */
export const counterFields = [
  'events',
  'pv',
  'exits',
  /** Closed visits with a known dwell, their Σ dwell, bounces and 1-minute views (viewer-visits.ts). */
  'visits',
  'dwellMs',
  'bounces',
  'oneMin',
  'gmv',
  'paid',
  'created',
  'refundFen',
  'refunds',
  'impressions',
  'clicks',
  'carts',
  'adSpend',
  'follows',
  'fanclub',
  'comments',
  'likes',
  'shares',
] as const;
export type CounterField = (typeof counterFields)[number];

/** Per-minute counters, field `<metric>:<minute index>`. */
export const minuteFields = ['gmv', 'entries', 'exits', 'oneMin', 'clicks', 'orders', 'pays'] as const;
export type MinuteField = (typeof minuteFields)[number];

/** Per-product counters, field `<metric>:<productId>`. */
export const productFields = ['imp', 'clk', 'cart', 'ord', 'paid', 'gmv'] as const;
export type ProductField = (typeof productFields)[number];

/** One operation on a session's live state. */
export type LiveOp =
  | { kind: 'counter'; field: CounterField; by: number }
  | { kind: 'minute'; field: MinuteField; minute: number; by: number }
  | { kind: 'product'; field: ProductField; productId: string; by: number }
  | { kind: 'source'; source: string }
  /** Entry (+1) or exit (−1) in the second `second` (epoch seconds), for online and peak online. */
  | { kind: 'online'; second: number; by: 1 | -1 }
  | { kind: 'viewer'; viewer: string }
  /** A room.enter or room.leave of the viewer: the store recounts that viewer's visits (viewer-visits.ts). */
  | { kind: 'visit'; viewer: string; at: number; leave: boolean; dwellMs: number | null }
  | { kind: 'buyer'; viewer: string }
  | { kind: 'activity'; at: number }
  | { kind: 'account'; accountId: string }
  | { kind: 'comment'; id: string; at: number; viewerId: string; nickname: string | null; text: string }
  | { kind: 'explainStart'; id: string; at: number; productId: string }
  | { kind: 'explainEnd'; productId: string; at: number };

const liveTypes: ReadonlySet<string> = new Set(liveEventTypes);

/** True for events the big screen counts: live types that name a session. */
export function isLiveEvent(
  event: StoredEvent,
): event is StoredEvent & { type: LiveEventType; sessionId: string } {
  return liveTypes.has(event.type) && event.sessionId !== undefined;
}

/** The viewer an event is about, as shown to people: platformUserId ?? userId ?? anonymousId. */
export function viewerIdOf(event: StoredEvent): string {
  return event.platformUserId ?? event.userId ?? event.anonymousId ?? '';
}

/**
 * The viewer as counted for UV and buyers: the same choice, tagged with the kind of id so that
 * a platform user id and an anonymous id that happen to be equal are not one person.
 */
export function viewerKeyOf(event: StoredEvent): string {
  if (event.platformUserId !== undefined) return `p:${event.platformUserId}`;
  if (event.userId !== undefined) return `u:${event.userId}`;
  return `a:${event.anonymousId ?? ''}`;
}

export const minuteMs = 60_000;

/** The minute index (epoch minutes) of an instant. */
export function minuteOf(ms: number): number {
  return Math.floor(ms / minuteMs);
}

/** The operations one live event performs, in no particular order. */
export function effectsOf(event: StoredEvent & { type: LiveEventType }): LiveOp[] {
  const ops: LiveOp[] = [{ kind: 'counter', field: 'events', by: 1 }];
  const at = event.occurredAt;
  const minute = minuteOf(at);
  const amount = event.amountFen ?? 0;
  const product = event.productId;
  const perProduct = (field: ProductField, by = 1): void => {
    if (product !== undefined) ops.push({ kind: 'product', field, productId: product, by });
  };
  if (event.type !== 'order.refund') ops.push({ kind: 'activity', at });
  if (event.accountId !== undefined) ops.push({ kind: 'account', accountId: event.accountId });
  switch (event.type) {
    case 'room.enter':
      ops.push(
        { kind: 'counter', field: 'pv', by: 1 },
        { kind: 'minute', field: 'entries', minute, by: 1 },
        { kind: 'online', second: Math.floor(at / 1000), by: 1 },
        { kind: 'viewer', viewer: viewerKeyOf(event) },
        { kind: 'source', source: event.trafficSource ?? unknownTrafficSource },
        { kind: 'visit', viewer: viewerKeyOf(event), at, leave: false, dwellMs: null },
      );
      break;
    case 'room.leave':
      ops.push(
        { kind: 'counter', field: 'exits', by: 1 },
        { kind: 'minute', field: 'exits', minute, by: 1 },
        { kind: 'online', second: Math.floor(at / 1000), by: -1 },
        {
          kind: 'visit',
          viewer: viewerKeyOf(event),
          at,
          leave: true,
          dwellMs: dwellMsOf(event.properties) ?? null,
        },
      );
      break;
    case 'product.impression':
      ops.push({ kind: 'counter', field: 'impressions', by: 1 });
      perProduct('imp');
      break;
    case 'product.click':
      ops.push(
        { kind: 'counter', field: 'clicks', by: 1 },
        { kind: 'minute', field: 'clicks', minute, by: 1 },
      );
      perProduct('clk');
      break;
    case 'cart.add':
      ops.push({ kind: 'counter', field: 'carts', by: 1 });
      perProduct('cart');
      break;
    case 'order.create':
      ops.push(
        { kind: 'counter', field: 'created', by: 1 },
        { kind: 'minute', field: 'orders', minute, by: 1 },
      );
      perProduct('ord');
      break;
    case 'order.pay':
      ops.push(
        { kind: 'counter', field: 'gmv', by: amount },
        { kind: 'counter', field: 'paid', by: 1 },
        { kind: 'minute', field: 'gmv', minute, by: amount },
        { kind: 'minute', field: 'pays', minute, by: 1 },
        { kind: 'buyer', viewer: viewerKeyOf(event) },
      );
      perProduct('paid');
      perProduct('gmv', amount);
      break;
    case 'order.refund':
      ops.push(
        { kind: 'counter', field: 'refundFen', by: amount },
        { kind: 'counter', field: 'refunds', by: 1 },
      );
      break;
    case 'ad.spend':
      ops.push({ kind: 'counter', field: 'adSpend', by: amount });
      break;
    case 'follow':
      ops.push({ kind: 'counter', field: 'follows', by: 1 });
      break;
    case 'fanclub.join':
      ops.push({ kind: 'counter', field: 'fanclub', by: 1 });
      break;
    case 'comment': {
      const text = event.properties['text'];
      const nickname = event.properties['nickname'];
      ops.push(
        { kind: 'counter', field: 'comments', by: 1 },
        {
          kind: 'comment',
          id: event.id,
          at,
          viewerId: viewerIdOf(event),
          nickname: typeof nickname === 'string' ? nickname : null,
          text: typeof text === 'string' ? text : '',
        },
      );
      break;
    }
    case 'like':
      ops.push({ kind: 'counter', field: 'likes', by: 1 });
      break;
    case 'share':
      ops.push({ kind: 'counter', field: 'shares', by: 1 });
      break;
    case 'explain.start':
      if (product !== undefined) ops.push({ kind: 'explainStart', id: event.id, at, productId: product });
      break;
    case 'explain.end':
      ops.push({ kind: 'explainEnd', productId: product ?? '', at });
      break;
  }
  return ops;
}

/**
 * The product explained now: the latest explain.start (by occurredAt, then id) unless an
 * explain.end for the same product, or one naming no product, happened at or after it.
 */
export function explainingOf(
  latestStart: { at: number; productId: string } | undefined,
  endedAt: (productId: string) => number | undefined,
): { productId: string; since: number } | null {
  if (latestStart === undefined) return null;
  const ends = [endedAt(latestStart.productId), endedAt('')].filter((v): v is number => v !== undefined);
  if (ends.some((end) => end >= latestStart.at)) return null;
  return { productId: latestStart.productId, since: latestStart.at };
}
