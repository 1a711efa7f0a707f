import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';

export type Mechanism =
  | { type: 'none' }
  | { type: 'coupon'; discountFen: number; thresholdFen: number; quantity?: number | null }
  | { type: 'gift'; giftName: string; giftValueFen?: number | null; quantity: number }
  | { type: 'flash_sale'; flashPriceFen: number; quantity: number; durationMinutes: number }
  | {
      type: 'giveaway';
      prize: string;
      winners: number;
      durationMinutes: number;
      condition: 'comment' | 'follow' | 'fanclub';
    };
export type MechanismType = Mechanism['type'];
export const mechanismTypes: MechanismType[] = ['none', 'coupon', 'gift', 'flash_sale', 'giveaway'];

export interface LineupItem {
  id: string;
  position: number;
  productId: string;
  skuId: string;
  product: { title: string; status: string; approved: boolean; skuName: string | null } | null;
  explainMinutes: number;
  livePriceFen: number;
  mechanism: Mechanism;
  stockAllocation: number;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ProblemCode =
  | 'product_not_found'
  | 'sku_not_found'
  | 'product_not_approved'
  | 'stock_exceeded'
  | 'price_above_lowest'
  | 'explain_time_exceeds_session';

export interface LineupValidation {
  ok: boolean;
  problems: { itemId: string | null; code: ProblemCode; message: string; details: Record<string, unknown> }[];
  checks: {
    check: 'approval' | 'stock' | 'lowest_price' | 'explain_time';
    status: 'passed' | 'failed' | 'skipped';
    reason: string | null;
  }[];
}

export interface Lineup {
  sessionId: string;
  sessionMinutes: number;
  totalExplainMinutes: number;
  items: LineupItem[];
  validation: LineupValidation;
}

export interface LineupItemInput {
  productId: string;
  skuId: string;
  explainMinutes: number;
  livePriceFen: number;
  mechanism: Mechanism;
  stockAllocation: number;
  note?: string | null;
}

export interface PoolRequirement {
  id: string;
  categories: string[];
  priceMinFen: number | null;
  priceMaxFen: number | null;
  minMarginBp: number | null;
  count: number;
  note: string | null;
}

export type PoolRequirementInput = Omit<PoolRequirement, 'id'>;

const session = (id: string) => `/api/v1/live-sessions/${encodeURIComponent(id)}`;

export const lineupsApi = {
  get: (sessionId: string, signal?: AbortSignal) =>
    api.get<Lineup>(`${session(sessionId)}/lineup`, { signal }),
  add: (sessionId: string, input: LineupItemInput) =>
    api.post<Lineup>(`${session(sessionId)}/lineup/items`, input),
  update: (itemId: string, patch: Partial<LineupItemInput>) =>
    api.patch<Lineup>(`/api/v1/lineup-items/${encodeURIComponent(itemId)}`, patch),
  remove: (itemId: string) => api.delete<Lineup>(`/api/v1/lineup-items/${encodeURIComponent(itemId)}`),
  reorder: (sessionId: string, itemIds: string[]) =>
    api.put<Lineup>(`${session(sessionId)}/lineup/order`, { itemIds }),
  requirements: (sessionId: string, signal?: AbortSignal) =>
    api.get<ListResponse<PoolRequirement>>(`${session(sessionId)}/requirements`, { signal }),
  saveRequirements: (sessionId: string, items: PoolRequirementInput[]) =>
    api.put<ListResponse<PoolRequirement>>(`${session(sessionId)}/requirements`, { items }),
};

/** A yuan amount typed by a person ("49.9", "1,299") → fen, without floating point; null when it is not one. */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value).trim().replace(/[,，]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen → a plain yuan string for an input ("4990" → "49.90"). */
export function fenToYuan(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
