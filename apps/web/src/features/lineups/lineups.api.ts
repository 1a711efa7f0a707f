import type { ListOf } from '@livecloud/contracts';
import type {
  CreateLineupItemBody,
  LineupDto,
  PoolRequirementBody,
  PoolRequirementDto,
  UpdateLineupItemBody,
} from '@livecloud/schedule/schemas';
import { api } from '../../api/client';

const session = (id: string) => `/api/v1/live-sessions/${encodeURIComponent(id)}`;

export const lineupsApi = {
  get: (sessionId: string, signal?: AbortSignal) =>
    api.get<LineupDto>(`${session(sessionId)}/lineup`, { signal }),
  add: (sessionId: string, input: CreateLineupItemBody) =>
    api.post<LineupDto>(`${session(sessionId)}/lineup/items`, input),
  update: (itemId: string, patch: UpdateLineupItemBody) =>
    api.patch<LineupDto>(`/api/v1/lineup-items/${encodeURIComponent(itemId)}`, patch),
  remove: (itemId: string) => api.delete<LineupDto>(`/api/v1/lineup-items/${encodeURIComponent(itemId)}`),
  reorder: (sessionId: string, itemIds: string[]) =>
    api.put<LineupDto>(`${session(sessionId)}/lineup/order`, { itemIds }),
  requirements: (sessionId: string, signal?: AbortSignal) =>
    api.get<ListOf<PoolRequirementDto>>(`${session(sessionId)}/requirements`, { signal }),
  saveRequirements: (sessionId: string, items: PoolRequirementBody[]) =>
    api.put<ListOf<PoolRequirementDto>>(`${session(sessionId)}/requirements`, { items }),
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
