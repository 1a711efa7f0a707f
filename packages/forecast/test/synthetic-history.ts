import type { ProductSalesRecord, SessionSalesRecord } from '@livecloud/analytics';
import type { ForecastHistory, MechanismKind } from '../src/index.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same history. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticProduct {
  id: string;
  path: string[];
  /** log GMV at one explain minute, reference traffic, usual price, no mechanism. */
  level: number;
  priceFen: number;
  refundRate: number;
}

export interface SyntheticOptions {
  seed: number;
  sessions: number;
  start: number;
  accounts: { id: string; entriesPerMinute: number }[];
  products: SyntheticProduct[];
  /** True slopes of the generating process. */
  minutes: number;
  traffic: number;
  price: number;
  mechanism: Partial<Record<MechanismKind, number>>;
  /** sd of log-normal noise per item. */
  noise: number;
  itemsPerSession?: number;
}

export const day = 86_400_000;

/**
 * A history generated from the model's own log-linear form with known slopes, so tests can check
 * what the fit recovers. One session a day; each session runs a random subset of the products.
 */
export function syntheticHistory(o: SyntheticOptions): ForecastHistory {
  const rnd = seeded(o.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const ref = Math.exp(o.accounts.reduce((s, a) => s + Math.log(a.entriesPerMinute), 0) / o.accounts.length);
  const mechanisms: MechanismKind[] = ['none', 'coupon', 'gift', 'flash_sale'];
  const sessions: SessionSalesRecord[] = [];
  const products: ProductSalesRecord[] = [];
  for (let n = 0; n < o.sessions; n++) {
    const account = o.accounts[n % o.accounts.length]!;
    const rate = account.entriesPerMinute * Math.exp(0.1 * normal());
    const minutes = 120;
    const startedAt = o.start + n * day;
    const sessionId = `ses_${String(n).padStart(3, '0')}`;
    const chosen = o.products.filter(() => rnd() < (o.itemsPerSession ?? 5) / o.products.length);
    let gmvTotal = 0;
    let refundTotal = 0;
    let orders = 0;
    for (const p of chosen) {
      const explainMin = 3 + Math.floor(rnd() * 18);
      const price = Math.round((p.priceFen * (0.8 + 0.4 * rnd())) / 10) * 10;
      const mechanism = mechanisms[Math.floor(rnd() * mechanisms.length)]!;
      const logGmv =
        p.level +
        o.minutes * Math.log(explainMin) +
        o.traffic * Math.log(rate / ref) +
        o.price * Math.log(price / p.priceFen) +
        (o.mechanism[mechanism] ?? 0) +
        o.noise * normal();
      const units = Math.max(0, Math.round(Math.exp(logGmv) / price));
      const gmvFen = units * price;
      const refundFen = Math.round(gmvFen * p.refundRate);
      gmvTotal += gmvFen;
      refundTotal += refundFen;
      orders += units;
      products.push({
        sessionId,
        productId: p.id,
        skuId: `${p.id}_sku`,
        startedAt,
        accountId: account.id,
        source: 'douyin',
        explainSeconds: explainMin * 60,
        explainSegments: 1,
        impressions: units * 20,
        clicks: units * 4,
        paidOrders: units,
        units,
        gmvFen,
        refundFen,
        refundedOrders: Math.round(units * p.refundRate),
        minUnitPriceFen: units > 0 ? price : null,
        listedPriceFen: price,
        mechanism,
      });
    }
    sessions.push({
      sessionId,
      accountId: account.id,
      source: 'douyin',
      startedAt,
      endedAt: startedAt + minutes * 60_000,
      entries: Math.round(rate * minutes),
      uniqueViewers: Math.round(rate * minutes * 0.8),
      paidOrders: orders,
      gmvFen: gmvTotal,
      refundFen: refundTotal,
    });
  }
  return {
    sessions,
    products,
    categoryPaths: new Map(o.products.map((p) => [p.id, p.path])),
  };
}

/** A catalogue of two parents with two leaves each, products at distinct levels. */
export const syntheticProducts: SyntheticProduct[] = [
  { id: 'prd_lipstick', path: ['cat_makeup', 'cat_beauty'], level: 11.1, priceFen: 6_990, refundRate: 0.12 },
  { id: 'prd_powder', path: ['cat_makeup', 'cat_beauty'], level: 10.7, priceFen: 14_900, refundRate: 0.14 },
  { id: 'prd_serum', path: ['cat_skincare', 'cat_beauty'], level: 11.6, priceFen: 25_900, refundRate: 0.15 },
  { id: 'prd_cream', path: ['cat_skincare', 'cat_beauty'], level: 11.3, priceFen: 19_800, refundRate: 0.13 },
  { id: 'prd_nuts', path: ['cat_snacks', 'cat_food'], level: 10.9, priceFen: 7_990, refundRate: 0.05 },
  { id: 'prd_bread', path: ['cat_snacks', 'cat_food'], level: 10.1, priceFen: 990, refundRate: 0.04 },
  { id: 'prd_rice', path: ['cat_staples', 'cat_food'], level: 10.4, priceFen: 5_990, refundRate: 0.06 },
  { id: 'prd_milk', path: ['cat_staples', 'cat_food'], level: 10.3, priceFen: 4_990, refundRate: 0.05 },
];

/** The defaults most tests use: 40 sessions on two accounts, a known process, modest noise. */
export function defaultSynthetic(overrides: Partial<SyntheticOptions> = {}): ForecastHistory {
  return syntheticHistory({
    seed: 7,
    sessions: 40,
    start: Date.UTC(2026, 5, 1, 12),
    accounts: [
      { id: 'acc_big', entriesPerMinute: 300 },
      { id: 'acc_small', entriesPerMinute: 60 },
    ],
    products: syntheticProducts,
    minutes: 0.8,
    traffic: 1,
    price: 0.5,
    mechanism: { coupon: Math.log(1.3), gift: Math.log(1.1), flash_sale: Math.log(1.8) },
    noise: 0.15,
    ...overrides,
  });
}
