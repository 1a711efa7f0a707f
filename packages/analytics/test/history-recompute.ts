import type { StoredEvent } from '@livecloud/events';
import type { ProductSalesRecord, SessionSalesRecord } from '../src/index.js';

/*
 * The history's definitions recomputed in plain JavaScript over the same events, so the SQL can be
 * compared with something written independently of it.
 */

const moneyTypes = new Set(['order.pay', 'order.refund']);

// Spread arguments overflow the stack on a session's worth of events; fold instead.
const minOf = (values: readonly number[]) => values.reduce((m, v) => (v < m ? v : m), Infinity);
const maxOf = (values: readonly number[]) => values.reduce((m, v) => (v > m ? v : m), -Infinity);

function quantityOf(event: StoredEvent): number {
  const q = event.properties['quantity'];
  return typeof q === 'number' && Number.isInteger(q) && q > 0 ? q : 1;
}

function viewerKey(event: StoredEvent): string {
  if (event.platformUserId) return `p:${event.platformUserId}`;
  if (event.userId) return `u:${event.userId}`;
  return `a:${event.anonymousId ?? ''}`;
}

function distinct(events: readonly StoredEvent[], orgId: string): StoredEvent[] {
  const byId = new Map<string, StoredEvent>();
  for (const e of events) if (e.orgId === orgId && e.sessionId) byId.set(e.id, e);
  return [...byId.values()];
}

function bySession(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const out = new Map<string, StoredEvent[]>();
  for (const e of events) {
    const list = out.get(e.sessionId!) ?? [];
    list.push(e);
    out.set(e.sessionId!, list);
  }
  return out;
}

function firstNaming(list: readonly StoredEvent[], pick: (e: StoredEvent) => string | undefined): string {
  const sorted = [...list].sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : 1));
  return sorted.map(pick).find((v) => v !== undefined && v !== '') ?? '';
}

/** Sessions as {@link SessionSalesRecord}s, recomputed. */
export function recomputeSessions(events: readonly StoredEvent[], orgId: string): SessionSalesRecord[] {
  return [...bySession(distinct(events, orgId))]
    .map(([sessionId, list]) => {
      const startedAt = minOf(list.map((e) => e.occurredAt));
      const last = maxOf(list.filter((e) => !moneyTypes.has(e.type)).map((e) => e.occurredAt));
      const pays = list.filter((e) => e.type === 'order.pay');
      return {
        sessionId,
        accountId: firstNaming(list, (e) => e.accountId),
        source: firstNaming(list, (e) => e.source),
        startedAt,
        endedAt: Math.max(startedAt, last),
        entries: list.filter((e) => e.type === 'room.enter').length,
        uniqueViewers: new Set(list.filter((e) => e.type === 'room.enter').map(viewerKey)).size,
        paidOrders: pays.length,
        gmvFen: pays.reduce((s, e) => s + (e.amountFen ?? 0), 0),
        refundFen: list.filter((e) => e.type === 'order.refund').reduce((s, e) => s + (e.amountFen ?? 0), 0),
      };
    })
    .sort((a, b) => a.startedAt - b.startedAt || (a.sessionId < b.sessionId ? -1 : 1));
}

/** Explain milliseconds per product of one session's events. */
export function explainMsByProduct(
  list: readonly StoredEvent[],
): Map<string, { ms: number; segments: number }> {
  const explains = list
    .filter((e) => e.type === 'explain.start' || e.type === 'explain.end')
    .sort(
      (a, b) =>
        a.occurredAt - b.occurredAt || (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : 1),
    );
  const last = maxOf(list.filter((e) => !moneyTypes.has(e.type)).map((e) => e.occurredAt));
  const out = new Map<string, { ms: number; segments: number }>();
  explains.forEach((e, i) => {
    if (e.type !== 'explain.start' || !e.productId) return;
    const end = explains[i + 1]?.occurredAt ?? last;
    const entry = out.get(e.productId) ?? { ms: 0, segments: 0 };
    entry.ms += Math.max(0, end - e.occurredAt);
    entry.segments += 1;
    out.set(e.productId, entry);
  });
  return out;
}

const productTypes = new Set([
  'explain.start',
  'product.impression',
  'product.click',
  'order.pay',
  'order.refund',
]);

/** Products of sessions as {@link ProductSalesRecord}s, recomputed. */
export function recomputeProducts(events: readonly StoredEvent[], orgId: string): ProductSalesRecord[] {
  const sessions = new Map(recomputeSessions(events, orgId).map((s) => [s.sessionId, s]));
  const out: ProductSalesRecord[] = [];
  for (const [sessionId, list] of bySession(distinct(events, orgId))) {
    const session = sessions.get(sessionId)!;
    const explained = explainMsByProduct(list);
    const products = new Map<string, StoredEvent[]>();
    for (const e of list) {
      if (!e.productId || !productTypes.has(e.type)) continue;
      products.set(e.productId, [...(products.get(e.productId) ?? []), e]);
    }
    for (const [productId, own] of products) {
      const of = (type: string) => own.filter((e) => e.type === type);
      const pays = of('order.pay');
      const refunds = of('order.refund');
      const starts = of('explain.start').sort(
        (a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : 1),
      );
      const skus = (pays.some((e) => e.skuId) ? pays : own)
        .map((e) => e.skuId)
        .filter((s) => !!s) as string[];
      const prices = pays.map((e) => {
        const unit = e.properties['unitPriceFen'];
        return typeof unit === 'number' ? unit : Math.floor((e.amountFen ?? 0) / quantityOf(e));
      });
      const listed = starts.map((e) => e.properties['priceFen']).find((p) => typeof p === 'number');
      const mechanism = starts.map((e) => e.properties['mechanism']).find((m) => typeof m === 'string' && m);
      out.push({
        sessionId,
        productId,
        skuId: skus.sort()[0] ?? '',
        startedAt: session.startedAt,
        accountId: session.accountId,
        source: session.source,
        explainSeconds: Math.round((explained.get(productId)?.ms ?? 0) / 1000),
        explainSegments: explained.get(productId)?.segments ?? 0,
        impressions: of('product.impression').length,
        clicks: of('product.click').length,
        paidOrders: pays.length,
        units: pays.reduce((s, e) => s + quantityOf(e), 0),
        gmvFen: pays.reduce((s, e) => s + (e.amountFen ?? 0), 0),
        refundFen: refunds.reduce((s, e) => s + (e.amountFen ?? 0), 0),
        refundedOrders: new Set(refunds.map((e) => e.orderId).filter((id) => !!id)).size,
        minUnitPriceFen: prices.length === 0 ? null : minOf(prices),
        listedPriceFen: typeof listed === 'number' ? listed : null,
        mechanism: typeof mechanism === 'string' ? mechanism : null,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.startedAt - b.startedAt ||
      (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : a.productId < b.productId ? -1 : 1),
  );
}
