import type { Random } from './random.js';
import type { ResolvedLineupItem } from './session-plan.schema.js';

/** What shapes one viewer's odds at one step of the funnel. */
export interface PurchaseContext {
  item: ResolvedLineupItem;
  /** The product is the one being explained right now. */
  explaining: boolean;
  /** Viewer's buy propensity × the source's buy intent (around 1). */
  intent: number;
}

// Price sensitivity relative to a ¥99 reference: cheaper items convert better, with a soft
// elasticity so a ¥399 serum still sells, just less often than a ¥39 snack.
function priceFactor(priceFen: number): number {
  return Math.min(1.6, Math.max(0.5, (9_900 / priceFen) ** 0.25));
}

const mechanismPull: Readonly<Record<ResolvedLineupItem['mechanism'], number>> = {
  none: 1,
  gift: 1.1,
  coupon: 1.15,
  flash_sale: 1.4,
};

function clamp01(p: number): number {
  return Math.min(0.95, Math.max(0, p));
}

/**
 * Impression → click. Explained products see 10–25% CTR on Douyin big screens, products merely
 * listed in the bag a third of that.
 */
export function clickProbability(ctx: PurchaseContext): number {
  const { item, explaining, intent } = ctx;
  // A listed product gets neither the anchor's pitch nor the mechanism's urgency.
  const lift = explaining ? mechanismPull[item.mechanism] : 0.35;
  return clamp01((0.03 + 0.22 * item.appeal * priceFactor(item.priceFen) * intent) * lift);
}

/** Click → cart (加购 or 立即购买 into the order page): roughly a quarter to a half. */
export function cartProbability(ctx: PurchaseContext): number {
  const { item, intent } = ctx;
  return clamp01((0.12 + 0.3 * item.appeal * Math.sqrt(priceFactor(item.priceFen))) * Math.sqrt(intent));
}

/** Cart → order created: most who reach the order page submit, less so for dear items. */
export function orderProbability(ctx: PurchaseContext): number {
  const { item, explaining, intent } = ctx;
  const urgency = explaining ? mechanismPull[item.mechanism] : 1;
  return clamp01((0.4 + 0.3 * item.appeal) * priceFactor(item.priceFen) ** 0.5 * urgency * Math.sqrt(intent));
}

/** Order created → paid: 75–90% pay; the rest abandon at the cashier and time out. */
export function payProbability(item: ResolvedLineupItem): number {
  return clamp01(0.7 + 0.12 * priceFactor(item.priceFen));
}

/** Units in one order: mostly one, sometimes two or three (拍二发三-style bundles aside). */
export function drawQuantity(random: Random): number {
  return random.weighted([1, 2, 3], [0.87, 0.1, 0.03]);
}

/** Seconds between funnel steps, as seen in click-stream data: quick taps, a slower checkout. */
export const stepDelaySec = {
  impressionAfterEntry: (random: Random) => random.uniform(1, 6),
  impressionAfterExplainStart: (random: Random) => random.uniform(0, 10),
  click: (random: Random) => random.lognormalMedian(4, 0.6),
  cart: (random: Random) => random.lognormalMedian(8, 0.6),
  order: (random: Random) => random.lognormalMedian(15, 0.6),
  pay: (random: Random) => random.lognormalMedian(20, 0.8),
} as const;

// Unpaid orders are closed by the platform after about 10 minutes (5–15 across platforms), which
// returns their locked stock.
export const unpaidOrderTimeoutMs = 10 * 60_000;

const refundReasons = [
  '不想要了',
  '拍错了/拍多了',
  '尺码不合适',
  '质量问题',
  '与描述不符',
  '发货太慢',
] as const;

/** One refund of a paid order. */
export interface RefundDraw {
  delayMs: number;
  /** Pre-shipment regret (仅退款) lands within minutes; returns after delivery days later. */
  stage: 'before_shipment' | 'after_delivery';
  amountFen: number;
  reason: (typeof refundReasons)[number];
}

/**
 * Decides whether a paid order is refunded, when and for how much. Around 45% of live-commerce
 * refunds are impulse regret before shipment; the rest come after delivery, 24 h to `tailHours`
 * later (with a tail of a day or less, every refund is an early one). Most refunds are whole; a multi-unit order may return some units, and a single unit may
 * get a partial refund (compensation, 价保).
 */
export function drawRefund(options: {
  random: Random;
  item: ResolvedLineupItem;
  quantity: number;
  paidFen: number;
  tailHours: number;
}): RefundDraw | undefined {
  const { random, item, quantity, paidFen, tailHours } = options;
  if (!random.chance(item.refundRate)) return undefined;
  const early = tailHours <= 24 || random.chance(0.45);
  const delayMs = early
    ? Math.round(random.lognormalMedian(12 * 60_000, 0.8))
    : Math.round(random.uniform(24, tailHours) * 3_600_000);
  let amountFen = paidFen;
  if (random.chance(0.15)) {
    amountFen =
      quantity > 1
        ? item.priceFen * random.int(1, quantity)
        : Math.max(1, Math.floor(paidFen * random.uniform(0.1, 0.5)));
  }
  const reason = early
    ? random.weighted(refundReasons, [0.55, 0.35, 0.05, 0, 0, 0.05])
    : random.weighted(refundReasons, [0.2, 0.05, item.category === 'apparel' ? 0.45 : 0.05, 0.15, 0.15, 0]);
  return { delayMs, stage: early ? 'before_shipment' : 'after_delivery', amountFen, reason };
}
