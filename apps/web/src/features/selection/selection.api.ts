import type { ListOf } from '@livecloud/contracts';
import type { ScoreComponent } from '@livecloud/contracts/vocabulary';
import type {
  AddShortlistBody,
  CoverageDto,
  CreateObservationBody,
  ImportReportDto,
  ObservationDto,
  PriceHistoryDto,
  ScoresDto,
  SelectableSessionsDto,
  ShortlistDto,
  ShortlistItemDto,
} from '@livecloud/selection/schemas';
import { api } from '../../api/client';

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

export const selectionApi = {
  sessions: (signal?: AbortSignal) => api.get<SelectableSessionsDto>(`${v1}/sessions`, { signal }),
  scores: (params: ScoreParams, signal?: AbortSignal) =>
    api.get<ScoresDto>(
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
    api.get<ScoresDto>(
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
    api.get<PriceHistoryDto>(`${v1}/products/${id(productId)}/prices${query({ days })}`, { signal }),
  observations: (productId: string, signal?: AbortSignal) =>
    api.get<ListOf<ObservationDto>>(`${v1}/products/${id(productId)}/observations?limit=200`, { signal }),
  observe: (input: CreateObservationBody) => api.post<ObservationDto>(`${v1}/observations`, input),
  removeObservation: (observationId: string) =>
    api.delete<ObservationDto>(`${v1}/observations/${id(observationId)}`),
  importCsv: (csv: string) => api.post<ImportReportDto>(`${v1}/observations/import`, { csv }),
  shortlist: (sessionId: string, params: ScoreParams, signal?: AbortSignal) =>
    api.get<ShortlistDto>(
      `${v1}/sessions/${id(sessionId)}/shortlist${query({ days: params.days, weights: weightsParam(params.weights) })}`,
      { signal },
    ),
  coverage: (sessionId: string, signal?: AbortSignal) =>
    api.get<CoverageDto>(`${v1}/sessions/${id(sessionId)}/coverage`, { signal }),
  addToShortlist: (sessionId: string, input: AddShortlistBody) =>
    api.post<ShortlistItemDto>(`${v1}/sessions/${id(sessionId)}/shortlist`, input),
  removeFromShortlist: (sessionId: string, skuId: string) =>
    api.delete<ShortlistItemDto>(`${v1}/sessions/${id(sessionId)}/shortlist/${id(skuId)}`),
};

/** A price-import template with a BOM so Excel opens it as UTF-8. */
export const priceCsvTemplate = `\uFEFF商品ID,SKU ID,平台,价格(元),观测时间,来源链接,备注\nprd_…,sku_…,抖音,79.90,2026-11-11 20:00,https://v.douyin.com/…,双11 竞品直播间\n`;
