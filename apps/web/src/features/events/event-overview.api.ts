import type { EventOverviewDto, RecentEventsDto } from '@livecloud/events/schemas';
import { api } from '../../api/client';

/** The ranges the overview offers, each with the bucket that keeps it under the server's cap. */
export const overviewRanges = {
  last1h: { ms: 3_600_000, bucket: 'minute' },
  last24h: { ms: 86_400_000, bucket: 'hour' },
  last7d: { ms: 7 * 86_400_000, bucket: 'hour' },
} as const;
export type OverviewRange = keyof typeof overviewRanges;

function overviewPath(range: OverviewRange, now: number): string {
  const { ms, bucket } = overviewRanges[range];
  const params = new URLSearchParams({
    from: new Date(now - ms).toISOString(),
    to: new Date(now).toISOString(),
    bucket,
  });
  return `/api/v1/events/overview?${params.toString()}`;
}

export const eventOverviewApi = {
  overview: (range: OverviewRange, now: number, signal?: AbortSignal) =>
    api.get<EventOverviewDto>(overviewPath(range, now), { signal }),
  recent: (limit: number, signal?: AbortSignal) =>
    api.get<RecentEventsDto>(`/api/v1/events/recent?limit=${limit}`, { signal }),
};

/** An event type's label key: `room.enter` → `room_enter` (a dot would split the i18n key). */
export function eventTypeKey(type: string): string {
  return type.replace(/\./g, '_');
}
