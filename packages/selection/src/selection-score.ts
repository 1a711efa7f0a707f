import { defaultScoreWeights, type ScoreComponent } from '@livecloud/contracts/vocabulary';
import type { ConversionEstimate, StockNeed } from './history-stats.js';
import type { CatalogueEntry, CatalogueSku, SessionRequirement } from './ports.js';
import { describeSource, type LowestPriceCheck } from './price-window.js';
import { isFullMatch, marginBp, matchRequirement, missedCriteria } from './requirement-match.js';

export { scoreComponents, type ScoreComponent } from '@livecloud/contracts/vocabulary';
export type ScoreWeights = Record<ScoreComponent, number>;

/**
 * The default weights. They sum to 100, so with every component applicable a component's
 * weight is the most points it can give; components that cannot be judged for a SKU (no
 * session, no sales history, no price reference) drop out and the rest are scaled up to 100.
 */
export const defaultWeights: ScoreWeights = { ...defaultScoreWeights };

/** A gross margin of 50 % or more earns the whole margin weight; 0 % or less earns nothing. */
export const marginTargetBp = 5000;
/** A commission rate of 30 % or more earns the whole commission weight. */
export const commissionTargetBp = 3000;
/** A live price this far (10 %) above the lowest price seen or further earns no lowest-price points. */
export const lowestPriceToleranceBp = 1000;

type ParamValue = string | number | boolean | null | string[];

/** One component of a score: what went in, what it became, and why — never an opaque number. */
export interface ComponentScore {
  component: ScoreComponent;
  /** False when the component cannot be judged for this SKU; it then gives no points and its weight drops out. */
  applicable: boolean;
  /** The measured value (a ratio, e.g. 0.42 for a 42 % margin); null when not applicable. */
  raw: number | null;
  /** The value on the 0–1 scale the weight multiplies; null when not applicable. */
  normalised: number | null;
  weight: number;
  /** Points of the 0–100 score this component contributed. */
  points: number;
  /** A machine-readable reason with its parameters, for the UI to put into words. */
  reason: { code: string; params: Record<string, ParamValue> };
}

export interface SkuScore {
  /** 0–100; null when no component with a weight above 0 could be judged. */
  score: number | null;
  /** Sum of the weights of the applicable components (the 100 points are shared among them). */
  applicableWeight: number;
  components: ComponentScore[];
}

/** Everything a SKU's score depends on, already looked up. */
export interface ScoreInput {
  product: CatalogueEntry;
  sku: CatalogueSku;
  conversion: ConversionEstimate | null;
  /** The session's requirements; null when no session is chosen. */
  requirements: readonly SessionRequirement[] | null;
  stockNeed: StockNeed;
  lowestPrice: LowestPriceCheck;
  /** The look-back of the lowest-price check, in days. */
  windowDays: number;
}

type Judged = Omit<ComponentScore, 'weight' | 'points'>;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function notApplicable(
  component: ScoreComponent,
  code: string,
  params: Record<string, ParamValue> = {},
): Judged {
  return { component, applicable: false, raw: null, normalised: null, reason: { code, params } };
}

function judged(
  component: ScoreComponent,
  raw: number,
  normalised: number,
  code: string,
  params: Record<string, ParamValue>,
): Judged {
  return {
    component,
    applicable: true,
    raw: round(raw, 4),
    normalised: round(clamp01(normalised), 4),
    reason: { code, params },
  };
}

function marginComponent(sku: CatalogueSku): Judged {
  const bp = marginBp(sku);
  if (bp === null) return notApplicable('margin', 'margin_no_live_price');
  return judged('margin', bp / 10_000, bp / marginTargetBp, bp < 0 ? 'margin_negative' : 'margin', {
    marginBp: bp,
    targetBp: marginTargetBp,
  });
}

function commissionComponent(sku: CatalogueSku): Judged {
  return judged(
    'commission',
    sku.commissionBp / 10_000,
    sku.commissionBp / commissionTargetBp,
    'commission',
    {
      commissionBp: sku.commissionBp,
      targetBp: commissionTargetBp,
    },
  );
}

/** The organisation's average rate scores 0.5; twice the average or better scores 1. */
function conversionComponent(estimate: ConversionEstimate | null): Judged {
  if (estimate === null) return notApplicable('conversion', 'conversion_no_history');
  const normalised = estimate.orgRate > 0 ? estimate.rate / (2 * estimate.orgRate) : 0;
  const params = {
    clicks: estimate.clicks,
    orders: estimate.orders,
    rawRate: estimate.rawRate === null ? null : round(estimate.rawRate, 4),
    rate: round(estimate.rate, 4),
    categoryRate: round(estimate.categoryRate, 4),
    orgRate: round(estimate.orgRate, 4),
    priorClicks: estimate.priorClicks.product,
    categoryPriorClicks: estimate.priorClicks.category,
  };
  return judged(
    'conversion',
    estimate.rate,
    normalised,
    estimate.clicks === 0 ? 'conversion_prior_only' : 'conversion_shrunk',
    params,
  );
}

