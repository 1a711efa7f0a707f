import type { DeadLetterStatus } from '@livecloud/contracts/vocabulary';
import type {
  BulkReplayInput,
  BulkReplayResult,
  DeadLetterDto,
  DeadLetterPage,
} from '@livecloud/events/schemas';
import { api } from '../../api/client';

export interface DeadLetterFilters {
  status?: DeadLetterStatus;
  source?: string;
  q?: string;
}

function listPath(filters: DeadLetterFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.source) params.set('source', filters.source);
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query === '' ? '/api/v1/dead-letters' : `/api/v1/dead-letters?${query}`;
}

const itemPath = (id: string) => `/api/v1/dead-letters/${encodeURIComponent(id)}`;

export const deadLettersApi = {
  list: (filters: DeadLetterFilters, signal?: AbortSignal, cursor?: string) =>
    api.get<DeadLetterPage>(listPath(filters, cursor), { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<DeadLetterDto>(itemPath(id), { signal }),
  /** Replays as kept, or with a corrected item (kept, the original beside it). */
  replay: (id: string, payload?: Record<string, unknown>) =>
    api.post<DeadLetterDto>(`${itemPath(id)}/replay`, payload === undefined ? undefined : { payload }),
  replayMany: (body: Partial<BulkReplayInput>) =>
    api.post<BulkReplayResult>('/api/v1/dead-letters/replay', body),
  discard: (id: string) => api.post<DeadLetterDto>(`${itemPath(id)}/discard`),
};

const shanghaiOffsetMs = 8 * 3600_000;

/** `YYYY-MM-DD HH:mm:ss` on the Asia/Shanghai clock (UTC+8, no summer time), whatever the browser's zone. */
export function shanghaiDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '—';
  return new Date(ms + shanghaiOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** The original item for display: pretty JSON when it was JSON, else the raw text as received. */
export function payloadForDisplay(letter: DeadLetterDto): string | null {
  if (letter.payloadText !== null) return letter.payloadText;
  if (letter.payload === undefined) return null;
  return JSON.stringify(letter.payload, null, 2);
}

/** The text a person edits: the stored item as pretty JSON, or the raw text when it was not JSON. */
export function editableText(letter: DeadLetterDto): string {
  return payloadForDisplay(letter) ?? '{}';
}

/** A corrected item typed by a person: a JSON object, or why not (an i18n key under `events.edit`). */
export function parseCorrection(
  text: string,
): { ok: true; payload: Record<string, unknown> } | { ok: false; error: 'notJson' | 'notObject' } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'notObject' };
  return { ok: true, payload: value as Record<string, unknown> };
}
