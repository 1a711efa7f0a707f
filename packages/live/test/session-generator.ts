import { trafficSources } from '@livecloud/contracts';
import type { StoredEvent } from '@livecloud/events';

/** A small seeded PRNG (mulberry32): the same seed gives the same session. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedSession {
  events: StoredEvent[];
  startAt: number;
  endAt: number;
}

export interface SessionOptions {
  orgId: string;
  accountId: string;
  sessionId: string;
  startAt: number;
  minutes: number;
  viewers: number;
  seed: number;
  /** A feed that sends plain room.leave events, none with a dwellMs. */
  plainLeaves?: boolean;
}

/**
 * A compact, deterministic live session with the awkward cases the big screen must count
 * right: repeat visits, viewers still in the room, leaves without a usable dwellMs, leaves of
 * viewers whose entry is not in the session, re-entries without a leave between, refunds
 * after the end, several events in one millisecond, comments tied on time, an explain.end
 * naming no product, product and comment ids outside ASCII.
 */
export function generateSession(o: SessionOptions): GeneratedSession {
  const rnd = seededRandom(o.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo));
  const endAt = o.startAt + o.minutes * 60_000;
  const events: StoredEvent[] = [];
  let n = 0;
  const products = ['prd_a', 'prd_b', 'prd_c', '商品-甲', 'prd_😀'];
  const add = (type: StoredEvent['type'], at: number, extra: Partial<StoredEvent> = {}): void => {
    n++;
    events.push({
      id: `evt_${o.sessionId}_${String(n).padStart(6, '0')}${n % 97 === 0 ? '_é' : ''}`,
      type,
      schemaVersion: 1,
      occurredAt: at,
      receivedAt: at + between(5, 3000),
      orgId: o.orgId,
      source: 'simulator',
      accountId: o.accountId,
      sessionId: o.sessionId,
      properties: {},
      ...extra,
    });
  };

  const people = Array.from({ length: Math.max(1, Math.floor(o.viewers * 0.7)) }, (_, i) => {
    const r = rnd();
    if (r < 0.8) return { platformUserId: `dy_${i}` };
    if (r < 0.9) return { userId: `usr_${i}` };
    return { anonymousId: `anon_${i}` };
  });

  for (let v = 0; v < o.viewers; v++) {
    const who = pick(people);
    const enterAt = between(o.startAt, endAt);
    const source = rnd() < 0.1 ? undefined : pick(trafficSources);
    add('room.enter', enterAt, { ...who, ...(source === undefined ? {} : { trafficSource: source }) });
    const r = rnd();
    const dwell =
      r < 0.25
        ? between(0, 2_000)
        : r < 0.3
          ? 2_000
          : r < 0.55
            ? between(2_001, 60_000)
            : r < 0.6
              ? 60_000
              : between(60_001, 20 * 60_000);
    const leaveAt = enterAt + dwell;
    if (leaveAt < endAt || rnd() < 0.3) {
      const q = o.plainLeaves === true ? 0 : rnd();
      const properties =
        q < 0.03
          ? {}
          : q < 0.05
            ? { dwellMs: dwell + 0.5 }
            : q < 0.06
              ? { dwellMs: String(dwell) }
              : { dwellMs: dwell };
      add('room.leave', leaveAt, { ...who, properties });
    }
    const inRoom = (): number => between(enterAt, Math.max(enterAt + 1, Math.min(leaveAt, endAt)));
    for (let k = between(0, 4); k > 0; k--)
      add('product.impression', inRoom(), { ...who, productId: pick(products) });
    if (dwell > 2_000 && rnd() < 0.5) {
      const productId = pick(products);
      const clickAt = inRoom();
      add('product.click', clickAt, { ...who, productId });
      if (rnd() < 0.5) add('cart.add', clickAt + 1, { ...who, productId });
      if (rnd() < 0.5) {
        const orderId = `ord_${o.sessionId}_${v}`;
        add('order.create', clickAt + 1_000, { ...who, productId, orderId });
        if (rnd() < 0.8) {
          const amountFen = between(990, 59_900);
          // Some payments carry no product (an order-level payment); some land after the end.
          const payAt = rnd() < 0.1 ? endAt + between(0, 300_000) : clickAt + 1_000 + between(0, 90_000);
          add('order.pay', payAt, { ...who, orderId, amountFen, ...(rnd() < 0.9 ? { productId } : {}) });
          if (rnd() < 0.15)
            add('order.refund', endAt + between(3_600_000, 86_400_000), {
              ...who,
              orderId,
              amountFen: rnd() < 0.5 ? amountFen : between(1, amountFen),
            });
        }
      }
    }
    if (rnd() < 0.4) {
      const at = rnd() < 0.2 ? o.startAt + 30_000 : inRoom();
      add('comment', at, {
        ...who,
        properties: rnd() < 0.7 ? { text: `主播好 ${v}`, nickname: `观众${v}` } : { text: `第一次来 ${v}` },
      });
    }
    for (let k = between(0, 3); k > 0; k--) add('like', inRoom(), who);
    if (rnd() < 0.05) add('share', inRoom(), who);
    if (rnd() < 0.08) add('follow', inRoom(), who);
    if (rnd() < 0.02) add('fanclub.join', inRoom(), who);
  }

  // Leaves of viewers who entered before the session's first event, some with a dwellMs.
  for (let k = 0; k < Math.max(2, Math.floor(o.viewers / 100)); k++) {
    const properties = k % 2 === 0 || o.plainLeaves === true ? {} : { dwellMs: between(0, 90_000) };
    add('room.leave', between(o.startAt, endAt), { platformUserId: `early_${k}`, properties });
  }
  // Re-entries without a leave between (a lost leave, a second device).
  for (let k = 0; k < Math.max(2, Math.floor(o.viewers / 100)); k++) {
    const enterAt = between(o.startAt, endAt - 1);
    const who = { userId: `twice_${k}` };
    add('room.enter', enterAt, who);
    add('room.enter', between(enterAt, endAt), who);
  }

  // Explain segments back to back; the last one is left open on odd seeds.
  const segment = Math.max(60_000, Math.floor((endAt - o.startAt) / 6));
  let at = o.startAt + 5_000;
  for (let i = 0; at < endAt - segment; i++, at += segment) {
    const productId = products[i % products.length] ?? 'prd_a';
    add('explain.start', at, { platformUserId: 'anchor', productId });
    const last = at + segment >= endAt - segment;
    if (!last || o.seed % 2 === 0)
      add('explain.end', at + segment - 1_000, {
        platformUserId: 'anchor',
        ...(i === 1 ? {} : { productId }),
      });
  }
  for (let m = 0; m < o.minutes; m++)
    add('ad.spend', o.startAt + m * 60_000 + 59_000, { userId: 'ads', amountFen: between(0, 20_000) });
  return { events, startAt: o.startAt, endAt };
}

