import type { ForecastHistory, MechanismKind } from './forecast-model.types.js';
import { mechanismKinds } from './forecast-model.types.js';
import { median, solveLinear } from './linear-solve.js';
import { fitRates, type RateModel } from './rate-shrinkage.js';
import {
  defaultModelOptions,
  historyBefore,
  observationsOf,
  trafficModel,
  type ModelOptions,
  type Observation,
  type TrafficModel,
} from './training-set.js';

/**
 * The slopes shared by every product, on log GMV: explain minutes (elasticity), traffic
 * (elasticity), price against the product's usual price (elasticity of GMV, not units), and one
 * multiplier per mechanism against none.
 */
export interface Slopes {
  minutes: number;
  traffic: number;
  price: number;
  mechanism: Record<MechanismKind, number>;
}

// Prior mean and sd of each slope. GMV grows less than proportionally with explain time (viewers
// already in the room see the card at once); traffic carries GMV about one to one; a price cut
// sells more units for about the same GMV; mechanisms lift sales modestly. The data move each
// slope away from its prior as far as they support, so a mechanism needs history to earn its
// factor ("when there is enough of it").
const priors: { name: string; mean: number; sd: number }[] = [
  { name: 'minutes', mean: 0.8, sd: 0.25 },
  { name: 'traffic', mean: 1, sd: 0.3 },
  { name: 'price', mean: 0, sd: 0.5 },
  { name: 'coupon', mean: Math.log(1.15), sd: 0.3 },
  { name: 'gift', mean: Math.log(1.1), sd: 0.3 },
  { name: 'flash_sale', mean: Math.log(1.3), sd: 0.3 },
  { name: 'giveaway', mean: Math.log(1.1), sd: 0.3 },
];
const mechanismColumns = mechanismKinds.filter((m) => m !== 'none');

/** A product's own level from its sessions. */
export interface ProductLevel {
  /** Recency-weighted mean of its residual log GMV at the reference conditions. */
  level: number;
  /** Effective number of sessions (sum of recency weights). */
  weight: number;
  sessions: number;
  /** The price its history sold at (median), against which a new price is a ratio. */
  usualPriceFen: number;
}

/** A category's level: the mean of its products' levels, shrunk toward its parent's. */
export interface CategoryLevel {
  level: number;
  products: number;
  sessions: number;
}

/** A fitted model at one moment: everything a forecast needs, nothing from the future. */
export interface FittedModel {
  asOf: number;
  options: ModelOptions;
  slopes: Slopes;
  /** Variance of one session's log GMV around its product's level. */
  residualVariance: number;
  /** Pseudo-sessions of the category level mixed into a product's own level. */
  productShrinkage: number;
  products: ReadonlyMap<string, ProductLevel>;
  categories: ReadonlyMap<string, CategoryLevel>;
  org: CategoryLevel;
  traffic: TrafficModel;
  rates: RateModel;
  sessions: number;
  observations: number;
}

function features(o: Observation, traffic: TrafficModel, usualPrice: number): number[] {
  return [
    Math.log(o.minutes),
    traffic.sessionLog(o.session.sessionId),
    Math.log(o.priceFen / usualPrice),
    ...mechanismColumns.map((m) => (o.mechanism === m ? 1 : 0)),
  ];
}

/** MAP estimate of the slopes with product fixed effects: within-product demeaning, Gaussian priors. */
function fitSlopes(rows: { x: number[]; y: number; product: string }[], noise: number): number[] {
  const k = priors.length;
  const groups = new Map<string, { x: number[]; y: number; n: number }>();
  for (const r of rows) {
    const g = groups.get(r.product) ?? { x: new Array<number>(k).fill(0), y: 0, n: 0 };
    r.x.forEach((v, j) => (g.x[j] = g.x[j]! + v));
    g.y += r.y;
    g.n += 1;
    groups.set(r.product, g);
  }
  const ata = priors.map((p, i) => priors.map((_, j) => (i === j ? noise / p.sd ** 2 : 0)));
  const atb = priors.map((p) => (noise * p.mean) / p.sd ** 2);
  for (const r of rows) {
    const g = groups.get(r.product)!;
    const dx = r.x.map((v, j) => v - g.x[j]! / g.n);
    const dy = r.y - g.y / g.n;
    for (let i = 0; i < k; i++) {
      atb[i] = atb[i]! + dx[i]! * dy;
      for (let j = 0; j < k; j++) ata[i]![j] = ata[i]![j]! + dx[i]! * dx[j]!;
    }
  }
  return solveLinear(ata, atb) ?? priors.map((p) => p.mean);
}

/**
 * Fits the model on the sessions that started before `asOf`. Returns undefined when there is not
 * one explained product with a price to learn from.
 */
