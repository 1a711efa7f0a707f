import { AppError, type Clock } from '@livecloud/core';
import type { DeadLetterRepository } from './dead-letter.repository.js';
import type { EventStore } from './event-store.js';
import {
  maxOverviewBuckets,
  overviewBuckets,
  type EventOverviewDto,
  type EventOverviewQuery,
  type OverviewSeriesDto,
  type RecentEventDto,
  type RecentEventsDto,
} from './event-overview.schema.js';
import { eventVolume } from './event-volume.query.js';
import { scopeToOrg } from './org-scope.query.js';
import { recentEvents } from './recent-events.query.js';

const dayMs = 86_400_000;

/** Titles of the organisation's scheduled sessions among `ids`; ids it did not schedule are absent. */
export type SessionTitles = (orgId: string, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/**
 * A person's id as the overview shows it: enough to tell two viewers apart, not enough to
 * look one up on the platform.
 */
export function maskPersonKey(id: string): string | null {
  if (id === '') return null;
  const chars = [...id];
  if (chars.length <= 4) return `${chars[0] ?? ''}***`;
  return `${chars.slice(0, 3).join('')}***${chars.slice(-2).join('')}`;
}

function seriesOf(
  rows: readonly { key: string; index: number; count: number }[],
  buckets: number,
): OverviewSeriesDto[] {
  const byKey = new Map<string, number[]>();
  for (const row of rows) {
    let counts = byKey.get(row.key);
    if (!counts) byKey.set(row.key, (counts = new Array<number>(buckets).fill(0)));
    counts[row.index] = (counts[row.index] ?? 0) + row.count;
  }
  return [...byKey.entries()]
    .map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** The events overview: volume over time by source and type, what was refused, the last events. */
export function createEventOverviewService(deps: {
  eventStore: Pick<EventStore, 'query' | 'tables'>;
  deadLetters: Pick<DeadLetterRepository, 'countsByBucket'>;
  clock: Clock;
  /** Titles of the organisation's scheduled sessions by id (scheduling); none without it. */
  sessionTitles?: SessionTitles | undefined;
}) {
  const { eventStore, deadLetters, clock } = deps;
  return {
    async overview(orgId: string, query: EventOverviewQuery): Promise<EventOverviewDto> {
      const bucketMs = overviewBuckets[query.bucket];
      const to = query.to ? Date.parse(query.to) : clock.now();
      const requestedFrom = query.from ? Date.parse(query.from) : to - dayMs;
      if (!(requestedFrom < to)) {
        throw AppError.invalid('overview_range_invalid', 'from must be before to', {
          from: new Date(requestedFrom).toISOString(),
          to: new Date(to).toISOString(),
        });
      }
      const from = Math.floor(requestedFrom / bucketMs) * bucketMs;
      const buckets = Math.ceil((to - from) / bucketMs);
      if (buckets > maxOverviewBuckets) {
        throw AppError.invalid(
          'overview_too_many_buckets',
          `the range holds ${buckets} buckets of a ${query.bucket}; at most ${maxOverviewBuckets}`,
          { buckets, max: maxOverviewBuckets, bucket: query.bucket },
        );
      }
      const [volume, refused] = await Promise.all([
        eventVolume(scopeToOrg(eventStore, orgId), eventStore.tables.events, { from, to, bucketMs }),
        deadLetters.countsByBucket(orgId, { from: new Date(from), to: new Date(to), bucketMs }),
      ]);
      const indexOf = (start: number): number => Math.round((start - from) / bucketMs);
      const inRange = <T extends { bucketStart: number }>(row: T): boolean =>
        indexOf(row.bucketStart) >= 0 && indexOf(row.bucketStart) < buckets;
      const accepted = new Array<number>(buckets).fill(0);
      const rejected = new Array<number>(buckets).fill(0);
      const add = (counts: number[], start: number, count: number): void => {
        const i = indexOf(start);
        counts[i] = (counts[i] ?? 0) + count;
      };
      for (const row of volume.filter(inRange)) add(accepted, row.bucketStart, row.count);
      for (const row of refused.filter(inRange)) add(rejected, row.bucketStart, row.count);
      const indexed = volume.filter(inRange).map((row) => ({ ...row, index: indexOf(row.bucketStart) }));
      const acceptedTotal = accepted.reduce((a, b) => a + b, 0);
      const rejectedTotal = rejected.reduce((a, b) => a + b, 0);
      const all = acceptedTotal + rejectedTotal;
      return {
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        bucket: query.bucket,
        bucketStarts: accepted.map((_, i) => new Date(from + i * bucketMs).toISOString()),
        accepted,
        rejected,
        bySource: seriesOf(
          indexed.map((r) => ({ key: r.source, index: r.index, count: r.count })),
          buckets,
        ),
        byType: seriesOf(
          indexed.map((r) => ({ key: r.type, index: r.index, count: r.count })),
          buckets,
        ),
        totals: {
          accepted: acceptedTotal,
          rejected: rejectedTotal,
          rejectedShare: all === 0 ? null : rejectedTotal / all,
        },
      };
    },

    async recent(orgId: string, limit: number): Promise<RecentEventsDto> {
      const rows = await recentEvents(scopeToOrg(eventStore, orgId), eventStore.tables.events, limit);
      const sessionIds = [...new Set(rows.flatMap((r) => (r.sessionId === '' ? [] : [r.sessionId])))];
      const titles =
        deps.sessionTitles && sessionIds.length > 0
          ? await deps.sessionTitles(orgId, sessionIds)
          : new Map<string, string>();
      return {
        items: rows.map((r): RecentEventDto => ({
          id: r.id,
          type: r.type,
          source: r.source,
          occurredAt: new Date(r.occurredAt).toISOString(),
          receivedAt: new Date(r.receivedAt).toISOString(),
          sessionId: r.sessionId === '' ? null : r.sessionId,
          sessionTitle: titles.get(r.sessionId) ?? null,
          personKey: maskPersonKey(r.personId),
        })),
      };
    },
  };
}
export type EventOverviewService = ReturnType<typeof createEventOverviewService>;