/**
 * Delivers events as a real bus would: out of order, some very late, some twice (exact
 * retries with the same id), in batches of uneven size.
 */
export function disorderedBatches(events: readonly StoredEvent[], seed: number): StoredEvent[][] {
  const rnd = seededRandom(seed);
  const sorted = [...events].sort((a, b) => a.receivedAt - b.receivedAt);
  const onTime: StoredEvent[] = [];
  const late: StoredEvent[] = [];
  for (const event of sorted) (rnd() < 0.1 ? late : onTime).push(event);
  // Local shuffles: swap each event with one up to 20 places ahead.
  for (let i = 0; i < onTime.length; i++) {
    const j = Math.min(onTime.length - 1, i + Math.floor(rnd() * 20));
    [onTime[i], onTime[j]] = [onTime[j] as StoredEvent, onTime[i] as StoredEvent];
  }
  const stream = [...onTime, ...late.reverse()];
  const withRetries: StoredEvent[] = [];
  for (const event of stream) {
    withRetries.push(event);
    if (rnd() < 0.1) withRetries.push({ ...event });
  }
  const batches: StoredEvent[][] = [];
  for (let i = 0; i < withRetries.length;) {
    const size = 1 + Math.floor(rnd() * 150);
    batches.push(withRetries.slice(i, i + size));
    i += size;
  }
  return batches;
}
