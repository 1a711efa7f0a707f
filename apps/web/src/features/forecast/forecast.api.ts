import { api } from '../../api/client';

export type ForecastBasis = 'product' | 'category' | 'org' | 'none';
export type ForecastMechanism = 'none' | 'coupon' | 'gift' | 'flash_sale' | 'giveaway';
export type ForecastWarning =
  | 'product_not_in_catalogue'
  | 'sku_not_in_catalogue'
  | 'no_stock_allocated'
  | 'price_far_from_history'
  | 'unknown_mechanism';

/** A forecast value with its 80% interval (p10–p90). */
export interface ForecastRange {
  point: number;
  low: number;
  high: number;
}

export interface ProfitBreakdown {
  gmvFen: number;
  refundFen: number;
  netGmvFen: number;
  costOfGoodsFen: number;
  commissionFen: number;
  platformFeeFen: number;
  profitFen: number;
}

export interface ForecastItem {
  itemId: string | null;
  position: number;
  productId: string;
  skuId: string;
  title: string | null;
  skuSpec: string | null;
  categoryName: string | null;
  explainMinutes: number;
  livePriceFen: number;
  mechanism: ForecastMechanism;
  stockAllocation: number | null;
  basis: ForecastBasis;
  basisCategoryId: string | null;
  basisSessions: number;
  gmvFen: ForecastRange | null;
  paidOrders: ForecastRange | null;
  units: ForecastRange | null;
  refundFen: ForecastRange | null;
  refundRate: number | null;
  profitFen: ForecastRange | null;
  profit: ProfitBreakdown | null;
  stockCapped: boolean;
  factors: { minutesElasticity: number; price: number; mechanism: number; traffic: number } | null;
  warnings: ForecastWarning[];
}

export interface Forecast {
  status: 'ok' | 'unavailable';
  reason: { code: 'no_history'; message: string } | null;
  asOf: string;
  session: {
    id: string | null;
    title: string | null;
    accountId: string | null;
    platform: string | null;
    plannedMinutes: number | null;
  };
  history: { sessions: number; accountSessions: number; from: string | null; to: string | null };
  platformFee: { bp: number; known: boolean };
  trafficFactor: number | null;
  intervals: {
    level: number;
    method: 'backtest_residuals' | 'default';
    itemResiduals: number;
    totalResiduals: number;
  };
  items: ForecastItem[];
  totals: {
    gmvFen: ForecastRange;
    paidOrders: ForecastRange;
    units: ForecastRange;
    refundFen: ForecastRange;
    profitFen: ForecastRange | null;
    profit: ProfitBreakdown | null;
    profitItems: number;
  } | null;
  backtest: {
    sessions: number;
    modelMape: number | null;
    naiveMape: number | null;
    coverage: number | null;
  } | null;
}

export interface Accuracy {
  mape: number | null;
  smape: number | null;
  sessionMape: number | null;
}

export interface Backtest {
  computedAt: string;
  reason: { code: 'not_enough_history'; message: string } | null;
  minTrainingSessions: number;
  historySessions: number;
  sessionsUsed: number;
  skippedSessions: number;
  items: number;
  zeroActualItems: number;
  model: Accuracy;
  naive: Accuracy;
  ratio: number | null;
  coverage: { level: number; share: number | null; items: number };
  sessions: {
    sessionId: string;
    startedAt: string;
    items: number;
    actualGmvFen: number;
    modelGmvFen: number;
    naiveGmvFen: number;
  }[];
}

/** A line-up to forecast as a what-if. */
export interface WhatIfInput {
  accountId: string | null;
  platform: string | null;
  plannedMinutes: number | null;
  items: {
    productId: string;
    skuId: string;
    livePriceFen: number;
    explainMinutes: number;
    mechanism: ForecastMechanism;
    stockAllocation: number | null;
  }[];
}

const platforms = ['douyin', 'kuaishou', 'taobao', 'xiaohongshu', 'wechat_channels'];

export const forecastApi = {
  session: (sessionId: string, signal?: AbortSignal) =>
    api.get<Forecast>(`/api/v1/live-sessions/${encodeURIComponent(sessionId)}/forecast`, { signal }),
  whatIf: (input: WhatIfInput) =>
    api.post<Forecast>('/api/v1/forecast', {
      ...input,
      // The API knows five platforms; any other leaves the default fee to the server.
      platform: input.platform !== null && platforms.includes(input.platform) ? input.platform : null,
    }),
  backtest: (signal?: AbortSignal) => api.get<Backtest>('/api/v1/forecast/backtest', { signal }),
};

/** A range as "low – high" with a formatter. */
export function rangeText(range: ForecastRange, format: (n: number) => string): string {
  return `${format(range.low)} – ${format(range.high)}`;
}

/** A ratio (0.273) as a percentage ("27.3%"), or a dash. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}