export function fitModel(
  full: ForecastHistory,
  asOf: number,
  options: ModelOptions = defaultModelOptions,
): FittedModel | undefined {
  const history = historyBefore(full, asOf);
  const observations = observationsOf(history, asOf, options);
  if (observations.length === 0) return undefined;
  const traffic = trafficModel(history.sessions, options);

  const usual = new Map<string, number[]>();
  for (const o of observations)
    usual.set(o.record.productId, [...(usual.get(o.record.productId) ?? []), o.priceFen]);
  const usualPrice = new Map([...usual].map(([id, list]) => [id, median(list)]));
  const rows = observations.map((o) => ({
    o,
    product: o.record.productId,
    x: features(o, traffic, usualPrice.get(o.record.productId)!),
    y: o.y,
  }));

  // Two passes: the noise variance sets how hard the priors pull, and comes from the first fit.
  let noise = 0.15;
  let b = fitSlopes(rows, noise);
  const residuals = () => {
    const byProduct = new Map<string, number[]>();
    for (const r of rows) {
      const e = r.y - r.x.reduce((s, v, j) => s + v * b[j]!, 0);
      byProduct.set(r.product, [...(byProduct.get(r.product) ?? []), e]);
    }
    return byProduct;
  };
  const withinVariance = (byProduct: Map<string, number[]>) => {
    let ss = 0;
    let dof = 0;
    for (const list of byProduct.values()) {
      const m = list.reduce((s, v) => s + v, 0) / list.length;
      ss += list.reduce((s, v) => s + (v - m) ** 2, 0);
      dof += list.length - 1;
    }
    return dof >= 5 ? Math.max(0.01, ss / dof) : noise;
  };
  noise = withinVariance(residuals());
  b = fitSlopes(rows, noise);
  noise = withinVariance(residuals());

  const products = new Map<string, ProductLevel>();
  const acc = new Map<string, { sum: number; w: number; n: number }>();
  for (const r of rows) {
    const e = r.y - r.x.reduce((s, v, j) => s + v * b[j]!, 0);
    const a = acc.get(r.product) ?? { sum: 0, w: 0, n: 0 };
    a.sum += r.o.weight * e;
    a.w += r.o.weight;
    a.n += 1;
    acc.set(r.product, a);
  }
  for (const [id, a] of acc) {
    products.set(id, { level: a.sum / a.w, weight: a.w, sessions: a.n, usualPriceFen: usualPrice.get(id)! });
  }

  const { categories, org } = categoryLevels(products, history.categoryPaths);
  const productShrinkage = shrinkageOf(products, categories, org, history.categoryPaths, noise);
  return {
    asOf,
    options,
    slopes: {
      minutes: b[0]!,
      traffic: b[1]!,
      price: b[2]!,
      mechanism: {
        none: 0,
        ...(Object.fromEntries(mechanismColumns.map((m, i) => [m, b[3 + i]!])) as Record<
          Exclude<MechanismKind, 'none'>,
          number
        >),
      },
    },
    residualVariance: noise,
    productShrinkage,
    products,
    categories,
    org,
    traffic,
    rates: fitRates(history, asOf, options),
    sessions: history.sessions.length,
    observations: observations.length,
  };
}

// A category's mean is mixed with its parent's by this many pseudo-products.
const categoryShrinkage = 1;

/** Category levels from the root down: each the mean of its products' levels, shrunk to its parent. */
function categoryLevels(
  products: ReadonlyMap<string, ProductLevel>,
  paths: ReadonlyMap<string, readonly string[]>,
): { categories: Map<string, CategoryLevel>; org: CategoryLevel } {
  const list = [...products.values()];
  const org: CategoryLevel = {
    level: list.reduce((s, p) => s + p.level, 0) / list.length,
    products: list.length,
    sessions: list.reduce((s, p) => s + p.sessions, 0),
  };
  const members = new Map<string, ProductLevel[]>();
  const parent = new Map<string, string | undefined>();
  for (const [id, p] of products) {
    const path = paths.get(id) ?? [];
    path.forEach((c, i) => {
      members.set(c, [...(members.get(c) ?? []), p]);
      if (!parent.has(c)) parent.set(c, path[i + 1]);
    });
  }
  const categories = new Map<string, CategoryLevel>();
  const levelOf = (c: string, seen: Set<string>): CategoryLevel => {
    const done = categories.get(c);
    if (done) return done;
    const up = parent.get(c);
    // A cycle in bad catalogue data ends at the organisation.
    const base = up === undefined || seen.has(up) ? org : levelOf(up, new Set([...seen, c]));
    const own = members.get(c) ?? [];
    const level =
      (own.reduce((s, p) => s + p.level, 0) + categoryShrinkage * base.level) /
      (own.length + categoryShrinkage);
    const result = { level, products: own.length, sessions: own.reduce((s, p) => s + p.sessions, 0) };
    categories.set(c, result);
    return result;
  };
  for (const c of members.keys()) levelOf(c, new Set([c]));
  return { categories, org };
}

/** The most specific category of a path that the history knows, or undefined. */
export function knownCategory(
  path: readonly string[],
  categories: ReadonlyMap<string, CategoryLevel>,
): { id: string; level: CategoryLevel } | undefined {
  for (const id of path) {
    const level = categories.get(id);
    if (level !== undefined && level.products > 0) return { id, level };
  }
  return undefined;
}

/**
 * Empirical-Bayes pseudo-sessions for a product's own level: within-product noise over the spread
 * of product levels around their category's (what a session says versus what the category says).
 */
function shrinkageOf(
  products: ReadonlyMap<string, ProductLevel>,
  categories: ReadonlyMap<string, CategoryLevel>,
  org: CategoryLevel,
  paths: ReadonlyMap<string, readonly string[]>,
  noise: number,
): number {
  if (products.size < 3) return 1;
  let spread = 0;
  let sampling = 0;
  for (const [id, p] of products) {
    const prior = knownCategory(paths.get(id) ?? [], categories)?.level.level ?? org.level;
    spread += (p.level - prior) ** 2;
    sampling += noise / Math.max(1, p.weight);
  }
  const between = Math.max(0.02, (spread - sampling) / products.size);
  return Math.min(5, Math.max(0.1, noise / between));
}