/**
 * Fit with the session: 1 when some requirement is met in full; when the category matches but
 * the price band or the margin does not, a third for each criterion met (category included);
 * 0 when no requirement's category matches. The best requirement counts.
 */
function fitComponent(
  product: CatalogueEntry,
  sku: CatalogueSku,
  requirements: readonly SessionRequirement[] | null,
): Judged {
  if (requirements === null) return notApplicable('fit', 'fit_no_session');
  if (requirements.length === 0) return notApplicable('fit', 'fit_no_requirements');
  let best: { value: number; requirementId: string; missed: string[] } | null = null;
  for (const requirement of requirements) {
    const match = matchRequirement(product, sku, requirement);
    if (!match.category) continue;
    const value = isFullMatch(match) ? 1 : (1 + Number(match.priceBand) + Number(match.margin)) / 3;
    if (best === null || value > best.value)
      best = { value, requirementId: requirement.id, missed: missedCriteria(match) };
  }
  if (best === null) return judged('fit', 0, 0, 'fit_none', { requirements: requirements.length });
  return judged('fit', best.value, best.value, best.value === 1 ? 'fit_full' : 'fit_partial', {
    requirementId: best.requirementId,
    missed: best.missed,
  });
}

function stockComponent(sku: CatalogueSku, need: StockNeed): Judged {
  const available = Math.max(0, sku.availableStock);
  const ratio = available / need.units;
  const code = available === 0 ? 'stock_out' : ratio < 1 ? 'stock_short' : 'stock_enough';
  return judged('stock', ratio, ratio, code, { available, need: need.units, basis: need.basis });
}

function lowestPriceComponent(sku: CatalogueSku, check: LowestPriceCheck, days: number): Judged {
  const lowest = check.lowest;
  if (lowest === null) return notApplicable('lowest_price', 'lowest_price_no_reference', { days });
  const params = {
    livePriceFen: sku.livePriceFen,
    lowestFen: lowest.priceFen,
    source: describeSource(lowest),
    observedAt: new Date(lowest.at).toISOString(),
    days,
  };
  if (!check.flagged)
    return judged('lowest_price', (check.gapBp ?? 0) / 10_000, 1, 'lowest_price_kept', params);
  const gapBp = check.gapBp;
  return judged(
    'lowest_price',
    gapBp === null ? 1 : gapBp / 10_000,
    gapBp === null ? 0 : 1 - gapBp / lowestPriceToleranceBp,
    'lowest_price_above',
    { ...params, gapFen: check.gapFen ?? 0, gapBp, toleranceBp: lowestPriceToleranceBp },
  );
}

/**
 * A SKU's selection score: Σ weight × normalised value over the applicable components, divided
 * by the sum of their weights and scaled to 100. Pure; every input is looked up beforehand.
 */
export function scoreSku(input: ScoreInput, weights: ScoreWeights = defaultWeights): SkuScore {
  const parts: Judged[] = [
    marginComponent(input.sku),
    commissionComponent(input.sku),
    conversionComponent(input.conversion),
    fitComponent(input.product, input.sku, input.requirements),
    stockComponent(input.sku, input.stockNeed),
    lowestPriceComponent(input.sku, input.lowestPrice, input.windowDays),
  ];
  const applicableWeight = parts.reduce((sum, p) => sum + (p.applicable ? weights[p.component] : 0), 0);
  const components = parts.map((part): ComponentScore => {
    const weight = weights[part.component];
    const points =
      part.applicable && applicableWeight > 0
        ? (100 * weight * (part.normalised ?? 0)) / applicableWeight
        : 0;
    return { ...part, weight, points: round(points, 2) };
  });
  const total = parts.reduce(
    (sum, p) => sum + (p.applicable ? weights[p.component] * (p.normalised ?? 0) : 0),
    0,
  );
  return {
    score: applicableWeight > 0 ? round((100 * total) / applicableWeight, 1) : null,
    applicableWeight: round(applicableWeight, 4),
    components,
  };
}

/** Default weights with the given ones in their place; throws nothing, the schema validates. */
export function resolveWeights(overrides: Partial<ScoreWeights> | undefined): ScoreWeights {
  return { ...defaultWeights, ...overrides };
}
