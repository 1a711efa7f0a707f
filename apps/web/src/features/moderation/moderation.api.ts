import type { FlaggedCommentsDto, ModerationLexiconDto } from '@livecloud/live/schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const moderationApi = {
  lexicon: (signal?: AbortSignal) => api.get<ModerationLexiconDto>('/api/v1/moderation/lexicon', { signal }),
  flagged: (limit: number, signal?: AbortSignal) =>
    api.get<FlaggedCommentsDto>(`/api/v1/moderation/flagged?limit=${limit}`, { signal }),
};

/** The lexicon in use; it changes only with a deploy. */
export const lexiconQuery = () =>
  queryOptions({
    queryKey: ['moderation', 'lexicon'],
    queryFn: ({ signal }) => moderationApi.lexicon(signal),
    staleTime: 10 * 60_000,
  });

/** The latest flagged comments, re-read every 15 s. */
export const flaggedCommentsQuery = (limit: number) =>
  queryOptions({
    queryKey: ['moderation', 'flagged', limit],
    queryFn: ({ signal }) => moderationApi.flagged(limit, signal),
    refetchInterval: 15_000,
  });
