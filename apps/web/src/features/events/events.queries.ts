import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { deadLettersApi, type DeadLetterFilters } from './dead-letters.api';
import { eventOverviewApi, type OverviewRange } from './event-overview.api';

/**
 * The first page of dead letters for a set of filters; "load more" appends the next pages to
 * the same entry. The previous filter's rows stay while the next filter loads.
 */
export const deadLettersQuery = (filters: DeadLetterFilters) =>
  queryOptions({
    queryKey: ['events', 'dead-letters', filters],
    queryFn: ({ signal }) => deadLettersApi.list(filters, signal),
    placeholderData: keepPreviousData,
  });

/** The overview of a range, re-read every 30 s; the range ends when the query runs. */
export const eventOverviewQuery = (range: OverviewRange) =>
  queryOptions({
    queryKey: ['events', 'overview', range],
    queryFn: ({ signal }) => eventOverviewApi.overview(range, Date.now(), signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

/** The last events received, re-read every 10 s. */
export const recentEventsQuery = (limit: number) =>
  queryOptions({
    queryKey: ['events', 'recent', limit],
    queryFn: ({ signal }) => eventOverviewApi.recent(limit, signal),
    refetchInterval: 10_000,
  });
