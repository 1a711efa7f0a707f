import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { sessionsKey } from '../schedule/schedule.queries';
import { selectionApi, type ScoreParams } from './selection.api';

/** Scores and shortlists read prices: a recorded or deleted price makes both stale. */
export const scoresKey = ['selection', 'scores'] as const;
export const shortlistKey = ['selection', 'shortlist'] as const;

export const selectionQueries = {
  /** The sessions selection can shortlist for (a session change makes them stale). */
  sessions: () =>
    queryOptions({
      queryKey: [...sessionsKey, 'selection'],
      queryFn: ({ signal }) => selectionApi.sessions(signal),
    }),
  /** The pool's scores; the previous weights' scores stay while the next ones load. */
  scores: (params: ScoreParams) =>
    queryOptions({
      queryKey: [...scoresKey, params],
      queryFn: ({ signal }) => selectionApi.scores(params, signal),
      placeholderData: keepPreviousData,
    }),
  shortlist: (sessionId: string | null, params: ScoreParams) =>
    queryOptions({
      queryKey: [...shortlistKey, sessionId, params],
      queryFn: sessionId ? ({ signal }) => selectionApi.shortlist(sessionId, params, signal) : skipToken,
      placeholderData: keepPreviousData,
    }),
  coverage: (sessionId: string | null) =>
    queryOptions({
      queryKey: ['selection', 'coverage', sessionId],
      queryFn: sessionId ? ({ signal }) => selectionApi.coverage(sessionId, signal) : skipToken,
      placeholderData: keepPreviousData,
    }),
  compare: (items: { productId: string; skuId: string }[] | null, params: ScoreParams) =>
    queryOptions({
      queryKey: ['selection', 'compare', items, params],
      queryFn: items ? ({ signal }) => selectionApi.compare(items, params, signal) : skipToken,
    }),
  history: (productId: string | null, days: number) =>
    queryOptions({
      queryKey: ['selection', 'prices', productId, days],
      queryFn: productId ? ({ signal }) => selectionApi.history(productId, days, signal) : skipToken,
    }),
  observations: (productId: string | null) =>
    queryOptions({
      queryKey: ['selection', 'observations', productId],
      queryFn: productId ? ({ signal }) => selectionApi.observations(productId, signal) : skipToken,
    }),
};
