import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { deadLettersApi, type DeadLetterFilters } from './dead-letters.api';

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
