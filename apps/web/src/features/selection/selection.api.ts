import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';

export const pricePlatforms = [
  'douyin',
  'kuaishou',
  'taobao',
  'xiaohongshu',
  'wechat_channels',
  'jd',
  'pdd',
  'tmall',
  'other',
] as const;
export type PricePlatform = (typeof pricePlatforms)[number];

export const scoreComponents = [
  'margin',
  'commission',
  'conversion',
  'fit',
  'stock',
  'lowest_price',
] as const;
export type ScoreComponent = (typeof scoreComponents)[number];

export interface PricePoint {
  skuId: string | null;
  priceFen: number;
  observedAt: string;
  source: 'platform' | 'import' | 'manual' | 'session';
  platform: PricePlatform | null;
  reference: string | null;
  observationId: string | null;
  sessionId: string | null;
}

export interface Observation {
  id: string;
  productId: string;
  skuId: string | null;
  source: 'platform' | 'import' | 'manual';
  platform: PricePlatform | null;
  priceFen: number;
  observedAt: string;
  reference: string | null;
  note: string | null;
  createdBy: { type: string; id: string | null };
  createdAt: string;
}

export interface ObservationInput {
  productId: string;
  skuId?: string | null;
  source: 'platform' | 'manual';
  platform?: PricePlatform | null;
  priceFen: number;
  observedAt?: string;
  reference?: string | null;
  note?: string | null;
}

interface CheckFields {
  livePriceFen: number;
  lowest: PricePoint | null;
  flagged: boolean;
  gapFen: number | null;
  gapBp: number | null;
}

export interface PriceHistory {
  productId: string;
  title: string;
  days: number;
  since: string;
  until: string;
  skus: (CheckFields & { skuId: string; spec: string; points: PricePoint[] })[];
}

export interface ImportReport {
  total: number;
  taken: number;
  rejected: number;
  ignoredColumns: string[];
  rows: {
    line: number;
    productId: string;
    skuId: string | null;
    status: 'taken' | 'rejected';
    observationId: string | null;
    reasons: { column: string | null; code: string; message: string }[];
  }[];
}

export type ReasonParam = string | number | boolean | null | string[];

export interface ComponentScore {
  component: ScoreComponent;
  applicable: boolean;
  raw: number | null;
  normalised: number | null;
  weight: number;
  points: number;
  reason: { code: string; params: Record<string, ReasonParam> };
}

export interface SkuScore {
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  brand: string | null;
  merchantName: string;
  categoryId: string;
  categoryName: string;
  status: string | null;
  approved: boolean;
  listPriceFen: number;
  livePriceFen: number;
  costFen: number;
  marginBp: number | null;
  commissionBp: number;
  availableStock: number;
  lowestPrice: { lowest: PricePoint | null; flagged: boolean; gapFen: number | null; gapBp: number | null };
  conversion: {
    clicks: number;
    orders: number;
    rawRate: number | null;
    rate: number;
    categoryRate: number;
    orgRate: number;
  } | null;
  score: number | null;
  applicableWeight: number;
  components: ComponentScore[];
}

export interface SelectionSession {
  id: string;
  title: string;
  plannedStart: string;
  plannedEnd: string;
  status: string;
}

export interface Requirement {
  id: string;
  categories: string[];
  priceMinFen: number | null;
  priceMaxFen: number | null;
  minMarginBp: number | null;
  itemCount: number;
  note: string | null;
}

export interface Scores {
  session: SelectionSession | null;
  requirements: Requirement[];
  days: number;
  weights: Record<ScoreComponent, number>;
  conversionPrior: { productClicks: number; categoryClicks: number };
  conversionLookbackDays: number;
  items: SkuScore[];
}

export interface ShortlistItem {
  sessionId: string;
  productId: string;
  skuId: string;
  note: string | null;
  addedBy: { type: string; id: string | null };
  addedAt: string;
  scored: SkuScore | null;
}

export interface Shortlist {
  session: SelectionSession;
  days: number;
  weights: Record<string, number>;
  items: ShortlistItem[];
}

export interface SkuRef {
  productId: string;
  skuId: string;
  title: string;
  spec: string;
}

export interface Coverage {
  session: SelectionSession;
  allMet: boolean;
  requirements: {
    requirement: Requirement;
    matching: SkuRef[];
    counted: SkuRef[];
    count: number;
    itemCount: number;
    status: 'met' | 'short';
    shortBy: number;
    nearMisses: (SkuRef & { missed: ('category' | 'price_band' | 'margin')[] })[];
  }[];
  unmatched: SkuRef[];
  missing: { productId: string; skuId: string }[];
}

/** What the page scores against: a session (optional), the look-back and the weights. */
export interface ScoreParams {
  sessionId: string | null;
  days: number;
  approvedOnly: boolean;
  /** Only the weights that differ from the defaults. */
  weights: Partial<Record<ScoreComponent, number>>;
}

const v1 = '/api/v1/selection';
const id = (value: string) => encodeURIComponent(value);

function weightsParam(weights: Partial<Record<ScoreComponent, number>>): string | null {
  const pairs = Object.entries(weights).map(([name, value]) => `${name}:${value}`);
  return pairs.length === 0 ? null : pairs.join(',');
}

function query(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A session to select for, as GET /selection/sessions lists it (no live:read needed). */
export interface SelectableSession extends SelectionSession {
  roomName: string;
  requirementCount: number;
}

export const selectionApi = {
  sessions: (signal?: AbortSignal) => api.get<{ items: SelectableSession[] }>(`${v1}/sessions`, { signal }),
  scores: (params: ScoreParams, signal?: AbortSignal) =>
    api.get<Scores>(
      `${v1}/scores${query({
        sessionId: params.sessionId,
        days: params.days,
        approvedOnly: params.approvedOnly ? true : null,
        weights: weightsParam(params.weights),
        limit: 500,
      })}`,
      { signal },
    ),
  compare: (items: { productId: string; skuId: string }[], params: ScoreParams, signal?: AbortSignal) =>
    api.get<Scores>(
      `${v1}/compare${query({
        skuIds: items.map((i) => i.skuId).join(','),
        productIds: [...new Set(items.map((i) => i.productId))].join(','),
        sessionId: params.sessionId,
        days: params.days,
        weights: weightsParam(params.weights),
      })}`,
      { signal },
    ),
  history: (productId: string, days: number, signal?: AbortSignal) =>
    api.get<PriceHistory>(`${v1}/products/${id(productId)}/prices${query({ days })}`, { signal }),
  observations: (productId: string, signal?: AbortSignal) =>
    api.get<ListResponse<Observation>>(`${v1}/products/${id(productId)}/observations?limit=200`, { signal }),
  observe: (input: ObservationInput) => api.post<Observation>(`${v1}/observations`, input),
  removeObservation: (observationId: string) =>
    api.delete<Observation>(`${v1}/observations/${id(observationId)}`),
  importCsv: (csv: string) => api.post<ImportReport>(`${v1}/observations/import`, { csv }),
  shortlist: (sessionId: string, params: ScoreParams, signal?: AbortSignal) =>
    api.get<Shortlist>(
      `${v1}/sessions/${id(sessionId)}/shortlist${query({ days: params.days, weights: weightsParam(params.weights) })}`,
      { signal },
    ),
  coverage: (sessionId: string, signal?: AbortSignal) =>
    api.get<Coverage>(`${v1}/sessions/${id(sessionId)}/coverage`, { signal }),
  addToShortlist: (sessionId: string, input: { productId: string; skuId: string; note?: string | null }) =>
    api.post<ShortlistItem>(`${v1}/sessions/${id(sessionId)}/shortlist`, input),
  removeFromShortlist: (sessionId: string, skuId: string) =>
    api.delete<ShortlistItem>(`${v1}/sessions/${id(sessionId)}/shortlist/${id(skuId)}`),
};

/** Default weights, as the server documents them; shown in the weights editor. */
export const defaultWeights: Record<ScoreComponent, number> = {
  margin: 25,
  commission: 15,
  conversion: 25,
  fit: 15,
  stock: 10,
  lowest_price: 10,
};

/** A price-import template with a BOM so Excel opens it as UTF-8. */
export const priceCsvTemplate = `\uFEFF商品ID,SKU ID,平台,价格(元),观测时间,来源链接,备注\nprd_…,sku_…,抖音,79.90,2026-11-11 20:00,https://v.douyin.com/…,双11 竞品直播间\n`;
